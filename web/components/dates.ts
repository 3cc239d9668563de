import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import { formatDateVi } from '../../common/rules/iso-date.ts';

dayjs.extend(customParseFormat);

/** Dates are shown dd/mm/yyyy everywhere (Vietnamese usage). */
export const DATE_FORMAT = 'DD/MM/YYYY';

export function showDate(iso: string | null | undefined): string {
  return iso ? formatDateVi(iso.slice(0, 10)) : '';
}

export function toIso(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

export function fromIso(iso: string | null | undefined): Dayjs | null {
  return iso ? dayjs(iso, 'YYYY-MM-DD') : null;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
