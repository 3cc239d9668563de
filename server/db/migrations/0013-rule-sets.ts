import type { Generated, Kysely } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// Rule-set versions as data (rules.md: "An administrator can add a new rule-set version (new numbers, new effective
// date) without a code change"; architecture principle 7). The shipped versions stay in code (common/rules/*-rule-sets.ts);
// this table holds the versions administrators add. Append-only: history is never overwritten, a correction is a newer
// version, so every past judgment can be explained by the numbers in force on its event date. Portable types only
// (principle 9): integer ids, dates as 'YYYY-MM-DD' text, instants as UTC ISO text, JSON as text parsed by Zod.

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await addIdColumn(db.schema.createTable('rule_set_versions'), d)
    /** An editable rule id of rules.md (common/rules/rule-set-schemas.ts EDITABLE_RULE_IDS). */
    .addColumn('rule_id', 'text', (c) => c.notNull())
    /** Business date from which the version is in force ('YYYY-MM-DD'). */
    .addColumn('effective_from', 'text', (c) => c.notNull())
    /** JSON of the rule's parameters, checked by its schema when written and when read. */
    .addColumn('params', 'text', (c) => c.notNull())
    /** The legal document (number, date, issuer, article). */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rule_set_versions_rule_date', ['rule_id', 'effective_from'])
    .execute();
  await makeAppendOnly(db, d, 'rule_set_versions');
}

// Row type, wired into server/db/schema.ts's Database.

export interface RuleSetVersionsTable {
  id: Generated<number>;
  rule_id: string;
  effective_from: string;
  params: string;
  source: string;
  note: string | null;
  created_by: number;
  created_at: string;
}
