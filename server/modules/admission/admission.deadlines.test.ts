import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deadlines, Quality } from '../../../common/contracts/admission.contract.ts';
import { buildMember, buildTestApp, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { runSweeps, unregisterSweep } from '../../jobs/job-registry.ts';
import { buildKit, call, walkTo, type Kit } from './admission.fixtures.ts';
import { ADMISSION_SWEEP, registerAdmissionSweep, sweepAdmissionDeadlines } from './admission.sweep.ts';

// Deadlines stored on the case, the deadlines page (due within 10 working days, overdue, verification replies), the
// sweep (marks overdue steps once; ends probation through decideAdmission) and the quality report.

describe.each(ENGINES)('admission deadlines, sweep and quality on %s', (engine) => {
  let t: TestApp;
  let kit: Kit;
  const TODAY = new Date('2026-06-15T03:00:00.000Z');
  const at = async (iso: string) => {
    t.clock.now = new Date(iso);
    await kit.relogin();
  };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    kit = await buildKit(t, engine);
    registerAdmissionSweep();
  });
  afterAll(async () => {
    unregisterSweep(ADMISSION_SWEEP);
    await t.close();
  });

  it('lists due-soon and overdue steps and verification replies; the sweep marks overdue steps once', async () => {
    const waiting = await walkTo(t, kit, 'decision'); // due 28/7/2026 (R-ADM-11, 60 working days after 5/5)
    expect(waiting.detail.dueAt).toBe('2026-07-28');
    // A verification request sent 1/5, reply due 1/6, no reply yet.
    const v = await walkTo(t, kit, 'verification');
    const added = await call(t, kit.secretaryA.cookie, 'POST', `${v.url}/verifications`, {
      version: v.detail.version,
      subjectKey: 'applicant',
      requestOrganization: 'Công an xã Đạ Sar',
      sentOn: '2026-05-01',
      replyDueOn: '2026-06-01',
      verifierName: 'Lê Văn Kiểm',
    });
    expect(added.status).toBe(200);
    expect(added.body.verifications[0].isReplyOverdue).toBe(true);

    let d: Deadlines = (await call(t, kit.committee.cookie, 'GET', '/api/admissions/deadlines')).body;
    expect(d.horizon).toBe('2026-06-29');
    expect(d.overdue.map((i) => [i.kind, i.caseId, i.dueOn])).toEqual([['verification_reply', v.id, '2026-06-01']]);
    expect(d.dueSoon.find((i) => i.caseId === waiting.id)).toBeUndefined();

    await at('2026-07-20T03:00:00.000Z');
    d = (await call(t, kit.committee.cookie, 'GET', `/api/admissions/deadlines?organizationId=${kit.tree.grassroots.id}`)).body;
    expect(d.dueSoon.find((i) => i.caseId === waiting.id)).toMatchObject({ kind: 'step', status: 'decision', dueOn: '2026-07-28', workingDaysLeft: 6, isOverdue: false });

    await at('2026-07-30T03:00:00.000Z');
    d = (await call(t, kit.secretaryA.cookie, 'GET', '/api/admissions/deadlines')).body;
    expect(d.overdue.find((i) => i.caseId === waiting.id)).toMatchObject({ dueOn: '2026-07-28', workingDaysLeft: -2, overdueSince: null });

    // The sweep, as the scheduler runs it (by its registered name), twice: the second run changes nothing.
    const first = await runSweeps(t.db, t.clock.now, { only: [ADMISSION_SWEEP] });
    expect(first).toMatchObject([{ name: ADMISSION_SWEEP, outcome: 'success', changed: 1 }]);
    expect(await sweepAdmissionDeadlines(t.db, t.clock.now)).toEqual({ changed: 0 });
    const row = await t.db.selectFrom('admission_cases').select(['overdue_since', 'status']).where('id', '=', waiting.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ overdue_since: '2026-07-30', status: 'decision' });
    const marks = await t.db.selectFrom('admission_decisions').select('action_type').where('case_id', '=', waiting.id).where('action_type', '=', 'overdue_marked').execute();
    expect(marks).toHaveLength(1);
    d = (await call(t, kit.secretaryA.cookie, 'GET', '/api/admissions/deadlines')).body;
    expect(d.overdue.find((i) => i.caseId === waiting.id)?.overdueSince).toBe('2026-07-30');

    // The late decision clears the mark; R-ADM-11 lateness is shown in its checks, it does not block.
    const decided = await call(t, kit.committee.cookie, 'POST', `${waiting.url}/decision`, {
      version: (await call(t, kit.committee.cookie, 'GET', waiting.url)).body.version,
      date: '2026-07-29',
      decidingOrganizationId: kit.tree.commune.id,
      admitted: true,
      receivedOn: '2026-07-30',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.timeline.at(-1).checks).toContainEqual(expect.objectContaining({ ruleId: 'R-ADM-11', ok: false, code: 'late' }));
    const cleared = await t.db.selectFrom('admission_cases').select(['overdue_since', 'status']).where('id', '=', waiting.id).executeTakeFirstOrThrow();
    expect(cleared).toEqual({ overdue_since: null, status: 'ceremony' });
    await at(TODAY.toISOString());
  });

  it('the sweep ends probation through decideAdmission once, and lists the personal history due (R-ADM-13)', async () => {
    const p = await walkTo(t, kit, 'probation');
    let d: Deadlines = (await call(t, kit.secretaryA.cookie, 'GET', '/api/admissions/deadlines')).body;
    // R-ADM-13: 30 working days after the ceremony of 15/6/2026.
    expect(d.dueSoon.concat(d.overdue).find((i) => i.caseId === p.id && i.kind === 'personal_history')).toBeUndefined();
    await at('2026-07-20T03:00:00.000Z');
    d = (await call(t, kit.secretaryA.cookie, 'GET', '/api/admissions/deadlines')).body;
    expect(d.dueSoon.find((i) => i.caseId === p.id && i.kind === 'personal_history')).toMatchObject({ dueOn: '2026-07-27' });

    await at('2027-06-16T03:00:00.000Z');
    const first = await sweepAdmissionDeadlines(t.db, t.clock.now);
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect(await sweepAdmissionDeadlines(t.db, t.clock.now)).toEqual({ changed: 0 });
    const kase = await t.db.selectFrom('admission_cases').select(['status', 'due_at']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(kase.status).toBe('cell_recognition_vote');
    const ended = await t.db.selectFrom('admission_decisions').select(['action_type', 'actor_user_id']).where('case_id', '=', p.id).where('action_type', '=', 'end_probation').execute();
    expect(ended).toEqual([{ action_type: 'end_probation', actor_user_id: null }]);
    await at(TODAY.toISOString());
  });

  it('reports admission quality: pipeline, categories, time per step, refusals by rule, later removals', async () => {
    await walkTo(t, kit, 'probation', { fullName: 'H’Lan Ê Ban' });
    const refused = await walkTo(t, kit, 'training', { certificate: false });
    await call(t, kit.secretaryA.cookie, 'POST', `${refused.url}/steps/complete`, { version: refused.detail.version, step: 'training' });
    // A member admitted in 2024 and struck off in 2025 (Chỉ thị 28 asks how many later leave).
    const { member } = await buildMember(t.db, { organizationId: kit.tree.cellB.id, status: 'struck_off' });
    for (const [kind, date] of [
      ['admitted', '2024-03-01'],
      ['struck_off', '2025-05-01'],
    ]) {
      await t.db
        .insertInto('member_events')
        .values({ member_id: member.id, kind, event_date: date, from_status: null, to_status: null, from_organization_id: null, to_organization_id: null, decision_ref: null, note: null, actor_user_id: null, created_at: '2026-01-01T00:00:00.000Z' })
        .execute();
    }
    const res = await call(t, kit.committee.cookie, 'GET', '/api/admissions/quality?year=2026');
    expect(res.status).toBe(200);
    const q: Quality = res.body;
    expect(q.organization.id).toBe(kit.tree.commune.id);
    expect(q.pipeline.find((p) => p.status === 'training')?.count).toBeGreaterThanOrEqual(1);
    // Admitted by a decision in 2026: the fixtures' applicants are women of the Cơ-ho people, 30 on 1/6/2026, in a private company.
    expect(q.admissions.total).toBeGreaterThanOrEqual(1);
    expect(q.admissions).toMatchObject({ women: q.admissions.total, ethnicMinority: q.admissions.total, youth: q.admissions.total, nonStateEnterpriseWorkers: q.admissions.total });
    expect(q.timePerStep.find((s) => s.status === 'ceremony')).toMatchObject({ medianDays: 14 });
    expect(q.refusalsByRule).toContainEqual({ ruleId: 'R-ADM-04', count: 1, cases: 1 });
    expect(q.laterRemoved.find((y) => y.year === 2024)).toEqual({ year: 2024, admitted: 1, removed: 1 });
    expect(q.laterRemoved.find((y) => y.year === 2026)?.admitted).toBeGreaterThanOrEqual(1);
    // Out of scope: a cell secretary cannot ask about the commune.
    expect((await call(t, kit.secretaryB.cookie, 'GET', `/api/admissions/quality?organizationId=${kit.tree.commune.id}`)).status).toBe(404);
  });
});
