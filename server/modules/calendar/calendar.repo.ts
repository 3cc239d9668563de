import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CalendarYearVersionsTable, CalendarYearsTable, Database } from '../../db/schema.ts';

// SQL only (architecture principle 3); the same statements on SQLite and PostgreSQL.

type Q = Kysely<Database>;

/** The schedules in force: every year an administrator stored and did not reset. */
export function listActiveYears(db: Q) {
  return db.selectFrom('calendar_years').select(['year', 'holidays', 'extra_working_days']).where('active', '=', 1).orderBy('year').execute();
}

/** A year's row (active or reset) with who last changed it. */
export function findYear(db: Q, year: number) {
  return db
    .selectFrom('calendar_years as c')
    .innerJoin('users as u', 'u.id', 'c.updated_by')
    .select([
      'c.year',
      'c.holidays',
      'c.extra_working_days',
      'c.note',
      'c.active',
      'c.updated_at',
      'c.version',
      'u.id as user_id',
      'u.username',
      'u.display_name',
    ])
    .where('c.year', '=', year)
    .executeTakeFirst();
}

export async function insertYear(db: Q, row: Insertable<CalendarYearsTable>): Promise<void> {
  await db.insertInto('calendar_years').values(row).execute();
}

/** Compare-and-set on `version`: false when someone changed the year meanwhile. */
export async function updateYearIfVersion(db: Q, year: number, version: number, patch: Updateable<CalendarYearsTable>): Promise<boolean> {
  const res = await db
    .updateTable('calendar_years')
    .set({ ...patch, version: version + 1 })
    .where('year', '=', year)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertYearVersion(db: Q, row: Insertable<CalendarYearVersionsTable>): Promise<void> {
  await db.insertInto('calendar_year_versions').values(row).execute();
}
