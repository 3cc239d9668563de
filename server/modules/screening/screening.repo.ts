import { type Insertable, type Kysely, sql } from 'kysely';
import { MEMBER_HOLDING_KINDS } from '../../../common/contracts/organizations.contract.ts';
import type { ScreeningFlagsTable } from '../../db/migrations/0010-screening-removal.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern } from '../../policy/scope.ts';

// SQL only (architecture principle 3). Scope is the organization's current path (server/policy/scope.ts); the
// subtree's members are reached through organization ids (members.organization_id is indexed; a LIKE on a path column
// of a million members would scan them all). The facts queries read other modules' tables, as the schema defines them.

type Q = Kysely<Database>;
export type ScopeActor = Pick<Actor, 'orgPath'>;

export const ACTIVE_STATUSES = ['probationary', 'official'];

export function findOrganizationInScope(db: Q, actor: ScopeActor, id: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind', 'path', 'parent_id'])
    .where('id', '=', id)
    .where('path', 'like', subtreePattern(actor.orgPath))
    .executeTakeFirst();
}

export function findOrganization(db: Q, id: number) {
  return db.selectFrom('organizations').select(['id', 'name', 'kind', 'path', 'parent_id']).where('id', '=', id).executeTakeFirst();
}

export function listRootOrganizations(db: Q) {
  return db.selectFrom('organizations').select(['id', 'path']).where('parent_id', 'is', null).where('valid_to', 'is', null).orderBy('id').execute();
}

// ---------------------------------------------------------------- runs

export async function insertRun(db: Q, row: Insertable<Database['screening_runs']>): Promise<number> {
  const r = await db.insertInto('screening_runs').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRun(db: Q, id: number, patch: Partial<Omit<Database['screening_runs'], 'id'>>): Promise<void> {
  await db.updateTable('screening_runs').set(patch).where('id', '=', id).execute();
}

function runQuery(db: Q) {
  return db
    .selectFrom('screening_runs as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .leftJoin('users as u', 'u.id', 'r.started_by')
    .selectAll('r')
    .select(['o.name as organization_name', 'u.display_name as started_by_name']);
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRunInScope>>>;

export function findRunInScope(db: Q, actor: ScopeActor, id: number) {
  return runQuery(db).where('r.id', '=', id).where('o.path', 'like', subtreePattern(actor.orgPath)).executeTakeFirst();
}

export function listRuns(db: Q, organizationId: number, year: number, limit = 10) {
  return runQuery(db).where('r.organization_id', '=', organizationId).where('r.year', '=', year).orderBy('r.id', 'desc').limit(limit).execute();
}

export function findRunningRun(db: Q, organizationId: number, year: number) {
  return db
    .selectFrom('screening_runs')
    .select(['id', 'heartbeat_at'])
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .where('status', '=', 'running')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function findScheduledRun(db: Q, organizationId: number, year: number, asOf: string) {
  return db
    .selectFrom('screening_runs')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .where('as_of', '=', asOf)
    .where('trigger', '=', 'scheduled')
    .where('status', 'in', ['running', 'succeeded'])
    .executeTakeFirst();
}

// ---------------------------------------------------------------- the members of a subtree

/** Ids of the subtree's organizations (the current tree), and how many organizations there are in all. */
export async function subtreeOrganizationIds(db: Q, path: string): Promise<{ ids: number[]; all: number }> {
  const [rows, all] = await Promise.all([
    db.selectFrom('organizations').select('id').where('path', 'like', subtreePattern(path)).execute(),
    db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), all: Number(all.n) };
}

const MEMBER_COLUMNS = ['m.id', 'm.organization_id', 'm.status', 'm.ceremony_date', 'm.admission_decision_date'] as const;

/**
 * Members of these organizations, whatever their status (through the organization index: a small subtree). The caller
 * keeps the active ones: a status condition here would lead SQLite's planner to the status index, over every member.
 */
export function listMembersOfOrganizations(db: Q, orgIds: readonly number[]) {
  return db.selectFrom('members as m').select(MEMBER_COLUMNS).where('m.organization_id', 'in', [...orgIds]).execute();
}

/**
 * Members with ids in [lo, hi], whatever their status (a large subtree is read in id order along a covering index of
 * these columns; the caller keeps the active members of its subtree).
 */
export function listMembersInRange(db: Q, lo: number, hi: number) {
  return db.selectFrom('members as m').select(MEMBER_COLUMNS).where('m.id', '>=', lo).where('m.id', '<=', hi).orderBy('m.id').execute();
}

export async function memberIdBounds(db: Q): Promise<{ lo: number; hi: number; count: number }> {
  const r = await db
    .selectFrom('members')
    .select((eb) => [eb.fn.min<number>('id').as('lo'), eb.fn.max<number>('id').as('hi'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirstOrThrow();
  return { lo: Number(r.lo ?? 0), hi: Number(r.hi ?? -1), count: Number(r.n) };
}

/**
 * Which members a facts query reads: an id range (read along the table's member index, rows of members outside the
 * chunk are dropped by the caller) or a list of ids (a sparse chunk). No query joins the members table.
 */
export type MemberFilter = { lo: number; hi: number } | { ids: readonly number[] };

function byMember(column: string, f: MemberFilter) {
  return (eb: any) => ('ids' in f ? eb(sql.ref(column), 'in', [...f.ids]) : eb.between(sql.ref(column), f.lo, f.hi));
}

/**
 * R-RMV-01: recorded absences without reason from held meetings of the year up to the cut-off, of members who were
 * expected (attendance.expected: exemptions from activities and temporary transfers out were judged per meeting day
 * when the sheet was saved, R-MGT-02, R-MGT-06). Only these rows matter to the rule, and a partial index holds them.
 */
export function listUnexcusedAbsences(db: Q, f: MemberFilter, from: string, cutoff: string) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('meetings as mt', 'mt.id', 'a.meeting_id')
    .select(['a.member_id', 'a.meeting_id', 'mt.meeting_date'])
    .where(byMember('a.member_id', f))
    // Constants written out, not bound: SQLite uses a partial index only when the query states its condition.
    .where(sql<boolean>`a.status = 'absent_without_reason' and a.expected = 1`)
    .where('mt.status', '=', 'held')
    .where('mt.meeting_date', '>=', from)
    .where('mt.meeting_date', '<=', cutoff)
    .orderBy('a.member_id')
    .orderBy('a.meeting_id')
    .execute();
}

/**
 * R-DUE: per member, how many months of the judged range have payments by the cut-off, and the smallest month's total:
 * one pass over the payments, one row per member. A member with a payment in every month of the range whose smallest
 * month covers the largest amount owed has nothing unpaid; only the others are read month by month.
 */
export function duesSummary(db: Q, f: MemberFilter, fromMonth: string, toMonth: string, cutoff: string) {
  const perMonth = db
    .selectFrom('dues_payments as dp')
    .select(['dp.member_id', 'dp.for_month'])
    .select(sql<number>`sum(dp.amount_vnd)`.as('paid'))
    .where(byMember('dp.member_id', f))
    .where('dp.for_month', '>=', fromMonth)
    .where('dp.for_month', '<=', toMonth)
    .where('dp.paid_on', '<=', cutoff)
    .groupBy(['dp.member_id', 'dp.for_month'])
    .as('pm');
  return db
    .selectFrom(perMonth)
    .select('pm.member_id')
    .select(sql<number>`count(*)`.as('months'))
    .select(sql<number>`min(pm.paid)`.as('min_paid'))
    .groupBy('pm.member_id')
    .orderBy('pm.member_id')
    .execute();
}

/** Month totals of these members' payments by the cut-off (the few the summary could not settle). */
export function duesPaidByMonth(db: Q, memberIds: readonly number[], fromMonth: string, toMonth: string, cutoff: string) {
  return db
    .selectFrom('dues_payments as dp')
    .select(['dp.member_id', 'dp.for_month'])
    .select(sql<number>`sum(dp.amount_vnd)`.as('paid'))
    .where('dp.member_id', 'in', [...memberIds])
    .where('dp.for_month', '>=', fromMonth)
    .where('dp.for_month', '<=', toMonth)
    .where('dp.paid_on', '<=', cutoff)
    .groupBy(['dp.member_id', 'dp.for_month'])
    .execute();
}

const text = (column: string) => sql`coalesce(cast(${sql.ref(column)} as text), '')`;

/**
 * Dues profile versions in force on some month's 1st day of the year, each as one text of its facts (the columns
 * joined by '|', in PROFILE_FIELDS order): members share profiles, so the amounts are computed once per distinct text.
 */
export function listDuesProfiles(db: Q, f: MemberFilter, firstOfYear: string, firstOfLastMonth: string) {
  const parts = PROFILE_FIELDS.map((c) => text(`dp.${c}`));
  return db
    .selectFrom('dues_profiles as dp')
    .select('dp.member_id')
    .select(sql<string>`${sql.join(parts, sql` || '|' || `)}`.as('facts'))
    .where(byMember('dp.member_id', f))
    .where('dp.valid_from', '<=', firstOfLastMonth)
    .where((eb) => eb.or([eb('dp.valid_to', 'is', null), eb('dp.valid_to', '>', firstOfYear)]))
    .orderBy('dp.member_id')
    .orderBy('dp.valid_from')
    .execute();
}
export const PROFILE_FIELDS = ['dues_group', 'base_amount_vnd', 'region', 'on_sick_or_maternity_leave', 'band_amount_vnd', 'past_working_age', 'valid_from', 'valid_to'] as const;

export function listDuesDecisions(db: Q, f: MemberFilter, fromMonth: string, toMonth: string) {
  const exemptions = db
    .selectFrom('dues_exemptions as e')
    .select(['e.member_id', 'e.reason', 'e.decision_ref', 'e.from_month', 'e.to_month'])
    .where(byMember('e.member_id', f))
    .where('e.from_month', '<=', toMonth)
    .where((eb) => eb.or([eb('e.to_month', 'is', null), eb('e.to_month', '>=', fromMonth)]))
    .orderBy('e.member_id')
    .orderBy('e.from_month')
    .execute();
  // A reduction's 12-month cap counts from its first month, so every reduction still running in the year is read.
  const reductions = db
    .selectFrom('dues_reductions as r')
    .select(['r.member_id', 'r.percent', 'r.decision_ref', 'r.from_month', 'r.to_month'])
    .where(byMember('r.member_id', f))
    .where('r.from_month', '<=', toMonth)
    .where('r.to_month', '>=', fromMonth)
    .orderBy('r.member_id')
    .orderBy('r.from_month')
    .execute();
  const reasons = db
    .selectFrom('dues_good_reasons as g')
    .select(['g.member_id', 'g.month'])
    .where(byMember('g.member_id', f))
    .where('g.month', '>=', fromMonth)
    .where('g.month', '<=', toMonth)
    .orderBy('g.member_id')
    .orderBy('g.month')
    .execute();
  return Promise.all([exemptions, reductions, reasons]);
}

export function listMinimumWages(db: Q) {
  return db
    .selectFrom('regional_minimum_wages')
    .select(['effective_from', 'source', 'region_i_vnd', 'region_ii_vnd', 'region_iii_vnd', 'region_iv_vnd'])
    .orderBy('effective_from')
    .execute();
}

/** R-MGT-01: the assignments in force on the cut-off day (to_date is the last day, inclusive). */
export function listAssignmentsInForce(db: Q, f: MemberFilter, cutoff: string) {
  return db
    .selectFrom('assignments as a')
    .select(['a.member_id', 'a.id', 'a.from_date', 'a.to_date'])
    .where(byMember('a.member_id', f))
    .where('a.from_date', '<=', cutoff)
    .where((eb) => eb.or([eb('a.to_date', 'is', null), eb('a.to_date', '>=', cutoff)]))
    .orderBy('a.member_id')
    .execute();
}

/** R-MGT-02: exemptions from work touching the year (to_date is the last day, inclusive). */
export function listWorkExemptions(db: Q, f: MemberFilter, from: string, cutoff: string) {
  return db
    .selectFrom('exemptions as e')
    .select(['e.member_id', 'e.id', 'e.from_date', 'e.to_date'])
    .where(byMember('e.member_id', f))
    .where('e.from_work', '=', 1)
    .where('e.from_date', '<=', cutoff)
    .where((eb) => eb.or([eb('e.to_date', 'is', null), eb('e.to_date', '>=', from)]))
    .orderBy('e.member_id')
    .execute();
}

/** R-MGT-05/06: letters out of the cell (not cancelled) issued by the cut-off. */
export function listTransfers(db: Q, f: MemberFilter, cutoff: string) {
  return db
    .selectFrom('transfers as t')
    .select(['t.member_id', 't.id', 't.kind', 't.letter_issued_on', 't.presentation_due', 't.received_on', 't.temporary_from', 't.temporary_to', 't.returned_on'])
    .where(byMember('t.member_id', f))
    .where('t.status', '!=', 'cancelled')
    .where('t.direction', '!=', 'incoming')
    .where('t.letter_issued_on', '<=', cutoff)
    .orderBy('t.member_id')
    .execute();
}

/** R-GRD results of the years the rule reads (closed cycles, graded members, decided level), as gradingResults. */
export function listGradings(db: Q, f: MemberFilter, fromYear: number, toYear: number) {
  return db
    .selectFrom('grading_entries as e')
    .innerJoin('grading_cycles as c', 'c.id', 'e.cycle_id')
    .select(['e.member_id', 'c.year', 'e.decided_level', 'c.id as cycle_id', 'c.closed_on'])
    .where(byMember('e.member_id', f))
    .where('c.status', '=', 'closed')
    .where('e.roster', '=', 'graded')
    .where('e.decided_level', 'is not', null)
    .where('c.year', '>=', fromYear)
    .where('c.year', '<=', toYear)
    .orderBy('e.member_id')
    .orderBy('c.year')
    .orderBy('c.closed_on')
    .execute();
}

/** R-REC: admission cases of the chunk's members that reached the ceremony (their stored due dates). */
export function listProbationCases(db: Q, f: MemberFilter, firstOfYear: string) {
  return db
    .selectFrom('admission_cases as c')
    .select(['c.member_id', 'c.status', 'c.due_dates', 'c.closed_on', 'c.ceremony_date'])
    .where(byMember('c.member_id', f))
    .where('c.ceremony_date', 'is not', null)
    .where((eb) => eb.or([eb('c.closed_on', 'is', null), eb('c.closed_on', '>=', firstOfYear)]))
    .orderBy('c.member_id')
    .orderBy('c.id')
    .execute();
}

/** R-RMV-06: discipline concluded in the year, as recorded on the members' referrals. */
export function listDisciplines(db: Q, f: MemberFilter, from: string, cutoff: string) {
  return db
    .selectFrom('discipline_referrals as r')
    .select(['r.member_id', 'r.id', 'r.concluded_on'])
    .where(byMember('r.member_id', f))
    .where('r.outcome', 'in', ['reprimand', 'warning', 'dismissal', 'expulsion'])
    .where('r.concluded_on', '>=', from)
    .where('r.concluded_on', '<=', cutoff)
    .orderBy('r.member_id')
    .execute();
}

/** R-MGT-07: the residence cell's opinion on the year. */
export function listResidenceOpinions(db: Q, f: MemberFilter, year: number) {
  return db
    .selectFrom('residence_opinions as o')
    .select(['o.member_id', 'o.id', 'o.year', 'o.rating', 'o.given_on'])
    .where(byMember('o.member_id', f))
    .where('o.year', '=', year)
    .orderBy('o.member_id')
    .execute();
}

// ---------------------------------------------------------------- flags

/** Stored flags among these keys, and whether each has its decision (closed). */
export function findFlagsByKeys(db: Q, keys: readonly string[]) {
  return db
    .selectFrom('screening_flags as f')
    .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
    .select(['f.key', 'r.id as review_id'])
    .where('f.key', 'in', [...keys])
    .execute();
}

/** Inserts flags; a key already stored (a concurrent run) is skipped. Returns how many were written. */
export async function insertFlags(db: Q, rows: readonly Insertable<ScreeningFlagsTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db
    .insertInto('screening_flags')
    .values([...rows])
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

function flagQuery(db: Q) {
  return db
    .selectFrom('screening_flags as f')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .innerJoin('members as m', 'm.id', 'f.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
    .leftJoin('users as ru', 'ru.id', 'r.decided_by')
    .leftJoin('organizations as ro', 'ro.id', 'r.decided_by_organization_id')
    .leftJoin('screening_flag_escalations as e', 'e.flag_id', 'f.id')
    .leftJoin('organizations as eo', 'eo.id', 'e.to_organization_id');
}

const FLAG_COLUMNS = [
  'f.id',
  'f.key',
  'f.member_id',
  'f.organization_id',
  'f.rule_id',
  'f.kind',
  'f.period',
  'f.year',
  'f.evidence',
  'f.raised_on',
  'f.run_id',
  'f.review_due_on',
  'o.name as organization_name',
  'p.full_name',
  'p.birth_date',
  'm.status as member_status',
  'r.id as review_id',
  'r.decision',
  'r.decided_on',
  'r.reason',
  'r.follow_up_on',
  'r.removal_case_id',
  'r.referral_id',
  'ru.display_name as decided_by_name',
  'r.decided_by_organization_id',
  'ro.name as decided_by_organization_name',
  'e.escalated_on',
  'e.to_organization_id',
  'eo.name as to_organization_name',
] as const;

export type FlagRow = NonNullable<Awaited<ReturnType<typeof findFlagInScope>>>;

export function findFlagInScope(db: Q, actor: ScopeActor, id: number) {
  return flagQuery(db).select(FLAG_COLUMNS).where('f.id', '=', id).where('o.path', 'like', subtreePattern(actor.orgPath)).executeTakeFirst();
}

export type FlagStatusFilter = 'all' | 'open' | 'closed' | 'overdue' | 'escalated';

function applyStatus<QB extends { where: (...a: any[]) => QB }>(q: QB, status: FlagStatusFilter, today: string): QB {
  if (status === 'open') return q.where('r.id', 'is', null);
  if (status === 'closed') return q.where('r.id', 'is not', null);
  if (status === 'overdue') return q.where('r.id', 'is', null).where('f.review_due_on', '<', today);
  if (status === 'escalated') return q.where('r.id', 'is', null).where('e.id', 'is not', null);
  return q;
}

export async function listFlags(
  db: Q,
  f: { path: string; year: number; status: FlagStatusFilter; kind?: string; memberId?: number; today: string; page: number; pageSize: number },
) {
  let base = flagQuery(db).where('o.path', 'like', subtreePattern(f.path)).where('f.year', '=', f.year);
  if (f.kind) base = base.where('f.kind', '=', f.kind);
  if (f.memberId) base = base.where('f.member_id', '=', f.memberId);
  const counts = await base
    .select(sql<number>`count(*)`.as('all'))
    .select(sql<number>`sum(case when r.id is null then 1 else 0 end)`.as('open'))
    .select(sql<number>`sum(case when r.id is not null then 1 else 0 end)`.as('closed'))
    .select(sql<number>`sum(case when r.id is null and f.review_due_on < ${f.today} then 1 else 0 end)`.as('overdue'))
    .select(sql<number>`sum(case when r.id is null and e.id is not null then 1 else 0 end)`.as('escalated'))
    .executeTakeFirstOrThrow();
  const items = await applyStatus(base, f.status, f.today)
    .select(FLAG_COLUMNS)
    .orderBy('o.name')
    .orderBy('f.organization_id')
    .orderBy('m.sort_key')
    .orderBy('f.member_id')
    .orderBy('f.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, counts };
}

export function findMeetings(db: Q, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('meetings').select(['id', 'meeting_date', 'organization_id']).where('id', 'in', [...ids]).execute();
}

export function findTransfers(db: Q, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('transfers').select(['id', 'letter_number', 'letter_issued_on']).where('id', 'in', [...ids]).execute();
}

export async function insertReview(db: Q, row: Insertable<Database['screening_flag_reviews']>): Promise<void> {
  await db.insertInto('screening_flag_reviews').values(row).execute();
}

// ---------------------------------------------------------------- escalation (R-RMV-07)

/** Open flags past their review due day that have not risen yet, with the organization above their cell today. */
export function listFlagsToEscalate(db: Q, today: string, limit: number) {
  return db
    .selectFrom('screening_flags as f')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .leftJoin('organizations as up', 'up.id', 'o.parent_id')
    .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
    .leftJoin('screening_flag_escalations as e', 'e.flag_id', 'f.id')
    .select(['f.id', 'f.organization_id', 'f.review_due_on', 'up.id as parent_id'])
    .where('r.id', 'is', null)
    .where('e.id', 'is', null)
    .where('f.review_due_on', '<', today)
    .orderBy('f.id')
    .limit(limit)
    .execute();
}

export async function insertEscalation(db: Q, row: Insertable<Database['screening_flag_escalations']>): Promise<boolean> {
  const r = await db
    .insertInto('screening_flag_escalations')
    .values(row)
    .onConflict((oc) => oc.column('flag_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

// ---------------------------------------------------------------- oversight and report (one aggregate query each)

const n = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;

/**
 * Per member-holding organization of the subtree (those with no flag too: a cell that raised nothing is shown):
 * flags raised in the year, reviewed, open, overdue, escalated, and each decision (R-RMV-07: leniency visible).
 */
export function oversightRows(db: Q, path: string, year: number, today: string) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('screening_flags as f', (j) => j.onRef('f.organization_id', '=', 'o.id').on('f.year', '=', year))
    .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
    .leftJoin('screening_flag_escalations as e', 'e.flag_id', 'f.id')
    .select(['o.id', 'o.name', 'o.kind'])
    .select(sql<number>`count(f.id)`.as('raised'))
    .select(n(sql`r.id is not null`).as('reviewed'))
    .select(n(sql`f.id is not null and r.id is null`).as('open'))
    .select(n(sql`f.id is not null and r.id is null and f.review_due_on < ${today}`).as('overdue'))
    .select(n(sql`e.id is not null`).as('escalated'))
    .select(n(sql`r.decision = 'removal_case'`).as('removal_case'))
    .select(n(sql`r.decision = 'discipline_referral'`).as('discipline_referral'))
    .select(n(sql`r.decision = 'education_plan'`).as('education_plan'))
    .select(n(sql`r.decision = 'no_action'`).as('no_action'))
    .where('o.path', 'like', subtreePattern(path))
    .where((eb) => eb.or([eb('o.kind', 'in', [...MEMBER_HOLDING_KINDS]), eb('f.id', 'is not', null)]))
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('f.id', 'is not', null)]))
    .groupBy(['o.id', 'o.name', 'o.kind'])
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

/** Flags of the subtree's year by rule and kind, with their outcomes. */
export function flagsByRule(db: Q, path: string, year: number, today: string) {
  return db
    .selectFrom('screening_flags as f')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
    .select(['f.rule_id', 'f.kind'])
    .select(sql<number>`count(*)`.as('raised'))
    .select(n(sql`r.id is null`).as('open'))
    .select(n(sql`r.id is null and f.review_due_on < ${today}`).as('overdue'))
    .select(n(sql`r.decision = 'removal_case'`).as('removal_case'))
    .select(n(sql`r.decision = 'discipline_referral'`).as('discipline_referral'))
    .select(n(sql`r.decision = 'education_plan'`).as('education_plan'))
    .select(n(sql`r.decision = 'no_action'`).as('no_action'))
    .where('o.path', 'like', subtreePattern(path))
    .where('f.year', '=', year)
    .groupBy(['f.rule_id', 'f.kind'])
    .execute();
}
