import type { GradingCycleStatus } from '../../../common/contracts/grading.contract.ts';
import type { GradeLevel } from '../../../common/rules/grading-rules.ts';

/** One colour per level, the same in tags and in the report chart. */
export const LEVEL_COLOR: Record<GradeLevel, string> = {
  excellent: '#d48806',
  good: '#389e0d',
  completed: '#1677ff',
  not_completed: '#cf1322',
};

export const LEVEL_TAG: Record<GradeLevel, string> = { excellent: 'gold', good: 'green', completed: 'blue', not_completed: 'red' };

export const STATUS_TAG: Record<GradingCycleStatus, string> = {
  open: 'default',
  self_assessment: 'processing',
  cell_proposal: 'cyan',
  committee_decision: 'purple',
  closed: 'success',
};

export const RESIDENCE_TAG: Record<string, string> = { good: 'green', average: 'default', low: 'red' };

export function parseId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The share as people read it: 20%, 33,3% (vi) / 33.3% (en). */
export function formatShare(n: number, of: number, locale: 'vi' | 'en'): string {
  if (of === 0) return '—';
  const p = Math.round((n * 1000) / of) / 10;
  return `${locale === 'vi' ? String(p).replace('.', ',') : String(p)}%`;
}
