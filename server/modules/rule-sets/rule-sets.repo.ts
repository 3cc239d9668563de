import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RuleSetVersionsTable } from '../../db/migrations/0013-rule-sets.ts';

// SQL only (architecture principle 3); the same statements on SQLite and PostgreSQL.

type Q = Kysely<Database>;

/** Every stored version, oldest effective date first (the order paramsInForce breaks ties by). */
export function listStoredVersions(db: Q) {
  return db
    .selectFrom('rule_set_versions')
    .select(['id', 'rule_id', 'effective_from', 'params', 'source', 'note', 'created_by', 'created_at'])
    .orderBy('rule_id')
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
}
export type StoredVersionRow = Awaited<ReturnType<typeof listStoredVersions>>[number];

/** Who added each stored version, for the history shown to people. */
export function listCreators(db: Q, userIds: readonly number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...userIds]).execute();
}

export function findVersionOn(db: Q, ruleId: string, effectiveFrom: string) {
  return db.selectFrom('rule_set_versions').select('id').where('rule_id', '=', ruleId).where('effective_from', '=', effectiveFrom).executeTakeFirst();
}

export async function insertVersion(db: Q, row: Insertable<RuleSetVersionsTable>): Promise<number> {
  const r = await db.insertInto('rule_set_versions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
