import type { RemovalStatus } from '../../../common/contracts/removal.contract.ts';
import type { RuleCheckView } from '../../../common/contracts/screening.contract.ts';
import { formatDateVi, isIsoDate } from '../../../common/rules/iso-date.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

export const STATUS_COLOR: Record<RemovalStatus, string> = {
  self_review: 'gold',
  cell_vote: 'orange',
  decision: 'volcano',
  card_collection: 'purple',
  removed: 'red',
  not_removed: 'green',
  withdrawn: 'default',
};

export const FORM_COLOR = { struck_off: 'red', released: 'purple', expelled: 'magenta' } as const;

/** Facts shown the Vietnamese way: dates dd/mm/yyyy, lists joined. */
function shown(facts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(facts).map(([k, v]) => [k, typeof v === 'string' && isIsoDate(v) ? formatDateVi(v) : Array.isArray(v) ? v.join(', ') : v]),
  );
}

/** The sentence for one rule check (a checklist line or why a step was refused); unknown codes show the rule and code. */
export function checkText(t: T, c: RuleCheckView): string {
  const f = shown(c.facts);
  const requiredFormName = typeof c.facts.requiredForm === 'string' ? t(`removal.form.${c.facts.requiredForm}`) : '';
  const key = `removal.check.${c.ruleId}.${c.code}`;
  const text = t(key, { ...f, requiredFormName });
  return text === key ? `${c.ruleId}: ${c.code}` : text;
}
