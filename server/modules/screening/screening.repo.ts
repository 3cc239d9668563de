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

/**
 * Members of these organizations, whatever their status (through the organization index: a small subtree), to cut the
 * subtree into chunks. The caller keeps the active ones: a status condition here would lead SQLite's planner to the
 * status index, over every member.
 */
export function listMembersOfOrganizations(db: Q, orgIds: readonly number[]) {
  return db.selectFrom('members as m').select(['m.id', 'm.status']).where('m.organization_id', 'in', [...orgIds]).execute();
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
 * chunk are dropped by the caller) or a list of ids (a sparse chunk). Only listChunkMembers reads the members table;
 * the other facts queries read their own table by its member index, with no join to members.
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

/** The window of a run's chunk query: the cut-off, and the judged dues months (null: none has ended yet). */
export interface ChunkWindow {
  cutoff: string;
  dues: { fromMonth: string; toMonth: string; months: number; firstOfYear: string; firstOfLastMonth: string; admittedBefore: string | null } | null;
}

export interface ChunkMemberRow {
  id: number;
  organization_id: number;
  probation_ceremony: string | null;
  assignment: string | null;
  admitted_on: string | null;
  profile: string | null;
  paid_each_month: number | string | null;
}

/**
 * The chunk's active members, one row each (and one more per further dues profile version in the judged months), with
 * the facts every member has, reduced in SQL to what the rules act on. A run's time goes into rows and values handed
 * to JavaScript (each value costs about as much as reading a row in SQL), so these facts travel together, one row a
 * member, instead of one row a member from each of four queries.
 * - probation_ceremony: the ceremony date of a probationary member (R-REC-01), null for an official member.
 * - assignment (R-MGT-01): an assignment in force on the cut-off day as 'id|from|to' (to_date the last day, inclusive,
 *   '' open), the earliest begun; one is all the rule needs; null when none.
 * - admitted_on: the admission decision date when it is before `admittedBefore` (R-DUE: the exemption by party age can
 *   play a part in the judged months only then), null otherwise.
 * - profile: a dues profile version in force on some judged month's 1st day, as one text of its facts (PROFILE_FIELDS
 *   joined by '|'): members share profiles, so the amounts are computed once per distinct text. Its dates are cut to
 *   the judged months (a start before the year is the year's 1st day, an end after the last judged month's 1st day is
 *   none): the amounts of those months depend only on the version being in force on their 1st days, and members whose
 *   salary step changed on different days share the text.
 * - paid_each_month (R-DUE, R-DUE-01): what every judged month has at least been paid by the cut-off: the smallest
 *   month total when each month has a payment, 0 when some month has none, null when none has. A member whose every
 *   month covers the largest amount owed has nothing unpaid; only the others are read month by month. The member's
 *   payments are one range of the (member_id, for_month) index, aggregated where they are read.
 */
export async function listChunkMembers(db: Q, f: MemberFilter, w: ChunkWindow): Promise<ChunkMemberRow[]> {
  const base = db
    .selectFrom('members as m')
    .select(['m.id', 'm.organization_id'])
    .select(sql<string | null>`case when m.status = 'probationary' then m.ceremony_date end`.as('probation_ceremony'))
    .select((eb) =>
      eb
        .selectFrom('assignments as a')
        .select(sql<string>`cast(a.id as text) || '|' || a.from_date || '|' || coalesce(a.to_date, '')`.as('t'))
        .whereRef('a.member_id', '=', 'm.id')
        .where('a.from_date', '<=', w.cutoff)
        .where((eb2) => eb2.or([eb2('a.to_date', 'is', null), eb2('a.to_date', '>=', w.cutoff)]))
        // The order of the (member_id, from_date, to_date) index: the first entry in force ends the seek.
        .orderBy('a.from_date')
        .orderBy('a.to_date')
        .orderBy('a.id')
        .limit(1)
        .as('assignment'),
    )
    .where(byMember('m.id', f))
    // An expression, not the bare column: SQLite's planner would otherwise take the status index over every member.
    .where(sql<boolean>`m.status || '' in ('probationary', 'official')`);
  const d = w.dues;
  if (!d) {
    return base
      .select([sql<null>`null`.as('admitted_on'), sql<null>`null`.as('profile'), sql<null>`null`.as('paid_each_month')])
      .orderBy('m.id')
      .execute();
  }
  // NOT NULL columns as they are; a missing version (the left join) makes the whole text null.
  const validFrom = sql`case when p.valid_from < ${d.firstOfYear} then ${d.firstOfYear} else p.valid_from end`;
  const validTo = sql`coalesce(case when p.valid_to > ${d.firstOfLastMonth} then null else p.valid_to end, '')`;
  const parts = { dues_group: sql`p.dues_group`, base_amount_vnd: text('p.base_amount_vnd'), region: sql`coalesce(p.region, '')`, on_sick_or_maternity_leave: sql`p.on_sick_or_maternity_leave`, band_amount_vnd: text('p.band_amount_vnd'), past_working_age: sql`p.past_working_age`, valid_from: validFrom, valid_to: validTo };
  const profile = PROFILE_FIELDS.map((c) => parts[c]);
  return base
    .leftJoin('dues_profiles as p', (j) =>
      j
        .onRef('p.member_id', '=', 'm.id')
        .on('p.valid_from', '<=', d.firstOfLastMonth)
        .on((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', d.firstOfYear)])),
    )
    .select(
      d.admittedBefore === null
        ? sql<null>`null`.as('admitted_on')
        : sql<string | null>`case when m.admission_decision_date < ${d.admittedBefore} then m.admission_decision_date end`.as('admitted_on'),
    )
    .select(sql<string | null>`${sql.join(profile, sql` || '|' || `)}`.as('profile'))
    .select((eb) =>
      eb
        .selectFrom(
          eb
            .selectFrom('dues_payments as dp')
            .select(sql<number>`sum(dp.amount_vnd)`.as('paid'))
            .whereRef('dp.member_id', '=', 'm.id')
            .where('dp.for_month', '>=', d.fromMonth)
            .where('dp.for_month', '<=', d.toMonth)
            .where('dp.paid_on', '<=', w.cutoff)
            .groupBy('dp.for_month')
            .as('x'),
        )
        .select(sql<number | string | null>`case when count(*) = ${d.months} then min(x.paid) when count(*) > 0 then 0 end`.as('v'))
        .as('paid_each_month'),
    )
    .orderBy('m.id')
    .orderBy('p.valid_from')
    .execute();
}

/**
 * Month totals of these members' payments by the cut-off (the few listChunkMembers could not settle): one row per
 * member, `paid[i]` the total for `months[i]`, null when nothing was paid for it.
 */
export async function duesPaidByMonth(db: Q, memberIds: readonly number[], months: readonly string[], cutoff: string) {
  const rows = await db
    .selectFrom('dues_payments as dp')
    .select('dp.member_id')
    .select(months.map((m, i) => sql<number | string | null>`sum(case when dp.for_month = ${m} then dp.amount_vnd end)`.as(`m${i}`)))
    .where('dp.member_id', 'in', [...memberIds])
    .where('dp.for_month', '>=', months[0])
    .where('dp.for_month', '<=', months[months.length - 1])
    .where('dp.paid_on', '<=', cutoff)
    .groupBy('dp.member_id')
    .execute();
  return rows.map((r) => {
    const row = r as unknown as Record<string, number | string | null>;
    return { member_id: r.member_id, paid: months.map((_, i) => row[`m${i}`]) };
  });
}

const text = (column: string) => sql`coalesce(cast(${sql.ref(column)} as text), '')`;

/** The dues profile's facts, in the order of their text (listChunkMembers' `profile`). */
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

/** R-RMV-06 (R-DIS-07): state discipline and law violations decided in the year up to the cut-off (conduct records). */
export function listViolationRecords(db: Q, f: MemberFilter, from: string, cutoff: string) {
  return db
    .selectFrom('violation_records as v')
    .select(['v.member_id', 'v.id', 'v.kind', 'v.decided_on'])
    .where(byMember('v.member_id', f))
    .where('v.kind', 'in', ['state_discipline', 'law_violation'])
    .where('v.decided_on', '>=', from)
    .where('v.decided_on', '<=', cutoff)
    .orderBy('v.member_id')
    .orderBy('v.id')
    .execute();
}

/** R-RMV-06 with 124-QĐ/TW: the Fatherland Front's opinion on the year (one per member and year). */
export function listFrontOpinions(db: Q, f: MemberFilter, year: number) {
  return db
    .selectFrom('front_opinions as o')
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

/**
 * The organization that reviews flag `f` now (R-RMV-07): the cell its member was handed over to by the latest
 * completed transfer (screening_flag_handovers), else the cell that raised it. Reads join `o` on this, so scope,
 * lists, oversight, escalation and the report follow the member.
 */
const ownerOf = sql<number>`coalesce((select h.to_organization_id from screening_flag_handovers h where h.flag_id = f.id order by h.id desc limit 1), f.organization_id)`;
const ownedBy = (orgAlias: string) => sql<boolean>`${sql.ref(`${orgAlias}.id`)} = ${ownerOf}`;

function flagQuery(db: Q) {
  return db
    .selectFrom('screening_flags as f')
    .innerJoin('organizations as o', (j) => j.on(ownedBy('o')))
    .leftJoin('organizations as ro0', 'ro0.id', 'f.organization_id')
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
  'o.id as owner_id',
  'o.name as organization_name',
  'ro0.name as raised_by_name',
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

export function findViolationRecords(db: Q, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('violation_records').select(['id', 'kind', 'form', 'decided_on', 'decided_by', 'reference']).where('id', 'in', [...ids]).execute();
}

export function findFrontOpinions(db: Q, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('front_opinions').select(['id', 'year', 'rating', 'given_on', 'given_by']).where('id', 'in', [...ids]).execute();
}

export async function insertReview(db: Q, row: Insertable<Database['screening_flag_reviews']>): Promise<void> {
  await db.insertInto('screening_flag_reviews').values(row).execute();
}

// ---------------------------------------------------------------- escalation (R-RMV-07)

/** Open flags past their review due day that have not risen yet, with the organization above their cell today. */
export function listFlagsToEscalate(db: Q, today: string, limit: number) {
  return db
    .selectFrom('screening_flags as f')
    .innerJoin('organizations as o', (j) => j.on(ownedBy('o')))
    .leftJoin('organizations as up', 'up.id', 'o.parent_id')
    .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
    .leftJoin('screening_flag_escalations as e', 'e.flag_id', 'f.id')
    .select(['f.id', 'o.id as organization_id', 'f.review_due_on', 'up.id as parent_id'])
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
  // The year's flags with their reviewing organization computed once (a join on the expression would re-evaluate it
  // per organization and flag).
  return db
    .with(
      (cte) => cte('f').materialized(),
      (q) => q.selectFrom('screening_flags as f').select(['f.id', 'f.review_due_on', ownerOf.as('owner_id')]).where('f.year', '=', year),
    )
    .selectFrom('organizations as o')
    .leftJoin('f', 'f.owner_id', 'o.id')
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
    .innerJoin('organizations as o', (j) => j.on(ownedBy('o')))
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

// ---------------------------------------------------------------- handover (a flag follows its member)

/** The members' flags with no review whose reviewing organization is not `toOrganizationId`, with that organization. */
export function listOpenFlagsToHandOver(db: Q, memberIds: readonly number[], toOrganizationId: number) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('screening_flags as f')
    .innerJoin('organizations as o', (j) => j.on(ownedBy('o')))
    .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
    .select(['f.id', 'o.id as owner_id'])
    .where('f.member_id', 'in', [...memberIds])
    .where('r.id', 'is', null)
    .where('o.id', '!=', toOrganizationId)
    .orderBy('f.id')
    .execute();
}

export async function insertHandovers(db: Q, rows: readonly Insertable<Database['screening_flag_handovers']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('screening_flag_handovers').values(rows.slice(i, i + 500)).execute();
}
