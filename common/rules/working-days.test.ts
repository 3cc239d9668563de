import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayOfWeek, fromEpochDay, toEpochDay } from './iso-date.ts';
import {
  addWorkingDays,
  buildCalendar,
  defaultYearSchedule,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  type YearSchedule,
} from './working-days.ts';

const defaults = buildCalendar([]);

// A year with weekday/Saturday swaps of the kind the Prime Minister approves (illustrative data, not a
// transcript of the official 2025 notice): Monday 27/1 off against Saturday 8/2 worked, Friday 2/5 off
// against Saturday 26/4 worked.
const SWAP_2025: YearSchedule = {
  year: 2025,
  holidays: [
    '2025-01-01',
    '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
    '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02',
  ],
  extraWorkingDays: ['2025-02-08', '2025-04-26'],
};
const withSwaps = buildCalendar([SWAP_2025]);

describe('defaultYearSchedule (Bộ luật Lao động 2019 Art. 112 §1, Art. 111 §3)', () => {
  it('2026: Tết 16–20/2 (29/12 is the last day of Ất Tỵ), Giỗ Tổ on a Sunday made up on Monday', () => {
    expect(defaultYearSchedule(2026)).toEqual({
      year: 2026,
      holidays: [
        '2026-01-01',
        '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
        '2026-04-26', '2026-04-27',
        '2026-04-30', '2026-05-01',
        '2026-09-01', '2026-09-02',
      ],
      extraWorkingDays: [],
    });
  });

  it('2025: Tết ends on Saturday 1/2, made up on Monday 3/2', () => {
    expect(defaultYearSchedule(2025).holidays).toEqual([
      '2025-01-01',
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-03',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02',
    ]);
  });

  it('2023: compensatory days skip over other holidays', () => {
    const { holidays } = defaultYearSchedule(2023);
    expect(holidays).toContain('2023-01-02'); // 1/1 was a Sunday
    // Tết 21/1 (Sat, 30/12 Nhâm Dần) – 25/1: two weekend days made up on 26 and 27/1
    expect(holidays).toEqual(expect.arrayContaining(['2023-01-21', '2023-01-25', '2023-01-26', '2023-01-27']));
    // Giỗ Tổ Sat 29/4 and 30/4 Sun: 1/5 is itself a holiday, so they are made up on 2/5 and 3/5
    expect(holidays).toEqual(expect.arrayContaining(['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03']));
    expect(holidays).toContain('2023-09-04'); // 2/9 was a Saturday
    expect(holidays).not.toContain('2023-05-04');
  });

  it('2028: New Year on a Saturday is made up on Monday 3/1', () => {
    expect(defaultYearSchedule(2028).holidays.slice(0, 2)).toEqual(['2028-01-01', '2028-01-03']);
  });
});

describe('isWorkingDay', () => {
  it('skips weekends and holidays', () => {
    expect(isWorkingDay(defaults, '2026-02-13')).toBe(true); // Friday
    expect(isWorkingDay(defaults, '2026-02-14')).toBe(false); // Saturday
    expect(isWorkingDay(defaults, '2026-02-16')).toBe(false); // Tết
    expect(isWorkingDay(defaults, '2026-04-27')).toBe(false); // compensatory day
    expect(isWorkingDay(defaults, '2026-04-28')).toBe(true);
  });

  it('uses an override instead of the default for its year only', () => {
    expect(isWorkingDay(withSwaps, '2025-01-27')).toBe(false);
    expect(isWorkingDay(withSwaps, '2025-02-08')).toBe(true); // a Saturday worked
    expect(isWorkingDay(withSwaps, '2025-02-03')).toBe(true); // the default's compensatory day is not in the override
    expect(isWorkingDay(defaults, '2025-02-03')).toBe(false);
    expect(isWorkingDay(withSwaps, '2026-02-16')).toBe(false); // 2026 still default
  });

  it('rejects malformed overrides', () => {
    expect(() => buildCalendar([SWAP_2025, SWAP_2025])).toThrow(RangeError);
    expect(() => buildCalendar([{ year: 2025, holidays: ['2026-01-01'], extraWorkingDays: [] }])).toThrow(RangeError);
    expect(() => buildCalendar([{ year: 2025, holidays: ['2025-02-30'], extraWorkingDays: [] }])).toThrow(RangeError);
  });
});

describe('addWorkingDays / workingDaysBetween / nextWorkingDay', () => {
  it('counts 30 working days across the Tết 2026 holidays (R-ADM-12: ceremony within 30 working days)', () => {
    // Friday 13/2/2026; Tết 16–20/2; without Tết the 30th working day would be 27/3
    expect(addWorkingDays(defaults, '2026-02-13', 30)).toBe('2026-04-03');
    expect(workingDaysBetween(defaults, '2026-02-13', '2026-04-03')).toBe(30);
    expect(addWorkingDays(defaults, '2026-04-03', -30)).toBe('2026-02-13');
  });

  it('does not count the start date, and lands on a working day', () => {
    expect(addWorkingDays(defaults, '2026-03-02', 1)).toBe('2026-03-03');
    expect(addWorkingDays(defaults, '2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays(defaults, '2026-03-02', 0)).toBe('2026-03-02');
    expect(addWorkingDays(defaults, '2026-02-14', 0)).toBe('2026-02-23'); // Saturday before Tết → first day back
    expect(addWorkingDays(defaults, '2026-02-16', 1)).toBe('2026-02-23');
    expect(() => addWorkingDays(defaults, '2026-02-16', 1.5)).toThrow(RangeError);
  });

  it('counts a swapped Saturday as a working day', () => {
    expect(addWorkingDays(withSwaps, '2025-02-07', 1)).toBe('2025-02-08');
    expect(addWorkingDays(defaults, '2025-02-07', 1)).toBe('2025-02-10');
  });

  it('crosses the year end', () => {
    expect(addWorkingDays(defaults, '2025-12-31', 1)).toBe('2026-01-02');
    expect(workingDaysBetween(defaults, '2025-12-30', '2026-01-02')).toBe(2);
  });

  it('finds the next working day strictly after a date', () => {
    expect(nextWorkingDay(defaults, '2026-02-13')).toBe('2026-02-23');
    expect(nextWorkingDay(defaults, '2026-02-23')).toBe('2026-02-24');
  });

  it('is negative when the dates are reversed, zero for the same day', () => {
    expect(workingDaysBetween(defaults, '2026-04-03', '2026-02-13')).toBe(-30);
    expect(workingDaysBetween(defaults, '2026-04-03', '2026-04-03')).toBe(0);
  });
});

describe('working-day properties', () => {
  const date = fc.integer({ min: toEpochDay('2019-06-01'), max: toEpochDay('2031-06-30') }).map(fromEpochDay);
  const calendar = fc.constantFrom(defaults, withSwaps);
  const count = fc.integer({ min: 0, max: 150 });

  it('never lands on a weekend or a holiday', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        const result = addWorkingDays(defaults, d, n);
        expect([0, 6]).not.toContain(dayOfWeek(result));
        expect(defaultYearSchedule(Number(result.slice(0, 4))).holidays).not.toContain(result);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: -150, max: 150 }), (cal, d, n) => {
        expect(isWorkingDay(cal, addWorkingDays(cal, d, n))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('counting back inverts counting forward from a working day', () => {
    fc.assert(
      fc.property(calendar, date, count, (cal, d, n) => {
        fc.pre(isWorkingDay(cal, d));
        expect(addWorkingDays(cal, addWorkingDays(cal, d, n), -n)).toBe(d);
        expect(addWorkingDays(cal, addWorkingDays(cal, d, -n), n)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 150 }), (cal, d, n) => {
        expect(workingDaysBetween(cal, d, addWorkingDays(cal, d, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: -150, max: 150 }), (cal, d, n) => {
        fc.pre(isWorkingDay(cal, d));
        expect(workingDaysBetween(cal, d, addWorkingDays(cal, d, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
