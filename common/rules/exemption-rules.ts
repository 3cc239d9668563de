// Exemption from party activities and work (miễn sinh hoạt đảng và công tác, R-MGT-02) and work assignments (R-MGT-01).
// R-MGT-02 is not a dues exemption: an exempted member still owes dues unless a dues rule exempts them (dues.ts).
import { isIsoDate, type IsoDate } from './iso-date.ts';
import { fail, pass, type RuleCheck } from './rule-check.ts';
import { isCountedInHomeCell, type TemporaryTransfer } from './transfer-rules.ts';

/**
 * R-MGT-02 (Quy định 232-QĐ/TW Art. 7; Hướng dẫn 12-HD/BTCTW §IV.1.2; Kế hoạch 99 II.3): elderly or weak members,
 * long treatment, private travel abroad, lone or itinerant work, maternity; `other` needs a note.
 */
export const EXEMPTION_REASONS = [
  'elderly_or_weak',
  'long_treatment',
  'private_travel_abroad',
  'lone_or_itinerant_work',
  'maternity',
  'other',
] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

/** R-MGT-02: the member asks in writing or orally (an oral request is minuted by the cell). */
export type ExemptionRequestKind = 'written' | 'oral';

/** An exemption the cell has decided. Dates are inclusive, as the decision words them ("từ ngày … đến ngày …"). */
export interface Exemption {
  memberId: number;
  reason: ExemptionReason;
  /** Required when reason is `other`. */
  note?: string;
  requestKind: ExemptionRequestKind;
  requestedOn: IsoDate;
  /** R-MGT-02: the cell decides (the cell's meeting date and its resolution or minutes reference). */
  decidedOn: IsoDate;
  decisionRef: string;
  /** R-MGT-02: the superior committee is informed; null while it has not been. */
  superiorInformedOn: IsoDate | null;
  from: IsoDate;
  /** Last exempt day; null = until the cell ends it (an early end is recorded by setting this day). */
  to: IsoDate | null;
}

/** R-MGT-02: whether one of `exemptions` covers `date`; pass one member's exemptions, or give `memberId` to filter. */
export function isExemptOn(exemptions: readonly Exemption[], date: IsoDate, memberId?: number): boolean {
  return exemptions.some(
    (e) => (memberId === undefined || e.memberId === memberId) && e.from <= date && (e.to === null || date <= e.to),
  );
}

/** R-MGT-02: a recorded exemption is complete: known reason, a note for `other`, request before the decision, the superior informed. */
export function checkExemption(exemption: Exemption): RuleCheck[] {
  const checks: RuleCheck[] = [];
  const facts = { memberId: exemption.memberId, reason: exemption.reason };
  if (!EXEMPTION_REASONS.includes(exemption.reason)) checks.push(fail('R-MGT-02', 'exemption_reason_unknown', facts));
  if (exemption.reason === 'other' && !exemption.note?.trim()) checks.push(fail('R-MGT-02', 'exemption_note_required', facts));
  if (!exemption.decisionRef.trim()) checks.push(fail('R-MGT-02', 'exemption_decision_required', facts));
  for (const d of [exemption.requestedOn, exemption.decidedOn, exemption.from]) {
    if (!isIsoDate(d)) checks.push(fail('R-MGT-02', 'exemption_date_invalid', { ...facts, date: d }));
  }
  if (exemption.requestedOn > exemption.decidedOn) checks.push(fail('R-MGT-02', 'exemption_decided_before_request', facts));
  if (exemption.to !== null && exemption.to < exemption.from) checks.push(fail('R-MGT-02', 'exemption_period_reversed', facts));
  if (exemption.superiorInformedOn === null) checks.push(fail('R-MGT-02', 'exemption_superior_not_informed', facts));
  return checks.length > 0 ? checks : [pass('R-MGT-02', 'ok', facts)];
}

/** What an exemption changes on a day, per R-MGT-02 and the rules that refer to it. */
export interface ExemptionEffects {
  exempt: boolean;
  /** R-MGT-02/03: not expected at cell meetings (an exempted member may still attend and vote, R-ADM-09). */
  expectedAtMeetings: boolean;
  /** R-MGT-01: needs a work assignment. */
  needsWorkAssignment: boolean;
  /** R-GRD-02: graded in an assessment held that day. */
  graded: boolean;
  /** R-MGT-02: exemption never shields from discipline. */
  subjectToDiscipline: true;
}

/**
 * R-MGT-02, R-GRD-02 on `date`. Grading is judged on the grading date (an exemption ended before it does not exclude
 * the member): an interpretation, since 366-QĐ/TW says only that exempted members are not graded.
 */
export function exemptionEffects(exemptions: readonly Exemption[], memberId: number, date: IsoDate): ExemptionEffects {
  const exempt = isExemptOn(exemptions, date, memberId);
  return { exempt, expectedAtMeetings: !exempt, needsWorkAssignment: !exempt, graded: !exempt, subjectToDiscipline: true };
}

/** A work assignment from the cell (phân công công tác), inclusive dates, `to` null = open. */
export interface WorkAssignment {
  memberId: number;
  from: IsoDate;
  to: IsoDate | null;
  description: string;
}

/**
 * R-MGT-01 (Kế hoạch 99 II.3: "mọi đảng viên trong chi bộ đều được phân công công tác"): the members with no work
 * assignment valid on `date`, leaving out the exempted (R-MGT-02) and, when given, members temporarily transferred
 * out (R-MGT-06: the host cell assigns their work). Feeds screening (R-RMV-06).
 */
export function membersWithoutAssignment<M extends { memberId: number }>(
  members: readonly M[],
  assignments: readonly WorkAssignment[],
  exemptions: readonly Exemption[],
  date: IsoDate,
  temporaryTransfers: readonly TemporaryTransfer[] = [],
): M[] {
  const assigned = new Set(
    assignments.filter((a) => a.from <= date && (a.to === null || date <= a.to)).map((a) => a.memberId),
  );
  return members.filter(
    (m) => !assigned.has(m.memberId) && isCountedInHomeCell(m, date, temporaryTransfers) && !isExemptOn(exemptions, date, m.memberId),
  );
}
