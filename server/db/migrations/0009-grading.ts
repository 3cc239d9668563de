import type { Generated, Kysely } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// Yearly grading of members (issue 5 item 1; rules.md R-GRD, Quy định 366-QĐ/TW): one cycle per grassroots
// organization and year, one entry per member of it, and an append-only log of every step. Portable types only
// (architecture principle 9): integer ids, dates as 'YYYY-MM-DD' text, instants as UTC ISO text, JSON as text.

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  // The criteria and the numbers of R-GRD / R-GRD-01 in force at the year's end are copied onto the cycle when it is
  // created (criteria and quota can be changed while it is open), so a later rule-set version never regrades a year.
  await addIdColumn(db.schema.createTable('grading_cycles'), d)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    /** open | self_assessment | cell_proposal | committee_decision | closed */
    .addColumn('status', 'text', (c) => c.notNull())
    /** JSON [{code, name, maxPoints}], maxima adding up to params.maxPoints. */
    .addColumn('criteria', 'text', (c) => c.notNull())
    /** JSON GradingParams without criteria (thresholds of R-GRD). */
    .addColumn('params', 'text', (c) => c.notNull())
    /** JSON ExcellentQuotaParams (R-GRD-01, configurable). */
    .addColumn('quota_params', 'text', (c) => c.notNull())
    /** Recorded when the organization closes over the excellent quota (R-GRD-01 exception). */
    .addColumn('quota_justification', 'text')
    /** JSON RuleCheck of R-GRD-01 as judged at closing. */
    .addColumn('quota_check', 'text')
    /** Business date the roster was last taken (exemptions are judged on it, R-GRD-02). */
    .addColumn('roster_date', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('grading_cycles_org_year', ['organization_id', 'year'])
    .execute();
  await db.schema.createIndex('grading_cycles_year').on('grading_cycles').columns(['year', 'organization_id']).execute();

  // One member in one cycle: the self-assessment, the cell's proposal and the committee's decision, each kept as its
  // latest value here (every version is in grading_events).
  await addIdColumn(db.schema.createTable('grading_entries'), d)
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('grading_cycles.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** The member's cell when taken onto the roster. */
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    /** graded | exempted (R-GRD-02: not graded) | left (no longer a member of the organization) */
    .addColumn('roster', 'text', (c) => c.notNull())
    /** JSON {criterionCode: points}. */
    .addColumn('self_scores', 'text')
    .addColumn('self_points', 'integer')
    /** JSON GradeConditions. */
    .addColumn('self_conditions', 'text')
    .addColumn('self_comment', 'text')
    .addColumn('self_by', 'integer', (c) => c.references('users.id'))
    .addColumn('self_at', 'text')
    /** excellent | good | completed | not_completed */
    .addColumn('proposed_level', 'text')
    .addColumn('proposal_comment', 'text')
    /** Why the cell proposes a level below what the points and conditions allow. */
    .addColumn('proposal_reason', 'text')
    .addColumn('proposed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('proposed_at', 'text')
    /** The committee's own assessment when it corrects the self-assessment (null: the self-assessment stands). */
    .addColumn('decided_scores', 'text')
    .addColumn('decided_points', 'integer')
    .addColumn('decided_conditions', 'text')
    .addColumn('decided_level', 'text')
    /** Why the committee decides a level below what the points and conditions allow. */
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('grading_entries_cycle_member', ['cycle_id', 'member_id'])
    .execute();
  // gradingResults(memberId) and the member panel read by member; the report groups a year's entries by cycle.
  await db.schema.createIndex('grading_entries_member').on('grading_entries').columns(['member_id', 'cycle_id']).execute();
  await db.schema.createIndex('grading_entries_org').on('grading_entries').columns(['organization_id', 'cycle_id']).execute();

  // Append-only: every step of every cycle and entry (history is kept, never overwritten; principle 7).
  await addIdColumn(db.schema.createTable('grading_events'), d)
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('grading_cycles.id'))
    .addColumn('entry_id', 'integer', (c) => c.references('grading_entries.id'))
    /** created | updated | advanced | closed | self_assessment | proposal | decision */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON of what was recorded. */
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grading_events_entry').on('grading_events').columns(['entry_id', 'id']).execute();
  await db.schema.createIndex('grading_events_cycle').on('grading_events').columns(['cycle_id', 'id']).execute();
  await makeAppendOnly(db, d, 'grading_events');
}

// Row types of these tables, wired into server/db/schema.ts's Database.

export interface GradingCyclesTable {
  id: Generated<number>;
  organization_id: number;
  year: number;
  status: string;
  criteria: string;
  params: string;
  quota_params: string;
  quota_justification: string | null;
  quota_check: string | null;
  roster_date: string | null;
  closed_on: string | null;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface GradingEntriesTable {
  id: Generated<number>;
  cycle_id: number;
  member_id: number;
  organization_id: number;
  roster: string;
  self_scores: string | null;
  self_points: number | null;
  self_conditions: string | null;
  self_comment: string | null;
  self_by: number | null;
  self_at: string | null;
  proposed_level: string | null;
  proposal_comment: string | null;
  proposal_reason: string | null;
  proposed_by: number | null;
  proposed_at: string | null;
  decided_scores: string | null;
  decided_points: number | null;
  decided_conditions: string | null;
  decided_level: string | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GradingEventsTable {
  id: Generated<number>;
  cycle_id: number;
  entry_id: number | null;
  kind: string;
  data: string;
  actor_user_id: number | null;
  created_at: string;
}
