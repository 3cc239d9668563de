import { z } from 'zod';
import { ZIsoDate } from './common.contract.ts';

// The working-day calendar (rules.md "Working days"; issue 3 item 6) and the record of scheduled jobs.

/** Years the lunar conversion is accurate for (common/rules/lunar-calendar.ts: roughly 1800–2199). */
export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2199;

export const ZCalendarYear = z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR);
export const ZCalendarYearParams = z.object({ year: ZCalendarYear });

/**
 * Why a date is a day off. The statutory ones are Bộ luật Lao động 2019 Art. 112 §1; `compensatory` (nghỉ bù,
 * hoán đổi) is any other day off in the same stretch of days off as a statutory one; `other` is a day off the
 * government added that touches no statutory holiday.
 */
export const HOLIDAY_KINDS = ['new_year', 'tet', 'hung_kings', 'reunification', 'labour_day', 'national_day', 'compensatory', 'other'] as const;
export const ZHolidayKind = z.enum(HOLIDAY_KINDS);
export type HolidayKind = z.infer<typeof ZHolidayKind>;
export type StatutoryHolidayKind = Exclude<HolidayKind, 'compensatory' | 'other'>;

export const ZLunarDate = z.object({
  day: z.number().int(),
  month: z.number().int(),
  year: z.number().int(),
  leap: z.boolean(),
});

export const ZHoliday = z.object({
  date: z.string(),
  kind: ZHolidayKind,
  /** For `compensatory`: the statutory holiday whose stretch of days off it belongs to. */
  relatedTo: ZHolidayKind.nullable(),
  /** The official Vietnamese name (as printed in documents); the web shows its own text from `kind`. */
  name: z.string(),
  /** The lunar date, for holidays fixed by the lunar calendar (Tết, Giỗ Tổ Hùng Vương, and their compensatory days). */
  lunar: ZLunarDate.nullable(),
  /** Listed but on a Saturday or Sunday: it changes nothing (the compensatory day is listed separately). */
  isWeekend: z.boolean(),
});
export type Holiday = z.infer<typeof ZHoliday>;

export const ZCalendarUser = z.object({ id: z.number().int(), username: z.string(), displayName: z.string() });

export const ZCalendarYearResponse = z.object({
  year: z.number().int(),
  /** `stored`: a schedule an administrator confirmed from the government's announcement; `default`: computed. */
  source: z.enum(['stored', 'default']),
  holidays: z.array(ZHoliday),
  extraWorkingDays: z.array(z.string()),
  /** The computed schedule, for comparison and for starting an override from it. */
  defaultHolidays: z.array(z.string()),
  note: z.string().nullable(),
  updatedBy: ZCalendarUser.nullable(),
  updatedAt: z.string().nullable(),
  /** Compare-and-set token: 0 while the year has never been stored. */
  version: z.number().int().min(0),
});
export type CalendarYearResponse = z.infer<typeof ZCalendarYearResponse>;

const ZDates = z.array(ZIsoDate).max(366);

export const ZSaveCalendarYear = z.object({
  /** Weekdays off (public holidays, compensatory and swapped days); weekend dates may be listed and change nothing. */
  holidays: ZDates,
  /** Saturdays or Sundays worked in exchange for a weekday off (ngày làm bù). */
  extraWorkingDays: ZDates,
  /** Where the schedule comes from, e.g. the government's notice number and date. */
  note: z.string().trim().min(1).max(1000),
  version: z.number().int().min(0),
});
export type SaveCalendarYearInput = z.infer<typeof ZSaveCalendarYear>;

export const ZResetCalendarYearQuery = z.object({
  version: z.coerce.number().int().min(1),
  note: z.string().trim().max(1000).optional(),
});
export type ResetCalendarYearQuery = z.infer<typeof ZResetCalendarYearQuery>;

export const ZWorkingDaysQuery = z.object({
  from: ZIsoDate,
  /** Working days to count (negative: back); the start date is not counted. */
  days: z.coerce.number().int().min(-2000).max(2000),
});
export type WorkingDaysQuery = z.infer<typeof ZWorkingDaysQuery>;

export const ZWorkingDaysResponse = z.object({
  from: z.string(),
  days: z.number().int(),
  date: z.string(),
  /** Holidays (weekdays off) between the two dates, so a form can say why the deadline is later than it looks. */
  holidaysCrossed: z.array(ZHoliday),
});
export type WorkingDaysResponse = z.infer<typeof ZWorkingDaysResponse>;

// ---------------------------------------------------------------- jobs

export const JOB_OUTCOMES = ['running', 'success', 'failure'] as const;
export const ZJobOutcome = z.enum(JOB_OUTCOMES);
export type JobOutcome = z.infer<typeof ZJobOutcome>;

export const ZJobRunsQuery = z.object({
  name: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobRunsQuery = z.infer<typeof ZJobRunsQuery>;

export const ZJobRun = z.object({
  id: z.number().int(),
  name: z.string(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: ZJobOutcome,
  changed: z.number().int().nullable(),
  errorCode: z.string().nullable(),
});
export type JobRun = z.infer<typeof ZJobRun>;

export const ZJobRunsResponse = z.object({
  items: z.array(ZJobRun),
  /** Sweeps registered in the serving process. */
  sweeps: z.array(z.string()),
});
export type JobRunsResponse = z.infer<typeof ZJobRunsResponse>;
