import dayjs from 'dayjs';

/** A UTC instant from the API as the user's clock shows it, dd/mm/yyyy HH:mm (Vietnamese usage). */
export function showInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : '';
}
