import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereMemberInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 2). Every read of a member goes through whereMemberInScope, so an
// out-of-scope id is simply not found.

type Q = Kysely<Database>;

export type PersonRow = Database['persons'];
export type MemberRow = Database['members'];

const memberColumns = [
  'm.id',
  'm.person_id',
  'm.status',
  'm.organization_id',
  'm.org_path',
  'm.history_number',
  'm.card_number',
  'm.admission_decision_date',
  'm.ceremony_date',
  'm.official_date',
  'm.left_date',
  'm.posts',
  'm.search_text',
  'm.sort_key',
  'm.version',
] as const;

const personColumns = [
  'p.full_name',
  'p.birth_name',
  'p.gender',
  'p.birth_date',
  'p.birthplace',
  'p.hometown',
  'p.permanent_address',
  'p.temporary_address',
  'p.ethnicity_code',
  'p.religion_code',
  'p.citizen_id',
  'p.phone',
  'p.general_education',
  'p.professional_qualification',
  'p.political_theory',
  'p.occupation',
  'p.version as person_version',
] as const;

/** The member with its person and organization, if it lies in the actor's scope. */
export function findMemberInScope(db: Q, actor: Actor, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([...memberColumns, ...personColumns, 'o.name as organization_name', 'o.kind as organization_kind'])
    .where('m.id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}
export type MemberRecord = NonNullable<Awaited<ReturnType<typeof findMemberInScope>>>;

export function findMemberTimeline(db: Q, memberId: number) {
  return db
    .selectFrom('member_events as e')
    .leftJoin('organizations as fo', 'fo.id', 'e.from_organization_id')
    .leftJoin('organizations as to', 'to.id', 'e.to_organization_id')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.kind',
      'e.event_date',
      'e.from_status',
      'e.to_status',
      'e.from_organization_id',
      'fo.name as from_organization_name',
      'e.to_organization_id',
      'to.name as to_organization_name',
      'e.decision_ref',
      'e.note',
      'u.username as actor_username',
      'e.created_at',
    ])
    .where('e.member_id', '=', memberId)
    .orderBy('e.event_date')
    .orderBy('e.id')
    .execute();
}

export async function findLastEventDate(db: Q, memberId: number): Promise<string | null> {
  const row = await db
    .selectFrom('member_events')
    .select((eb) => eb.fn.max('event_date').as('last'))
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** List rows for the ids of one page (order is the caller's). */
export function findMemberListRows(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.person_id',
      'p.full_name',
      'p.gender',
      'p.birth_date',
      'p.ethnicity_code',
      'm.status',
      'm.organization_id',
      'o.name as organization_name',
      'm.card_number',
      'p.citizen_id',
    ])
    .where('m.id', 'in', ids)
    .execute();
}

export function findOrganization(db: Q, organizationId: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'kind', 'name', 'path', 'valid_from', 'valid_to'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
}

/** The member (if any) of the person holding a citizen id, with where it is recorded. */
export function findByCitizenId(db: Q, citizenId: string) {
  return db
    .selectFrom('persons as p')
    .leftJoin('members as m', 'm.person_id', 'p.id')
    .leftJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['p.id as person_id', 'p.full_name', 'm.id as member_id', 'm.org_path', 'o.name as organization_name'])
    .where('p.citizen_id', '=', citizenId)
    .executeTakeFirst();
}

export async function isCardNumberTaken(db: Q, cardNumber: string, exceptMemberId?: number): Promise<boolean> {
  let q = db.selectFrom('members').select('id').where('card_number', '=', cardNumber);
  if (exceptMemberId !== undefined) q = q.where('id', '<>', exceptMemberId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function isHistoryNumberTaken(db: Q, historyNumber: string, exceptMemberId?: number): Promise<boolean> {
  let q = db.selectFrom('members').select('id').where('history_number', '=', historyNumber);
  if (exceptMemberId !== undefined) q = q.where('id', '<>', exceptMemberId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertPerson(db: Q, row: Insertable<Database['persons']>): Promise<number> {
  const r = await db.insertInto('persons').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertMember(db: Q, row: Insertable<Database['members']>): Promise<number> {
  const r = await db.insertInto('members').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertMemberEvent(db: Q, row: Insertable<Database['member_events']>): Promise<void> {
  await db.insertInto('member_events').values(row).execute();
}

/** Compare-and-set: true when the row still had `version` (and now has version + 1). */
export async function updateMemberIfVersion(
  db: Q,
  memberId: number,
  version: number,
  changes: Omit<Updateable<Database['members']>, 'id' | 'version'>,
): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', memberId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updatePerson(db: Q, personId: number, changes: Omit<Updateable<Database['persons']>, 'id' | 'version'>): Promise<void> {
  await db
    .updateTable('persons')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .execute();
}
