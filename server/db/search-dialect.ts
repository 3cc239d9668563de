import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { dialectOf } from './dialect.ts';

// Member search, engine by engine (architecture principle 9: dialect branches live in server/db only).
// Repos call these functions and never branch on the engine themselves.
//
// The search box matches the normalized query at the START OF A WORD of members.search_text
// ('nguyen van an' finds 'nguyen van an' and 'nguyen van anh', never 'tran van thanh'); the exact test is the
// portable LIKE pair of `memberTextPredicate`.
//
// To find matches fast and already in Vietnamese name order, `member_terms` holds one posting per member and
// term, keyed (term, sort_key, member_id), so the postings of a term come out of the primary key in list order:
//   • every word of search_text ('nguyen', 'van', 'an', the citizen id, the card number);
//   • every pair and triple of adjacent words that are not all digits, marked by one and two leading spaces
//     (' nguyen van', '  nguyen van an'), so that a word prefix range never reaches them.
// The derivation is the same here (triggers: rows inserted by any module, importer or test factory are
// indexed too) and in server/modules/people/member-terms.ts (queries). Terms and keys compare bytewise
// (SQLite BINARY, PostgreSQL COLLATE "C").

/** Indexes and search structures for member lists (migration 0002). */
export async function createMemberSearchStructures(db: Kysely<any>): Promise<void> {
  // One status ('expelled', 'struck_off' …) listed in name order straight from the index, scope tested inside it.
  await db.schema.createIndex('members_status_sort').on('members').columns(['status', 'sort_key', 'id', 'org_path']).execute();
  await db.schema.createIndex('persons_ethnicity').on('persons').column('ethnicity_code').execute();
  await db.schema.createIndex('persons_birth_date').on('persons').column('birth_date').execute();
  if (dialectOf(db) === 'postgres') return createPostgres(db);
  return createSqlite(db);
}

async function createSqlite(db: Kysely<any>): Promise<void> {
  // The name-order walk tests status and scope inside the index, without table lookups, so the first page of
  // a broad list never sorts the match set. It supersedes members_sort (sort_key, id) of 0001.
  await db.schema.dropIndex('members_sort').ifExists().execute();
  await db.schema.createIndex('members_sort_cover').on('members').columns(['sort_key', 'id', 'status', 'org_path']).execute();
  // A subtree (a cell, a commune) is read whole from this index, text test included, without table lookups.
  await db.schema.createIndex('members_path_cover').on('members').columns(['org_path', 'status', 'sort_key', 'search_text']).execute();

  await sql`CREATE TABLE member_terms (
      term TEXT NOT NULL,
      sort_key TEXT NOT NULL,
      member_id INTEGER NOT NULL,
      PRIMARY KEY (term, sort_key, member_id)
    ) WITHOUT ROWID`.execute(db);

  // The words of a search_text as rows (key = position): json_quote escapes whatever the text holds.
  const words = (col: string) => `json_each('[' || replace(json_quote(${col}), ' ', '","') || ']')`;
  const notDigits = (alias: string) => `${alias}.value GLOB '*[^0-9]*'`;
  const termSelects = (col: string, extra: string) => [
    `SELECT a.value${extra} FROM ${words(col)} AS a WHERE a.value <> ''`,
    `SELECT ' ' || a.value || ' ' || b.value${extra} FROM ${words(col)} AS a JOIN ${words(col)} AS b ON b.key = a.key + 1
       WHERE ${notDigits('a')} AND ${notDigits('b')}`,
    `SELECT '  ' || a.value || ' ' || b.value || ' ' || c.value${extra} FROM ${words(col)} AS a
       JOIN ${words(col)} AS b ON b.key = a.key + 1 JOIN ${words(col)} AS c ON c.key = b.key + 1
       WHERE ${notDigits('a')} AND ${notDigits('b')} AND ${notDigits('c')}`,
  ];
  const insertFor = (row: 'new' | 'm', from: string) =>
    termSelects(`${row}.search_text`, `, ${row}.sort_key, ${row}.id`).map(
      (select) => `INSERT OR IGNORE INTO member_terms (term, sort_key, member_id) ${select.replace(' FROM ', ` FROM ${from}`)}`,
    );
  const deleteOld = `DELETE FROM member_terms WHERE member_id = old.id AND sort_key = old.sort_key
      AND term IN (${termSelects('old.search_text', '').join(' UNION ')})`;

  for (const statement of insertFor('m', 'members AS m, ')) await sql.raw(statement).execute(db);
  await sql.raw(`CREATE TRIGGER members_terms_insert AFTER INSERT ON members BEGIN ${insertFor('new', '').join('; ')}; END`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER members_terms_update AFTER UPDATE OF search_text, sort_key ON members
         WHEN old.search_text IS NOT new.search_text OR old.sort_key IS NOT new.sort_key
       BEGIN ${deleteOld}; ${insertFor('new', '').join('; ')}; END`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER members_terms_delete AFTER DELETE ON members BEGIN ${deleteOld}; END`).execute(db);
}

async function createPostgres(db: Kysely<any>): Promise<void> {
  // LIKE 'prefix%' on a materialized path uses a btree only with pattern ops under a non-C collation.
  await sql`CREATE INDEX members_org_path_pattern ON members (org_path text_pattern_ops)`.execute(db);
  await sql`CREATE TABLE member_terms (
      term text COLLATE "C" NOT NULL,
      sort_key text COLLATE "C" NOT NULL,
      member_id integer NOT NULL,
      PRIMARY KEY (term, sort_key, member_id)
    )`.execute(db);
  await sql`CREATE INDEX member_terms_member ON member_terms (member_id)`.execute(db);
  await sql`CREATE FUNCTION dv_member_terms_of(st text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
      WITH w AS (SELECT x.w, x.i FROM unnest(string_to_array(st, ' ')) WITH ORDINALITY AS x(w, i) WHERE x.w <> '')
      SELECT w FROM w
      UNION SELECT ' ' || a.w || ' ' || b.w FROM w a JOIN w b ON b.i = a.i + 1 WHERE a.w ~ '[^0-9]' AND b.w ~ '[^0-9]'
      UNION SELECT '  ' || a.w || ' ' || b.w || ' ' || c.w FROM w a JOIN w b ON b.i = a.i + 1 JOIN w c ON c.i = b.i + 1
        WHERE a.w ~ '[^0-9]' AND b.w ~ '[^0-9]' AND c.w ~ '[^0-9]'
    $$`.execute(db);
  await sql`CREATE FUNCTION dv_member_terms_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN DELETE FROM member_terms WHERE member_id = OLD.id; END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO member_terms (term, sort_key, member_id)
          SELECT t, NEW.sort_key, NEW.id FROM dv_member_terms_of(NEW.search_text) AS t ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`INSERT INTO member_terms (term, sort_key, member_id)
      SELECT DISTINCT t.t, m.sort_key, m.id FROM members m CROSS JOIN LATERAL dv_member_terms_of(m.search_text) AS t(t)`.execute(db);
  await sql`CREATE TRIGGER members_terms_insert_delete AFTER INSERT OR DELETE ON members
      FOR EACH ROW EXECUTE FUNCTION dv_member_terms_sync()`.execute(db);
  await sql`CREATE TRIGGER members_terms_update AFTER UPDATE OF search_text, sort_key ON members FOR EACH ROW
      WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.sort_key IS DISTINCT FROM NEW.sort_key)
      EXECUTE FUNCTION dv_member_terms_sync()`.execute(db);
}

/** The smallest string above every term that starts with `prefix` (terms compare bytewise). */
export function memberTermUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/**
 * A column reference the SQLite planner will not use an index for (the documented unary `+`), so that a
 * query runs on the access path the search planner chose; PostgreSQL plans by statistics and gets the
 * plain column.
 */
export function unindexed(db: Kysely<any>, column: string): RawBuilder<unknown> {
  return dialectOf(db) === 'sqlite' ? sql`+${sql.ref(column)}` : sql`${sql.ref(column)}`;
}

/**
 * An index-usable form of "path lies in the subtree of `subtreePath`" (paths look like '/1/7/42/').
 * SQLite's LIKE is case-insensitive and cannot use a BINARY index, so it gets the equivalent range
 * [ '/1/7/', '/1/70' ) ('/' + 1 = '0'); PostgreSQL gets LIKE, served by the text_pattern_ops index
 * (a range would be wrong under a linguistic collation that ignores '/').
 * It narrows a query; scope itself is always applied by server/policy/scope.ts as well.
 */
export function subtreeIndexPredicate(db: Kysely<any>, column: string, subtreePath: string): Expression<SqlBool> {
  if (!/^\/(\d+\/)*$/.test(subtreePath)) throw new Error('not a materialized path');
  if (dialectOf(db) === 'postgres') return sql<SqlBool>`${sql.ref(column)} LIKE ${`${subtreePath}%`}`;
  const upper = `${subtreePath.slice(0, -1)}0`;
  return sql<SqlBool>`(${sql.ref(column)} >= ${subtreePath} AND ${sql.ref(column)} < ${upper})`;
}

/** LIKE metacharacters in user text are matched literally (ESCAPE '\'). */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Exact, portable test: the normalized text starts a word of the column (start of the value or after a space). */
export function memberTextPredicate(column: Expression<unknown>, normalizedText: string): Expression<SqlBool> {
  const t = escapeLike(normalizedText);
  return sql<SqlBool>`(${column} LIKE ${`${t}%`} ESCAPE '\\' OR ${column} LIKE ${`% ${t}%`} ESCAPE '\\')`;
}

/** Whether the text has something the term index can look up (a letter or digit). */
export function isIndexableText(normalizedText: string): boolean {
  return /[\p{L}\p{N}]/u.test(normalizedText);
}
