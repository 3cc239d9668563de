import { type Generated, type Kysely, sql } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// Admission and recognition cases (issue 3, items 3–9; rules.md R-ADM, R-REC). Architecture principle 5: a case row
// (status, state JSON, stored due dates, version for compare-and-set), an append-only decisions table, and the facts
// the rules read in tables of their own. Portable types (principle 9): integer ids, dates as text, JSON as text,
// booleans 0/1. Uploaded scans (PDF, JPEG, PNG, at most 10 MB) are kept in the database as base64 text, like the
// meeting minutes of 0006: written in the same transaction as their metadata and audit row, carried by the online
// backup with everything else, no file paths to traverse, and no column type that differs between the engines.

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  await addIdColumn(db.schema.createTable('admission_cases'), d)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    /** The cell that carries the case; scope follows organizations.path (joined, never copied). */
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('candidate_id', 'integer', (c) => c.references('candidates.id'))
    /** Projection of state.status, for lists, counts and the sweep. */
    .addColumn('status', 'text', (c) => c.notNull())
    /** AdmissionState (common/rules/admission-workflow.ts) as JSON. */
    .addColumn('state', 'text', (c) => c.notNull())
    /** The deadline of the step the case waits on (admissionDueAt); null for steps without one. */
    .addColumn('due_at', 'text')
    /** Every due date the facts determine (admissionDueDates), JSON, recomputed at each step. */
    .addColumn('due_dates', 'text', (c) => c.notNull().defaultTo('{}'))
    /** The day the sweep first found the current step overdue; cleared by the next step. */
    .addColumn('overdue_since', 'text')
    // The applicant's file (facts of the rules that persons does not hold).
    .addColumn('education_level', 'text', (c) => c.notNull())
    .addColumn('education_exception', 'text')
    .addColumn('is_youth_union_member', 'integer', (c) => c.notNull().defaultTo(0))
    /** Occupation group of the employer (Chỉ thị 28 watches workers of non-state enterprises). */
    .addColumn('employer_kind', 'text', (c) => c.notNull())
    .addColumn('mass_organizations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('relatives', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('over60_agreement', 'text')
    .addColumn('readmission', 'text')
    .addColumn('youth_union_resolution', 'text')
    .addColumn('application_date', 'text')
    .addColumn('history_date', 'text')
    // Probation and recognition data (R-ADM-13, R-REC-03).
    .addColumn('member_history_completed_on', 'text')
    .addColumn('self_review_on', 'text')
    .addColumn('helper_assessment_on', 'text')
    /** The place written on the documents ('Lạc Dương, ngày …'). */
    .addColumn('place', 'text', (c) => c.notNull())
    // Projections of the decisions log, for reports.
    .addColumn('decision_date', 'text')
    .addColumn('ceremony_date', 'text')
    .addColumn('official_date', 'text')
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('opened_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_cases_cell').on('admission_cases').columns(['cell_id', 'status']).execute();
  await db.schema.createIndex('admission_cases_due').on('admission_cases').columns(['due_at', 'status']).execute();
  // One open case per person (partial unique index: the same syntax on both engines).
  await db.schema
    .createIndex('admission_cases_one_open')
    .on('admission_cases')
    .column('person_id')
    .unique()
    .where(sql<boolean>`status not in ('official', 'refused', 'struck_from_probation')`)
    .execute();

  // Append-only: every accepted action, what it was judged on and the deadline it set.
  await addIdColumn(db.schema.createTable('admission_decisions'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    /** The action type (AdmissionAction['type']) or 'overdue_marked' (the sweep). */
    .addColumn('action_type', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    /** The business date of the act itself (meeting, decision, ceremony …; today for a step completed). */
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('checks', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_decisions_case').on('admission_decisions').columns(['case_id', 'id']).execute();
  await makeAppendOnly(db, d, 'admission_decisions');

  // Append-only: attempted actions a rule refused (written after the refused transaction rolled back), for the
  // quality report (Chỉ thị 28: which rules stop cases).
  await addIdColumn(db.schema.createTable('admission_refusals'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    .addColumn('action_type', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('violations', 'text', (c) => c.notNull())
    /** ' R-ADM-04 R-ADM-05 ': space-delimited ids, for a LIKE count by rule. */
    .addColumn('rule_ids', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_refusals_case').on('admission_refusals').columns(['case_id', 'id']).execute();
  await makeAppendOnly(db, d, 'admission_refusals');

  await addIdColumn(db.schema.createTable('admission_documents'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    /** From the magic bytes, never from the client's header or the extension. */
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_documents_case').on('admission_documents').columns(['case_id', 'id']).execute();

  // R-ADM-07: one item per person to verify; the verifier is named and accountable (Kế hoạch 99-KH/HU II.2).
  await addIdColumn(db.schema.createTable('admission_verifications'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    /** 'applicant' or the key of a declared relative. */
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('request_organization', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('reply_due_on', 'text', (c) => c.notNull())
    .addColumn('verifier_name', 'text')
    /** clear | issues_found; null while no reply. */
    .addColumn('conclusion', 'text')
    .addColumn('result_note', 'text')
    .addColumn('verified_on', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('admission_documents.id'))
    .addColumn('removed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_verifications_case').on('admission_verifications').column('case_id').execute();

  // R-ADM-06: introducers (Mẫu 3-KNĐ); their standing is judged on the date of the check, from the member timeline.
  await addIdColumn(db.schema.createTable('admission_introducers'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('same_unit', 'integer', (c) => c.notNull())
    .addColumn('unit_name', 'text')
    .addColumn('months_with_applicant', 'integer', (c) => c.notNull())
    .addColumn('introduced_on', 'text', (c) => c.notNull())
    .addColumn('removed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_introducers_case').on('admission_introducers').column('case_id').execute();

  // R-ADM-08 (Mẫu 5-KNĐ) and R-REC-03 (Mẫu 11-KNĐ): opinions of mass organizations and of the residence cell committee.
  await addIdColumn(db.schema.createTable('admission_opinions'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    /** admission | recognition */
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('organization_key', 'text', (c) => c.notNull())
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('opinion_date', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('admission_documents.id'))
    .addColumn('removed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_opinions_case').on('admission_opinions').column('case_id').execute();

  // R-ADM-09 / R-ADM-10 / R-REC-04: meetings that voted, with the roll as of the meeting date and the computed base.
  // The roll comes from the member timeline; temporary transfers out and exemptions are those on record (issue 4's
  // transfers and exemptions) plus any entered with the vote; the marked roll is kept as voted.
  await addIdColumn(db.schema.createTable('admission_votes'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    /** cell_admission | grassroots_admission | decision_committee | cell_recognition */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('motion', 'text')
    /** JSON [{memberId, personId, name, standing, temporarilyTransferredOut, exempted, attended}] (cells only). */
    .addColumn('roll', 'text')
    .addColumn('committee_size', 'integer')
    .addColumn('official_count', 'integer', (c) => c.notNull())
    .addColumn('present_count', 'integer', (c) => c.notNull())
    .addColumn('base', 'integer', (c) => c.notNull())
    .addColumn('approve', 'integer', (c) => c.notNull())
    .addColumn('reject', 'integer', (c) => c.notNull())
    .addColumn('abstain', 'integer', (c) => c.notNull())
    .addColumn('threshold_met', 'integer', (c) => c.notNull())
    .addColumn('document', 'text')
    .addColumn('signer', 'text')
    .addColumn('recorded_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_votes_case').on('admission_votes').columns(['case_id', 'kind', 'id']).execute();
  await makeAppendOnly(db, d, 'admission_votes');

  // R-REC-03: the helper(s) of the probationary member.
  await addIdColumn(db.schema.createTable('admission_helpers'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('standing_when_assigned', 'text', (c) => c.notNull())
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('removed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_helpers_case').on('admission_helpers').column('case_id').execute();

  // R-ADM-11 / R-REC-05: the one extension of at most 30 working days, and who granted it.
  await addIdColumn(db.schema.createTable('admission_extensions'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('admission_cases.id'))
    /** decision | recognition_decision */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('granted_on', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('document', 'text')
    .addColumn('due_before', 'text')
    .addColumn('due_after', 'text')
    .addColumn('recorded_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admission_extensions_case').on('admission_extensions').column('case_id').execute();
  await makeAppendOnly(db, d, 'admission_extensions');
}

// Row types of these tables, wired into server/db/schema.ts's Database.

export interface AdmissionCasesTable {
  id: Generated<number>;
  person_id: number;
  cell_id: number;
  candidate_id: number | null;
  status: string;
  state: string;
  due_at: string | null;
  due_dates: string;
  overdue_since: string | null;
  education_level: string;
  education_exception: string | null;
  is_youth_union_member: number;
  employer_kind: string;
  mass_organizations: string;
  relatives: string;
  over60_agreement: string | null;
  readmission: string | null;
  youth_union_resolution: string | null;
  application_date: string | null;
  history_date: string | null;
  member_history_completed_on: string | null;
  self_review_on: string | null;
  helper_assessment_on: string | null;
  place: string;
  decision_date: string | null;
  ceremony_date: string | null;
  official_date: string | null;
  member_id: number | null;
  opened_on: string;
  closed_on: string | null;
  opened_by_user_id: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AdmissionDecisionsTable {
  id: Generated<number>;
  case_id: number;
  action_type: string;
  action: string;
  from_status: string;
  to_status: string;
  effective_on: string;
  checks: string;
  due_at: string | null;
  actor_user_id: number | null;
  at: string;
}

export interface AdmissionRefusalsTable {
  id: Generated<number>;
  case_id: number;
  action_type: string;
  action: string;
  status: string;
  violations: string;
  rule_ids: string;
  on_date: string;
  actor_user_id: number | null;
  at: string;
}

export interface AdmissionDocumentsTable {
  id: Generated<number>;
  case_id: number;
  step: string;
  kind: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content_base64: string;
  uploaded_by_user_id: number;
  uploaded_at: string;
}

export interface AdmissionVerificationsTable {
  id: Generated<number>;
  case_id: number;
  subject_key: string;
  relation: string;
  subject_name: string;
  request_organization: string;
  sent_on: string;
  reply_due_on: string;
  verifier_name: string | null;
  conclusion: string | null;
  result_note: string | null;
  verified_on: string | null;
  document_id: number | null;
  removed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface AdmissionIntroducersTable {
  id: Generated<number>;
  case_id: number;
  member_id: number;
  same_unit: number;
  unit_name: string | null;
  months_with_applicant: number;
  introduced_on: string;
  removed_on: string | null;
  created_at: string;
}

export interface AdmissionOpinionsTable {
  id: Generated<number>;
  case_id: number;
  phase: string;
  source: string;
  organization_key: string;
  organization_name: string;
  opinion_date: string;
  summary: string | null;
  document_id: number | null;
  removed_on: string | null;
  created_at: string;
}

export interface AdmissionVotesTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  meeting_date: string;
  motion: string | null;
  roll: string | null;
  committee_size: number | null;
  official_count: number;
  present_count: number;
  base: number;
  approve: number;
  reject: number;
  abstain: number;
  threshold_met: number;
  document: string | null;
  signer: string | null;
  recorded_by_user_id: number;
  created_at: string;
}

export interface AdmissionHelpersTable {
  id: Generated<number>;
  case_id: number;
  member_id: number;
  standing_when_assigned: string;
  assigned_on: string;
  removed_on: string | null;
  created_at: string;
}

export interface AdmissionExtensionsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  working_days: number;
  granted_on: string;
  granted_by: string;
  document: string | null;
  due_before: string | null;
  due_after: string | null;
  recorded_by_user_id: number;
  created_at: string;
}
