import type { Generated, Kysely } from 'kysely';
import { addIdColumn, dialectOf, makeAppendOnly } from '../dialect.ts';

// A member's conduct on record outside the party's own discipline (issue 5, item 2; rules.md R-RMV-06): violations
// of state discipline or of the law recorded by the cell from a document of the body that decided them, and the
// Fatherland Front's yearly opinion on the member's prestige where they live (Quy định 124-QĐ/TW 2018). Screening
// reads both; party discipline stays on discipline_referrals (0010). And flag handovers: an open flag follows its
// member to the new cell on a completed transfer (the flag row itself is append-only, so the handover is a row).
// Portable types only (architecture principle 9).

export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);

  await addIdColumn(db.schema.createTable('violation_records'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    /** The member's cell when it was recorded. */
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    /** state_discipline | law_violation */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The day the deciding body decided (a state discipline decision, a judgment, an administrative sanction). */
    .addColumn('decided_on', 'text', (c) => c.notNull())
    /** The body that decided, as written on its document: e.g. 'UBND xã Hiệp Thạnh', 'TAND tỉnh Lâm Đồng'. */
    .addColumn('decided_by', 'text', (c) => c.notNull())
    /** The document's number and symbol, e.g. '125/QĐ-UBND'. */
    .addColumn('reference', 'text', (c) => c.notNull())
    /** state discipline: reprimand | warning | demotion | dismissal | forced_resignation;
     *  law: administrative_sanction | criminal_conviction */
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('violation_records_member').on('violation_records').columns(['member_id', 'decided_on']).execute();
  await db.schema.createIndex('violation_records_org').on('violation_records').columns(['organization_id', 'decided_on']).execute();

  // The Front's opinion for a year (one per member and year), as the Front committee of the residential area gave it.
  await addIdColumn(db.schema.createTable('front_opinions'), d)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    /** good | average | low (the same scale as residence_opinions) */
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('comments', 'text')
    .addColumn('given_on', 'text', (c) => c.notNull())
    /** Who gave it, as signed: e.g. 'Ban công tác Mặt trận khu dân cư thôn 2'. */
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('front_opinions_member_year', ['member_id', 'year'])
    .execute();

  // An open flag handed over to the member's new cell when a transfer is received (R-RMV-07: the cell the member
  // lives in now reviews it; the raising cell stays on the flag). The latest handover of a flag says who reviews it.
  await addIdColumn(db.schema.createTable('screening_flag_handovers'), d)
    .addColumn('flag_id', 'integer', (c) => c.notNull().references('screening_flags.id'))
    .addColumn('from_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('to_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('transfer_id', 'integer', (c) => c.references('transfers.id'))
    .addColumn('handed_over_on', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_flag_handovers_flag').on('screening_flag_handovers').columns(['flag_id', 'id']).execute();
  await db.schema.createIndex('screening_flag_handovers_to').on('screening_flag_handovers').columns(['to_organization_id', 'flag_id']).execute();
  await makeAppendOnly(db, d, 'screening_flag_handovers');
  // Reads that follow a flag to its member's current cell scan the year's flags (screening.repo.ts ownerOf).
  await db.schema.createIndex('screening_flags_year').on('screening_flags').columns(['year', 'id']).execute();
}

// Row types of these tables, wired into server/db/schema.ts's Database.

export interface ViolationRecordsTable {
  id: Generated<number>;
  member_id: number;
  organization_id: number;
  kind: string;
  decided_on: string;
  decided_by: string;
  reference: string;
  form: string;
  description: string;
  version: Generated<number>;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface FrontOpinionsTable {
  id: Generated<number>;
  member_id: number;
  organization_id: number;
  year: number;
  rating: string;
  comments: string | null;
  given_on: string;
  given_by: string;
  version: Generated<number>;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface ScreeningFlagHandoversTable {
  id: Generated<number>;
  flag_id: number;
  from_organization_id: number;
  to_organization_id: number;
  transfer_id: number | null;
  handed_over_on: string;
  at: string;
}
