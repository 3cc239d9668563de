import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admissionDecisionDueDate,
  ceremonyDueDate,
  checkCeremonyOnTime,
  checkDeadline,
  checkDecisionExtension,
  officialMembershipDate,
  partyAgeStartDate,
  personalHistoryDueDate,
  probationEndDate,
  recognitionDecisionDueDate,
  recognitionVoteDueDate,
  type CeremonyDeadlineParams,
  type DecisionDeadlineParams,
  type HistoryDeadlineParams,
  type ProbationParams,
  type RecognitionVoteDeadlineParams,
} from './admission-deadlines.ts';
import { ADMISSION_RULE_SETS } from './default-rule-sets.ts';
import { fromEpochDay, toEpochDay } from './iso-date.ts';
import { paramsInForce } from './rule-check.ts';
import { buildCalendar, isWorkingDay, workingDaysBetween } from './working-days.ts';

const cal = buildCalendar([]);
const params = <P>(ruleId: string) => paramsInForce<P>(ADMISSION_RULE_SETS, ruleId, '2026-03-01');
const DECISION = params<DecisionDeadlineParams>('R-ADM-11');
const CEREMONY = params<CeremonyDeadlineParams>('R-ADM-12');
const HISTORY = params<HistoryDeadlineParams>('R-ADM-13');
const PROBATION = params<ProbationParams>('R-REC-01');
const VOTE = params<RecognitionVoteDeadlineParams>('R-REC-04');
const RECOGNITION = params<DecisionDeadlineParams>('R-REC-05');
const approval = { number: '45-CV/ĐU', date: '2027-03-12', issuer: 'Đảng ủy xã Lạc Dương' };

describe('admission decision deadline', () => {
  it('R-ADM-11: 60 working days from the cell resolution, across Tết 2026 (16–20/2); the extension runs on from there', () => {
    // 20/1/2026 (Tue) + 60 working days: 12 weeks of weekdays (14/4) pushed five days by the Tết weekdays → Tuesday 21/4/2026.
    expect(admissionDecisionDueDate(cal, '2026-01-20', DECISION)).toBe('2026-04-21');
    expect(workingDaysBetween(cal, '2026-01-20', '2026-04-21')).toBe(60);
    // +30 more across Giỗ Tổ (Mon 27/4, made up for Sun 26/4), 30/4 and 1/5.
    expect(admissionDecisionDueDate(cal, '2026-01-20', DECISION, 30)).toBe('2026-06-05');
    expect(workingDaysBetween(cal, '2026-01-20', '2026-06-05')).toBe(90);
  });

  it('R-ADM-11: one extension of at most 30 working days, granted by the original due date', () => {
    const due = admissionDecisionDueDate(cal, '2026-01-20', DECISION);
    expect(checkDecisionExtension(30, 0, due, due, DECISION)).toMatchObject({ ruleId: 'R-ADM-11', ok: true });
    expect(checkDecisionExtension(31, 0, due, due, DECISION)).toMatchObject({ ok: false, code: 'extension_too_long' });
    expect(checkDecisionExtension(0, 0, due, due, DECISION).code).toBe('extension_too_long');
    expect(checkDecisionExtension(10, 1, due, due, DECISION)).toMatchObject({ ok: false, code: 'extension_already_granted' });
    expect(checkDecisionExtension(10, 0, '2026-04-22', due, DECISION)).toMatchObject({ ok: false, code: 'extension_after_due_date' });
  });
});

describe('ceremony deadline', () => {
  it('R-ADM-12: a ceremony deadline that crosses Tết 2027 (5/2 and 8–11/2 off) lands on 10/3/2027, not 3/3', () => {
    expect(ceremonyDueDate(cal, '2027-01-20', CEREMONY)).toBe('2027-03-10');
    expect(workingDaysBetween(cal, '2027-01-20', '2027-03-10')).toBe(30);
    for (const day of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) expect(isWorkingDay(cal, day)).toBe(false);
  });

  it('R-ADM-12: held on the due date passes, a day later needs the superior committee approval, before receipt is refused', () => {
    const due = ceremonyDueDate(cal, '2027-01-20', CEREMONY);
    expect(checkCeremonyOnTime('2027-03-10', '2027-01-20', due, null)).toMatchObject({ ruleId: 'R-ADM-12', ok: true, code: 'on_time' });
    expect(checkCeremonyOnTime('2027-03-11', '2027-01-20', due, null)).toMatchObject({ ok: false, code: 'late_without_superior_approval' });
    expect(checkCeremonyOnTime('2027-03-11', '2027-01-20', due, approval)).toMatchObject({ ok: true, code: 'late_with_superior_approval' });
    expect(checkCeremonyOnTime('2027-01-19', '2027-01-20', due, null)).toMatchObject({ ok: false, code: 'ceremony_before_decision_received' });
  });
});

describe('personal history deadline', () => {
  it('R-ADM-13: 30 working days from the ceremony; done on the due date is on time, a day later is late', () => {
    const due = personalHistoryDueDate(cal, '2026-03-20', HISTORY);
    expect(due).toBe('2026-05-06'); // across Giỗ Tổ 27/4, 30/4 and 1/5
    expect(checkDeadline('R-ADM-13', due, due, '2026-06-01')).toMatchObject({ ruleId: 'R-ADM-13', ok: true, code: 'on_time' });
    expect(checkDeadline('R-ADM-13', '2026-05-07', due, '2026-06-01')).toMatchObject({ ok: false, code: 'late' });
    expect(checkDeadline('R-ADM-13', null, due, due)).toMatchObject({ ok: true, code: 'pending' });
    expect(checkDeadline('R-ADM-13', null, due, '2026-05-07')).toMatchObject({ ok: false, code: 'overdue' });
  });
});

describe('probation and recognition deadlines', () => {
  it('R-REC-01: probation ends 12 months after the ceremony, on the same day of month (29/2 → 28/2)', () => {
    expect(probationEndDate('2026-03-20', PROBATION)).toBe('2027-03-20');
    expect(probationEndDate('2028-02-29', PROBATION)).toBe('2029-02-28');
  });

  it('R-REC-04: the cell votes within 30 working days after probation ends (a Saturday end counts from the Monday)', () => {
    // Six weeks of weekdays from Monday 22/3 end on 30/4; Giỗ Tổ (16/4), 30/4 and 1/5 (Saturday, made up on 3/5) push it to 5/5.
    expect(recognitionVoteDueDate(cal, '2027-03-20', VOTE)).toBe('2027-05-05');
    expect(workingDaysBetween(cal, '2027-03-20', '2027-05-05')).toBe(30);
  });

  it('R-REC-05: the committee decides within 30 working days of the cell vote, plus at most 30', () => {
    expect(recognitionDecisionDueDate(cal, '2027-03-25', RECOGNITION)).toBe('2027-05-11');
    expect(workingDaysBetween(cal, '2027-03-25', recognitionDecisionDueDate(cal, '2027-03-25', RECOGNITION, 30))).toBe(60);
    expect(checkDecisionExtension(31, 0, '2027-05-11', '2027-05-11', RECOGNITION, 'R-REC-05')).toMatchObject({ ruleId: 'R-REC-05', ok: false });
  });

  it('R-REC-06: the official date is the day probation ends, even when the cell voted late', () => {
    const end = probationEndDate('2026-03-20', PROBATION);
    expect(officialMembershipDate(end)).toBe('2027-03-20');
  });

  it('R-REC-07: party age counts from the date in the admission decision, not the ceremony', () => {
    expect(partyAgeStartDate('2026-03-02')).toBe('2026-03-02');
  });

  it('every due date is a working day exactly n working days on (property)', () => {
    const dateArb = fc.integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2035-12-31') }).map(fromEpochDay);
    fc.assert(
      fc.property(dateArb, (start) => {
        for (const due of [admissionDecisionDueDate(cal, start, DECISION), ceremonyDueDate(cal, start, CEREMONY), recognitionVoteDueDate(cal, start, VOTE)]) {
          expect(isWorkingDay(cal, due)).toBe(true);
          expect(due > start).toBe(true);
        }
        expect(workingDaysBetween(cal, start, admissionDecisionDueDate(cal, start, DECISION))).toBe(60);
      }),
      { numRuns: 200 },
    );
  });
});
