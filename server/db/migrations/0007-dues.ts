import { type Generated, type Kysely, sql } from 'kysely';
import { REGIONAL_MINIMUM_WAGES } from '../../../common/rules/dues-rule-sets.ts';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// Party dues (issue 4, item 2; rules.md R-DUE, R-DUE-01). The monthly amount is never stored as truth: it is computed
// from the member's dues profile in force on the month's 1st day and the rule set in force that day (common/rules/dues.ts).
// Portable types only (architecture principle 9): integer ids, dates 'YYYY-MM-DD' and months 'YYYY-MM' as text,
// instants as UTC ISO text, money as integer VND, booleans 0/1.

const SEEDED_AT = '2026-01-01T00:00:00.000Z';

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  // The regional minimum monthly wage (Nghị định 293/2025/NĐ-CP and its predecessors): effective-dated, one row per
  // decree, extended by an administrator when a new decree raises it. Rows are never edited: a correction is a new row.
  await addIdColumn(db.schema.createTable('regional_minimum_wages'), d)
    .addColumn('effective_from', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('region_i_vnd', 'integer', (c) => c.notNull())
    .addColumn('region_ii_vnd', 'integer', (c) => c.notNull())
    .addColumn('region_iii_vnd', 'integer', (c) => c.notNull())
    .addColumn('region_iv_vnd', 'integer', (c) => c.notNull())
    /** null for the rows shipped with the migration. */
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, d, 'regional_minimum_wages');
  for (const w of REGIONAL_MINIMUM_WAGES) {
    await db
      .insertInto('regional_minimum_wages')
      .values({
        effective_from: w.effectiveFrom,
        source: w.source,
        region_i_vnd: w.monthlyVnd.I,
        region_ii_vnd: w.monthlyVnd.II,
        region_iii_vnd: w.monthlyVnd.III,
        region_iv_vnd: w.monthlyVnd.IV,
        created_by: null,
        created_at: SEEDED_AT,
      })
      .execute();
  }

  // The facts a member's dues are computed from, effective-dated (valid_from <= d < valid_to; valid_from is a month's
  // 1st day). A change closes the open version (valid_to = the new version's valid_from) and inserts a new one, so the
  // history stays; a version closed on its own start day was superseded before it ever applied.
  await addIdColumn(db.schema.createTable('dues_profiles'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** DUES_GROUPS of common/rules/dues-rule-sets.ts. */
    .addColumn('dues_group', 'text', (c) => c.notNull())
    /** VND a month: the insured salary (or the sick/maternity benefit), the pension, or the 342 salary income. */
    .addColumn('base_amount_vnd', 'integer')
    /** I | II | III | IV: the region of the minimum wage (01-QĐ/TW groups without insurance or pension). */
    .addColumn('region', 'text')
    .addColumn('on_sick_or_maternity_leave', 'integer', (c) => c.notNull().defaultTo(0))
    /** QĐ 342 band groups: the sum the organization set within 2,000–30,000 VND. */
    .addColumn('band_amount_vnd', 'integer')
    /** QĐ 342: past working age pays half of the band sum. */
    .addColumn('past_working_age', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('dues_profiles_member').on('dues_profiles').columns(['member_id', 'valid_from']).execute();
  // At most one open version per member (the compare-and-set of a change relies on it).
  await db.schema
    .createIndex('dues_profiles_one_open')
    .on('dues_profiles')
    .column('member_id')
    .unique()
    .where(sql<boolean>`valid_to is null`)
    .execute();

  // Exemptions decided on the member's application (01-QĐ/TW: social pension allowance, poor or near-poor household,
  // serious illness; QĐ 342: hardship). Exemption by 50 years of party age is computed, never recorded here.
  await addIdColumn(db.schema.createTable('dues_exemptions'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('from_month', 'text', (c) => c.notNull())
    /** Last exempt month, inclusive; null = until revoked. */
    .addColumn('to_month', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dues_exemptions_member').on('dues_exemptions').columns(['member_id', 'from_month']).execute();

  // Reductions of 30, 50 or 70 % (01-QĐ/TW), at most 12 months per decision, months inclusive.
  await addIdColumn(db.schema.createTable('dues_reductions'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('to_month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dues_reductions_member').on('dues_reductions').columns(['member_id', 'from_month']).execute();

  // One submission of the collection screen (or one reversal): who recorded it and when, and the client's idempotency
  // key so that a repeated submit has one effect (security.md item 21).
  await addIdColumn(db.schema.createTable('dues_payment_batches'), d)
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    /** collection | reversal */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, d, 'dues_payment_batches');

  // What a member paid for a month. Append-only: advance and late payments are rows whose for_month differs from the
  // month of paid_on; a mistaken row is cancelled by a reversal row (negative amount, reverses_payment_id), never edited.
  await addIdColumn(db.schema.createTable('dues_payments'), d)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('dues_payment_batches.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** The organization that collected it (the member's cell when recorded): what its remittances reconcile with. */
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('for_month', 'text', (c) => c.notNull())
    .addColumn('amount_vnd', 'integer', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    /** cash_to_cell | online */
    .addColumn('method', 'text', (c) => c.notNull())
    /** The online payment's reference (required for online), or a receipt number. */
    .addColumn('reference', 'text')
    /** The amount computed for the month when the payment was recorded: kept for audit, never read as truth. */
    .addColumn('expected_vnd', 'integer')
    .addColumn('reverses_payment_id', 'integer', (c) => c.references('dues_payments.id'))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('dues_payments_member_month').on('dues_payments').columns(['member_id', 'for_month']).execute();
  await db.schema.createIndex('dues_payments_org_paid').on('dues_payments').columns(['organization_id', 'paid_on']).execute();
  await db.schema.createIndex('dues_payments_batch').on('dues_payments').column('batch_id').execute();
  // A payment is reversed at most once.
  await db.schema
    .createIndex('dues_payments_one_reversal')
    .on('dues_payments')
    .column('reverses_payment_id')
    .unique()
    .where(sql<boolean>`reverses_payment_id is not null`)
    .execute();
  await makeAppendOnly(db, d, 'dues_payments');

  // R-DUE-01: a month the cell accepted a good reason for not paying; such a month does not count toward name removal.
  await addIdColumn(db.schema.createTable('dues_good_reasons'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    /** Who accepted it, as minuted: e.g. 'Chi bộ họp ngày 05/03/2026'. */
    .addColumn('accepted_by', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dues_good_reasons_member_month', ['member_id', 'month'])
    .execute();

  // Dues a cell hands to the organization above for a month, and the receipt the organization above confirms.
  await addIdColumn(db.schema.createTable('dues_remittances'), d)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    /** The organization above when it was recorded. */
    .addColumn('to_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount_vnd', 'integer', (c) => c.notNull())
    .addColumn('remitted_on', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    /** Who received it, as signed on the receipt; null until confirmed. */
    .addColumn('received_by', 'text')
    .addColumn('received_on', 'text')
    .addColumn('received_by_user', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dues_remittances_org').on('dues_remittances').columns(['organization_id', 'month']).execute();
  await db.schema.createIndex('dues_remittances_to').on('dues_remittances').columns(['to_organization_id', 'month']).execute();
}

// Row types of these tables, wired into server/db/schema.ts's Database.

export interface RegionalMinimumWagesTable {
  id: Generated<number>;
  effective_from: string;
  source: string;
  region_i_vnd: number;
  region_ii_vnd: number;
  region_iii_vnd: number;
  region_iv_vnd: number;
  created_by: number | null;
  created_at: string;
}

export interface DuesProfilesTable {
  id: Generated<number>;
  member_id: number;
  dues_group: string;
  base_amount_vnd: number | null;
  region: string | null;
  on_sick_or_maternity_leave: number;
  band_amount_vnd: number | null;
  past_working_age: number;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  version: number;
  created_by: number;
  created_at: string;
  closed_by: number | null;
  closed_at: string | null;
}

export interface DuesExemptionsTable {
  id: Generated<number>;
  member_id: number;
  reason: string;
  decision_ref: string;
  decided_on: string;
  from_month: string;
  to_month: string | null;
  note: string | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface DuesReductionsTable {
  id: Generated<number>;
  member_id: number;
  percent: number;
  reason: string;
  decision_ref: string;
  decided_on: string;
  from_month: string;
  to_month: string;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface DuesPaymentBatchesTable {
  id: Generated<number>;
  idempotency_key: string | null;
  kind: string;
  item_count: number;
  recorded_by: number;
  recorded_at: string;
}

export interface DuesPaymentsTable {
  id: Generated<number>;
  batch_id: number;
  member_id: number;
  organization_id: number;
  for_month: string;
  amount_vnd: number;
  paid_on: string;
  method: string;
  reference: string | null;
  expected_vnd: number | null;
  reverses_payment_id: number | null;
  note: string | null;
  recorded_by: number;
}

export interface DuesGoodReasonsTable {
  id: Generated<number>;
  member_id: number;
  month: string;
  reason: string;
  accepted_by: string;
  accepted_on: string;
  decision_ref: string | null;
  version: number;
  created_by: number;
  created_at: string;
}

export interface DuesRemittancesTable {
  id: Generated<number>;
  organization_id: number;
  to_organization_id: number;
  month: string;
  amount_vnd: number;
  remitted_on: string;
  reference: string | null;
  note: string | null;
  received_by: string | null;
  received_on: string | null;
  received_by_user: number | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}
