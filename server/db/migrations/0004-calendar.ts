import type { Kysely } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// The working-day calendar an administrator confirms year by year (rules.md "Working days"; issue 3 item 6), and the
// record of scheduled jobs (sweeps). Nothing is seeded: a year without a row follows the computed default schedule
// until an administrator stores the government's announcement for it.

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  // One row per year ever stored: the schedule in force when active = 1; active = 0 after "back to the default"
  // (the row stays, so its version keeps counting and a stale client still gets a conflict).
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    /** JSON array of 'YYYY-MM-DD': weekdays off (weekend dates allowed, they change nothing). */
    .addColumn('holidays', 'text', (c) => c.notNull())
    /** JSON array of 'YYYY-MM-DD': weekend days worked in exchange (ngày làm bù). */
    .addColumn('extra_working_days', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  // Every change, kept forever (architecture principle 7): what was stored or reset, by whom, when, and why.
  await addIdColumn(db.schema.createTable('calendar_year_versions'), d)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** stored | reset */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('extra_working_days', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('calendar_year_versions_year_version', ['year', 'version'])
    .execute();
  await makeAppendOnly(db, d, 'calendar_year_versions');

  await addIdColumn(db.schema.createTable('job_runs'), d)
    .addColumn('name', 'text', (c) => c.notNull())
    /** scheduler | cli */
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    /** running | success | failure */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('changed', 'integer')
    /** A code (DomainError code, driver code or error class), never a message: messages may carry personal data. */
    .addColumn('error_code', 'text')
    .execute();
  await db.schema.createIndex('job_runs_name').on('job_runs').columns(['name', 'id']).execute();
}
