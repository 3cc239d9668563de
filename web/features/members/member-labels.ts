import { ETHNICITIES, RELIGIONS } from '../../../common/rules/ethnicities.ts';
import { normalizeVi } from '../../../common/rules/normalize-vi.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

const ETHNICITY_NAME = new Map<string, string>(ETHNICITIES.map((e) => [e.code, e.name]));

/** Ethnic group names are proper names: the same in every language. */
export function ethnicityName(code: string | null | undefined): string {
  return code ? (ETHNICITY_NAME.get(code) ?? code) : '';
}

export function religionLabel(t: T, code: string | null | undefined): string {
  if (!code) return '';
  const key = `religion.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

export const ethnicityOptions = ETHNICITIES.map((e) => ({ value: e.code, label: e.name }));

export function religionOptions(t: T) {
  return RELIGIONS.map((r) => ({ value: r.code, label: religionLabel(t, r.code) }));
}

/** Select search that ignores diacritics, so 'ede' finds 'Ê-đê'. */
export const viFilterOption = (input: string, option?: { label?: unknown }) =>
  normalizeVi(String(option?.label ?? '')).includes(normalizeVi(input));

/** Age bands of the list filter → ageMin/ageMax of GET /api/members (whole years today). */
export const AGE_BANDS = [
  { key: '18-30', ageMin: 18, ageMax: 30 },
  { key: '31-45', ageMin: 31, ageMax: 45 },
  { key: '46-60', ageMin: 46, ageMax: 60 },
  { key: '61-', ageMin: 61, ageMax: undefined },
] as const;

const LAST_LIST_KEY = 'dv.members.lastListQuery';

/** The list remembers its last filters for this tab, so "back to the list" returns to the same page of results. */
export function rememberListQuery(search: string) {
  try {
    sessionStorage.setItem(LAST_LIST_KEY, search);
  } catch {
    /* storage disabled: the link falls back to the plain list */
  }
}

export function lastListUrl(): string {
  let search = '';
  try {
    search = sessionStorage.getItem(LAST_LIST_KEY) ?? '';
  } catch {
    /* storage disabled */
  }
  return search ? `/members?${search}` : '/members';
}

/** A record id from the URL; anything but a positive integer is treated as not found. */
export function parseId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}
