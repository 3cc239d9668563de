import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import { ACTIVE_STATUSES } from '../../../common/contracts/members.contract.ts';
import type { Database, OrganizationVersionsTable, OrganizationsTable } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern, whereMemberInScope, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3), portable to SQLite and PostgreSQL (principle 9): WITH RECURSIVE, ||, substr
// and LIKE on materialized paths behave the same on both engines.

type Q = Kysely<Database>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type VersionRow = Selectable<OrganizationVersionsTable>;
type ScopeActor = Pick<Actor, 'orgPath' | 'reach' | 'organizationId' | 'personId'>;

/** Versions valid on `date`: valid_from <= date < valid_to (null = open-ended). */
function validOn(eb: ExpressionBuilder<any, any>, alias: string, date: string) {
  return eb.and([
    eb(sql.ref(`${alias}.valid_from`), '<=', date),
    eb.or([eb(sql.ref(`${alias}.valid_to`), 'is', null), eb(sql.ref(`${alias}.valid_to`), '>', date)]),
  ]);
}

/**
 * Organizations the actor may see on the current tree: its subtree (scope.ts), or, for the member role ('self' reach),
 * its own organization only.
 */
function whereOrganizationInScope(eb: ExpressionBuilder<any, any>, actor: ScopeActor, alias = 'organizations') {
  if (actor.reach === 'self') return eb(sql.ref(`${alias}.id`), '=', actor.organizationId);
  return whereOrgPathInScope(eb, `${alias}.path`, actor);
}

export function findOrganizationInScope(db: Q, actor: ScopeActor, id: number) {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => whereOrganizationInScope(eb, actor))
    .executeTakeFirst();
}

export function findOrganizationsInScope(db: Q, actor: ScopeActor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([] as OrganizationRow[]);
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('id', 'in', ids)
    .where((eb) => whereOrganizationInScope(eb, actor))
    .execute();
}

export function findOrganizationByCode(db: Q, code: string) {
  return db.selectFrom('organizations').select(['id']).where('code', '=', code).executeTakeFirst();
}

/** The open-ended version (valid_to null): the one a change supersedes. */
export function findCurrentVersion(db: Q, organizationId: number) {
  return db
    .selectFrom('organization_versions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('valid_to', 'is', null)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function findCurrentVersions(db: Q, organizationIds: number[]) {
  if (organizationIds.length === 0) return Promise.resolve([] as VersionRow[]);
  return db
    .selectFrom('organization_versions')
    .selectAll()
    .where('organization_id', 'in', organizationIds)
    .where('valid_to', 'is', null)
    .execute();
}

/**
 * The tree on `asOf` as the actor may see it. Officials: organizations valid on that date that were then under the
 * actor's organization (walked down that date's versions) or that lie in the actor's subtree today (scope.ts).
 * Members: their own organization. memberCount is today's count of active members, limited to the actor's scope.
 */
export function listTreeAsOf(db: Q, actor: ScopeActor, asOf: string) {
  return db
    .withRecursive('then_under(organization_id)', (qc) =>
      qc
        .selectFrom('organization_versions as v')
        .select('v.organization_id')
        .where('v.organization_id', '=', actor.organizationId)
        .where((eb) => validOn(eb, 'v', asOf))
        .union(
          qc
            .selectFrom('organization_versions as v')
            .innerJoin('then_under', 'then_under.organization_id', 'v.parent_id')
            .select('v.organization_id')
            .where((eb) => validOn(eb, 'v', asOf)),
        ),
    )
    .selectFrom('organization_versions as v')
    .innerJoin('organizations as o', 'o.id', 'v.organization_id')
    .select([
      'v.id as version_id',
      'v.organization_id',
      'v.kind',
      'v.name',
      'v.parent_id',
      'v.authority',
      'v.valid_from as version_valid_from',
      'v.valid_to as version_valid_to',
      'o.code',
      'o.valid_from',
      'o.valid_to',
    ])
    .select((eb) =>
      eb
        .selectFrom('members as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.organization_id', '=', 'v.organization_id')
        .where('m.status', 'in', [...ACTIVE_STATUSES])
        .where((e) => whereMemberInScope(e, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
        .as('member_count'),
    )
    .where((eb) => validOn(eb, 'v', asOf))
    .where((eb) =>
      actor.reach === 'self'
        ? eb('v.organization_id', '=', actor.organizationId)
        : eb.or([
            eb('v.organization_id', 'in', eb.selectFrom('then_under').select('then_under.organization_id')),
            whereOrgPathInScope(eb, 'o.path', actor),
          ]),
    )
    .execute();
}

export interface ChainLink {
  organization_id: number;
  parent_id: number | null;
  kind: string;
  name: string;
  authority: string;
  depth: number;
  code: string;
}

/** The organization and its ancestors on `date`'s tree, nearest first (bounded depth: cycle-safe). */
export async function ancestorChainAsOf(db: Q, organizationId: number, date: string): Promise<ChainLink[]> {
  const rows = await db
    .withRecursive('chain(organization_id, parent_id, kind, name, authority, depth)', (qc) =>
      qc
        .selectFrom('organization_versions as v')
        .select(['v.organization_id', 'v.parent_id', 'v.kind', 'v.name', 'v.authority', sql<number>`0`.as('depth')])
        .where('v.organization_id', '=', organizationId)
        .where((eb) => validOn(eb, 'v', date))
        .unionAll(
          qc
            .selectFrom('organization_versions as v')
            .innerJoin('chain', 'chain.parent_id', 'v.organization_id')
            .select(['v.organization_id', 'v.parent_id', 'v.kind', 'v.name', 'v.authority', sql<number>`chain.depth + 1`.as('depth')])
            .where((eb) => validOn(eb, 'v', date))
            .where('chain.depth', '<', 64),
        ),
    )
    .selectFrom('chain')
    .innerJoin('organizations as o', 'o.id', 'chain.organization_id')
    .select(['chain.organization_id', 'chain.parent_id', 'chain.kind', 'chain.name', 'chain.authority', 'chain.depth', 'o.code'])
    .orderBy('chain.depth')
    .execute();
  return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

/** Every version, oldest first, with the parent's name on the version's first day (else its current name). */
export function listVersions(db: Q, organizationId: number) {
  return db
    .selectFrom('organization_versions as v')
    .leftJoin('organizations as p', 'p.id', 'v.parent_id')
    .select(['v.id', 'v.kind', 'v.name', 'v.parent_id', 'v.authority', 'v.valid_from', 'v.valid_to', 'p.name as parent_name_now'])
    .select((eb) =>
      eb
        .selectFrom('organization_versions as pv')
        .select('pv.name')
        .whereRef('pv.organization_id', '=', 'v.parent_id')
        .whereRef('pv.valid_from', '<=', 'v.valid_from')
        .where((e) => e.or([e('pv.valid_to', 'is', null), e('pv.valid_to', '>', e.ref('v.valid_from'))]))
        .orderBy('pv.valid_from', 'desc')
        .limit(1)
        .as('parent_name_then'),
    )
    .where('v.organization_id', '=', organizationId)
    .orderBy('v.valid_from')
    .orderBy('v.id')
    .execute();
}

export function listEventsOf(db: Q, organizationId: number) {
  return db
    .selectFrom('organization_events as e')
    .selectAll('e')
    .where('e.id', 'in', (eb) =>
      eb.selectFrom('organization_event_links as l').select('l.event_id').where('l.organization_id', '=', organizationId),
    )
    .orderBy('e.effective_date')
    .orderBy('e.id')
    .execute();
}

export function listEventLinks(db: Q, eventIds: number[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organization_event_links as l')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .select(['l.event_id', 'l.role', 'o.id', 'o.code', 'o.name', 'o.kind'])
    .where('l.event_id', 'in', eventIds)
    .orderBy('o.id')
    .execute();
}

/** Active children on the current tree, within scope. */
export function listActiveChildrenInScope(db: Q, actor: ScopeActor, organizationId: number) {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('parent_id', '=', organizationId)
    .where('valid_to', 'is', null)
    .where((eb) => whereOrganizationInScope(eb, actor))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Active children on the current tree, unscoped: for a change the caller already scoped through the parent. */
export function listActiveChildren(db: Q, organizationId: number) {
  return db.selectFrom('organizations').selectAll().where('parent_id', '=', organizationId).where('valid_to', 'is', null).orderBy('id').execute();
}

/** Children whose versions hang under the organization on or after `date` (today's children and future-dated ones). */
export async function countChildrenOnOrAfter(db: Q, organizationId: number, date: string): Promise<number> {
  const row = await db
    .selectFrom('organization_versions')
    .select((eb) => eb.fn.count<number>('organization_id').distinct().as('n'))
    .where('parent_id', '=', organizationId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveMembersInScope(db: Q, actor: ScopeActor, organizationId: number): Promise<number> {
  const row = await db
    .selectFrom('members as m')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.organization_id', '=', organizationId)
    .where('m.status', 'in', [...ACTIVE_STATUSES])
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active members recorded in the organization (a change the caller scoped through the organization). */
export function listActiveMembers(db: Q, organizationId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'status'])
    .where('organization_id', '=', organizationId)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .orderBy('id')
    .execute();
}

// ---- writes (inside the caller's transaction) ----

/** Compare-and-set on the projection row: false when someone changed it since `expectedVersion` was read. */
export async function updateOrganizationIfVersion(
  trx: Q,
  id: number,
  expectedVersion: number,
  patch: Partial<Pick<OrganizationRow, 'name' | 'kind' | 'parent_id' | 'authority' | 'valid_to'>>,
): Promise<boolean> {
  const res = await trx
    .updateTable('organizations')
    .set({ ...patch, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertOrganization(
  trx: Q,
  row: Omit<OrganizationRow, 'id' | 'path' | 'version'>,
  parentPath: string | null,
): Promise<{ id: number; path: string }> {
  const { id } = await trx
    .insertInto('organizations')
    .values({ ...row, path: '/', version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parentPath ?? '/'}${id}/`;
  await trx.updateTable('organizations').set({ path }).where('id', '=', id).execute();
  return { id, path };
}

export async function insertVersion(trx: Q, row: Omit<VersionRow, 'id'>) {
  await trx.insertInto('organization_versions').values(row).execute();
}

/** Ends the open-ended version on `validTo` (exclusive). */
export async function closeCurrentVersion(trx: Q, organizationId: number, validTo: string) {
  await trx
    .updateTable('organization_versions')
    .set({ valid_to: validTo })
    .where('organization_id', '=', organizationId)
    .where('valid_to', 'is', null)
    .execute();
}

export async function insertEvent(trx: Q, row: Omit<Selectable<Database['organization_events']>, 'id'>): Promise<number> {
  const { id } = await trx.insertInto('organization_events').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertEventLinks(trx: Q, links: Database['organization_event_links'][]) {
  if (links.length) await trx.insertInto('organization_event_links').values(links).execute();
}

/**
 * Re-roots a subtree's materialized paths, organizations and the members recorded in them, one UPDATE each:
 * path = newPrefix || substr(path, length(oldPrefix) + 1). Members stay in their organizations; only the copy of the
 * path follows. Paths are ASCII digits and '/', so a JavaScript length equals SQL's.
 */
export async function rebaseSubtree(trx: Q, oldPrefix: string, newPrefix: string) {
  const from = oldPrefix.length + 1;
  await trx
    .updateTable('organizations')
    .set({ path: sql<string>`cast(${newPrefix} as text) || substr(path, cast(${from} as integer))` })
    .where('path', 'like', subtreePattern(oldPrefix))
    .execute();
  await trx
    .updateTable('members')
    .set({ org_path: sql<string>`cast(${newPrefix} as text) || substr(org_path, cast(${from} as integer))` })
    .where('org_path', 'like', subtreePattern(oldPrefix))
    .execute();
}

/** Re-parents an organization on the projection (its version is bumped: its detail changed). */
export async function setParent(trx: Q, id: number, parentId: number) {
  await trx
    .updateTable('organizations')
    .set((eb) => ({ parent_id: parentId, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Moves active members to another organization; returns how many moved (the caller compares with what it expected). */
export async function reassignMembers(trx: Q, memberIds: number[], fromId: number, to: { id: number; path: string }, at: string) {
  let moved = 0;
  for (let i = 0; i < memberIds.length; i += 500) {
    const res = await trx
      .updateTable('members')
      .set((eb) => ({ organization_id: to.id, org_path: to.path, version: eb('version', '+', 1), updated_at: at }))
      .where('id', 'in', memberIds.slice(i, i + 500))
      .where('organization_id', '=', fromId)
      .where('status', 'in', [...ACTIVE_STATUSES])
      .executeTakeFirst();
    moved += Number(res.numUpdatedRows);
  }
  return moved;
}

export async function insertMemberEvents(trx: Q, rows: Omit<Selectable<Database['member_events']>, 'id'>[]) {
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('member_events').values(rows.slice(i, i + 500)).execute();
}
