// Deadlines counted in working days (R-ADM-11, R-ADM-12, R-REC-04, R-MGT-05 …; rules.md "Working days").
// Weekly rest is Saturday and Sunday for party and state bodies; public holidays are those of Bộ luật Lao
// động 2019 Art. 112 §1. The Prime Minister fixes the exact Tết and National Day days every year (Art. 112 §3)
// and often swaps a weekday off for a Saturday worked, so each year's schedule is data an administrator can
// replace; the computed default is only a fallback.
import { addDays, compareIsoDate, dayOfWeek, formatIsoDate, isIsoDate, parseIsoDate, type IsoDate } from './iso-date.ts';
import { lunarToSolar } from './lunar-calendar.ts';

export interface YearSchedule {
  year: number;
  /** Weekdays off: public holidays and compensatory days (weekend dates may be listed too; they change nothing). */
  holidays: IsoDate[];
  /** Weekend days made working days by a swap (ngày làm bù). */
  extraWorkingDays: IsoDate[];
}

export interface WorkingCalendar {
  /** The schedule in force for `year`: the administrator's override when there is one, else the default. */
  scheduleFor(year: number): YearSchedule;
}

const TET_DAYS = 5; // Art. 112 §1 b

function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/**
 * Bộ luật Lao động 2019 Art. 112 §1: 1/1; Tết = the last day of the lunar year (30/12, or 29/12 when month 12
 * is short) and 1/1–4/1 lunar; 10/3 lunar; 30/4; 1/5; 2/9 and one adjacent day (1/9 by default).
 * Art. 111 §3: a holiday on a weekly rest day is made up on the next working day.
 */
export function defaultYearSchedule(year: number): YearSchedule {
  const tet = lunarToSolar(1, 1, year);
  const statutory = [
    formatIsoDate(year, 1, 1),
    ...Array.from({ length: TET_DAYS }, (_, i) => addDays(tet, i - 1)),
    lunarToSolar(10, 3, year),
    formatIsoDate(year, 4, 30),
    formatIsoDate(year, 5, 1),
    formatIsoDate(year, 9, 1),
    formatIsoDate(year, 9, 2),
  ].sort(compareIsoDate);
  const holidays = new Set(statutory);
  for (const holiday of statutory) {
    if (!isWeekend(holiday)) continue;
    let compensatory = addDays(holiday, 1);
    while (isWeekend(compensatory) || holidays.has(compensatory)) compensatory = addDays(compensatory, 1);
    holidays.add(compensatory);
  }
  return { year, holidays: [...holidays].sort(compareIsoDate), extraWorkingDays: [] };
}

function checkedSchedule(schedule: YearSchedule): YearSchedule {
  const dates = [...schedule.holidays, ...schedule.extraWorkingDays];
  const stray = dates.find((d) => !isIsoDate(d) || parseIsoDate(d).y !== schedule.year);
  if (!Number.isInteger(schedule.year) || stray !== undefined) {
    throw new RangeError(`Schedule ${schedule.year}: ${stray ?? 'bad year'} is not a date of that year`);
  }
  const unique = (ds: IsoDate[]) => [...new Set(ds)].sort(compareIsoDate);
  return { year: schedule.year, holidays: unique(schedule.holidays), extraWorkingDays: unique(schedule.extraWorkingDays) };
}

interface IndexedSchedule {
  holidays: ReadonlySet<IsoDate>;
  extraWorkingDays: ReadonlySet<IsoDate>;
}

const indexes = new WeakMap<YearSchedule, IndexedSchedule>();

function indexOf(schedule: YearSchedule): IndexedSchedule {
  let index = indexes.get(schedule);
  if (index === undefined) {
    index = { holidays: new Set(schedule.holidays), extraWorkingDays: new Set(schedule.extraWorkingDays) };
    indexes.set(schedule, index);
  }
  return index;
}

/** One override per year replaces that year's default entirely (the government's schedule is authoritative). */
export function buildCalendar(overrides: readonly YearSchedule[]): WorkingCalendar {
  const schedules = new Map<number, YearSchedule>();
  for (const override of overrides) {
    if (schedules.has(override.year)) throw new RangeError(`Two schedules for ${override.year}`);
    schedules.set(override.year, checkedSchedule(override));
  }
  return {
    scheduleFor(year: number): YearSchedule {
      let schedule = schedules.get(year);
      if (schedule === undefined) {
        schedule = defaultYearSchedule(year);
        schedules.set(year, schedule);
      }
      return schedule;
    },
  };
}

export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  const { holidays, extraWorkingDays } = indexOf(cal.scheduleFor(parseIsoDate(date).y));
  if (holidays.has(date)) return false;
  return extraWorkingDays.has(date) || !isWeekend(date);
}

/** The first working day after `date`. */
export function nextWorkingDay(cal: WorkingCalendar, date: IsoDate): IsoDate {
  let d = addDays(date, 1);
  while (!isWorkingDay(cal, d)) d = addDays(d, 1);
  return d;
}

/**
 * The n-th working day after `date` (n < 0: before it), `date` itself not counted; always a working day,
 * so n = 0 gives `date` when it is a working day and the next working day otherwise.
 */
export function addWorkingDays(cal: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
  if (n === 0) return isWorkingDay(cal, date) ? date : nextWorkingDay(cal, date);
  const step = n > 0 ? 1 : -1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** Working days in (from, to]; negative when `to` is before `from`. */
export function workingDaysBetween(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  if (to < from) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(cal, d)) count++;
  }
  return count;
}
