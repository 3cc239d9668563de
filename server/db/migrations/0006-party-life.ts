import type { Generated, Kysely } from 'kysely';
import { addIdColumn, dialectOf } from '../dialect.ts';

// Party life (issue 4, items 1, 3, 4, 6, 7): cell meetings and attendance (R-MGT-03), work assignments (R-MGT-01),
// exemptions from activities and work (R-MGT-02) and residence contact (R-MGT-07). Dues and transfers have their
// own migration. Portable types only (architecture principle 9): integer ids, dates as 'YYYY-MM-DD' text, instants as
// UTC ISO text, booleans 0/1, files as base64 text (no binary column type is common to both engines).

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  // A meeting of a cell, planned or held. meeting_date is the planned day while planned and the day it was held once
  // held; planned_on keeps the day of the year's plan. Compliance counts held meetings only.
  await addIdColumn(db.schema.createTable('meetings'), d)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    /** regular | thematic (R-MGT-03) */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** planned | held | cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text')
    .addColumn('topic', 'text')
    .addColumn('chair', 'text')
    .addColumn('minute_taker', 'text')
    .addColumn('minutes', 'text')
    .addColumn('resolutions', 'text')
    /** When the attendance sheet was last saved (UTC instant); null: not taken yet. */
    .addColumn('attendance_recorded_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The compliance view reads (cell, date range) for every cell of a subtree in one aggregate query.
  await db.schema.createIndex('meetings_org_date').on('meetings').columns(['organization_id', 'meeting_date']).execute();

  // The scanned minutes (PDF, JPEG or PNG, at most 10 MB), one per meeting, kept apart so lists never load them.
  await db.schema
    .createTable('meeting_minutes_files')
    .addColumn('meeting_id', 'integer', (c) => c.primaryKey().references('meetings.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();

  // One line per member per meeting. `expected` and `expectation` are what attendanceExpectation said for the meeting
  // day when the sheet was saved, refreshed when the member's exemptions change (R-RMV-01 counts expected meetings only).
  await db.schema
    .createTable('attendance')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** present | absent_with_reason | absent_without_reason */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('expected', 'integer', (c) => c.notNull())
    /** member | exempted | temporary_transfer_out */
    .addColumn('expectation', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['meeting_id', 'member_id'])
    .execute();
  await db.schema.createIndex('attendance_member').on('attendance').columns(['member_id', 'meeting_id']).execute();

  // R-MGT-01: the cell assigns each member work for a period, on a meeting date.
  await addIdColumn(db.schema.createTable('assignments'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** The cell that assigned it (the member's cell then). */
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    /** Last day, inclusive; null = open. */
    .addColumn('to_date', 'text')
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignments_member').on('assignments').columns(['member_id', 'from_date']).execute();
  await db.schema.createIndex('assignments_org').on('assignments').columns(['organization_id', 'from_date']).execute();

  // R-MGT-02: the member's request, the cell's decision, the reason, the period and what it exempts from.
  await addIdColumn(db.schema.createTable('exemptions'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** The deciding cell (the member's cell then); the superior's view reads exemptions by this cell's path. */
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    /** written | oral */
    .addColumn('request_kind', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    /** Last exempt day, inclusive; null = until the cell ends it. */
    .addColumn('to_date', 'text')
    .addColumn('from_activities', 'integer', (c) => c.notNull())
    .addColumn('from_work', 'integer', (c) => c.notNull())
    .addColumn('superior_informed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemptions_member').on('exemptions').columns(['member_id', 'from_date']).execute();
  await db.schema.createIndex('exemptions_org').on('exemptions').columns(['organization_id', 'from_date']).execute();

  // R-MGT-07: a working member registers with the cell where they live: a cell in the system, or one named in text.
  await addIdColumn(db.schema.createTable('residence_registrations'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('residence_organization_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('residence_cell_name', 'text')
    .addColumn('residence_address', 'text')
    .addColumn('registered_on', 'text', (c) => c.notNull())
    /** Last day registered there (moved house, retired); null while it lasts. */
    .addColumn('ended_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residence_registrations_member').on('residence_registrations').columns(['member_id', 'registered_on']).execute();
  await db.schema.createIndex('residence_registrations_org').on('residence_registrations').column('residence_organization_id').execute();

  // The residence cell's yearly opinion on the member (used in grading and screening): one per member and year.
  await addIdColumn(db.schema.createTable('residence_opinions'), d)
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('residence_registrations.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    /** good | average | low */
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('comments', 'text')
    .addColumn('given_on', 'text', (c) => c.notNull())
    /** Who gave it, as signed: e.g. 'Bí thư chi bộ khu phố 3'. */
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('residence_opinions_member_year', ['member_id', 'year'])
    .execute();
}

// Row types of these tables, wired into server/db/schema.ts's Database.

export interface MeetingsTable {
  id: Generated<number>;
  organization_id: number;
  kind: string;
  status: string;
  meeting_date: string;
  planned_on: string | null;
  topic: string | null;
  chair: string | null;
  minute_taker: string | null;
  minutes: string | null;
  resolutions: string | null;
  attendance_recorded_at: string | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingMinutesFilesTable {
  meeting_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content_base64: string;
  uploaded_by: number;
  uploaded_at: string;
}

export interface AttendanceTable {
  meeting_id: number;
  member_id: number;
  status: string;
  reason: string | null;
  expected: number;
  expectation: string;
  recorded_by: number;
  recorded_at: string;
}

export interface AssignmentsTable {
  id: Generated<number>;
  member_id: number;
  organization_id: number;
  description: string;
  from_date: string;
  to_date: string | null;
  assigned_on: string;
  meeting_id: number | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface ExemptionsTable {
  id: Generated<number>;
  member_id: number;
  organization_id: number;
  reason: string;
  note: string | null;
  request_kind: string;
  requested_on: string;
  decided_on: string;
  decision_ref: string;
  from_date: string;
  to_date: string | null;
  from_activities: number;
  from_work: number;
  superior_informed_on: string | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface ResidenceRegistrationsTable {
  id: Generated<number>;
  member_id: number;
  residence_organization_id: number | null;
  residence_cell_name: string | null;
  residence_address: string | null;
  registered_on: string;
  ended_on: string | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface ResidenceOpinionsTable {
  id: Generated<number>;
  registration_id: number;
  member_id: number;
  year: number;
  rating: string;
  comments: string | null;
  given_on: string;
  given_by: string;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}
