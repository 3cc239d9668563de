import { InputNumber, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: number | null;
  /** Grid coordinates: Enter moves to the same column of the next row. */
  col: string;
  row: number;
  min?: number;
  max: number;
  precision: number;
  step?: number;
  decimalSeparator?: string;
  ariaLabel: string;
  suffix?: string;
  /** Saves a changed value (null clears it); rejects with a message to show. */
  onSave: (value: number | null) => Promise<void>;
}

function focusCell(col: string, row: number) {
  const el = document.querySelector<HTMLInputElement>(`[data-grid-col="${col}"][data-grid-row="${row}"] input`);
  if (el) {
    el.focus();
    el.select();
  }
}

/**
 * A number typed straight into the results table: Enter (or leaving the cell) saves, Enter then moves down,
 * Escape restores the saved value. Tab moves across as usual, so a class is entered without the mouse.
 */
export function InlineNumberCell({ value, col, row, min = 0, max, precision, step = 1, decimalSeparator, ariaLabel, suffix, onSave }: Props) {
  const [draft, setDraft] = useState<number | null>(value);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lastSaved = useRef(value);
  const inFlight = useRef<Promise<void> | null>(null);

  // A value saved elsewhere (another row's refresh, a reload) replaces the draft unless the user is typing a change.
  useEffect(() => {
    lastSaved.current = value;
    setDraft(value);
  }, [value]);

  // Enter saves and the blur that follows must not save a second time: one save in flight per cell.
  const commit = (): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const next = draft === undefined ? null : draft;
    if (next === lastSaved.current) return Promise.resolve();
    setSaving(true);
    setError(null);
    inFlight.current = onSave(next)
      .then(() => {
        lastSaved.current = next;
      })
      .catch((err: unknown) => {
        setError(err instanceof Error ? err.message : String(err));
      })
      .finally(() => {
        inFlight.current = null;
        setSaving(false);
      });
    return inFlight.current;
  };

  return (
    <Tooltip title={error} open={error ? undefined : false} color="red">
      <span data-grid-col={col} data-grid-row={row} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <InputNumber<number>
          aria-label={ariaLabel}
          value={draft}
          min={min}
          max={max}
          step={step}
          precision={precision}
          decimalSeparator={decimalSeparator}
          status={error ? 'error' : undefined}
          readOnly={saving}
          controls={false}
          keyboard={false}
          style={{ width: 72 }}
          onChange={(v) => setDraft(v ?? null)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit().then(() => focusCell(col, row + 1));
            } else if (e.key === 'Escape') {
              setDraft(lastSaved.current);
              setError(null);
            } else if (e.key === 'ArrowDown' && !e.altKey) {
              e.preventDefault();
              focusCell(col, row + 1);
            } else if (e.key === 'ArrowUp' && !e.altKey) {
              e.preventDefault();
              focusCell(col, row - 1);
            }
          }}
        />
        {suffix && <span style={{ color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }}>{suffix}</span>}
      </span>
    </Tooltip>
  );
}
