// Cell meetings (R-MGT-03), who is expected at them (R-MGT-02, R-MGT-06), absence months for name removal
// (R-RMV-01) and the minimum cell size (R-MGT-04). Months are 1–12 and quarters 1–4 of the `year` argument.
import { isIsoDate, parseIsoDate, type IsoDate } from './iso-date.ts';
import { fail, pass, paramsInForce, type RuleCheck, type RuleSetVersion } from './rule-check.ts';
import { isExemptOn, type Exemption } from './exemption-rules.ts';
import { isCountedInHomeCell, type TemporaryTransfer } from './transfer-rules.ts';

/** Parameters of R-MGT-03: the least number of meetings per month (regular) and per quarter (thematic). */
export type MeetingParams = { regularPerMonth: number; thematicPerQuarter: number };
/** Parameters of R-MGT-04. */
export type CellSizeParams = { minOfficialMembers: number };

export const MEETING_RULE_SETS: RuleSetVersion[] = [
  {
    // V for the monthly meeting; U for "thematic at least once a quarter" (guidance, not the charter): configurable.
    ruleId: 'R-MGT-03',
    effectiveFrom: '2011-01-19',
    params: { regularPerMonth: 1, thematicPerQuarter: 1 } satisfies MeetingParams,
    source: 'Điều lệ Đảng 2011 Art. 24.2; Chỉ thị 50-CT/TW, Hướng dẫn 42-HD/BTCTW (2025) on thematic meetings',
  },
  {
    ruleId: 'R-MGT-04',
    effectiveFrom: '2011-01-19',
    params: { minOfficialMembers: 3 } satisfies CellSizeParams,
    source: 'Điều lệ Đảng 2011 Art. 21.2',
  },
];

export type MeetingKind = 'regular' | 'thematic';

/**
 * A meeting the cell held. A regular meeting that also treats a theme is recorded as two meetings on the same day,
 * so it counts for both the month and the quarter.
 */
export interface CellMeeting {
  date: IsoDate;
  kind: MeetingKind;
}

export interface MeetingComplianceOptions {
  ruleSets?: readonly RuleSetVersion[];
  /** First month to check (a cell founded mid-year): default 1. */
  fromMonth?: number;
}

function checkedMonth(m: number, what: string): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new RangeError(`${what} must be a month 1–12, got ${m}`);
  return m;
}

function firstDay(year: number, month: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

function countByMonth(year: number, meetings: readonly CellMeeting[], kind: MeetingKind): number[] {
  const counts = Array.from({ length: 13 }, () => 0);
  for (const meeting of meetings) {
    const { y, m } = parseIsoDate(meeting.date);
    if (y === year && meeting.kind === kind) counts[m]++;
  }
  return counts;
}

/**
 * R-MGT-03 (Điều lệ Art. 24.2): the months fromMonth..upToMonth (inclusive) of `year` with fewer regular meetings than
 * the rule set in force on the month's 1st day asks (1). Pass the current month only when it is over.
 */
export function missingRegularMonths(
  year: number,
  meetings: readonly CellMeeting[],
  upToMonth: number,
  options: MeetingComplianceOptions = {},
): number[] {
  const { ruleSets = MEETING_RULE_SETS, fromMonth = 1 } = options;
  const counts = countByMonth(year, meetings, 'regular');
  const missing: number[] = [];
  for (let m = checkedMonth(fromMonth, 'fromMonth'); m <= checkedMonth(upToMonth, 'upToMonth'); m++) {
    const { regularPerMonth } = paramsInForce<MeetingParams>(ruleSets, 'R-MGT-03', firstDay(year, m));
    if (counts[m] < regularPerMonth) missing.push(m);
  }
  return missing;
}

/**
 * R-MGT-03: the quarters of `year` lying wholly within fromMonth..upToMonth with fewer thematic meetings than the
 * rule set in force on the quarter's first day asks (1). A quarter not yet over (or begun before the cell) is not judged.
 */
export function missingThematicQuarters(
  year: number,
  meetings: readonly CellMeeting[],
  upToMonth: number,
  options: MeetingComplianceOptions = {},
): number[] {
  const { ruleSets = MEETING_RULE_SETS, fromMonth = 1 } = options;
  checkedMonth(fromMonth, 'fromMonth');
  checkedMonth(upToMonth, 'upToMonth');
  const counts = countByMonth(year, meetings, 'thematic');
  const missing: number[] = [];
  for (let q = 1; q <= 4; q++) {
    const first = 3 * q - 2;
    if (first < fromMonth || first + 2 > upToMonth) continue;
    const { thematicPerQuarter } = paramsInForce<MeetingParams>(ruleSets, 'R-MGT-03', firstDay(year, first));
    if (counts[first] + counts[first + 1] + counts[first + 2] < thematicPerQuarter) missing.push(q);
  }
  return missing;
}

/** R-MGT-03, for the six-monthly inspection (R-DIS-09): fails when a month or a quarter was missed. */
export function checkMeetingRegularity(
  year: number,
  meetings: readonly CellMeeting[],
  upToMonth: number,
  options: MeetingComplianceOptions = {},
): RuleCheck {
  const missingMonths = missingRegularMonths(year, meetings, upToMonth, options);
  const missingQuarters = missingThematicQuarters(year, meetings, upToMonth, options);
  const facts = { year, upToMonth, missingMonths, missingQuarters };
  return missingMonths.length + missingQuarters.length > 0 ? fail('R-MGT-03', 'meetings_missing', facts) : pass('R-MGT-03', 'ok', facts);
}

export type AttendanceExpectation =
  | { expected: true; reason: 'member' }
  | { expected: false; reason: 'exempted' | 'temporary_transfer_out' };

/**
 * Whether a member of the home cell is expected at its meeting on `meetingDate`: not when exempted (R-MGT-02), nor
 * while on temporary transfer out (R-MGT-06: they meet with the host cell). Exemption is named first when both hold.
 * An unexpected member may still attend (an exempted member who attends may vote, R-ADM-09).
 */
export function attendanceExpectation(
  member: { memberId: number },
  meetingDate: IsoDate,
  exemptions: readonly Exemption[],
  temporaryTransfers: readonly TemporaryTransfer[],
): AttendanceExpectation {
  if (!isIsoDate(meetingDate)) throw new RangeError(`Not an ISO date: ${meetingDate}`);
  if (isExemptOn(exemptions, meetingDate, member.memberId)) return { expected: false, reason: 'exempted' };
  if (!isCountedInHomeCell(member, meetingDate, temporaryTransfers)) return { expected: false, reason: 'temporary_transfer_out' };
  return { expected: true, reason: 'member' };
}

export type AttendanceStatus = 'present' | 'absent_with_reason' | 'absent_without_reason';

/** One member at one meeting of the cell; `expected` as attendanceExpectation said on the meeting day. */
export interface AttendanceRecord {
  meetingDate: IsoDate;
  kind: MeetingKind;
  expected: boolean;
  status: AttendanceStatus;
}

/**
 * R-RMV-01 (Điều lệ Art. 8.2: missing party activities 3 months in a year without good reason): the months of `year`
 * that count against the member. A month counts exactly when
 *   (a) the member was expected at one or more regular meetings of the month, and
 *   (b) every one of those was an absence without reason, and
 *   (c) the member was present at no meeting of the cell that month (a thematic one included).
 * So an excused absence at any expected regular meeting saves the month, and months with no expected regular meeting
 * (exempted, on temporary transfer, or the cell did not meet: the cell's failure is not the member's) never count.
 */
export function monthsAbsentWithoutReason(year: number, attendance: readonly AttendanceRecord[]): number[] {
  const expectedRegular = Array.from({ length: 13 }, () => 0);
  const unexcused = Array.from({ length: 13 }, () => 0);
  const present = Array.from({ length: 13 }, () => false);
  for (const record of attendance) {
    const { y, m } = parseIsoDate(record.meetingDate);
    if (y !== year) continue;
    if (record.status === 'present') present[m] = true;
    if (record.kind !== 'regular' || !record.expected) continue;
    expectedRegular[m]++;
    if (record.status === 'absent_without_reason') unexcused[m]++;
  }
  const months: number[] = [];
  for (let m = 1; m <= 12; m++) {
    if (expectedRegular[m] > 0 && unexcused[m] === expectedRegular[m] && !present[m]) months.push(m);
  }
  return months;
}

/**
 * R-MGT-04 (Điều lệ Art. 21.2): a cell has at least 3 official members on `date`. Members on temporary transfer out
 * are not counted (R-MGT-06); probationary members never are.
 */
export function checkCellSize(
  members: readonly { memberId: number; status: string }[],
  date: IsoDate,
  temporaryTransfers: readonly TemporaryTransfer[],
  ruleSets: readonly RuleSetVersion[] = MEETING_RULE_SETS,
): RuleCheck {
  const { minOfficialMembers } = paramsInForce<CellSizeParams>(ruleSets, 'R-MGT-04', date);
  const counted = members.filter((m) => m.status === 'official' && isCountedInHomeCell(m, date, temporaryTransfers)).length;
  const facts = { officialMembers: counted, minOfficialMembers };
  return counted >= minOfficialMembers ? pass('R-MGT-04', 'ok', facts) : fail('R-MGT-04', 'cell_too_small', facts);
}
