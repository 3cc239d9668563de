import type {
  CalendarYearResponse,
  ResetCalendarYearQuery,
  SaveCalendarYearInput,
  WorkingDaysQuery,
  WorkingDaysResponse,
} from '../../../common/contracts/calendar.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { compareIsoDate, dayOfWeek, parseIsoDate, type IsoDate } from '../../../common/rules/iso-date.ts';
import { addWorkingDays, buildCalendar, defaultYearSchedule, type YearSchedule } from '../../../common/rules/working-days.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as repo from './calendar.repo.ts';
import { describeHolidays } from './holiday-names.ts';
import { invalidateWorkingCalendar, loadWorkingCalendar, scheduleOfRow } from './working-calendar.ts';

type Ctx = RequestContext & { actor: Actor };

const isWeekend = (d: IsoDate) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
const unique = (dates: IsoDate[]) => [...new Set(dates)].sort(compareIsoDate);

// ---------------------------------------------------------------- reads

/** The schedule in force for `year` (stored or computed), every day off named, and who last changed it. */
export async function getCalendarYear(db: Db, year: number): Promise<CalendarYearResponse> {
  const row = await repo.findYear(db, year);
  const fallback = defaultYearSchedule(year);
  // Read from the row, not the cache: the page shows exactly what is stored now.
  const schedule = row?.active === 1 ? buildCalendar([scheduleOfRow(row)]).scheduleFor(year) : fallback;
  return {
    year,
    source: row?.active === 1 ? 'stored' : 'default',
    holidays: describeHolidays(schedule),
    extraWorkingDays: schedule.extraWorkingDays,
    defaultHolidays: fallback.holidays,
    note: row?.note ?? null,
    updatedBy: row ? { id: row.user_id, username: row.username, displayName: row.display_name } : null,
    updatedAt: row?.updated_at ?? null,
    version: row?.version ?? 0,
  };
}

/** The date `days` working days after `from` (before it when negative), and the holidays on the way. */
export async function previewWorkingDays(db: Db, q: WorkingDaysQuery): Promise<WorkingDaysResponse> {
  const calendar = await loadWorkingCalendar(db);
  const date = addWorkingDays(calendar, q.from, q.days);
  const [lo, hi] = q.from <= date ? [q.from, date] : [date, q.from];
  const crossed = [];
  for (let y = parseIsoDate(lo).y; y <= parseIsoDate(hi).y; y++) {
    for (const h of describeHolidays(calendar.scheduleFor(y))) {
      if (!h.isWeekend && h.date > lo && h.date <= hi) crossed.push(h);
    }
  }
  return { from: q.from, days: q.days, date, holidaysCrossed: crossed };
}

// ---------------------------------------------------------------- changes

/** The override as the calendar will hold it, or the field issues that refuse it. */
function checkedOverride(year: number, input: SaveCalendarYearInput): YearSchedule {
  const issues: FieldIssue[] = [];
  const holidays = new Set(input.holidays);
  input.holidays.forEach((d, i) => {
    if (parseIsoDate(d).y !== year) issues.push({ path: `holidays.${i}`, code: 'date_not_in_year', params: { date: d, year } });
  });
  input.extraWorkingDays.forEach((d, i) => {
    const path = `extraWorkingDays.${i}`;
    if (parseIsoDate(d).y !== year) issues.push({ path, code: 'date_not_in_year', params: { date: d, year } });
    // A weekday is a working day already; only a Saturday or Sunday can be worked in exchange.
    else if (!isWeekend(d)) issues.push({ path, code: 'extra_working_day_not_weekend', params: { date: d } });
    else if (holidays.has(d)) issues.push({ path, code: 'holiday_and_working_day', params: { date: d } });
  });
  if (issues.length) throw new DomainError('VALIDATION', { year }, issues);
  return { year, holidays: unique(input.holidays), extraWorkingDays: unique(input.extraWorkingDays) };
}

/** One transaction per change; a second insert of a never-stored year (PostgreSQL race) is a conflict, not a 500. */
async function inTransaction(db: Db, year: number, work: (trx: Db) => Promise<void>): Promise<void> {
  try {
    await db.transaction().execute((trx) => work(trx));
  } catch (err) {
    if (!(err instanceof DomainError) && isUniqueViolation(err)) throw new DomainError('CONFLICT', { year });
    throw err;
  } finally {
    // Also after a failure: a cached copy must never outlive a change that may have committed.
    invalidateWorkingCalendar(db);
  }
}

/**
 * Stores the government's schedule for `year` (PUT): compare-and-set on the version the administrator saw
 * (0 for a year never stored), a history row and an audit row in the same transaction.
 */
export async function saveCalendarYear(db: Db, ctx: Ctx, year: number, input: SaveCalendarYearInput): Promise<CalendarYearResponse> {
  const schedule = checkedOverride(year, input);
  const holidays = JSON.stringify(schedule.holidays);
  const extra = JSON.stringify(schedule.extraWorkingDays);
  const at = ctx.now.toISOString();
  await inTransaction(db, year, async (trx) => {
    const row = await repo.findYear(trx, year);
    const current = row?.version ?? 0;
    if (current !== input.version) throw new DomainError('CONFLICT', { year, version: current });
    const fields = { holidays, extra_working_days: extra, note: input.note, active: 1, updated_by: ctx.actor.userId, updated_at: at };
    if (!row) await repo.insertYear(trx, { year, ...fields, version: 1 });
    else if (!(await repo.updateYearIfVersion(trx, year, current, fields))) throw new DomainError('CONFLICT', { year });
    await repo.insertYearVersion(trx, {
      year,
      version: current + 1,
      action: 'stored',
      holidays,
      extra_working_days: extra,
      note: input.note,
      changed_by: ctx.actor.userId,
      changed_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'calendar.store',
      objectType: 'calendar_year',
      objectId: year,
      changedFields: ['holidays', 'extraWorkingDays', 'note'],
    });
  });
  return getCalendarYear(db, year);
}

/**
 * Back to the computed default (DELETE). The row stays with active = 0 and the next version, so history and the
 * compare-and-set token survive; the schedule that stops being in force is kept in calendar_year_versions.
 */
export async function resetCalendarYear(db: Db, ctx: Ctx, year: number, q: ResetCalendarYearQuery): Promise<CalendarYearResponse> {
  const at = ctx.now.toISOString();
  const note = q.note || null;
  await inTransaction(db, year, async (trx) => {
    const row = await repo.findYear(trx, year);
    if (!row || row.active !== 1) throw new DomainError('NOT_FOUND', { year });
    if (row.version !== q.version) throw new DomainError('CONFLICT', { year, version: row.version });
    if (!(await repo.updateYearIfVersion(trx, year, row.version, { active: 0, note, updated_by: ctx.actor.userId, updated_at: at }))) {
      throw new DomainError('CONFLICT', { year });
    }
    await repo.insertYearVersion(trx, {
      year,
      version: row.version + 1,
      action: 'reset',
      holidays: row.holidays,
      extra_working_days: row.extra_working_days,
      note,
      changed_by: ctx.actor.userId,
      changed_at: at,
    });
    await appendAudit(trx, ctx, { action: 'calendar.reset', objectType: 'calendar_year', objectId: year, changedFields: ['active'] });
  });
  return getCalendarYear(db, year);
}
