import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../http/actor.ts';
import { verifyAuditChain } from '../modules/audit/audit.repo.ts';
import { getDeadlines } from '../modules/admission/admission.reports.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../test/test-db.ts';
import { seedDemoActivity } from './activity-seed.ts';
import { seedDemoAdmissionsAndGrading, type AdmissionSeedReport } from './admission-grading-seed.ts';
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

  it('carries cases to many steps, deterministically', async () => {
    expect(report.cases).toBe(12);
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
    const u = await t.db.selectFrom('users').innerJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.id', 'users.username', 'users.role', 'users.organization_id', 'users.person_id', 'organizations.path'])
      .where('username', '=', 'tochuc').executeTakeFirstOrThrow();
    const actor: Actor = { userId: u.id, username: u.username, role: u.role as Actor['role'], organizationId: u.organization_id, orgPath: u.path, personId: u.person_id, reach: 'subtree' };
    const d = await getDeadlines(t.db, { requestId: 'test', actor, now: NOW }, {});
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

  it('closes the 2025 grading of two grassroots organizations, with levels', async () => {
    expect(report.gradingCycles).toBeGreaterThanOrEqual(2);
    const cycles = await t.db.selectFrom('grading_cycles').select(['id', 'year', 'status']).orderBy('id').execute();
    const closed = cycles.filter((c) => c.year === 2025 && c.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(2);
    expect(cycles.some((c) => c.year === 2026 && c.status === 'self_assessment')).toBe(true);
    for (const c of closed) {
      const entries = await t.db.selectFrom('grading_entries').select(['roster', 'decided_level']).where('cycle_id', '=', c.id).execute();
      const graded = entries.filter((e) => e.roster === 'graded');
      expect(graded.length).toBeGreaterThan(0);
      expect(graded.every((e) => e.decided_level !== null)).toBe(true);
      const levels = graded.map((e) => e.decided_level);
      expect(levels).toContain('good');
      expect(levels).toContain('not_completed');
      const excellent = levels.filter((l) => l === 'excellent').length;
      expect(excellent * 100).toBeLessThanOrEqual(20 * levels.filter((l) => l === 'excellent' || l === 'good').length);
    }
  });

  it('raises screening flags of several kinds, a few reviewed and the rest open', async () => {
    const flags = await t.db.selectFrom('screening_flags').select(['id', 'kind']).execute();
    expect(flags.length).toBe(report.screeningFlags);
    expect(new Set(flags.map((f) => f.kind)).size).toBeGreaterThanOrEqual(4);
    const reviews = await t.db.selectFrom('screening_flag_reviews').select(['decision', 'reason']).execute();
    expect(reviews.length).toBeGreaterThanOrEqual(3);
    expect(new Set(reviews.map((r) => r.decision))).toEqual(new Set(['no_action', 'education_plan', 'discipline_referral']));
    expect(reviews.find((r) => r.decision === 'no_action')!.reason).toBeTruthy();
    expect(flags.length).toBeGreaterThan(reviews.length);
  });

  it('keeps the audit chain whole', async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
