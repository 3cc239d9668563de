import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { OPEN_CANDIDATE_STATUSES } from '../../../common/contracts/candidates.contract.ts';
import { ACTIVE_STATUSES } from '../../../common/contracts/members.contract.ts';
import type { CandidateEventsTable, CandidatesTable, Database, PersonsTable } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). Scope is the cell's current organizations.path (joined, never copied, so
// moves of the tree carry the candidates along); a 'self' reach (the front officer) also requires the actor to be
// the introducer, so a front officer sees only the people they introduced.

type Q = Kysely<Database>;
export type CandidateRow = Selectable<CandidatesTable>;
export type ScopeActor = Pick<Actor, 'orgPath' | 'reach' | 'userId'>;

/** Escapes LIKE wildcards in user text (the pattern uses ESCAPE '\'). */
export function likeContains(normalized: string): string {
  return `%${normalized.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function whereCandidateInScope(eb: ExpressionBuilder<any, any>, actor: ScopeActor, alias = 'c', orgAlias = 'o') {
  const inSubtree = whereOrgPathInScope(eb, `${orgAlias}.path`, actor);
  if (actor.reach === 'self') return eb.and([inSubtree, eb(sql.ref(`${alias}.introduced_by_user_id`), '=', actor.userId)]);
  return inSubtree;
}

export interface CandidateListFilter {
  q?: string;
  statuses?: readonly string[];
  organizationId?: number;
  page: number;
  pageSize: number;
}

function listBase(db: Q, actor: ScopeActor, f: CandidateListFilter) {
  let q = db
    .selectFrom('candidates as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .where((eb) => whereCandidateInScope(eb, actor));
  if (f.q) q = q.where(sql<boolean>`p.search_text like ${likeContains(f.q)} escape '\\'`);
  if (f.statuses) q = q.where('c.status', 'in', [...f.statuses]);
  if (f.organizationId !== undefined) {
    const id = f.organizationId;
    q = q.where(sql<boolean>`o.path like (select f.path from organizations f where f.id = ${id}) || '%'`);
  }
  return q;
}

export async function listCandidates(db: Q, actor: ScopeActor, f: CandidateListFilter) {
  const total = await listBase(db, actor, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await listBase(db, actor, f)
    .innerJoin('users as u', 'u.id', 'c.introduced_by_user_id')
    .leftJoin('members as hm', 'hm.id', 'c.helper_member_id')
    .leftJoin('persons as hp', 'hp.id', 'hm.person_id')
    .select([
      'c.id',
      'c.person_id',
      'c.status',
      'c.mass_organization',
      'c.introduced_on',
      'c.status_changed_on',
      'p.full_name',
      'p.gender',
      'p.birth_date',
      'o.id as organization_id',
      'o.name as organization_name',
      'u.display_name as introducer_name',
      'hp.full_name as helper_name',
    ])
    .orderBy('p.sort_key')
    .orderBy('c.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

/** One candidacy in scope, with what its page shows; undefined outside scope (→ 404). */
export function findCandidateInScope(db: Q, actor: ScopeActor, id: number) {
  return db
    .selectFrom('candidates as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .innerJoin('users as u', 'u.id', 'c.introduced_by_user_id')
    .leftJoin('members as hm', 'hm.id', 'c.helper_member_id')
    .leftJoin('persons as hp', 'hp.id', 'hm.person_id')
    .selectAll('c')
    .select([
      'p.full_name',
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
      'p.occupation',
      'o.name as organization_name',
      'o.kind as organization_kind',
      'u.display_name as introducer_name',
      'u.role as introducer_role',
      'hp.full_name as helper_name',
    ])
    .where('c.id', '=', id)
    .where((eb) => whereCandidateInScope(eb, actor))
    .executeTakeFirst();
}

export function listCandidateEvents(db: Q, candidateId: number) {
  return db
    .selectFrom('candidate_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('members as hm', 'hm.id', 'e.helper_member_id')
    .leftJoin('persons as hp', 'hp.id', 'hm.person_id')
    .selectAll('e')
    .select(['u.display_name as actor_name', 'hp.full_name as helper_name'])
    .where('e.candidate_id', '=', candidateId)
    .orderBy('e.id')
    .execute();
}

/** The open candidacy (introduced, in training or applied) of a person, whatever the scope: for the admission module. */
export function findOpenCandidacyOfPerson(db: Q, personId: number) {
  return db
    .selectFrom('candidates')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', 'in', [...OPEN_CANDIDATE_STATUSES])
    .executeTakeFirst();
}

export function findCandidate(db: Q, id: number) {
  return db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An active cell (or grassroots cell) in the actor's subtree. */
export function findOrganizationInSubtree(db: Q, actor: Pick<Actor, 'orgPath'>, id: number) {
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.kind', 'o.name', 'o.path', 'o.valid_to'])
    .where('o.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

export function insertPerson(db: Q, row: Insertable<PersonsTable>) {
  return db.insertInto('persons').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export function findPersonById(db: Q, id: number) {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPersonByCitizenId(db: Q, citizenId: string) {
  return db.selectFrom('persons').select(['id']).where('citizen_id', '=', citizenId).executeTakeFirst();
}

/**
 * Whether a person is reachable by the actor for a new introduction: a former candidacy the actor may read, or
 * (subtree reach) a membership recorded in the actor's subtree.
 */
export async function isPersonReachable(db: Q, actor: ScopeActor, personId: number): Promise<boolean> {
  const candidacy = await db
    .selectFrom('candidates as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select('c.id')
    .where('c.person_id', '=', personId)
    .where((eb) => whereCandidateInScope(eb, actor))
    .executeTakeFirst();
  if (candidacy) return true;
  if (actor.reach === 'self') return false;
  const member = await db
    .selectFrom('members as m')
    .select('m.id')
    .where('m.person_id', '=', personId)
    .where((eb) => whereOrgPathInScope(eb, 'm.org_path', actor))
    .executeTakeFirst();
  return member !== undefined;
}

export function findMembershipOfPerson(db: Q, personId: number) {
  return db.selectFrom('members').select(['id', 'status']).where('person_id', '=', personId).executeTakeFirst();
}

export const isActiveMemberStatus = (status: string) => (ACTIVE_STATUSES as readonly string[]).includes(status);

/** Former candidates and former members in scope whose name matches: people an official may introduce again. */
export async function searchReintroducible(db: Q, actor: ScopeActor, normalizedQ: string, limit = 20) {
  const pattern = likeContains(normalizedQ);
  const former = await db
    .selectFrom('candidates as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['p.id as person_id', 'p.full_name', 'p.birth_date', 'p.sort_key', 'c.status', 'o.name as organization_name'])
    .where((eb) => whereCandidateInScope(eb, actor))
    .where('c.status', 'not in', [...OPEN_CANDIDATE_STATUSES])
    .where(sql<boolean>`p.search_text like ${pattern} escape '\\'`)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('candidates as open').select('open.id').whereRef('open.person_id', '=', 'c.person_id').where('open.status', 'in', [...OPEN_CANDIDATE_STATUSES]))),
    )
    .orderBy('p.sort_key')
    .limit(limit)
    .execute();
  const leftMembers =
    actor.reach === 'self'
      ? []
      : await db
          .selectFrom('members as m')
          .innerJoin('persons as p', 'p.id', 'm.person_id')
          .innerJoin('organizations as o', 'o.id', 'm.organization_id')
          .select(['p.id as person_id', 'p.full_name', 'p.birth_date', 'p.sort_key', 'm.status', 'o.name as organization_name'])
          .where((eb) => whereOrgPathInScope(eb, 'm.org_path', actor))
          .where('m.status', 'not in', [...ACTIVE_STATUSES])
          .where(sql<boolean>`p.search_text like ${pattern} escape '\\'`)
          .orderBy('p.sort_key')
          .limit(limit)
          .execute();
  const seen = new Set<number>();
  return [...former, ...leftMembers]
    .sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0))
    .filter((r) => (seen.has(r.person_id) ? false : (seen.add(r.person_id), true)))
    .slice(0, limit);
}

/** Official members of a cell, in name order: the helpers the cell may assign. */
export function listOfficialMembersOfCell(db: Q, organizationId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'p.full_name', 'p.birth_date'])
    .where('m.organization_id', '=', organizationId)
    .where('m.status', '=', 'official')
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
}

export function findMemberOfCell(db: Q, memberId: number, organizationId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'status', 'person_id'])
    .where('id', '=', memberId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export function insertCandidate(db: Q, row: Insertable<CandidatesTable>) {
  return db.insertInto('candidates').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export function insertCandidateEvent(db: Q, row: Insertable<CandidateEventsTable>) {
  return db.insertInto('candidate_events').values(row).execute();
}

/** Compare-and-set on version: false when someone changed the row meanwhile (→ CONFLICT). */
export async function updateCandidateIfVersion(
  db: Q,
  id: number,
  version: number,
  patch: Partial<Omit<Selectable<CandidatesTable>, 'id' | 'version' | 'person_id' | 'created_at'>>,
): Promise<boolean> {
  const res = await db
    .updateTable('candidates')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
