import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, CellAssignments } from '../../../common/contracts/party-life.contract.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildPartyLifeKit, exemptionBody, type PartyLifeKit } from '../meetings/party-life-test-kit.ts';
import { setTemporaryTransferSource } from '../meetings/temporary-transfers.ts';

// R-MGT-01: every member not exempted has a work assignment from the cell; the cell's page lists those without one.

describe.each(ENGINES)('work assignments on %s', (engine) => {
  let k: PartyLifeKit;
  let secretaryA: string;
  let secretaryOther: string;
  let front: string;

  beforeAll(async () => {
    k = await buildPartyLifeKit(engine);
    secretaryA = await k.as('cell_secretary', k.tree.cellA.id);
    secretaryOther = await k.as('cell_secretary', k.tree.otherCell.id);
    front = await k.as('front_officer', k.tree.commune.id);
  });
  afterAll(async () => {
    await k?.close();
  });
  // Tests that put in a fixed list of temporary transfers give back the reader app.ts installed.
  let installed: ReturnType<typeof setTemporaryTransferSource> | null = null;
  const fakeTransfers = (fake: Parameters<typeof setTemporaryTransferSource>[0]) => {
    installed ??= setTemporaryTransferSource(fake);
  };
  afterEach(() => {
    if (installed) setTemporaryTransferSource(installed);
    installed = null;
  });

  const task = (memberId: number, o: Record<string, unknown> = {}) => ({
    memberId,
    description: 'Phụ trách công tác tuyên truyền ở khu dân cư số 2',
    from: '2026-01-01',
    to: '2026-12-31',
    assignedOn: '2026-01-06',
    ...o,
  });

  it('lists the members without an assignment, leaving out the exempted from work and those away on temporary transfer', async () => {
    const url = `/api/organizations/${k.tree.cellA.id}/assignments`;
    const first = await k.call<CellAssignments>(secretaryA, 'GET', url);
    expect(first.status).toBe(200);
    expect(first.body.withoutAssignment).toEqual(k.cellA.map((m) => m.id));

    const created = await k.call<Assignment>(secretaryA, 'POST', url, task(k.cellA[0].id));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ member: { id: k.cellA[0].id, fullName: 'Nguyễn Văn An' }, from: '2026-01-01', to: '2026-12-31', version: 1 });
    // An assignment that ended before today does not count.
    await k.call(secretaryA, 'POST', url, task(k.cellA[1].id, { from: '2025-01-01', to: '2025-12-31', assignedOn: '2025-01-07' }));
    // Exempted from activities only: still needs work. Exempted from work: needs none.
    expect((await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/exemptions`, exemptionBody(k.cellA[2].id, { fromWork: false }))).status).toBe(201);
    expect((await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/exemptions`, exemptionBody(k.cellA[3].id, { fromActivities: false }))).status).toBe(201);
    fakeTransfers(async () => [{ memberId: k.cellA[4].id, purpose: 'work', from: '2026-04-01', to: '2026-09-30' }]);

    const now = await k.call<CellAssignments>(secretaryA, 'GET', url);
    expect(now.body.date).toBe('2026-06-15');
    expect(now.body.withoutAssignment).toEqual([k.cellA[1].id, k.cellA[2].id]);
    const roster = new Map(now.body.roster.map((r) => [r.memberId, r]));
    expect(roster.get(k.cellA[0].id)?.assignment?.description).toBe('Phụ trách công tác tuyên truyền ở khu dân cư số 2');
    expect(roster.get(k.cellA[2].id)).toMatchObject({ exemptFromActivities: true, exemptFromWork: false, withoutAssignment: true });
    expect(roster.get(k.cellA[3].id)).toMatchObject({ exemptFromActivities: false, exemptFromWork: true, withoutAssignment: false });
    expect(roster.get(k.cellA[4].id)).toMatchObject({ onTemporaryTransfer: true, withoutAssignment: false });
    expect(now.body.assignments).toHaveLength(2);

    // On a past date the picture is that day's.
    const past = await k.call<CellAssignments>(secretaryA, 'GET', `${url}?date=2025-06-01`);
    expect(past.body.withoutAssignment).toEqual([k.cellA[0].id, k.cellA[2].id, k.cellA[3].id, k.cellA[4].id]);
  });

  it('edits an assignment by compare-and-set, with one audit row', async () => {
    const created = await k.call<Assignment>(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/assignments`, task(k.cellA[1].id, { to: null }));
    const before = await k.lastAuditId();
    const body = { description: 'Theo dõi, giúp đỡ quần chúng ưu tú', from: '2026-01-01', to: '2026-06-30', assignedOn: '2026-01-06', meetingId: null, version: 1 };
    const edited = await k.call<Assignment>(secretaryA, 'PUT', `/api/assignments/${created.body.id}`, body);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ to: '2026-06-30', version: 2, description: 'Theo dõi, giúp đỡ quần chúng ưu tú' });
    const audit = await k.auditSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('assignment.update');
    expect(JSON.parse(audit[0].changed_fields!).sort()).toEqual(['description', 'to']);
    expect((await k.call(secretaryA, 'PUT', `/api/assignments/${created.body.id}`, body)).status).toBe(409);
  });

  it('refuses an assignment for someone outside the cell, a reversed period and a meeting of another cell', async () => {
    const url = `/api/organizations/${k.tree.cellA.id}/assignments`;
    const stranger = await k.call(secretaryA, 'POST', url, task(k.cellB[0].id));
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields).toEqual([{ path: 'memberId', code: 'not_in_cell', params: { rule: 'R-MGT-01' } }]);
    const reversed = await k.call(secretaryA, 'POST', url, task(k.cellA[0].id, { from: '2026-05-01', to: '2026-04-01' }));
    expect(reversed.body.error.fields).toEqual([{ path: 'to', code: 'before_from' }]);
    const secretaryB = await k.as('cell_secretary', k.tree.cellB.id);
    const meetingB = await k.call(secretaryB, 'POST', `/api/organizations/${k.tree.cellB.id}/meetings`, { kind: 'regular', status: 'held', date: '2026-01-06' });
    const foreign = await k.call(secretaryA, 'POST', url, task(k.cellA[0].id, { meetingId: meetingB.body.id }));
    expect(foreign.body.error.fields).toEqual([{ path: 'meetingId', code: 'not_a_meeting_of_cell' }]);
    const meetingA = await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/meetings`, { kind: 'regular', status: 'held', date: '2026-01-07' });
    const linked = await k.call<Assignment>(secretaryA, 'POST', url, task(k.cellA[0].id, { meetingId: meetingA.body.id, assignedOn: '2026-01-07' }));
    expect(linked.status).toBe(201);
    expect(linked.body.meetingId).toBe(meetingA.body.id);
    // A grassroots committee is not a cell: it has no roster.
    const officer = await k.as('organization_officer', k.tree.commune.id);
    const notCell = await k.call(officer, 'GET', `/api/organizations/${k.tree.grassroots.id}/assignments`);
    expect(notCell.body.error.fields).toEqual([{ path: 'organizationId', code: 'not_a_cell', params: { kind: 'grassroots_committee' } }]);
  });

  it('answers 404 to another branch and 403 to the front officer', async () => {
    const created = await k.call<Assignment>(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/assignments`, task(k.cellA[4].id));
    expect((await k.call(secretaryOther, 'GET', `/api/organizations/${k.tree.cellA.id}/assignments`)).status).toBe(404);
    expect((await k.call(secretaryOther, 'POST', `/api/organizations/${k.tree.cellA.id}/assignments`, task(k.cellA[4].id))).status).toBe(404);
    const put = await k.call(secretaryOther, 'PUT', `/api/assignments/${created.body.id}`, { ...task(k.cellA[4].id), memberId: undefined, meetingId: null, version: 1 });
    expect(put.status).toBe(404);
    expect(JSON.stringify(put.body)).not.toContain('tuyên truyền');
    expect((await k.call(front, 'GET', `/api/organizations/${k.tree.cellA.id}/assignments`)).status).toBe(403);
    expect((await k.call(front, 'POST', `/api/organizations/${k.tree.cellA.id}/assignments`, task(k.cellA[4].id))).status).toBe(403);
  });
});
