import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZComplianceQuery } from '../../common/contracts/meetings.contract.ts';
import { ZTransferListQuery } from '../../common/contracts/transfers.contract.ts';
import type { Actor } from '../http/actor.ts';
import { verifyAuditChain } from '../modules/audit/audit.repo.ts';
import { getMemberDues } from '../modules/dues/dues.service.ts';
import { getComplianceView, getMeeting } from '../modules/meetings/meetings.service.ts';
import { listTransfers } from '../modules/transfers/transfers.service.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../test/test-db.ts';
import { seedDemoActivity, type ActivityReport } from './activity-seed.ts';
import { DEMO_REFERENCE_DATE } from './demo-plan.ts';
import { seedDemo } from './demo-seed.ts';

const NOW = new Date(`${DEMO_REFERENCE_DATE}T09:00:00.000Z`);

describe.each(ENGINES)('demo party life (%s)', (engine) => {
  let t: TestDatabase;
  let report: ActivityReport;
  let officer: Actor;
  const ctx = () => ({ requestId: 'test', actor: officer, now: NOW });

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedDemo(t.db, { now: NOW, passwordHash: 'x' });
    const t0 = performance.now();
    report = await seedDemoActivity(t.db, { now: NOW });
    console.log(`[${engine}] seedDemoActivity ${Math.round(performance.now() - t0)} ms`, JSON.stringify(report));
    const u = await t.db.selectFrom('users').innerJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.id', 'users.username', 'users.role', 'users.organization_id', 'users.person_id', 'organizations.path'])
      .where('username', '=', 'tochuc').executeTakeFirstOrThrow();
    officer = { userId: u.id, username: u.username, role: u.role as Actor['role'], organizationId: u.organization_id, orgPath: u.path, personId: u.person_id, reach: 'subtree' };
  }, 180_000);
  afterAll(() => t?.drop());

  it('gives every current cell 24 months of meetings, with some gaps in the compliance view', async () => {
    expect(report.meetings).toBeGreaterThan(1000);
    const cells = await t.db.selectFrom('organizations').select('id').where('kind', 'in', ['cell', 'grassroots_cell']).where('valid_to', 'is', null).execute();
    const withMeetings = await t.db.selectFrom('meetings').select('organization_id').distinct().execute();
    const held = new Set(withMeetings.map((r) => r.organization_id));
    expect(cells.every((c) => held.has(c.id))).toBe(true);
    for (const year of [2025, 2026]) {
      const view = await getComplianceView(t.db, ctx(), officer.organizationId, ZComplianceQuery.parse({ year, pageSize: 100 }));
      expect(view.totals.cells).toBeGreaterThan(50);
      expect(view.totals.cellsWithGaps).toBeGreaterThan(0);
      expect(view.totals.cellsWithGaps).toBeLessThan(view.totals.cells / 2);
    }
  });

  it('records attendance for every expected member, mostly present, with excused and unexcused absences', async () => {
    const counts = await t.db.selectFrom('attendance').select(['status', 'expectation']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(['status', 'expectation']).execute();
    const n = (s: string, e = 'member') => Number(counts.find((c) => c.status === s && c.expectation === e)?.n ?? 0);
    expect(n('present') / report.attendance).toBeGreaterThan(0.85);
    expect(n('absent_with_reason')).toBeGreaterThan(0);
    expect(n('absent_without_reason')).toBeGreaterThan(0);
    expect(n('absent_with_reason', 'exempted')).toBeGreaterThan(0);
    expect(n('absent_with_reason', 'temporary_transfer_out')).toBeGreaterThan(0);
    // The meeting's own sheet (the service's view) has every expected member recorded.
    const m = await t.db.selectFrom('meetings').select('id').where('meeting_date', '>=', '2026-10-01').orderBy('id').executeTakeFirstOrThrow();
    const detail = await getMeeting(t.db, ctx(), m.id);
    expect(detail.sheet.filter((s) => s.expected && s.status === null)).toEqual([]);
    // Members absent without reason in 3+ months of 2026 (screening R-RMV-01).
    const rows = await t.db.selectFrom('attendance').innerJoin('meetings', 'meetings.id', 'attendance.meeting_id')
      .select(['attendance.member_id', 'meetings.meeting_date']).where('attendance.status', '=', 'absent_without_reason')
      .where('attendance.expected', '=', 1).where('meetings.kind', '=', 'regular').where('meetings.meeting_date', '>=', '2026-01-01').execute();
    const months = new Map<number, Set<string>>();
    for (const r of rows) months.set(r.member_id, (months.get(r.member_id) ?? new Set()).add(r.meeting_date.slice(0, 7)));
    expect([...months.values()].filter((s) => s.size >= 3).length).toBeGreaterThanOrEqual(5);
  });

  it('has assignments for most members, elderly exemptions decided by the cell, residence opinions', async () => {
    expect(report.assignments).toBeGreaterThan(1200);
    expect(report.exemptions).toBeGreaterThan(5);
    const ex = await t.db.selectFrom('exemptions').selectAll().execute();
    expect(ex.every((e) => e.reason === 'elderly_or_weak' && e.from_activities === 1)).toBe(true);
    expect(ex.filter((e) => e.superior_informed_on !== null).length).toBeGreaterThan(0);
    const ratings = await t.db.selectFrom('residence_opinions').select('rating').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('rating').execute();
    const r = (k: string) => Number(ratings.find((x) => x.rating === k)?.n ?? 0);
    expect(r('good')).toBeGreaterThan(r('average') + r('low'));
    expect(r('low')).toBeGreaterThan(0);
  });

  it('has dues for 24 months: a member with 3+ unpaid months in 2026 shows them as arrears', async () => {
    expect(report.duesPayments).toBeGreaterThan(30_000);
    expect(report.duesRemittances).toBeGreaterThan(1000);
    const advance = await t.db.selectFrom('dues_payments').select('id').where('note', '=', 'Đóng trước').limit(1).execute();
    expect(advance).toHaveLength(1);
    // A member whose 2026 payments miss 3+ of the months Jan–Oct.
    const paid = await t.db.selectFrom('dues_payments').select(['member_id']).select((eb) => eb.fn.countAll<number>().as('n'))
      .where('for_month', '>=', '2026-01').where('for_month', '<=', '2026-10').groupBy('member_id').execute();
    const candidate = paid.filter((p) => Number(p.n) <= 7).map((p) => p.member_id);
    expect(candidate.length).toBeGreaterThan(0);
    const dues = await getMemberDues(t.db, ctx(), candidate[0], 2026);
    expect(dues.arrears.filter((a) => a.month >= '2026-01' && a.month <= '2026-10').length).toBeGreaterThanOrEqual(3);
    expect(dues.arrearsTotalVnd).toBeGreaterThan(0);
  });

  it('has completed internal transfers, overdue outgoing letters and a temporary transfer in progress', async () => {
    expect(report.transfers).toEqual({ internalCompleted: 6, outgoingOverdue: 2, temporaryInProgress: 1 });
    const list = await listTransfers(t.db, ctx(), ZTransferListQuery.parse({ box: 'overdue' }));
    expect(list.total).toBe(2);
    const moved = await t.db.selectFrom('member_events').select('id').where('kind', '=', 'moved').where('event_date', '>=', '2025-03-01').execute();
    expect(moved.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps the audit chain whole', async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
