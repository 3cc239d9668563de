import { type ExpressionBuilder, type Insertable, type Kysely, type Updateable, sql } from 'kysely';
import { ACTIVE_STATUSES } from '../../../common/contracts/members.contract.ts';
import type { GradingCyclesTable, GradingEntriesTable, GradingEventsTable } from '../../db/migrations/0009-grading.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern, whereMemberInScope, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3), portable to SQLite and PostgreSQL (principle 9). Scope (principle 8):
//  - a cycle is visible to officials at or above its organization (its path in their subtree) and to officials below
//    it (their organization inside its subtree: a cell secretary grades the cell's members in the organization's
//    cycle); to a member, only the cycles holding their own entry;
//  - an entry is visible when its cell lies in the actor's subtree, or (member role) when it is the actor's own.

type Q = Kysely<Database>;
type ScopeActor = Pick<Actor, 'orgPath' | 'reach' | 'personId'>;

function whereCycleVisible(eb: ExpressionBuilder<any, any>, actor: ScopeActor) {
  if (actor.reach === 'self') {
    return eb.exists(
      eb
        .selectFrom('grading_entries as se')
        .innerJoin('members as sm', 'sm.id', 'se.member_id')
        .select('se.id')
        .whereRef('se.cycle_id', '=', 'c.id')
        .where('sm.person_id', '=', actor.personId ?? -1),
    );
  }
  return eb.or([
    whereOrgPathInScope(eb, 'o.path', actor),
    // The actor's organization lies inside the cycle's organization (paths hold digits and '/': no escaping).
    sql<boolean>`cast(${actor.orgPath} as text) like (o.path || '%')`,
  ]);
}

/**
 * Entry rows: the actor's own entry (member role); for officials, the entry's cell in their subtree, and, to read, also
 * a member now recorded in their subtree (the grading history is part of the member's record). Changes need the cell:
 * an organization never acts on another organization's grading year.
 */
function whereEntryInScope(eb: ExpressionBuilder<any, any>, actor: ScopeActor, mode: 'read' | 'write' = 'read') {
  if (actor.reach === 'self') return eb('m.person_id', '=', actor.personId ?? -1);
  if (mode === 'write') return whereOrgPathInScope(eb, 'cell.path', actor);
  return eb.or([whereOrgPathInScope(eb, 'cell.path', actor), whereOrgPathInScope(eb, 'm.org_path', actor)]);
}

// ---------------------------------------------------------------- organizations and members

/** An organization in the actor's subtree (officials only). */
export function findOrganizationInSubtree(db: Q, actor: ScopeActor, id: number) {
  if (actor.reach === 'self') return Promise.resolve(undefined);
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.kind', 'o.code', 'o.path', 'o.valid_to'])
    .where('o.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

/** Every organization of a subtree with its kind and path (to find each cell's grassroots organization). */
export function listSubtreeOrganizations(db: Q, path: string) {
  return db.selectFrom('organizations').select(['id', 'kind', 'path']).where('path', 'like', subtreePattern(path)).execute();
}

/** Active members recorded anywhere under the path today. */
export function listActiveMembersUnder(db: Q, path: string) {
  return db
    .selectFrom('members')
    .select(['id', 'organization_id', 'org_path'])
    .where('org_path', 'like', subtreePattern(path))
    .where('status', 'in', [...ACTIVE_STATUSES])
    .orderBy('id')
    .execute();
}

/** A member the actor may see (subtree by the member's current cell, or their own record). */
export function findMemberInScope(db: Q, actor: ScopeActor, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'p.full_name'])
    .where('m.id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

// ---------------------------------------------------------------- cycles

function cycleQuery(db: Q) {
  return db
    .selectFrom('grading_cycles as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select(['o.name as organization_name', 'o.kind as organization_kind', 'o.path as organization_path', 'o.code as organization_code']);
}
export type CycleRow = NonNullable<Awaited<ReturnType<typeof findCycleVisible>>>;

export function findCycleVisible(db: Q, actor: ScopeActor, id: number) {
  return cycleQuery(db)
    .where('c.id', '=', id)
    .where((eb) => whereCycleVisible(eb, actor))
    .executeTakeFirst();
}

/** A cycle by id, unscoped: for an entry the caller already found in scope. */
export function findCycleById(db: Q, id: number) {
  return cycleQuery(db).where('c.id', '=', id).executeTakeFirstOrThrow();
}

export function findCycleByOrgYear(db: Q, organizationId: number, year: number) {
  return db.selectFrom('grading_cycles').select('id').where('organization_id', '=', organizationId).where('year', '=', year).executeTakeFirst();
}

/** Cycles the actor may see; `organizationId` narrows to that organization's subtree (by the cycle's organization). */
export function listCyclesVisible(db: Q, actor: ScopeActor, f: { organizationPath?: string; year?: number }) {
  let q = cycleQuery(db).where((eb) => whereCycleVisible(eb, actor));
  if (f.organizationPath) q = q.where('o.path', 'like', subtreePattern(f.organizationPath));
  if (f.year !== undefined) q = q.where('c.year', '=', f.year);
  return q.orderBy('c.year', 'desc').orderBy('o.path').orderBy('c.id').limit(500).execute();
}

export async function insertCycle(db: Q, row: Insertable<GradingCyclesTable>): Promise<number> {
  const r = await db.insertInto('grading_cycles').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Compare-and-set on version: false when someone changed the cycle since it was read. */
export async function updateCycleIfVersion(db: Q, id: number, version: number, patch: Updateable<GradingCyclesTable>): Promise<boolean> {
  const r = await db
    .updateTable('grading_cycles')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- entries

function entryQuery(db: Q) {
  return db
    .selectFrom('grading_entries as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as cell', 'cell.id', 'e.organization_id')
    .selectAll('e')
    .select(['p.full_name', 'p.birth_date', 'm.status as member_status', 'm.sort_key', 'cell.name as cell_name', 'cell.path as cell_path']);
}
export type EntryRow = Awaited<ReturnType<typeof listEntriesInScope>>[number];

/** The cycle's entries the actor may act on (its cells in the actor's subtree), in Vietnamese name order. */
export function listEntriesInScope(db: Q, actor: ScopeActor, cycleId: number) {
  return entryQuery(db)
    .where('e.cycle_id', '=', cycleId)
    .where((eb) => whereEntryInScope(eb, actor, 'write'))
    .orderBy('m.sort_key')
    .orderBy('e.id')
    .execute();
}

export function findEntryInScope(db: Q, actor: ScopeActor, id: number, mode: 'read' | 'write' = 'read') {
  return entryQuery(db)
    .where('e.id', '=', id)
    .where((eb) => whereEntryInScope(eb, actor, mode))
    .executeTakeFirst();
}

/** Roster and stage of every entry of the cycles (unscoped figures: counts and the quota are organization-wide). */
export function listEntryStages(db: Q, cycleIds: readonly number[]) {
  if (cycleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('grading_entries')
    .select(['id', 'cycle_id', 'member_id', 'roster', 'self_points', 'proposed_level', 'decided_level'])
    .where('cycle_id', 'in', [...cycleIds])
    .execute();
}
export type EntryStage = Awaited<ReturnType<typeof listEntryStages>>[number];

export async function insertEntries(db: Q, rows: Insertable<GradingEntriesTable>[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('grading_entries').values(rows.slice(i, i + 500)).execute();
}

/** Roster changes found by a roster sync (the entry's version moves: its record changed). */
export async function setEntryRoster(db: Q, id: number, roster: string, at: string) {
  await db
    .updateTable('grading_entries')
    .set((eb) => ({ roster, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

export async function updateEntryIfVersion(db: Q, id: number, version: number, patch: Updateable<GradingEntriesTable>): Promise<boolean> {
  const r = await db
    .updateTable('grading_entries')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- events (append-only)

export async function insertEvent(db: Q, row: Insertable<GradingEventsTable>) {
  await db.insertInto('grading_events').values(row).execute();
}

export function listEntryEvents(db: Q, entryId: number) {
  return db
    .selectFrom('grading_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_user_id')
    .select(['ev.id', 'ev.kind', 'ev.data', 'ev.created_at', 'u.display_name'])
    .where('ev.entry_id', '=', entryId)
    .orderBy('ev.id')
    .execute();
}

// ---------------------------------------------------------------- facts shown beside the grading

/** R-MGT-07: the residence cells' opinions of the year on these members (one query for a whole cycle page). */
export function residenceOpinionsOfYear(db: Q, memberIds: readonly number[], year: number) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('residence_opinions')
    .select(['member_id', 'rating', 'comments', 'given_by', 'given_on'])
    .where('member_id', 'in', [...memberIds])
    .where('year', '=', year)
    .execute();
}

// ---------------------------------------------------------------- for other modules and the member panel

/** A member's entries in every cycle, oldest year first. */
export function listMemberEntries(db: Q, memberId: number) {
  return db
    .selectFrom('grading_entries as e')
    .innerJoin('grading_cycles as c', 'c.id', 'e.cycle_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select([
      'e.id',
      'e.cycle_id',
      'e.roster',
      'e.self_points',
      'e.proposed_level',
      'e.decided_level',
      'c.year',
      'c.status',
      'c.closed_on',
      'o.id as organization_id',
      'o.name as organization_name',
      'o.kind as organization_kind',
    ])
    .where('e.member_id', '=', memberId)
    .orderBy('c.year')
    .orderBy('c.closed_on')
    .orderBy('e.id')
    .execute();
}

/** Final results (closed cycles, graded members) of many members: screening reads them in bulk. */
export function listFinalResults(db: Q, memberIds: readonly number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('grading_entries as e')
    .innerJoin('grading_cycles as c', 'c.id', 'e.cycle_id')
    .select(['e.member_id', 'c.year', 'e.decided_level', 'c.id as cycle_id', 'c.closed_on'])
    .where('e.member_id', 'in', [...memberIds])
    .where('c.status', '=', 'closed')
    .where('e.roster', '=', 'graded')
    .where('e.decided_level', 'is not', null)
    .orderBy('e.member_id')
    .orderBy('c.year')
    .orderBy('c.closed_on')
    .execute();
}

// ---------------------------------------------------------------- report

const countWhere = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;

/**
 * Members graded at each level per grassroots organization in one aggregate query: the year's entries whose cell
 * lies under `path` (exempted and departed members apart), grouped by the cycle's organization.
 */
export function reportRows(db: Q, path: string, year: number) {
  const graded = sql`e.roster = 'graded'`;
  const level = (l: string) => countWhere(sql`e.roster = 'graded' and e.decided_level = ${l}`);
  return db
    .selectFrom('grading_entries as e')
    .innerJoin('grading_cycles as c', 'c.id', 'e.cycle_id')
    .innerJoin('organizations as g', 'g.id', 'c.organization_id')
    .innerJoin('organizations as cell', 'cell.id', 'e.organization_id')
    .select(['c.id as cycle_id', 'c.status', 'g.id', 'g.name', 'g.kind', 'g.code', 'g.path'])
    .select([
      level('excellent').as('excellent'),
      level('good').as('good'),
      level('completed').as('completed'),
      level('not_completed').as('not_completed'),
      countWhere(sql`${graded} and e.decided_level is null`).as('pending'),
      countWhere(sql`e.roster = 'exempted'`).as('exempted'),
      countWhere(graded).as('graded'),
    ])
    .where('c.year', '=', year)
    .where('cell.path', 'like', subtreePattern(path))
    .groupBy(['c.id', 'c.status', 'g.id', 'g.name', 'g.kind', 'g.code', 'g.path'])
    .orderBy('g.path')
    .execute();
}
