import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DataSubjectRequestsTable } from '../../db/migrations/0014-privacy.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereMemberInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). The export reads tables by name from server/db/classification.ts, so those
// queries are built on an untyped handle; the request queries are typed. Scope: a member (and their requests) is in
// the actor's scope when the member's cell of today is (server/policy/scope.ts).

type Q = Kysely<Database>;
export type ScopeActor = Pick<Actor, 'orgPath' | 'reach' | 'personId'>;
export type StoredRow = Record<string, unknown>;

/** Ids per IN list: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export function findMemberInScope(db: Q, actor: ScopeActor, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.id', 'm.person_id', 'm.organization_id', 'p.full_name', 'o.name as organization_name'])
    .where('m.id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

// ---------------------------------------------------------------- the export

export interface RowFilter {
  column: string;
  values: readonly (number | string)[];
}

/**
 * The rows of `table` (only `columns`: the secret candidates are never selected) matching any filter, in the order
 * of the first column. Filters with no value match nothing.
 */
export async function selectLinkedRows(db: Q, table: string, columns: readonly string[], filters: readonly RowFilter[]): Promise<StoredRow[]> {
  const q = db as unknown as Kysely<any>;
  const out: StoredRow[] = [];
  for (const f of filters) {
    for (const values of chunks(f.values)) {
      const rows = await q.selectFrom(table).select(columns.map((c) => sql.ref(c).as(c))).where(sql.ref(f.column), 'in', values).execute();
      out.push(...(rows as StoredRow[]));
    }
  }
  // A row matched by two links (a case by person and by member) appears once.
  const seen = new Set<string>();
  const unique = out.filter((r) => {
    const key = JSON.stringify(columns.map((c) => r[c] ?? null));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const first = columns[0];
  return unique.sort((a, b) => compareStored(a[first], b[first]));
}

function compareStored(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

export interface AuditObjectRef {
  objectType: string;
  objectIds: readonly string[];
}

/** Audit rows written by one of the accounts, or about one of the objects; in chain order. */
export async function selectAuditRows(db: Q, columns: readonly string[], userIds: readonly number[], objects: readonly AuditObjectRef[]) {
  const q = db as unknown as Kysely<any>;
  const byId = new Map<number, StoredRow>();
  const run = async (where: (qb: any) => any) => {
    const rows = (await where(q.selectFrom('audit_log').select(columns.map((c) => sql.ref(c).as(c)))).execute()) as StoredRow[];
    for (const r of rows) byId.set(Number(r.id), r);
  };
  for (const ids of chunks(userIds)) await run((qb) => qb.where('user_id', 'in', ids));
  for (const o of objects) {
    for (const ids of chunks(o.objectIds)) await run((qb) => qb.where('object_type', '=', o.objectType).where('object_id', 'in', ids));
  }
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

/** The latest successful export of the member produced at or after `since` (a UTC instant), for an access request. */
export function findExportSince(db: Q, memberId: number, since: string) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at'])
    .where('action', '=', 'privacy.export')
    .where('object_type', '=', 'member')
    .where('object_id', '=', String(memberId))
    .where('outcome', '=', 'success')
    .where('at', '>=', since)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- requests

function requestQuery(db: Q) {
  return db
    .selectFrom('data_subject_requests as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .selectAll('r')
    .select(['p.full_name', 'm.organization_id', 'o.name as organization_name']);
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export function findRequest(db: Q, id: number) {
  return requestQuery(db).where('r.id', '=', id).executeTakeFirst();
}

export function findRequestInScope(db: Q, actor: ScopeActor, id: number) {
  return requestQuery(db)
    .where('r.id', '=', id)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .executeTakeFirst();
}

export type RequestFilter = 'open' | 'overdue' | 'closed' | 'all';

/** Requests of members in scope; open ones first by response due day, then the answered ones, newest first. */
export async function listRequestsInScope(db: Q, actor: ScopeActor, f: { filter: RequestFilter; today: string; page: number; pageSize: number }) {
  const base = db
    .selectFrom('data_subject_requests as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .where((eb) => {
      if (f.filter === 'open') return eb('r.responded_on', 'is', null);
      if (f.filter === 'closed') return eb('r.responded_on', 'is not', null);
      if (f.filter === 'overdue') {
        return eb.and([
          eb('r.responded_on', 'is', null),
          eb.or([eb('r.respond_due', '<', f.today), eb.and([eb('r.acknowledged_on', 'is', null), eb('r.acknowledge_due', '<', f.today)])]),
        ]);
      }
      return eb.lit(true);
    });
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const page = await base
    .select('r.id')
    .orderBy(sql`case when r.responded_on is null then 0 else 1 end`)
    .orderBy(sql`case when r.responded_on is null then r.respond_due end`)
    .orderBy('r.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await requestQuery(db).where('r.id', 'in', ids).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: Number(total.n), rows: ids.map((id) => byId.get(id)!) };
}

/** Counts over the whole scope: open, overdue (as of `today`), and closed late. */
export async function summarizeRequestsInScope(db: Q, actor: ScopeActor, today: string) {
  const r = await db
    .selectFrom('data_subject_requests as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .select([
      sql<number>`sum(case when r.responded_on is null then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when r.responded_on is null and (r.respond_due < ${today} or (r.acknowledged_on is null and r.acknowledge_due < ${today})) then 1 else 0 end)`.as(
        'overdue',
      ),
      sql<number>`sum(case when r.responded_on is not null and (r.responded_on > r.respond_due or r.acknowledged_on > r.acknowledge_due) then 1 else 0 end)`.as(
        'closed_late',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(r.open ?? 0), overdue: Number(r.overdue ?? 0), closedLate: Number(r.closed_late ?? 0) };
}

export async function insertRequest(db: Q, row: Insertable<DataSubjectRequestsTable>): Promise<number> {
  const r = await db.insertInto('data_subject_requests').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Compare-and-set on the version: false when another change came first. */
export async function updateRequestIfVersion(db: Q, id: number, version: number, patch: Updateable<DataSubjectRequestsTable>): Promise<boolean> {
  const r = await db
    .updateTable('data_subject_requests')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
