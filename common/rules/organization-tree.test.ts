import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../contracts/organizations.contract.ts';
import {
  ancestorIdsOfPath,
  BOARD_KINDS,
  canBeParentOf,
  canHoldMembers,
  checkEffectiveDate,
  checkPlacement,
  childPath,
  COMMITTEE_KINDS,
  competentBodiesFor,
  competentBodyFor,
  descendantIdsOf,
  isSelfOrDescendantPath,
  isValidOn,
  orderAsTree,
  rebasePath,
  selectVersionsAsOf,
} from './organization-tree.ts';

describe('as-of selection (architecture principle 7: "as of D" = rows valid on D)', () => {
  const v = (organizationId: number, validFrom: string, validTo: string | null, name = `v${organizationId}-${validFrom}`) => ({
    organizationId,
    validFrom,
    validTo,
    name,
  });

  it('holds from validFrom inclusive to validTo exclusive', () => {
    const version = v(1, '2020-01-01', '2025-07-01');
    expect(isValidOn(version, '2019-12-31')).toBe(false);
    expect(isValidOn(version, '2020-01-01')).toBe(true);
    expect(isValidOn(version, '2025-06-30')).toBe(true);
    expect(isValidOn(version, '2025-07-01')).toBe(false);
    expect(isValidOn(v(1, '2020-01-01', null), '2999-12-31')).toBe(true);
  });

  it('a version superseded on its first day holds on no date', () => {
    expect(isValidOn(v(1, '2025-07-01', '2025-07-01'), '2025-07-01')).toBe(false);
  });

  it('picks the one version of each organization valid on the date', () => {
    const versions = [
      v(1, '2020-01-01', '2025-07-01', 'Huyện ủy Lạc Dương'),
      v(2, '2020-01-01', '2025-07-01', 'Đảng bộ trường — dưới huyện'),
      v(2, '2025-07-01', null, 'Đảng bộ trường — dưới xã'),
      v(3, '2025-07-01', null, 'Đảng bộ xã Lạc Dương'),
    ];
    expect(selectVersionsAsOf(versions, '2025-06-01').map((x) => x.name)).toEqual(['Huyện ủy Lạc Dương', 'Đảng bộ trường — dưới huyện']);
    expect(selectVersionsAsOf(versions, '2025-08-01').map((x) => x.name)).toEqual(['Đảng bộ trường — dưới xã', 'Đảng bộ xã Lạc Dương']);
    expect(selectVersionsAsOf(versions, '2019-01-01')).toEqual([]);
  });

  it('returns at most one version per organization for any date (property)', () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => `20${String(10 + Math.floor(n / 365)).padStart(2, '0')}-01-${String(1 + (n % 28)).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), date, fc.option(date)), { maxLength: 30 }), date, (raw, d) => {
        const picked = selectVersionsAsOf(raw.map(([id, from, to]) => v(id, from, to)), d);
        expect(new Set(picked.map((p) => p.organizationId)).size).toBe(picked.length);
        for (const p of picked) expect(isValidOn(p, d)).toBe(true);
      }),
    );
  });
});

describe('canBeParentOf (Điều lệ Đảng 2011 Art. 11, 21; Quy định 294-QĐ/TW: communes under the province since 1/7/2025)', () => {
  it('a cell leads no organization', () => {
    for (const child of ORGANIZATION_KINDS) {
      expect(canBeParentOf('cell', child)).toBe(false);
      expect(canBeParentOf('grassroots_cell', child)).toBe(false);
    }
  });

  it('boards lead nothing and hang under any committee', () => {
    for (const board of BOARD_KINDS) {
      for (const child of ORGANIZATION_KINDS) expect(canBeParentOf(board, child)).toBe(false);
      for (const committee of COMMITTEE_KINDS) expect(canBeParentOf(committee, board)).toBe(true);
    }
    expect(canBeParentOf('provincial_committee', 'organization_board')).toBe(true);
    expect(canBeParentOf('commune_committee', 'inspection_committee')).toBe(true);
  });

  it('follows the levels: province → (district until 2025) → commune → grassroots → sub-grassroots → cell', () => {
    expect(canBeParentOf(null, 'provincial_committee')).toBe(true);
    expect(canBeParentOf(null, 'commune_committee')).toBe(false);
    expect(canBeParentOf('provincial_committee', 'commune_committee')).toBe(true);
    expect(canBeParentOf('provincial_committee', 'district_committee')).toBe(true);
    expect(canBeParentOf('district_committee', 'grassroots_committee')).toBe(true);
    expect(canBeParentOf('commune_committee', 'grassroots_committee')).toBe(true);
    expect(canBeParentOf('commune_committee', 'grassroots_cell')).toBe(true);
    expect(canBeParentOf('commune_committee', 'cell')).toBe(true);
    expect(canBeParentOf('grassroots_committee', 'cell')).toBe(true);
    expect(canBeParentOf('grassroots_committee', 'sub_grassroots_committee')).toBe(true);
    expect(canBeParentOf('sub_grassroots_committee', 'cell')).toBe(true);
    // No level upside down.
    expect(canBeParentOf('commune_committee', 'provincial_committee')).toBe(false);
    expect(canBeParentOf('grassroots_committee', 'commune_committee')).toBe(false);
    expect(canBeParentOf('provincial_committee', 'provincial_committee')).toBe(false);
    // A cell under a province is a grassroots cell, not a "cell" (chi bộ trực thuộc needs a grassroots committee).
    expect(canBeParentOf('provincial_committee', 'cell')).toBe(false);
  });

  it('members sit only in cells', () => {
    const holding = ORGANIZATION_KINDS.filter((k: OrganizationKind) => canHoldMembers(k));
    expect(holding).toEqual(['grassroots_cell', 'cell']);
  });
});

describe('materialized paths', () => {
  it('an organization is its own descendant, and paths do not match on digit prefixes', () => {
    expect(isSelfOrDescendantPath('/1/7/', '/1/7/')).toBe(true);
    expect(isSelfOrDescendantPath('/1/7/42/', '/1/7/')).toBe(true);
    expect(isSelfOrDescendantPath('/1/', '/1/7/')).toBe(false);
    expect(isSelfOrDescendantPath('/1/70/', '/1/7/')).toBe(false);
  });

  it('lists ancestors root first and builds child paths', () => {
    expect(ancestorIdsOfPath('/1/7/42/')).toEqual([1, 7]);
    expect(ancestorIdsOfPath('/1/')).toEqual([]);
    expect(childPath('/1/7/', 42)).toBe('/1/7/42/');
    expect(childPath(null, 1)).toBe('/1/');
  });

  it('a move re-roots every path of the subtree and nothing else', () => {
    expect(rebasePath('/1/2/5/9/', '/1/2/5/', '/1/3/5/')).toBe('/1/3/5/9/');
    expect(rebasePath('/1/2/5/', '/1/2/5/', '/1/3/5/')).toBe('/1/3/5/');
    expect(() => rebasePath('/1/2/6/', '/1/2/5/', '/1/3/5/')).toThrow(RangeError);
  });

  it('finds descendants in a parent-linked tree and survives cycles', () => {
    const nodes = [
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 4, parentId: 1 },
      { id: 5, parentId: 6 },
      { id: 6, parentId: 5 },
    ];
    expect([...descendantIdsOf(nodes, 2)].sort()).toEqual([2, 3]);
    expect([...descendantIdsOf(nodes, 1)].sort()).toEqual([1, 2, 3, 4]);
    expect([...descendantIdsOf(nodes, 5)].sort()).toEqual([5, 6]);
    expect(descendantIdsOf(nodes, 99).size).toBe(0);
  });
});

describe('R-ADM-14 (Quy định 294-QĐ/TW): the competent body is the nearest organization up the tree with the authority', () => {
  const none = { admission: false, recognition: false, removal: false };
  const cell = { id: 10, authority: none };
  const grassroots = { id: 20, authority: { ...none, recognition: true } };
  const commune = { id: 30, authority: { admission: true, recognition: true, removal: true } };
  const province = { id: 40, authority: { admission: true, recognition: true, removal: true } };

  it('an authorised grassroots committee decides; otherwise the superior committee does', () => {
    const chain = [cell, grassroots, commune, province];
    expect(competentBodyFor(chain, 'recognition')?.id).toBe(20);
    expect(competentBodyFor(chain, 'admission')?.id).toBe(30);
    expect(competentBodiesFor(chain)).toEqual({ admission: commune, recognition: grassroots, removal: commune });
  });

  it('counts the organization itself', () => {
    expect(competentBodyFor([commune, province], 'removal')?.id).toBe(30);
  });

  it('is null when nobody up the tree holds the authority', () => {
    expect(competentBodyFor([cell, { id: 20, authority: none }], 'admission')).toBeNull();
    expect(competentBodyFor([], 'admission')).toBeNull();
  });
});

describe('display order', () => {
  it('is depth first, siblings by Vietnamese name, orphans as roots', () => {
    const nodes = [
      { id: 5, parentId: 1, name: 'Chi bộ Ấp Bắc' },
      { id: 1, parentId: null, name: 'Đảng bộ xã' },
      { id: 4, parentId: 1, name: 'Chi bộ An Hòa' },
      { id: 6, parentId: 4, name: 'Tổ 1' },
      { id: 9, parentId: 77, name: 'Chi bộ mồ côi' },
    ];
    expect(orderAsTree(nodes).map((n) => n.id)).toEqual([9, 1, 4, 6, 5]);
  });

  it('keeps nodes caught in a cycle', () => {
    const nodes = [
      { id: 1, parentId: 2, name: 'A' },
      { id: 2, parentId: 1, name: 'B' },
    ];
    expect(orderAsTree(nodes).map((n) => n.id).sort()).toEqual([1, 2]);
  });
});

describe('effective dates (architecture principle 7: history is kept, never rewritten)', () => {
  it('refuses a change dated before the version it supersedes', () => {
    expect(checkEffectiveDate('2025-06-30', { currentVersionFrom: '2025-07-01' })).toMatchObject({ path: 'effectiveDate', code: 'before_current_version' });
    expect(checkEffectiveDate('2025-07-01', { currentVersionFrom: '2025-07-01' })).toBeNull();
  });

  it('refuses attaching to an organization before it was founded', () => {
    expect(checkEffectiveDate('2025-06-30', { parentFoundedOn: '2025-07-01' })?.code).toBe('before_parent_valid_from');
    expect(checkEffectiveDate('2025-06-30', { successorFoundedOn: '2025-07-01' })?.code).toBe('before_successor_valid_from');
    expect(checkEffectiveDate('2025-07-01', { currentVersionFrom: '2020-01-01', parentFoundedOn: '2025-07-01' })).toBeNull();
  });
});

describe('split placement', () => {
  it('every member must be placed into an existing part, and only members of the source', () => {
    expect(checkPlacement('memberPlacement', [1, 2], { 1: 0, 2: 1 }, 2)).toEqual([]);
    expect(checkPlacement('memberPlacement', [1, 2], { 1: 0 }, 2)).toEqual([{ path: 'memberPlacement.2', code: 'not_placed' }]);
    expect(checkPlacement('memberPlacement', [1], { 1: 0, 3: 1 }, 2)).toEqual([{ path: 'memberPlacement.3', code: 'not_in_source' }]);
    expect(checkPlacement('childPlacement', [7], { 7: 2 }, 2)).toEqual([{ path: 'childPlacement.7', code: 'no_such_part', params: { index: 2 } }]);
    expect(checkPlacement('childPlacement', [], {}, 2)).toEqual([]);
  });
});
