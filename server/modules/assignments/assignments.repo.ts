import { type Insertable, type Kysely, type Updateable } from 'kysely';
import type { AssignmentsTable } from '../../db/migrations/0006-party-life.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereMemberInScope, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). An assignment is scoped by the assigning cell's current path; a member's own
// list by the member (subtree by members.org_path, or the actor's own person for 'self').

type Q = Kysely<Database>;

function withNames(db: Q) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .selectAll('a')
    .select(['p.full_name', 'o.name as organization_name']);
}
export type AssignmentWithNames = NonNullable<Awaited<ReturnType<typeof findAssignmentInScope>>>;

export function findAssignmentInScope(db: Q, actor: Pick<Actor, 'orgPath' | 'reach'>, id: number) {
  if (actor.reach === 'self') return Promise.resolve(undefined);
  return withNames(db)
    .where('a.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

/** Every assignment of these members, whichever cell made it (ids already scoped by the caller). */
export function listAssignmentsOfMembers(db: Q, memberIds: readonly number[]) {
  if (memberIds.length === 0) return Promise.resolve([] as AssignmentWithNames[]);
  return withNames(db)
    .where('a.member_id', 'in', [...memberIds])
    .orderBy('a.from_date', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export function listAssignmentsOfMemberInScope(db: Q, actor: Pick<Actor, 'orgPath' | 'reach' | 'personId'>, memberId: number) {
  return withNames(db)
    .where('a.member_id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .orderBy('a.from_date', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export async function insertAssignment(db: Q, row: Insertable<AssignmentsTable>): Promise<number> {
  const r = await db.insertInto('assignments').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Compare-and-set on version: false when someone changed it meanwhile. */
export async function updateAssignmentIfVersion(db: Q, id: number, version: number, patch: Updateable<AssignmentsTable>): Promise<boolean> {
  const r = await db
    .updateTable('assignments')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The cell's meeting with this id, to link an assignment to the meeting that made it. */
export function findMeetingOfCell(db: Q, cellId: number, meetingId: number) {
  return db
    .selectFrom('meetings')
    .select(['id', 'meeting_date', 'status'])
    .where('id', '=', meetingId)
    .where('organization_id', '=', cellId)
    .executeTakeFirst();
}
