import { describe, expect, it } from 'vitest';
import { buildCalendar, defaultYearSchedule } from './working-days.ts';
import {
  checkOfficialTransfer,
  checkTemporaryTransferPeriod,
  isCountedInHomeCell,
  isOnTemporaryTransferOn,
  lastDayAway,
  TRANSFER_RULE_SETS,
  transferDeadlines,
  transferStatus,
  type OfficialTransfer,
  type TemporaryTransfer,
} from './transfer-rules.ts';

// The default calendar of Bộ luật Lao động 2019 Art. 112: 2026 has Tết 16–20/2, Giỗ Tổ 26/4 (Sun) made up on 27/4,
// 30/4, 1/5, 1/9 and 2/9. `noHolidays2026` is the same year with weekends only, to show what the holidays add.
const cal = buildCalendar([]);
const noHolidays2026 = buildCalendar([{ year: 2026, holidays: [], extraWorkingDays: [] }]);

const transfer = (overrides: Partial<OfficialTransfer> = {}): OfficialTransfer => ({
  trigger: 'job_change',
  triggeredOn: '2026-01-05',
  startedOn: null,
  letterIssuedOn: null,
  presentedOn: null,
  ...overrides,
});

describe('R-MGT-05: deadlines in working days across holidays', () => {
  it.each<[string, OfficialTransfer, string, string | null, string]>([
    ['start across Tết (16–20/2/2026): 5/1 + 60 working days', transfer(), '2026-04-06', null, '2026-03-30'],
    ['start across 1/1 and Tết from December', transfer({ triggeredOn: '2025-12-05' }), '2026-03-09', null, '2026-02-27'],
    ['presentation across 27/4, 30/4 and 1/5: 10/4 + 30 working days', transfer({ letterIssuedOn: '2026-04-10' }), '2026-04-06', '2026-05-27', '2026-05-22'],
    ['presentation across 1/9–2/9: 14/8 + 30 working days', transfer({ triggeredOn: '2026-06-01', letterIssuedOn: '2026-08-14' }), '2026-08-24', '2026-09-29', '2026-09-25'],
  ])('%s', (_label, t, startDue, presentationDue, dueWithoutHolidays) => {
    expect(transferDeadlines(t, cal)).toEqual({ startDue, presentationDue });
    const plain = transferDeadlines(t, noHolidays2026);
    expect(plain.presentationDue ?? plain.startDue).toBe(dueWithoutHolidays);
  });

  it('uses the administrator’s schedule: a Saturday worked in lieu moves the deadline a working day earlier', () => {
    const swapped = buildCalendar([{ ...defaultYearSchedule(2026), extraWorkingDays: ['2026-02-28'] }]);
    expect(transferDeadlines(transfer(), swapped).startDue).toBe('2026-04-03');
  });

  it('has the same numbers in every shipped version', () => {
    for (const v of TRANSFER_RULE_SETS.filter((v) => v.ruleId === 'R-MGT-05')) {
      expect(v.params).toEqual({ startWithinWorkingDays: 60, presentWithinWorkingDays: 30 });
    }
  });
});

describe('R-MGT-05: transferStatus', () => {
  // start due 6/4/2026; a letter of 10/4/2026 is due at the destination on 27/5/2026
  it.each<[string, Partial<OfficialTransfer>, string, string]>([
    ['not started, on the start due day', {}, '2026-04-06', 'on_time'],
    ['not started, the day after', {}, '2026-04-07', 'start_overdue'],
    ['started on the due day', { startedOn: '2026-04-06' }, '2026-04-20', 'on_time'],
    ['started a day late: stays on record before completion', { startedOn: '2026-04-07' }, '2026-04-08', 'start_overdue'],
    ['letter issued, presentation due day', { startedOn: '2026-03-02', letterIssuedOn: '2026-04-10' }, '2026-05-27', 'on_time'],
    ['letter not presented by its due day', { startedOn: '2026-03-02', letterIssuedOn: '2026-04-10' }, '2026-05-28', 'presentation_overdue'],
    ['presentation overdue outranks a late start', { startedOn: '2026-04-07', letterIssuedOn: '2026-04-10' }, '2026-06-01', 'presentation_overdue'],
    ['presented on the due day', { startedOn: '2026-03-02', letterIssuedOn: '2026-04-10', presentedOn: '2026-05-27' }, '2026-07-01', 'completed'],
    ['presented a working day late', { startedOn: '2026-03-02', letterIssuedOn: '2026-04-10', presentedOn: '2026-05-28' }, '2026-07-01', 'completed_late'],
    ['presented in time after a late start', { startedOn: '2026-04-07', letterIssuedOn: '2026-04-10', presentedOn: '2026-04-20' }, '2026-07-01', 'completed_late'],
    ['a letter implies the start when the start was not recorded', { letterIssuedOn: '2026-04-08' }, '2026-04-09', 'start_overdue'],
  ])('%s → %s', (_label, overrides, today, status) => {
    expect(transferStatus(transfer(overrides), today, cal)).toBe(status);
  });

  it('reports a late case to the competent committee as a failed check with its deadlines', () => {
    expect(checkOfficialTransfer(transfer(), '2026-04-07', cal)).toEqual({
      ruleId: 'R-MGT-05',
      ok: false,
      code: 'start_overdue',
      facts: { status: 'start_overdue', trigger: 'job_change', startDue: '2026-04-06', presentationDue: null },
    });
    expect(checkOfficialTransfer(transfer({ trigger: 'retirement' }), '2026-03-01', cal)).toMatchObject({ ok: true, code: 'on_time' });
  });

  it('has no rule set before the 2011 charter', () => {
    expect(() => transferStatus(transfer({ triggeredOn: '2010-06-01' }), '2010-07-01', cal)).toThrow(RangeError);
  });
});

describe('R-MGT-06: temporary transfer period', () => {
  const temp = (from: string, to: string, purpose: TemporaryTransfer['purpose'] = 'work'): TemporaryTransfer => ({ memberId: 7, purpose, from, to });

  it.each<[string, TemporaryTransfer, string]>([
    ['exactly 3 months (1/3–31/5)', temp('2026-03-01', '2026-05-31'), 'ok'],
    ['a day short of 3 months', temp('2026-03-01', '2026-05-30'), 'temporary_transfer_too_short'],
    ['a day under 12 months', temp('2026-03-01', '2027-02-27'), 'ok'],
    ['12 months: no longer "under 12"', temp('2026-03-01', '2027-02-28'), 'temporary_transfer_too_long'],
    ['full-time study of 12 months', temp('2026-09-01', '2027-08-31', 'full_time_study'), 'ok'],
    ['full-time study of exactly 2 years', temp('2026-09-01', '2028-08-31', 'full_time_study'), 'ok'],
    ['full-time study a day over 2 years', temp('2026-09-01', '2028-09-01', 'full_time_study'), 'temporary_transfer_too_long'],
    ['full-time study under 3 months', temp('2026-09-01', '2026-11-15', 'full_time_study'), 'temporary_transfer_too_short'],
    ['end before start', temp('2026-09-01', '2026-08-01'), 'temporary_transfer_period_invalid'],
  ])('%s → %s', (_label, t, code) => {
    const check = checkTemporaryTransferPeriod(t);
    expect(check.ruleId).toBe('R-MGT-06');
    expect(check.code).toBe(code);
    expect(check.ok).toBe(code === 'ok');
  });
});

describe('R-MGT-06: not counted in the home cell’s headcount while away', () => {
  const away: TemporaryTransfer[] = [{ memberId: 7, purpose: 'work', from: '2026-03-01', to: '2026-05-31' }];

  it.each<[string, boolean]>([
    ['2026-02-28', true],
    ['2026-03-01', false],
    ['2026-05-31', false],
    ['2026-06-01', true],
  ])('on %s counted = %s', (date, counted) => {
    expect(isCountedInHomeCell({ memberId: 7 }, date, away)).toBe(counted);
    expect(isCountedInHomeCell({ memberId: 8 }, date, away)).toBe(true);
  });

  it('counts the member again from a recorded return, early or late', () => {
    const early = [{ ...away[0], returnedOn: '2026-04-15' }];
    expect(lastDayAway(early[0])).toBe('2026-04-14');
    expect(isCountedInHomeCell({ memberId: 7 }, '2026-04-14', early)).toBe(false);
    expect(isCountedInHomeCell({ memberId: 7 }, '2026-04-15', early)).toBe(true);
    const late = [{ ...away[0], returnedOn: '2026-06-10' }];
    expect(isOnTemporaryTransferOn(late, 7, '2026-06-09')).toBe(true);
    expect(isOnTemporaryTransferOn(late, 7, '2026-06-10')).toBe(false);
  });
});
