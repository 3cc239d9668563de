import type { Insertable, Kysely, Updateable } from 'kysely';
import type { FrontOpinionsTable, ViolationRecordsTable } from '../../db/migrations/0011-conduct.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereMemberInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). A conduct record belongs to its member: it is in the actor's scope when the
// member (in their cell of today) is, so the records follow a member who moves to another cell.

type Q = Kysely<Database>;
export type ScopeActor = Pick<Actor, 'orgPath' | 'reach' | 'personId'>;

/** Member ids per query: well under SQLite's and PostgreSQL's bound-parameter limits. */
export const MEMBER_BATCH = 1000;

export function findMemberInScope(db: Q, actor: ScopeActor, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.status', 'm.organization_id', 'p.full_name'])
    .where('m.id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

// ---------------------------------------------------------------- violations

function violationQuery(db: Q) {
  return db
    .selectFrom('violation_records as v')
    .innerJoin('members as m', 'm.id', 'v.member_id')
    .innerJoin('organizations as o', 'o.id', 'v.organization_id')
    .selectAll('v')
    .select('o.name as organization_name');
}
export type ViolationRow = NonNullable<Awaited<ReturnType<typeof findViolation>>>;

export function findViolation(db: Q, id: number) {
  return violationQuery(db).where('v.id', '=', id).executeTakeFirst();
}

export function findViolationInScope(db: Q, actor: ScopeActor, id: number) {
  return violationQuery(db)
    .where('v.id', '=', id)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

export function listViolationsOfMember(db: Q, memberId: number) {
  return violationQuery(db).where('v.member_id', '=', memberId).orderBy('v.decided_on', 'desc').orderBy('v.id', 'desc').execute();
}

/** Violations of the members decided in [from, to] (business dates, inclusive). */
export function listViolationsDecidedIn(db: Q, memberIds: readonly number[], from: string, to: string) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return violationQuery(db)
    .where('v.member_id', 'in', [...memberIds])
    .where('v.decided_on', '>=', from)
    .where('v.decided_on', '<=', to)
    .orderBy('v.decided_on')
    .orderBy('v.id')
    .execute();
}

export async function insertViolation(db: Q, row: Insertable<ViolationRecordsTable>): Promise<number> {
  const r = await db.insertInto('violation_records').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateViolationIfVersion(db: Q, id: number, version: number, patch: Updateable<ViolationRecordsTable>): Promise<boolean> {
  const r = await db
    .updateTable('violation_records')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- Front opinions

function frontOpinionQuery(db: Q) {
  return db
    .selectFrom('front_opinions as f')
    .innerJoin('members as m', 'm.id', 'f.member_id')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .selectAll('f')
    .select('o.name as organization_name');
}
export type FrontOpinionRow = NonNullable<Awaited<ReturnType<typeof findFrontOpinion>>>;

export function findFrontOpinion(db: Q, id: number) {
  return frontOpinionQuery(db).where('f.id', '=', id).executeTakeFirst();
}

export function findFrontOpinionInScope(db: Q, actor: ScopeActor, id: number) {
  return frontOpinionQuery(db)
    .where('f.id', '=', id)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

export function listFrontOpinionsOfMember(db: Q, memberId: number) {
  return frontOpinionQuery(db).where('f.member_id', '=', memberId).orderBy('f.year', 'desc').execute();
}

export function listFrontOpinionsOfYear(db: Q, memberIds: readonly number[], year: number) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return frontOpinionQuery(db).where('f.member_id', 'in', [...memberIds]).where('f.year', '=', year).execute();
}

export function findFrontOpinionOfMemberYear(db: Q, memberId: number, year: number) {
  return db.selectFrom('front_opinions').select('id').where('member_id', '=', memberId).where('year', '=', year).executeTakeFirst();
}

export async function insertFrontOpinion(db: Q, row: Insertable<FrontOpinionsTable>): Promise<number> {
  const r = await db.insertInto('front_opinions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateFrontOpinionIfVersion(db: Q, id: number, version: number, patch: Updateable<FrontOpinionsTable>): Promise<boolean> {
  const r = await db
    .updateTable('front_opinions')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- party discipline (discipline_referrals, read only)

const REFERRAL_COLUMNS = ['id', 'member_id', 'referred_on', 'reference', 'description', 'concluded_on', 'outcome', 'conclusion_ref'] as const;
export type ReferralRow = Awaited<ReturnType<typeof listReferralsOfMember>>[number];

/** Every discipline referral of the member, newest first (removal keeps them; conduct only reads). */
export function listReferralsOfMember(db: Q, memberId: number) {
  return db
    .selectFrom('discipline_referrals')
    .select(REFERRAL_COLUMNS)
    .where('member_id', '=', memberId)
    .orderBy('referred_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Referrals of the members concluded in [from, to] with a disciplinary form (an outcome other than no_discipline). */
export function listDisciplineConcludedIn(db: Q, memberIds: readonly number[], from: string, to: string) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('discipline_referrals')
    .select(REFERRAL_COLUMNS)
    .where('member_id', 'in', [...memberIds])
    .where('concluded_on', '>=', from)
    .where('concluded_on', '<=', to)
    .where('outcome', 'is not', null)
    .where('outcome', '!=', 'no_discipline')
    .orderBy('concluded_on')
    .orderBy('id')
    .execute();
}
