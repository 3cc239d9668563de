import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { ACTIVE_STATUSES } from '../../../common/contracts/members.contract.ts';
import { MEMBER_HOLDING_KINDS } from '../../../common/contracts/organizations.contract.ts';
import { OPEN_TRANSFER_STATUSES, type TransferBox, type TransferKind, type TransferStatus } from '../../../common/contracts/transfers.contract.ts';
import type { TransferEventsTable, TransfersTable } from '../../db/migrations/0008-transfers.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). A transfer is in an official's scope when either its sending or its receiving
// organization lies in the official's subtree (by the organizations' current paths, so a reorganized tree keeps its
// transfers visible): the sending side sees its outgoing letters, the receiving side sees a letter once it is
// addressed to it, the organization above sees both. A member sees the transfers of their own person.

type Q = Kysely<Database>;
export type TransferRow = Selectable<TransfersTable>;
export type ScopeActor = Pick<Actor, 'orgPath' | 'reach' | 'personId'>;

type Eb = ExpressionBuilder<any, any>;

export function likeContains(normalized: string): string {
  return `%${normalized.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Either side of the transfer in the actor's subtree; for the member role, the actor's own person. */
function whereTransferInScope(eb: Eb, actor: ScopeActor) {
  if (actor.reach === 'self') return eb(sql.ref('p.id'), '=', actor.personId ?? -1);
  return eb.or([whereOrgPathInScope(eb, 'src.path', actor), whereOrgPathInScope(eb, 'dst.path', actor)]);
}

function withNames(db: Q) {
  return db
    .selectFrom('transfers as t')
    .innerJoin('members as m', 'm.id', 't.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as mo', 'mo.id', 'm.organization_id')
    .leftJoin('organizations as src', 'src.id', 't.from_organization_id')
    .leftJoin('organizations as dst', 'dst.id', 't.to_organization_id')
    .selectAll('t')
    .select([
      'p.full_name',
      'p.birth_date',
      'm.status as member_status',
      'm.card_number',
      'm.history_number',
      'm.organization_id as member_organization_id',
      'mo.name as member_organization_name',
      'src.name as from_name',
      'src.path as from_path',
      'dst.name as to_name',
      'dst.path as to_path',
    ]);
}
export type TransferWithNames = NonNullable<Awaited<ReturnType<typeof findTransferInScope>>>;

export function findTransferInScope(db: Q, actor: ScopeActor, id: number) {
  return withNames(db)
    .leftJoin('users as ru', 'ru.id', 't.received_by')
    .select('ru.display_name as received_by_name')
    .where('t.id', '=', id)
    .where((eb) => whereTransferInScope(eb, actor))
    .executeTakeFirst();
}

export interface TransferListFilter {
  box: TransferBox;
  /** The point of view: an organization path inside the actor's scope. */
  path: string;
  status?: TransferStatus;
  kind?: TransferKind;
  /** Normalized (normalizeVi) search text. */
  q?: string;
  page: number;
  pageSize: number;
}

function boxFilter(eb: Eb, box: TransferBox, path: string) {
  const pattern = subtreePattern(path);
  const incoming = eb(sql.ref('dst.path'), 'like', pattern);
  const outgoing = eb(sql.ref('src.path'), 'like', pattern);
  if (box === 'incoming') return incoming;
  if (box === 'outgoing') return outgoing;
  if (box === 'overdue') return eb.and([eb('t.status', '=', 'overdue'), eb.or([incoming, outgoing])]);
  return eb.or([incoming, outgoing]);
}

export async function listTransfers(db: Q, actor: ScopeActor, f: TransferListFilter) {
  let q = withNames(db).where((eb) => whereTransferInScope(eb, actor));
  if (actor.reach !== 'self') q = q.where((eb) => boxFilter(eb, f.box, f.path));
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.kind) q = q.where('t.kind', '=', f.kind);
  if (f.q) {
    const pattern = likeContains(f.q);
    q = q.where((eb) =>
      eb.or([sql<boolean>`p.search_text like ${pattern} escape '\\'`, sql<boolean>`lower(t.letter_number) like ${pattern} escape '\\'`]),
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  // Overdue letters first by how long they have waited; otherwise the newest letters first.
  const ordered =
    f.box === 'overdue'
      ? q.orderBy('t.presentation_due').orderBy('t.id')
      : q
          .orderBy(sql`case when t.status = 'overdue' then 0 when t.status = 'issued' then 1 else 2 end`)
          .orderBy('t.letter_issued_on', 'desc')
          .orderBy('t.id', 'desc');
  const items = await ordered
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

/** Open letters (issued, overdue) in each box of the point of view `path`. */
export async function countOpen(db: Q, actor: ScopeActor, path: string) {
  const pattern = subtreePattern(path);
  const row = await db
    .selectFrom('transfers as t')
    .innerJoin('members as m', 'm.id', 't.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .leftJoin('organizations as src', 'src.id', 't.from_organization_id')
    .leftJoin('organizations as dst', 'dst.id', 't.to_organization_id')
    .where((eb) => whereTransferInScope(eb, actor))
    .where('t.status', 'in', [...OPEN_TRANSFER_STATUSES])
    .select([
      sql<number>`sum(case when dst.path like ${pattern} then 1 else 0 end)`.as('incoming'),
      sql<number>`sum(case when src.path like ${pattern} then 1 else 0 end)`.as('outgoing'),
      sql<number>`sum(case when t.status = 'overdue' and (src.path like ${pattern} or dst.path like ${pattern}) then 1 else 0 end)`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return { incoming: Number(row.incoming ?? 0), outgoing: Number(row.outgoing ?? 0), overdue: Number(row.overdue ?? 0) };
}

/** A member's transfers the actor may see, newest first. */
export function listTransfersOfMemberInScope(db: Q, actor: ScopeActor, memberId: number) {
  return withNames(db)
    .where('t.member_id', '=', memberId)
    .where((eb) => whereTransferInScope(eb, actor))
    .orderBy('t.letter_issued_on', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

export function listEvents(db: Q, transferId: number) {
  return db
    .selectFrom('transfer_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .selectAll('e')
    .select('u.display_name as actor_name')
    .where('e.transfer_id', '=', transferId)
    .orderBy('e.id')
    .execute();
}

export async function insertTransfer(db: Q, row: Insertable<TransfersTable>): Promise<number> {
  const r = await db.insertInto('transfers').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertEvent(db: Q, row: Insertable<TransferEventsTable>): Promise<void> {
  await db.insertInto('transfer_events').values(row).execute();
}

/** Compare-and-set on version and status: false when someone acted on the case meanwhile. */
export async function updateTransferIfCurrent(
  db: Q,
  id: number,
  expected: { version: number; status: TransferStatus },
  patch: Partial<Omit<TransferRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('transfers')
    .set({ ...patch, version: expected.version + 1 })
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('status', '=', expected.status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A letter still out for the member, or a temporary transfer not yet ended by a return. */
export function findOpenTransferOfMember(db: Q, memberId: number) {
  return db
    .selectFrom('transfers')
    .select(['id', 'status', 'kind'])
    .where('member_id', '=', memberId)
    .where((eb) => eb.or([eb('status', 'in', [...OPEN_TRANSFER_STATUSES]), eb.and([eb('kind', '=', 'temporary'), eb('status', '=', 'received')])]))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The transfers the deadline sweep acts on: letters still out after their presentation due day. */
export function listPastDue(db: Q, today: string) {
  return db
    .selectFrom('transfers')
    .select(['id', 'version', 'status', 'kind', 'direction', 'letter_issued_on', 'presentation_due', 'temporary_from', 'temporary_to'])
    .where('status', '=', 'issued')
    .where('presentation_due', '<', today)
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------- members and organizations

/** A member in the actor's subtree (by the member's current cell), with what the letter prints. */
export function findMemberInScope(db: Q, actor: ScopeActor, memberId: number) {
  if (actor.reach === 'self') return Promise.resolve(undefined);
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.id', 'm.status', 'm.organization_id', 'm.org_path', 'm.version', 'p.full_name', 'o.kind as organization_kind', 'o.name as organization_name'])
    .where('m.id', '=', memberId)
    .where((eb) => whereOrgPathInScope(eb, 'm.org_path', actor))
    .executeTakeFirst();
}

/** Active members of the actor's subtree matching a name search (for the issue form), with any open transfer. */
export function listMemberOptions(db: Q, actor: ScopeActor, f: { q?: string; memberId?: number }, limit = 30) {
  let query = db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.status',
      'm.card_number',
      'p.full_name',
      'p.birth_date',
      'o.id as organization_id',
      'o.name as organization_name',
      (eb) =>
        eb
          .selectFrom('transfers as t')
          .select((e2) => e2.fn.max('t.id').as('open_id'))
          .whereRef('t.member_id', '=', 'm.id')
          .where((e2) => e2.or([e2('t.status', 'in', [...OPEN_TRANSFER_STATUSES]), e2.and([e2('t.kind', '=', 'temporary'), e2('t.status', '=', 'received')])]))
          .as('open_transfer_id'),
    ])
    .where('m.status', 'in', [...ACTIVE_STATUSES])
    .where((eb) => whereOrgPathInScope(eb, 'm.org_path', actor));
  if (f.q) query = query.where(sql<boolean>`m.search_text like ${likeContains(f.q)} escape '\\'`);
  if (f.memberId) query = query.where('m.id', '=', f.memberId);
  return query.orderBy('m.sort_key').orderBy('m.id').limit(limit).execute();
}

export function findOrganization(db: Q, id: number) {
  return db.selectFrom('organizations').select(['id', 'name', 'kind', 'path', 'parent_id', 'valid_to']).where('id', '=', id).executeTakeFirst();
}

export function findOrganizationInScope(db: Q, actor: ScopeActor, id: number) {
  if (actor.reach === 'self') return Promise.resolve(undefined);
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.kind', 'o.path', 'o.parent_id', 'o.valid_to'])
    .where('o.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

/** Every organization in force today, names only: a transfer may go to any cell of the system. */
export function listActiveOrganizations(db: Q) {
  return db.selectFrom('organizations').select(['id', 'parent_id', 'name', 'kind', 'path']).where('valid_to', 'is', null).orderBy('path').execute();
}

export const holdsMembers = (kind: string) => (MEMBER_HOLDING_KINDS as readonly string[]).includes(kind);

/** Moves the member to the receiving cell, only while still active in the sending cell (compare-and-set). */
export async function moveMember(db: Q, memberId: number, fromOrganizationId: number, to: { id: number; path: string }, at: string): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set((eb) => ({ organization_id: to.id, org_path: to.path, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', memberId)
    .where('organization_id', '=', fromOrganizationId)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The member leaves the system (transferred_out), only while still active in the sending cell. */
export async function markMemberTransferredOut(db: Q, memberId: number, fromOrganizationId: number, leftOn: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set((eb) => ({ status: 'transferred_out', left_date: leftOn, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', memberId)
    .where('organization_id', '=', fromOrganizationId)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findMemberStatus(db: Q, memberId: number) {
  return db.selectFrom('members').select(['id', 'status', 'organization_id']).where('id', '=', memberId).executeTakeFirst();
}

export async function insertMemberEvent(db: Q, row: Insertable<Database['member_events']>): Promise<void> {
  await db.insertInto('member_events').values(row).execute();
}

export async function insertPerson(db: Q, row: Insertable<Database['persons']>): Promise<number> {
  const r = await db.insertInto('persons').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertMember(db: Q, row: Insertable<Database['members']>): Promise<number> {
  const r = await db.insertInto('members').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findPersonByCitizenId(db: Q, citizenId: string) {
  return db
    .selectFrom('persons as p')
    .leftJoin('members as m', 'm.person_id', 'p.id')
    .leftJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['p.id', 'p.full_name', 'm.id as member_id', 'm.status as member_status', 'o.name as organization_name'])
    .where('p.citizen_id', '=', citizenId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- temporary transfers, for other modules

const notCancelled = ['issued', 'received', 'overdue', 'returned'];

/** The temporary transfers of these members (any dates; cancelled letters never took effect). */
export function listTemporaryTransfersOfMembers(db: Q, memberIds: readonly number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transfers')
    .select(['id', 'member_id', 'temporary_purpose', 'temporary_from', 'temporary_to', 'returned_on', 'status'])
    .where('kind', '=', 'temporary')
    .where('status', 'in', notCancelled)
    .where('member_id', 'in', [...memberIds])
    .execute();
}

/** Temporary transfers of the cell's current active members whose period covers `date` (a return cut it short). */
export function listTemporaryTransfersOutOfCell(db: Q, cellId: number, date: string) {
  return db
    .selectFrom('transfers as t')
    .innerJoin('members as m', 'm.id', 't.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .leftJoin('organizations as dst', 'dst.id', 't.to_organization_id')
    .select([
      't.id',
      't.member_id',
      't.temporary_purpose',
      't.temporary_from',
      't.temporary_to',
      't.returned_on',
      't.outside_organization_name',
      'dst.name as to_name',
      'p.full_name',
    ])
    .where('m.organization_id', '=', cellId)
    .where('m.status', 'in', [...ACTIVE_STATUSES])
    .where('t.kind', '=', 'temporary')
    .where('t.status', 'in', notCancelled)
    .where('t.temporary_from', '<=', date)
    // The last day away is the day before the recorded return, else the planned last day (lastDayAway in transfer-rules).
    .where((eb) => eb.or([eb.and([eb('t.returned_on', 'is', null), eb('t.temporary_to', '>=', date)]), eb('t.returned_on', '>', date)]))
    .orderBy('m.sort_key')
    .execute();
}

export function countActiveMembersOfCell(db: Q, cellId: number) {
  return db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', cellId)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}
