import type { Generated, Kysely } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// Transfers of party activity (issue 4, item 5; rules.md R-MGT-05, R-MGT-06; Kế hoạch 99 II.3 and II.4): the case of
// one member's transfer letter (giấy giới thiệu sinh hoạt đảng), with its due dates computed once on the working-day
// calendar and stored (architecture principle 5), and the append-only history of every step (principle 7).
// Portable types only (principle 9): integer ids, dates 'YYYY-MM-DD' as text, instants as UTC ISO text, booleans 0/1.

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  await addIdColumn(db.schema.createTable('transfers'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** official (R-MGT-05) | temporary (R-MGT-06) */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** internal (between two organizations in the system) | outgoing (to outside it) | incoming (from outside it) */
    .addColumn('direction', 'text', (c) => c.notNull())
    /** issued | received | overdue | cancelled | returned (temporary only) */
    .addColumn('status', 'text', (c) => c.notNull())
    /** R-MGT-05 trigger (job_change, retirement, demobilisation, long_term_move); null for temporary transfers. */
    .addColumn('trigger', 'text')
    .addColumn('triggered_on', 'text')
    /** The sending cell (the member's home cell); null when the member came from outside the system. */
    .addColumn('from_organization_id', 'integer', (c) => c.references('organizations.id'))
    /** The receiving cell; null when the member leaves the system. */
    .addColumn('to_organization_id', 'integer', (c) => c.references('organizations.id'))
    /** The organization outside the system: the destination (outgoing) or the origin (incoming). */
    .addColumn('outside_organization_name', 'text')
    .addColumn('letter_number', 'text', (c) => c.notNull())
    .addColumn('letter_issued_on', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text')
    .addColumn('signer_title', 'text')
    /** R-MGT-05: trigger + 60 working days (null without a trigger). Stored when the case is opened. */
    .addColumn('start_due', 'text')
    /** R-MGT-05: letter + 30 working days, the last day to present the letter at the destination. */
    .addColumn('presentation_due', 'text', (c) => c.notNull())
    /** The day the destination received the letter (confirmed in the system, or the outside confirmation recorded). */
    .addColumn('received_on', 'text')
    .addColumn('received_by', 'integer', (c) => c.references('users.id'))
    /** The reference of the destination's confirmation (outgoing) or of the receipt note. */
    .addColumn('receipt_ref', 'text')
    /** 1 when the letter was presented after presentation_due (reported: R-MGT-05, screened: R-RMV-06). */
    .addColumn('received_late', 'integer', (c) => c.notNull().defaultTo(0))
    /** The day the sweep found the letter not presented by its due day. */
    .addColumn('overdue_since', 'text')
    /** R-MGT-06: full_time_study | work | other */
    .addColumn('temporary_purpose', 'text')
    .addColumn('temporary_from', 'text')
    /** The planned last day away, inclusive. */
    .addColumn('temporary_to', 'text')
    /** The first day back at the home cell. */
    .addColumn('returned_on', 'text')
    .addColumn('cancelled_on', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transfers_member').on('transfers').columns(['member_id', 'letter_issued_on']).execute();
  await db.schema.createIndex('transfers_from').on('transfers').columns(['from_organization_id', 'status']).execute();
  await db.schema.createIndex('transfers_to').on('transfers').columns(['to_organization_id', 'status']).execute();
  // The sweep reads open letters past their due day.
  await db.schema.createIndex('transfers_status_due').on('transfers').columns(['status', 'presentation_due']).execute();

  // Every step of a transfer, never edited: issued, received, overdue_marked, cancelled, returned, registered.
  await addIdColumn(db.schema.createTable('transfer_events'), d)
    .addColumn('transfer_id', 'integer', (c) => c.notNull().references('transfers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    /** JSON text: the facts of the step (due dates, lateness, the reference of a confirmation). */
    .addColumn('data', 'text', (c) => c.notNull())
    /** null for the sweep. */
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transfer_events_transfer').on('transfer_events').columns(['transfer_id', 'id']).execute();
  await makeAppendOnly(db, d, 'transfer_events');
}

// Row types of these tables, wired into server/db/schema.ts's Database.

export interface TransfersTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  direction: string;
  status: string;
  trigger: string | null;
  triggered_on: string | null;
  from_organization_id: number | null;
  to_organization_id: number | null;
  outside_organization_name: string | null;
  letter_number: string;
  letter_issued_on: string;
  signer_name: string | null;
  signer_title: string | null;
  start_due: string | null;
  presentation_due: string;
  received_on: string | null;
  received_by: number | null;
  receipt_ref: string | null;
  received_late: number;
  overdue_since: string | null;
  temporary_purpose: string | null;
  temporary_from: string | null;
  temporary_to: string | null;
  returned_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  note: string | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface TransferEventsTable {
  id: Generated<number>;
  transfer_id: number;
  kind: string;
  event_date: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  data: string;
  actor_user_id: number | null;
  at: string;
}
