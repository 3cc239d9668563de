// Names of the days off in a year's schedule, for people reading the calendar (issue 3 item 6). The schedule itself is
// only dates (working-days.ts); the name of a date follows Bộ luật Lao động 2019 Art. 112 §1 (the statutory holidays),
// and any other day off is named after the statutory holiday whose stretch of days off it extends (nghỉ bù, hoán đổi:
// Art. 111 §3 and the Prime Minister's yearly swaps, Art. 112 §3).
import type { Holiday, HolidayKind, StatutoryHolidayKind } from '../../../common/contracts/calendar.contract.ts';
import { addDays, dayOfWeek, formatIsoDate, parseIsoDate, toEpochDay, type IsoDate } from '../../../common/rules/iso-date.ts';
import { lunarToSolar, solarToLunar } from '../../../common/rules/lunar-calendar.ts';
import type { YearSchedule } from '../../../common/rules/working-days.ts';

/** Official Vietnamese names, as printed in documents and in the government's yearly notice. */
export const HOLIDAY_NAMES: Record<HolidayKind, string> = {
  new_year: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hung_kings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Giải phóng miền Nam, thống nhất đất nước',
  labour_day: 'Ngày Quốc tế Lao động',
  national_day: 'Quốc khánh',
  compensatory: 'Nghỉ bù',
  other: 'Ngày nghỉ khác',
};

const LUNAR_KINDS: ReadonlySet<HolidayKind> = new Set(['tet', 'hung_kings']);
/** How far a stretch of days off is followed to find the statutory holiday it belongs to (the longest Tết break is 9–10 days). */
const MAX_STRETCH = 16;

function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/**
 * Art. 112 §1: 1/1; Tết = the last day of the lunar year and 1/1–4/1 lunar; 10/3 lunar; 30/4; 1/5; 2/9 and one
 * adjacent day (1/9 or 3/9, whichever the yearly notice picks). Dates of `year` only.
 */
export function statutoryHolidays(year: number): Map<IsoDate, StatutoryHolidayKind> {
  const days = new Map<IsoDate, StatutoryHolidayKind>();
  days.set(formatIsoDate(year, 1, 1), 'new_year');
  const tet = lunarToSolar(1, 1, year);
  for (let i = -1; i < 4; i++) days.set(addDays(tet, i), 'tet');
  days.set(lunarToSolar(10, 3, year), 'hung_kings');
  days.set(formatIsoDate(year, 4, 30), 'reunification');
  days.set(formatIsoDate(year, 5, 1), 'labour_day');
  for (const d of [1, 2, 3]) days.set(formatIsoDate(year, 9, d), 'national_day');
  return days;
}

/** Every listed day off of the schedule, named, in date order. */
export function describeHolidays(schedule: YearSchedule): Holiday[] {
  const statutory = statutoryHolidays(schedule.year);
  const holidays = new Set(schedule.holidays);
  const extra = new Set(schedule.extraWorkingDays);
  const isOff = (d: IsoDate) => holidays.has(d) || (isWeekend(d) && !extra.has(d));
  const inYear = (d: IsoDate) => parseIsoDate(d).y === schedule.year;

  /** The nearest statutory holiday in the same stretch of days off (earlier one on a tie), or null. */
  function relatedOf(date: IsoDate): StatutoryHolidayKind | null {
    let best: { kind: StatutoryHolidayKind; distance: number } | null = null;
    for (const step of [-1, 1]) {
      let d = date;
      for (let i = 0; i < MAX_STRETCH; i++) {
        d = addDays(d, step);
        if (!inYear(d) || !isOff(d)) break;
        const kind = statutory.get(d);
        if (kind) {
          const distance = Math.abs(toEpochDay(d) - toEpochDay(date));
          if (!best || distance < best.distance) best = { kind, distance };
          break;
        }
      }
    }
    return best?.kind ?? null;
  }

  return [...holidays].sort().map((date) => {
    const own = statutory.get(date);
    // 3/9 is the adjacent National Day only when 1/9 is not taken as it (otherwise it is a compensatory day).
    const isSpareAdjacent = own === 'national_day' && date.endsWith('-09-03') && holidays.has(formatIsoDate(schedule.year, 9, 1));
    const relatedTo = own && !isSpareAdjacent ? null : relatedOf(date);
    const kind: HolidayKind = own && !isSpareAdjacent ? own : relatedTo ? 'compensatory' : 'other';
    const lunarBased = LUNAR_KINDS.has(kind) || (relatedTo !== null && LUNAR_KINDS.has(relatedTo));
    return {
      date,
      kind,
      relatedTo,
      name: kind === 'compensatory' && relatedTo ? `${HOLIDAY_NAMES.compensatory} ${HOLIDAY_NAMES[relatedTo]}` : HOLIDAY_NAMES[kind],
      lunar: lunarBased ? solarToLunar(date) : null,
      isWeekend: isWeekend(date),
    };
  });
}
