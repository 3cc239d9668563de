import { type Generated, type Kysely, sql } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// Screening, flag review and removal (issue 5, items 2–5; rules.md R-RMV-01…07, R-ADM-09, R-ADM-14, R-ADM-15,
// R-MGT-08). Kế hoạch 99-KH/HU II.4 asks that no flag be dismissed quietly (R-RMV-07), so a flag, its review and its
// escalation are three append-only tables: a flag row is never updated or deleted (the database refuses it on both
// engines), it is closed by exactly one review row, and it rises to the organization above by one escalation row.
// Scope is read through the organization's current path (organizations.path), never a copy here, so a move of a
// subtree carries its flags and cases along. Portable types only (architecture principle 9).

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  // One screening run: who started it (null = the scheduler), over which subtree and year, judged as of which day,
  // and its progress (members done of the total), read by the page while it runs.
  await addIdColumn(db.schema.createTable('screening_runs'), d)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    /** The business day the year was judged on (the cut-off is the earlier of this and 31 December). */
    .addColumn('as_of', 'text', (c) => c.notNull())
    /** manual | scheduled */
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_by', 'integer', (c) => c.references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    /** Last progress write (UTC instant): a run silent for long was interrupted. */
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    /** running | succeeded | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('members_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('members_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flags_found', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flags_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flags_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flags_already_decided', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .execute();
  await db.schema.createIndex('screening_runs_org_year').on('screening_runs').columns(['organization_id', 'year', 'id']).execute();
  await db.schema.createIndex('screening_runs_status').on('screening_runs').columns(['status', 'id']).execute();

  // A flag: a member, a rule, a kind, a period and the evidence (ids of meetings, months, years, documents, the
  // transfer). The key (member/rule/kind/period) is unique, so a second run adds no duplicate.
  await addIdColumn(db.schema.createTable('screening_flags'), d)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** The member's cell when the flag was raised: the cell that reviews it. */
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    /** The screened year. */
    .addColumn('year', 'integer', (c) => c.notNull())
    /** JSON FlagEvidence. */
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.notNull().references('screening_runs.id'))
    /** R-RMV-07: the last day the cell may decide before the flag rises to the organization above. */
    .addColumn('review_due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_flags_org_year').on('screening_flags').columns(['organization_id', 'year']).execute();
  await db.schema.createIndex('screening_flags_member').on('screening_flags').columns(['member_id', 'year']).execute();
  await db.schema.createIndex('screening_flags_due').on('screening_flags').columns(['review_due_on', 'id']).execute();
  await makeAppendOnly(db, d, 'screening_flags');

  // R-RMV-07: the one decision that closes a flag (unique per flag: a second decision is a conflict).
  await addIdColumn(db.schema.createTable('screening_flag_reviews'), d)
    .addColumn('flag_id', 'integer', (c) => c.notNull().unique().references('screening_flags.id'))
    /** removal_case | discipline_referral | education_plan | no_action */
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    /** The written reason (no_action, required) or a note. */
    .addColumn('reason', 'text')
    /** Education plan: the day the cell checks progress (12 months on, R-RMV-02). */
    .addColumn('follow_up_on', 'text')
    .addColumn('removal_case_id', 'integer')
    .addColumn('referral_id', 'integer')
    .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
    /** The organization of the decider: the cell, or the organization above once the flag rose to it. */
    .addColumn('decided_by_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, d, 'screening_flag_reviews');

  // R-RMV-07: a flag not decided by its due day rises to the organization above (the sweep writes this once).
  await addIdColumn(db.schema.createTable('screening_flag_escalations'), d)
    .addColumn('flag_id', 'integer', (c) => c.notNull().unique().references('screening_flags.id'))
    .addColumn('escalated_on', 'text', (c) => c.notNull())
    /** The organization above the flag's cell on that day; null when the cell has none (a root). */
    .addColumn('to_organization_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_flag_escalations_to').on('screening_flag_escalations').columns(['to_organization_id', 'flag_id']).execute();
  await makeAppendOnly(db, d, 'screening_flag_escalations');

  // A referral of a member to discipline (R-RMV-04/05 read it: a pending referral blocks release at own request; one
  // warranting expulsion blocks name removal and release). The discipline workflow itself (R-DIS) is not built: its
  // conclusion is recorded here, and an expulsion is concluded by a removal case of form 'expelled'.
  await addIdColumn(db.schema.createTable('discipline_referrals'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('flag_id', 'integer', (c) => c.references('screening_flags.id'))
    .addColumn('referred_on', 'text', (c) => c.notNull())
    /** The referral's reference (minutes, letter). */
    .addColumn('reference', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    /** The cell's assessment: the violation warrants expulsion (R-RMV-05). */
    .addColumn('warrants_expulsion', 'integer', (c) => c.notNull())
    .addColumn('concluded_on', 'text')
    /** no_discipline | reprimand | warning | dismissal | expulsion (R-DIS-01) */
    .addColumn('outcome', 'text')
    .addColumn('conclusion_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discipline_referrals_member').on('discipline_referrals').columns(['member_id', 'referred_on']).execute();
  await db.schema.createIndex('discipline_referrals_org').on('discipline_referrals').columns(['organization_id', 'referred_on']).execute();

  // A removal case (architecture principle 5): form, status, the steps' facts, version for compare-and-set.
  await addIdColumn(db.schema.createTable('removal_cases'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** The member's cell when the case was opened: the cell that votes. */
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    /** struck_off | released | expelled */
    .addColumn('form', 'text', (c) => c.notNull())
    /** self_review | cell_vote | decision | card_collection | removed | not_removed | withdrawn */
    .addColumn('status', 'text', (c) => c.notNull())
    /** JSON StruckOffGround[] (name removal). */
    .addColumn('grounds', 'text', (c) => c.notNull())
    /** R-ADM-15: why the member left (LEAVING_CAUSES), as the decision records it. */
    .addColumn('leaving_cause', 'text', (c) => c.notNull())
    .addColumn('family_hardship', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flag_id', 'integer', (c) => c.references('screening_flags.id'))
    .addColumn('referral_id', 'integer', (c) => c.references('discipline_referrals.id'))
    /** Release: the day of the member's written request and its reference (R-RMV-04). */
    .addColumn('requested_on', 'text')
    .addColumn('request_ref', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    /** R-RMV-03: the day the member self-reviewed before the cell. */
    .addColumn('self_reviewed_on', 'text')
    /** JSON: the cell's vote (meeting, tally, R-ADM-09 base as computed). */
    .addColumn('vote', 'text')
    .addColumn('voted_on', 'text')
    /** R-ADM-14: the body that decided (from the tree's authority 'removal' on the decision date). */
    .addColumn('competent_organization_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('decided_on', 'text')
    .addColumn('decision_number', 'text')
    .addColumn('decision_signer_name', 'text')
    .addColumn('decision_signer_title', 'text')
    /** Expulsion: the reference of the competent body's discipline decision. */
    .addColumn('discipline_decision_ref', 'text')
    /** R-MGT-08: the day the party card was collected. */
    .addColumn('card_collected_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('removal_cases_org').on('removal_cases').columns(['organization_id', 'status']).execute();
  await db.schema.createIndex('removal_cases_member').on('removal_cases').columns(['member_id', 'id']).execute();
  // One open case per member (partial unique index: the same syntax on both engines).
  await db.schema
    .createIndex('removal_cases_one_open')
    .on('removal_cases')
    .column('member_id')
    .unique()
    .where(sql<boolean>`status not in ('removed', 'not_removed', 'withdrawn')`)
    .execute();

  // R-RMV-03: the recorded requests to come and self-review (no response recorded: the member self-reviewing is).
  await addIdColumn(db.schema.createTable('removal_requests'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('removal_cases.id'))
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('removal_requests_case').on('removal_requests').columns(['case_id', 'sent_on']).execute();
  await makeAppendOnly(db, d, 'removal_requests');

  // Indexes on other modules' tables for the screening's loader (issue 5 bench): a run reads, per member, only the
  // absences that can count (R-RMV-01: without reason, expected) — a partial index holds just those — and the admission
  // case of a member (probation, R-REC) by member.
  await db.schema
    .createIndex('attendance_unexcused')
    .on('attendance')
    .columns(['member_id', 'meeting_id'])
    .where(sql<boolean>`status = 'absent_without_reason' and expected = 1`)
    .execute();
  await db.schema.createIndex('admission_cases_member').on('admission_cases').column('member_id').execute();
  // Members in id order with what a run reads of them: a run over a large subtree reads this narrow index instead of
  // the members' wide rows (names, search texts).
  await db.schema.createIndex('members_screening').on('members').columns(['id', 'organization_id', 'status', 'ceremony_date', 'admission_decision_date']).execute();

  // Every accepted step, what it was judged on (the checklist) and who took it.
  await addIdColumn(db.schema.createTable('removal_decisions'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('removal_cases.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    /** JSON RuleCheck[]. */
    .addColumn('checks', 'text', (c) => c.notNull())
    /** JSON: the step's input. */
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('removal_decisions_case').on('removal_decisions').columns(['case_id', 'id']).execute();
  await makeAppendOnly(db, d, 'removal_decisions');
}

// Row types, wired into server/db/schema.ts's Database.

export interface ScreeningRunsTable {
  id: Generated<number>;
  organization_id: number;
  year: number;
  as_of: string;
  trigger: string;
  started_by: number | null;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
  status: string;
  members_total: number;
  members_done: number;
  flags_found: number;
  flags_new: number;
  flags_unchanged: number;
  flags_already_decided: number;
  error_code: string | null;
}

export interface ScreeningFlagsTable {
  id: Generated<number>;
  key: string;
  member_id: number;
  organization_id: number;
  rule_id: string;
  kind: string;
  period: string;
  year: number;
  evidence: string;
  raised_on: string;
  run_id: number;
  review_due_on: string;
  created_at: string;
}

export interface ScreeningFlagReviewsTable {
  id: Generated<number>;
  flag_id: number;
  decision: string;
  decided_on: string;
  reason: string | null;
  follow_up_on: string | null;
  removal_case_id: number | null;
  referral_id: number | null;
  decided_by: number;
  decided_by_organization_id: number;
  at: string;
}

export interface ScreeningFlagEscalationsTable {
  id: Generated<number>;
  flag_id: number;
  escalated_on: string;
  to_organization_id: number | null;
  at: string;
}

export interface DisciplineReferralsTable {
  id: Generated<number>;
  member_id: number;
  organization_id: number;
  flag_id: number | null;
  referred_on: string;
  reference: string | null;
  description: string;
  warrants_expulsion: number;
  concluded_on: string | null;
  outcome: string | null;
  conclusion_ref: string | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface RemovalCasesTable {
  id: Generated<number>;
  member_id: number;
  organization_id: number;
  form: string;
  status: string;
  grounds: string;
  leaving_cause: string;
  family_hardship: number;
  flag_id: number | null;
  referral_id: number | null;
  requested_on: string | null;
  request_ref: string | null;
  opened_on: string;
  self_reviewed_on: string | null;
  vote: string | null;
  voted_on: string | null;
  competent_organization_id: number | null;
  decided_on: string | null;
  decision_number: string | null;
  decision_signer_name: string | null;
  decision_signer_title: string | null;
  discipline_decision_ref: string | null;
  card_collected_on: string | null;
  closed_on: string | null;
  close_reason: string | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface RemovalRequestsTable {
  id: Generated<number>;
  case_id: number;
  sent_on: string;
  method: string;
  note: string | null;
  recorded_by: number;
  at: string;
}

export interface RemovalDecisionsTable {
  id: Generated<number>;
  case_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  effective_on: string;
  checks: string;
  data: string;
  actor_user_id: number | null;
  at: string;
}
