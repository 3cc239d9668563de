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

  it('keeps the audit chain whole', async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
