import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { ACTIVE_STATUSES } from '../../../common/contracts/members.contract.ts';
import type { Database } from '../../db/schema.ts';
import type { DuesPaymentsTable, DuesProfilesTable, DuesRemittancesTable } from '../../db/migrations/0007-dues.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern, whereMemberInScope, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3), portable to SQLite and PostgreSQL (principle 9). Every read of a member or an
// organization goes through the scope filters of server/policy/scope.ts, so an out-of-scope id is simply not found.

type Q = Kysely<Database>;
type ScopeActor = Pick<Actor, 'orgPath' | 'reach' | 'personId'>;
export type ProfileRow = Selectable<DuesProfilesTable>;
export type PaymentRow = Selectable<DuesPaymentsTable>;
export type RemittanceRow = Selectable<DuesRemittancesTable>;

/** `in` lists are cut into chunks well below both engines' limits on bound parameters. */
const IN_CHUNK = 5000;
async function inChunks<T>(ids: readonly number[], run: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await run(ids.slice(i, i + IN_CHUNK))));
  return out;
}

// ---------------------------------------------------------------- scope

export function findMemberInScope(db: Q, actor: ScopeActor, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.person_id',
      'm.status',
      'm.organization_id',
      'm.org_path',
      'm.admission_decision_date',
      'p.full_name',
      'p.birth_date',
      'o.name as organization_name',
      'o.kind as organization_kind',
    ])
    .where('m.id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

/** Members of `ids` inside the actor's subtree (payments are recorded for these only). */
export function findMembersInScope(db: Q, actor: ScopeActor, ids: readonly number[]) {
  return inChunks(ids, (chunk) =>
    db
      .selectFrom('members as m')
      .select(['m.id', 'm.status', 'm.organization_id', 'm.admission_decision_date'])
      .where('m.id', 'in', chunk)
      .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
      .execute(),
  );
}

/** An organization of today's tree inside the actor's subtree, with its parent (which may lie outside it). */
export function findOrganizationInScope(db: Q, actor: Pick<Actor, 'orgPath'>, id: number) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.path', 'o.parent_id', 'parent.name as parent_name', 'parent.kind as parent_kind', 'parent.path as parent_path'])
    .where('o.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

// ---------------------------------------------------------------- members of a cell or a subtree

const isActive = (m: { status: string }) => (ACTIVE_STATUSES as readonly string[]).includes(m.status);

/**
 * The cell's members today (probationary and official) and, with `month`, also those paid for in that month through
 * this cell (a member since moved or gone). Two indexed queries, not an OR, which neither engine can serve from an index.
 */
export async function listCellMembers(db: Q, organizationId: number, month: string | null) {
  const columns = ['m.id', 'm.status', 'm.admission_decision_date', 'p.full_name', 'p.birth_date', 'p.sort_key'] as const;
  // The status is filtered here, not in SQL: without ANALYZE statistics a planner may prefer an index on status (a
  // million active members) to the one on organization_id (a few dozen).
  const current = (
    await db.selectFrom('members as m').innerJoin('persons as p', 'p.id', 'm.person_id').select(columns).where('m.organization_id', '=', organizationId).execute()
  ).filter(isActive);
  if (month === null) return current;
  const known = new Set(current.map((m) => m.id));
  const paid = await db
    .selectFrom('dues_payments as dp')
    .select('dp.member_id')
    .distinct()
    .where('dp.organization_id', '=', organizationId)
    .where('dp.for_month', '=', month)
    .execute();
  const others = paid.map((r) => r.member_id).filter((id) => !known.has(id));
  if (others.length === 0) return current;
  const extra = await inChunks(others, (chunk) =>
    db.selectFrom('members as m').innerJoin('persons as p', 'p.id', 'm.person_id').select(columns).where('m.id', 'in', chunk).execute(),
  );
  return [...current, ...extra];
}

/**
 * Organizations of the subtree of `path`. Scanning the organizations table (tens of thousands of rows) is cheap; the
 * members and payments are then reached through their organization_id and member_id indexes (a LIKE on members.org_path
 * would scan a million rows: neither engine uses an index for it without a special collation or operator class).
 */
function subtreeOrganizationIds(db: Q, path: string) {
  return db.selectFrom('organizations as o').select('o.id').where('o.path', 'like', subtreePattern(path));
}

/** Active members whose cell lies in the subtree of `path` (today's tree). */
export async function listSubtreeMembers(db: Q, path: string) {
  const rows = await db
    .selectFrom('members as m')
    .select(['m.id', 'm.status', 'm.admission_decision_date'])
    .where('m.organization_id', 'in', subtreeOrganizationIds(db, path))
    .execute();
  return rows.filter(isActive);
}

// ---------------------------------------------------------------- facts the amounts are computed from

export function listMinimumWages(db: Q) {
  return db
    .selectFrom('regional_minimum_wages as w')
    .leftJoin('users as u', 'u.id', 'w.created_by')
    .select(['w.id', 'w.effective_from', 'w.source', 'w.region_i_vnd', 'w.region_ii_vnd', 'w.region_iii_vnd', 'w.region_iv_vnd', 'u.username as created_by_name'])
    .orderBy('w.effective_from')
    .execute();
}

export function insertMinimumWage(trx: Q, row: Insertable<Database['regional_minimum_wages']>) {
  return trx.insertInto('regional_minimum_wages').values(row).returning('id').executeTakeFirstOrThrow();
}

export function listProfiles(db: Q, memberIds: readonly number[]) {
  return inChunks(memberIds, (chunk) =>
    db
      .selectFrom('dues_profiles as dp')
      .leftJoin('users as u', 'u.id', 'dp.created_by')
      .selectAll('dp')
      .select('u.username as created_by_name')
      .where('dp.member_id', 'in', chunk)
      .orderBy('dp.member_id')
      .orderBy('dp.valid_from')
      .orderBy('dp.id')
      .execute(),
  );
}

export function findOpenProfile(db: Q, memberId: number) {
  return db.selectFrom('dues_profiles').selectAll().where('member_id', '=', memberId).where('valid_to', 'is', null).executeTakeFirst();
}

/** Compare-and-set: closes the open version as read; false when someone changed it first. */
export async function closeProfileIfVersion(trx: Q, id: number, version: number, validTo: string, by: number, at: string): Promise<boolean> {
  const r = await trx
    .updateTable('dues_profiles')
    .set({ valid_to: validTo, version: version + 1, closed_by: by, closed_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function insertProfile(trx: Q, row: Insertable<Database['dues_profiles']>) {
  return trx.insertInto('dues_profiles').values(row).returning('id').executeTakeFirstOrThrow();
}

export function listExemptions(db: Q, memberIds: readonly number[]) {
  return inChunks(memberIds, (chunk) => db.selectFrom('dues_exemptions').selectAll().where('member_id', 'in', chunk).orderBy('from_month').orderBy('id').execute());
}

export function listReductions(db: Q, memberIds: readonly number[]) {
  return inChunks(memberIds, (chunk) => db.selectFrom('dues_reductions').selectAll().where('member_id', 'in', chunk).orderBy('from_month').orderBy('id').execute());
}

export function findExemption(db: Q, id: number) {
  return db.selectFrom('dues_exemptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findReduction(db: Q, id: number) {
  return db.selectFrom('dues_reductions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertExemption(trx: Q, row: Insertable<Database['dues_exemptions']>) {
  return trx.insertInto('dues_exemptions').values(row).returning('id').executeTakeFirstOrThrow();
}

export function insertReduction(trx: Q, row: Insertable<Database['dues_reductions']>) {
  return trx.insertInto('dues_reductions').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateExemptionIfVersion(trx: Q, id: number, version: number, set: Partial<Insertable<Database['dues_exemptions']>>) {
  const r = await trx.updateTable('dues_exemptions').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateReductionIfVersion(trx: Q, id: number, version: number, set: Partial<Insertable<Database['dues_reductions']>>) {
  const r = await trx.updateTable('dues_reductions').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function listGoodReasons(db: Q, memberIds: readonly number[]) {
  return inChunks(memberIds, (chunk) => db.selectFrom('dues_good_reasons').selectAll().where('member_id', 'in', chunk).orderBy('month').execute());
}

export function findGoodReason(db: Q, id: number) {
  return db.selectFrom('dues_good_reasons').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertGoodReason(trx: Q, row: Insertable<Database['dues_good_reasons']>) {
  return trx.insertInto('dues_good_reasons').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function deleteGoodReasonIfVersion(trx: Q, id: number, version: number) {
  const r = await trx.deleteFrom('dues_good_reasons').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// ---------------------------------------------------------------- payments (append-only)

const paymentColumns = [
  'dp.id',
  'dp.batch_id',
  'dp.member_id',
  'dp.organization_id',
  'dp.for_month',
  'dp.amount_vnd',
  'dp.paid_on',
  'dp.method',
  'dp.reference',
  'dp.expected_vnd',
  'dp.reverses_payment_id',
  'dp.note',
  'dp.recorded_by',
] as const;

function paymentsQuery(db: Q) {
  return db
    .selectFrom('dues_payments as dp')
    .innerJoin('dues_payment_batches as b', 'b.id', 'dp.batch_id')
    .leftJoin('users as u', 'u.id', 'dp.recorded_by')
    .select([...paymentColumns, 'b.recorded_at', 'u.username as recorded_by_name'])
    .select((eb) => eb.selectFrom('dues_payments as r').select('r.id').whereRef('r.reverses_payment_id', '=', 'dp.id').limit(1).as('reversed_by_id'));
}
export type PaymentView = Awaited<ReturnType<ReturnType<typeof paymentsQuery>['execute']>>[number];

/** Payments of the members for months in [fromMonth, toMonth]. */
export function listPayments(db: Q, memberIds: readonly number[], fromMonth: string, toMonth: string) {
  return inChunks(memberIds, (chunk) =>
    paymentsQuery(db)
      .where('dp.member_id', 'in', chunk)
      .where('dp.for_month', '>=', fromMonth)
      .where('dp.for_month', '<=', toMonth)
      .orderBy('dp.member_id')
      .orderBy('dp.for_month')
      .orderBy('dp.id')
      .execute(),
  );
}

export function listPaymentsOfBatch(db: Q, batchId: number) {
  return paymentsQuery(db).where('dp.batch_id', '=', batchId).orderBy('dp.id').execute();
}

export function findPaymentInScope(db: Q, actor: ScopeActor, id: number) {
  return paymentsQuery(db)
    .innerJoin('members as m', 'm.id', 'dp.member_id')
    .where('dp.id', '=', id)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

export function findBatchByKey(db: Q, key: string) {
  return db.selectFrom('dues_payment_batches').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export function insertBatch(trx: Q, row: Insertable<Database['dues_payment_batches']>) {
  return trx.insertInto('dues_payment_batches').values(row).returning('id').executeTakeFirstOrThrow();
}

/**
 * The bulk insert path: multi-row INSERTs of at most PAYMENT_ROWS_PER_STATEMENT rows (12 parameters a row, far below
 * SQLite's 32,766 and PostgreSQL's 65,535 bound parameters). Call inside the caller's transaction.
 */
export const PAYMENT_ROWS_PER_STATEMENT = 500;
export async function insertPayments(trx: Q, rows: readonly Insertable<Database['dues_payments']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PAYMENT_ROWS_PER_STATEMENT) {
    await trx.insertInto('dues_payments').values(rows.slice(i, i + PAYMENT_ROWS_PER_STATEMENT)).execute();
  }
}

/** Net cash a cell collected per month of payment date (reversals carry the original payment date). */
export function collectedByPaidMonth(db: Q, organizationIds: readonly number[] | { path: string }, fromDate: string, toDate: string) {
  const month = sql<string>`substr(dp.paid_on, 1, 7)`;
  let q = db
    .selectFrom('dues_payments as dp')
    .select([month.as('month'), (eb) => eb.fn.sum<number>('dp.amount_vnd').as('amount')])
    .where('dp.paid_on', '>=', fromDate)
    .where('dp.paid_on', '<=', toDate);
  if (Array.isArray(organizationIds)) {
    q = q.where('dp.organization_id', 'in', organizationIds.length ? [...organizationIds] : [-1]);
  } else {
    const path = (organizationIds as { path: string }).path;
    q = q.where('dp.organization_id', 'in', subtreeOrganizationIds(db, path));
  }
  return q.groupBy(month).execute();
}

/** Net paid per month for members of a subtree (today's tree), by the month paid for. */
export function paidForMonthInSubtree(db: Q, path: string, fromMonth: string, toMonth: string) {
  return db
    .selectFrom('dues_payments as dp')
    .select(['dp.for_month as month', (eb) => eb.fn.sum<number>('dp.amount_vnd').as('amount')])
    .where('dp.member_id', 'in', (eb) => eb.selectFrom('members as m').select('m.id').where('m.organization_id', 'in', subtreeOrganizationIds(db, path)))
    .where('dp.for_month', '>=', fromMonth)
    .where('dp.for_month', '<=', toMonth)
    .groupBy('dp.for_month')
    .execute();
}

// ---------------------------------------------------------------- remittances

function remittancesQuery(db: Q) {
  return db
    .selectFrom('dues_remittances as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .innerJoin('organizations as t', 't.id', 'r.to_organization_id')
    .selectAll('r')
    .select(['o.name as organization_name', 'o.kind as organization_kind', 't.name as to_name', 't.kind as to_kind', 't.path as to_path']);
}
export type RemittanceView = Awaited<ReturnType<ReturnType<typeof remittancesQuery>['execute']>>[number];

export function listRemittances(db: Q, organizationId: number, fromMonth: string, toMonth: string) {
  return remittancesQuery(db)
    .where('r.organization_id', '=', organizationId)
    .where('r.month', '>=', fromMonth)
    .where('r.month', '<=', toMonth)
    .orderBy('r.month')
    .orderBy('r.id')
    .execute();
}

export function listIncomingRemittances(db: Q, toOrganizationId: number, fromMonth: string, toMonth: string) {
  return remittancesQuery(db)
    .where('r.to_organization_id', '=', toOrganizationId)
    .where('r.month', '>=', fromMonth)
    .where('r.month', '<=', toMonth)
    .orderBy('r.month')
    .orderBy('o.name')
    .orderBy('r.id')
    .execute();
}

/** A remittance whose sending organization lies in the actor's subtree. */
export function findRemittanceInScope(db: Q, actor: Pick<Actor, 'orgPath'>, id: number) {
  return remittancesQuery(db)
    .where('r.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

/** Net collected by a cell in the months of remittances (by payment date). */
export function collectedByOrganizationAndMonth(db: Q, organizationIds: readonly number[], fromDate: string, toDate: string) {
  const month = sql<string>`substr(dp.paid_on, 1, 7)`;
  return db
    .selectFrom('dues_payments as dp')
    .select(['dp.organization_id', month.as('month'), (eb) => eb.fn.sum<number>('dp.amount_vnd').as('amount')])
    .where('dp.organization_id', 'in', organizationIds.length ? [...organizationIds] : [-1])
    .where('dp.paid_on', '>=', fromDate)
    .where('dp.paid_on', '<=', toDate)
    .groupBy(['dp.organization_id', month])
    .execute();
}

export function insertRemittance(trx: Q, row: Insertable<Database['dues_remittances']>) {
  return trx.insertInto('dues_remittances').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateRemittanceIfVersion(trx: Q, id: number, version: number, set: Partial<Insertable<Database['dues_remittances']>>) {
  const r = await trx
    .updateTable('dues_remittances')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
