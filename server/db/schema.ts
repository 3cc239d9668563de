import type { Generated } from 'kysely';
import type {
  AssignmentsTable,
  AttendanceTable,
  ExemptionsTable,
  MeetingMinutesFilesTable,
  MeetingsTable,
  ResidenceOpinionsTable,
  ResidenceRegistrationsTable,
} from './migrations/0006-party-life.ts';
import type {
  DuesExemptionsTable,
  DuesGoodReasonsTable,
  DuesPaymentBatchesTable,
  DuesPaymentsTable,
  DuesProfilesTable,
  DuesReductionsTable,
  DuesRemittancesTable,
  RegionalMinimumWagesTable,
} from './migrations/0007-dues.ts';
import type { GradingCyclesTable, GradingEntriesTable, GradingEventsTable } from './migrations/0009-grading.ts';
import type {
  AdmissionCasesTable,
  AdmissionDecisionsTable,
  AdmissionDocumentsTable,
  AdmissionExtensionsTable,
  AdmissionHelpersTable,
  AdmissionIntroducersTable,
  AdmissionOpinionsTable,
  AdmissionRefusalsTable,
  AdmissionVerificationsTable,
  AdmissionVotesTable,
} from './migrations/0005-admission.ts';
import type { TransferEventsTable, TransfersTable } from './migrations/0008-transfers.ts';
import type {
  DisciplineReferralsTable,
  RemovalCasesTable,
  RemovalDecisionsTable,
  RemovalRequestsTable,
  ScreeningFlagEscalationsTable,
  ScreeningFlagReviewsTable,
  ScreeningFlagsTable,
  ScreeningRunsTable,
} from './migrations/0010-screening-removal.ts';
import type { FrontOpinionsTable, ScreeningFlagHandoversTable, ViolationRecordsTable } from './migrations/0011-conduct.ts';
import type { RuleSetVersionsTable } from './migrations/0013-rule-sets.ts';
import type { DataSubjectRequestsTable } from './migrations/0014-privacy.ts';

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
  /** normalizeVi(display_name), migration 0015: written with the display name (users.repo.ts userSearchText). */
  search_text: string;
  password_hash: string;
  role: string;
  organization_id: number;
  person_id: number | null;
  is_disabled: number;
  failed_count: number;
  locked_until: string | null;
  last_login_at: string | null;
  /** Base32 TOTP secret once enrolment is confirmed (migration 0016); null = no second factor. Never logged or returned. */
  totp_secret: string | null;
  totp_enrolled_at: string | null;
  /** The last accepted TOTP time step: a code of this step or an earlier one is a replay. */
  totp_last_step: number | null;
  /** Secret of an enrolment started and not yet confirmed with a code. */
  totp_pending_secret: string | null;
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
  /** What the session still owes (migration 0016): 'verify' = the TOTP code, 'enroll' = TOTP enrolment; null = full. */
  mfa_pending: string | null;
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

export interface CandidatesTable {
  id: Generated<number>;
  person_id: number;
  organization_id: number;
  mass_organization: string;
  mass_organization_name: string | null;
  reason: string;
  introduced_on: string;
  introduced_by_user_id: number;
  status: string;
  status_changed_on: string;
  helper_member_id: number | null;
  helper_assigned_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CandidateEventsTable {
  id: Generated<number>;
  candidate_id: number;
  kind: string;
  event_date: string;
  from_status: string | null;
  to_status: string | null;
  helper_member_id: number | null;
  note: string | null;
  actor_user_id: number | null;
  created_at: string;
}

export interface TrainingClassesTable {
  id: Generated<number>;
  course_kind: string;
  name: string;
  organization_id: number;
  institution: string;
  start_date: string;
  end_date: string;
  session_count: number;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TrainingEnrolmentsTable {
  id: Generated<number>;
  class_id: number;
  person_id: number;
  attended_sessions: number | null;
  /** Score × 10 (0–100). */
  score_tenths: number | null;
  result: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CertificatesTable {
  id: Generated<number>;
  enrolment_id: number;
  person_id: number;
  class_id: number;
  course_kind: string;
  institution: string;
  institution_key: string;
  issue_year: number;
  sequence: number;
  number: string;
  issued_on: string;
  valid_until: string | null;
  issued_by_user_id: number;
  created_at: string;
}

export interface CalendarYearsTable {
  year: number;
  /** JSON array of 'YYYY-MM-DD' (weekdays off). */
  holidays: string;
  /** JSON array of 'YYYY-MM-DD' (weekend days worked). */
  extra_working_days: string;
  note: string | null;
  /** 1: this schedule is in force; 0: the year is back to the computed default. */
  active: number;
  updated_by: number;
  updated_at: string;
  version: number;
}

export interface CalendarYearVersionsTable {
  id: Generated<number>;
  year: number;
  version: number;
  action: string;
  holidays: string;
  extra_working_days: string;
  note: string | null;
  changed_by: number;
  changed_at: string;
}

export interface JobRunsTable {
  id: Generated<number>;
  name: string;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  outcome: string;
  changed: number | null;
  error_code: string | null;
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
  candidates: CandidatesTable;
  candidate_events: CandidateEventsTable;
  training_classes: TrainingClassesTable;
  training_enrolments: TrainingEnrolmentsTable;
  certificates: CertificatesTable;
  calendar_years: CalendarYearsTable;
  calendar_year_versions: CalendarYearVersionsTable;
  job_runs: JobRunsTable;
  meetings: MeetingsTable;
  meeting_minutes_files: MeetingMinutesFilesTable;
  attendance: AttendanceTable;
  assignments: AssignmentsTable;
  exemptions: ExemptionsTable;
  residence_registrations: ResidenceRegistrationsTable;
  residence_opinions: ResidenceOpinionsTable;
  admission_cases: AdmissionCasesTable;
  admission_decisions: AdmissionDecisionsTable;
  admission_refusals: AdmissionRefusalsTable;
  admission_documents: AdmissionDocumentsTable;
  admission_verifications: AdmissionVerificationsTable;
  admission_introducers: AdmissionIntroducersTable;
  admission_opinions: AdmissionOpinionsTable;
  admission_votes: AdmissionVotesTable;
  admission_helpers: AdmissionHelpersTable;
  admission_extensions: AdmissionExtensionsTable;
  regional_minimum_wages: RegionalMinimumWagesTable;
  dues_profiles: DuesProfilesTable;
  dues_exemptions: DuesExemptionsTable;
  dues_reductions: DuesReductionsTable;
  dues_payment_batches: DuesPaymentBatchesTable;
  dues_payments: DuesPaymentsTable;
  dues_good_reasons: DuesGoodReasonsTable;
  dues_remittances: DuesRemittancesTable;
  transfers: TransfersTable;
  transfer_events: TransferEventsTable;
  grading_cycles: GradingCyclesTable;
  grading_entries: GradingEntriesTable;
  grading_events: GradingEventsTable;
  screening_runs: ScreeningRunsTable;
  screening_flags: ScreeningFlagsTable;
  screening_flag_reviews: ScreeningFlagReviewsTable;
  screening_flag_escalations: ScreeningFlagEscalationsTable;
  discipline_referrals: DisciplineReferralsTable;
  removal_cases: RemovalCasesTable;
  removal_requests: RemovalRequestsTable;
  removal_decisions: RemovalDecisionsTable;
  violation_records: ViolationRecordsTable;
  front_opinions: FrontOpinionsTable;
  screening_flag_handovers: ScreeningFlagHandoversTable;
  rule_set_versions: RuleSetVersionsTable;
  data_subject_requests: DataSubjectRequestsTable;
}
