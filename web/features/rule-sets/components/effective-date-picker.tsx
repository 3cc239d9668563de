import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, fromIso, toIso } from '../../../components/dates.ts';

// Shown dd/mm/yyyy; also accepts d/m/yyyy and ddmmyyyy when typed (as web/components/iso-date-picker.tsx does).
const FORMATS = [DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY'];

interface Props {
  value?: string | null;
  onChange?: (iso: string | null) => void;
  id?: string;
  /** The first date that can be picked: today, since a new version never rewrites past judgments. */
  minDate: string;
}

/** The effective date of a new version, as 'YYYY-MM-DD' text; dates before `minDate` cannot be picked. */
export function EffectiveDatePicker({ value, onChange, id, minDate }: Props) {
  return (
    <DatePicker
      id={id}
      value={fromIso(value)}
      onChange={(d: Dayjs | null) => onChange?.(toIso(d))}
      format={FORMATS}
      placeholder="dd/mm/yyyy"
      minDate={fromIso(minDate) ?? undefined}
      style={{ width: '100%' }}
    />
  );
}
