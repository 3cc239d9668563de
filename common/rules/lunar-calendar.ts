// The Vietnamese lunisolar calendar (âm lịch), needed for Tết and Giỗ Tổ Hùng Vương (Bộ luật Lao động 2019
// Art. 112 §1 b, e). Hồ Ngọc Đức's algorithm ("Thuật toán tính âm lịch", informatik.uni-leipzig.de/~duc/amlich,
// astronomy after J. Meeus, Astronomical Algorithms): months begin on the day of the new moon, month 11
// holds the winter solstice, and in a 13-month year the first month without a major solar term is leap.
// All is computed for the meridian 105°E (UTC+7), the official Vietnamese calendar since 1968; it differs
// from the Chinese calendar (UTC+8) in some years, e.g. Tết 1985 and 2007.
// Accurate for roughly 1800–2199 (the polynomial new-moon approximation).
import { fromEpochDay, parseIsoDate, toEpochDay, type IsoDate } from './iso-date.ts';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

const TIME_ZONE = 7;
const JULIAN_DAY_OF_EPOCH = 2440588; // Julian day number of 1970-01-01
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_ZERO = 2415021.076998695; // the new moon of 1900-01-01 (k = 0)
const DEG = Math.PI / 180;

const julianDay = (date: IsoDate) => toEpochDay(date) + JULIAN_DAY_OF_EPOCH;
const fromJulianDay = (jd: number) => fromEpochDay(jd - JULIAN_DAY_OF_EPOCH);

/** Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus ch. 49, shortened). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 += -0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 += -0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 += 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 += -0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 += -0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 += 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c1 - deltaT;
}

/** Sun's apparent longitude in radians [0, 2π) at Julian date jd (Meeus ch. 25, low accuracy). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  dl += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + dl) * DEG;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** Julian day number of the local (UTC+7) day on which the k-th new moon falls: the 1st of a lunar month. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Which of the 12 major solar terms (30° sectors, 0 = from the spring equinox) the sun is in at local midnight starting the day. */
function solarTermAt(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** First day of lunar month 11 (the month holding the winter solstice) that begins in Gregorian year y. */
function lunarMonth11(y: number): number {
  const off = julianDay(`${String(y).padStart(4, '0')}-12-31`) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return solarTermAt(nm) >= 9 ? newMoonDay(k - 1) : nm; // sun already past 270°: the solstice fell in the previous month
}

/** In a 13-month year starting at month 11 `a11`: how many months after it the leap month comes. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_ZERO) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = solarTermAt(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTermAt(newMoonDay(k + i));
  } while (arc !== last && i < 14); // the leap month is the first one with no change of major term
  return i - 1;
}

export function solarToLunar(iso: IsoDate): LunarDate {
  const { y } = parseIsoDate(iso);
  const dayNumber = julianDay(iso);
  // The mean synodic month only estimates k: a true new moon can fall up to a day either side of the mean one,
  // so step back until the month starts on or before the date (e.g. 2054-05-05, found by the property test).
  let k = Math.floor((dayNumber - NEW_MOON_ZERO) / SYNODIC_MONTH) + 2;
  let monthStart = newMoonDay(k);
  while (monthStart > dayNumber) monthStart = newMoonDay(--k);
  let a11 = lunarMonth11(y);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = y;
    a11 = lunarMonth11(y - 1);
  } else {
    year = y + 1;
    b11 = lunarMonth11(y + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** Throws RangeError when the lunar date does not exist (day 30 of a 29-day month, a leap month that year lacks). */
export function lunarToSolar(day: number, month: number, year: number, leap = false): IsoDate {
  if (![day, month, year].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw new RangeError(`Not a lunar date: ${day}/${month}/${year}`);
  }
  const a11 = month < 11 ? lunarMonth11(year - 1) : lunarMonth11(year);
  const b11 = month < 11 ? lunarMonth11(year) : lunarMonth11(year + 1);
  let off = month - 11 < 0 ? month + 1 : month - 11;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    const leapMonth = ((leapOff + 9) % 12) + 1; // the leap month repeats the number of the month before it
    if (leap && month !== leapMonth) throw new RangeError(`No leap month ${month} in lunar year ${year}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`No leap month in lunar year ${year}`);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_ZERO) / SYNODIC_MONTH);
  const monthStart = newMoonDay(k + off);
  if (day > newMoonDay(k + off + 1) - monthStart) {
    throw new RangeError(`Lunar month ${month}/${year} has fewer than ${day} days`);
  }
  return fromJulianDay(monthStart + day - 1);
}
