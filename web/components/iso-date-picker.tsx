import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, fromIso, toIso } from './dates.ts';

// Shown dd/mm/yyyy; also accepts d/m/yyyy and ddmmyyyy when typed, as people write dates on forms.
const FORMATS = [DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY'];

interface Props {
  value?: string | null;
  onChange?: (iso: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  /** Dates after this ISO date cannot be picked (e.g. today for birth dates). */
  maxDate?: string;
  style?: React.CSSProperties;
}

/** A DatePicker whose form value is the API's 'YYYY-MM-DD' text, so forms send exactly what the contract expects. */
export function IsoDatePicker({ value, onChange, placeholder = 'dd/mm/yyyy', disabled, id, maxDate, style }: Props) {
  return (
    <DatePicker
      id={id}
      value={fromIso(value)}
      onChange={(d: Dayjs | null) => onChange?.(toIso(d))}
      format={FORMATS}
      placeholder={placeholder}
      disabled={disabled}
      maxDate={fromIso(maxDate) ?? undefined}
      style={{ width: '100%', ...style }}
    />
  );
}
