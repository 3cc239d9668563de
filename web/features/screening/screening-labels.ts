import type { FlagDecisionKind } from '../../../common/contracts/screening.contract.ts';
import type { FlagKind } from '../../../common/rules/screening-engine.ts';

/** R-RMV-01/02 are grounds for name removal (red family); R-RMV-06 asks for a review (orange). */
export const RULE_COLOR: Record<string, string> = { 'R-RMV-01': 'red', 'R-RMV-02': 'volcano', 'R-RMV-06': 'orange' };

export const KIND_COLOR: Record<FlagKind, string> = {
  missed_activities: '#cf1322',
  unpaid_dues: '#d4380d',
  not_completed_two_years: '#ad2102',
  transfer_overdue: '#d46b08',
  probation_overdue: '#d48806',
  discipline_or_violation: '#871400',
  low_prestige: '#ad6800',
  no_assignment: '#8c8c8c',
};

export const DECISION_COLOR: Record<FlagDecisionKind, string> = {
  removal_case: 'red',
  discipline_referral: 'magenta',
  education_plan: 'blue',
  no_action: 'default',
};

export const OVERDUE_ROW_STYLE = { background: '#fff1f0' } as const;

/** Share as a percentage, one decimal, Vietnamese decimal comma when asked. */
export function formatPercent(share: number | null, locale: 'vi' | 'en'): string {
  if (share === null) return '—';
  const s = (share * 100).toFixed(1);
  return `${locale === 'vi' ? s.replace('.', ',') : s}%`;
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
