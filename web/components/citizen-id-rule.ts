import type { FormRule } from 'antd';
import { validateCitizenId } from '../../common/rules/citizen-id.ts';
import { fieldText } from './api-error.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

/**
 * The citizen-id field's client check, shared by every form that records a person: it runs the server's own
 * rule (common/rules/citizen-id.ts) against the gender and birth date on the form; the server remains the judge.
 * `path` maps a field name to its form path (a form may nest the person, e.g. ['person', 'gender']).
 */
export function citizenIdRule(t: T, path: (field: string) => string | (string | number)[] = (f) => f): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_, raw?: string | null) => {
      const v = (raw ?? '').trim();
      if (!v) return Promise.resolve();
      const birthDate = getFieldValue(path('birthDate')) as string | undefined;
      const gender = getFieldValue(path('gender')) as 'male' | 'female' | undefined;
      const r = validateCitizenId(v, { birthDate: birthDate || undefined, gender });
      return r.ok ? Promise.resolve() : Promise.reject(new Error(fieldText(t, r.code)));
    },
  });
}
