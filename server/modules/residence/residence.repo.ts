import { type Insertable, type Kysely, type Updateable, sql } from 'kysely';
import type { ResidenceOpinionsTable, ResidenceRegistrationsTable } from '../../db/migrations/0006-party-life.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern, whereMemberInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). A registration concerns two cells: the member's own (which registers them) and
// the residence cell (which gives the yearly opinion). An official sees it when either lies in their subtree.

type Q = Kysely<Database>;

function withNames(db: Q) {
  return db
    .selectFrom('residence_registrations as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as mo', 'mo.id', 'm.organization_id')
    .leftJoin('organizations as ro', 'ro.id', 'r.residence_organization_id')
    .selectAll('r')
    .select(['p.full_name', 'm.organization_id as member_organization_id', 'mo.name as member_organization_name', 'm.org_path as member_org_path', 'ro.name as residence_organization_name', 'ro.path as residence_path', 'm.sort_key']);
}
export type RegistrationWithNames = Awaited<ReturnType<typeof listRegistrationsAtCell>>[number];

/** A registration the actor may see (member's cell or residence cell in the subtree); undefined otherwise (→ 404). */
export function findRegistrationForActor(db: Q, actor: Pick<Actor, 'orgPath' | 'reach'>, id: number) {
  if (actor.reach === 'self') return Promise.resolve(undefined);
  const pattern = subtreePattern(actor.orgPath);
  return withNames(db)
    .where('r.id', '=', id)
    .where((eb) => eb.or([eb('m.org_path', 'like', pattern), eb('ro.path', 'like', pattern)]))
    .executeTakeFirst();
}

/** Registrations (all, ended ones too) of the members recorded in the cell today. */
export function listRegistrationsOfCellMembers(db: Q, cellId: number) {
  return withNames(db).where('m.organization_id', '=', cellId).orderBy('m.sort_key').orderBy('r.registered_on', 'desc').orderBy('r.id', 'desc').execute();
}

/** Registrations with this cell as the residence cell. */
export function listRegistrationsAtCell(db: Q, cellId: number) {
  return withNames(db)
    .where('r.residence_organization_id', '=', cellId)
    .orderBy(sql`case when r.ended_on is null then 0 else 1 end`)
    .orderBy('m.sort_key')
    .orderBy('r.id', 'desc')
    .execute();
}

export function listRegistrationsOfMemberInScope(db: Q, actor: Pick<Actor, 'orgPath' | 'reach' | 'personId'>, memberId: number) {
  return withNames(db)
    .where('r.member_id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .orderBy('r.registered_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** Members (ids given) registered somewhere on `date`. */
export async function registeredMemberIdsOn(db: Q, memberIds: readonly number[], date: string): Promise<Set<number>> {
  if (memberIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('residence_registrations')
    .select('member_id')
    .where('member_id', 'in', [...memberIds])
    .where('registered_on', '<=', date)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', date)]))
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

export function listOpenRegistrationsOfMember(db: Q, memberId: number) {
  return db.selectFrom('residence_registrations').selectAll().where('member_id', '=', memberId).where('ended_on', 'is', null).execute();
}

export function listOpinionsOfRegistrations(db: Q, registrationIds: readonly number[]) {
  if (registrationIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('residence_opinions').selectAll().where('registration_id', 'in', [...registrationIds]).orderBy('year', 'desc').execute();
}

export function listOpinionsOfMember(db: Q, memberId: number) {
  return db.selectFrom('residence_opinions').selectAll().where('member_id', '=', memberId).orderBy('year').execute();
}

export function findOpinion(db: Q, id: number) {
  return db.selectFrom('residence_opinions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRegistration(db: Q, row: Insertable<ResidenceRegistrationsTable>): Promise<number> {
  const r = await db.insertInto('residence_registrations').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRegistrationIfVersion(db: Q, id: number, version: number, patch: Updateable<ResidenceRegistrationsTable>): Promise<boolean> {
  const r = await db
    .updateTable('residence_registrations')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertOpinion(db: Q, row: Insertable<ResidenceOpinionsTable>): Promise<number> {
  const r = await db.insertInto('residence_opinions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateOpinionIfVersion(db: Q, id: number, version: number, patch: Updateable<ResidenceOpinionsTable>): Promise<boolean> {
  const r = await db
    .updateTable('residence_opinions')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findOpinionOfMemberYear(db: Q, memberId: number, year: number) {
  return db.selectFrom('residence_opinions').select('id').where('member_id', '=', memberId).where('year', '=', year).executeTakeFirst();
}
