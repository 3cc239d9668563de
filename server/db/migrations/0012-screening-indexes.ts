import type { Kysely } from 'kysely';

// Indexes for a screening run's one row per member (issue 5 bench; screening.repo.ts listChunkMembers): the run looks
// up, for every member, an assignment in force on the cut-off (R-MGT-01) and the dues profile versions of the judged
// months (R-DUE). With every column the run reads in the index, each lookup is one index seek and no table read.
// They sit beside the narrower member indexes of 0006 and 0007, which other modules' queries use.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('assignments_member_in_force').on('assignments').columns(['member_id', 'from_date', 'to_date']).execute();
  await db.schema
    .createIndex('dues_profiles_member_facts')
    .on('dues_profiles')
    .columns(['member_id', 'valid_from', 'valid_to', 'dues_group', 'base_amount_vnd', 'region', 'on_sick_or_maternity_leave', 'band_amount_vnd', 'past_working_age'])
    .execute();
}
