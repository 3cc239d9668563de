import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n/i18n.tsx';
import { dayjsOfMonth, MONTH_FORMAT, monthOf } from '../money.ts';

// Shown mm/yyyy; also accepts m/yyyy and mmyyyy typed.
const FORMATS = [MONTH_FORMAT, 'M/YYYY', 'MMYYYY'];

interface Props {
  value?: string | null;
  onChange?: (month: string | null) => void;
  id?: string;
  allowClear?: boolean;
  disabled?: boolean;
  placeholder?: string;
  /** Latest month that can be picked, 'YYYY-MM'. */
  maxMonth?: string;
  minMonth?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** A month picker whose value is the API's 'YYYY-MM' text. */
export function MonthPicker({ value, onChange, id, allowClear = false, disabled, placeholder, maxMonth, minMonth, style, ...rest }: Props) {
  const t = useT();
  return (
    <DatePicker
      id={id}
      picker="month"
      value={dayjsOfMonth(value)}
      onChange={(d: Dayjs | null) => onChange?.(monthOf(d))}
      format={FORMATS}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('dues.monthPlaceholder')}
      maxDate={dayjsOfMonth(maxMonth) ?? undefined}
      minDate={dayjsOfMonth(minMonth) ?? undefined}
      style={{ width: 130, ...style }}
      aria-label={rest['aria-label']}
    />
  );
}
