import type { Kysely } from 'kysely';
import type { AddRuleSetVersionBody, RuleSetsResponse, RuleSetVersionView, RuleSetView } from '../../../common/contracts/rule-sets.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { GRADING_RULE_SETS } from '../../../common/rules/grading-rule-sets.ts';
import { isIsoDate, todayInVietnam, type IsoDate } from '../../../common/rules/iso-date.ts';
import type { RuleSetVersion } from '../../../common/rules/rule-check.ts';
import {
  confidenceOfSource,
  EDITABLE_RULE_IDS,
  isEditableRuleId,
  parseRuleSetParams,
  RULE_SET_TITLES,
  type EditableRuleId,
} from '../../../common/rules/rule-set-schemas.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as repo from './rule-sets.repo.ts';

// Rule-set versions as data (rules.md line 3; architecture principle 7): the shipped versions live in code
// (common/rules/*-rule-sets.ts), administrators add versions in rule_set_versions, and every rule reads both through
// `ruleSetsWithData`, so a record is judged by the version in force on its event date whichever way it came.

type Q = Kysely<Database>;
type Ctx = RequestContext & { actor: Actor };

/** The shipped versions of the editable rules (the grading, screening and removal family). */
const SHIPPED: readonly RuleSetVersion[] = GRADING_RULE_SETS;

interface StoredVersion extends RuleSetVersion {
  id: number;
  note: string | null;
  createdBy: number;
  createdAt: string;
}

// ---------------------------------------------------------------- stored versions, parsed and cached

/**
 * Other server processes on the same PostgreSQL database learn of a new version only when their copy expires: at most
 * this long after an administrator adds one. A version takes effect on a date not before the day it is added, and
 * usually later, so the delay matters only for a version effective the same day.
 */
const CACHE_TTL_MS = 60_000;

interface Entry {
  versions: Promise<StoredVersion[]>;
  loadedAt: number;
}

/**
 * Keyed by the Kysely adapter, which a database handle shares with every transaction opened on it (as
 * working-calendar.ts does), so `ruleSetsWithData(trx, …)` hits the same copy as `ruleSetsWithData(db, …)`, while each
 * test database has its own.
 */
const cache = new WeakMap<object, Entry>();
const keyOf = (db: Q): object => db.getExecutor().adapter;

/** A stored row the code cannot use (unknown rule, bad date, params failing the schema) is skipped and logged. */
function skip(row: repo.StoredVersionRow, why: string): null {
  process.emitWarning(`rule_set_versions row ${row.id} (${row.rule_id} from ${row.effective_from}) is skipped: ${why}`, { code: 'DV_RULE_SET_SKIPPED' });
  return null;
}

function storedVersionOf(row: repo.StoredVersionRow): StoredVersion | null {
  if (!isEditableRuleId(row.rule_id)) return skip(row, 'not an editable rule');
  if (!isIsoDate(row.effective_from)) return skip(row, 'effective_from is not a date');
  let json: unknown;
  try {
    json = JSON.parse(row.params);
  } catch {
    return skip(row, 'params is not JSON');
  }
  const parsed = parseRuleSetParams(row.rule_id, json);
  if (!parsed.ok) return skip(row, `params fail the schema (${parsed.issues.map((i) => `${i.path} ${i.code}`).join('; ')})`);
  return {
    id: row.id,
    ruleId: row.rule_id,
    effectiveFrom: row.effective_from,
    params: parsed.params,
    source: row.source,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

async function readStoredVersions(db: Q): Promise<StoredVersion[]> {
  const rows = await repo.listStoredVersions(db);
  return rows.map(storedVersionOf).filter((v): v is StoredVersion => v !== null);
}

function loadStoredVersions(db: Q): Promise<StoredVersion[]> {
  const key = keyOf(db);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.loadedAt < CACHE_TTL_MS) return hit.versions;
  const entry: Entry = { versions: readStoredVersions(db), loadedAt: Date.now() };
  cache.set(key, entry);
  entry.versions.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return entry.versions;
}

/** Drops the copy in memory (after a change); the next read goes to the database. */
export function invalidateRuleSets(db: Q): void {
  cache.delete(keyOf(db));
}

/**
 * The shipped versions plus the versions administrators stored for the same rule ids, for `paramsInForce`: a stored
 * version with a later effectiveFrom wins from that date (on an equal date the stored one, listed after, wins).
 * Pass `db` or a transaction. Stored params are copied for each caller, so no caller can change another's numbers.
 */
export async function ruleSetsWithData<P = Record<string, unknown>>(db: Q, shipped: readonly RuleSetVersion<P>[]): Promise<RuleSetVersion<P>[]> {
  const ruleIds = new Set(shipped.map((v) => v.ruleId));
  const stored = (await loadStoredVersions(db)).filter((v) => ruleIds.has(v.ruleId));
  return [
    ...shipped,
    ...stored.map((v) => ({ ruleId: v.ruleId, effectiveFrom: v.effectiveFrom, params: structuredClone(v.params) as P, source: v.source })),
  ];
}

// ---------------------------------------------------------------- reads

interface VersionEntry {
  version: RuleSetVersion;
  stored: StoredVersion | null;
}

/** The index of the version in force on `date`, chosen exactly as paramsInForce chooses (ties: the later listed). */
function inForceIndex(entries: readonly VersionEntry[], date: IsoDate): number {
  let best = -1;
  entries.forEach((e, i) => {
    if (e.version.effectiveFrom <= date && (best < 0 || e.version.effectiveFrom >= entries[best].version.effectiveFrom)) best = i;
  });
  return best;
}

function viewOf(ruleId: EditableRuleId, stored: readonly StoredVersion[], names: ReadonlyMap<number, string>, today: IsoDate): RuleSetView {
  const shipped = SHIPPED.filter((v) => v.ruleId === ruleId);
  const entries: VersionEntry[] = [
    ...shipped.map((version) => ({ version, stored: null })),
    ...stored.filter((v) => v.ruleId === ruleId).map((v) => ({ version: v, stored: v })),
  ];
  const current = inForceIndex(entries, today);
  const versions = entries.map(
    ({ version, stored: s }, i): RuleSetVersionView & { order: number } => ({
      id: s?.id ?? null,
      shipped: s === null,
      effectiveFrom: version.effectiveFrom,
      params: version.params,
      source: version.source,
      note: s?.note ?? null,
      confidence: confidenceOfSource(version.source),
      createdBy: s ? { id: s.createdBy, displayName: names.get(s.createdBy) ?? String(s.createdBy) } : null,
      createdAt: s?.createdAt ?? null,
      inForce: i === current,
      order: i,
    }),
  );
  // The latest effective date first; on one date the version that wins (listed later) first.
  versions.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.order - a.order : a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const lastShipped = shipped.at(-1);
  const reference = current >= 0 ? entries[current].version : lastShipped;
  return {
    ruleId,
    title: RULE_SET_TITLES[ruleId],
    shippedSource: lastShipped?.source ?? '',
    confidence: reference ? confidenceOfSource(reference.source) : 'U',
    inForceFrom: current >= 0 ? entries[current].version.effectiveFrom : null,
    versions: versions.map(({ order: _order, ...v }) => v),
  };
}

async function readViews(db: Q, ctx: Pick<RequestContext, 'now'>, ruleIds: readonly EditableRuleId[]): Promise<RuleSetView[]> {
  // Read from the table, not the cache: the page shows exactly what is stored now.
  const stored = await readStoredVersions(db);
  const creators = await repo.listCreators(db, [...new Set(stored.map((v) => v.createdBy))]);
  const names = new Map(creators.map((u) => [u.id, u.display_name]));
  const today = todayInVietnam(ctx.now);
  return ruleIds.map((id) => viewOf(id, stored, names, today));
}

/** Every editable rule: its versions (shipped and stored), the one in force today, and how sure its numbers are. */
export async function listRuleSets(db: Q, ctx: Pick<RequestContext, 'now'>): Promise<RuleSetsResponse> {
  return { today: todayInVietnam(ctx.now), rules: await readViews(db, ctx, EDITABLE_RULE_IDS) };
}

// ---------------------------------------------------------------- changes

/**
 * Adds a version of an editable rule: params checked by the rule's schema, an effective date not before today (a rule
 * change never rewrites past judgments) and not one the rule already has a version on (409). The row and its audit row
 * are written in one transaction; the cached versions are dropped.
 */
export async function addRuleSetVersion(db: Q, ctx: Ctx, input: AddRuleSetVersionBody): Promise<RuleSetView> {
  const { ruleId, effectiveFrom } = input;
  const today = todayInVietnam(ctx.now);
  const issues: FieldIssue[] = [];
  const parsed = parseRuleSetParams(ruleId, input.params);
  if (!parsed.ok) issues.push(...parsed.issues);
  if (effectiveFrom < today) issues.push({ path: 'effectiveFrom', code: 'effective_in_past', params: { ruleId, today } });
  if (!parsed.ok || issues.length) throw new DomainError('VALIDATION', { ruleId }, issues);

  const taken = () =>
    new DomainError('CONFLICT', { ruleId, effectiveFrom }, [{ path: 'effectiveFrom', code: 'effective_date_exists', params: { ruleId, date: effectiveFrom } }]);
  if (SHIPPED.some((v) => v.ruleId === ruleId && v.effectiveFrom === effectiveFrom)) throw taken();

  try {
    await db.transaction().execute(async (trx) => {
      if (await repo.findVersionOn(trx, ruleId, effectiveFrom)) throw taken();
      const id = await repo.insertVersion(trx, {
        rule_id: ruleId,
        effective_from: effectiveFrom,
        params: JSON.stringify(parsed.params),
        source: input.source,
        note: input.note,
        created_by: ctx.actor.userId,
        created_at: ctx.now.toISOString(),
      });
      await appendAudit(trx, ctx, {
        action: 'rule_sets.add_version',
        objectType: 'rule_set_version',
        objectId: id,
        changedFields: ['ruleId', 'effectiveFrom', 'params', 'source', 'note'],
      });
    });
  } catch (err) {
    // Two administrators adding the same date at once: the unique constraint answers for the second.
    if (!(err instanceof DomainError) && isUniqueViolation(err)) throw taken();
    throw err;
  } finally {
    // Also after a failure: a cached copy must never outlive a change that may have committed.
    invalidateRuleSets(db);
  }
  const [view] = await readViews(db, ctx, [ruleId]);
  return view;
}
