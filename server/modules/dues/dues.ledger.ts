import {
  addYearMonths,
  checkDuesProfile,
  type DuesExemptionDecision,
  type DuesGoodReason,
  type DuesPayment,
  type DuesProfile,
  type DuesReductionDecision,
  type MonthlyDues,
  monthlyDues,
  type PartyAgeFacts,
  profileInForce,
  type YearMonth,
  yearMonthOf,
} from '../../../common/rules/dues.ts';
import { addMonths } from '../../../common/rules/iso-date.ts';
import type { RegionalMinimumWageVersion } from '../../../common/rules/dues-rule-sets.ts';
import { violations, type RuleSetVersion } from '../../../common/rules/rule-check.ts';

// Combines the pure dues rules (common/rules/dues.ts, R-DUE) with a member's stored facts: the profile versions, and
// the exemption and reduction decisions kept in their own tables. A month's amount is always recomputed from these and
// the rules in force on the month's 1st day; nothing here reads the database or the clock.

export interface DuesRules {
  ruleSets: readonly RuleSetVersion[];
  wages: readonly RegionalMinimumWageVersion[];
}

export interface MemberDuesFacts {
  /** Profile versions without decisions (validFrom ≤ d < validTo). */
  profiles: readonly DuesProfile[];
  exemptions: readonly DuesExemptionDecision[];
  reductions: readonly DuesReductionDecision[];
  partyAge?: PartyAgeFacts;
}

export type MonthOutcome =
  | { kind: 'none' }
  | { kind: 'problem'; code: string }
  | { kind: 'due'; dues: MonthlyDues };

const covers = (from: YearMonth, to: YearMonth | null, month: YearMonth) => from <= month && (to === null || month <= to);

/** The decision covering `month`; the later start wins should two overlap (the service refuses overlaps). */
function decisionFor<T extends { from: YearMonth; to: YearMonth | null }>(decisions: readonly T[], month: YearMonth): T | null {
  let best: T | null = null;
  for (const d of decisions) if (covers(d.from, d.to, month) && (!best || d.from >= best.from)) best = d;
  return best;
}

/**
 * R-DUE: the dues of `month` for one member: the profile version in force on the month's 1st day, with the exemption
 * and reduction decisions covering the month, under the rule set and minimum wage of that day. A profile that the
 * month's rule set cannot compute (a group it has no rate for, a missing base) is reported as a problem, not guessed.
 */
export function duesOfMonth(facts: MemberDuesFacts, month: YearMonth, rules: DuesRules): MonthOutcome {
  const base = profileInForce(facts.profiles, month);
  if (!base) return { kind: 'none' };
  const profile: DuesProfile = {
    ...base,
    exemption: decisionFor(facts.exemptions, month),
    reduction: decisionFor(facts.reductions, month),
    partyAge: facts.partyAge,
  };
  try {
    return { kind: 'due', dues: monthlyDues(profile, month, rules.ruleSets, rules.wages) };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const failed = violations(checkDuesProfile({ ...base, exemption: null, reduction: null }, rules.ruleSets, rules.wages));
    return { kind: 'problem', code: failed[0]?.code ?? 'not_computable' };
  }
}

const monthLists = new Map<string, readonly YearMonth[]>();

/** Every month from `from` to `to` inclusive (the lists of recent ranges are kept: they are asked for per member). */
export function monthsFromTo(from: YearMonth, to: YearMonth): readonly YearMonth[] {
  const key = `${from}|${to}`;
  const known = monthLists.get(key);
  if (known) return known;
  const out: YearMonth[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addYearMonths(m, 1)) out.push(m);
  if (monthLists.size > 64) monthLists.clear();
  monthLists.set(key, out);
  return out;
}

interface RuleBoundaries {
  months: readonly YearMonth[];
  partyAgeYears: readonly number[];
}
const ruleBoundaries = new WeakMap<readonly RuleSetVersion[], WeakMap<readonly RegionalMinimumWageVersion[], RuleBoundaries>>();

/** The months a rule-set version or a minimum-wage row starts (and the month after), computed once per set of rules. */
function boundariesOf(rules: DuesRules): RuleBoundaries {
  let byWages = ruleBoundaries.get(rules.ruleSets);
  if (!byWages) ruleBoundaries.set(rules.ruleSets, (byWages = new WeakMap()));
  const known = byWages.get(rules.wages);
  if (known) return known;
  const months = new Set<YearMonth>();
  const years = new Set<number>();
  const around = (date: string) => {
    months.add(yearMonthOf(date));
    months.add(addYearMonths(yearMonthOf(date), 1));
  };
  for (const v of rules.ruleSets) {
    if (v.ruleId !== 'R-DUE') continue;
    around(v.effectiveFrom);
    const y = (v.params as { partyAgeExemptionYears?: number | null }).partyAgeExemptionYears;
    if (typeof y === 'number') years.add(y);
  }
  for (const w of rules.wages) around(w.effectiveFrom);
  const result = { months: [...months], partyAgeYears: [...years] };
  byWages.set(rules.wages, result);
  return result;
}

/**
 * The months at which a member's amount may differ from the month before: a profile version, a rule-set version or a
 * minimum-wage row starting or ending, a decision starting or ending (every month of a reduction, for its 12-month cap),
 * and the party-age exemption being reached. Between two such months the amount cannot change.
 */
function changeMonths(facts: MemberDuesFacts, rules: DuesRules): Set<YearMonth> {
  const shared = boundariesOf(rules);
  const out = new Set<YearMonth>(shared.months);
  const around = (date: string | null) => {
    if (!date) return;
    const m = yearMonthOf(date);
    out.add(m);
    out.add(addYearMonths(m, 1));
  };
  for (const p of facts.profiles) {
    around(p.validFrom);
    around(p.validTo);
  }
  for (const e of facts.exemptions) {
    out.add(e.from);
    if (e.to) out.add(addYearMonths(e.to, 1));
  }
  for (const r of facts.reductions) {
    let m = r.from;
    for (let i = 0; m <= r.to && i < 240; i++, m = addYearMonths(m, 1)) out.add(m);
    out.add(m);
  }
  if (facts.partyAge) {
    for (const years of shared.partyAgeYears) {
      const reached = yearMonthOf(addMonths(facts.partyAge.admittedOn, years * 12 + (facts.partyAge.monthsNotCounted ?? 0)));
      out.add(reached);
      out.add(addYearMonths(reached, 1));
      out.add(addYearMonths(reached, 2));
    }
  }
  return out;
}

/**
 * R-DUE: what is owed for each computable month of the range (exempt months owe 0); months without a profile are absent.
 * The amount is computed afresh at every month where something it depends on may change, and carried over otherwise
 * (the same result as computing every month: dues.ledger.test.ts checks it property by property).
 */
export function expectedByMonth(facts: MemberDuesFacts, from: YearMonth, to: YearMonth, rules: DuesRules): Record<YearMonth, number> {
  const expected: Record<YearMonth, number> = {};
  const changes = changeMonths(facts, rules);
  let last: MonthOutcome | null = null;
  for (const m of monthsFromTo(from, to)) {
    if (last === null || changes.has(m)) last = duesOfMonth(facts, m, rules);
    if (last.kind === 'due') expected[m] = last.dues.amount;
  }
  return expected;
}

/** The same, month by month without carrying anything over: the reference the fast path is tested against. */
export function expectedByMonthNaive(facts: MemberDuesFacts, from: YearMonth, to: YearMonth, rules: DuesRules): Record<YearMonth, number> {
  const expected: Record<YearMonth, number> = {};
  for (const m of monthsFromTo(from, to)) {
    const o = duesOfMonth(facts, m, rules);
    if (o.kind === 'due') expected[m] = o.dues.amount;
  }
  return expected;
}

/** Net paid per month (reversal rows carry negative amounts), counting payments made on or before `asOf` if given. */
export function paidByMonth(payments: readonly DuesPayment[], asOf?: string): Map<YearMonth, number> {
  const paid = new Map<YearMonth, number>();
  for (const p of payments) {
    if (asOf !== undefined && p.paidOn > asOf) continue;
    paid.set(p.forMonth, (paid.get(p.forMonth) ?? 0) + p.amountVnd);
  }
  return paid;
}

export function goodReasonMonths(reasons: readonly DuesGoodReason[]): Set<YearMonth> {
  return new Set(reasons.map((r) => r.month));
}

/** The earliest month a member's profile history starts, or null. */
export function firstProfileMonth(facts: MemberDuesFacts): YearMonth | null {
  let first: string | null = null;
  for (const p of facts.profiles) if (p.validTo === null || p.validFrom < p.validTo) if (!first || p.validFrom < first) first = p.validFrom;
  return first ? first.slice(0, 7) : null;
}
