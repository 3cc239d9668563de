import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ZIsoDate } from '../../../common/contracts/common.contract.ts';
import { buildCalendar, type WorkingCalendar, type YearSchedule } from '../../../common/rules/working-days.ts';
import type { Database } from '../../db/schema.ts';
import { listActiveYears } from './calendar.repo.ts';

// The working-day calendar every module computes due dates with (rules.md "Working days"; architecture principle 5:
// due dates are computed by a pure calculator, then stored). It is read once and kept in memory: the yearly
// schedules change a few times a year, due dates are computed on every case step.

/**
 * Other server processes on the same PostgreSQL database learn of a change only when their copy expires: at most this
 * long after an administrator's change, a due date may still follow the previous schedule there.
 */
const CACHE_TTL_MS = 60_000;

interface Entry {
  calendar: Promise<WorkingCalendar>;
  loadedAt: number;
}

/**
 * Keyed by the Kysely adapter, which a database handle shares with every transaction opened on it (Kysely's
 * executor keeps it across withConnectionProvider), so `loadWorkingCalendar(trx)` hits the same copy as
 * `loadWorkingCalendar(db)`, while each test database has its own.
 */
const cache = new WeakMap<object, Entry>();
const keyOf = (db: Kysely<Database>): object => db.getExecutor().adapter;

const ZDates = z.array(ZIsoDate);

/** Parses stored JSON text (principle 9); a malformed row fails loudly rather than computing wrong deadlines. */
export function scheduleOfRow(row: { year: number; holidays: string; extra_working_days: string }): YearSchedule {
  return { year: row.year, holidays: ZDates.parse(JSON.parse(row.holidays)), extraWorkingDays: ZDates.parse(JSON.parse(row.extra_working_days)) };
}

async function readCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  const rows = await listActiveYears(db);
  return buildCalendar(rows.map(scheduleOfRow));
}

/**
 * The working calendar in force: the years an administrator stored, the computed default for every other year.
 * Pass `db` or a transaction; the copy in memory is shared and dropped whenever the calendar service changes a year.
 */
export function loadWorkingCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  const key = keyOf(db);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.loadedAt < CACHE_TTL_MS) return hit.calendar;
  const entry: Entry = { calendar: readCalendar(db), loadedAt: Date.now() };
  cache.set(key, entry);
  entry.calendar.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return entry.calendar;
}

/** Drops the copy in memory (after a change is committed); the next load reads the database. */
export function invalidateWorkingCalendar(db: Kysely<Database>): void {
  cache.delete(keyOf(db));
}
