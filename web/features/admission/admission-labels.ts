import type { Role } from '../../../common/contracts/auth.contract.ts';
import { formatDateVi, isIsoDate } from '../../../common/rules/iso-date.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

// Mirrors server/policy/policy.ts ('admission.*') so the UI offers only what the server allows; the server decides.
export const canAdmission = {
  read: (role: Role) => ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer'].includes(role),
  manage: (role: Role) => ['admin', 'organization_officer', 'cell_secretary'].includes(role),
  decide: (role: Role) => ['admin', 'organization_officer', 'committee_member'].includes(role),
};

/** The main line of steps, in order (the outcomes are shown apart). */
export const MAIN_STEPS = [
  'introduced',
  'training',
  'application',
  'history',
  'verification',
  'introductions',
  'opinions',
  'cell_resolution',
  'grassroots_resolution',
  'decision',
  'ceremony',
  'probation',
  'cell_recognition_vote',
  'recognition_decision',
  'official',
] as const;

export const TERMINAL = ['official', 'refused', 'struck_from_probation'];

/** A step the case has not reached yet. */
export function isAhead(current: string, step: string): boolean {
  const a = (MAIN_STEPS as readonly string[]).indexOf(current);
  const b = (MAIN_STEPS as readonly string[]).indexOf(step);
  return a >= 0 && b > a;
}

/** One fact shown in words: dates dd/mm/yyyy, codes through their labels. */
function showFact(t: T, key: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && isIsoDate(v)) return formatDateVi(v);
  if (key === 'age' && typeof v === 'object') {
    const a = v as { years: number; months: number };
    return t('adm.age', { years: a.years, months: a.months });
  }
  if (key === 'threshold' && Array.isArray(v)) return `${v[0]}/${v[1]}`;
  if (key === 'level' || key === 'minLevel' || key === 'exceptionMinLevel') return t(`adm.education.${String(v)}`);
  if (key === 'relation') return t(`adm.relation.${String(v)}`);
  if (key === 'conclusion') return t(`adm.conclusion.${String(v)}`);
  if (key === 'source') return t(`adm.source.${String(v)}`);
  if (key === 'status') return t(`adm.status.${String(v)}`);
  if (key === 'action') return t(`adm.action.${String(v)}`);
  if (Array.isArray(v)) return v.map((x) => showFact(t, '', x)).join(', ');
  if (typeof v === 'object') return '';
  return String(v);
}

/** A rule check in plain words: the rule's own text, else the shared text of its code, its facts filled in. */
export function checkText(t: T, c: { ruleId: string; code: string; facts: Record<string, unknown> }): string {
  const own = `adm.check.${c.ruleId}.${c.code}`;
  const shared = `adm.check.${c.code}`;
  let template = t(own);
  if (template === own) template = t(shared);
  if (template === shared) return t('adm.check.unknown', { code: c.code });
  return template
    .replace(/\{(\w+)\}/g, (_, k: string) => showFact(t, k, c.facts[k]))
    .replace(/\s+([,.)])/g, '$1')
    .replace(/\s{2,}/g, ' ');
}

export function statusText(t: T, status: string): string {
  return t(`adm.status.${status}`);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
