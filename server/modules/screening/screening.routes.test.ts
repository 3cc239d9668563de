import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { Flag, FlagList, Oversight, ScreeningReport, ScreeningRun } from '../../../common/contracts/screening.contract.ts';
import { buildMember, buildOrganization, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import {
  buildAssignment,
  buildAttendance,
  buildDuesProfile,
  buildExemption,
  buildGoodReason,
  buildMeeting,
  buildPayments,
  type Presence,
} from './screening.fixtures.ts';
import { runsInFlight } from './screening.service.ts';
import { sweepEscalations, sweepScheduledScreening } from './screening.sweep.ts';

// Route tests on a real database, on every engine (architecture principle 10). The app's clock is fixed at
// 2026-06-15T03:00Z: today in Vietnam is 2026-06-15, so the year 2026 is judged up to that day (dues: January to May,
// the months that have ended; meetings: those held by 15 June).

const YEAR = 2026;
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];

describe.each(ENGINES)('screening on %s', (engine) => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof buildTree>>;
  let clerk: { id: number };
  const cookie = {} as Record<'secA' | 'secB' | 'officer' | 'commune' | 'front' | 'inspector', string>;
  const m = {} as Record<'three' | 'two' | 'excused' | 'exempted' | 'dues3' | 'dues2' | 'duesReason' | 'duesShort' | 'clean' | 'noWork' | 'inB', number>;
  const meetingIds: number[] = [];
  let n = 0;

  async function as(role: Role, organizationId: number) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username });
    return loginAs(t.app, username);
  }
  const get = <T>(url: string, who: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who } }).then((r) => ({ status: r.statusCode, body: r.json() as T, raw: r }));
  const post = <T>(url: string, who: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: who }, payload: payload as object }).then((r) => ({ status: r.statusCode, body: r.json() as T }));

  async function runAndWait(who: string, organizationId: number): Promise<ScreeningRun> {
    const started = await post<ScreeningRun>('/api/screening/runs', who, { organizationId, year: YEAR });
    expect(started.status).toBe(202);
    await runsInFlight();
    const done = await get<ScreeningRun>(`/api/screening/runs/${started.body.id}`, who);
    expect(done.body.status).toBe('succeeded');
    return done.body;
  }

  async function flagsOf(who: string, organizationId: number, extra = ''): Promise<FlagList> {
    const r = await get<FlagList>(`/api/screening/flags?organizationId=${organizationId}&year=${YEAR}${extra}`, who);
    expect(r.status).toBe(200);
    return r.body;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    o = await buildTree(t.db);
    clerk = await buildUser(t.db, { role: 'admin', organizationId: o.province.id, username: `clerk-${engine}` });
    cookie.secA = await as('cell_secretary', o.cellA.id);
    cookie.secB = await as('cell_secretary', o.cellB.id);
    cookie.officer = await as('organization_officer', o.grassroots.id);
    cookie.commune = await as('committee_member', o.commune.id);
    cookie.front = await as('front_officer', o.grassroots.id);
    cookie.inspector = await as('inspection_officer', o.grassroots.id);

    const add = async (key: keyof typeof m, organizationId = o.cellA.id) => {
      const { member } = await buildMember(t.db, { organizationId, person: { full_name: `Đảng viên ${String(key)} ${engine}` } });
      m[key] = member.id;
      return member.id;
    };
    for (const k of ['three', 'two', 'excused', 'exempted', 'dues3', 'dues2', 'duesReason', 'duesShort', 'clean', 'noWork'] as const) await add(k);
    await add('inB', o.cellB.id);
    // Every member holds a work assignment (R-MGT-01) except noWork.
    for (const [k, id] of Object.entries(m)) {
      if (k !== 'noWork') await buildAssignment(t.db, { memberId: id, organizationId: k === 'inB' ? o.cellB.id : o.cellA.id, createdBy: clerk.id });
    }
    // One held meeting a month, January to June; a planned one in July is not screened.
    for (let month = 1; month <= 6; month++) {
      const mt = await buildMeeting(t.db, { organizationId: o.cellA.id, date: `2026-0${month}-05`, createdBy: clerk.id });
      meetingIds.push(mt.id);
    }
    const sheet: Record<string, Presence[]> = {
      three: ['absent_without_reason', 'absent_without_reason', 'absent_without_reason', 'present', 'present', 'present'],
      two: ['absent_without_reason', 'absent_without_reason', 'present', 'present', 'present', 'present'],
      excused: ['absent_without_reason', 'absent_with_reason', 'absent_with_reason', 'present', 'present', 'present'],
      exempted: ['absent_without_reason', 'absent_without_reason', 'absent_without_reason', 'present', 'present', 'present'],
    };
    for (const [k, id] of Object.entries(m)) {
      if (k === 'inB') continue;
      const row = sheet[k] ?? Array(6).fill('present');
      for (let i = 0; i < 6; i++) {
        // The exempted member's March: exempted from activities that month (R-MGT-02), not expected at the meeting.
        const exempt = k === 'exempted' && i === 2;
        await buildAttendance(t.db, { meetingId: meetingIds[i], memberId: id, status: row[i], recordedBy: clerk.id, expected: !exempt });
      }
    }
    await buildExemption(t.db, { memberId: m.exempted, organizationId: o.cellA.id, createdBy: clerk.id, from: '2026-03-01', to: '2026-03-31' });
    // Dues: everyone pays January to May except the three dues members.
    for (const [k, id] of Object.entries(m)) {
      await buildDuesProfile(t.db, { memberId: id, createdBy: clerk.id });
      const unpaid = k === 'dues3' || k === 'duesReason' ? ['2026-01', '2026-02', '2026-03'] : k === 'dues2' ? ['2026-02', '2026-04'] : [];
      await buildPayments(t.db, { memberId: id, organizationId: k === 'inB' ? o.cellB.id : o.cellA.id, recordedBy: clerk.id, months: MONTHS.filter((x) => !unpaid.includes(x)), amountVnd: k === 'duesShort' ? 49_000 : 50_000 });
    }
    // duesShort pays every month, 1,000 VND short each time, then makes up January and February in full.
    await buildPayments(t.db, { memberId: m.duesShort, organizationId: o.cellA.id, recordedBy: clerk.id, months: ['2026-01', '2026-02'], amountVnd: 1_000 });
    await buildGoodReason(t.db, { memberId: m.duesReason, month: '2026-02', createdBy: clerk.id });
  });
  afterAll(async () => {
    await runsInFlight();
    await t.close();
  });

  it('R-RMV-01: flags 3 unexcused months with the months and the meetings, not 2, not excused or exempted months', async () => {
    const run = await runAndWait(cookie.secA, o.cellA.id);
    expect(run).toMatchObject({ membersTotal: 10, membersDone: 10, flagsNew: run.flagsFound, flagsUnchanged: 0, trigger: 'manual' });
    const list = await flagsOf(cookie.secA, o.cellA.id, '&kind=missed_activities');
    expect(list.items.map((f) => f.member.id)).toEqual([m.three]);
    const f = list.items[0];
    expect(f).toMatchObject({ ruleId: 'R-RMV-01', kind: 'missed_activities', period: '2026', status: 'open', raisedOn: '2026-06-15', reviewDueOn: '2026-07-15' });
    expect(f.evidence.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(f.meetings.map((x) => [x.id, x.date])).toEqual(meetingIds.slice(0, 3).map((id, i) => [id, `2026-0${i + 1}-05`]));
  });

  it('R-RMV-01 / R-DUE-01: flags 3 unpaid months (short payments too), not 2, not a month with a good reason', async () => {
    const list = await flagsOf(cookie.secA, o.cellA.id, '&kind=unpaid_dues');
    const byMember = new Map(list.items.map((f) => [f.member.id, f.evidence.months]));
    expect([...byMember.keys()].sort()).toEqual([m.dues3, m.duesShort].sort());
    expect(byMember.get(m.dues3)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(byMember.get(m.duesShort)).toEqual(['2026-03', '2026-04', '2026-05']);
  });

  it('a run over the organization above finds the same flags (read by id ranges) as the run over the cell (by id list)', async () => {
    const cellFlags = await flagsOf(cookie.secA, o.cellA.id);
    const run = await runAndWait(cookie.officer, o.grassroots.id);
    expect(run).toMatchObject({ membersTotal: 11, flagsNew: 0, flagsUnchanged: cellFlags.counts.all, flagsFound: cellFlags.counts.all });
  });

  it('R-RMV-06: flags the member without a work assignment, and only them', async () => {
    const list = await flagsOf(cookie.secA, o.cellA.id, '&kind=no_assignment');
    expect(list.items.map((f) => f.member.id)).toEqual([m.noWork]);
    expect(list.items[0].evidence.cutoff).toBe('2026-06-15');
  });

  it('running again adds no duplicate and closes none', async () => {
    const before = await flagsOf(cookie.secA, o.cellA.id);
    const again = await runAndWait(cookie.secA, o.cellA.id);
    expect(again).toMatchObject({ flagsNew: 0, flagsUnchanged: before.counts.all, flagsAlreadyDecided: 0 });
    const after = await flagsOf(cookie.secA, o.cellA.id);
    expect(after.counts).toEqual(before.counts);
    expect(after.items.map((f) => f.id)).toEqual(before.items.map((f) => f.id));
  });

  it('a second start while a run is going answers CONFLICT', async () => {
    const a = await post<ScreeningRun>('/api/screening/runs', cookie.officer, { organizationId: o.grassroots.id, year: YEAR });
    const b = await post<{ error: { code: string } }>('/api/screening/runs', cookie.officer, { organizationId: o.grassroots.id, year: YEAR });
    expect(a.status).toBe(202);
    // Either the first run already finished (a tiny tree), or the second start is refused.
    if (b.status !== 202) expect(b.body.error.code).toBe('CONFLICT');
    await runsInFlight();
  });

  it('R-RMV-07: no action needs a written reason; a decided flag is not decided again nor raised again; a flag cannot be deleted', async () => {
    const flag = (await flagsOf(cookie.secA, o.cellA.id, '&kind=no_assignment')).items[0];
    const empty = await post<{ error: { code: string; params: { rule: string; violations: { code: string }[] } } }>(`/api/screening/flags/${flag.id}/review`, cookie.secA, {
      decision: 'no_action',
      reason: '   ',
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.params.rule).toBe('R-RMV-07');
    expect(empty.body.error.params.violations.map((v) => v.code)).toContain('no_action_reason_required');

    const ok = await post<Flag>(`/api/screening/flags/${flag.id}/review`, cookie.secA, { decision: 'no_action', reason: 'Đã phân công phụ trách tổ dân phố từ 20/6' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'closed', review: { decision: 'no_action', reason: 'Đã phân công phụ trách tổ dân phố từ 20/6', decidedOn: '2026-06-15' } });

    const twice = await post<{ error: { params: { violations: { code: string }[] } } }>(`/api/screening/flags/${flag.id}/review`, cookie.secA, { decision: 'education_plan' });
    expect(twice.status).toBe(422);
    expect(twice.body.error.params.violations.map((v) => v.code)).toContain('flag_already_closed');

    const del = await t.app.inject({ method: 'DELETE', url: `/api/screening/flags/${flag.id}`, headers: { cookie: cookie.officer } });
    expect(del.statusCode).toBe(404);
    await expect(t.db.deleteFrom('screening_flags').where('id', '=', flag.id).execute()).rejects.toThrow();
    await expect(t.db.deleteFrom('screening_flag_reviews').execute()).rejects.toThrow();

    const again = await runAndWait(cookie.secA, o.cellA.id);
    expect(again.flagsNew).toBe(0);
    expect(again.flagsAlreadyDecided).toBe(1);
    expect((await flagsOf(cookie.secA, o.cellA.id, '&kind=no_assignment')).items).toHaveLength(1);
  });

  it('an education plan sets the follow-up 12 months on (R-RMV-02)', async () => {
    const flag = (await flagsOf(cookie.secA, o.cellA.id, '&kind=unpaid_dues')).items.find((f) => f.member.id === m.dues3)!;
    const r = await post<Flag>(`/api/screening/flags/${flag.id}/review`, cookie.secA, { decision: 'education_plan', note: 'Chi bộ phân công đồng chí Bí thư giúp đỡ' });
    expect(r.status).toBe(200);
    expect(r.body.review).toMatchObject({ decision: 'education_plan', followUpOn: '2027-06-15' });
  });

  it('scope: another branch answers 404, the front officer 403', async () => {
    const flag = (await flagsOf(cookie.secA, o.cellA.id, '&kind=missed_activities')).items[0];
    expect((await get(`/api/screening/flags/${flag.id}`, cookie.secB)).status).toBe(404);
    expect((await post(`/api/screening/flags/${flag.id}/review`, cookie.secB, { decision: 'education_plan' })).status).toBe(404);
    expect((await get(`/api/screening/flags?organizationId=${o.cellA.id}&year=${YEAR}`, cookie.secB)).status).toBe(404);
    expect((await post('/api/screening/runs', cookie.secB, { organizationId: o.cellA.id, year: YEAR })).status).toBe(404);
    expect((await get(`/api/screening/flags?organizationId=${o.cellA.id}&year=${YEAR}`, cookie.front)).status).toBe(403);
    expect((await get(`/api/screening/flags/${flag.id}`, cookie.front)).status).toBe(403);
    expect((await post('/api/screening/runs', cookie.inspector, { organizationId: o.grassroots.id, year: YEAR })).status).toBe(403);
    // The organization above sees the cell's flags.
    expect((await get<Flag>(`/api/screening/flags/${flag.id}`, cookie.officer)).body.id).toBe(flag.id);
  });

  it('R-RMV-07: a flag not reviewed within the configured days rises to the organization above', async () => {
    const open = await flagsOf(cookie.officer, o.grassroots.id, '&status=open');
    expect(open.counts.escalated).toBe(0);
    expect(await sweepEscalations(t.db, new Date('2026-07-15T10:00:00Z'))).toEqual({ changed: 0 });
    const { changed } = await sweepEscalations(t.db, new Date('2026-07-16T10:00:00Z'));
    expect(changed).toBe(open.counts.open);
    expect(await sweepEscalations(t.db, new Date('2026-07-17T10:00:00Z'))).toEqual({ changed: 0 });
    // The superior's queue (the app's own clock stays on 15/6: a session does not outlive a month's jump).
    const queue = await flagsOf(cookie.officer, o.grassroots.id, '&status=escalated');
    expect(queue.total).toBe(open.counts.open);
    expect(queue.items.every((f) => f.status === 'open' && f.escalation?.escalatedOn === '2026-07-16' && f.escalation.to?.id === o.grassroots.id)).toBe(true);
    // The superior decides an escalated flag itself.
    const f = queue.items.find((x) => x.kind === 'missed_activities')!;
    const r = await post<Flag>(`/api/screening/flags/${f.id}/review`, cookie.officer, { decision: 'education_plan' });
    expect(r.body.review?.decidedByOrganization.id).toBe(o.grassroots.id);
    expect((await flagsOf(cookie.officer, o.grassroots.id, '&status=escalated')).total).toBe(open.counts.open - 1);
  });

  it('the organization above sees per cell: raised, reviewed, overdue and the no-action share', async () => {
    const r = await get<Oversight>(`/api/screening/oversight?organizationId=${o.grassroots.id}&year=${YEAR}`, cookie.officer);
    expect(r.status).toBe(200);
    const a = r.body.rows.find((x) => x.organization.id === o.cellA.id)!;
    const b = r.body.rows.find((x) => x.organization.id === o.cellB.id)!;
    expect(a).toMatchObject({ raised: 4, reviewed: 3, open: 1, escalated: 2, noAction: 1, educationPlan: 2 });
    expect(a.noActionShare).toBeCloseTo(1 / 3);
    expect(b).toMatchObject({ raised: 0, reviewed: 0, noActionShare: null });
    expect(r.body.totals.raised).toBe(4);
  });

  it('an open flag past its due day counts as overdue for the organization above', async () => {
    const { member } = await buildMember(t.db, { organizationId: o.cellB.id });
    const run = await runAndWait(cookie.secB, o.cellB.id);
    expect(run.flagsNew).toBe(1);
    // Seen from 16/7 (a fresh session on the moved clock): the cell's new no-assignment flag is past its 30 days.
    t.clock.now = new Date('2026-07-16T03:00:00Z');
    try {
      const officer = await as('organization_officer', o.grassroots.id);
      const r = await get<Oversight>(`/api/screening/oversight?organizationId=${o.grassroots.id}&year=${YEAR}`, officer);
      expect(r.body.rows.find((x) => x.organization.id === o.cellB.id)).toMatchObject({ raised: 1, open: 1, overdue: 1 });
      const list = await flagsOf(officer, o.cellB.id, '&status=overdue');
      expect(list.items.map((f) => [f.member.id, f.overdue])).toEqual([[member.id, true]]);
    } finally {
      t.clock.now = new Date('2026-06-15T03:00:00Z');
    }
  });

  it('the report counts flags by rule and outcome; the Excel export neutralises formulas', async () => {
    await buildOrganization(t.db, { kind: 'cell', name: '=HYPERLINK("http://x","bấm")', parentId: o.grassroots.id });
    const r = await get<ScreeningReport>(`/api/screening/report?organizationId=${o.grassroots.id}&year=${YEAR}`, cookie.officer);
    expect(r.status).toBe(200);
    const missed = r.body.flagsByRule.find((x) => x.kind === 'missed_activities')!;
    expect(missed).toMatchObject({ ruleId: 'R-RMV-01', raised: 1, open: 0, educationPlan: 1 });
    expect(r.body.flagsByRule.find((x) => x.kind === 'no_assignment')).toMatchObject({ raised: 2, open: 1, noAction: 1 });
    expect(r.body.flagsByRule.find((x) => x.kind === 'unpaid_dues')).toMatchObject({ raised: 2, open: 1, educationPlan: 1 });

    const x = await t.app.inject({ method: 'GET', url: `/api/screening/report.xlsx?organizationId=${o.grassroots.id}&year=${YEAR}`, headers: { cookie: cookie.officer } });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp loại', 'Theo quy định', 'Đưa ra khỏi Đảng', 'Theo tổ chức']);
    const values: string[] = [];
    wb.getWorksheet('Theo tổ chức')!.eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
    expect(values).toContain(`'=HYPERLINK("http://x","bấm")`);
    expect(values.some((v) => v.startsWith('=HYPERLINK'))).toBe(false);
    const rule: string[] = [];
    wb.getWorksheet('Theo quy định')!.eachRow((row) => rule.push(String(row.getCell(2).value)));
    expect(rule).toContain('R-RMV-01');
  });

  it('the scheduled run screens the whole tree once a day', async () => {
    const now = new Date('2026-06-16T01:00:00Z');
    const first = await sweepScheduledScreening(t.db, now);
    const runs = await t.db.selectFrom('screening_runs').select(['trigger', 'status', 'as_of', 'started_by']).where('trigger', '=', 'scheduled').execute();
    expect(runs).toEqual([{ trigger: 'scheduled', status: 'succeeded', as_of: '2026-06-16', started_by: null }]);
    expect(first.changed).toBeGreaterThanOrEqual(0);
    expect(await sweepScheduledScreening(t.db, new Date('2026-06-16T05:00:00Z'))).toEqual({ changed: 0 });
    expect(await t.db.selectFrom('screening_runs').select('id').where('trigger', '=', 'scheduled').execute()).toHaveLength(1);
  });
});
