import type { Generated, Kysely } from 'kysely';
import { addIdColumn, dialectOf } from '../dialect.ts';

// Requests of a data subject about their personal data (security.md item 26; Nghị định 13/2023/NĐ-CP): access,
// correction, deletion, objection. Each request stores the due dates computed once when it is received
// (architecture principle 5; privacy.service.ts privacyRequestDueDates), the day it was acknowledged and the day it
// was answered, and a version for compare-and-set. Portable types only (principle 9).

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  await addIdColumn(db.schema.createTable('data_subject_requests'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    /** access | correction | deletion | objection */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The business day the request reached the organization. */
    .addColumn('received_on', 'text', (c) => c.notNull())
    /** What the person asked, as written or said. */
    .addColumn('requester_note', 'text')
    /** received_on + the acknowledgement period in working days. */
    .addColumn('acknowledge_due', 'text', (c) => c.notNull())
    /** received_on + the response period in calendar days. */
    .addColumn('respond_due', 'text', (c) => c.notNull())
    .addColumn('acknowledged_on', 'text')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('responded_on', 'text')
    .addColumn('responded_by', 'integer', (c) => c.references('users.id'))
    /** fulfilled | partially_fulfilled | refused; null until answered. */
    .addColumn('outcome', 'text')
    .addColumn('response_note', 'text')
    /** Access requests: the instant of the export handed over (its audit row's time). */
    .addColumn('export_produced_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_subject_requests_member').on('data_subject_requests').columns(['member_id', 'received_on']).execute();
  // The list shows open requests by their response due day.
  await db.schema.createIndex('data_subject_requests_due').on('data_subject_requests').columns(['responded_on', 'respond_due']).execute();
}

// Row type, wired into server/db/schema.ts's Database.

export interface DataSubjectRequestsTable {
  id: Generated<number>;
  member_id: number;
  person_id: number;
  kind: string;
  received_on: string;
  requester_note: string | null;
  acknowledge_due: string;
  respond_due: string;
  acknowledged_on: string | null;
  acknowledged_by: number | null;
  responded_on: string | null;
  responded_by: number | null;
  outcome: string | null;
  response_note: string | null;
  export_produced_at: string | null;
  version: Generated<number>;
  created_by: number;
  created_at: string;
  updated_at: string;
}
