import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlagListQuery } from '../../common/contracts/screening.contract.ts';
import { FLAG_KINDS } from '../../common/rules/screening-engine.ts';
import type { Actor } from '../http/actor.ts';
import { verifyAuditChain } from '../modules/audit/audit.repo.ts';
import { getReport, listFlags } from '../modules/screening/screening.service.ts';
import { getDeadlines } from '../modules/admission/admission.reports.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../test/test-db.ts';
import { seedDemoActivity } from './activity-seed.ts';
import { seedDemoAdmissionsAndGrading, type AdmissionSeedReport } from './admission-grading-seed.ts';
import { BITHU1_CELL_CODE } from './demo-accounts.ts';
import { DEMO_REFERENCE_DATE } from './demo-plan.ts';
import { seedDemo } from './demo-seed.ts';

const NOW = new Date(`${DEMO_REFERENCE_DATE}T09:00:00.000Z`);

describe.each(ENGINES)('demo admissions (%s)', (engine) => {
  let t: TestDatabase;
  let report: AdmissionSeedReport;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedDemo(t.db, { now: NOW, passwordHash: 'x' });
    await seedDemoActivity(t.db, { now: NOW });
    const t0 = performance.now();
    report = await seedDemoAdmissionsAndGrading(t.db, { now: NOW });
    console.log(`[${engine}] seedDemoAdmissionsAndGrading ${Math.round(performance.now() - t0)} ms`, JSON.stringify(report));
  }, 300_000);
  afterAll(() => t?.drop());

  const actorOf = async (username: string): Promise<Actor> => {
    const u = await t.db.selectFrom('users').innerJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.id', 'users.username', 'users.role', 'users.organization_id', 'users.person_id', 'organizations.path'])
      .where('username', '=', username).executeTakeFirstOrThrow();
    return { userId: u.id, username: u.username, role: u.role as Actor['role'], organizationId: u.organization_id, orgPath: u.path, personId: u.person_id, reach: 'subtree' };
  };

  it('carries cases to many steps, deterministically', async () => {
    expect(report.cases).toBe(14);
    expect(Object.keys(report.byStatus).length).toBeGreaterThanOrEqual(5);
    expect(report.byStatus).toEqual({
      introduced: 1,
      training: 2,
      application: 1,
      verification: 1,
      opinions: 1,
      cell_resolution: 1,
      decision: 1,
      ceremony: 1,
      probation: 2,
      cell_recognition_vote: 2,
      refused: 1,
    });
    const rows = await t.db.selectFrom('admission_cases').select('status').execute();
    expect(rows.length).toBe(report.cases);
  });

  it('keeps refused attempts in admission_refusals', async () => {
    expect(report.refusals).toBe(2);
    const r = await t.db.selectFrom('admission_refusals').select(['rule_ids']).execute();
    expect(r.length).toBe(report.refusals);
    expect(r.map((x) => x.rule_ids.trim()).sort()).toEqual(['R-ADM-04', 'R-ADM-05']);
  });

  it('has an overdue decision on the deadlines page at the reference date', async () => {
    const d = await getDeadlines(t.db, { requestId: 'test', actor: await actorOf('tochuc'), now: NOW }, {});
    expect(d.overdue.some((i) => i.kind === 'step' && i.status === 'decision')).toBe(true);
    const late = await t.db.selectFrom('admission_cases').select('id').where('status', '=', 'decision').where('due_at', '<', DEMO_REFERENCE_DATE).execute();
    expect(late.length).toBe(1);
  });

  it('makes probationary members, one past the end of probation', async () => {
    const m = await t.db.selectFrom('admission_cases').innerJoin('members', 'members.id', 'admission_cases.member_id')
      .select(['members.status', 'members.ceremony_date']).where('admission_cases.status', '=', 'probation').orderBy('members.ceremony_date').execute();
    expect(m.map((x) => x.status)).toEqual(['probationary', 'probationary']);
    expect(m[0].ceremony_date! < '2025-11-27').toBe(true);
    expect(m[1].ceremony_date! > '2025-11-27').toBe(true);
  });

  it('has two cases whose probation ended long ago with no recognition, waiting for the cell’s vote', async () => {
    const late = await t.db.selectFrom('admission_cases').select(['due_dates']).where('status', '=', 'cell_recognition_vote').execute();
    expect(late.length).toBe(2);
    for (const c of late) expect(JSON.parse(c.due_dates).probationEnd < '2026-06-01').toBe(true);
  });

  it('closes two years of grading in the high school, 2025 in the health centre, and leaves the health centre’s 2026 open', async () => {
    const cycles = await t.db
      .selectFrom('grading_cycles')
      .innerJoin('organizations', 'organizations.id', 'grading_cycles.organization_id')
      .select(['grading_cycles.id', 'organizations.code', 'grading_cycles.year', 'grading_cycles.status', 'grading_cycles.closed_on'])
      .orderBy('grading_cycles.id')
      .execute();
    expect(cycles.map((c) => [c.code, c.year, c.status])).toEqual([
      ['LD.HLD.TTYT', 2025, 'closed'],
      ['LD.HLD.THPTLB', 2025, 'closed'],
      ['LD.HLD.THPTLB', 2026, 'closed'],
      ['LD.HLD.TTYT', 2026, 'self_assessment'],
    ]);
    expect(report.grading.closed).toEqual(['LD.HLD.TTYT 2025', 'LD.HLD.THPTLB 2025', 'LD.HLD.THPTLB 2026']);
    // The 2026 cycle closed before the province's screening run of 20/11/2026.
    expect(cycles[2].closed_on! < '2026-11-20').toBe(true);
    for (const c of cycles.filter((x) => x.status === 'closed')) {
      const entries = await t.db.selectFrom('grading_entries').select(['roster', 'decided_level']).where('cycle_id', '=', c.id).execute();
      const levels = entries.filter((e) => e.roster === 'graded').map((e) => e.decided_level);
      expect(levels.length).toBeGreaterThan(0);
      expect(levels.every((l) => l !== null)).toBe(true);
      expect(levels).toContain('good');
      expect(levels).toContain('not_completed');
      // R-GRD-01: excellent within 20 % of those graded good (no justification needed).
      const excellent = levels.filter((l) => l === 'excellent').length;
      expect(excellent * 100).toBeLessThanOrEqual(20 * levels.filter((l) => l === 'excellent' || l === 'good').length);
    }
    const levelsOf = async (memberId: number) =>
      (
        await t.db
          .selectFrom('grading_entries')
          .innerJoin('grading_cycles', 'grading_cycles.id', 'grading_entries.cycle_id')
          .select(['grading_cycles.year', 'grading_entries.decided_level'])
          .where('grading_entries.member_id', '=', memberId)
          .where('grading_cycles.status', '=', 'closed')
          .orderBy('grading_cycles.year')
          .execute()
      ).map((r) => [r.year, r.decided_level]);
    expect(report.grading.notCompletedTwoYears.length).toBe(2);
    for (const id of report.grading.notCompletedTwoYears) expect(await levelsOf(id)).toEqual([[2025, 'not_completed'], [2026, 'not_completed']]);
    expect(report.grading.notCompletedOneYear.length).toBeGreaterThanOrEqual(1);
    for (const id of report.grading.notCompletedOneYear) {
      const levels = await levelsOf(id);
      expect(levels.filter(([, l]) => l === 'not_completed').length).toBe(1);
    }
  });

  describe('screening 2026, as the province’s officer sees it on the reference date', () => {
    let ctx: { requestId: string; actor: Actor; now: Date };
    let province: number;
    beforeAll(async () => {
      ctx = { requestId: 'test', actor: await actorOf('tochuc'), now: NOW };
      province = (await t.db.selectFrom('organizations').select('id').where('code', '=', 'LD').executeTakeFirstOrThrow()).id;
    });
    const list = (q: Partial<FlagListQuery> = {}) => listFlags(t.db, ctx, { organizationId: province, year: 2026, status: 'all', page: 1, pageSize: 500, ...q });

    it('raises at least two flags of every kind; of each kind at least one is reviewed and one still open', async () => {
      const r = await getReport(t.db, ctx, { organizationId: province, year: 2026 });
      expect(r.flagsByRule.map((x) => x.kind)).toEqual([...FLAG_KINDS]);
      for (const k of r.flagsByRule) {
        expect(k.raised, k.kind).toBeGreaterThanOrEqual(2);
        expect(k.open, k.kind).toBeGreaterThanOrEqual(1);
        expect(k.raised - k.open, k.kind).toBeGreaterThanOrEqual(1);
        expect(report.screening.byKind[k.kind]).toEqual({ raised: k.raised, reviewed: k.raised - k.open, open: k.open });
      }
      const all = await list();
      expect(all.counts.all).toBe(report.screening.flags);
      expect(all.counts.closed).toBe(report.screening.reviewed);
      expect(report.summary).toContain(`${report.screening.flags} flags`);
    });

    it('closes flags with each of the four decisions, none in bithu1’s cell, a written reason for no action', async () => {
      const closed = (await list({ status: 'closed' })).items;
      expect(new Set(closed.map((f) => f.review!.decision))).toEqual(new Set(['removal_case', 'discipline_referral', 'education_plan', 'no_action']));
      expect(Object.values(report.screening.decisions).every((n) => n >= 1)).toBe(true);
      const bithu1Cell = (await t.db.selectFrom('organizations').select('id').where('code', '=', BITHU1_CELL_CODE).executeTakeFirstOrThrow()).id;
      expect(closed.filter((f) => f.organization.id === bithu1Cell)).toEqual([]);
      for (const f of closed.filter((x) => x.review!.decision === 'no_action')) expect(f.review!.reason!.length).toBeGreaterThan(40);
      for (const f of closed.filter((x) => x.review!.decision === 'education_plan')) expect(f.review!.reason).toBeTruthy();
      // The removal cases and the referral opened from their flags.
      for (const f of closed.filter((x) => x.review!.decision === 'removal_case')) {
        const c = await t.db.selectFrom('removal_cases').select(['flag_id', 'member_id', 'status', 'form']).where('id', '=', f.review!.removalCaseId!).executeTakeFirstOrThrow();
        expect(c).toEqual({ flag_id: f.id, member_id: f.member.id, status: 'self_review', form: 'struck_off' });
      }
      const referral = closed.find((x) => x.review!.decision === 'discipline_referral')!;
      const r = await t.db.selectFrom('discipline_referrals').select(['flag_id', 'concluded_on']).where('id', '=', referral.review!.referralId!).executeTakeFirstOrThrow();
      expect(r).toEqual({ flag_id: referral.id, concluded_on: null });
    });

    it('flags the two members not completed in 2025 and 2026 (R-RMV-02), and not those not completed in one year', async () => {
      const flags = (await list({ kind: 'not_completed_two_years' })).items;
      expect(flags.map((f) => f.member.id).sort()).toEqual([...report.grading.notCompletedTwoYears].sort());
      for (const f of flags) expect(f).toMatchObject({ ruleId: 'R-RMV-02', period: '2025-2026', evidence: { years: [2025, 2026] } });
      expect(flags.map((f) => f.member.fullName).every((n) => n.length > 0)).toBe(true);
      expect(flags.map((f) => f.status).sort()).toEqual(['closed', 'open']);
      for (const id of report.grading.notCompletedOneYear) expect((await list({ memberId: id, kind: 'not_completed_two_years' })).items).toEqual([]);
    });

    it('flags party discipline, state discipline and law violations, and the Front’s low opinions', async () => {
      const violators = await t.db.selectFrom('violation_records').select(['member_id', 'kind']).execute();
      expect(new Set(violators.map((v) => v.kind))).toEqual(new Set(['state_discipline', 'law_violation']));
      const disciplined = await t.db.selectFrom('discipline_referrals').select('member_id').where('outcome', 'in', ['reprimand', 'warning']).execute();
      expect(disciplined.length).toBeGreaterThanOrEqual(2);
      const flagged = new Set((await list({ kind: 'discipline_or_violation' })).items.map((f) => f.member.id));
      for (const m of [...violators, ...disciplined]) expect(flagged.has(m.member_id), `member ${m.member_id}`).toBe(true);
      const low = await t.db.selectFrom('front_opinions').select('member_id').where('rating', '=', 'low').where('year', '=', 2026).execute();
      expect(low.length).toBe(2);
      const lowPrestige = new Set((await list({ kind: 'low_prestige' })).items.map((f) => f.member.id));
      for (const m of low) expect(lowPrestige.has(m.member_id)).toBe(true);
    });

    it('keeps two flags of bithu2’s September run unreviewed: overdue and risen to the school’s party committee (R-RMV-07)', async () => {
      const escalated = (await list({ status: 'escalated' })).items;
      expect(escalated.length).toBe(2);
      expect(report.screening.escalated).toBe(2);
      const school = await t.db.selectFrom('organizations').select(['id', 'name']).where('code', '=', 'LD.HLD.THPTLB').executeTakeFirstOrThrow();
      for (const f of escalated) expect(f).toMatchObject({ status: 'open', overdue: true, escalation: { to: { id: school.id } } });
      expect(new Set(escalated.map((f) => f.kind))).toEqual(new Set(['probation_overdue', 'no_assignment']));
      expect((await list({ status: 'overdue' })).items.length).toBe(report.screening.overdue);
    });
  });

  it('keeps the audit chain whole', async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
