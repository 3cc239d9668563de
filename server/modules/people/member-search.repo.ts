import { type Expression, expressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { MemberStatus } from '../../../common/contracts/members.contract.ts';
import type { Database } from '../../db/schema.ts';
import { toNumber } from '../../db/dialect.ts';
import {
  isIndexableText,
  memberTermUpperBound,
  memberTextPredicate,
  subtreeIndexPredicate,
  unindexed,
} from '../../db/search-dialect.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern, whereMemberInScope } from '../../policy/scope.ts';
import { type MemberTermKey, memberTermKeysOf } from './member-terms.ts';

// The member list at 1,000,000 members (people module report; tmp/bench): a small access-path planner.
//
// Every filter that has an index is a possible "driver". Each is probed with a count that stops early
// (index only, a few microseconds), and the list is computed from the cheapest:
//   • a small driver (the actor's cell or commune, one rare status, ethnicity or birth band): all its rows are
//     read (index only where possible), filtered, counted exactly and the page is taken in name order;
//   • the search text: the posting lists of member_terms (one per word, word pair and word triple, each kept in
//     name order) are walked in order, so the first page never sorts the match set;
//   • otherwise the covering name-order index of members is walked, filtered, until the page is full.
// Walks stop after `countCap` matches (or the requested page, if deeper): `total` is then a lower bound.
// The SQLite planner is kept on the chosen path by `unindexed` on the other predicates (search-dialect.ts);
// scope is always applied through server/policy/scope.ts.

type Q = Kysely<Database>;

export interface SearchLimits {
  /**
   * Matches counted before `total` becomes "at least" (ten pages of 20). Counting costs one posting or index
   * entry (often a table lookup) per match: at 1,000 a given-name search took 3.3 ms instead of 1.0 ms.
   */
  countCap: number;
  /** A subtree up to this size is read whole from the covering (org_path, status, sort_key, search_text) index. */
  subtreeDriverMax: number;
  /** Other drivers need a table lookup per row, so they are only worth it when smaller. */
  lookupDriverMax: number;
  /** Posting-list probes stop here: beyond it a text is "common" and is walked in name order. */
  termProbeCap: number;
  /** A prefix ('ng', '068') expanding to more distinct terms than this is read as one range instead. */
  maxPrefixTerms: number;
}

/** Chosen with tmp/bench/time-search.ts on 1,000,000 members (see the people module's report). */
export const SEARCH_LIMITS: SearchLimits = {
  countCap: 200,
  subtreeDriverMax: 20_000,
  lookupDriverMax: 3_000,
  termProbeCap: 2_000,
  maxPrefixTerms: 24,
};

export interface MemberSearch {
  actor: Actor;
  /** Path of the organization filter (already checked to lie in the actor's scope), or null. */
  subtreePath: string | null;
  /** Statuses to show, or null for all. */
  statuses: readonly MemberStatus[] | null;
  gender: string | null;
  ethnicityCode: string | null;
  /** Inclusive birth-date bounds from an age band. */
  birthFrom: string | null;
  birthTo: string | null;
  /** normalizeVi(q), or null. */
  text: string | null;
  offset: number;
  limit: number;
}

export interface MemberSearchResult {
  ids: number[];
  total: number;
  totalIsLowerBound: boolean;
}

type DriverKind = 'subtree' | 'status' | 'ethnicity' | 'birth';

interface Plan {
  /** Predicates already enforced by the driver itself, left out of the residual filter. */
  omit: Set<DriverKind | 'text'>;
}

const ref = (c: string) => sql.ref(c);

function needsPersons(s: MemberSearch): boolean {
  return s.gender !== null || s.ethnicityCode !== null || s.birthFrom !== null || s.birthTo !== null;
}

/** The path whose subtree the list covers: the organization filter, else the actor's own subtree. */
function effectiveSubtree(s: MemberSearch): string | null {
  if (s.actor.reach === 'self') return null;
  return s.subtreePath ?? s.actor.orgPath;
}

/** Every filter except those the driver enforces; columns wrapped so the planner keeps the chosen path. */
function residuals(db: Q, s: MemberSearch, plan: Plan): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const eb = expressionBuilder<Database, 'members'>();
  out.push(whereMemberInScope(eb, s.actor, { orgPath: 'm.org_path', personId: 'm.person_id' }) as Expression<SqlBool>);
  if (s.subtreePath && !plan.omit.has('subtree')) out.push(sql<SqlBool>`${ref('m.org_path')} LIKE ${subtreePattern(s.subtreePath)}`);
  if (s.statuses && !plan.omit.has('status')) {
    out.push(sql<SqlBool>`${unindexed(db, 'm.status')} IN (${sql.join(s.statuses)})`);
  }
  if (s.gender) out.push(sql<SqlBool>`${ref('p.gender')} = ${s.gender}`);
  if (s.ethnicityCode && !plan.omit.has('ethnicity')) out.push(sql<SqlBool>`${unindexed(db, 'p.ethnicity_code')} = ${s.ethnicityCode}`);
  if (!plan.omit.has('birth')) {
    if (s.birthFrom) out.push(sql<SqlBool>`${unindexed(db, 'p.birth_date')} >= ${s.birthFrom}`);
    if (s.birthTo) out.push(sql<SqlBool>`${unindexed(db, 'p.birth_date')} <= ${s.birthTo}`);
  }
  if (s.text && !plan.omit.has('text')) out.push(memberTextPredicate(unindexed(db, 'm.search_text'), s.text));
  return out;
}

const and = (parts: Expression<SqlBool>[]) => (parts.length ? sql<SqlBool>`${sql.join(parts, sql` AND `)}` : sql<SqlBool>`1 = 1`);

// ── Drivers over members/persons ─────────────────────────────────────────────────────────────────

interface Driver {
  kind: DriverKind;
  /** FROM clause including `members AS m` (and `persons AS p` when `hasPersons`). */
  source: RawBuilder<unknown>;
  hasPersons: boolean;
  condition: Expression<SqlBool>;
  /** The probe: driver rows, counted up to a bound (index only). */
  probe: (db: Q, cap: number) => Promise<number>;
  max: number;
  /** Relative cost per row read (index only ≈ 1, one table lookup ≈ 10). */
  costPerRow: number;
}

/**
 * Planner statistics: the size of a subtree changes slowly and only steers the choice of access path (never the
 * answer), so a probe result is reused for a number of searches before being measured again.
 */
const SUBTREE_PROBE_REUSE = 500;
const subtreeSizes = new WeakMap<object, Map<string, { n: number; uses: number }>>();

async function subtreeSize(db: Q, path: string, cap: number, probe: () => Promise<number>): Promise<number> {
  let sizes = subtreeSizes.get(db);
  if (!sizes) subtreeSizes.set(db, (sizes = new Map()));
  const key = `${path} ${cap}`;
  const known = sizes.get(key);
  if (known && known.uses++ < SUBTREE_PROBE_REUSE) return known.n;
  const n = await probe();
  if (sizes.size > 10_000) sizes.clear();
  sizes.set(key, { n, uses: 0 });
  return n;
}

async function countUpTo(db: Q, from: RawBuilder<unknown>, where: Expression<SqlBool>, cap: number): Promise<number> {
  const { rows } = await sql<{ c: unknown }>`SELECT count(*) AS c FROM (SELECT 1 AS x FROM ${from} WHERE ${where} LIMIT ${cap}) AS z`.execute(db);
  return toNumber(rows[0]?.c);
}

function candidateDrivers(db: Q, s: MemberSearch, limits: SearchLimits): Driver[] {
  const drivers: Driver[] = [];
  const subtree = effectiveSubtree(s);
  if (subtree) {
    const condition = subtreeIndexPredicate(db, 'm.org_path', subtree);
    drivers.push({
      kind: 'subtree',
      source: sql`members AS m`,
      hasPersons: false,
      condition,
      probe: (q, cap) => subtreeSize(q, subtree, cap, () => countUpTo(q, sql`members AS m`, condition, cap)),
      max: limits.subtreeDriverMax,
      costPerRow: needsPersons(s) ? 10 : 1,
    });
  }
  if (s.statuses?.length === 1) {
    const condition = sql<SqlBool>`${ref('m.status')} = ${s.statuses[0]}`;
    drivers.push({
      kind: 'status',
      source: sql`members AS m`,
      hasPersons: false,
      condition,
      probe: (q, cap) => countUpTo(q, sql`members AS m`, condition, cap),
      max: limits.lookupDriverMax,
      costPerRow: 10,
    });
  }
  const viaPersons = (kind: DriverKind, onPersons: Expression<SqlBool>): Driver => ({
    kind,
    source: sql`persons AS p CROSS JOIN members AS m`,
    hasPersons: true,
    condition: sql<SqlBool>`${onPersons} AND ${ref('m.person_id')} = ${ref('p.id')}`,
    probe: (q, cap) => countUpTo(q, sql`persons AS p`, onPersons, cap),
    max: limits.lookupDriverMax,
    costPerRow: 10,
  });
  if (s.ethnicityCode) drivers.push(viaPersons('ethnicity', sql<SqlBool>`${ref('p.ethnicity_code')} = ${s.ethnicityCode}`));
  if (s.birthFrom || s.birthTo) {
    const parts: Expression<SqlBool>[] = [];
    if (s.birthFrom) parts.push(sql<SqlBool>`${ref('p.birth_date')} >= ${s.birthFrom}`);
    if (s.birthTo) parts.push(sql<SqlBool>`${ref('p.birth_date')} <= ${s.birthTo}`);
    drivers.push(viaPersons('birth', and(parts)));
  }
  return drivers;
}

function fromWithPersons(s: MemberSearch, source: RawBuilder<unknown>, hasPersons: boolean): { from: RawBuilder<unknown>; join: Expression<SqlBool>[] } {
  if (hasPersons || !needsPersons(s)) return { from: source, join: [] };
  // CROSS JOIN keeps members as the outer loop on SQLite; PostgreSQL treats it as an ordinary join.
  return { from: sql`${source} CROSS JOIN persons AS p`, join: [sql<SqlBool>`${ref('p.id')} = ${ref('m.person_id')}`] };
}

/** A small driver: exact count, and the page sorted in name order (by a bounded sort, not an index walk). */
async function listByDriver(db: Q, s: MemberSearch, d: Driver): Promise<MemberSearchResult> {
  const { from, join } = fromWithPersons(s, d.source, d.hasPersons);
  const where = and([d.condition, ...join, ...residuals(db, s, { omit: new Set([d.kind]) })]);
  const [page, count] = await Promise.all([
    sql<{ id: number }>`SELECT ${ref('m.id')} AS id FROM ${from} WHERE ${where}
      ORDER BY ${unindexed(db, 'm.sort_key')}, ${ref('m.id')} LIMIT ${s.limit} OFFSET ${s.offset}`.execute(db),
    sql<{ c: unknown }>`SELECT count(*) AS c FROM ${from} WHERE ${where}`.execute(db),
  ]);
  return { ids: page.rows.map((r) => r.id), total: toNumber(count.rows[0]?.c), totalIsLowerBound: false };
}

/**
 * Rows in (sort_key, id) order, at most `n`: from the covering name-order index of members, or, for one
 * status, from (status, sort_key, id, org_path), which is in name order within the status.
 */
async function walkMembers(db: Q, s: MemberSearch, n: number): Promise<SortedRow[]> {
  const { from, join } = fromWithPersons(s, sql`members AS m`, false);
  const oneStatus = s.statuses?.length === 1 ? [sql<SqlBool>`${ref('m.status')} = ${s.statuses[0]}`] : [];
  const where = and([...oneStatus, ...join, ...residuals(db, s, { omit: new Set(oneStatus.length ? ['status'] : []) })]);
  const { rows } = await sql<SortedRow>`SELECT ${ref('m.id')} AS id, ${ref('m.sort_key')} AS sort_key FROM ${from} WHERE ${where}
    ORDER BY ${ref('m.sort_key')}, ${ref('m.id')} LIMIT ${n}`.execute(db);
  return rows;
}

interface SortedRow {
  id: number;
  sort_key: string;
}

// ── Text through member_terms ────────────────────────────────────────────────────────────────────

async function probeTerm(db: Q, key: MemberTermKey, cap: number): Promise<number> {
  const cond = key.isPrefix
    ? sql<SqlBool>`term >= ${key.term} AND term < ${memberTermUpperBound(key.term)}`
    : sql<SqlBool>`term = ${key.term}`;
  return countUpTo(db, sql`member_terms`, cond, cap);
}

/** Distinct terms starting with a prefix, by index seeks (a loose index scan), at most `max + 1`. */
async function expandPrefix(db: Q, prefix: string, max: number): Promise<string[]> {
  const upper = memberTermUpperBound(prefix);
  const { rows } = await sql<{ term: string }>`WITH RECURSIVE x(term) AS (
      SELECT (SELECT min(term) FROM member_terms WHERE term >= ${prefix} AND term < ${upper})
      UNION ALL
      SELECT (SELECT min(term) FROM member_terms WHERE term > x.term AND term < ${upper}) FROM x WHERE x.term IS NOT NULL
    ) SELECT term FROM x WHERE term IS NOT NULL LIMIT ${max + 1}`.execute(db);
  return rows.map((r) => r.term);
}

function termSource(s: MemberSearch): { from: RawBuilder<unknown>; join: Expression<SqlBool>[] } {
  const base = sql`member_terms AS t CROSS JOIN members AS m`;
  const join = [sql<SqlBool>`${ref('m.id')} = ${ref('t.member_id')}`];
  if (!needsPersons(s)) return { from: base, join };
  return { from: sql`${base} CROSS JOIN persons AS p`, join: [...join, sql<SqlBool>`${ref('p.id')} = ${ref('m.person_id')}`] };
}

/** The first `n` matches in name order, merging the (already ordered) posting lists of the terms. */
async function walkTerms(db: Q, s: MemberSearch, terms: string[], coversQuery: boolean, n: number): Promise<SortedRow[]> {
  const { from, join } = termSource(s);
  const where = (term: string) => and([sql<SqlBool>`${ref('t.term')} = ${term}`, ...join, ...residuals(db, s, { omit: new Set(coversQuery ? ['text'] : []) })]);
  const walk = (term: string) =>
    sql`SELECT ${ref('t.sort_key')} AS sort_key, ${ref('t.member_id')} AS id FROM ${from} WHERE ${where(term)}
      ORDER BY ${ref('t.sort_key')}, ${ref('t.member_id')} LIMIT ${n}`;
  if (terms.length === 1) return (await sql<SortedRow>`${walk(terms[0])}`.execute(db)).rows;
  // A member may appear under several terms of a prefix ('thu', 'thuy'): DISTINCT. Each list's first n
  // contains every member of the merged first n, so merging the truncated lists is exact.
  const union = sql.join(
    terms.map((t) => sql`SELECT * FROM (${walk(t)}) AS w`),
    sql` UNION ALL `,
  );
  const { rows } = await sql<SortedRow>`SELECT DISTINCT sort_key, id FROM (${union}) AS u ORDER BY sort_key, id LIMIT ${n}`.execute(db);
  return rows;
}

/** All matches (up to `max + 1`) of a term range, unordered: for prefixes with very many terms. */
async function collectTermRange(db: Q, s: MemberSearch, prefix: string, coversQuery: boolean, max: number): Promise<SortedRow[]> {
  const { from, join } = termSource(s);
  const where = and([
    sql<SqlBool>`${ref('t.term')} >= ${prefix} AND ${ref('t.term')} < ${memberTermUpperBound(prefix)}`,
    ...join,
    ...residuals(db, s, { omit: new Set(coversQuery ? ['text'] : []) }),
  ]);
  const { rows } = await sql<SortedRow>`SELECT DISTINCT ${ref('m.id')} AS id, ${ref('m.sort_key')} AS sort_key FROM ${from} WHERE ${where} LIMIT ${max + 1}`.execute(db);
  return rows;
}

const bySortKey = (a: SortedRow, b: SortedRow) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id - b.id);

function pageOf(rows: SortedRow[], s: MemberSearch, fetched: number): MemberSearchResult {
  return {
    ids: rows.slice(s.offset, s.offset + s.limit).map((r) => r.id),
    total: rows.length,
    totalIsLowerBound: rows.length >= fetched,
  };
}

// ── The planner ──────────────────────────────────────────────────────────────────────────────────

export async function searchMemberIds(db: Q, s: MemberSearch, limits: SearchLimits = SEARCH_LIMITS): Promise<MemberSearchResult> {
  // How many matches to find: enough for the requested page, and at least countCap for the total.
  const wanted = Math.max(limits.countCap, s.offset + s.limit) + 1;

  if (s.actor.reach === 'self') {
    // Scope is one person: the scope predicate (person_id, unique) is the driver.
    const d: Driver = {
      kind: 'subtree',
      source: sql`members AS m`,
      hasPersons: false,
      condition: sql<SqlBool>`1 = 1`,
      probe: async () => 1,
      max: 1,
      costPerRow: 1,
    };
    return listByDriver(db, s, d);
  }

  const text = s.text && isIndexableText(s.text) ? s.text : null;
  const keys = text ? memberTermKeysOf(text) : [];
  const [driverCounts, termCounts] = await Promise.all([
    Promise.all(candidateDrivers(db, s, limits).map(async (d) => ({ d, n: await d.probe(db, d.max + 1) }))),
    Promise.all(keys.map(async (k) => ({ k, n: await probeTerm(db, k, limits.termProbeCap) }))),
  ]);
  // A term every match must contain has no postings: nothing matches.
  if (termCounts.some((t) => t.n === 0)) return { ids: [], total: 0, totalIsLowerBound: false };

  const smallDrivers = driverCounts.filter(({ d, n }) => n <= d.max).sort((a, b) => a.n * a.d.costPerRow - b.n * b.d.costPerRow);
  const bestTerm = termCounts.sort((a, b) => a.n - b.n || Number(b.k.coversQuery) - Number(a.k.coversQuery))[0];
  const best = smallDrivers[0];
  // A posting costs about one table lookup (10); prefer the text when its lists are shorter than the driver's work.
  if (best && (!bestTerm || best.n * best.d.costPerRow <= bestTerm.n * 10)) return listByDriver(db, s, best.d);

  if (bestTerm) {
    const { k } = bestTerm;
    const terms = k.isPrefix ? await expandPrefix(db, k.term, limits.maxPrefixTerms) : [k.term];
    if (terms.length <= limits.maxPrefixTerms) {
      return pageOf(await walkTerms(db, s, terms, k.coversQuery, wanted), s, wanted);
    }
    // A short prefix with very many terms ('0', 'ng'): read its matches if they are few, else they are
    // frequent enough for the name-order walk below to find a page quickly.
    const rows = await collectTermRange(db, s, k.term, k.coversQuery, limits.lookupDriverMax);
    if (rows.length <= limits.lookupDriverMax) return pageOf(rows.sort(bySortKey), s, Number.POSITIVE_INFINITY);
  }
  return pageOf(await walkMembers(db, s, wanted), s, wanted);
}
