import { type Kysely, sql } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// Candidates (quần chúng ưu tú) and training (courses, classes, enrolments, certificates): issue 3, items 1 and 2.
// Portable types only (architecture principle 9): integer ids, dates as text, scores as integer tenths.

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  await addIdColumn(db.schema.createTable('candidates'), d)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    /** The cell the person is introduced to; scope follows organizations.path (joined, never copied). */
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('mass_organization', 'text', (c) => c.notNull())
    .addColumn('mass_organization_name', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('introduced_on', 'text', (c) => c.notNull())
    .addColumn('introduced_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_changed_on', 'text', (c) => c.notNull())
    .addColumn('helper_member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('helper_assigned_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('candidates_org').on('candidates').column('organization_id').execute();
  await db.schema.createIndex('candidates_person').on('candidates').column('person_id').execute();
  await db.schema.createIndex('candidates_introducer').on('candidates').column('introduced_by_user_id').execute();
  // At most one open candidacy per person (partial unique index: same syntax on SQLite and PostgreSQL).
  await db.schema
    .createIndex('candidates_one_open')
    .on('candidates')
    .column('person_id')
    .unique()
    .where(sql<boolean>`status in ('introduced', 'in_training', 'applied')`)
    .execute();

  await addIdColumn(db.schema.createTable('candidate_events'), d)
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('helper_member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('candidate_events_candidate').on('candidate_events').columns(['candidate_id', 'id']).execute();
  await makeAppendOnly(db, d, 'candidate_events');

  await addIdColumn(db.schema.createTable('training_classes'), d)
    .addColumn('course_kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('session_count', 'integer', (c) => c.notNull())
    /** Accent-free name and institution for search (normalize-vi.ts). */
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_classes_org').on('training_classes').columns(['organization_id', 'start_date']).execute();

  await addIdColumn(db.schema.createTable('training_enrolments'), d)
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('attended_sessions', 'integer')
    /** Score × 10 (0–100): one decimal, exact on both engines. */
    .addColumn('score_tenths', 'integer')
    .addColumn('result', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_enrolments_class_person', ['class_id', 'person_id'])
    .execute();
  await db.schema.createIndex('training_enrolments_person').on('training_enrolments').column('person_id').execute();

  await addIdColumn(db.schema.createTable('certificates'), d)
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().unique().references('training_enrolments.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('course_kind', 'text', (c) => c.notNull())
    /** The issuing institution as printed, and its normalized spelling (numbering is per institution and year). */
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('institution_key', 'text', (c) => c.notNull())
    .addColumn('issue_year', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('issued_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('certificates_number_per_institution_year', ['institution_key', 'issue_year', 'sequence'])
    .execute();
  await db.schema.createIndex('certificates_person').on('certificates').columns(['person_id', 'issued_on']).execute();
}
