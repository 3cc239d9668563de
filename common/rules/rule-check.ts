import type { IsoDate } from './iso-date.ts';

/**
 * One line of a checklist: which rule (an id of rules.md), whether it holds, a code saying why
 * (the web turns it into words), and the facts it was judged on (shown to the user as evidence).
 */
export interface RuleCheck {
  ruleId: string;
  ok: boolean;
  code: string;
  facts: Record<string, unknown>;
}

export const pass = (ruleId: string, code = 'ok', facts: Record<string, unknown> = {}): RuleCheck => ({ ruleId, ok: true, code, facts });
export const fail = (ruleId: string, code: string, facts: Record<string, unknown> = {}): RuleCheck => ({ ruleId, ok: false, code, facts });

export const violations = (checks: readonly RuleCheck[]) => checks.filter((c) => !c.ok);

/**
 * The numbers of rules.md are parameters of a rule set with an effective date: a record is judged by
 * the version in force on its event date, and an administrator can add a version without a code change.
 */
export interface RuleSetVersion<P = Record<string, unknown>> {
  ruleId: string;
  effectiveFrom: IsoDate;
  params: P;
  /** Document, article, clause. */
  source: string;
}

/** The version of `ruleId` in force on `date`: the latest whose effectiveFrom ≤ date. */
export function paramsInForce<P>(versions: readonly RuleSetVersion[], ruleId: string, date: IsoDate): P {
  let best: RuleSetVersion | null = null;
  for (const v of versions) {
    if (v.ruleId !== ruleId || v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom >= best.effectiveFrom) best = v;
  }
  if (!best) throw new RangeError(`no rule set for ${ruleId} on ${date}`);
  return best.params as P;
}
