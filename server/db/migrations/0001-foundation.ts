import { type Kysely, sql } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  await addIdColumn(db.schema.createTable('organizations'), d)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('authority', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_path').on('organizations').column('path').execute();
  await db.schema.createIndex('organizations_parent').on('organizations').column('parent_id').execute();

  await addIdColumn(db.schema.createTable('organization_events'), d)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await addIdColumn(db.schema.createTable('organization_versions'), d)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('authority', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('event_id', 'integer', (c) => c.references('organization_events.id'))
    .execute();
  await db.schema.createIndex('organization_versions_org').on('organization_versions').columns(['organization_id', 'valid_from']).execute();

  await db.schema
    .createTable('organization_event_links')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('organization_events.id'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_event_links_pk', ['event_id', 'organization_id', 'role'])
    .execute();
  await db.schema.createIndex('organization_event_links_org').on('organization_event_links').column('organization_id').execute();

  await addIdColumn(db.schema.createTable('persons'), d)
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('birth_name', 'text')
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('birthplace', 'text')
    .addColumn('hometown', 'text')
    .addColumn('permanent_address', 'text')
    .addColumn('temporary_address', 'text')
    .addColumn('ethnicity_code', 'text', (c) => c.notNull())
    .addColumn('religion_code', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.unique())
    .addColumn('phone', 'text')
    .addColumn('general_education', 'text')
    .addColumn('professional_qualification', 'text')
    .addColumn('political_theory', 'text')
    .addColumn('occupation', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await addIdColumn(db.schema.createTable('members'), d)
    .addColumn('person_id', 'integer', (c) => c.notNull().unique().references('persons.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('history_number', 'text', (c) => c.unique())
    .addColumn('card_number', 'text', (c) => c.unique())
    .addColumn('admission_decision_date', 'text')
    .addColumn('ceremony_date', 'text')
    .addColumn('official_date', 'text')
    .addColumn('left_date', 'text')
    .addColumn('posts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('members_sort').on('members').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('members_path_sort').on('members').columns(['org_path', 'sort_key']).execute();
  await db.schema.createIndex('members_org').on('members').column('organization_id').execute();

  await addIdColumn(db.schema.createTable('member_events'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('from_organization_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('to_organization_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('decision_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_events_member').on('member_events').columns(['member_id', 'event_date']).execute();
  await makeAppendOnly(db, d, 'member_events');

  await addIdColumn(db.schema.createTable('users'), d)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('is_disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await addIdColumn(db.schema.createTable('audit_log'), d)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('role', 'text')
    .addColumn('organization_id', 'integer')
    .addColumn('request_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('changed_fields', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, d, 'audit_log');
  void sql;
}
