import type { FormInstance } from 'antd';
import { ApiError } from '../api/http.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

/** The sentence for an API refusal, in the user's language; a rule id is shown when the API names one. */
export function errorText(t: T, err: unknown): string {
  if (!(err instanceof ApiError)) return t('error.INTERNAL', { requestId: '-' });
  const p = err.params as Record<string, unknown>;
  const rule = typeof p.rule === 'string' ? `${p.rule}` : '';
  return t(`error.${err.code}`, { ...p, rule, who: p.existingName ? ` (${p.existingName}${p.existingOrganization ? `, ${p.existingOrganization}` : ''})` : '' });
}

/** Puts field-level issues from a VALIDATION refusal next to their fields in an antd form. */
export function applyFieldErrors(form: FormInstance, t: T, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  form.setFields(
    err.fields.map((f) => ({
      name: f.path.replace(/^body\./, '').split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      errors: [t(`field.${f.code}`, f.params ?? {})],
    })),
  );
  return true;
}
