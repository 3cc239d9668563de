import { describe, expect, it } from 'vitest';
import { defaultYearSchedule } from '../../../common/rules/working-days.ts';
import { describeHolidays, statutoryHolidays } from './holiday-names.ts';

// Names of days off (Bộ luật Lao động 2019 Art. 112 §1; Art. 111 §3 for compensatory days).

const byDate = (holidays: ReturnType<typeof describeHolidays>) => new Map(holidays.map((h) => [h.date, h]));

describe('statutoryHolidays (Art. 112 §1)', () => {
  it('2026: Tết is the last day of Ất Tỵ (16/2) and 1–4/1 Bính Ngọ (17–20/2); Giỗ Tổ 10/3 lunar is 26/4', () => {
    const days = statutoryHolidays(2026);
    expect([...days].filter(([, k]) => k === 'tet').map(([d]) => d)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect([...days].filter(([, k]) => k === 'hung_kings').map(([d]) => d)).toEqual(['2026-04-26']);
    expect(days.get('2026-01-01')).toBe('new_year');
    expect(days.get('2026-04-30')).toBe('reunification');
    expect(days.get('2026-05-01')).toBe('labour_day');
    expect(days.get('2026-09-02')).toBe('national_day');
  });
});

describe('describeHolidays', () => {
  it('names the default 2026 schedule, with lunar dates for Tết and Giỗ Tổ and their compensatory day', () => {
    const named = byDate(describeHolidays(defaultYearSchedule(2026)));
    expect(named.get('2026-01-01')).toMatchObject({ kind: 'new_year', name: 'Tết Dương lịch', lunar: null, isWeekend: false });
    expect(named.get('2026-02-17')).toMatchObject({
      kind: 'tet',
      name: 'Tết Nguyên đán',
      lunar: { day: 1, month: 1, year: 2026, leap: false },
    });
    expect(named.get('2026-02-16')?.lunar).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(named.get('2026-04-26')).toMatchObject({
      kind: 'hung_kings',
      name: 'Giỗ Tổ Hùng Vương',
      lunar: { day: 10, month: 3, year: 2026, leap: false },
      isWeekend: true,
    });
    // Giỗ Tổ falls on a Sunday: made up on Monday 27/4 (Art. 111 §3).
    expect(named.get('2026-04-27')).toMatchObject({ kind: 'compensatory', relatedTo: 'hung_kings', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(named.get('2026-04-30')?.name).toBe('Ngày Giải phóng miền Nam, thống nhất đất nước');
    expect(named.get('2026-05-01')?.name).toBe('Ngày Quốc tế Lao động');
    expect(named.get('2026-09-01')?.kind).toBe('national_day');
    expect(named.get('2026-09-02')?.name).toBe('Quốc khánh');
  });

  it('names a whole Tết break (14/2–22/2/2026) as Tết and its stretch, and an isolated extra day as other', () => {
    const holidays = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-06-15'];
    const named = byDate(describeHolidays({ year: 2026, holidays, extraWorkingDays: [] }));
    expect(named.get('2026-02-14')).toMatchObject({ kind: 'compensatory', relatedTo: 'tet', isWeekend: true, lunar: { day: 27, month: 12 } });
    expect(named.get('2026-02-22')).toMatchObject({ kind: 'compensatory', relatedTo: 'tet', lunar: { day: 6, month: 1 } });
    expect(named.get('2026-06-15')).toMatchObject({ kind: 'other', relatedTo: null, lunar: null });
  });

  it('follows a swap: a Monday off before Tết, against a Saturday worked, belongs to Tết', () => {
    // 2025: Tết 28/1–1/2; Monday 27/1 off, Saturday 8/2 worked (a swap of the kind Art. 112 §3 allows).
    const named = byDate(
      describeHolidays({ year: 2025, holidays: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], extraWorkingDays: ['2025-02-08'] }),
    );
    expect(named.get('2025-01-27')).toMatchObject({ kind: 'compensatory', relatedTo: 'tet' });
  });

  it('takes 3/9 as the adjacent National Day only when 1/9 is not (2025: 1/9 and 2/9 off)', () => {
    const named = byDate(describeHolidays({ year: 2025, holidays: ['2025-09-01', '2025-09-02'], extraWorkingDays: [] }));
    expect(named.get('2025-09-01')?.kind).toBe('national_day');
    const withThird = byDate(describeHolidays({ year: 2030, holidays: ['2030-09-02', '2030-09-03'], extraWorkingDays: [] }));
    expect(withThird.get('2030-09-03')?.kind).toBe('national_day');
    const both = byDate(describeHolidays({ year: 2029, holidays: ['2029-09-01', '2029-09-02', '2029-09-03'], extraWorkingDays: [] }));
    expect(both.get('2029-09-03')).toMatchObject({ kind: 'compensatory', relatedTo: 'national_day' });
  });
});
