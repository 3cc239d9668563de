import { describe, expect, it } from 'vitest';
import type { Exemption } from './exemption-rules.ts';
import type { RuleSetVersion } from './rule-check.ts';
import type { TemporaryTransfer } from './transfer-rules.ts';
import {
  attendanceExpectation,
  checkCellSize,
  checkMeetingRegularity,
  MEETING_RULE_SETS,
  missingRegularMonths,
  missingThematicQuarters,
  monthsAbsentWithoutReason,
  type AttendanceRecord,
  type AttendanceStatus,
  type CellMeeting,
  type MeetingKind,
} from './meeting-compliance.ts';

const regular = (date: string): CellMeeting => ({ date, kind: 'regular' });
const thematic = (date: string): CellMeeting => ({ date, kind: 'thematic' });

// 2026: regular meetings in Jan, Feb, Apr and twice in May (none in Mar, Jun); one thematic meeting in Q1, none in Q2.
const MEETINGS: CellMeeting[] = [
  regular('2025-03-05'), // another year
  regular('2026-01-05'),
  regular('2026-02-05'),
  thematic('2026-03-20'),
  regular('2026-04-03'),
  regular('2026-05-04'),
  regular('2026-05-25'),
];

describe('R-MGT-03: missing regular months and thematic quarters', () => {
  it('finds the gaps up to June', () => {
    expect(missingRegularMonths(2026, MEETINGS, 6)).toEqual([3, 6]);
    expect(missingThematicQuarters(2026, MEETINGS, 6)).toEqual([2]);
  });

  it('does not judge a quarter before it is over', () => {
    expect(missingRegularMonths(2026, MEETINGS, 5)).toEqual([3]);
    expect(missingThematicQuarters(2026, MEETINGS, 5)).toEqual([]);
  });

  it('a thematic meeting does not stand in for the month’s regular meeting (record both when combined)', () => {
    expect(missingRegularMonths(2026, [...MEETINGS, regular('2026-03-20')], 6)).toEqual([6]);
  });

  it('starts at the cell’s first month', () => {
    expect(missingRegularMonths(2026, MEETINGS, 6, { fromMonth: 4 })).toEqual([6]);
    expect(missingThematicQuarters(2026, MEETINGS, 12, { fromMonth: 2 })).toEqual([2, 3, 4]);
  });

  it('a whole year without meetings', () => {
    expect(missingRegularMonths(2027, MEETINGS, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(missingThematicQuarters(2027, MEETINGS, 12)).toEqual([1, 2, 3, 4]);
  });

  it('thresholds are rule-set parameters judged month by month (configurable)', () => {
    const stricter: RuleSetVersion[] = [
      ...MEETING_RULE_SETS,
      { ruleId: 'R-MGT-03', effectiveFrom: '2026-05-01', params: { regularPerMonth: 2, thematicPerQuarter: 2 }, source: 'a stricter local rule' },
    ];
    expect(missingRegularMonths(2026, MEETINGS, 6, { ruleSets: stricter })).toEqual([3, 6]);
    expect(missingRegularMonths(2026, [...MEETINGS, regular('2026-04-20')], 4, { ruleSets: stricter })).toEqual([3]);
    expect(missingRegularMonths(2026, MEETINGS.filter((m) => m.date !== '2026-05-25'), 6, { ruleSets: stricter })).toEqual([3, 5, 6]);
    expect(missingThematicQuarters(2026, [...MEETINGS, thematic('2026-08-01')], 9, { ruleSets: stricter })).toEqual([2, 3]);
  });

  it('refuses a month outside 1–12', () => {
    expect(() => missingRegularMonths(2026, MEETINGS, 13)).toThrow(RangeError);
    expect(() => missingThematicQuarters(2026, MEETINGS, 0)).toThrow(RangeError);
  });

  it('checkMeetingRegularity gives the inspection (R-DIS-09) the gaps as facts', () => {
    expect(checkMeetingRegularity(2026, MEETINGS, 6)).toEqual({
      ruleId: 'R-MGT-03',
      ok: false,
      code: 'meetings_missing',
      facts: { year: 2026, upToMonth: 6, missingMonths: [3, 6], missingQuarters: [2] },
    });
    expect(checkMeetingRegularity(2026, MEETINGS, 2).ok).toBe(true);
  });
});

const exemptions: Exemption[] = [
  {
    memberId: 1, reason: 'long_treatment', requestKind: 'oral', requestedOn: '2026-03-25', decidedOn: '2026-04-01',
    decisionRef: 'BB 04/2026', superiorInformedOn: '2026-04-05', from: '2026-04-01', to: '2026-04-30',
  },
];
const transfers: TemporaryTransfer[] = [{ memberId: 1, purpose: 'work', from: '2026-05-01', to: '2026-07-31', returnedOn: '2026-06-01' }];

describe('R-MGT-02, R-MGT-06: attendanceExpectation', () => {
  it.each<[string, string, boolean, string]>([
    ['an ordinary member', '2026-03-05', true, 'member'],
    ['exempted (R-MGT-02)', '2026-04-03', false, 'exempted'],
    ['on temporary transfer out (R-MGT-06)', '2026-05-04', false, 'temporary_transfer_out'],
    ['back from temporary transfer', '2026-06-01', true, 'member'],
  ])('%s on %s', (_label, date, expected, reason) => {
    expect(attendanceExpectation({ memberId: 1 }, date, exemptions, transfers)).toEqual({ expected, reason });
  });

  it('another member’s exemption or transfer changes nothing', () => {
    expect(attendanceExpectation({ memberId: 2 }, '2026-04-03', exemptions, transfers)).toEqual({ expected: true, reason: 'member' });
  });
});

describe('R-RMV-01: monthsAbsentWithoutReason', () => {
  const at = (meetingDate: string, status: AttendanceStatus, kind: MeetingKind = 'regular'): AttendanceRecord => ({
    meetingDate,
    kind,
    status,
    expected: attendanceExpectation({ memberId: 1 }, meetingDate, exemptions, transfers).expected,
  });

  const attendance: AttendanceRecord[] = [
    at('2025-12-05', 'absent_without_reason'), // another year
    at('2026-01-05', 'absent_without_reason'), // counts
    at('2026-02-05', 'absent_without_reason'), // one of two excused: the month is saved
    at('2026-02-20', 'absent_with_reason'),
    at('2026-03-05', 'absent_without_reason'), // but present at the thematic meeting
    at('2026-03-20', 'present', 'thematic'),
    at('2026-04-03', 'absent_without_reason'), // exempted that month: not expected
    at('2026-05-04', 'absent_without_reason'), // on temporary transfer: not expected
    // June: the cell did not meet
    at('2026-07-06', 'absent_without_reason'), // two meetings, both missed without reason: counts
    at('2026-07-20', 'absent_without_reason'),
    at('2026-08-05', 'present'),
    at('2026-09-07', 'absent_without_reason'), // counts
    at('2026-10-05', 'absent_with_reason'),
    at('2026-11-05', 'absent_without_reason', 'thematic'), // a thematic meeting alone never counts
  ];

  it('counts a month only when every expected regular meeting was missed without reason and nothing was attended', () => {
    expect(monthsAbsentWithoutReason(2026, attendance)).toEqual([1, 7, 9]);
  });

  it('ignores the exemption and transfer months by the expected flag', () => {
    expect(attendance.filter((r) => !r.expected).map((r) => r.meetingDate)).toEqual(['2026-04-03', '2026-05-04']);
  });

  it('other years are separate', () => {
    expect(monthsAbsentWithoutReason(2025, attendance)).toEqual([12]);
  });
});

describe('R-MGT-04: at least 3 official members', () => {
  const members = [
    { memberId: 1, status: 'official' },
    { memberId: 2, status: 'official' },
    { memberId: 3, status: 'official' },
    { memberId: 4, status: 'probationary' },
  ];

  it('passes with 3 official members (probationary ones do not count)', () => {
    expect(checkCellSize(members, '2026-03-01', [])).toEqual({
      ruleId: 'R-MGT-04', ok: true, code: 'ok', facts: { officialMembers: 3, minOfficialMembers: 3 },
    });
    expect(checkCellSize(members.slice(1), '2026-03-01', [])).toMatchObject({ ok: false, code: 'cell_too_small', facts: { officialMembers: 2 } });
  });

  it('does not count a member away on temporary transfer (R-MGT-06)', () => {
    expect(checkCellSize(members, '2026-05-15', transfers)).toMatchObject({ ok: false, facts: { officialMembers: 2 } });
    expect(checkCellSize(members, '2026-06-01', transfers).ok).toBe(true);
  });
});
