import { type Insertable, type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import type { ExemptionsTable } from '../../db/migrations/0006-party-life.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereMemberInScope, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). Exemptions are scoped by the deciding cell's current path (the superior's
// "exemptions in my subtree"); a member's own list is scoped by the member (members.org_path or the actor's person).

type Q = Kysely<Database>;
export type ExemptionRow = Selectable<ExemptionsTable>;

function withNames(db: Q) {
  return db
    .selectFrom('exemptions as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .selectAll('e')
    .select(['p.full_name', 'o.name as organization_name', 'o.path as organization_path', 'm.sort_key']);
}
export type ExemptionWithNames = NonNullable<Awaited<ReturnType<typeof findExemptionInScope>>>;

export function findExemptionInScope(db: Q, actor: Pick<Actor, 'orgPath' | 'reach'>, id: number) {
  if (actor.reach === 'self') return Promise.resolve(undefined);
  return withNames(db)
    .where('e.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

/** Exemptions decided by the cell (within 'cell') or by any cell under the organization's path ('subtree'). */
export function listExemptions(db: Q, o: { organizationId: number; path: string; within: 'cell' | 'subtree'; activeOn?: string }) {
  let q = withNames(db);
  q = o.within === 'cell' ? q.where('e.organization_id', '=', o.organizationId) : q.where(sql<boolean>`o.path like ${`${o.path}%`}`);
  if (o.activeOn) {
    const d = o.activeOn;
    q = q.where('e.from_date', '<=', d).where((eb) => eb.or([eb('e.to_date', 'is', null), eb('e.to_date', '>=', d)]));
  }
  return q.orderBy('o.path').orderBy('m.sort_key').orderBy('e.from_date', 'desc').orderBy('e.id').execute();
}

/** A member's exemptions, scoped by the member (self or subtree). */
export function listExemptionsOfMemberInScope(db: Q, actor: Pick<Actor, 'orgPath' | 'reach' | 'personId'>, memberId: number) {
  return withNames(db)
    .where('e.member_id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .orderBy('e.from_date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/** All exemptions of these members (no scope: callers pass ids they already scoped), for the pure rules. */
export function listExemptionsOfMembers(db: Q, memberIds: readonly number[]) {
  if (memberIds.length === 0) return Promise.resolve([] as ExemptionRow[]);
  return db.selectFrom('exemptions').selectAll().where('member_id', 'in', [...memberIds]).execute();
}

export async function insertExemption(db: Q, row: Insertable<ExemptionsTable>): Promise<number> {
  const r = await db.insertInto('exemptions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Compare-and-set on version: false when someone changed it meanwhile. */
export async function updateExemptionIfVersion(db: Q, id: number, version: number, patch: Updateable<ExemptionsTable>): Promise<boolean> {
  const r = await db
    .updateTable('exemptions')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether any exemption of the member covers `date` (optionally: only those from activities / from work). */
export async function hasExemptionOn(db: Q, memberId: number, date: string, from: 'activities' | 'work' | 'any') {
  let q = db
    .selectFrom('exemptions')
    .select('id')
    .where('member_id', '=', memberId)
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', date)]));
  if (from === 'activities') q = q.where('from_activities', '=', 1);
  if (from === 'work') q = q.where('from_work', '=', 1);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

/** Ids of the cell's active members exempted on `date`. */
export async function exemptMemberIdsOfCellOn(db: Q, cellId: number, date: string, from: 'activities' | 'work' | 'any', activeStatuses: readonly string[]) {
  let q = db
    .selectFrom('exemptions as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .select('e.member_id')
    .distinct()
    .where('m.organization_id', '=', cellId)
    .where('m.status', 'in', [...activeStatuses])
    .where('e.from_date', '<=', date)
    .where((eb) => eb.or([eb('e.to_date', 'is', null), eb('e.to_date', '>=', date)]));
  if (from === 'activities') q = q.where('e.from_activities', '=', 1);
  if (from === 'work') q = q.where('e.from_work', '=', 1);
  return (await q.execute()).map((r) => r.member_id);
}
