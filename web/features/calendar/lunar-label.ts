import type { LunarDate } from '../../../common/rules/lunar-calendar.ts';

// Names of lunar years in the sexagenary cycle (can chi), as Vietnamese calendars print them: 2026 is Bính Ngọ.
const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** 1984 was Giáp Tý, the first year of a cycle. */
export function lunarYearName(year: number): string {
  const i = (((year - 1984) % 60) + 60) % 60;
  return `${STEMS[i % 10]} ${BRANCHES[i % 12]}`;
}

/** 'd/m' with the leap mark, e.g. '10/3', '15/6 (nhuận)'. */
export function lunarDayMonth(l: Pick<LunarDate, 'day' | 'month' | 'leap'>, leapWord: string): string {
  return `${l.day}/${l.month}${l.leap ? ` (${leapWord})` : ''}`;
}
