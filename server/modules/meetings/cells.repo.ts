import { type Kysely, sql } from 'kysely';
import { ACTIVE_STATUSES } from '../../../common/contracts/members.contract.ts';
import { MEMBER_HOLDING_KINDS } from '../../../common/contracts/organizations.contract.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereMemberInScope, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). The cells and members party life works on, always read through scope.ts:
// an organization in the actor's subtree; for the member role ('self' reach) no organization at all, and only the
// member record of the actor's own person.

type Q = Kysely<Database>;
export type ScopeActor = Pick<Actor, 'orgPath' | 'reach' | 'personId'>;

/** An organization in the actor's subtree (any kind); undefined outside it, and always for 'self' reach (→ 404). */
export function findOrganizationInScope(db: Q, actor: ScopeActor, id: number) {
  if (actor.reach === 'self') return Promise.resolve(undefined);
  return db
    .selectFrom('organizations as o')
    .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.path', 'o.valid_from', 'o.valid_to', 'o.parent_id', 'parent.name as parent_name'])
    .where('o.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}
export type ScopedOrganization = NonNullable<Awaited<ReturnType<typeof findOrganizationInScope>>>;

export const isCellKind = (kind: string) => (MEMBER_HOLDING_KINDS as readonly string[]).includes(kind);

/** Any organization by id, in scope or not (a residence cell is named by id; only its name is shown). */
export function findOrganizationById(db: Q, id: number) {
  return db.selectFrom('organizations').select(['id', 'name', 'kind', 'valid_from', 'valid_to']).where('id', '=', id).executeTakeFirst();
}

/** The active (probationary or official) members recorded in the cell today, in Vietnamese name order. */
export function listActiveCellMembers(db: Q, cellId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.status', 'm.admission_decision_date', 'm.sort_key', 'p.full_name', 'p.birth_date'])
    .where('m.organization_id', '=', cellId)
    .where('m.status', 'in', [...ACTIVE_STATUSES])
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
}
export type CellMemberRow = Awaited<ReturnType<typeof listActiveCellMembers>>[number];

/** Members by id with their person and current cell (no scope: callers have already scoped the ids). */
export function listMembersByIds(db: Q, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.status', 'm.organization_id', 'm.admission_decision_date', 'p.full_name', 'p.birth_date'])
    .where('m.id', 'in', [...ids])
    .execute();
}

/** One member the actor may see: subtree by the member's current cell, or the actor's own record ('self'). */
export function findMemberInScope(db: Q, actor: ScopeActor, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.id', 'm.status', 'm.organization_id', 'm.org_path', 'p.full_name', 'o.name as organization_name', 'o.kind as organization_kind'])
    .where('m.id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

/** Cells (member-holding organizations) of a subtree that existed at some time in [from, to], with their parent's name. */
export function listCellsOfSubtree(db: Q, path: string, from: string, to: string) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.path', 'o.valid_from', 'o.valid_to', 'parent.name as parent_name'])
    .where(sql<boolean>`o.path like ${`${path}%`}`)
    .where('o.kind', 'in', [...MEMBER_HOLDING_KINDS])
    .where('o.valid_from', '<=', to)
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>', from)]))
    .orderBy('o.path')
    .execute();
}
