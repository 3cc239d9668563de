import { InputNumber } from 'antd';
import { groupDigits, parseVnd } from '../money.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  min?: number;
  max?: number;
  style?: React.CSSProperties;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

/** Whole đồng, typed and shown with dots between thousands (1.234.567 ₫). */
export function MoneyInput({ value, onChange, id, min = 0, max = 10_000_000_000, style, placeholder, disabled, ...rest }: Props) {
  return (
    <InputNumber<number>
      id={id}
      value={value ?? null}
      min={min}
      max={max}
      precision={0}
      controls={false}
      formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : groupDigits(Number(v)))}
      parser={(s) => parseVnd(s) ?? (null as unknown as number)}
      onChange={(v) => onChange?.(v ?? null)}
      suffix="₫"
      placeholder={placeholder}
      disabled={disabled}
      style={{ width: '100%', ...style }}
      aria-label={rest['aria-label']}
    />
  );
}
