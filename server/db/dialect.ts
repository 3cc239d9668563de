import { type ColumnDefinitionBuilder, type Kysely, sql, type CreateTableBuilder } from 'kysely';

// The ONLY place with dialect branches (architecture principle 9).
export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): DialectName {
  const name = db.getExecutor().adapter.constructor.name;
  return name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** Integer auto-increment primary key on both engines. */
export function addIdColumn<T extends string>(tb: CreateTableBuilder<T, any>, dialect: DialectName) {
  return dialect === 'postgres'
    ? tb.addColumn('id', 'serial', (c) => c.primaryKey())
    : tb.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** Refuse UPDATE and DELETE on an append-only table (security.md: audit rows; history kept forever). */
export async function makeAppendOnly(db: Kysely<any>, dialect: DialectName, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION dv_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION dv_append_only()`)
    .execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} EXECUTE FUNCTION dv_append_only()`).execute(db);
}

/** Serialize appends to the audit hash chain: SQLite writers are already serialized; PostgreSQL takes a transaction lock. */
export async function lockAuditChain(trx: Kysely<any>): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`SELECT pg_advisory_xact_lock(72041)`.execute(trx);
}

/** count(*) comes back as a string from pg (bigint). */
export function toNumber(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

/** Unique-constraint violation, by engine error shape. */
export function isUniqueViolation(err: unknown): { constraint?: string; detail?: string } | null {
  const e = err as { code?: string; constraint?: string; message?: string; detail?: string };
  if (e?.code === '23505') return { constraint: e.constraint, detail: e.detail };
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { detail: e.message };
  return null;
}
