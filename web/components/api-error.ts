import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../api/http.ts';
import type { ErrorCode } from '../../common/errors.ts';
import { formatDateVi, isIsoDate } from '../../common/rules/iso-date.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Dates inside error params are shown the Vietnamese way: dd/mm/yyyy, and dd/mm/yyyy HH:mm for instants (local time). */
function showParam(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (isIsoDate(v)) return formatDateVi(v);
  if (ISO_INSTANT.test(v)) {
    const d = dayjs(v);
    return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : v;
  }
  return v;
}

/** Params as shown to people: dates within them turned into dd/mm/yyyy. */
export function showParams(params: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, showParam(v)]));
}

/** The sentence for an API refusal, in the user's language; a rule id is shown when the API names one. */
export function errorText(t: T, err: unknown): string {
  if (!(err instanceof ApiError)) return t('error.INTERNAL', { requestId: '-' });
  const p = showParams(err.params as Record<string, unknown>);
  const rule = typeof p.rule === 'string' ? `${p.rule}` : '';
  // A rule with its own sentence (e.g. 'rule.R-REC-01') says what failed and why; otherwise the generic one names it.
  if (err.code === 'RULE_VIOLATION' && rule) {
    const own = t(`rule.${rule}`, p);
    if (own !== `rule.${rule}`) return own;
  }
  // A duplicate names the record that holds the value when the API tells (only to someone who may see it).
  const name = p.name ?? p.existingName;
  const org = p.organization ?? p.existingOrganization;
  return t(`error.${err.code}`, { ...p, rule, who: name ? ` (${name}${org ? `, ${org}` : ''})` : '' });
}

/** True when `err` is an API refusal with one of the given codes. */
export function isApiError(err: unknown, ...codes: ErrorCode[]): err is ApiError {
  return err instanceof ApiError && (codes.length === 0 || codes.includes(err.code));
}

/** The text of a field issue code; an unknown code falls back to a generic "invalid" rather than showing the key. */
export function fieldText(t: T, code: string, params: Record<string, unknown> = {}): string {
  const key = `field.${code}`;
  const text = t(key, params);
  return text === key ? t('field.invalid') : text;
}

/** Puts field-level issues from a VALIDATION refusal next to their fields in an antd form. */
export function applyFieldErrors(form: FormInstance, t: T, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  form.setFields(
    err.fields.map((f) => ({
      name: f.path.replace(/^body\./, '').split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      errors: [fieldText(t, f.code, showParams(f.params))],
    })),
  );
  return true;
}
