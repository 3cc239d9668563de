import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { CycleDetail, EntryDetail, GradingEntry, GradingReport, MemberGrading } from '../../../common/contracts/grading.contract.ts';
import type { ScreeningReport } from '../../../common/contracts/screening.contract.ts';
import type { GradeLevel } from '../../../common/rules/grading-rules.ts';
import { buildMember, buildOrganization, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { gradingResults } from './grading.service.ts';

// Route tests on a real database, on every engine (architecture principle 10). The app's clock is fixed at
// 2026-06-15T03:00Z; the year graded is 2026 (Quy định 366-QĐ/TW in force at its end).

const NOW = '2026-06-15T03:00:00.000Z';
const YEAR = 2026;

type Cond = { allTasksOnTime: boolean; tasksWithQuality: boolean; tasksTotal: number; tasksExceeded: number; earlierShortcomingsFixed: boolean; disqualifyingFindings: string[] };
const EXCELLENT: Cond = { allTasksOnTime: true, tasksWithQuality: true, tasksTotal: 10, tasksExceeded: 4, earlierShortcomingsFixed: true, disqualifyingFindings: [] };
const GOOD: Cond = { ...EXCELLENT, tasksExceeded: 1 };

describe.each(ENGINES)('grading on %s', (engine) => {
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
    const user = await buildUser(t.db, { role, organizationId, username, personId });
    return { cookie: await loginAs(t.app, username), userId: user.id };
  }

  async function call<T = any>(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie } });
    const type = String(res.headers['content-type'] ?? '');
    // An error body has `error`: typed loosely so refusals can be read from any call.
    return { status: res.statusCode, body: (type.includes('json') ? res.json() : null) as T & { error?: any }, raw: res.rawPayload };
  }

  async function lastAuditId() {
    const row = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.id ?? 0;
  }
  const auditSince = (id: number) => t.db.selectFrom('audit_log').select(['action', 'object_id', 'outcome']).where('id', '>', id).orderBy('id').execute();

  async function exempt(memberId: number, cellId: number, createdBy: number) {
    await t.db
      .insertInto('exemptions')
      .values({
        member_id: memberId,
        organization_id: cellId,
        reason: 'elderly',
        note: null,
        request_kind: 'written',
        requested_on: '2026-01-05',
        decided_on: '2026-01-10',
        decision_ref: '01-QĐ/CB',
        from_date: '2026-01-10',
        to_date: null,
        from_activities: 1,
        from_work: 1,
        superior_informed_on: null,
        version: 1,
        created_by: createdBy,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }

  /** A grassroots committee with two cells: `a` members in the first, `b` in the second. */
  async function organization(a: number, b: number) {
    const tree = await buildTree(t.db);
    const inA = [];
    const inB = [];
    for (let i = 0; i < a; i++) inA.push(await buildMember(t.db, { organizationId: tree.cellA.id }));
    for (let i = 0; i < b; i++) inB.push(await buildMember(t.db, { organizationId: tree.cellB.id }));
    return { tree, inA, inB };
  }

  const createCycle = (cookie: string, organizationId: number, extra: Record<string, unknown> = {}) =>
    call<CycleDetail>(cookie, 'POST', '/api/grading/cycles', { organizationId, year: YEAR, ...extra });
  const cycleOf = (cookie: string, id: number) => call<CycleDetail>(cookie, 'GET', `/api/grading/cycles/${id}`);
  const advance = async (cookie: string, id: number, to: string) => {
    const c = await cycleOf(cookie, id);
    return call<CycleDetail>(cookie, 'POST', `/api/grading/cycles/${id}/advance`, { to, version: c.body.version });
  };
  const entryOf = (c: CycleDetail, memberId: number) => c.entries.find((e) => e.member.id === memberId)!;
  const selfAssess = (cookie: string, e: Pick<GradingEntry, 'id' | 'version'>, general: number, tasks: number, conditions: Cond = GOOD) =>
    call<EntryDetail>(cookie, 'PUT', `/api/grading/entries/${e.id}/self-assessment`, {
      scores: { general, task_results: tasks },
      conditions,
      comment: 'Tự nhận xét',
      version: e.version,
    });
  const propose = (cookie: string, e: Pick<GradingEntry, 'id' | 'version'>, level: GradeLevel, reason?: string) =>
    call<EntryDetail>(cookie, 'PUT', `/api/grading/entries/${e.id}/proposal`, { level, comment: 'Chi bộ đề xuất', reason, version: e.version });
  const decide = (cookie: string, e: Pick<GradingEntry, 'id' | 'version'>, level: GradeLevel, extra: Record<string, unknown> = {}) =>
    call<EntryDetail>(cookie, 'PUT', `/api/grading/entries/${e.id}/decision`, { level, version: e.version, ...extra });

  /** Runs a whole organization through self-assessment, proposal and decision, each member at the level asked. */
  async function gradeAll(officer: string, cycleId: number, levels: GradeLevel[]) {
    await advance(officer, cycleId, 'self_assessment');
    let c = (await cycleOf(officer, cycleId)).body;
    const graded = c.entries.filter((e) => e.roster === 'graded');
    const points: Record<GradeLevel, [number, number, Cond]> = {
      excellent: [28, 65, EXCELLENT],
      good: [25, 55, GOOD],
      completed: [20, 40, GOOD],
      not_completed: [10, 20, GOOD],
    };
    for (const [i, e] of graded.entries()) {
      const [g, tk, cond] = points[levels[i]];
      expect((await selfAssess(officer, e, g, tk, cond)).status).toBe(200);
    }
    await advance(officer, cycleId, 'cell_proposal');
    c = (await cycleOf(officer, cycleId)).body;
    for (const [i, e] of c.entries.filter((x) => x.roster === 'graded').entries()) expect((await propose(officer, e, levels[i])).status).toBe(200);
    expect((await advance(officer, cycleId, 'committee_decision')).status).toBe(200);
    c = (await cycleOf(officer, cycleId)).body;
    for (const [i, e] of c.entries.filter((x) => x.roster === 'graded').entries()) expect((await decide(officer, e, levels[i])).status).toBe(200);
    return (await cycleOf(officer, cycleId)).body;
  }

  it('runs the full cycle for a small organization: self-assessment, proposal, decision, closing', async () => {
    const { tree, inA, inB } = await organization(2, 1);
    const officer = await as('organization_officer', tree.grassroots.id);
    const committee = await as('committee_member', tree.grassroots.id);
    const secretary = await as('cell_secretary', tree.cellA.id);
    const self = await as('member', tree.cellA.id, inA[0].person.id);

    const created = await createCycle(officer.cookie, tree.grassroots.id);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'open',
      year: YEAR,
      criteria: [
        { code: 'general', name: null, maxPoints: 30 },
        { code: 'task_results', name: null, maxPoints: 70 },
      ],
      thresholds: { maxPoints: 100, excellentMinPoints: 90, goodMinPoints: 70, completedMinPoints: 50, excellentExceededPercent: 30 },
      quota: { params: { maxExcellentPercent: 20, denominator: 'good_or_better' } },
      entries: [],
    });
    expect((await createCycle(officer.cookie, tree.grassroots.id)).body).toMatchObject({ error: { code: 'GRADING_CYCLE_EXISTS' } });
    expect((await createCycle(officer.cookie, tree.cellA.id)).body.error.fields).toEqual([expect.objectContaining({ path: 'organizationId', code: 'not_grassroots' })]);
    const id = created.body.id;

    // The criteria are configurable while the cycle is open; their maxima must add up to 100 (R-GRD).
    const bad = await call(officer.cookie, 'PUT', `/api/grading/cycles/${id}`, {
      criteria: [{ code: 'politics', name: 'Chính trị tư tưởng', maxPoints: 20 }, { code: 'tasks', name: 'Nhiệm vụ', maxPoints: 70 }],
      quota: { maxExcellentPercent: 20, denominator: 'good_or_better' },
      version: created.body.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'criteria', code: 'criteria_sum_mismatch', params: { sum: 90, maxPoints: 100 } });
    const criteria = [
      { code: 'general', name: 'Tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật', maxPoints: 30 },
      { code: 'task_results', name: 'Kết quả thực hiện nhiệm vụ được giao', maxPoints: 70 },
    ];
    const updated = await call<CycleDetail>(officer.cookie, 'PUT', `/api/grading/cycles/${id}`, {
      criteria,
      quota: { maxExcellentPercent: 20, denominator: 'good_or_better' },
      version: created.body.version,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.criteria).toEqual(criteria);

    // The secretary of a cell sees the organization's cycle but cannot move it.
    expect((await call(secretary.cookie, 'POST', `/api/grading/cycles/${id}/advance`, { to: 'self_assessment', version: updated.body.version })).status).toBe(403);
    const since = await lastAuditId();
    const started = await advance(officer.cookie, id, 'self_assessment');
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('self_assessment');
    expect(started.body.entries.map((e) => e.member.id).sort()).toEqual([inA[0].member.id, inA[1].member.id, inB[0].member.id].sort());
    expect(started.body.counts).toMatchObject({ graded: 3, exempted: 0, selfAssessed: 0 });
    expect(await auditSince(since)).toEqual([{ action: 'grading.advance_cycle', object_id: String(id), outcome: 'success' }]);

    // The member fills their own self-assessment; the secretary sees only the cell's members.
    const mine = await call<CycleDetail>(self.cookie, 'GET', `/api/grading/cycles/${id}`);
    expect(mine.body.entries.map((e) => e.member.id)).toEqual([inA[0].member.id]);
    const own = mine.body.entries[0];
    const filled = await selfAssess(self.cookie, own, 28, 65, EXCELLENT);
    expect(filled.status).toBe(200);
    expect(filled.body.entry.self).toMatchObject({ points: 93, scores: { general: 28, task_results: 65 } });
    expect(filled.body.entry.allowed).toMatchObject({ basis: 'self', points: 93, level: 'excellent' });
    // A stale version changes nothing.
    expect((await selfAssess(self.cookie, own, 20, 50)).status).toBe(409);
    const secView = (await cycleOf(secretary.cookie, id)).body;
    expect(secView.entries.map((e) => e.member.id).sort()).toEqual([inA[0].member.id, inA[1].member.id].sort());
    expect(secView.can).toMatchObject({ manageCycle: false, propose: true, decide: false });
    // A criterion out of range is named.
    const over = await selfAssess(secretary.cookie, entryOf(secView, inA[1].member.id), 31, 60);
    expect(over.status).toBe(400);
    expect(over.body.error.fields).toEqual([expect.objectContaining({ path: 'scores.general', code: 'criterion_out_of_range' })]);
    expect((await selfAssess(secretary.cookie, entryOf(secView, inA[1].member.id), 25, 55)).status).toBe(200);
    const fullView = (await cycleOf(officer.cookie, id)).body;
    expect((await selfAssess(officer.cookie, entryOf(fullView, inB[0].member.id), 26, 50)).status).toBe(200);

    await advance(officer.cookie, id, 'cell_proposal');
    // Once the cell proposes, the member can no longer change their self-assessment.
    const late = await selfAssess(self.cookie, (await call<CycleDetail>(self.cookie, 'GET', `/api/grading/cycles/${id}`)).body.entries[0], 20, 50);
    expect(late.body).toMatchObject({ error: { code: 'GRADING_PHASE' } });
    // The member cannot propose for themselves.
    expect((await propose(self.cookie, own, 'excellent')).status).toBe(403);
    // The committee decides only on the cell's proposals.
    expect((await advance(officer.cookie, id, 'committee_decision')).body).toMatchObject({ error: { code: 'GRADING_INCOMPLETE', params: { stage: 'proposal', missing: 3 } } });

    let view = (await cycleOf(secretary.cookie, id)).body;
    expect((await propose(secretary.cookie, entryOf(view, inA[0].member.id), 'excellent')).status).toBe(200);
    expect((await propose(secretary.cookie, entryOf(view, inA[1].member.id), 'good')).status).toBe(200);
    view = (await cycleOf(officer.cookie, id)).body;
    expect((await propose(officer.cookie, entryOf(view, inB[0].member.id), 'good')).status).toBe(200);
    expect((await advance(officer.cookie, id, 'committee_decision')).status).toBe(200);

    view = (await cycleOf(committee.cookie, id)).body;
    expect(view.can).toMatchObject({ manageCycle: false, closeCycle: true, decide: true });
    for (const m of [inA[0], inA[1], inB[0]]) {
      const e = entryOf(view, m.member.id);
      const d = await decide(committee.cookie, e, e.proposal!.level);
      expect(d.status).toBe(200);
    }
    view = (await cycleOf(committee.cookie, id)).body;
    expect(view.counts.levels).toEqual({ excellent: 1, good: 2, completed: 0, not_completed: 0 });
    // 1 excellent of 3 graded good or better is 33% > 20%: closing needs a recorded justification (R-GRD-01).
    expect(view.quota.check).toMatchObject({ ruleId: 'R-GRD-01', ok: false, code: 'excellent_over_quota' });
    const refused = await call(committee.cookie, 'POST', `/api/grading/cycles/${id}/close`, { version: view.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'RULE_VIOLATION', params: { rule: 'R-GRD-01' } });
    const closed = await call<CycleDetail>(committee.cookie, 'POST', `/api/grading/cycles/${id}/close`, {
      version: view.version,
      quotaJustification: 'Chi bộ chỉ có 3 đảng viên; đồng chí được đề nghị có thành tích đột xuất được tỉnh khen thưởng.',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-06-15', quota: { check: { ok: true, code: 'exception_justified' } } });
    expect(closed.body.quota.justification).toContain('khen thưởng');

    // Results per member per year for other modules (screening reads not_completed two years in a row).
    expect(await gradingResults(t.db, inA[0].member.id)).toEqual([{ year: YEAR, level: 'excellent', cycleId: id }]);
    const panel = await call<MemberGrading>(self.cookie, 'GET', `/api/grading/members/${inA[0].member.id}`);
    // Dated by the close: the member page puts the result on the member's timeline on that day.
    expect(panel.body.items).toEqual([expect.objectContaining({ year: YEAR, finalLevel: 'excellent', selfPoints: 93, cycleStatus: 'closed', closedOn: '2026-06-15' })]);
    // Conduct is for roles that may read it ('conduct.read'): the member's own panel shows none of it.
    expect(panel.body.items[0].conduct).toBeNull();

    // History is kept: every step of the member's entry is in its history.
    const detail = await call<EntryDetail>(self.cookie, 'GET', `/api/grading/entries/${own.id}`);
    expect(detail.body.history.map((h) => h.kind)).toEqual(['self_assessment', 'proposal', 'decision']);
    const actions = (await auditSince(since)).map((a) => a.action);
    expect(actions.filter((a) => a === 'grading.decision')).toHaveLength(3);
    expect(actions.at(-1)).toBe('grading.close_cycle');
    // The yearly report on Kế hoạch 99 carries the same levels beside the screening figures, and in its workbook.
    const yearly = await call<ScreeningReport>(committee.cookie, 'GET', `/api/screening/report?organizationId=${tree.grassroots.id}&year=${YEAR}`);
    expect(yearly.status).toBe(200);
    expect(yearly.body.grading.totals).toMatchObject({ excellent: 1, good: 2, completed: 0, notCompleted: 0, pending: 0 });
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/screening/report.xlsx?organizationId=${tree.grassroots.id}&year=${YEAR}`, headers: { cookie: committee.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Xếp loại')!;
    const totalRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === 'Cộng')!;
    expect([3, 4, 5, 6].map((c) => totalRow.getCell(c).value)).toEqual([1, 2, 0, 0]);
    // The closed year changes no more.
    expect((await decide(committee.cookie, entryOf(closed.body, inB[0].member.id), 'completed', { reason: 'x' })).body).toMatchObject({ error: { code: 'GRADING_PHASE' } });
  });

  it('refuses a proposed or decided level above what the points and conditions allow, naming the rule', async () => {
    const { tree, inA } = await organization(2, 0);
    const officer = await as('organization_officer', tree.grassroots.id);
    const c = await createCycle(officer.cookie, tree.grassroots.id);
    await advance(officer.cookie, c.body.id, 'self_assessment');
    let view = (await cycleOf(officer.cookie, c.body.id)).body;
    // 95 points but tasks late: the level is capped at `completed`.
    const late = { ...EXCELLENT, allTasksOnTime: false };
    const filled = await selfAssess(officer.cookie, entryOf(view, inA[0].member.id), 29, 66, late);
    expect(filled.body.entry.allowed).toMatchObject({ points: 95, level: 'completed', levelByPoints: 'excellent' });
    await selfAssess(officer.cookie, entryOf(view, inA[1].member.id), 25, 40, GOOD);
    await advance(officer.cookie, c.body.id, 'cell_proposal');
    view = (await cycleOf(officer.cookie, c.body.id)).body;

    const refused = await propose(officer.cookie, entryOf(view, inA[0].member.id), 'good');
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'RULE_VIOLATION', params: { rule: 'R-GRD', level: 'good', allowed: 'completed' } });
    expect(refused.body.error.params.violations).toEqual([expect.objectContaining({ ruleId: 'R-GRD', code: 'good_needs_all_tasks_on_time' })]);
    // 65 points are not `good` whatever the conditions.
    const byPoints = await propose(officer.cookie, entryOf(view, inA[1].member.id), 'good');
    expect(byPoints.body.error.params.violations).toEqual([expect.objectContaining({ code: 'points_below_level', facts: { level: 'good', points: 65, minPoints: 70 } })]);

    // A lower level stands only with a written reason.
    const noReason = await propose(officer.cookie, entryOf(view, inA[0].member.id), 'not_completed');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([expect.objectContaining({ path: 'reason', code: 'reason_required_below_allowed' })]);
    expect((await propose(officer.cookie, entryOf(view, inA[0].member.id), 'completed')).status).toBe(200);
    expect((await propose(officer.cookie, entryOf(view, inA[1].member.id), 'completed')).status).toBe(200);

    await advance(officer.cookie, c.body.id, 'committee_decision');
    view = (await cycleOf(officer.cookie, c.body.id)).body;
    const e0 = entryOf(view, inA[0].member.id);
    expect((await decide(officer.cookie, e0, 'excellent')).body.error.params.violations.map((v: { code: string }) => v.code)).toEqual([
      'excellent_needs_all_tasks_on_time',
      'good_needs_all_tasks_on_time',
    ]);
    // The committee corrects the member's assessment: fewer points, a finding → not_completed is all it allows.
    const corrected = await decide(officer.cookie, e0, 'completed', {
      scores: { general: 20, task_results: 45 },
      conditions: { ...late, disqualifyingFindings: ['prohibition_breach'] },
    });
    expect(corrected.body.error.params.violations).toEqual([expect.objectContaining({ code: 'disqualifying_finding' })]);
    const ok = await decide(officer.cookie, e0, 'not_completed', { scores: { general: 20, task_results: 45 }, conditions: { ...late, disqualifyingFindings: ['prohibition_breach'] } });
    expect(ok.status).toBe(200);
    expect(ok.body.entry.allowed).toMatchObject({ basis: 'committee', points: 65, level: 'not_completed' });
    expect(ok.body.entry.decision).toMatchObject({ level: 'not_completed', points: 65 });
  });

  it('does not grade exempted members (R-GRD-02) and does not count them', async () => {
    const { tree, inA } = await organization(3, 0);
    const officer = await as('organization_officer', tree.grassroots.id);
    await exempt(inA[2].member.id, tree.cellA.id, officer.userId);
    const c = await createCycle(officer.cookie, tree.grassroots.id);
    const started = await advance(officer.cookie, c.body.id, 'self_assessment');
    expect(started.body.counts).toMatchObject({ graded: 2, exempted: 1 });
    const ex = entryOf(started.body, inA[2].member.id);
    expect(ex.roster).toBe('exempted');
    const refused = await selfAssess(officer.cookie, ex, 25, 50);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'RULE_VIOLATION', params: { rule: 'R-GRD-02', violations: [{ ruleId: 'R-GRD-02', code: 'exempted_not_graded' }] } });

    // Both graded members are good: 0 excellent passes the quota, and the exempted member need not be decided.
    const done = await gradeAll(officer.cookie, c.body.id, ['good', 'good']);
    expect(done.counts).toMatchObject({ graded: 2, exempted: 1, decided: 2, levels: { excellent: 0, good: 2, completed: 0, not_completed: 0 } });
    const closed = await call<CycleDetail>(officer.cookie, 'POST', `/api/grading/cycles/${c.body.id}/close`, { version: done.version });
    expect(closed.status).toBe(200);
    expect(await gradingResults(t.db, inA[2].member.id)).toEqual([]);

    const report = await call<GradingReport>(officer.cookie, 'GET', `/api/grading/report?organizationId=${tree.grassroots.id}&year=${YEAR}`);
    expect(report.body.rows).toEqual([expect.objectContaining({ good: 2, excellent: 0, exempted: 1, graded: 2, pending: 0, status: 'closed' })]);
  });

  it('closes at exactly 20% excellent; above 20% only with a recorded justification (R-GRD-01)', async () => {
    const exact = await organization(5, 0);
    const officer = await as('organization_officer', exact.tree.province.id);
    const c1 = await createCycle(officer.cookie, exact.tree.grassroots.id);
    const v1 = await gradeAll(officer.cookie, c1.body.id, ['excellent', 'good', 'good', 'good', 'good']);
    expect(v1.quota.check).toMatchObject({ ok: true, code: 'ok', facts: { excellent: 1, good: 4, denominator: 5, maxExcellent: 1 } });
    const closed = await call<CycleDetail>(officer.cookie, 'POST', `/api/grading/cycles/${c1.body.id}/close`, { version: v1.version, quotaJustification: 'không cần' });
    expect(closed.status).toBe(200);
    expect(closed.body.quota).toMatchObject({ check: { code: 'ok' }, justification: null });

    const above = await organization(5, 0);
    const other = await as('organization_officer', above.tree.grassroots.id);
    const c2 = await createCycle(other.cookie, above.tree.grassroots.id);
    const v2 = await gradeAll(other.cookie, c2.body.id, ['excellent', 'excellent', 'good', 'good', 'good']);
    const refused = await call(other.cookie, 'POST', `/api/grading/cycles/${c2.body.id}/close`, { version: v2.version, quotaJustification: '   ' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.params.violations).toEqual([expect.objectContaining({ ruleId: 'R-GRD-01', code: 'excellent_over_quota', facts: expect.objectContaining({ excellent: 2, maxExcellent: 1 }) })]);
    expect((await cycleOf(other.cookie, c2.body.id)).body.status).toBe('committee_decision');
    const justified = await call<CycleDetail>(other.cookie, 'POST', `/api/grading/cycles/${c2.body.id}/close`, { version: v2.version, quotaJustification: 'Ban Thường vụ đồng ý theo Công văn 12-CV/ĐU.' });
    expect(justified.status).toBe(200);
    expect(justified.body.quota).toMatchObject({ check: { code: 'exception_justified' }, justification: 'Ban Thường vụ đồng ý theo Công văn 12-CV/ĐU.' });
    const ev = await t.db.selectFrom('grading_events').select(['kind', 'data']).where('cycle_id', '=', c2.body.id).where('kind', '=', 'closed').executeTakeFirstOrThrow();
    expect(JSON.parse(ev.data).justification).toBe('Ban Thường vụ đồng ý theo Công văn 12-CV/ĐU.');
  });

  it('shows conduct in the year beside each member: party discipline, violations and the Front opinion', async () => {
    const { tree, inA } = await organization(2, 0);
    const officer = await as('organization_officer', tree.grassroots.id);
    const secretary = await as('cell_secretary', tree.cellA.id);
    const training = await as('training_officer', tree.grassroots.id);
    const c = await createCycle(officer.cookie, tree.grassroots.id);
    const started = (await advance(officer.cookie, c.body.id, 'self_assessment')).body;
    const subject = inA[0].member.id;
    expect(entryOf(started, subject).conduct).toEqual({ year: YEAR, partyDiscipline: [], violations: [], frontOpinion: null });

    // A violation decided in the graded year and one the year before; the Front's opinion of the year; a party
    // discipline concluded in the year.
    const violation = { kind: 'law_violation', decidedBy: 'Công an huyện Lạc Dương', reference: '47/QĐ-XPHC', form: 'administrative_sanction', description: 'Vi phạm nồng độ cồn' };
    expect((await call(secretary.cookie, 'POST', `/api/members/${subject}/violations`, { ...violation, decidedOn: '2026-02-03' })).status).toBe(201);
    expect((await call(secretary.cookie, 'POST', `/api/members/${subject}/violations`, { ...violation, decidedOn: '2025-12-30' })).status).toBe(201);
    const front = { year: YEAR, rating: 'average', comments: null, givenOn: '2026-06-01', givenBy: 'Ban công tác Mặt trận thôn 2' };
    expect((await call(secretary.cookie, 'POST', `/api/members/${subject}/front-opinions`, front)).status).toBe(201);
    const user = await t.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    await t.db
      .insertInto('discipline_referrals')
      .values({
        member_id: subject,
        organization_id: tree.cellA.id,
        flag_id: null,
        referred_on: '2026-01-10',
        reference: null,
        description: 'Vi phạm quy định nơi cư trú',
        warrants_expulsion: 0,
        concluded_on: '2026-03-01',
        outcome: 'reprimand',
        conclusion_ref: '03-QĐ/ĐU',
        version: 1,
        created_by: user.id,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();

    const view = (await cycleOf(officer.cookie, c.body.id)).body;
    const conduct = entryOf(view, subject).conduct!;
    expect(conduct.violations.map((v) => [v.decidedOn, v.reference, v.form])).toEqual([['2026-02-03', '47/QĐ-XPHC', 'administrative_sanction']]);
    expect(conduct.frontOpinion).toMatchObject({ rating: 'average', givenOn: '2026-06-01' });
    expect(conduct.partyDiscipline).toEqual([expect.objectContaining({ outcome: 'reprimand', concludedOn: '2026-03-01', conclusionRef: '03-QĐ/ĐU' })]);
    expect(entryOf(view, inA[1].member.id).conduct).toMatchObject({ violations: [], partyDiscipline: [], frontOpinion: null });

    const detail = await call<EntryDetail>(secretary.cookie, 'GET', `/api/grading/entries/${entryOf(view, subject).id}`);
    expect(detail.body.entry.conduct?.violations.map((v) => v.decidedOn)).toEqual(['2026-02-03']);
    const panel = await call<MemberGrading>(officer.cookie, 'GET', `/api/grading/members/${subject}`);
    expect(panel.body.items[0].conduct).toMatchObject({ year: YEAR, violations: [expect.objectContaining({ reference: '47/QĐ-XPHC' })] });
    // A role without 'conduct.read' sees the grading, not the conduct.
    const trainingView = await cycleOf(training.cookie, c.body.id);
    expect(trainingView.status).toBe(200);
    expect(entryOf(trainingView.body, subject).conduct).toBeNull();
  });

  it('lets a member fill only their own self-assessment: another member\'s answers 404', async () => {
    const { tree, inA } = await organization(2, 0);
    const officer = await as('organization_officer', tree.grassroots.id);
    const self = await as('member', tree.cellA.id, inA[0].person.id);
    const c = await createCycle(officer.cookie, tree.grassroots.id);
    const started = (await advance(officer.cookie, c.body.id, 'self_assessment')).body;
    const other = entryOf(started, inA[1].member.id);
    expect((await selfAssess(self.cookie, other, 25, 50)).status).toBe(404);
    expect((await call(self.cookie, 'GET', `/api/grading/entries/${other.id}`)).status).toBe(404);
    expect((await call(self.cookie, 'GET', `/api/grading/members/${inA[1].member.id}`)).status).toBe(404);
    expect((await selfAssess(self.cookie, entryOf(started, inA[0].member.id), 25, 50)).status).toBe(200);
    // A member cannot open a cycle.
    expect((await createCycle(self.cookie, tree.grassroots.id, { year: 2027 })).status).toBe(403);
  });

  it('keeps scope: another branch answers 404, a front officer 403', async () => {
    const { tree, inA } = await organization(1, 0);
    const officer = await as('organization_officer', tree.grassroots.id);
    const c = await createCycle(officer.cookie, tree.grassroots.id);
    const started = (await advance(officer.cookie, c.body.id, 'self_assessment')).body;
    const e = entryOf(started, inA[0].member.id);
    const stranger = await as('organization_officer', tree.otherCell.id);
    expect((await cycleOf(stranger.cookie, c.body.id)).status).toBe(404);
    expect((await call(stranger.cookie, 'GET', `/api/grading/entries/${e.id}`)).status).toBe(404);
    expect((await selfAssess(stranger.cookie, e, 25, 50)).status).toBe(404);
    expect((await call(stranger.cookie, 'GET', `/api/grading/members/${inA[0].member.id}`)).status).toBe(404);
    expect((await call(stranger.cookie, 'GET', `/api/grading/report?organizationId=${tree.grassroots.id}&year=${YEAR}`)).status).toBe(404);
    expect((await createCycle(stranger.cookie, tree.grassroots.id, { year: 2027 })).status).toBe(404);
    expect((await call<{ items: unknown[] }>(stranger.cookie, 'GET', '/api/grading/cycles')).body.items.find((x: any) => x.id === c.body.id)).toBeUndefined();
    const front = await as('front_officer', tree.grassroots.id);
    expect((await call(front.cookie, 'GET', '/api/grading/cycles')).status).toBe(403);
    expect((await cycleOf(front.cookie, c.body.id)).status).toBe(403);
    expect((await call(front.cookie, 'GET', `/api/grading/report?organizationId=${tree.grassroots.id}&year=${YEAR}`)).status).toBe(403);
    // A member who moves away takes the grading history along to read, never to change.
    await t.db.updateTable('members').set({ organization_id: tree.otherCell.id, org_path: tree.otherCell.path }).where('id', '=', inA[0].member.id).execute();
    expect((await call(stranger.cookie, 'GET', `/api/grading/entries/${e.id}`)).status).toBe(200);
    expect((await call(stranger.cookie, 'GET', `/api/grading/members/${inA[0].member.id}`)).body.items).toHaveLength(1);
    expect((await selfAssess(stranger.cookie, e, 25, 50)).status).toBe(404);
    // A year no grading rule set covers is refused, naming the field.
    expect((await createCycle(officer.cookie, tree.grassroots.id, { year: 2024 })).body.error.fields).toEqual([expect.objectContaining({ path: 'year', code: 'no_grading_rule_set' })]);
  });

  it('reports members graded at each level per organization and exports them to Excel, neutralising formulas', async () => {
    const { tree, inA, inB } = await organization(3, 2);
    const officer = await as('organization_officer', tree.province.id);
    const c = await createCycle(officer.cookie, tree.grassroots.id);
    await gradeAll(officer.cookie, c.body.id, ['good', 'completed', 'good', 'not_completed', 'good']);
    // A grassroots cell whose name would be a formula, with one member not decided yet.
    const evil = await buildOrganization(t.db, { kind: 'grassroots_cell', name: '=HYPERLINK("http://evil.example","x")', parentId: tree.commune.id });
    await buildMember(t.db, { organizationId: evil.id });
    const c2 = await createCycle(officer.cookie, evil.id);
    await advance(officer.cookie, c2.body.id, 'self_assessment');
    void inA;
    void inB;

    const report = await call<GradingReport>(officer.cookie, 'GET', `/api/grading/report?organizationId=${tree.province.id}&year=${YEAR}`);
    expect(report.status).toBe(200);
    const byOrg = new Map(report.body.rows.map((r) => [r.organization.id, r]));
    expect(byOrg.get(tree.grassroots.id)).toMatchObject({ excellent: 0, good: 3, completed: 1, notCompleted: 1, pending: 0, graded: 5, status: 'committee_decision' });
    expect(byOrg.get(evil.id)).toMatchObject({ graded: 1, pending: 1, status: 'self_assessment' });
    expect(report.body.totals).toMatchObject({ good: 3, completed: 1, notCompleted: 1, pending: 1, graded: 6 });
    // A cell secretary's report counts the cell's members only.
    const secretary = await as('cell_secretary', tree.cellB.id);
    const cellReport = await call<GradingReport>(secretary.cookie, 'GET', `/api/grading/report?organizationId=${tree.cellB.id}&year=${YEAR}`);
    expect(cellReport.body.totals).toMatchObject({ graded: 2 });

    const res = await t.app.inject({ method: 'GET', url: `/api/grading/report.xlsx?organizationId=${tree.province.id}&year=${YEAR}`, headers: { cookie: officer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(values.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    expect(values).toContain('Đảng bộ Trường THPT Lang Biang');
    expect(values).toContain('Tổng cộng');
  });
});
