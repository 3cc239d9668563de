// Business dates as 'YYYY-MM-DD' text with no time zone (architecture principles 6 and 9):
// they compare as strings, store as TEXT on both engines, and never shift with the server's zone.
// Day arithmetic is done on integer day numbers, so nothing here depends on the host clock or zone.

/** A calendar date 'YYYY-MM-DD' (proleptic Gregorian, years 0001–9999), as lived in Vietnam. */
export type IsoDate = string;

export interface DateParts {
  y: number;
  m: number;
  d: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI_DATE_PATTERN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000; // Asia/Ho_Chi_Minh is UTC+7 all year (no DST since 1975)

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function isValidParts(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(s);
  return match !== null && isValidParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Throws RangeError on anything but a real calendar date: callers validate input at the edge. */
export function parseIsoDate(s: IsoDate): DateParts {
  const match = ISO_DATE_PATTERN.exec(s);
  const parts = match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : null;
  if (!parts || !isValidParts(parts.y, parts.m, parts.d)) throw new RangeError(`Not an ISO date: ${s}`);
  return parts;
}

export function formatIsoDate(y: number, m: number, d: number): IsoDate {
  if (!isValidParts(y, m, d)) throw new RangeError(`Not a calendar date: ${y}-${m}-${d}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil), so day arithmetic is plain integers. */
export function toEpochDay(date: IsoDate): number {
  const { y: year, m, d } = parseIsoDate(date);
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + n);
}

/** Same day of month n months later, clamped to the month's end (2025-01-31 + 1 month = 2025-02-28). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const monthIndex = y * 12 + (m - 1) + n;
  const ny = Math.floor(monthIndex / 12);
  const nm = monthIndex - ny * 12 + 1;
  return formatIsoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function compareIsoDate(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay(); 1970-01-01 was a Thursday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/**
 * Whole calendar months between the months of the two dates, the day of month ignored.
 * R-ADM-01 (Quy định 294-QĐ/TW §1.1.1): born in 08/2008 → 216 months (18 years) on any day of 08/2026.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return (b.y - a.y) * 12 + (b.m - a.m);
}

/** Ordinary age: full years completed on `on`; someone born on 29/2 turns a year older on 1/3 in common years. */
export function ageInFullYears(birth: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(birth);
  const o = parseIsoDate(on);
  const hadBirthday = o.m > b.m || (o.m === b.m && o.d >= b.d);
  return o.y - b.y - (hadBirthday ? 0 : 1);
}

/** The business date in Vietnam at instant `now`; a fixed +7 h offset, so it never depends on the host's Intl data. */
export function todayInVietnam(now: Date): IsoDate {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  const local = new Date(t + VIETNAM_UTC_OFFSET_MS);
  return formatIsoDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** 'dd/mm/yyyy', the way Vietnamese documents and forms write dates. */
export function formatDateVi(iso: IsoDate): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(y).padStart(4, '0')}`;
}

/** Reads 'dd/mm/yyyy' (also 'd/m/yyyy', as typed in spreadsheets); null unless it is a real calendar date. */
export function parseDateVi(s: string): IsoDate | null {
  const match = VI_DATE_PATTERN.exec(s.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[3]), Number(match[2]), Number(match[1])];
  return isValidParts(y, m, d) ? formatIsoDate(y, m, d) : null;
}
