import type { Holiday, HolidayKind } from '../../../common/contracts/calendar.contract.ts';
import { addDays, dayOfWeek, daysInMonth, formatIsoDate, toEpochDay, type IsoDate } from '../../../common/rules/iso-date.ts';
import { type LunarDate, solarToLunar } from '../../../common/rules/lunar-calendar.ts';

// What the year view draws: each date's state under the schedule being shown (or edited), derived in one place.

export interface DayView {
  date: IsoDate;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  isWeekend: boolean;
  /** Listed as a day off (a weekend day may be listed too). */
  isHoliday: boolean;
  /** A weekend day worked (swap). */
  isExtra: boolean;
  /** Not a working day. */
  isOff: boolean;
  /** The server's name for the day, when it is a saved day off. */
  holiday: Holiday | null;
  /** Differs from the saved schedule (while editing). */
  isChanged: boolean;
  lunar: LunarDate;
}

export interface Schedule {
  holidays: ReadonlySet<IsoDate>;
  extraWorkingDays: ReadonlySet<IsoDate>;
}

const lunarCache = new Map<number, Map<IsoDate, LunarDate>>();

/** Every date of the year with its lunar date (computed once per year: the conversion is pure). */
export function lunarDatesOf(year: number): Map<IsoDate, LunarDate> {
  let dates = lunarCache.get(year);
  if (!dates) {
    dates = new Map();
    for (let d = formatIsoDate(year, 1, 1); d <= formatIsoDate(year, 12, 31); d = addDays(d, 1)) dates.set(d, solarToLunar(d));
    lunarCache.set(year, dates);
  }
  return dates;
}

export function buildYearDays(year: number, shown: Schedule, saved: Schedule, named: ReadonlyMap<IsoDate, Holiday>): Map<IsoDate, DayView> {
  const lunar = lunarDatesOf(year);
  const days = new Map<IsoDate, DayView>();
  for (let m = 1; m <= 12; m++) {
    for (let day = 1; day <= daysInMonth(year, m); day++) {
      const date = formatIsoDate(year, m, day);
      const weekday = dayOfWeek(date);
      const isWeekend = weekday === 0 || weekday === 6;
      const isHoliday = shown.holidays.has(date);
      const isExtra = !isHoliday && shown.extraWorkingDays.has(date);
      const isChanged = isHoliday !== saved.holidays.has(date) || isExtra !== (!saved.holidays.has(date) && saved.extraWorkingDays.has(date));
      days.set(date, {
        date,
        day,
        weekday,
        isWeekend,
        isHoliday,
        isExtra,
        isOff: isHoliday || (isWeekend && !isExtra),
        holiday: isHoliday ? (named.get(date) ?? null) : null,
        isChanged,
        lunar: lunar.get(date)!,
      });
    }
  }
  return days;
}

/**
 * One click while editing: a weekday becomes a day off or a working day again; a Saturday or Sunday becomes a
 * working day (swap) or a weekend again (a listed weekend day off is simply unlisted first).
 */
export function toggleDay(schedule: Schedule, date: IsoDate): Schedule {
  const holidays = new Set(schedule.holidays);
  const extra = new Set(schedule.extraWorkingDays);
  const weekday = dayOfWeek(date);
  if (weekday !== 0 && weekday !== 6) {
    if (!holidays.delete(date)) holidays.add(date);
  } else if (holidays.has(date)) {
    holidays.delete(date);
  } else if (!extra.delete(date)) {
    extra.add(date);
  }
  return { holidays, extraWorkingDays: extra };
}

export interface HolidayGroup {
  /** The holiday the days belong to (a compensatory day belongs to its statutory holiday). */
  family: HolidayKind;
  /** Every day of the group is a compensatory day. */
  isCompensatoryOnly: boolean;
  from: IsoDate;
  to: IsoDate;
  days: Holiday[];
  /** Days off that would otherwise be working days. */
  weekdaysOff: number;
}

/** Consecutive days off of the same holiday, for the list beside the calendar. */
export function groupHolidays(holidays: readonly Holiday[]): HolidayGroup[] {
  const groups: HolidayGroup[] = [];
  for (const h of holidays) {
    const family = h.kind === 'compensatory' && h.relatedTo ? h.relatedTo : h.kind;
    const last = groups.at(-1);
    if (last && last.family === family && toEpochDay(h.date) - toEpochDay(last.to) === 1) {
      last.to = h.date;
      last.days.push(h);
      last.isCompensatoryOnly &&= h.kind === 'compensatory';
      if (!h.isWeekend) last.weekdaysOff++;
    } else {
      groups.push({ family, isCompensatoryOnly: h.kind === 'compensatory', from: h.date, to: h.date, days: [h], weekdaysOff: h.isWeekend ? 0 : 1 });
    }
  }
  return groups;
}

/** Monday-first column of a weekday (Vietnamese calendars start the week on Monday). */
export const columnOf = (weekday: number) => (weekday + 6) % 7;
