// Screening ("rà soát, sàng lọc", Kế hoạch 99-KH/HU II.4; rules.md R-RMV-01, -02, -06): reads plain facts about a
// member for one calendar year and raises flags for review. A flag is never a decision: it is closed only by a
// recorded decision (R-RMV-07, removal-rules.ts). Each flag has a deterministic key (member + rule + kind + period),
// so running the screening again adds no duplicate and closes nothing.
//
// Time is a parameter: the year is judged as of the cut-off date = the earlier of `asOf` and 31 December of the
// year. Facts dated after the cut-off are not seen, so a past year gives the same flags whenever it is re-run.
// Periods: `from` inclusive, `to` exclusive (null = open), as everywhere in this code base.
import type { NotCompletedParams, MissedMonthsParams } from './grading-rule-sets.ts';
import type { GradeLevel } from './grading-rules.ts';
import { addDays, daysInMonth, formatIsoDate, isIsoDate, type IsoDate } from './iso-date.ts';
import { paramsInForce, type RuleSetVersion } from './rule-check.ts';

/** A calendar month 'YYYY-MM'. */
export type YearMonth = string;

/**
 * A member's attendance in a month, as the meeting records give it. `expected`: a meeting was held and the member
 * was expected but no outcome is recorded; it is not an absence (a flag needs a recorded absence).
 */
export type AttendanceOutcome = 'expected' | 'attended' | 'excused' | 'absent_unexcused' | 'not_expected';
export type DuesState = 'paid' | 'unpaid' | 'unpaid_with_reason' | 'not_due';

export interface MonthAttendance {
  month: YearMonth;
  outcome: AttendanceOutcome;
  meetingIds?: readonly number[];
}

export interface MonthDues {
  month: YearMonth;
  state: DuesState;
}

/** The member's grading for a year; null = not graded (exempted, R-GRD-02, or not yet graded). */
export interface YearGrading {
  year: number;
  level: GradeLevel | null;
  documentId?: number | null;
}

/** A period with an id: an exemption or a work assignment. */
export interface PeriodFact {
  id: number;
  from: IsoDate;
  to: IsoDate | null;
}

/**
 * A transfer out of the cell. `temporary`: away from `leftOn` until `returnedOn` (exclusive; null = still away).
 * `dueDate`: the last day the transfer may be completed (R-MGT-05, computed in working days by the caller);
 * `completedOn`: the day the letter was received at the destination.
 */
export interface TransferFact {
  id: number;
  kind: 'official' | 'temporary';
  leftOn: IsoDate;
  returnedOn: IsoDate | null;
  dueDate: IsoDate | null;
  completedOn: IsoDate | null;
}

/** Probation and its recognition: `recognitionDueOn` is the last day of the R-REC-04/05 windows (caller computes it). */
export interface ProbationFact {
  endsOn: IsoDate;
  recognitionDueOn: IsoDate;
  /** The day the competent committee decided (recognized or not); null = undecided. */
  decidedOn: IsoDate | null;
}

export interface ViolationRecord {
  id: number;
  kind: 'party_discipline' | 'state_discipline' | 'law_violation';
  date: IsoDate;
}

/** An opinion on the member's prestige from the residence cell (R-MGT-07) or the Fatherland Front (124-QĐ/TW 2018). */
export interface OpinionFact {
  id: number;
  source: 'residence_cell' | 'front';
  date: IsoDate;
  rating: 'high' | 'medium' | 'low';
}

export interface MemberFacts {
  memberId: number;
  attendance: readonly MonthAttendance[];
  dues: readonly MonthDues[];
  gradings: readonly YearGrading[];
  transfers: readonly TransferFact[];
  probation: ProbationFact | null;
  violations: readonly ViolationRecord[];
  opinions: readonly OpinionFact[];
  assignments: readonly PeriodFact[];
  exemptions: readonly PeriodFact[];
}

export type ScreeningParams = Pick<MissedMonthsParams, 'missedActivityMonths' | 'unpaidDuesMonths'> &
  Pick<NotCompletedParams, 'consecutiveNotCompletedYears'>;

export const FLAG_KINDS = [
  'missed_activities',
  'unpaid_dues',
  'not_completed_two_years',
  'transfer_overdue',
  'probation_overdue',
  'discipline_or_violation',
  'low_prestige',
  'no_assignment',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** The rule each kind of flag enforces; R-RMV-01/02 are grounds for name removal, R-RMV-06 asks for a review. */
export const FLAG_RULE_IDS: Readonly<Record<FlagKind, 'R-RMV-01' | 'R-RMV-02' | 'R-RMV-06'>> = {
  missed_activities: 'R-RMV-01',
  unpaid_dues: 'R-RMV-01', // with R-DUE-01
  not_completed_two_years: 'R-RMV-02',
  transfer_overdue: 'R-RMV-06', // with R-MGT-05
  probation_overdue: 'R-RMV-06', // with R-REC-04/05
  discipline_or_violation: 'R-RMV-06',
  low_prestige: 'R-RMV-06', // with R-MGT-07
  no_assignment: 'R-RMV-06', // with R-MGT-01
};

/**
 * The facts a flag was raised on, shown to the reviewer. Lists are sorted and without duplicates. `documentIds` names
 * the record by the flag's kind: grading cycles (not_completed_two_years), discipline referrals (party discipline,
 * discipline_or_violation), residence-cell opinions (low_prestige); the conduct records of other bodies have their own
 * lists, since their ids are another table's.
 */
export interface FlagEvidence {
  months?: YearMonth[];
  meetingIds?: number[];
  years?: number[];
  documentIds?: number[];
  /** discipline_or_violation: state discipline and law violations (violation_records ids). */
  violationRecordIds?: number[];
  /** low_prestige: the Fatherland Front's opinions (front_opinions ids). */
  frontOpinionIds?: number[];
  transferId?: number;
  dueDate?: IsoDate;
  completedOn?: IsoDate | null;
  /** The cut-off date the flag was judged on (deadline and assignment flags). */
  cutoff?: IsoDate;
}

export interface Flag {
  ruleId: 'R-RMV-01' | 'R-RMV-02' | 'R-RMV-06';
  kind: FlagKind;
  memberId: number;
  /** The period the flag is about: a year '2025', a span of years '2024-2025', 'transfer-17', 'probation-2025-03-01'. */
  period: string;
  evidence: FlagEvidence;
  /** Deterministic identity: the same member, rule, kind and period always give the same key. */
  key: string;
}

export function flagKey(memberId: number, kind: FlagKind, period: string): string {
  return `${memberId}/${FLAG_RULE_IDS[kind]}/${kind}/${period}`;
}

/** The screening parameters in force on `date` (the cut-off of the screened year). */
export function screeningParamsInForce(versions: readonly RuleSetVersion[], date: IsoDate): ScreeningParams {
  const rmv01 = paramsInForce<MissedMonthsParams>(versions, 'R-RMV-01', date);
  const rmv02 = paramsInForce<NotCompletedParams>(versions, 'R-RMV-02', date);
  return {
    missedActivityMonths: rmv01.missedActivityMonths,
    unpaidDuesMonths: rmv01.unpaidDuesMonths,
    consecutiveNotCompletedYears: rmv02.consecutiveNotCompletedYears,
  };
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthBounds(month: YearMonth): { first: IsoDate; last: IsoDate } {
  const match = YEAR_MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month 'YYYY-MM': ${month}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  return { first: formatIsoDate(y, m, 1), last: formatIsoDate(y, m, daysInMonth(y, m)) };
}

/** The screening cut-off: the earlier of `asOf` and the year's last day. */
export function screeningCutoff(year: number, asOf: IsoDate): IsoDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  if (!isIsoDate(asOf)) throw new RangeError(`Not an ISO date: ${asOf}`);
  const yearEnd = formatIsoDate(year, 12, 31);
  if (asOf < formatIsoDate(year, 1, 1)) throw new RangeError(`Year ${year} has not begun on ${asOf}`);
  return asOf < yearEnd ? asOf : yearEnd;
}

/** Months of `year` that have begun by the cut-off. */
function isScreenedMonth(month: YearMonth, year: number, cutoff: IsoDate): boolean {
  const { first } = monthBounds(month);
  return first.startsWith(`${year}-`) && first <= cutoff;
}

/** Whether a [from, to) period touches any day of the month. Per-month facts carry no meeting date, so a month
 * partly covered counts as covered: the meeting may have fallen on a covered day, and the consequence is removal. */
function touchesMonth(from: IsoDate, to: IsoDate | null, month: YearMonth): boolean {
  const { first, last } = monthBounds(month);
  return from <= last && (to === null || to > first);
}

const isInForceOn = (from: IsoDate, to: IsoDate | null, day: IsoDate) => from <= day && (to === null || day < to);

const sortedUnique = <T extends number | string>(xs: Iterable<T>): T[] =>
  [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Whether something due by `dueDate` (the due day itself still in time) was late on some day of `year` up to the
 * cut-off. It is late on day d when d is after the due date and it was not done before d (done on d is late, since
 * d is past the due date). The first day to look at is max(1 January, the day after the due date).
 */
function wasOverdueDuringYear(dueDate: IsoDate, doneOn: IsoDate | null, year: number, cutoff: IsoDate): boolean {
  const yearStart = formatIsoDate(year, 1, 1);
  const dayAfterDue = addDays(dueDate, 1);
  const firstLateDay = dayAfterDue > yearStart ? dayAfterDue : yearStart;
  return firstLateDay <= cutoff && (doneOn === null || doneOn >= firstLateDay);
}

function make(memberId: number, kind: FlagKind, period: string, evidence: FlagEvidence): Flag {
  return { ruleId: FLAG_RULE_IDS[kind], kind, memberId, period, evidence, key: flagKey(memberId, kind, period) };
}

/**
 * R-RMV-01 (Điều lệ Art. 8.2): months of the year with an unexcused absence from a cell meeting. An excused absence
 * does not count; neither does a month touched by an exemption (R-MGT-02) or a temporary transfer out (R-MGT-06:
 * the member lives the party life in the host cell).
 */
function missedActivities(f: MemberFacts, year: number, cutoff: IsoDate, p: ScreeningParams): Flag | null {
  if (f.attendance.length === 0) return null;
  const temporary = f.transfers.filter((t) => t.kind === 'temporary');
  const months = new Set<YearMonth>();
  const meetingIds: number[] = [];
  for (const a of f.attendance) {
    if (a.outcome !== 'absent_unexcused' || !isScreenedMonth(a.month, year, cutoff)) continue;
    if (f.exemptions.some((e) => touchesMonth(e.from, e.to, a.month))) continue;
    if (temporary.some((t) => touchesMonth(t.leftOn, t.returnedOn, a.month))) continue;
    months.add(a.month);
    meetingIds.push(...(a.meetingIds ?? []));
  }
  if (months.size < p.missedActivityMonths) return null;
  return make(f.memberId, 'missed_activities', String(year), { months: sortedUnique(months), meetingIds: sortedUnique(meetingIds) });
}

/**
 * R-RMV-01 / R-DUE-01: months of the year unpaid without a good reason. A month unpaid with a recorded reason or not
 * due does not count, nor a month on temporary transfer (dues are paid to the host cell, R-MGT-06). An exemption
 * from activities does not exempt from dues (that is a dues decision, recorded as `not_due`).
 */
function unpaidDues(f: MemberFacts, year: number, cutoff: IsoDate, p: ScreeningParams): Flag | null {
  if (f.dues.length === 0) return null;
  const temporary = f.transfers.filter((t) => t.kind === 'temporary');
  const months = new Set<YearMonth>();
  for (const d of f.dues) {
    if (d.state !== 'unpaid' || !isScreenedMonth(d.month, year, cutoff)) continue;
    if (temporary.some((t) => touchesMonth(t.leftOn, t.returnedOn, d.month))) continue;
    months.add(d.month);
  }
  if (months.size < p.unpaidDuesMonths) return null;
  return make(f.memberId, 'unpaid_dues', String(year), { months: sortedUnique(months) });
}

/** R-RMV-02 (294 §8.1): `not_completed` in each of the N years ending with the screened year (consecutive only). */
function notCompletedYears(f: MemberFacts, year: number, p: ScreeningParams): Flag | null {
  if (f.gradings.length === 0) return null; // N ≥ 1 years, each needs a grading
  const n = p.consecutiveNotCompletedYears;
  const years = Array.from({ length: n }, (_, i) => year - n + 1 + i);
  const documentIds: number[] = [];
  for (const y of years) {
    const graded = f.gradings.filter((g) => g.year === y);
    if (!graded.some((g) => g.level === 'not_completed')) return null;
    for (const g of graded) if (g.level === 'not_completed' && g.documentId != null) documentIds.push(g.documentId);
  }
  const evidence: FlagEvidence = { years };
  if (documentIds.length > 0) evidence.documentIds = sortedUnique(documentIds);
  return make(f.memberId, 'not_completed_two_years', `${years[0]}-${year}`, evidence);
}

/** R-RMV-06 with R-MGT-05: a transfer outstanding past its due date on a day of the year; one flag per transfer. */
function transfersOverdue(f: MemberFacts, year: number, cutoff: IsoDate): Flag[] {
  return f.transfers
    .filter((t) => t.dueDate !== null && wasOverdueDuringYear(t.dueDate, t.completedOn, year, cutoff))
    .map((t) =>
      make(f.memberId, 'transfer_overdue', `transfer-${t.id}`, { transferId: t.id, dueDate: t.dueDate as IsoDate, completedOn: t.completedOn, cutoff }),
    );
}

/** R-RMV-06 with R-REC-04/05: probation ended and no recognition decision by the last day of the windows. */
function probationOverdue(f: MemberFacts, year: number, cutoff: IsoDate): Flag | null {
  const p = f.probation;
  if (p === null || !wasOverdueDuringYear(p.recognitionDueOn, p.decidedOn, year, cutoff)) return null;
  return make(f.memberId, 'probation_overdue', `probation-${p.endsOn}`, { dueDate: p.recognitionDueOn, completedOn: p.decidedOn, cutoff });
}

/**
 * R-RMV-06: a party or state discipline or a law violation dated in the year (up to the cut-off). The evidence names
 * party discipline (discipline referrals) in `documentIds`, state discipline and law violations in `violationRecordIds`.
 */
function disciplineOrViolation(f: MemberFacts, year: number, cutoff: IsoDate): Flag | null {
  if (f.violations.length === 0) return null;
  const party: number[] = [];
  const records: number[] = [];
  for (const v of f.violations) if (v.date.startsWith(`${year}-`) && v.date <= cutoff) (v.kind === 'party_discipline' ? party : records).push(v.id);
  if (party.length === 0 && records.length === 0) return null;
  const evidence: FlagEvidence = {};
  if (party.length > 0) evidence.documentIds = sortedUnique(party);
  if (records.length > 0) evidence.violationRecordIds = sortedUnique(records);
  return make(f.memberId, 'discipline_or_violation', String(year), evidence);
}

/**
 * R-RMV-06 with R-MGT-07: a residence-cell or Front opinion dated in the year that rates the member's prestige low. The
 * evidence names residence-cell opinions in `documentIds`, the Front's in `frontOpinionIds`.
 */
function lowPrestige(f: MemberFacts, year: number, cutoff: IsoDate): Flag | null {
  if (f.opinions.length === 0) return null;
  const residence: number[] = [];
  const front: number[] = [];
  for (const o of f.opinions) if (o.rating === 'low' && o.date.startsWith(`${year}-`) && o.date <= cutoff) (o.source === 'front' ? front : residence).push(o.id);
  if (residence.length === 0 && front.length === 0) return null;
  const evidence: FlagEvidence = {};
  if (residence.length > 0) evidence.documentIds = sortedUnique(residence);
  if (front.length > 0) evidence.frontOpinionIds = sortedUnique(front);
  return make(f.memberId, 'low_prestige', String(year), evidence);
}

/**
 * R-RMV-06 with R-MGT-01 (Kế hoạch 99 II.3): on the cut-off date the member is not exempted, not away on a temporary
 * transfer (the host cell assigns the work), and holds no work assignment.
 */
function noAssignment(f: MemberFacts, year: number, cutoff: IsoDate): Flag | null {
  if (anyInForceOn(f.assignments, cutoff) || anyInForceOn(f.exemptions, cutoff)) return null;
  if (f.transfers.some((t) => t.kind === 'temporary' && isInForceOn(t.leftOn, t.returnedOn, cutoff))) return null;
  return make(f.memberId, 'no_assignment', String(year), { cutoff });
}

function anyInForceOn(periods: readonly PeriodFact[], day: IsoDate): boolean {
  for (const p of periods) if (isInForceOn(p.from, p.to, day)) return true;
  return false;
}

/**
 * Screens one member for `year` as of `asOf` (R-RMV-01, R-RMV-02, R-RMV-06). The flags come in FLAG_KINDS order
 * (transfers by id), each with its evidence. Throws RangeError on a bad year, date or month string.
 */
export function screenMember(facts: MemberFacts, year: number, params: ScreeningParams, asOf: IsoDate): Flag[] {
  const cutoff = screeningCutoff(year, asOf);
  checkParams(params);
  const flags: Flag[] = [];
  screenInto(flags, facts, year, cutoff, params);
  return flags;
}

/** Screens every member; flags in the members' order. The year, date and parameters are checked once. */
export function screenMembers(members: readonly MemberFacts[], year: number, params: ScreeningParams, asOf: IsoDate): Flag[] {
  if (members.length === 0) return [];
  const screen = memberScreener(year, params, asOf);
  const flags: Flag[] = [];
  for (const m of members) screen(m, flags);
  return flags;
}

/**
 * screenMember for many members one at a time (a run screens each member's facts as they are loaded): the year, date
 * and parameters are checked once, here; each call appends the member's flags to `out`.
 */
export function memberScreener(year: number, params: ScreeningParams, asOf: IsoDate): (facts: MemberFacts, out: Flag[]) => void {
  const cutoff = screeningCutoff(year, asOf);
  checkParams(params);
  return (facts, out) => screenInto(out, facts, year, cutoff, params);
}

function checkParams(params: ScreeningParams): void {
  for (const name of ['missedActivityMonths', 'unpaidDuesMonths', 'consecutiveNotCompletedYears'] as const) {
    const n = params[name];
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Screening parameter ${name} must be a positive integer: ${n}`);
  }
}

/** One member's flags, appended in FLAG_KINDS order (transfers by id), with no intermediate lists (a run screens millions). */
function screenInto(out: Flag[], facts: MemberFacts, year: number, cutoff: IsoDate, params: ScreeningParams): void {
  pushFlag(out, missedActivities(facts, year, cutoff, params));
  pushFlag(out, unpaidDues(facts, year, cutoff, params));
  pushFlag(out, notCompletedYears(facts, year, params));
  if (facts.transfers.length > 0) {
    for (const f of transfersOverdue(facts, year, cutoff).sort((a, b) => (a.evidence.transferId as number) - (b.evidence.transferId as number))) out.push(f);
  }
  pushFlag(out, probationOverdue(facts, year, cutoff));
  pushFlag(out, disciplineOrViolation(facts, year, cutoff));
  pushFlag(out, lowPrestige(facts, year, cutoff));
  pushFlag(out, noAssignment(facts, year, cutoff));
}

function pushFlag(out: Flag[], flag: Flag | null): void {
  if (flag !== null) out.push(flag);
}

export interface FlagReconciliation {
  /** New flags to record (one per key). */
  toInsert: Flag[];
  /** Flags already open: nothing to do (the recorded evidence stays as first raised). */
  unchanged: Flag[];
  /** Flags whose key was already closed by a recorded decision: not raised again for the same period. */
  alreadyDecided: Flag[];
}

/**
 * R-RMV-07 (Kế hoạch 99 II.4): compares a screening run with the flags on record. It never proposes to close a
 * flag, even one whose condition no longer holds: only a recorded decision closes a flag. `decidedKeys` are keys of
 * flags closed by a decision; a condition that keeps holding for the same period is not raised twice.
 */
export function reconcileFlags(
  existingOpenKeys: Iterable<string>,
  newFlags: readonly Flag[],
  decidedKeys: Iterable<string> = [],
): FlagReconciliation {
  const open = new Set(existingOpenKeys);
  const decided = new Set(decidedKeys);
  const seen = new Set<string>();
  const result: FlagReconciliation = { toInsert: [], unchanged: [], alreadyDecided: [] };
  for (const flag of newFlags) {
    if (seen.has(flag.key)) continue;
    seen.add(flag.key);
    if (open.has(flag.key)) result.unchanged.push(flag);
    else if (decided.has(flag.key)) result.alreadyDecided.push(flag);
    else result.toInsert.push(flag);
  }
  return result;
}
