// Every column of every table the migrations create, classified (security.md "Privacy"; item 25). The data subject's
// export (server/modules/privacy) reads this table to decide what it may return and how it labels each value, and
// server/db/classification.test.ts introspects the migrated database on each engine and fails on an untagged column
// or a tag for a column that no longer exists: a migration that adds a column without a tag here fails CI.
//
// The classes, read for a party register (Nghị định 13/2023/NĐ-CP on personal data protection, Art. 2):
//   'sensitive'        — personal data about someone. Party membership itself reveals a political view (Art. 2.4 a),
//                        so every field that describes a person in this register is handled as sensitive: names,
//                        birth dates, citizen ids, card numbers, addresses, phones, education; ethnicity and religion
//                        (Art. 2.4), health and sick leave (Art. 2.4 b), discipline, violations and criminal records
//                        (Art. 2.4 đ), opinions and assessments, grading results, screening evidence, salary bases and
//                        dues amounts; free-text notes and reasons about a person; JSON that carries any of these.
//   'basic'            — the record's mechanics: ids, codes, statuses of a workflow, organization names, dates of
//                        records and decisions, numbers of documents, versions, timestamps, hashes of the audit chain.
//   'secret_candidate' — credentials and anything that must never leave the server, not even to the person it is
//                        about: password hashes, session token hashes, TOTP seeds and the like. The export never reads
//                        them; it lists their names as withheld. (Whether some discipline or denunciation records are
//                        state secrets is a separate decision of the competent body, not a tag of this table.)

export type ColumnClass = 'basic' | 'sensitive' | 'secret_candidate';

type Columns = Record<string, ColumnClass>;

const B = 'basic' as const;
const S = 'sensitive' as const;
const X = 'secret_candidate' as const;

/** version / created_* / updated_*: the mechanics most editable tables end with. */
const EDITABLE_TAIL = { version: B, created_by: B, created_at: B, updated_at: B } as const;

export const CLASSIFICATION: Record<string, Columns> = {
  // ------------------------------------------------------------------ 0001 foundation
  organizations: {
    id: B, code: B, kind: B, name: B, parent_id: B, path: B, valid_from: B, valid_to: B, authority: B, version: B, created_at: B,
  },
  organization_events: { id: B, kind: B, effective_date: B, decision_ref: B, note: B, actor_user_id: B, created_at: B },
  organization_versions: { id: B, organization_id: B, kind: B, name: B, parent_id: B, authority: B, valid_from: B, valid_to: B, event_id: B },
  organization_event_links: { event_id: B, organization_id: B, role: B },
  persons: {
    id: B,
    full_name: S,
    birth_name: S,
    gender: S,
    birth_date: S,
    birthplace: S,
    hometown: S,
    permanent_address: S,
    temporary_address: S,
    ethnicity_code: S,
    religion_code: S,
    citizen_id: S,
    phone: S,
    general_education: S,
    professional_qualification: S,
    political_theory: S,
    occupation: S,
    /** Normalized name and citizen id. */
    search_text: S,
    sort_key: S,
    version: B,
    created_at: B,
    updated_at: B,
  },
  members: {
    id: B,
    person_id: B,
    /** official … expelled, struck_off: a removal or discipline shows here. */
    status: S,
    organization_id: B,
    org_path: B,
    /** Identify the person as a party member, like a citizen id. */
    history_number: S,
    card_number: S,
    admission_decision_date: B,
    ceremony_date: B,
    official_date: B,
    left_date: B,
    posts: S,
    search_text: S,
    sort_key: S,
    version: B,
    created_at: B,
    updated_at: B,
  },
  member_events: {
    id: B, member_id: B, kind: S, event_date: B, from_status: S, to_status: S, from_organization_id: B, to_organization_id: B,
    decision_ref: B, note: S, actor_user_id: B, created_at: B,
  },
  users: {
    id: B,
    username: B,
    display_name: S,
    /** normalizeVi(display_name) (migration 0015). */
    search_text: S,
    password_hash: X,
    role: B,
    organization_id: B,
    person_id: B,
    is_disabled: B,
    failed_count: B,
    locked_until: B,
    last_login_at: B,
    /** The TOTP shared secret (migration 0016); the other TOTP columns go with it (they tell about the factor). */
    totp_secret: X,
    totp_enrolled_at: X,
    totp_last_step: X,
    totp_pending_secret: X,
    version: B,
    created_at: B,
    updated_at: B,
  },
  /** The id is the SHA-256 of a live session token; mfa_pending: 'verify' / 'enroll' / null (migration 0016). */
  sessions: { id: X, user_id: B, created_at: B, last_seen_at: B, expires_at: B, mfa_pending: B },
  /** Names of changed fields only, never values (audit.repo.ts). */
  audit_log: {
    id: B, at: B, user_id: B, username: B, role: B, organization_id: B, request_id: B, action: B, object_type: B, object_id: B,
    outcome: B, changed_fields: B, prev_hash: B, hash: B,
  },

  // ------------------------------------------------------------------ 0002 member search (search-dialect.ts)
  /** Words of members.search_text: names and citizen ids. */
  member_terms: { term: S, sort_key: S, member_id: B },

  // ------------------------------------------------------------------ 0003 candidates and training
  candidates: {
    id: B, person_id: B, organization_id: B, mass_organization: B, mass_organization_name: B, reason: S, introduced_on: B,
    introduced_by_user_id: B, status: B, status_changed_on: B, helper_member_id: B, helper_assigned_on: B, version: B, created_at: B,
    updated_at: B,
  },
  candidate_events: {
    id: B, candidate_id: B, kind: B, event_date: B, from_status: B, to_status: B, helper_member_id: B, note: S, actor_user_id: B, created_at: B,
  },
  training_classes: {
    id: B, course_kind: B, name: B, organization_id: B, institution: B, start_date: B, end_date: B, session_count: B, search_text: B,
    version: B, created_at: B, updated_at: B,
  },
  training_enrolments: {
    id: B, class_id: B, person_id: B, attended_sessions: S, score_tenths: S, result: S, version: B, created_at: B, updated_at: B,
  },
  certificates: {
    id: B, enrolment_id: B, person_id: B, class_id: B, course_kind: B, institution: B, institution_key: B, issue_year: B, sequence: B,
    number: B, issued_on: B, valid_until: B, issued_by_user_id: B, created_at: B,
  },

  // ------------------------------------------------------------------ 0004 calendar and jobs
  calendar_years: { year: B, holidays: B, extra_working_days: B, note: B, active: B, updated_by: B, updated_at: B, version: B },
  calendar_year_versions: {
    id: B, year: B, version: B, action: B, holidays: B, extra_working_days: B, note: B, changed_by: B, changed_at: B,
  },
  job_runs: { id: B, name: B, trigger: B, started_at: B, finished_at: B, outcome: B, changed: B, error_code: B },

  // ------------------------------------------------------------------ 0005 admission
  admission_cases: {
    id: B,
    person_id: B,
    cell_id: B,
    candidate_id: B,
    status: B,
    /** The whole workflow state, facts included. */
    state: S,
    due_at: B,
    due_dates: B,
    overdue_since: B,
    education_level: S,
    education_exception: S,
    is_youth_union_member: S,
    employer_kind: S,
    mass_organizations: S,
    /** Family members and their histories. */
    relatives: S,
    over60_agreement: S,
    readmission: S,
    youth_union_resolution: S,
    application_date: B,
    history_date: B,
    member_history_completed_on: B,
    self_review_on: B,
    helper_assessment_on: B,
    place: B,
    decision_date: B,
    ceremony_date: B,
    official_date: B,
    member_id: B,
    opened_on: B,
    closed_on: B,
    opened_by_user_id: B,
    version: B,
    created_at: B,
    updated_at: B,
  },
  admission_decisions: {
    id: B, case_id: B, action_type: B, action: S, from_status: B, to_status: B, effective_on: B, checks: S, due_at: B, actor_user_id: B, at: B,
  },
  admission_refusals: {
    id: B, case_id: B, action_type: B, action: S, status: B, violations: S, rule_ids: B, on_date: B, actor_user_id: B, at: B,
  },
  admission_documents: {
    id: B, case_id: B, step: B, kind: B, file_name: S, mime: B, size: B, sha256: B, content_base64: S, uploaded_by_user_id: B, uploaded_at: B,
  },
  admission_verifications: {
    id: B, case_id: B, subject_key: B, relation: S, subject_name: S, request_organization: B, sent_on: B, reply_due_on: B, verifier_name: S,
    conclusion: S, result_note: S, verified_on: B, document_id: B, removed_on: B, created_at: B, updated_at: B,
  },
  admission_introducers: {
    id: B, case_id: B, member_id: B, same_unit: B, unit_name: B, months_with_applicant: B, introduced_on: B, removed_on: B, created_at: B,
  },
  admission_opinions: {
    id: B, case_id: B, phase: B, source: B, organization_key: B, organization_name: B, opinion_date: B, summary: S, document_id: B,
    removed_on: B, created_at: B,
  },
  admission_votes: {
    id: B,
    case_id: B,
    kind: B,
    meeting_date: B,
    motion: S,
    /** Names and standing of every member on the roll. */
    roll: S,
    committee_size: B,
    official_count: B,
    present_count: B,
    base: B,
    approve: S,
    reject: S,
    abstain: S,
    threshold_met: S,
    document: B,
    signer: S,
    recorded_by_user_id: B,
    created_at: B,
  },
  admission_helpers: { id: B, case_id: B, member_id: B, standing_when_assigned: B, assigned_on: B, removed_on: B, created_at: B },
  admission_extensions: {
    id: B, case_id: B, kind: B, working_days: B, granted_on: B, granted_by: B, document: B, due_before: B, due_after: B,
    recorded_by_user_id: B, created_at: B,
  },

  // ------------------------------------------------------------------ 0006 party life
  meetings: {
    id: B, organization_id: B, kind: B, status: B, meeting_date: B, planned_on: B, topic: B, chair: S, minute_taker: S, minutes: S,
    resolutions: S, attendance_recorded_at: B, ...EDITABLE_TAIL,
  },
  meeting_minutes_files: {
    meeting_id: B, file_name: B, mime_type: B, size_bytes: B, sha256: B, content_base64: S, uploaded_by: B, uploaded_at: B,
  },
  attendance: {
    meeting_id: B, member_id: B, status: B, /** May name an illness. */ reason: S, expected: B, expectation: B, recorded_by: B, recorded_at: B,
  },
  assignments: {
    id: B, member_id: B, organization_id: B, description: S, from_date: B, to_date: B, assigned_on: B, meeting_id: B, ...EDITABLE_TAIL,
  },
  exemptions: {
    id: B, member_id: B, organization_id: B, /** Health, age, hardship. */ reason: S, note: S, request_kind: B, requested_on: B,
    decided_on: B, decision_ref: B, from_date: B, to_date: B, from_activities: B, from_work: B, superior_informed_on: B, ...EDITABLE_TAIL,
  },
  residence_registrations: {
    id: B, member_id: B, residence_organization_id: B, residence_cell_name: B, residence_address: S, registered_on: B, ended_on: B,
    ...EDITABLE_TAIL,
  },
  residence_opinions: {
    id: B, registration_id: B, member_id: B, year: B, rating: S, comments: S, given_on: B, given_by: B, ...EDITABLE_TAIL,
  },

  // ------------------------------------------------------------------ 0007 dues
  regional_minimum_wages: {
    id: B, effective_from: B, source: B, region_i_vnd: B, region_ii_vnd: B, region_iii_vnd: B, region_iv_vnd: B, created_by: B, created_at: B,
  },
  dues_profiles: {
    id: B,
    member_id: B,
    /** Pensioner, student, worker abroad …: the person's situation. */
    dues_group: S,
    /** Insured salary, pension or benefit. */
    base_amount_vnd: S,
    region: B,
    on_sick_or_maternity_leave: S,
    band_amount_vnd: S,
    past_working_age: S,
    valid_from: B,
    valid_to: B,
    note: S,
    version: B,
    created_by: B,
    created_at: B,
    closed_by: B,
    closed_at: B,
  },
  dues_exemptions: {
    id: B, member_id: B, /** Poor household, serious illness. */ reason: S, decision_ref: B, decided_on: B, from_month: B, to_month: B,
    note: S, ...EDITABLE_TAIL,
  },
  dues_reductions: {
    id: B, member_id: B, percent: S, reason: S, decision_ref: B, decided_on: B, from_month: B, to_month: B, ...EDITABLE_TAIL,
  },
  dues_payment_batches: { id: B, idempotency_key: B, kind: B, item_count: B, recorded_by: B, recorded_at: B },
  dues_payments: {
    id: B, batch_id: B, member_id: B, organization_id: B, for_month: B, amount_vnd: S, paid_on: B, method: B, reference: B, expected_vnd: S,
    reverses_payment_id: B, note: S, recorded_by: B,
  },
  dues_good_reasons: {
    id: B, member_id: B, month: B, reason: S, accepted_by: B, accepted_on: B, decision_ref: B, version: B, created_by: B, created_at: B,
  },
  /** An organization's totals; only the receiver's signed name is about a person. */
  dues_remittances: {
    id: B, organization_id: B, to_organization_id: B, month: B, amount_vnd: B, remitted_on: B, reference: B, note: B, received_by: S,
    received_on: B, received_by_user: B, ...EDITABLE_TAIL,
  },

  // ------------------------------------------------------------------ 0008 transfers
  transfers: {
    id: B,
    member_id: B,
    kind: B,
    direction: B,
    status: B,
    /** Job change, retirement, demobilisation: a life event. */
    trigger: S,
    triggered_on: B,
    from_organization_id: B,
    to_organization_id: B,
    outside_organization_name: B,
    letter_number: B,
    letter_issued_on: B,
    signer_name: S,
    signer_title: B,
    start_due: B,
    presentation_due: B,
    received_on: B,
    received_by: B,
    receipt_ref: B,
    received_late: B,
    overdue_since: B,
    temporary_purpose: S,
    temporary_from: B,
    temporary_to: B,
    returned_on: B,
    cancelled_on: B,
    cancel_reason: S,
    note: S,
    ...EDITABLE_TAIL,
  },
  transfer_events: {
    id: B, transfer_id: B, kind: B, event_date: B, from_status: B, to_status: B, note: S, data: S, actor_user_id: B, at: B,
  },

  // ------------------------------------------------------------------ 0009 grading
  grading_cycles: {
    id: B, organization_id: B, year: B, status: B, criteria: B, params: B, quota_params: B, quota_justification: B, quota_check: B,
    roster_date: B, closed_on: B, ...EDITABLE_TAIL,
  },
  grading_entries: {
    id: B,
    cycle_id: B,
    member_id: B,
    organization_id: B,
    roster: B,
    self_scores: S,
    self_points: S,
    self_conditions: S,
    self_comment: S,
    self_by: B,
    self_at: B,
    proposed_level: S,
    proposal_comment: S,
    proposal_reason: S,
    proposed_by: B,
    proposed_at: B,
    decided_scores: S,
    decided_points: S,
    decided_conditions: S,
    decided_level: S,
    decision_reason: S,
    decided_by: B,
    decided_at: B,
    version: B,
    created_at: B,
    updated_at: B,
  },
  grading_events: { id: B, cycle_id: B, entry_id: B, kind: B, data: S, actor_user_id: B, created_at: B },

  // ------------------------------------------------------------------ 0010 screening and removal
  screening_runs: {
    id: B, organization_id: B, year: B, as_of: B, trigger: B, started_by: B, started_at: B, heartbeat_at: B, finished_at: B, status: B,
    members_total: B, members_done: B, flags_found: B, flags_new: B, flags_unchanged: B, flags_already_decided: B, error_code: B,
  },
  screening_flags: {
    id: B, key: B, member_id: B, organization_id: B, rule_id: B, kind: B, period: B, year: B, evidence: S, raised_on: B, run_id: B,
    review_due_on: B, created_at: B,
  },
  screening_flag_reviews: {
    id: B, flag_id: B, decision: S, decided_on: B, reason: S, follow_up_on: B, removal_case_id: B, referral_id: B, decided_by: B,
    decided_by_organization_id: B, at: B,
  },
  screening_flag_escalations: { id: B, flag_id: B, escalated_on: B, to_organization_id: B, at: B },
  discipline_referrals: {
    id: B, member_id: B, organization_id: B, flag_id: B, referred_on: B, reference: B, description: S, warrants_expulsion: S, concluded_on: B,
    outcome: S, conclusion_ref: B, ...EDITABLE_TAIL,
  },
  removal_cases: {
    id: B,
    member_id: B,
    organization_id: B,
    /** struck_off | released | expelled */
    form: S,
    status: B,
    grounds: S,
    leaving_cause: S,
    family_hardship: S,
    flag_id: B,
    referral_id: B,
    requested_on: B,
    request_ref: B,
    opened_on: B,
    self_reviewed_on: B,
    vote: S,
    voted_on: B,
    competent_organization_id: B,
    decided_on: B,
    decision_number: B,
    decision_signer_name: S,
    decision_signer_title: B,
    discipline_decision_ref: B,
    card_collected_on: B,
    closed_on: B,
    close_reason: S,
    ...EDITABLE_TAIL,
  },
  removal_requests: { id: B, case_id: B, sent_on: B, method: B, note: S, recorded_by: B, at: B },
  removal_decisions: {
    id: B, case_id: B, action: B, from_status: B, to_status: B, effective_on: B, checks: S, data: S, actor_user_id: B, at: B,
  },

  // ------------------------------------------------------------------ 0011 conduct
  violation_records: {
    id: B, member_id: B, organization_id: B, /** state_discipline | law_violation */ kind: S, decided_on: B, decided_by: B, reference: B,
    /** … criminal_conviction */ form: S, description: S, ...EDITABLE_TAIL,
  },
  front_opinions: {
    id: B, member_id: B, organization_id: B, year: B, rating: S, comments: S, given_on: B, given_by: B, ...EDITABLE_TAIL,
  },
  screening_flag_handovers: {
    id: B, flag_id: B, from_organization_id: B, to_organization_id: B, transfer_id: B, handed_over_on: B, at: B,
  },

  // ------------------------------------------------------------------ 0013 rule sets
  rule_set_versions: { id: B, rule_id: B, effective_from: B, params: B, source: B, note: B, created_by: B, created_at: B },

  // ------------------------------------------------------------------ 0014 privacy
  data_subject_requests: {
    id: B,
    member_id: B,
    person_id: B,
    kind: B,
    received_on: B,
    requester_note: S,
    acknowledge_due: B,
    respond_due: B,
    acknowledged_on: B,
    acknowledged_by: B,
    responded_on: B,
    responded_by: B,
    outcome: B,
    response_note: S,
    export_produced_at: B,
    ...EDITABLE_TAIL,
  },
};

/** Bookkeeping of the migrator and the engine, never classified. */
export const UNCLASSIFIED_TABLES: ReadonlySet<string> = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * How a row of a table is about a person, for the data subject's export (security.md item 26). A row belongs to the
 * export when ANY link of its table matches:
 *   person — `column` holds persons.id of the subject;
 *   member — `column` holds members.id of the subject;
 *   parent — `column` holds the id of a row of `parent` that belongs to the export (a case's decisions, a flag's review);
 *   audit  — audit rows made by the subject's accounts or about a record of the export (privacy.service.ts).
 * Rows only mentioning a person in free text (a meeting's chair, a name on another applicant's vote roll) are not
 * linked: the export follows the keys, not the prose.
 */
export type PersonLink =
  | { via: 'person'; column: string }
  | { via: 'member'; column: string }
  | { via: 'parent'; column: string; parent: string }
  | { via: 'audit' };

const byPerson = (column = 'person_id'): PersonLink[] => [{ via: 'person', column }];
const byMember = (column = 'member_id'): PersonLink[] => [{ via: 'member', column }];
const byParent = (parent: string, column: string): PersonLink[] => [{ via: 'parent', column, parent }];

export const PERSON_LINKS: Record<string, PersonLink[]> = {
  persons: byPerson('id'),
  members: [...byMember('id'), ...byPerson()],
  member_events: byMember(),
  member_terms: byMember(),
  /** The subject's own accounts (a member's login). */
  users: byPerson(),
  sessions: byParent('users', 'user_id'),
  audit_log: [{ via: 'audit' }],
  candidates: byPerson(),
  candidate_events: byParent('candidates', 'candidate_id'),
  training_enrolments: byPerson(),
  certificates: byPerson(),
  admission_cases: [...byPerson(), ...byMember()],
  admission_decisions: byParent('admission_cases', 'case_id'),
  admission_refusals: byParent('admission_cases', 'case_id'),
  admission_documents: byParent('admission_cases', 'case_id'),
  admission_verifications: byParent('admission_cases', 'case_id'),
  admission_opinions: byParent('admission_cases', 'case_id'),
  admission_votes: byParent('admission_cases', 'case_id'),
  admission_extensions: byParent('admission_cases', 'case_id'),
  /** The subject as introducer or helper of an applicant: their standing and months together are about them. */
  admission_introducers: [...byMember(), ...byParent('admission_cases', 'case_id')],
  admission_helpers: [...byMember(), ...byParent('admission_cases', 'case_id')],
  attendance: byMember(),
  assignments: byMember(),
  exemptions: byMember(),
  residence_registrations: byMember(),
  residence_opinions: byMember(),
  dues_profiles: byMember(),
  dues_exemptions: byMember(),
  dues_reductions: byMember(),
  dues_payments: byMember(),
  dues_good_reasons: byMember(),
  transfers: byMember(),
  transfer_events: byParent('transfers', 'transfer_id'),
  grading_entries: byMember(),
  grading_events: byParent('grading_entries', 'entry_id'),
  screening_flags: byMember(),
  screening_flag_reviews: byParent('screening_flags', 'flag_id'),
  screening_flag_escalations: byParent('screening_flags', 'flag_id'),
  screening_flag_handovers: byParent('screening_flags', 'flag_id'),
  discipline_referrals: byMember(),
  removal_cases: byMember(),
  removal_requests: byParent('removal_cases', 'case_id'),
  removal_decisions: byParent('removal_cases', 'case_id'),
  violation_records: byMember(),
  front_opinions: byMember(),
  data_subject_requests: [...byMember(), ...byPerson()],
};

/**
 * Tables with no row about one person, each with the reason; with PERSON_LINKS they cover every classified table
 * (classification.test.ts), so a new table must be placed in one or the other.
 */
export const UNLINKED_TABLES: Record<string, string> = {
  organizations: 'the organization tree',
  organization_events: 'events of organizations',
  organization_versions: 'history of organizations',
  organization_event_links: 'links between organization events',
  training_classes: 'classes; the learner is on training_enrolments',
  calendar_years: 'the working-day calendar',
  calendar_year_versions: 'history of the calendar',
  job_runs: 'scheduled jobs',
  meetings: "a cell's meetings; the member's line is on attendance",
  meeting_minutes_files: "a meeting's scanned minutes",
  regional_minimum_wages: 'national wage tables',
  dues_payment_batches: "a collection screen's submission; the member's payment is on dues_payments",
  dues_remittances: "an organization's totals",
  grading_cycles: "an organization's yearly cycle; the member's entry is on grading_entries",
  screening_runs: 'runs over a subtree; the flags are per member',
  rule_set_versions: 'national rule parameters',
};

/** The classification of a column, or undefined when it has none (the test makes sure it always has one). */
export function classOf(table: string, column: string): ColumnClass | undefined {
  return CLASSIFICATION[table]?.[column];
}

/** The columns of a table the export may read (everything but secret candidates), in declaration order. */
export function exportableColumns(table: string): string[] {
  return Object.entries(CLASSIFICATION[table] ?? {})
    .filter(([, c]) => c !== 'secret_candidate')
    .map(([name]) => name);
}

/** The secret-candidate columns of a table: never read by the export, only named as withheld. */
export function withheldColumns(table: string): string[] {
  return Object.entries(CLASSIFICATION[table] ?? {})
    .filter(([, c]) => c === 'secret_candidate')
    .map(([name]) => name);
}
