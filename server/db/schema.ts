import type { Generated } from 'kysely';

// Portable types (architecture principle 9): integer ids, dates as 'YYYY-MM-DD' text,
// instants as UTC ISO text, booleans 0/1, JSON as text parsed by Zod, money as integer VND.

export interface OrganizationsTable {
  id: Generated<number>;
  code: string;
  /** Current projection of organization_versions (valid_to null). */
  kind: string;
  name: string;
  parent_id: number | null;
  /** Materialized path of ids of the current tree, '/1/7/42/': subtree filter = LIKE path || '%'. */
  path: string;
  valid_from: string;
  valid_to: string | null;
  authority: string;
  version: number;
  created_at: string;
}

export interface OrganizationVersionsTable {
  id: Generated<number>;
  organization_id: number;
  kind: string;
  name: string;
  parent_id: number | null;
  authority: string;
  valid_from: string;
  /** Exclusive end: the version holds on dates d with valid_from <= d < valid_to. */
  valid_to: string | null;
  event_id: number | null;
}

export interface OrganizationEventsTable {
  id: Generated<number>;
  kind: string;
  effective_date: string;
  decision_ref: string | null;
  note: string | null;
  actor_user_id: number | null;
  created_at: string;
}

export interface OrganizationEventLinksTable {
  event_id: number;
  organization_id: number;
  /** subject | predecessor | successor */
  role: string;
}

export interface PersonsTable {
  id: Generated<number>;
  full_name: string;
  birth_name: string | null;
  gender: string;
  birth_date: string;
  birthplace: string | null;
  hometown: string | null;
  permanent_address: string | null;
  temporary_address: string | null;
  ethnicity_code: string;
  religion_code: string;
  citizen_id: string | null;
  phone: string | null;
  general_education: string | null;
  professional_qualification: string | null;
  political_theory: string | null;
  occupation: string | null;
  search_text: string;
  sort_key: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembersTable {
  id: Generated<number>;
  person_id: number;
  status: string;
  organization_id: number;
  /** Copy of the current cell's organizations.path, kept in step on moves, for subtree scope. */
  org_path: string;
  history_number: string | null;
  card_number: string | null;
  admission_decision_date: string | null;
  ceremony_date: string | null;
  official_date: string | null;
  left_date: string | null;
  posts: string;
  /** Copies of persons.search_text/sort_key so member search reads one table (kept in step by the people service). */
  search_text: string;
  sort_key: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MemberEventsTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  event_date: string;
  from_status: string | null;
  to_status: string | null;
  from_organization_id: number | null;
  to_organization_id: number | null;
  decision_ref: string | null;
  note: string | null;
  actor_user_id: number | null;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  organization_id: number;
  person_id: number | null;
  is_disabled: number;
  failed_count: number;
  locked_until: string | null;
  last_login_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  role: string | null;
  organization_id: number | null;
  request_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  changed_fields: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  organizations: OrganizationsTable;
  organization_versions: OrganizationVersionsTable;
  organization_events: OrganizationEventsTable;
  organization_event_links: OrganizationEventLinksTable;
  persons: PersonsTable;
  members: MembersTable;
  member_events: MemberEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}
