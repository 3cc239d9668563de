import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exemption, ExemptionList, MemberPartyLife } from '../../../common/contracts/party-life.contract.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildPartyLifeKit, exemptionBody, type PartyLifeKit } from '../meetings/party-life-test-kit.ts';
import { exemptMemberIdsOn, isMemberExemptOn } from './exemptions.service.ts';

// R-MGT-02: the member asks, the cell decides and informs the superior; the exempted drop out while it lasts.

describe.each(ENGINES)('exemptions on %s', (engine) => {
  let k: PartyLifeKit;
  let secretaryA: string;
  let secretaryB: string;
  let secretaryOther: string;
  let grassrootsOfficer: string;
  let front: string;

  beforeAll(async () => {
    k = await buildPartyLifeKit(engine);
    secretaryA = await k.as('cell_secretary', k.tree.cellA.id);
    secretaryB = await k.as('cell_secretary', k.tree.cellB.id);
    secretaryOther = await k.as('cell_secretary', k.tree.otherCell.id);
    grassrootsOfficer = await k.as('organization_officer', k.tree.grassroots.id);
    front = await k.as('front_officer', k.tree.commune.id);
  });
  afterAll(async () => {
    await k?.close();
  });

  const urlA = () => `/api/organizations/${k.tree.cellA.id}/exemptions`;

  it('records the cell\'s decision with one audit row, and the member is exempt while it lasts', async () => {
    const before = await k.lastAuditId();
    const res = await k.call<Exemption>(secretaryA, 'POST', urlA(), exemptionBody(k.cellA[0].id, { reason: 'long_treatment', requestKind: 'oral', to: '2026-09-30' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      member: { id: k.cellA[0].id, fullName: 'Nguyễn Văn An' },
      organization: { id: k.tree.cellA.id, name: 'Chi bộ Giáo viên' },
      reason: 'long_treatment',
      requestKind: 'oral',
      decidedOn: '2026-01-10',
      from: '2026-01-10',
      to: '2026-09-30',
      fromActivities: true,
      fromWork: true,
      superiorInformedOn: '2026-01-15',
      active: true,
      version: 1,
    });
    const audit = await k.auditSince(before);
    expect(audit.map((a) => a.action)).toEqual(['exemption.create']);

    expect(await isMemberExemptOn(k.t.db, k.cellA[0].id, '2026-06-15')).toBe(true);
    expect(await isMemberExemptOn(k.t.db, k.cellA[0].id, '2026-10-01')).toBe(false);
    expect(await isMemberExemptOn(k.t.db, k.cellA[0].id, '2026-01-09')).toBe(false);
    expect(await isMemberExemptOn(k.t.db, k.cellA[1].id, '2026-06-15')).toBe(false);
    expect(await exemptMemberIdsOn(k.t.db, k.tree.cellA.id, '2026-06-15')).toEqual([k.cellA[0].id]);
    expect(await exemptMemberIdsOn(k.t.db, k.tree.cellA.id, '2026-12-01')).toEqual([]);

    // Exempted from work only: not exempt from activities (attendance, vote bases), exempt for grading ('any').
    await k.call(secretaryA, 'POST', urlA(), exemptionBody(k.cellA[1].id, { fromActivities: false }));
    expect(await isMemberExemptOn(k.t.db, k.cellA[1].id, '2026-06-15', 'activities')).toBe(false);
    expect(await isMemberExemptOn(k.t.db, k.cellA[1].id, '2026-06-15', 'work')).toBe(true);
    expect(await isMemberExemptOn(k.t.db, k.cellA[1].id, '2026-06-15')).toBe(true);
    expect(await exemptMemberIdsOn(k.t.db, k.tree.cellA.id, '2026-06-15', 'activities')).toEqual([k.cellA[0].id]);
    expect((await exemptMemberIdsOn(k.t.db, k.tree.cellA.id, '2026-06-15')).sort((a, b) => a - b)).toEqual([k.cellA[0].id, k.cellA[1].id]);
  });

  it('refuses an exemption without a decision date, naming the field and the rule', async () => {
    const before = await k.lastAuditId();
    const res = await k.call(secretaryA, 'POST', urlA(), exemptionBody(k.cellA[2].id, { decidedOn: null }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.fields).toEqual([{ path: 'decidedOn', code: 'exemption_decision_date_required', params: { rule: 'R-MGT-02' } }]);
    const more = await k.call(secretaryA, 'POST', urlA(), exemptionBody(k.cellA[2].id, { decisionRef: ' ', reason: 'other', note: null, requestedOn: '2026-01-12', to: '2026-01-01', fromActivities: false, fromWork: false }));
    expect(more.body.error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort()).toEqual([
      'decidedOn:exemption_decided_before_request',
      'decisionRef:exemption_decision_required',
      'fromActivities:exemption_scope_required',
      'note:exemption_note_required',
      'to:exemption_period_reversed',
    ]);
    expect((await k.call(secretaryA, 'POST', urlA(), exemptionBody(k.cellB[0].id))).body.error.fields).toEqual([{ path: 'memberId', code: 'not_in_cell', params: { rule: 'R-MGT-02' } }]);
    // Overlapping an exemption already on record.
    const overlap = await k.call(secretaryA, 'POST', urlA(), exemptionBody(k.cellA[0].id, { from: '2026-09-01' }));
    expect(overlap.body.error.fields[0]).toMatchObject({ path: 'from', code: 'exemption_overlaps' });
    expect(await k.auditSince(before)).toEqual([]);
    expect(await k.t.db.selectFrom('exemptions').select('id').where('member_id', '=', k.cellA[2].id).execute()).toEqual([]);
  });

  it('ends an exemption early by compare-and-set', async () => {
    const created = await k.call<Exemption>(secretaryA, 'POST', urlA(), exemptionBody(k.cellA[3].id, { superiorInformedOn: null }));
    const { memberId: _m, ...fields } = exemptionBody(k.cellA[3].id, { superiorInformedOn: null });
    const ended = await k.call<Exemption>(secretaryA, 'PUT', `/api/exemptions/${created.body.id}`, { ...fields, to: '2026-05-31', superiorInformedOn: '2026-01-20', version: 1 });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ to: '2026-05-31', active: false, version: 2, superiorInformedOn: '2026-01-20' });
    const audit = await k.t.db.selectFrom('audit_log').select(['action', 'changed_fields']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.action).toBe('exemption.update');
    expect(JSON.parse(audit.changed_fields!).sort()).toEqual(['superiorInformedOn', 'to']);
    expect((await k.call(secretaryA, 'PUT', `/api/exemptions/${created.body.id}`, { ...fields, version: 1 })).status).toBe(409);
    expect(await isMemberExemptOn(k.t.db, k.cellA[3].id, '2026-06-15')).toBe(false);
  });

  it('shows the superior every exemption in its subtree, and keeps other branches out', async () => {
    await k.call(secretaryB, 'POST', `/api/organizations/${k.tree.cellB.id}/exemptions`, exemptionBody(k.cellB[0].id, { reason: 'maternity', from: '2026-03-01', to: '2026-08-31', superiorInformedOn: null }));
    const subtree = await k.call<ExemptionList>(grassrootsOfficer, 'GET', `/api/organizations/${k.tree.grassroots.id}/exemptions?within=subtree`);
    expect(subtree.status).toBe(200);
    expect(subtree.body.items.map((e) => `${e.organization.name}: ${e.member.fullName}`)).toEqual([
      'Chi bộ Giáo viên: Nguyễn Văn An',
      'Chi bộ Giáo viên: Trần Thị Bình',
      'Chi bộ Giáo viên: Phạm Thị Dung',
      'Chi bộ Hành chính: Vũ Thị Giang',
    ]);
    expect(subtree.body.items.find((e) => e.member.id === k.cellB[0].id)?.superiorInformedOn).toBeNull();
    const active = await k.call<ExemptionList>(grassrootsOfficer, 'GET', `/api/organizations/${k.tree.grassroots.id}/exemptions?within=subtree&state=active`);
    expect(active.body.items.map((e) => e.member.id)).toEqual([k.cellA[0].id, k.cellA[1].id, k.cellB[0].id]);
    const cellOnly = await k.call<ExemptionList>(secretaryB, 'GET', `/api/organizations/${k.tree.cellB.id}/exemptions`);
    expect(cellOnly.body.items.map((e) => e.member.id)).toEqual([k.cellB[0].id]);

    expect((await k.call(secretaryOther, 'GET', `/api/organizations/${k.tree.cellA.id}/exemptions`)).status).toBe(404);
    expect((await k.call(secretaryOther, 'GET', `/api/organizations/${k.tree.grassroots.id}/exemptions?within=subtree`)).status).toBe(404);
    const id = subtree.body.items[0].id;
    expect((await k.call(secretaryOther, 'PUT', `/api/exemptions/${id}`, { ...exemptionBody(0), memberId: undefined, version: 1 })).status).toBe(404);
    expect((await k.call(secretaryB, 'PUT', `/api/exemptions/${id}`, { ...exemptionBody(0), memberId: undefined, version: 1 })).status).toBe(404);
    expect((await k.call(front, 'GET', `/api/organizations/${k.tree.cellA.id}/exemptions`)).status).toBe(403);

    // The member's party life shows it, health reason included, to the member themself.
    const member = await k.as('member', k.tree.cellA.id, k.cellA[0].personId);
    const own = await k.call<MemberPartyLife>(member, 'GET', `/api/members/${k.cellA[0].id}/party-life`);
    expect(own.body.exemptions.map((e) => [e.reason, e.from, e.to])).toEqual([['long_treatment', '2026-01-10', '2026-09-30']]);
  });
});
