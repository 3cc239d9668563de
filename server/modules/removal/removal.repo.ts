import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DisciplineReferralsTable, RemovalCasesTable } from '../../db/migrations/0010-screening-removal.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern } from '../../policy/scope.ts';

// SQL only (architecture principle 3). Scope: a case, a referral or a member is found only when its organization's
// current path lies in the actor's subtree (server/policy/scope.ts): an id outside it is simply not found (404).

type Q = Kysely<Database>;
export type ScopeActor = Pick<Actor, 'orgPath'>;

const ACTIVE = ['probationary', 'official'];

function caseQuery(db: Q) {
  return db
    .selectFrom('removal_cases as rc')
    .innerJoin('members as m', 'm.id', 'rc.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'rc.organization_id')
    .innerJoin('organizations as mo', 'mo.id', 'm.organization_id')
    .selectAll('rc')
    .select([
      'p.full_name',
      'p.birth_date',
      'm.status as member_status',
      'm.card_number',
      'm.version as member_version',
      'm.organization_id as member_organization_id',
      'mo.name as member_organization_name',
      'o.name as organization_name',
      'o.path as organization_path',
    ]);
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseInScope>>>;

export function findCaseInScope(db: Q, actor: ScopeActor, id: number) {
  return caseQuery(db).where('rc.id', '=', id).where('o.path', 'like', subtreePattern(actor.orgPath)).executeTakeFirst();
}

export function listCases(db: Q, path: string, f: { status: 'open' | 'closed' | 'all'; form?: string; year?: number }) {
  let q = caseQuery(db).where('o.path', 'like', subtreePattern(path));
  const closed = ['removed', 'not_removed', 'withdrawn'];
  if (f.status === 'open') q = q.where('rc.status', 'not in', closed);
  if (f.status === 'closed') q = q.where('rc.status', 'in', closed);
  if (f.form) q = q.where('rc.form', '=', f.form);
  if (f.year !== undefined) {
    const from = `${f.year}-01-01`;
    const to = `${f.year}-12-31`;
    q = q.where((eb) => eb.or([eb.between('rc.opened_on', from, to), eb.between('rc.decided_on', from, to)]));
  }
  return q.orderBy('rc.opened_on', 'desc').orderBy('rc.id', 'desc').limit(1000).execute();
}

export function findOpenCaseOfMember(db: Q, memberId: number) {
  return db
    .selectFrom('removal_cases')
    .select(['id', 'status', 'form'])
    .where('member_id', '=', memberId)
    .where('status', 'not in', ['removed', 'not_removed', 'withdrawn'])
    .executeTakeFirst();
}

/** The member's latest case that removed them (the cause of leaving, R-ADM-15). */
export function findRemovingCaseOfMember(db: Q, memberId: number) {
  return db
    .selectFrom('removal_cases')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('decided_on', 'is not', null)
    .where('status', 'in', ['card_collection', 'removed'])
    .orderBy('decided_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertCase(db: Q, row: Insertable<RemovalCasesTable>): Promise<number> {
  const r = await db.insertInto('removal_cases').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Compare-and-set on status and version: false when someone moved the case first. */
export async function updateCaseIfCurrent(db: Q, id: number, version: number, status: string, patch: Updateable<RemovalCasesTable>): Promise<boolean> {
  const r = await db
    .updateTable('removal_cases')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertDecision(db: Q, row: Insertable<Database['removal_decisions']>): Promise<void> {
  await db.insertInto('removal_decisions').values(row).execute();
}

export function listDecisions(db: Q, caseId: number) {
  return db
    .selectFrom('removal_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.actor_user_id')
    .selectAll('d')
    .select('u.display_name as actor_name')
    .where('d.case_id', '=', caseId)
    .orderBy('d.id')
    .execute();
}

export async function insertRequest(db: Q, row: Insertable<Database['removal_requests']>): Promise<void> {
  await db.insertInto('removal_requests').values(row).execute();
}

export function listRequests(db: Q, caseId: number) {
  return db.selectFrom('removal_requests').selectAll().where('case_id', '=', caseId).orderBy('sent_on').orderBy('id').execute();
}

// ---------------------------------------------------------------- referrals

function referralQuery(db: Q) {
  return db
    .selectFrom('discipline_referrals as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .selectAll('r')
    .select(['p.full_name', 'o.name as organization_name']);
}
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof findReferralInScope>>>;

export function findReferralInScope(db: Q, actor: ScopeActor, id: number) {
  return referralQuery(db).where('r.id', '=', id).where('o.path', 'like', subtreePattern(actor.orgPath)).executeTakeFirst();
}

export function findReferral(db: Q, id: number) {
  return referralQuery(db).where('r.id', '=', id).executeTakeFirst();
}

export function listReferrals(db: Q, path: string) {
  return referralQuery(db).where('o.path', 'like', subtreePattern(path)).orderBy('r.referred_on', 'desc').orderBy('r.id', 'desc').limit(1000).execute();
}

/** Every referral of the member (R-RMV-04/05 read them all: pending, and those warranting expulsion). */
export function listReferralsOfMember(db: Q, memberId: number) {
  return db.selectFrom('discipline_referrals').selectAll().where('member_id', '=', memberId).orderBy('referred_on').orderBy('id').execute();
}

export async function insertReferral(db: Q, row: Insertable<DisciplineReferralsTable>): Promise<number> {
  const r = await db.insertInto('discipline_referrals').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateReferralIfVersion(db: Q, id: number, version: number, patch: Updateable<DisciplineReferralsTable>): Promise<boolean> {
  const r = await db
    .updateTable('discipline_referrals')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('concluded_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- members and the cell

export function findMemberInScope(db: Q, actor: ScopeActor, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.person_id',
      'm.status',
      'm.organization_id',
      'm.left_date',
      'm.official_date',
      'm.card_number',
      'm.version',
      'p.full_name',
      'p.birth_date',
      'o.name as organization_name',
      'o.path as organization_path',
    ])
    .where('m.id', '=', memberId)
    .where('o.path', 'like', subtreePattern(actor.orgPath))
    .executeTakeFirst();
}

export function listMemberOptions(db: Q, path: string, q: string | undefined, limit = 30) {
  let query = db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .leftJoin('removal_cases as rc', (j) => j.onRef('rc.member_id', '=', 'm.id').on('rc.status', 'not in', ['removed', 'not_removed', 'withdrawn']))
    .select(['m.id', 'm.status', 'p.full_name', 'p.birth_date', 'o.id as organization_id', 'o.name as organization_name', 'rc.id as open_case_id'])
    .where('o.path', 'like', subtreePattern(path))
    .where('m.status', 'in', ACTIVE);
  if (q) query = query.where('m.search_text', 'like', `%${q.replace(/[%_\\]/g, '')}%`);
  return query.orderBy('m.sort_key').limit(limit).execute();
}

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

/** The cell's active members now, with what the vote base needs (R-ADM-09). */
export function listCellRoll(db: Q, cellId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.status', 'm.official_date', 'p.full_name'])
    .where('m.organization_id', '=', cellId)
    .where('m.status', 'in', ACTIVE)
    .orderBy('m.sort_key')
    .execute();
}

export function findMeeting(db: Q, id: number) {
  return db.selectFrom('meetings').select(['id', 'organization_id', 'meeting_date', 'status']).where('id', '=', id).executeTakeFirst();
}

export function listMeetingAttendance(db: Q, meetingId: number) {
  return db.selectFrom('attendance').select(['member_id', 'status']).where('meeting_id', '=', meetingId).execute();
}

export async function findLastEventDate(db: Q, memberId: number): Promise<string | null> {
  const row = await db.selectFrom('member_events').select((eb) => eb.fn.max('event_date').as('last')).where('member_id', '=', memberId).executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** Compare-and-set on the member projection (people module's table; the event goes with it). */
export async function updateMemberIfVersion(db: Q, memberId: number, version: number, patch: Updateable<Database['members']>): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', memberId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertMemberEvent(db: Q, row: Insertable<Database['member_events']>): Promise<void> {
  await db.insertInto('member_events').values(row).execute();
}

export function findFlag(db: Q, id: number) {
  return db.selectFrom('screening_flags').select(['id', 'rule_id', 'kind', 'period']).where('id', '=', id).executeTakeFirst();
}

/** R-ADM-15: readmitted once already (an admission case of the person that was a readmission and was completed). */
export async function wasReadmitted(db: Q, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('admission_cases')
    .select('id')
    .where('person_id', '=', personId)
    .where('readmission', 'is not', null)
    .where('status', '=', 'official')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ---------------------------------------------------------------- report

/** Removal cases of the subtree opened or decided in the year, by form, ground, status and cell (one query). */
export function removalCounts(db: Q, path: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return db
    .selectFrom('removal_cases as rc')
    .innerJoin('organizations as o', 'o.id', 'rc.organization_id')
    .select(['rc.organization_id', 'o.name as organization_name', 'o.kind as organization_kind', 'rc.form', 'rc.grounds', 'rc.status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.path', 'like', subtreePattern(path))
    .where((eb) => eb.or([eb.between('rc.opened_on', from, to), eb.between('rc.decided_on', from, to)]))
    .groupBy(['rc.organization_id', 'o.name', 'o.kind', 'rc.form', 'rc.grounds', 'rc.status'])
    .execute();
}
