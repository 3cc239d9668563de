// Party dues (rules.md R-DUE, R-DUE-01): the monthly amount of a member, arrears, and the yearly screening count.
// A month is judged by the dues profile and the rule set in force on its 1st day (architecture principle 7):
// before 1/2/2026 Quyết định 342-QĐ/TW (2010), from then Quy định 01-QĐ/TW (2026). Money is integer VND.
import { addMonths, formatIsoDate, isIsoDate, monthsBetween, parseIsoDate, type IsoDate } from './iso-date.ts';
import { fail, pass, paramsInForce, type RuleCheck, type RuleSetVersion } from './rule-check.ts';
import type {
  DuesExemptionReason,
  DuesGroup,
  DuesGroupRate,
  DuesParams,
  DuesReductionPercent,
  DuesScreeningParams,
  RegionalMinimumWageVersion,
  WageRegion,
} from './dues-rule-sets.ts';

/** A calendar month 'YYYY-MM': the unit dues are owed, paid and exempted in. */
export type YearMonth = string;

const YEAR_MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(s: unknown): s is YearMonth {
  return typeof s === 'string' && YEAR_MONTH_PATTERN.test(s) && s >= '0001-01';
}

function checkedYearMonth(s: YearMonth): YearMonth {
  if (!isYearMonth(s)) throw new RangeError(`Not a month 'YYYY-MM': ${s}`);
  return s;
}

/** The 1st day of the month: the day that decides which profile, rule set and wage apply to it. */
export function firstDayOfMonth(month: YearMonth): IsoDate {
  return `${checkedYearMonth(month)}-01`;
}

export function yearMonthOf(date: IsoDate): YearMonth {
  const { y, m } = parseIsoDate(date);
  return formatIsoDate(y, m, 1).slice(0, 7);
}

export function addYearMonths(month: YearMonth, n: number): YearMonth {
  return yearMonthOf(addMonths(firstDayOfMonth(month), n));
}

/** Months from `from` to `to` (1 for consecutive months, negative when `to` is earlier). */
function monthsFromTo(from: YearMonth, to: YearMonth): number {
  return monthsBetween(firstDayOfMonth(from), firstDayOfMonth(to));
}

/** Party age facts (R-REC-07, Điều lệ Art. 5.4): counted from the date in the admission decision. */
export interface PartyAgeFacts {
  admittedOn: IsoDate;
  /** Whole months not counted (time outside the party before a readmission). */
  monthsNotCounted?: number;
}

/** An exemption decided on the member's application (01-QĐ/TW; 342 for hardship), months inclusive. */
export interface DuesExemptionDecision {
  reason: Exclude<DuesExemptionReason, 'party_age'>;
  decisionRef: string;
  from: YearMonth;
  /** Last exempt month; null = until revoked (e.g. a social pension allowance). */
  to: YearMonth | null;
}

/** A reduction decided on the member's application (01-QĐ/TW): 30, 50 or 70 %, at most 12 months, months inclusive. */
export interface DuesReductionDecision {
  percent: DuesReductionPercent;
  decisionRef: string;
  from: YearMonth;
  to: YearMonth;
}

/**
 * The facts dues are computed from, effective-dated like every record (validFrom ≤ d < validTo). A new
 * version is recorded when a fact changes; the version in force on a month's 1st day is the one for that month.
 */
export interface DuesProfile {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  group: DuesGroup;
  /**
   * VND per month, for groups paid as a share of a base: `insured_salary` — the previous month's insured salary
   * (01-QĐ/TW) or monthly salary income (342), or the benefit when `onSickOrMaternityLeave`; `pension` — the pension.
   */
  baseAmountVnd?: number;
  /** 01-QĐ/TW: on sick or maternity leave the base is the social-insurance benefit instead of the salary. */
  onSickOrMaternityLeave?: boolean;
  /** Region of the regional minimum wage, for members without insurance or pension (01-QĐ/TW). */
  region?: WageRegion;
  /** QĐ 342 band groups: the monthly sum the organization set for this member within the band. */
  bandAmountVnd?: number;
  /** QĐ 342: past working age pays a share of the band sum (the `no_insurance_at_retirement` group always is). */
  pastWorkingAge?: boolean;
  exemption?: DuesExemptionDecision | null;
  reduction?: DuesReductionDecision | null;
  partyAge?: PartyAgeFacts;
}

export type DuesBaseKind = 'salary' | 'sick_or_maternity_benefit' | 'pension';

/** What the amount was computed from, shown to the member and the treasurer as evidence. */
export interface DuesBasis {
  group: DuesGroup;
  method: DuesGroupRate['method'] | 'exempt';
  /** Rate in basis points (100 = 1%). */
  basisPoints?: number;
  baseKind?: DuesBaseKind;
  baseAmountVnd?: number;
  region?: WageRegion;
  minimumWageVnd?: number;
  minimumWageSource?: string;
  fixedAmountVnd?: number;
  bandAmountVnd?: number;
  /** Share of the band sum paid (100, or 50 past working age under QĐ 342). */
  bandSharePercent?: number;
}

export interface MonthlyDues {
  month: YearMonth;
  /** What is owed for the month, integer VND (0 when exempt). */
  amount: number;
  /** The amount before any reduction, integer VND (0 when exempt). */
  fullAmount: number;
  /** The `source` of the rule-set version in force on the month's 1st day. */
  ruleSetSource: string;
  basis: DuesBasis;
  exempt?: DuesExemptionReason;
  exemptionDecisionRef?: string;
  reductionPercent?: DuesReductionPercent;
  reductionDecisionRef?: string;
}

function isInForceOn(profile: DuesProfile, date: IsoDate): boolean {
  return profile.validFrom <= date && (profile.validTo === null || date < profile.validTo);
}

/** The profile version in force on the month's 1st day (the later start wins should two overlap); null if none. */
export function profileInForce(history: readonly DuesProfile[], month: YearMonth): DuesProfile | null {
  const date = firstDayOfMonth(month);
  let best: DuesProfile | null = null;
  for (const p of history) {
    if (isInForceOn(p, date) && (!best || p.validFrom >= best.validFrom)) best = p;
  }
  return best;
}

/** The version of `ruleId` in force on `date` (the same choice as paramsInForce), to cite its source. */
function versionInForce<P>(versions: readonly RuleSetVersion[], ruleId: string, date: IsoDate): RuleSetVersion<P> {
  const params = paramsInForce<P>(versions, ruleId, date);
  let best: RuleSetVersion | null = null;
  for (const v of versions) {
    if (v.ruleId === ruleId && v.effectiveFrom <= date && v.params === params && (!best || v.effectiveFrom >= best.effectiveFrom)) best = v;
  }
  return best as RuleSetVersion<P>;
}

/** The regional minimum monthly wage of `region` in force on `date`. */
export function regionalMinimumWageOn(
  table: readonly RegionalMinimumWageVersion[],
  region: WageRegion,
  date: IsoDate,
): { amountVnd: number; source: string } {
  let best: RegionalMinimumWageVersion | null = null;
  for (const row of table) {
    if (row.effectiveFrom <= date && (!best || row.effectiveFrom >= best.effectiveFrom)) best = row;
  }
  if (!best) throw new RangeError(`No regional minimum wage on ${date}`);
  return { amountVnd: best.monthlyVnd[region], source: best.source };
}

/** Whole months of party age on `on` (a month is complete on the same day of the month as the admission). */
export function partyAgeInMonths(facts: PartyAgeFacts, on: IsoDate): number {
  const started = parseIsoDate(facts.admittedOn);
  const months = monthsBetween(facts.admittedOn, on) - (parseIsoDate(on).d < started.d ? 1 : 0);
  return Math.max(0, months - (facts.monthsNotCounted ?? 0));
}

/**
 * round(numerator / denominator) half up to a multiple of `unit`, exactly (BigInt, no float error).
 * Half up, not half-to-even: it is the rounding of ordinary Vietnamese bookkeeping and of a treasurer's
 * hand calculation, so a member can check the amount; everything here is non-negative, so half up = half away from 0.
 */
function roundHalfUp(numerator: bigint, denominator: bigint, unit: number): number {
  const d = denominator * BigInt(unit);
  return Number(((2n * numerator + d) / (2n * d)) * BigInt(unit));
}

function wholeVnd(value: number | undefined, what: string): bigint {
  if (value === undefined || !Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of VND ≥ 0, got ${value}`);
  return BigInt(value);
}

/**
 * R-DUE: the dues of `month` (01-QĐ/TW 2026, QĐ 342-QĐ/TW 2010). Pass the profile history (or one profile): the
 * version in force on the month's 1st day is used, with the rule set and the regional minimum wage in force that day.
 * Exemptions come first (party age ≥ the version's years, then a recorded decision); a reduction multiplies the exact
 * base amount and the result is rounded once, half up to the đồng, so a reduced amount carries no double rounding.
 * Throws RangeError on missing data (no profile, no rule set, a group the rule set has no rate for, a missing base):
 * checkDuesProfile reports those as rule checks before a profile is saved.
 */
export function monthlyDues(
  profiles: DuesProfile | readonly DuesProfile[],
  month: YearMonth,
  ruleSets: readonly RuleSetVersion[],
  wages: readonly RegionalMinimumWageVersion[],
): MonthlyDues {
  const day = firstDayOfMonth(month);
  const profile = Array.isArray(profiles) ? profileInForce(profiles, month) : isInForceOn(profiles as DuesProfile, day) ? (profiles as DuesProfile) : null;
  if (!profile) throw new RangeError(`No dues profile in force on ${day}`);
  const version = versionInForce<DuesParams>(ruleSets, 'R-DUE', day);
  const params = version.params;
  const ruleSetSource = version.source;

  if (params.partyAgeExemptionYears !== null && profile.partyAge && partyAgeInMonths(profile.partyAge, day) >= params.partyAgeExemptionYears * 12) {
    return { month, amount: 0, fullAmount: 0, ruleSetSource, basis: { group: profile.group, method: 'exempt' }, exempt: 'party_age' };
  }
  const exemption = profile.exemption;
  if (exemption && coversMonth(exemption.from, exemption.to, month) && exemptionAllowed(exemption, ruleSets)) {
    return {
      month, amount: 0, fullAmount: 0, ruleSetSource,
      basis: { group: profile.group, method: 'exempt' },
      exempt: exemption.reason,
      exemptionDecisionRef: exemption.decisionRef,
    };
  }

  const rate = params.rates[profile.group];
  if (!rate) throw new RangeError(`Dues group ${profile.group} has no rate under ${ruleSetSource}`);
  const { numerator, denominator, basis } = baseAmountOf(profile, rate, day, wages);
  const reduction = profile.reduction;
  const reduced = reduction && reductionApplies(reduction, month, ruleSets) ? reduction : null;
  const keptPercent = BigInt(100 - (reduced?.percent ?? 0));
  const unit = params.roundingUnitVnd;
  return {
    month,
    amount: roundHalfUp(numerator * keptPercent, denominator * 100n, unit),
    fullAmount: roundHalfUp(numerator, denominator, unit),
    ruleSetSource,
    basis,
    ...(reduced ? { reductionPercent: reduced.percent, reductionDecisionRef: reduced.decisionRef } : {}),
  };
}

function baseAmountOf(
  profile: DuesProfile,
  rate: DuesGroupRate,
  day: IsoDate,
  wages: readonly RegionalMinimumWageVersion[],
): { numerator: bigint; denominator: bigint; basis: DuesBasis } {
  const group = profile.group;
  switch (rate.method) {
    case 'percent_of_base': {
      const base = wholeVnd(profile.baseAmountVnd, `Base amount of a ${group} profile`);
      const baseKind: DuesBaseKind = group === 'pension' ? 'pension' : profile.onSickOrMaternityLeave ? 'sick_or_maternity_benefit' : 'salary';
      return {
        numerator: base * BigInt(rate.basisPoints),
        denominator: 10_000n,
        basis: { group, method: rate.method, basisPoints: rate.basisPoints, baseKind, baseAmountVnd: Number(base) },
      };
    }
    case 'percent_of_minimum_wage': {
      if (!profile.region) throw new RangeError(`A ${group} profile needs the region of the minimum wage`);
      const wage = regionalMinimumWageOn(wages, profile.region, day);
      return {
        numerator: BigInt(wage.amountVnd) * BigInt(rate.basisPoints),
        denominator: 10_000n,
        basis: {
          group, method: rate.method, basisPoints: rate.basisPoints,
          region: profile.region, minimumWageVnd: wage.amountVnd, minimumWageSource: wage.source,
        },
      };
    }
    case 'fixed':
      return { numerator: BigInt(rate.amountVnd), denominator: 1n, basis: { group, method: rate.method, fixedAmountVnd: rate.amountVnd } };
    case 'band': {
      const band = wholeVnd(profile.bandAmountVnd, `Band amount of a ${group} profile`);
      if (band < BigInt(rate.minVnd) || band > BigInt(rate.maxVnd)) {
        throw new RangeError(`Band amount ${band} outside ${rate.minVnd}–${rate.maxVnd} VND`);
      }
      const share = profile.pastWorkingAge || group === 'no_insurance_at_retirement' ? rate.pastWorkingAgePercent : 100;
      return {
        numerator: band * BigInt(share),
        denominator: 100n,
        basis: { group, method: rate.method, bandAmountVnd: Number(band), bandSharePercent: share },
      };
    }
  }
}

function coversMonth(from: YearMonth, to: YearMonth | null, month: YearMonth): boolean {
  return checkedYearMonth(from) <= month && (to === null || month <= checkedYearMonth(to));
}

/**
 * A decision is judged by the rule set in force in its first month (principle 7: the rules of its event date);
 * null when no version was in force then, and such a decision is not applied.
 */
function paramsAtStart(from: YearMonth, ruleSets: readonly RuleSetVersion[]): DuesParams | null {
  const day = firstDayOfMonth(from);
  return ruleSets.some((v) => v.ruleId === 'R-DUE' && v.effectiveFrom <= day) ? paramsInForce<DuesParams>(ruleSets, 'R-DUE', day) : null;
}

function exemptionAllowed(exemption: DuesExemptionDecision, ruleSets: readonly RuleSetVersion[]): boolean {
  return paramsAtStart(exemption.from, ruleSets)?.exemptionReasons.includes(exemption.reason) ?? false;
}

/** 01-QĐ/TW: at most 12 months per decision; months of a longer decision past the cap are charged in full. */
function reductionApplies(reduction: DuesReductionDecision, month: YearMonth, ruleSets: readonly RuleSetVersion[]): boolean {
  if (!coversMonth(reduction.from, reduction.to, month)) return false;
  const params = paramsAtStart(reduction.from, ruleSets);
  return params !== null && params.reductionPercents.includes(reduction.percent) && monthsFromTo(reduction.from, month) < params.reductionMaxMonths;
}

/** R-DUE: the dues owed for each month from `from` to `to` (inclusive) that has a profile in force. */
export function expectedDuesByMonth(
  history: readonly DuesProfile[],
  from: YearMonth,
  to: YearMonth,
  ruleSets: readonly RuleSetVersion[],
  wages: readonly RegionalMinimumWageVersion[],
): Record<YearMonth, number> {
  const expected: Record<YearMonth, number> = {};
  for (let m = checkedYearMonth(from); m <= checkedYearMonth(to); m = addYearMonths(m, 1)) {
    if (profileInForce(history, m)) expected[m] = monthlyDues(history, m, ruleSets, wages).amount;
  }
  return expected;
}

/**
 * R-DUE: whether a profile can be computed under every rule-set version it will be judged by, and whether its
 * decisions are allowed by the version in force in their first month. One failing check per problem; one pass if none.
 */
export function checkDuesProfile(
  profile: DuesProfile,
  ruleSets: readonly RuleSetVersion[],
  wages: readonly RegionalMinimumWageVersion[],
): RuleCheck[] {
  const checks: RuleCheck[] = [];
  for (const day of judgedFirstDays(profile, ruleSets)) {
    const { params, source } = versionInForce<DuesParams>(ruleSets, 'R-DUE', day);
    const rate = params.rates[profile.group];
    const facts = { group: profile.group, source, from: day };
    if (!rate) {
      checks.push(fail('R-DUE', 'group_not_in_rule_set', facts));
    } else if (rate.method === 'percent_of_base' && !isWholeVnd(profile.baseAmountVnd)) {
      checks.push(fail('R-DUE', 'base_amount_required', facts));
    } else if (rate.method === 'percent_of_minimum_wage') {
      if (!profile.region) checks.push(fail('R-DUE', 'region_required', facts));
      else if (!wages.some((w) => w.effectiveFrom <= day)) checks.push(fail('R-DUE', 'minimum_wage_missing', facts));
    } else if (rate.method === 'band') {
      const band = profile.bandAmountVnd;
      if (!isWholeVnd(band) || band < rate.minVnd || band > rate.maxVnd) {
        checks.push(fail('R-DUE', 'band_amount_out_of_range', { ...facts, bandAmountVnd: band, minVnd: rate.minVnd, maxVnd: rate.maxVnd }));
      }
    }
  }
  const { exemption, reduction } = profile;
  if (exemption) {
    const params = paramsAtStart(exemption.from, ruleSets);
    if (!exemption.decisionRef.trim()) checks.push(fail('R-DUE', 'decision_ref_required', { decision: 'exemption' }));
    if (exemption.to !== null && checkedYearMonth(exemption.to) < exemption.from) checks.push(fail('R-DUE', 'decision_period_reversed', { decision: 'exemption' }));
    if (!params?.exemptionReasons.includes(exemption.reason)) {
      checks.push(fail('R-DUE', 'exemption_reason_not_allowed', { reason: exemption.reason, allowed: params?.exemptionReasons ?? [] }));
    }
  }
  if (reduction) {
    const params = paramsAtStart(reduction.from, ruleSets);
    const months = monthsFromTo(reduction.from, reduction.to) + 1;
    if (!reduction.decisionRef.trim()) checks.push(fail('R-DUE', 'decision_ref_required', { decision: 'reduction' }));
    if (months < 1) checks.push(fail('R-DUE', 'decision_period_reversed', { decision: 'reduction' }));
    if (!params?.reductionPercents.includes(reduction.percent)) {
      checks.push(fail('R-DUE', 'reduction_percent_not_allowed', { percent: reduction.percent, allowed: params?.reductionPercents ?? [] }));
    } else if (months > params.reductionMaxMonths) {
      checks.push(fail('R-DUE', 'reduction_too_long', { months, maxMonths: params.reductionMaxMonths }));
    }
  }
  return checks.length > 0 ? checks : [pass('R-DUE', 'ok', { group: profile.group })];
}

function isWholeVnd(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0;
}

/** The month 1st days on which the profile is in force and a different rule-set version may start. */
function judgedFirstDays(profile: DuesProfile, ruleSets: readonly RuleSetVersion[]): IsoDate[] {
  const firstOnOrAfter = (d: IsoDate) => (d.endsWith('-01') ? d : firstDayOfMonth(addYearMonths(yearMonthOf(d), 1)));
  const starts = [profile.validFrom, ...ruleSets.filter((v) => v.ruleId === 'R-DUE').map((v) => v.effectiveFrom)].map(firstOnOrAfter);
  const days = [...new Set(starts)].filter((d) => isInForceOn(profile, d) && ruleSets.some((v) => v.ruleId === 'R-DUE' && v.effectiveFrom <= d));
  return days.sort();
}

/** A payment carries the month it is for and the day it was paid (advance: before that month; late: after it). */
export interface DuesPayment {
  forMonth: YearMonth;
  paidOn: IsoDate;
  amountVnd: number;
}

export interface DuesArrear {
  month: YearMonth;
  expectedVnd: number;
  paidVnd: number;
  shortfallVnd: number;
}

/**
 * R-DUE: months not fully paid. A month counts once it has ended before `asOf` (its dues are paid during the month),
 * and a payment counts once made (paidOn ≤ asOf), whenever that is: an advance payment settles its own month, never
 * another; a late one settles its month from the day it is paid. Months owing 0 (exempt) never count.
 * Without `asOf` every expected month and every payment counts.
 */
export function duesArrears(
  expected: Readonly<Record<YearMonth, number>>,
  payments: readonly DuesPayment[],
  asOf?: IsoDate,
): DuesArrear[] {
  if (asOf !== undefined && !isIsoDate(asOf)) throw new RangeError(`Not an ISO date: ${asOf}`);
  const currentMonth = asOf === undefined ? null : yearMonthOf(asOf);
  const paid = new Map<YearMonth, number>();
  for (const p of payments) {
    if (asOf !== undefined && p.paidOn > asOf) continue;
    paid.set(p.forMonth, (paid.get(p.forMonth) ?? 0) + p.amountVnd);
  }
  const arrears: DuesArrear[] = [];
  for (const month of Object.keys(expected).sort()) {
    const expectedVnd = expected[checkedYearMonth(month)];
    if (currentMonth !== null && month >= currentMonth) continue;
    const paidVnd = paid.get(month) ?? 0;
    if (expectedVnd > 0 && paidVnd < expectedVnd) arrears.push({ month, expectedVnd, paidVnd, shortfallVnd: expectedVnd - paidVnd });
  }
  return arrears;
}

/** A month the cell accepted a good reason for not paying (illness, disaster …), recorded with its decision. */
export interface DuesGoodReason {
  month: YearMonth;
  reason: string;
  decisionRef?: string;
}

/**
 * R-DUE-01 (Điều lệ Art. 8.2; 01-QĐ/TW 2026): the months of `year` unpaid without good reason as of `asOf`, for
 * screening (R-RMV-01). A month counts when it has ended, is in arrears on `asOf` (a late payment made before then
 * settles it) and has no accepted reason. Screening raises a flag for review; it never removes anyone by itself.
 */
export function unpaidMonthsInYear(
  year: number,
  expected: Readonly<Record<YearMonth, number>>,
  payments: readonly DuesPayment[],
  goodReasons: readonly DuesGoodReason[],
  asOf: IsoDate,
): YearMonth[] {
  const excused = new Set(goodReasons.map((r) => r.month));
  const prefix = `${String(year).padStart(4, '0')}-`;
  return duesArrears(expected, payments, asOf)
    .map((a) => a.month)
    .filter((m) => m.startsWith(prefix) && !excused.has(m));
}

/** R-DUE-01: fails when the unpaid months of `year` reach the threshold in force on `asOf` (3). */
export function checkDuesPaidInYear(
  year: number,
  expected: Readonly<Record<YearMonth, number>>,
  payments: readonly DuesPayment[],
  goodReasons: readonly DuesGoodReason[],
  asOf: IsoDate,
  ruleSets: readonly RuleSetVersion[],
): RuleCheck {
  const { unpaidMonthsThreshold } = paramsInForce<DuesScreeningParams>(ruleSets, 'R-DUE-01', asOf);
  const months = unpaidMonthsInYear(year, expected, payments, goodReasons, asOf);
  const facts = { year, months, threshold: unpaidMonthsThreshold };
  return months.length >= unpaidMonthsThreshold ? fail('R-DUE-01', 'dues_unpaid_months', facts) : pass('R-DUE-01', 'ok', facts);
}
