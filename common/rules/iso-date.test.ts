import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  ageInFullYears,
  compareIsoDate,
  dayOfWeek,
  formatDateVi,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  monthsBetween,
  parseDateVi,
  parseIsoDate,
  toEpochDay,
  todayInVietnam,
} from './iso-date.ts';

const MIN_DAY = toEpochDay('1900-01-01');
const MAX_DAY = toEpochDay('2199-12-31');
const anyDate = fc.integer({ min: MIN_DAY, max: MAX_DAY }).map(fromEpochDay);

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
  });

  it('rejects other shapes', () => {
    for (const s of ['2025-1-01', '2025-01-1', '20250101', '2025-01-01T00:00:00Z', ' 2025-01-01', '01/01/2025', '']) {
      expect(isIsoDate(s)).toBe(false);
    }
    expect(isIsoDate(20250101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('parseIsoDate / formatIsoDate', () => {
  it('round-trips and rejects invalid input', () => {
    expect(parseIsoDate('2026-08-09')).toEqual({ y: 2026, m: 8, d: 9 });
    expect(formatIsoDate(2026, 8, 9)).toBe('2026-08-09');
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError);
    expect(() => formatIsoDate(2025, 2, 29)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('agrees with the JavaScript Date in UTC for every day 1900–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (n) => {
        const iso = fromEpochDay(n);
        expect(iso).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(toEpochDay(iso)).toBe(n);
        expect(dayOfWeek(iso)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
      { numRuns: 500 },
    );
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-10', 0)).toBe('2026-03-10');
  });

  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    // R-REC-01 (Điều lệ Đảng Art. 5.1): 12 months of probation from the ceremony date
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('compares and knows the weekday (0 = Sunday)', () => {
    expect(compareIsoDate('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareIsoDate('2025-01-10', '2025-01-10')).toBe(0);
    expect(compareIsoDate('2026-01-01', '2025-12-31')).toBe(1);
    expect(dayOfWeek('2026-02-17')).toBe(2); // Tết Bính Ngọ, a Tuesday
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-09-07')).toBe(0);
  });
});

describe('monthsBetween (R-ADM-01, Quy định 294-QĐ/TW §1.1.1: age in whole calendar months, the day ignored)', () => {
  it('gives 216 months on every day of the 18th birthday month', () => {
    expect(monthsBetween('2008-08-31', '2026-08-01')).toBe(216);
    expect(monthsBetween('2008-08-01', '2026-08-31')).toBe(216);
    expect(monthsBetween('2008-08-15', '2026-07-31')).toBe(215);
  });

  it('is the month difference, negative when reversed', () => {
    expect(monthsBetween('1966-01-10', '2026-01-09')).toBe(720); // 60 years 0 months
    expect(monthsBetween('2026-03-01', '2025-12-31')).toBe(-3);
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        expect(monthsBetween(d, addMonths(d, n))).toBe(n);
      }),
    );
  });
});

describe('ageInFullYears', () => {
  it('counts birthdays', () => {
    expect(ageInFullYears('2008-08-15', '2026-08-14')).toBe(17);
    expect(ageInFullYears('2008-08-15', '2026-08-15')).toBe(18);
    expect(ageInFullYears('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageInFullYears('2004-02-29', '2026-03-01')).toBe(22);
    expect(ageInFullYears('2004-02-29', '2028-02-29')).toBe(24);
  });
});

describe('todayInVietnam', () => {
  it('is UTC+7 whatever the host time zone', () => {
    expect(todayInVietnam(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(todayInVietnam(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
    expect(todayInVietnam(new Date('2026-02-16T23:30:00Z'))).toBe('2026-02-17');
    expect(() => todayInVietnam(new Date('nope'))).toThrow(RangeError);
  });
});

describe('Vietnamese date format', () => {
  it('formats dd/mm/yyyy', () => {
    expect(formatDateVi('2026-02-03')).toBe('03/02/2026');
  });

  it('parses dd/mm/yyyy (and d/m/yyyy) into ISO, null otherwise', () => {
    expect(parseDateVi('03/02/2026')).toBe('2026-02-03');
    expect(parseDateVi(' 3/2/2026 ')).toBe('2026-02-03');
    expect(parseDateVi('29/02/2025')).toBeNull();
    expect(parseDateVi('31/04/2026')).toBeNull();
    expect(parseDateVi('2026-02-03')).toBeNull();
    expect(parseDateVi('03/02/26')).toBeNull();
    expect(parseDateVi('')).toBeNull();
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        expect(parseDateVi(formatDateVi(d))).toBe(d);
      }),
    );
  });
});
