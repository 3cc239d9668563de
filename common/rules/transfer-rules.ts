// Transfers of party activity (chuyển sinh hoạt đảng): official (R-MGT-05) and temporary (R-MGT-06).
// Deadlines are counted in working days on the administrator's calendar (working-days.ts, rules.md "Working days").
import { addDays, addMonths, isIsoDate, type IsoDate } from './iso-date.ts';
import { fail, pass, paramsInForce, type RuleCheck, type RuleSetVersion } from './rule-check.ts';
import { addWorkingDays, type WorkingCalendar } from './working-days.ts';

/** Parameters of R-MGT-05. */
export type OfficialTransferParams = {
  /** Working days after the trigger event within which the member starts the procedure. */
  startWithinWorkingDays: number;
  /** Working days after the letter is issued within which it is presented at the destination. */
  presentWithinWorkingDays: number;
};

/** Parameters of R-MGT-06, in calendar months counted from the first day away. */
export type TemporaryTransferParams = {
  minMonths: number;
  /** Strictly under this many months (a longer absence is an official transfer). */
  maxMonthsExclusive: number;
  /** Full-time study: up to and including this many months. */
  studyMaxMonths: number;
};

const OFFICIAL: OfficialTransferParams = { startWithinWorkingDays: 60, presentWithinWorkingDays: 30 };
const TEMPORARY: TemporaryTransferParams = { minMonths: 3, maxMonthsExclusive: 12, studyMaxMonths: 24 };

export const TRANSFER_RULE_SETS: RuleSetVersion[] = [
  // V-old: the same numbers are taken to hold under the predecessors of 294 since the 2011 charter; correct as data if not.
  { ruleId: 'R-MGT-05', effectiveFrom: '2011-01-19', params: OFFICIAL, source: 'Quy định thi hành Điều lệ Đảng trước 294-QĐ/TW (V-old)' },
  { ruleId: 'R-MGT-05', effectiveFrom: '2025-07-01', params: OFFICIAL, source: 'Quy định 294-QĐ/TW §6.3.1' },
  { ruleId: 'R-MGT-06', effectiveFrom: '2011-01-19', params: TEMPORARY, source: 'Quy định thi hành Điều lệ Đảng trước 294-QĐ/TW (V-old)' },
  { ruleId: 'R-MGT-06', effectiveFrom: '2025-07-01', params: TEMPORARY, source: 'Quy định 294-QĐ/TW §6.3.2' },
];

/** R-MGT-05: the events after which a member must transfer officially. */
export const TRANSFER_TRIGGERS = ['job_change', 'retirement', 'demobilisation', 'long_term_move'] as const;
export type TransferTrigger = (typeof TRANSFER_TRIGGERS)[number];

/** An official transfer case; null dates have not happened yet. */
export interface OfficialTransfer {
  trigger: TransferTrigger;
  /** The date of the trigger (the decision on the job change, retirement or demobilisation; the move). */
  triggeredOn: IsoDate;
  /** The member asked the cell to transfer (the procedure started). */
  startedOn: IsoDate | null;
  /** The competent committee signed the transfer letter (giấy giới thiệu sinh hoạt đảng). */
  letterIssuedOn: IsoDate | null;
  /** The letter was presented to the committee at the destination. */
  presentedOn: IsoDate | null;
}

export interface OfficialTransferDeadlines {
  startDue: IsoDate;
  /** null until the letter is issued. */
  presentationDue: IsoDate | null;
}

/**
 * R-MGT-05 (294 §6.3.1): start due = trigger + 60 working days; presentation due = letter + 30 working days.
 * "Within n working days after D" is the n-th working day after D (D not counted); acting on that day is on time.
 * The case is judged by the rule set in force on the trigger date.
 */
export function transferDeadlines(
  transfer: OfficialTransfer,
  cal: WorkingCalendar,
  ruleSets: readonly RuleSetVersion[] = TRANSFER_RULE_SETS,
): OfficialTransferDeadlines {
  const p = paramsInForce<OfficialTransferParams>(ruleSets, 'R-MGT-05', transfer.triggeredOn);
  return {
    startDue: addWorkingDays(cal, transfer.triggeredOn, p.startWithinWorkingDays),
    presentationDue: transfer.letterIssuedOn === null ? null : addWorkingDays(cal, transfer.letterIssuedOn, p.presentWithinWorkingDays),
  };
}

export type OfficialTransferStatus = 'on_time' | 'start_overdue' | 'presentation_overdue' | 'completed' | 'completed_late';

/**
 * R-MGT-05 on `today`. Presented → `completed`, or `completed_late` if either step was late. Otherwise, a letter not
 * presented by its due day → `presentation_overdue`; a procedure not started by its due day, or started after it →
 * `start_overdue` (a late start stays on record until completion: R-RMV-06 screens transfers not done in time).
 * A letter implies the procedure started by the letter's date when `startedOn` was not recorded.
 */
export function transferStatus(
  transfer: OfficialTransfer,
  today: IsoDate,
  cal: WorkingCalendar,
  ruleSets: readonly RuleSetVersion[] = TRANSFER_RULE_SETS,
): OfficialTransferStatus {
  const { startDue, presentationDue } = transferDeadlines(transfer, cal, ruleSets);
  const started = transfer.startedOn ?? transfer.letterIssuedOn ?? transfer.presentedOn;
  const startedLate = started !== null && started > startDue;
  if (transfer.presentedOn !== null) {
    const presentedLate = presentationDue !== null && transfer.presentedOn > presentationDue;
    return startedLate || presentedLate ? 'completed_late' : 'completed';
  }
  if (presentationDue !== null && today > presentationDue) return 'presentation_overdue';
  if (startedLate || (started === null && today > startDue)) return 'start_overdue';
  return 'on_time';
}

/** R-MGT-05: fails when the case is (or was completed) late, which is reported to the competent committee. */
export function checkOfficialTransfer(
  transfer: OfficialTransfer,
  today: IsoDate,
  cal: WorkingCalendar,
  ruleSets: readonly RuleSetVersion[] = TRANSFER_RULE_SETS,
): RuleCheck {
  const status = transferStatus(transfer, today, cal, ruleSets);
  const facts = { status, trigger: transfer.trigger, ...transferDeadlines(transfer, cal, ruleSets) };
  return status === 'on_time' || status === 'completed' ? pass('R-MGT-05', status, facts) : fail('R-MGT-05', status, facts);
}

export type TemporaryTransferPurpose = 'full_time_study' | 'work' | 'other';

/** A temporary transfer out of the home cell. Dates inclusive: `from` the first day away, `to` the planned last day. */
export interface TemporaryTransfer {
  memberId: number;
  purpose: TemporaryTransferPurpose;
  from: IsoDate;
  to: IsoDate;
  /** The first day back at the home cell, when recorded (early or late); it overrides `to`. */
  returnedOn?: IsoDate | null;
}

/**
 * R-MGT-06 (294 §6.3.2): 3 to under 12 calendar months away, or 3 months to 2 years of full-time study. A period
 * [from, to] lasts n months when the day after `to` is `from` + n months (1/3–31/5 is 3 months).
 * Shorter needs no transfer; longer is an official transfer.
 */
export function checkTemporaryTransferPeriod(
  transfer: TemporaryTransfer,
  ruleSets: readonly RuleSetVersion[] = TRANSFER_RULE_SETS,
): RuleCheck {
  if (!isIsoDate(transfer.from) || !isIsoDate(transfer.to) || transfer.to < transfer.from) {
    return fail('R-MGT-06', 'temporary_transfer_period_invalid', { from: transfer.from, to: transfer.to });
  }
  const p = paramsInForce<TemporaryTransferParams>(ruleSets, 'R-MGT-06', transfer.from);
  const end = addDays(transfer.to, 1);
  const isStudy = transfer.purpose === 'full_time_study';
  const facts = { from: transfer.from, to: transfer.to, purpose: transfer.purpose, ...p };
  if (end < addMonths(transfer.from, p.minMonths)) return fail('R-MGT-06', 'temporary_transfer_too_short', facts);
  const tooLong = isStudy ? end > addMonths(transfer.from, p.studyMaxMonths) : end >= addMonths(transfer.from, p.maxMonthsExclusive);
  if (tooLong) return fail('R-MGT-06', 'temporary_transfer_too_long', facts);
  return pass('R-MGT-06', 'ok', facts);
}

/** The last day the member is away: the day before the recorded return, else the planned last day. */
export function lastDayAway(transfer: TemporaryTransfer): IsoDate {
  return transfer.returnedOn != null ? addDays(transfer.returnedOn, -1) : transfer.to;
}

/** Whether `memberId` is away on temporary transfer on `date`. */
export function isOnTemporaryTransferOn(transfers: readonly TemporaryTransfer[], memberId: number, date: IsoDate): boolean {
  return transfers.some((t) => t.memberId === memberId && t.from <= date && date <= lastDayAway(t));
}

/**
 * R-MGT-06: a member on temporary transfer is not counted in the home cell's headcount while away (the host cell
 * holds their activity; a committee member nevertheless keeps the seat at home). Counted again from the return.
 */
export function isCountedInHomeCell(member: { memberId: number }, date: IsoDate, transfers: readonly TemporaryTransfer[]): boolean {
  return !isOnTemporaryTransferOn(transfers, member.memberId, date);
}
