import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { OrganizationDetail, OrganizationNode } from '../../../common/contracts/organizations.contract.ts';
import { buildMember, buildOrganization, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';

// Route tests on a real database, on every engine (architecture principle 10). The app's clock is fixed at
// 2026-06-15T03:00Z, so "today in Vietnam" is 2026-06-15.

describe.each(ENGINES)('organizations on %s', (engine) => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A logged-in account (the login rate limit allows 30 a minute per app: keep to a few per test). */
  async function as(role: Role, organizationId: number, personId: number | null = null) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username, personId });
    return loginAs(t.app, username);
  }

  async function call<T = any>(cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T };
  }

  const tree = (cookie: string, asOf?: string) =>
    call<{ asOf: string; nodes: OrganizationNode[] }>(cookie, 'GET', `/api/organizations/tree${asOf ? `?asOf=${asOf}` : ''}`);
  const detail = (cookie: string, id: number) => call<OrganizationDetail>(cookie, 'GET', `/api/organizations/${id}`);
  const byId = (nodes: OrganizationNode[], id: number) => nodes.find((x) => x.id === id);

  async function auditCount() {
    const row = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async function auditActions(since: number) {
    const rows = await t.db.selectFrom('audit_log').select(['action', 'object_id', 'outcome']).where('id', '>', since).orderBy('id').execute();
    return rows;
  }
  async function lastAuditId() {
    const row = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.id ?? 0;
  }
  const member = (id: number) => t.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const org = (id: number) => t.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('shows today\'s tree of the actor\'s subtree with today\'s member counts', async () => {
    const o = await buildTree(t.db);
    await buildMember(t.db, { organizationId: o.cellA.id });
    await buildMember(t.db, { organizationId: o.cellA.id, status: 'probationary' });
    await buildMember(t.db, { organizationId: o.cellA.id, status: 'struck_off' });
    const admin = await as('admin', o.province.id);
    const res = await tree(admin);
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2026-06-15');
    expect(res.body.nodes.map((x) => x.id)).toEqual([o.province.id, o.commune.id, o.otherCell.id, o.grassroots.id, o.cellA.id, o.cellB.id]);
    expect(byId(res.body.nodes, o.cellA.id)).toMatchObject({ parentId: o.grassroots.id, kind: 'cell', name: 'Chi bộ Giáo viên', memberCount: 2 });
    expect(byId(res.body.nodes, o.commune.id)?.authority).toEqual({ admission: true, recognition: true, removal: true });
    expect(byId(res.body.nodes, o.grassroots.id)?.memberCount).toBe(0);
    expect((await tree(admin, '2019-12-31')).body.nodes).toEqual([]);
    expect((await call(admin, 'GET', '/api/organizations/tree?asOf=2025-02-30')).status).toBe(400);
  });

  describe('the 2025 reorganization', () => {
    it('keeps the past tree: under the district until 2025-06-30, under the communes from 2025-07-01', async () => {
      const province = await buildOrganization(t.db, { kind: 'provincial_committee', name: 'Đảng bộ tỉnh Lâm Đồng' });
      const district = await buildOrganization(t.db, {
        kind: 'district_committee',
        name: 'Đảng bộ huyện Lạc Dương',
        parentId: province.id,
        authority: { admission: true, recognition: true, removal: true },
      });
      const school = await buildOrganization(t.db, { kind: 'grassroots_committee', name: 'Đảng bộ Trường THPT Lang Biang', parentId: district.id });
      const teachers = await buildOrganization(t.db, { kind: 'cell', name: 'Chi bộ Giáo viên', parentId: school.id });
      const village = await buildOrganization(t.db, { kind: 'grassroots_cell', name: 'Chi bộ thôn Đưng K’Si', parentId: district.id });
      const teacher = (await buildMember(t.db, { organizationId: teachers.id })).member;
      const villager = (await buildMember(t.db, { organizationId: village.id })).member;

      const admin = await as('admin', province.id);
      const districtOfficer = await as('organization_officer', district.id);

      const create = (name: string, code: string) =>
        call<OrganizationDetail>(admin, 'POST', '/api/organizations', {
          kind: 'commune_committee',
          name,
          code,
          parentId: province.id,
          authority: { admission: true, recognition: true, removal: true },
          effectiveDate: '2025-07-01',
          decisionRef: '1234-QĐ/TU',
        });
      const langBiang = await create('Đảng bộ phường Lang Biang - Đà Lạt', `LB-${engine}`);
      const dankia = await create('Đảng bộ xã Đankia', `DK-${engine}`);
      expect(langBiang.status).toBe(201);
      expect(langBiang.body).toMatchObject({ parentId: province.id, validFrom: '2025-07-01', version: 1, path: [{ id: province.id }] });

      const move = async (id: number, parentId: number) => {
        const v = (await org(id)).version;
        return call<OrganizationDetail>(admin, 'POST', `/api/organizations/${id}/move`, { parentId, version: v, effectiveDate: '2025-07-01' });
      };
      expect((await move(school.id, langBiang.body.id)).status).toBe(200);
      const villageMoved = await move(village.id, dankia.body.id);
      expect(villageMoved.status).toBe(200);

      // The district cannot end on 2025-06-30 while its organizations hang under it until 2025-07-01: a day of orphans.
      const early = await call(admin, 'POST', `/api/organizations/${district.id}/dissolve`, { version: 1, effectiveDate: '2025-06-30' });
      expect(early.status).toBe(422);
      expect(early.body.error.code).toBe('ORGANIZATION_HAS_CHILDREN');
      // Its last day is 2025-06-30: it no longer exists from 2025-07-01.
      const dissolved = await call<OrganizationDetail>(admin, 'POST', `/api/organizations/${district.id}/dissolve`, {
        version: 1,
        effectiveDate: '2025-07-01',
        decisionRef: '999-QĐ/TU',
      });
      expect(dissolved.status).toBe(200);
      expect(dissolved.body).toMatchObject({ validTo: '2025-07-01', version: 2, children: [] });
      const renamed = await call<OrganizationDetail>(admin, 'POST', `/api/organizations/${school.id}/rename`, {
        name: 'Đảng bộ Trường THPT Lang Biang (phường Lang Biang)',
        version: (await org(school.id)).version,
        effectiveDate: '2025-09-01',
      });
      expect(renamed.status).toBe(200);

      const before = (await tree(admin, '2025-06-01')).body.nodes;
      expect(before.map((x) => x.id)).toEqual([province.id, district.id, village.id, school.id, teachers.id]);
      expect(byId(before, school.id)).toMatchObject({ parentId: district.id, name: 'Đảng bộ Trường THPT Lang Biang' });
      expect(byId(before, village.id)?.parentId).toBe(district.id);
      expect(byId(before, district.id)).toMatchObject({ validFrom: '2020-01-01', validTo: '2025-07-01' });
      expect(byId(before, langBiang.body.id)).toBeUndefined();

      const after = (await tree(admin, '2025-08-01')).body.nodes;
      expect(byId(after, district.id)).toBeUndefined();
      expect(byId(after, school.id)).toMatchObject({ parentId: langBiang.body.id, name: 'Đảng bộ Trường THPT Lang Biang' });
      expect(byId(after, village.id)).toMatchObject({ parentId: dankia.body.id, memberCount: 1 });
      expect(byId(after, teachers.id)).toMatchObject({ parentId: school.id, memberCount: 1 });
      const today = (await tree(admin)).body.nodes;
      expect(byId(today, school.id)?.name).toBe('Đảng bộ Trường THPT Lang Biang (phường Lang Biang)');

      // Members stay in their cells, which now hang elsewhere; their copies of the path follow.
      const teacherNow = await member(teacher.id);
      const schoolNow = await org(school.id);
      expect(teacherNow.organization_id).toBe(teachers.id);
      expect(schoolNow.path).toBe(`/${province.id}/${langBiang.body.id}/${school.id}/`);
      expect((await org(teachers.id)).path).toBe(`${schoolNow.path}${teachers.id}/`);
      expect(teacherNow.org_path).toBe(`${schoolNow.path}${teachers.id}/`);
      expect(teacherNow.version).toBe(teacher.version);
      expect((await member(villager.id)).org_path).toBe(`/${province.id}/${dankia.body.id}/${village.id}/`);

      // The school's history names the parent of each period; its events list the move and the rename.
      const school2 = (await detail(admin, school.id)).body;
      expect(school2.history.map((h) => [h.parentName, h.validFrom, h.validTo])).toEqual([
        ['Đảng bộ huyện Lạc Dương', '2020-01-01', '2025-07-01'],
        ['Đảng bộ phường Lang Biang - Đà Lạt', '2025-07-01', '2025-09-01'],
        ['Đảng bộ phường Lang Biang - Đà Lạt', '2025-09-01', null],
      ]);
      expect(school2.events.map((e) => [e.kind, e.effectiveDate, e.subjects.map((s) => s.id)])).toEqual([
        ['moved', '2025-07-01', [school.id]],
        ['renamed', '2025-09-01', [school.id]],
      ]);
      expect(school2.path.map((p) => p.id)).toEqual([province.id, langBiang.body.id]);
      expect(school2.children.map((c) => c.id)).toEqual([teachers.id]);
      // R-ADM-14 on today's tree: the school holds no authority, its new commune does.
      expect(school2.competentBodies.admission?.id).toBe(langBiang.body.id);

      // The district's officer still sees, as of a date before the reorganization, what was then under the district
      // (member counts only from its current scope: those members are no longer there) — and nothing after it.
      const districtBefore = (await tree(districtOfficer, '2025-06-01')).body.nodes;
      expect(districtBefore.map((x) => x.id).sort()).toEqual([district.id, village.id, school.id, teachers.id].sort());
      expect(byId(districtBefore, teachers.id)?.memberCount).toBe(0);
      expect((await tree(districtOfficer, '2025-08-01')).body.nodes).toEqual([]);

      // A commune's officer sees, as of the old date, the organizations it holds today, hanging from a parent it cannot see.
      const communeOfficer = await as('organization_officer', langBiang.body.id);
      const communeBefore = (await tree(communeOfficer, '2025-06-01')).body.nodes;
      expect(communeBefore.map((x) => x.id)).toEqual([school.id, teachers.id]);
      expect(byId(communeBefore, school.id)?.parentId).toBe(district.id);
      expect(byId(communeBefore, teachers.id)?.memberCount).toBe(1);
    });

    it('refuses changes dated before the current version, moves into a descendant or under a cell', async () => {
      const o = await buildTree(t.db);
      const admin = await as('admin', o.province.id);
      const renamed = await call(admin, 'POST', `/api/organizations/${o.cellA.id}/rename`, { name: 'Chi bộ Giáo viên 1', version: 1, effectiveDate: '2025-01-01' });
      expect(renamed.status).toBe(200);

      const early = await call(admin, 'POST', `/api/organizations/${o.cellA.id}/rename`, { name: 'X', version: 2, effectiveDate: '2024-12-31' });
      expect(early.status).toBe(400);
      expect(early.body.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'effectiveDate', code: 'before_current_version' }] });

      const intoChild = await call(admin, 'POST', `/api/organizations/${o.grassroots.id}/move`, { parentId: o.cellA.id, version: 1, effectiveDate: '2025-01-01' });
      expect(intoChild.body.error).toMatchObject({ code: 'INVALID_ORGANIZATION_PARENT', params: { reason: 'self_or_descendant' } });
      const intoSelf = await call(admin, 'POST', `/api/organizations/${o.grassroots.id}/move`, { parentId: o.grassroots.id, version: 1, effectiveDate: '2025-01-01' });
      expect(intoSelf.body.error.code).toBe('INVALID_ORGANIZATION_PARENT');
      const underCell = await call(admin, 'POST', `/api/organizations/${o.cellB.id}/move`, { parentId: o.otherCell.id, version: 1, effectiveDate: '2025-01-01' });
      expect(underCell.status).toBe(422);
      expect(underCell.body.error).toMatchObject({ code: 'INVALID_ORGANIZATION_PARENT', params: { reason: 'kind', parentKind: 'grassroots_cell' } });
      const boardUnderCommune = await call(admin, 'POST', '/api/organizations', {
        kind: 'organization_board',
        name: 'Ban Tổ chức Đảng ủy xã',
        code: `BTC-${engine}-${n}`,
        parentId: o.commune.id,
        effectiveDate: '2025-07-01',
      });
      expect(boardUnderCommune.status).toBe(201);
      const underBoard = await call(admin, 'POST', '/api/organizations', {
        kind: 'cell',
        name: 'Chi bộ dưới ban',
        code: `X-${engine}-${n}`,
        parentId: boardUnderCommune.body.id,
        effectiveDate: '2025-07-01',
      });
      expect(underBoard.body.error.code).toBe('INVALID_ORGANIZATION_PARENT');
      const beforeParent = await call(admin, 'POST', '/api/organizations', {
        kind: 'inspection_committee',
        name: 'Ủy ban kiểm tra',
        code: `UBKT-${engine}-${n}`,
        parentId: o.commune.id,
        effectiveDate: '2019-06-01',
      });
      expect(beforeParent.body.error.fields).toEqual([{ path: 'effectiveDate', code: 'before_parent_valid_from', params: { validFrom: '2020-01-01' } }]);
      const duplicate = await call(admin, 'POST', '/api/organizations', {
        kind: 'cell',
        name: 'Chi bộ trùng mã',
        code: o.cellB.code,
        parentId: o.grassroots.id,
        effectiveDate: '2025-07-01',
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error.code).toBe('DUPLICATE_ORGANIZATION_CODE');
    });

    it('refuses to dissolve while active members or children remain, and to change what was dissolved', async () => {
      const o = await buildTree(t.db);
      const admin = await as('admin', o.province.id);
      const m = await buildMember(t.db, { organizationId: o.cellB.id });
      await buildMember(t.db, { organizationId: o.cellA.id, status: 'deceased' });
      const withMembers = await call(admin, 'POST', `/api/organizations/${o.cellB.id}/dissolve`, { version: 1, effectiveDate: '2025-07-01' });
      expect(withMembers.body.error).toMatchObject({ code: 'ORGANIZATION_HAS_MEMBERS', params: { count: 1 } });
      const withChildren = await call(admin, 'POST', `/api/organizations/${o.grassroots.id}/dissolve`, { version: 1, effectiveDate: '2025-07-01' });
      expect(withChildren.body.error).toMatchObject({ code: 'ORGANIZATION_HAS_CHILDREN', params: { count: 2 } });
      // Only former members: the cell may end.
      const ok = await call(admin, 'POST', `/api/organizations/${o.cellA.id}/dissolve`, { version: 1, effectiveDate: '2025-07-01' });
      expect(ok.status).toBe(200);
      const again = await call(admin, 'POST', `/api/organizations/${o.cellA.id}/rename`, { name: 'Chi bộ mới', version: 2, effectiveDate: '2025-08-01' });
      expect(again.body.error.code).toBe('ORGANIZATION_NOT_ACTIVE');
      const under = await call(admin, 'POST', `/api/organizations/${o.cellB.id}/move`, { parentId: o.cellA.id, version: 1, effectiveDate: '2025-08-01' });
      expect(under.body.error.code).toBe('ORGANIZATION_NOT_ACTIVE');
      expect((await member(m.member.id)).organization_id).toBe(o.cellB.id);
      // Dissolved organizations still show in the past tree, and no longer in today's.
      expect(byId((await tree(admin, '2025-06-30')).body.nodes, o.cellA.id)).toBeDefined();
      expect(byId((await tree(admin)).body.nodes, o.cellA.id)).toBeUndefined();
      expect((await detail(admin, o.grassroots.id)).body.children.map((c) => c.id)).toEqual([o.cellB.id]);
    });
  });

  describe('split and merge', () => {
    it('splits a cell: parts under the same parent, every member placed, lineage both ways', async () => {
      const o = await buildTree(t.db);
      const admin = await as('admin', o.province.id);
      const [m1, m2, m3] = await Promise.all([1, 2, 3].map(() => buildMember(t.db, { organizationId: o.cellA.id })));
      const former = await buildMember(t.db, { organizationId: o.cellA.id, status: 'transferred_out' });
      const parts = [
        { kind: 'cell', name: 'Chi bộ Giáo viên Tự nhiên', code: `TN-${engine}-${n}` },
        { kind: 'cell', name: 'Chi bộ Giáo viên Xã hội', code: `XH-${engine}-${n}` },
      ];

      const before = await auditCount();
      const unplaced = await call(admin, 'POST', `/api/organizations/${o.cellA.id}/split`, {
        parts,
        memberPlacement: { [m1.member.id]: 0, [m2.member.id]: 1, [former.member.id]: 0 },
        version: 1,
        effectiveDate: '2025-09-01',
      });
      expect(unplaced.status).toBe(400);
      expect(unplaced.body.error.code).toBe('VALIDATION');
      expect(unplaced.body.error.fields).toEqual(
        expect.arrayContaining([
          { path: `memberPlacement.${m3.member.id}`, code: 'not_placed' },
          { path: `memberPlacement.${former.member.id}`, code: 'not_in_source' },
        ]),
      );
      expect(await auditCount()).toBe(before);
      expect((await org(o.cellA.id)).version).toBe(1);

      const res = await call<OrganizationDetail>(admin, 'POST', `/api/organizations/${o.cellA.id}/split`, {
        parts,
        memberPlacement: { [m1.member.id]: 0, [m2.member.id]: 1, [m3.member.id]: 1 },
        version: 1,
        effectiveDate: '2025-09-01',
        decisionRef: '45-QĐ/ĐU',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: o.cellA.id, validTo: '2025-09-01', version: 2, memberCount: 0 });
      const split = res.body.events.at(-1)!;
      expect(split).toMatchObject({ kind: 'split', effectiveDate: '2025-09-01', decisionRef: '45-QĐ/ĐU', predecessors: [{ id: o.cellA.id }] });
      const [p1, p2] = split.successors;
      expect(split.successors.map((s) => s.name)).toEqual(parts.map((p) => p.name));
      expect(await auditCount()).toBe(before + 1);

      const part2 = (await detail(admin, p2.id)).body;
      expect(part2).toMatchObject({ parentId: o.grassroots.id, validFrom: '2025-09-01', memberCount: 2 });
      expect(part2.events.map((e) => [e.kind, e.predecessors.map((p) => p.id)])).toEqual([['split', [o.cellA.id]]]);

      const moved = await member(m2.member.id);
      expect(moved).toMatchObject({ organization_id: p2.id, org_path: `${o.grassroots.path}${p2.id}/`, version: 2 });
      expect((await member(m1.member.id)).organization_id).toBe(p1.id);
      expect((await member(former.member.id)).organization_id).toBe(o.cellA.id);
      const events = await t.db.selectFrom('member_events').selectAll().where('member_id', '=', m2.member.id).orderBy('id').execute();
      expect(events.at(-1)).toMatchObject({ kind: 'reorganized', event_date: '2025-09-01', from_organization_id: o.cellA.id, to_organization_id: p2.id, decision_ref: '45-QĐ/ĐU' });

      const aug = (await tree(admin, '2025-08-31')).body.nodes;
      expect(byId(aug, o.cellA.id)).toBeDefined();
      expect(byId(aug, p1.id)).toBeUndefined();
      const sep = (await tree(admin, '2025-09-01')).body.nodes;
      expect(byId(sep, o.cellA.id)).toBeUndefined();
      expect(byId(sep, p1.id)?.parentId).toBe(o.grassroots.id);
    });

    it('splits a committee: its cells go to the parts they are placed in, paths and members following', async () => {
      const o = await buildTree(t.db);
      const admin = await as('admin', o.province.id);
      const m = await buildMember(t.db, { organizationId: o.cellB.id });
      const res = await call<OrganizationDetail>(admin, 'POST', `/api/organizations/${o.grassroots.id}/split`, {
        parts: [
          { kind: 'grassroots_committee', name: 'Đảng bộ Trường THCS', code: `THCS-${engine}-${n}` },
          { kind: 'grassroots_committee', name: 'Đảng bộ Trường Tiểu học', code: `TH-${engine}-${n}` },
        ],
        childPlacement: { [o.cellA.id]: 0, [o.cellB.id]: 1 },
        version: 1,
        effectiveDate: '2025-09-01',
      });
      expect(res.status).toBe(200);
      const [, p2] = res.body.events.at(-1)!.successors;
      expect(res.body.events.at(-1)!.subjects.map((s) => s.id).sort()).toEqual([o.cellA.id, o.cellB.id].sort());
      const cellB = await org(o.cellB.id);
      expect(cellB).toMatchObject({ parent_id: p2.id, path: `${o.commune.path}${p2.id}/${o.cellB.id}/` });
      expect((await member(m.member.id))).toMatchObject({ organization_id: o.cellB.id, org_path: cellB.path });
      const history = (await detail(admin, o.cellB.id)).body.history;
      expect(history.map((h) => [h.parentId, h.validTo])).toEqual([[o.grassroots.id, '2025-09-01'], [p2.id, null]]);
    });

    it('merges cells into a new cell and into an existing one, with lineage', async () => {
      const o = await buildTree(t.db);
      const admin = await as('admin', o.province.id);
      const a = await buildMember(t.db, { organizationId: o.cellA.id });
      const b = await buildMember(t.db, { organizationId: o.cellB.id });
      const extra = await buildOrganization(t.db, { kind: 'cell', name: 'Chi bộ Bảo vệ', parentId: o.grassroots.id });
      const c = await buildMember(t.db, { organizationId: extra.id });

      const before = await auditCount();
      const res = await call<OrganizationDetail>(admin, 'POST', '/api/organizations/merge', {
        sourceIds: [o.cellA.id, o.cellB.id],
        sourceVersions: { [o.cellA.id]: 1, [o.cellB.id]: 1 },
        into: { kind: 'cell', name: 'Chi bộ Trường', code: `CBT-${engine}-${n}`, parentId: o.grassroots.id },
        effectiveDate: '2025-10-01',
        decisionRef: '77-QĐ/ĐU',
      });
      expect(res.status).toBe(200);
      expect(await auditCount()).toBe(before + 1);
      expect(res.body).toMatchObject({ name: 'Chi bộ Trường', parentId: o.grassroots.id, validFrom: '2025-10-01', memberCount: 2 });
      expect(res.body.events.map((e) => [e.kind, e.predecessors.map((p) => p.id), e.successors.map((s) => s.id)])).toEqual([
        ['merged', [o.cellA.id, o.cellB.id], [res.body.id]],
      ]);
      expect(await org(o.cellA.id)).toMatchObject({ valid_to: '2025-10-01', version: 2 });
      expect(await member(b.member.id)).toMatchObject({ organization_id: res.body.id, org_path: `${o.grassroots.path}${res.body.id}/` });
      const cellAEvents = (await detail(admin, o.cellA.id)).body.events;
      expect(cellAEvents.at(-1)).toMatchObject({ kind: 'merged', successors: [{ id: res.body.id }] });

      const stale = await call(admin, 'POST', '/api/organizations/merge', {
        sourceIds: [extra.id],
        sourceVersions: { [extra.id]: 7 },
        into: { existingId: res.body.id },
        effectiveDate: '2025-11-01',
      });
      expect(stale.status).toBe(409);
      const intoExisting = await call<OrganizationDetail>(admin, 'POST', '/api/organizations/merge', {
        sourceIds: [extra.id],
        sourceVersions: { [extra.id]: 1 },
        into: { existingId: res.body.id },
        effectiveDate: '2025-11-01',
      });
      expect(intoExisting.status).toBe(200);
      expect(intoExisting.body.memberCount).toBe(3);
      expect(intoExisting.body.events.map((e) => e.kind)).toEqual(['merged', 'merged']);
      expect((await member(c.member.id)).organization_id).toBe(res.body.id);
      expect((await member(a.member.id)).organization_id).toBe(res.body.id);

      const intoOwnChild = await call(admin, 'POST', '/api/organizations/merge', {
        sourceIds: [o.grassroots.id],
        into: { existingId: res.body.id },
        effectiveDate: '2025-12-01',
      });
      expect(intoOwnChild.body.error).toMatchObject({ code: 'INVALID_ORGANIZATION_PARENT', params: { reason: 'source_or_descendant' } });
      const membersIntoCommittee = await call(admin, 'POST', '/api/organizations/merge', {
        sourceIds: [res.body.id],
        into: { existingId: o.commune.id },
        effectiveDate: '2025-12-01',
      });
      expect(membersIntoCommittee.body.error.fields).toEqual([{ path: 'into', code: 'cannot_hold_members', params: { sourceId: res.body.id } }]);
    });
  });

  describe('scope and policy', () => {
    it('a cell secretary sees its own cell only; another branch answers 404 and is audited', async () => {
      const o = await buildTree(t.db);
      await buildMember(t.db, { organizationId: o.cellB.id });
      const secretary = await as('cell_secretary', o.cellA.id);
      const res = await tree(secretary);
      expect(res.body.nodes.map((x) => x.id)).toEqual([o.cellA.id]);
      expect(res.body.nodes[0].parentId).toBe(o.grassroots.id);

      const since = await lastAuditId();
      const other = await detail(secretary, o.cellB.id);
      expect(other.status).toBe(404);
      expect(other.body).toEqual({ error: { code: 'NOT_FOUND', requestId: expect.any(String) } });
      expect(await auditActions(since)).toEqual([{ action: 'organization.read', object_id: 'GET /api/organizations/:id', outcome: 'denied' }]);
      expect((await detail(secretary, o.grassroots.id)).status).toBe(404);
      expect((await detail(secretary, 999_999)).status).toBe(404);

      const own = await detail(secretary, o.cellA.id);
      expect(own.status).toBe(200);
      expect(own.body.path).toEqual([]);
      // R-ADM-14 names the superior committee even though the secretary cannot open it.
      expect(own.body.competentBodies.admission).toMatchObject({ id: o.commune.id, name: 'Đảng bộ xã Lạc Dương' });

      const change = await call(secretary, 'POST', `/api/organizations/${o.cellA.id}/rename`, { name: 'X', version: 1, effectiveDate: '2026-01-01' });
      expect(change.status).toBe(403);
    });

    it('an organization officer cannot change another branch (404) nor grant its own organization authority', async () => {
      const o = await buildTree(t.db);
      const officer = await as('organization_officer', o.grassroots.id);
      const since = await lastAuditId();
      const other = await call(officer, 'POST', `/api/organizations/${o.otherCell.id}/rename`, { name: 'X', version: 1, effectiveDate: '2026-01-01' });
      expect(other.status).toBe(404);
      const outParent = await call(officer, 'POST', `/api/organizations/${o.cellA.id}/move`, { parentId: o.commune.id, version: 1, effectiveDate: '2026-01-01' });
      expect(outParent.status).toBe(404);
      expect(outParent.body.error.fields).toEqual([{ path: 'parentId', code: 'not_found' }]);
      const outCreate = await call(officer, 'POST', '/api/organizations', {
        kind: 'cell',
        name: 'Chi bộ ngoài',
        code: `OUT-${engine}-${n}`,
        parentId: o.commune.id,
        effectiveDate: '2026-01-01',
      });
      expect(outCreate.status).toBe(404);
      const root = await call(officer, 'POST', '/api/organizations', {
        kind: 'provincial_committee',
        name: 'Đảng bộ tỉnh mới',
        code: `ROOT-${engine}-${n}`,
        parentId: null,
        effectiveDate: '2026-01-01',
      });
      expect(root.body.error).toMatchObject({ code: 'INVALID_ORGANIZATION_PARENT', params: { reason: 'root_not_allowed' } });
      const own = await call(officer, 'POST', `/api/organizations/${o.grassroots.id}/authority`, {
        authority: { admission: true, recognition: true, removal: true },
        version: 1,
        effectiveDate: '2026-01-01',
      });
      expect(own.status).toBe(403);
      expect((await org(o.otherCell.id)).version).toBe(1);
      expect((await auditActions(since)).filter((a) => a.outcome === 'success')).toEqual([]);

      const inside = await call(officer, 'POST', '/api/organizations', {
        kind: 'cell',
        name: 'Chi bộ Nhân viên',
        code: `NV-${engine}-${n}`,
        parentId: o.grassroots.id,
        effectiveDate: '2026-01-01',
      });
      expect(inside.status).toBe(201);
      expect(inside.body.path.map((p: { id: number }) => p.id)).toEqual([o.grassroots.id]);
    });

    it('a front officer reads the tree but cannot manage it (403); a member sees its own cell only', async () => {
      const o = await buildTree(t.db);
      const front = await as('front_officer', o.commune.id);
      expect((await tree(front)).body.nodes).toHaveLength(5);
      const refused = await call(front, 'POST', `/api/organizations/${o.cellA.id}/rename`, { name: 'X', version: 1, effectiveDate: '2026-01-01' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await call(front, 'POST', '/api/organizations/merge', { sourceIds: [o.cellA.id], into: { existingId: o.cellB.id }, effectiveDate: '2026-01-01' })).status).toBe(403);

      const self = await buildMember(t.db, { organizationId: o.cellA.id });
      await buildMember(t.db, { organizationId: o.cellA.id });
      const memberCookie = await as('member', o.cellA.id, self.person.id);
      const mine = (await tree(memberCookie)).body.nodes;
      expect(mine.map((x) => x.id)).toEqual([o.cellA.id]);
      expect(mine[0].memberCount).toBe(1);
      expect((await detail(memberCookie, o.cellA.id)).body).toMatchObject({ path: [], children: [] });
      expect((await detail(memberCookie, o.grassroots.id)).status).toBe(404);
    });
  });

  describe('compare-and-set and audit', () => {
    it('a stale version answers 409 and changes nothing', async () => {
      const o = await buildTree(t.db);
      const admin = await as('admin', o.province.id);
      const ok = await call(admin, 'POST', `/api/organizations/${o.cellA.id}/rename`, { name: 'Chi bộ Giáo viên mới', version: 1, effectiveDate: '2026-01-01' });
      expect(ok.status).toBe(200);
      const snapshot = async () => ({
        org: await org(o.cellA.id),
        versions: await t.db.selectFrom('organization_versions').selectAll().where('organization_id', '=', o.cellA.id).orderBy('id').execute(),
        events: Number((await t.db.selectFrom('organization_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
        audit: await auditCount(),
      });
      const before = await snapshot();
      for (const [verb, body] of [
        ['rename', { name: 'Tên cũ', version: 1, effectiveDate: '2026-02-01' }],
        ['move', { parentId: o.commune.id, version: 1, effectiveDate: '2026-02-01' }],
        ['authority', { authority: { admission: true }, version: 1, effectiveDate: '2026-02-01' }],
        ['dissolve', { version: 1, effectiveDate: '2026-02-01' }],
        ['split', { parts: [{ kind: 'cell', name: 'A', code: `SA-${engine}` }, { kind: 'cell', name: 'B', code: `SB-${engine}` }], version: 1, effectiveDate: '2026-02-01' }],
      ] as const) {
        const res = await call(admin, 'POST', `/api/organizations/${o.cellA.id}/${verb}`, body);
        expect([verb, res.status, res.body.error.code]).toEqual([verb, 409, 'CONFLICT']);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('two changes from the same version: exactly one wins, the other answers 409', async () => {
      const o = await buildTree(t.db);
      const admin = await as('admin', o.province.id);
      const since = await lastAuditId();
      const results = await Promise.all(
        ['Chi bộ Một', 'Chi bộ Hai'].map((name) =>
          call(admin, 'POST', `/api/organizations/${o.cellB.id}/rename`, { name, version: 1, effectiveDate: '2026-01-01' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!.body as OrganizationDetail;
      expect(await org(o.cellB.id)).toMatchObject({ name: winner.name, version: 2 });
      expect((await auditActions(since)).map((a) => a.action)).toEqual(['organization.rename']);
      const versions = await t.db.selectFrom('organization_versions').select(['name', 'valid_to']).where('organization_id', '=', o.cellB.id).orderBy('id').execute();
      expect(versions).toEqual([
        { name: 'Chi bộ Hành chính', valid_to: '2026-01-01' },
        { name: winner.name, valid_to: null },
      ]);
    });

    it('each change writes exactly one audit row naming the organization and the fields', async () => {
      const o = await buildTree(t.db);
      const admin = await as('admin', o.province.id);
      const expectOneAudit = async (action: string, run: () => Promise<{ status: number; body: any }>) => {
        const since = await lastAuditId();
        const res = await run();
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
        const rows = await auditActions(since);
        expect(rows).toEqual([{ action, object_id: String(res.body.id), outcome: 'success' }]);
        return res.body as OrganizationDetail;
      };
      const created = await expectOneAudit('organization.create', () =>
        call(admin, 'POST', '/api/organizations', { kind: 'cell', name: 'Chi bộ Mới', code: `NEW-${engine}-${n}`, parentId: o.grassroots.id, effectiveDate: '2026-01-01' }),
      );
      await expectOneAudit('organization.rename', () =>
        call(admin, 'POST', `/api/organizations/${created.id}/rename`, { name: 'Chi bộ Mới 2', version: 1, effectiveDate: '2026-02-01' }),
      );
      await expectOneAudit('organization.move', () =>
        call(admin, 'POST', `/api/organizations/${created.id}/move`, { parentId: o.commune.id, version: 2, effectiveDate: '2026-02-01' }),
      );
      const withAuthority = await expectOneAudit('organization.authority', () =>
        call(admin, 'POST', `/api/organizations/${o.grassroots.id}/authority`, {
          authority: { admission: false, recognition: true, removal: false },
          version: 1,
          effectiveDate: '2026-03-01',
        }),
      );
      expect(withAuthority.authority).toEqual({ admission: false, recognition: true, removal: false });
      const cell = (await detail(admin, o.cellA.id)).body;
      expect(cell.competentBodies).toMatchObject({ admission: { id: o.commune.id }, recognition: { id: o.grassroots.id }, removal: { id: o.commune.id } });
      const split = await expectOneAudit('organization.split', () =>
        call(admin, 'POST', `/api/organizations/${o.cellB.id}/split`, {
          parts: [
            { kind: 'cell', name: 'Chi bộ B1', code: `B1-${engine}-${n}` },
            { kind: 'cell', name: 'Chi bộ B2', code: `B2-${engine}-${n}` },
          ],
          version: 1,
          effectiveDate: '2026-03-01',
        }),
      );
      const [b1, b2] = split.events.at(-1)!.successors;
      await expectOneAudit('organization.merge', () =>
        call(admin, 'POST', '/api/organizations/merge', { sourceIds: [b2.id], sourceVersions: { [b2.id]: 1 }, into: { existingId: b1.id }, effectiveDate: '2026-04-01' }),
      );
      await expectOneAudit('organization.dissolve', () =>
        call(admin, 'POST', `/api/organizations/${created.id}/dissolve`, { version: 3, effectiveDate: '2026-05-01' }),
      );
    });
  });
});
