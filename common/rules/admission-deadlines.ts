// Due dates of the admission and recognition steps (docs/rules.md R-ADM-11…13, R-REC-01, R-REC-04…07). Working days
// follow the WorkingCalendar: the start date is not counted and a due date is always a working day (working-days.ts).
import type { DocumentRef } from './admission-rules.ts';
import { addMonths, type IsoDate } from './iso-date.ts';
import { fail, pass, type RuleCheck } from './rule-check.ts';
import { addWorkingDays, type WorkingCalendar } from './working-days.ts';

export interface DecisionDeadlineParams {
  decisionWorkingDays: number;
  maxExtensionWorkingDays: number;
  maxExtensions: number;
}

export interface CeremonyDeadlineParams {
  ceremonyWorkingDays: number;
}

export interface HistoryDeadlineParams {
  historyWorkingDays: number;
}

export interface ProbationParams {
  probationMonths: number;
}

export interface RecognitionVoteDeadlineParams {
  cellVoteWorkingDays: number;
}

/**
 * R-ADM-11 (Quy định 232-QĐ/TW §4.3.1): the competent committee decides within 60 working days of the cell
 * resolution; the extension (≤ 30 working days) runs on from the original due date.
 */
export function admissionDecisionDueDate(
  cal: WorkingCalendar,
  cellResolutionDate: IsoDate,
  params: DecisionDeadlineParams,
  extensionWorkingDays = 0,
): IsoDate {
  return addWorkingDays(cal, addWorkingDays(cal, cellResolutionDate, params.decisionWorkingDays), extensionWorkingDays);
}

/**
 * R-ADM-11 / R-REC-05 (Quy định 232-QĐ/TW §4.3.1): one extension of 1 to 30 working days, granted no later than the
 * original due date.
 */
export function checkDecisionExtension(
  requestedWorkingDays: number,
  extensionsGranted: number,
  grantedOn: IsoDate,
  originalDueDate: IsoDate,
  params: DecisionDeadlineParams,
  ruleId: 'R-ADM-11' | 'R-REC-05' = 'R-ADM-11',
): RuleCheck {
  const facts = { requestedWorkingDays, extensionsGranted, grantedOn, originalDueDate, ...params };
  if (extensionsGranted >= params.maxExtensions) return fail(ruleId, 'extension_already_granted', facts);
  if (!Number.isInteger(requestedWorkingDays) || requestedWorkingDays < 1 || requestedWorkingDays > params.maxExtensionWorkingDays) {
    return fail(ruleId, 'extension_too_long', facts);
  }
  if (grantedOn > originalDueDate) return fail(ruleId, 'extension_after_due_date', facts);
  return pass(ruleId, 'extension_allowed', facts);
}

/** R-ADM-12 (Quy định 294-QĐ/TW Art. 5 §4.1): the ceremony within 30 working days of the cell receiving the decision. */
export function ceremonyDueDate(cal: WorkingCalendar, decisionReceivedOn: IsoDate, params: CeremonyDeadlineParams): IsoDate {
  return addWorkingDays(cal, decisionReceivedOn, params.ceremonyWorkingDays);
}

/**
 * R-ADM-12 (Quy định 294-QĐ/TW Art. 5 §4.1): held on or after the decision was received and by the due date; later
 * only with the directly superior committee's approval, recorded.
 */
export function checkCeremonyOnTime(
  ceremonyDate: IsoDate,
  decisionReceivedOn: IsoDate,
  dueDate: IsoDate,
  superiorApproval: DocumentRef | null,
): RuleCheck {
  const facts = { ceremonyDate, decisionReceivedOn, dueDate, superiorApproval };
  if (ceremonyDate < decisionReceivedOn) return fail('R-ADM-12', 'ceremony_before_decision_received', facts);
  if (ceremonyDate <= dueDate) return pass('R-ADM-12', 'on_time', facts);
  return superiorApproval === null
    ? fail('R-ADM-12', 'late_without_superior_approval', facts)
    : pass('R-ADM-12', 'late_with_superior_approval', facts);
}

/** R-ADM-13 (Hướng dẫn 12-HD/BTCTW §2.2): the member's personal history completed within 30 working days of the ceremony. */
export function personalHistoryDueDate(cal: WorkingCalendar, ceremonyDate: IsoDate, params: HistoryDeadlineParams): IsoDate {
  return addWorkingDays(cal, ceremonyDate, params.historyWorkingDays);
}

/**
 * R-REC-01 (Điều lệ Đảng Art. 5.1): probation is 12 months from the ceremony, ending on the same day of month
 * (ceremony 15/3/2026 → 15/3/2027; 29/2/2028 → 28/2/2029).
 */
export function probationEndDate(ceremonyDate: IsoDate, params: ProbationParams): IsoDate {
  return addMonths(ceremonyDate, params.probationMonths);
}

/** R-REC-04 (Quy định 294-QĐ/TW §4.2): the cell votes within 30 working days after probation ends. */
export function recognitionVoteDueDate(cal: WorkingCalendar, probationEnd: IsoDate, params: RecognitionVoteDeadlineParams): IsoDate {
  return addWorkingDays(cal, probationEnd, params.cellVoteWorkingDays);
}

/** R-REC-05 (Quy định 232-QĐ/TW §4.3.1): the competent committee decides within 30 working days of the cell vote (+ ≤ 30). */
export function recognitionDecisionDueDate(
  cal: WorkingCalendar,
  cellVoteDate: IsoDate,
  params: DecisionDeadlineParams,
  extensionWorkingDays = 0,
): IsoDate {
  return admissionDecisionDueDate(cal, cellVoteDate, params, extensionWorkingDays);
}

/** R-REC-06 (Quy định 24-QĐ/TW §4.2.b): the official date is the day probation ends, however late the cell or committee acted. */
export function officialMembershipDate(probationEnd: IsoDate): IsoDate {
  return probationEnd;
}

/** R-REC-07 (Điều lệ Đảng Art. 5.4): party age counts from the date written in the admission decision. */
export function partyAgeStartDate(admissionDecisionDate: IsoDate): IsoDate {
  return admissionDecisionDate;
}

/**
 * A deadline as a checklist line: done by the due date (on_time), done after it (late), not done and still due
 * (pending, ok), not done and past due (overdue).
 */
export function checkDeadline(ruleId: string, doneOn: IsoDate | null, dueDate: IsoDate, today: IsoDate): RuleCheck {
  const facts = { doneOn, dueDate, today };
  if (doneOn !== null) return doneOn <= dueDate ? pass(ruleId, 'on_time', facts) : fail(ruleId, 'late', facts);
  return today <= dueDate ? pass(ruleId, 'pending', facts) : fail(ruleId, 'overdue', facts);
}
