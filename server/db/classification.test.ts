import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../test/test-db.ts';
import { CLASSIFICATION, PERSON_LINKS, UNCLASSIFIED_TABLES, UNLINKED_TABLES } from './classification.ts';
import { dialectOf } from './dialect.ts';

// security.md item 25: every column tagged (basic / sensitive / secret-candidate); CI fails on an untagged one.
// The real columns come from the migrated database of each engine, never from a list kept by hand.

interface Column {
  table: string;
  column: string;
}
interface ForeignKey extends Column {
  target: string;
}

async function introspectColumns(db: Kysely<any>): Promise<Column[]> {
  if (dialectOf(db) === 'postgres') {
    const r = await sql<Column>`
      SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db);
    return r.rows.filter((c) => !UNCLASSIFIED_TABLES.has(c.table));
  }
  const r = await sql<Column>`
    SELECT m.name AS "table", c.name AS "column" FROM sqlite_master AS m, pragma_table_info(m.name) AS c
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, c.cid`.execute(db);
  return r.rows.filter((c) => !UNCLASSIFIED_TABLES.has(c.table));
}

async function introspectForeignKeys(db: Kysely<any>): Promise<ForeignKey[]> {
  if (dialectOf(db) === 'postgres') {
    const r = await sql<ForeignKey>`
      SELECT cl.relname AS "table", att.attname AS "column", ref.relname AS "target"
      FROM pg_constraint con
      JOIN pg_class cl ON cl.oid = con.conrelid
      JOIN pg_namespace ns ON ns.oid = cl.relnamespace
      JOIN pg_class ref ON ref.oid = con.confrelid
      JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
      WHERE con.contype = 'f' AND ns.nspname = current_schema()`.execute(db);
    return r.rows;
  }
  const r = await sql<ForeignKey>`
    SELECT m.name AS "table", f."from" AS "column", f."table" AS "target" FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`.execute(db);
  return r.rows;
}

/** Names that say "credential": such a column must be a secret candidate (the audit chain's hashes are not secrets). */
const CREDENTIAL_NAME = /password|token|secret|totp|otp_|seed|(^|_)hash$/;
const NOT_CREDENTIALS = new Set(['audit_log.hash', 'audit_log.prev_hash']);

describe('classification table', () => {
  it('places every classified table either in PERSON_LINKS or in UNLINKED_TABLES, never both', () => {
    const tables = Object.keys(CLASSIFICATION).sort();
    const placed = [...Object.keys(PERSON_LINKS), ...Object.keys(UNLINKED_TABLES)].sort();
    expect(placed).toEqual(tables);
  });

  it('links only through columns that exist, to parents that are themselves linked', () => {
    const problems: string[] = [];
    for (const [table, links] of Object.entries(PERSON_LINKS)) {
      for (const link of links) {
        if (link.via === 'audit') continue;
        if (!CLASSIFICATION[table]?.[link.column]) problems.push(`${table}.${link.column} does not exist`);
        if (link.via === 'parent') {
          if (!PERSON_LINKS[link.parent]) problems.push(`${table} → ${link.parent}: the parent has no link`);
          if (!CLASSIFICATION[link.parent]?.id) problems.push(`${table} → ${link.parent}: the parent has no id`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('tags credentials as secret candidates, and the known ones are', () => {
    const wrong: string[] = [];
    for (const [table, cols] of Object.entries(CLASSIFICATION)) {
      for (const [column, c] of Object.entries(cols)) {
        if (CREDENTIAL_NAME.test(column) && !NOT_CREDENTIALS.has(`${table}.${column}`) && c !== 'secret_candidate') wrong.push(`${table}.${column}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(CLASSIFICATION.users.password_hash).toBe('secret_candidate');
    expect(CLASSIFICATION.sessions.id).toBe('secret_candidate');
  });

  it('tags the special categories of Nghị định 13/2023 Art. 2.4 as sensitive', () => {
    for (const [table, column] of [
      ['persons', 'ethnicity_code'],
      ['persons', 'religion_code'],
      ['persons', 'citizen_id'],
      ['dues_profiles', 'on_sick_or_maternity_leave'],
      ['dues_profiles', 'base_amount_vnd'],
      ['violation_records', 'form'],
      ['discipline_referrals', 'outcome'],
      ['screening_flags', 'evidence'],
      ['grading_entries', 'decided_level'],
    ] as const) {
      expect(CLASSIFICATION[table][column], `${table}.${column}`).toBe('sensitive');
    }
  });
});

describe.each(ENGINES)('classification against the migrated database on %s', (engine) => {
  let t: TestDatabase;
  let columns: Column[];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    columns = await introspectColumns(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('finds the tables of the migrations', () => {
    const tables = new Set(columns.map((c) => c.table));
    for (const table of ['persons', 'members', 'users', 'audit_log', 'dues_profiles', 'violation_records', 'data_subject_requests']) {
      expect(tables.has(table), table).toBe(true);
    }
  });

  it('has a tag for every column of every table (a new migration without one fails here)', () => {
    const untagged = columns.filter((c) => CLASSIFICATION[c.table]?.[c.column] === undefined).map((c) => `${c.table}.${c.column}`);
    expect(untagged, 'add these columns to server/db/classification.ts').toEqual([]);
  });

  it('has no tag for a column that does not exist', () => {
    const real = new Set(columns.map((c) => `${c.table}.${c.column}`));
    const stale: string[] = [];
    for (const [table, cols] of Object.entries(CLASSIFICATION)) {
      for (const column of Object.keys(cols)) if (!real.has(`${table}.${column}`)) stale.push(`${table}.${column}`);
    }
    expect(stale, 'remove these tags from server/db/classification.ts').toEqual([]);
  });

  it('links every table holding a person_id or member_id to the person through it', () => {
    const missing = columns
      .filter((c) => c.column === 'person_id' || c.column === 'member_id')
      .filter((c) => !(PERSON_LINKS[c.table] ?? []).some((l) => l.via !== 'audit' && l.column === c.column))
      .map((c) => `${c.table}.${c.column}`);
    expect(missing, 'add these to PERSON_LINKS in server/db/classification.ts').toEqual([]);
  });

  it('links every table with a foreign key to a person, a member or a linked record (accounts as actors aside)', async () => {
    const fks = await introspectForeignKeys(t.db);
    // created_by/recorded_by → users names the official who acted, not the subject; sessions link to users explicitly.
    const missing = fks
      .filter((f) => f.target !== 'users' && PERSON_LINKS[f.target] && !PERSON_LINKS[f.table])
      .map((f) => `${f.table}.${f.column} → ${f.target}`);
    expect(fks.length).toBeGreaterThan(50);
    expect(missing, 'add these tables to PERSON_LINKS (or reconsider UNLINKED_TABLES)').toEqual([]);
  });
});
