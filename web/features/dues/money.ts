import dayjs, { type Dayjs } from 'dayjs';

// Money is integer VND, shown 1.234.567 ₫ (dots between thousands, the đồng sign after); months are shown mm/yyyy.

/** 1234567 → '1.234.567'. */
export function groupDigits(n: number): string {
  const s = String(Math.abs(Math.trunc(n)));
  return (n < 0 ? '−' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function formatVnd(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : `${groupDigits(n)} ₫`;
}

/** What a user typed ('1.234.567', '1 234 567 ₫') → 1234567; null when empty. */
export function parseVnd(s: string | undefined): number | null {
  const digits = (s ?? '').replace(/[^\d]/g, '');
  return digits === '' ? null : Number(digits);
}

/** 'YYYY-MM' → 'mm/yyyy'. */
export function showMonth(month: string | null | undefined): string {
  return month ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : '';
}

export const MONTH_FORMAT = 'MM/YYYY';

export function monthOf(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM') : null;
}

export function dayjsOfMonth(month: string | null | undefined): Dayjs | null {
  return month ? dayjs(`${month}-01`, 'YYYY-MM-DD') : null;
}

export function currentMonth(): string {
  return dayjs().format('YYYY-MM');
}

export function addMonths(month: string, n: number): string {
  return dayjs(`${month}-01`, 'YYYY-MM-DD').add(n, 'month').format('YYYY-MM');
}

/** Basis points as a percentage the Vietnamese way: 30 → '0,3%' ('0.3%' in English). */
export function showRate(basisPoints: number, locale: 'vi' | 'en'): string {
  const s = (basisPoints / 100).toString();
  return `${locale === 'vi' ? s.replace('.', ',') : s}%`;
}
