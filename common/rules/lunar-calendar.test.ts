import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from './iso-date.ts';
import { lunarToSolar, solarToLunar } from './lunar-calendar.ts';

// Tết (1/1 lunar) by the Vietnamese calendar at UTC+7 (Hồ Ngọc Đức's tables).
const TET: Record<number, string> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  // The new moon is at 16:08 UTC on 2 Feb 2030: 23:08 in Hà Nội but 00:08 on 3 Feb in Beijing, so the
  // Vietnamese Tết Canh Tuất is 2030-02-02 while the Chinese New Year is 2030-02-03.
  2030: '2030-02-02',
};

describe('lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  it('finds Tết 2020–2030', () => {
    for (const [year, iso] of Object.entries(TET)) {
      expect(lunarToSolar(1, 1, Number(year))).toBe(iso);
      expect(solarToLunar(iso)).toEqual({ day: 1, month: 1, year: Number(year), leap: false });
    }
  });

  it('follows UTC+7 where the Chinese calendar (UTC+8) differs', () => {
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21'); // China: 1985-02-20
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17'); // China: 2007-02-18
  });

  it('finds Giỗ Tổ Hùng Vương, 10/3 lunar (Bộ luật Lao động 2019 Art. 112 §1 e)', () => {
    expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29');
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
    expect(solarToLunar('2026-04-26')).toEqual({ day: 10, month: 3, year: 2026, leap: false });
  });

  it('places leap months (2/2023, 6/2025, 11/2033)', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2023-02-20')).toEqual({ day: 1, month: 2, year: 2023, leap: false });
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(lunarToSolar(1, 11, 2033, true)).toBe('2033-12-22');
    expect(solarToLunar('2034-01-19')).toEqual({ day: 29, month: 11, year: 2033, leap: true });
    expect(solarToLunar('2034-01-20')).toEqual({ day: 1, month: 12, year: 2033, leap: false });
  });

  it('knows the last day of the lunar year (the eve of Tết)', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false }); // a 29-day month
    expect(solarToLunar('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2024-02-09')).toEqual({ day: 30, month: 12, year: 2023, leap: false });
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError); // month 12 of Ất Tỵ has 29 days
    expect(() => lunarToSolar(1, 3, 2023, true)).toThrow(RangeError); // 2023 has a leap 2nd month, not 3rd
    expect(() => lunarToSolar(1, 1, 2024, true)).toThrow(RangeError); // 2024 has no leap month
    expect(() => lunarToSolar(0, 1, 2024)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2024)).toThrow(RangeError);
  });

  it('round-trips solar → lunar → solar for every day 1900–2100', () => {
    const day = fc.integer({ min: toEpochDay('1900-01-31'), max: toEpochDay('2100-12-31') }).map(fromEpochDay);
    fc.assert(
      fc.property(day, (iso) => {
        const l = solarToLunar(iso);
        expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(iso);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips lunar → solar → lunar', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 29 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1901, max: 2099 }),
        (day, month, year) => {
          expect(solarToLunar(lunarToSolar(day, month, year))).toEqual({ day, month, year, leap: false });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('starts the month on the true new moon when the mean one is a day off (2054-05-06, found by the property below)', () => {
    expect(solarToLunar('2054-05-06')).toMatchObject({ day: 29, month: 3 });
    expect(solarToLunar('2054-05-07').day).toBeGreaterThanOrEqual(1);
  });

  it('gives consecutive lunar days for consecutive solar days', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('1950-01-01'), max: toEpochDay('2080-12-31') }), (n) => {
        const a = solarToLunar(fromEpochDay(n));
        const b = solarToLunar(fromEpochDay(n + 1));
        if (b.day === 1) expect([29, 30]).toContain(a.day);
        else expect(b).toEqual({ ...a, day: a.day + 1 });
      }),
      { numRuns: 500 },
    );
  });
});
