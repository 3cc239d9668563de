import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { Flag, FlagList, Oversight, ScreeningRun } from '../../../common/contracts/screening.contract.ts';
import type { TransferDetail } from '../../../common/contracts/transfers.contract.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildAssignment } from './screening.fixtures.ts';
import { runsInFlight } from './screening.service.ts';
import { sweepEscalations } from './screening.sweep.ts';

// R-RMV-07 after a move: an open flag is reviewed by the cell the member belongs to now. A completed internal transfer
// hands the member's open flags to the receiving cell (an append-only handover row); the raising cell is still named
// on the flag, a rerun adds no duplicate, escalation goes to the new cell's superior, and the decision is the new
// cell's. The app's clock is 2026-06-15 (Vietnam): the 2026 screening is judged up to that day.

const YEAR = 2026;

describe.each(ENGINES)('screening flags follow a transferred member on %s', (engine) => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof buildTree>>;
  const cookie = {} as Record<'secA' | 'secOther' | 'commune' | 'officer', string>;
  let moving: number;
  let staying: number;
  let n = 0;

  async function as(role: Role, organizationId: number) {
    const username = `${role}-handover-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username });
    return loginAs(t.app, username);
  }
  const call = <T>(who: keyof typeof cookie, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookie[who] }, payload: payload as object }).then((r) => ({ status: r.statusCode, body: r.json() as T }));
  const flagsOf = async (who: keyof typeof cookie, organizationId: number) => {
    const r = await call<FlagList>(who, 'GET', `/api/screening/flags?organizationId=${organizationId}&year=${YEAR}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  async function run(who: keyof typeof cookie, organizationId: number): Promise<ScreeningRun> {
    const started = await call<ScreeningRun>(who, 'POST', '/api/screening/runs', { organizationId, year: YEAR });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await runsInFlight();
    return (await call<ScreeningRun>(who, 'GET', `/api/screening/runs/${started.body.id}`)).body;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    o = await buildTree(t.db);
    const clerk = await buildUser(t.db, { role: 'admin', organizationId: o.province.id, username: `clerk-handover-${engine}` });
    cookie.secA = await as('cell_secretary', o.cellA.id);
    cookie.secOther = await as('cell_secretary', o.otherCell.id);
    cookie.commune = await as('committee_member', o.commune.id);
    cookie.officer = await as('organization_officer', o.commune.id);
    // Two members of cell A without a work assignment (R-RMV-06 with R-MGT-01); one will move to a cell of the commune.
    moving = (await buildMember(t.db, { organizationId: o.cellA.id, person: { full_name: `Lê Văn Chuyển ${engine}` } })).member.id;
    staying = (await buildMember(t.db, { organizationId: o.cellA.id, person: { full_name: `Lê Văn Ở ${engine}` } })).member.id;
    // Keeps the other cell's own flags out of the way: its only member holds an assignment.
    const local = (await buildMember(t.db, { organizationId: o.otherCell.id })).member.id;
    await buildAssignment(t.db, { memberId: local, organizationId: o.otherCell.id, createdBy: clerk.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hands the open flag to the receiving cell on receipt; the raising cell is named, scope, oversight and escalation follow', async () => {
    const first = await run('officer', o.commune.id);
    expect(first.status).toBe('succeeded');
    const before = await flagsOf('secA', o.cellA.id);
    const flagOfMoving = before.items.find((f) => f.member.id === moving && f.kind === 'no_assignment')!;
    expect(flagOfMoving).toMatchObject({ organization: { id: o.cellA.id }, raisedBy: null, status: 'open' });

    // The transfer: letter from cell A, receipt by the other cell (the member's cell changes on receipt).
    const issued = await call<TransferDetail>('secA', 'POST', '/api/transfers', {
      memberId: moving,
      kind: 'official',
      direction: 'internal',
      toOrganizationId: o.otherCell.id,
      trigger: 'long_term_move',
      triggeredOn: '2026-06-01',
      letterNumber: '12-GGT/CB',
      issuedOn: '2026-06-08',
      signerName: 'Nguyễn Thị Bí',
      signerTitle: 'Bí thư chi bộ',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    // Before receipt the flag is still cell A's.
    expect((await flagsOf('secOther', o.otherCell.id)).items.map((f) => f.id)).not.toContain(flagOfMoving.id);
    const received = await call<TransferDetail>('secOther', 'POST', `/api/transfers/${issued.body.id}/receipt`, { receivedOn: '2026-06-12', version: issued.body.version });
    expect(received.status, JSON.stringify(received.body)).toBe(200);

    // The new cell reviews it and sees where it came from; cell A no longer lists it nor opens it.
    const mine = (await flagsOf('secOther', o.otherCell.id)).items.find((f) => f.id === flagOfMoving.id);
    expect(mine).toMatchObject({ organization: { id: o.otherCell.id }, raisedBy: { id: o.cellA.id, name: o.cellA.name }, key: flagOfMoving.key, evidence: flagOfMoving.evidence });
    expect((await flagsOf('secA', o.cellA.id)).items.map((f) => f.member.id)).toEqual([staying]);
    expect((await call('secA', 'GET', `/api/screening/flags/${flagOfMoving.id}`)).status).toBe(404);
    const handovers = await t.db.selectFrom('screening_flag_handovers').selectAll().where('flag_id', '=', flagOfMoving.id).execute();
    expect(handovers).toMatchObject([{ from_organization_id: o.cellA.id, to_organization_id: o.otherCell.id, transfer_id: issued.body.id, handed_over_on: '2026-06-12' }]);

    // The commune's oversight counts it with the cell that must decide it.
    const ov = (await call<Oversight>('commune', 'GET', `/api/screening/oversight?organizationId=${o.commune.id}&year=${YEAR}`)).body;
    const rowOf = (id: number) => ov.rows.find((r) => r.organization.id === id);
    expect(rowOf(o.otherCell.id)).toMatchObject({ raised: 1, open: 1 });
    expect(rowOf(o.cellA.id)).toMatchObject({ raised: 1, open: 1 });

    // A rerun finds the same flag (same key): no duplicate, nothing closed, still the new cell's.
    const again = await run('officer', o.commune.id);
    expect(again).toMatchObject({ status: 'succeeded', flagsNew: 0 });
    expect(await t.db.selectFrom('screening_flags').select('id').where('member_id', '=', moving).execute()).toHaveLength(1);

    // Left undecided past its due day, it rises to the superior of the cell that holds it now (the commune).
    t.clock.now = new Date(`${mine!.reviewDueOn}T03:00:00Z`);
    t.clock.now.setUTCDate(t.clock.now.getUTCDate() + 1);
    await sweepEscalations(t.db, t.clock.now);
    const esc = await t.db.selectFrom('screening_flag_escalations').selectAll().where('flag_id', '=', flagOfMoving.id).executeTakeFirstOrThrow();
    expect(esc.to_organization_id).toBe(o.commune.id);
    const stayingFlag = before.items.find((f) => f.member.id === staying)!;
    const escA = await t.db.selectFrom('screening_flag_escalations').selectAll().where('flag_id', '=', stayingFlag.id).executeTakeFirstOrThrow();
    expect(escA.to_organization_id).toBe(o.grassroots.id);

    // The new cell decides it (a new session: the clock moved past the old one's life).
    cookie.secOther = await as('cell_secretary', o.otherCell.id);
    const reviewed = await call<Flag>('secOther', 'POST', `/api/screening/flags/${flagOfMoving.id}/review`, {
      decision: 'no_action',
      reason: 'Đảng viên mới chuyển đến, chi bộ đã phân công nhiệm vụ từ tháng 7.',
    });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body.review).toMatchObject({ decision: 'no_action', decidedByOrganization: { id: o.otherCell.id } });
  });

  it('a merger hands the open flags of the merged cell’s members to the successor', async () => {
    // Fresh sessions on the clock the test above left.
    cookie.secA = await as('cell_secretary', o.cellA.id);
    cookie.officer = await as('organization_officer', o.commune.id);
    const flag = (await flagsOf('secA', o.cellA.id)).items.find((f) => f.member.id === staying)!;
    expect(flag).toMatchObject({ status: 'open', raisedBy: null });
    const today = t.clock.now.toISOString().slice(0, 10);
    const merged = await call<{ id: number }>('officer', 'POST', '/api/organizations/merge', {
      sourceIds: [o.cellA.id],
      into: { existingId: o.cellB.id },
      effectiveDate: today,
      decisionRef: '15-QĐ/ĐU',
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    cookie.secA = await as('cell_secretary', o.cellB.id); // the successor's secretary
    const moved = (await flagsOf('secA', o.cellB.id)).items.find((f) => f.id === flag.id);
    expect(moved).toMatchObject({ organization: { id: o.cellB.id }, raisedBy: { id: o.cellA.id }, status: 'open' });
    const rows = await t.db.selectFrom('screening_flag_handovers').selectAll().where('flag_id', '=', flag.id).execute();
    expect(rows).toMatchObject([{ from_organization_id: o.cellA.id, to_organization_id: o.cellB.id, transfer_id: null, handed_over_on: today }]);
  });
});
