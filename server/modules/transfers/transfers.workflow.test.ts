import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../common/rules/working-days.ts';
import { allowedActions, decideTransfer, dueDatesOf, type TransferState } from './transfers.workflow.ts';

// The pure decide of the transfer case (architecture principle 5); R-MGT-05 and R-MGT-06 of rules.md.

const issued: TransferState = {
  kind: 'official',
  direction: 'internal',
  status: 'issued',
  letterIssuedOn: '2026-03-02',
  presentationDue: '2026-04-13',
  temporaryFrom: null,
  temporaryTo: null,
};

describe('decideTransfer', () => {
  it('R-MGT-05: receipt of an official internal letter moves the member, on time or late', () => {
    expect(decideTransfer(issued, { type: 'confirm_receipt', on: '2026-04-13' }, '2026-05-01')).toMatchObject({
      ok: true,
      status: 'received',
      effect: 'move_to_receiving_cell',
      late: false,
    });
    expect(decideTransfer({ ...issued, status: 'overdue' }, { type: 'confirm_receipt', on: '2026-04-14' }, '2026-05-01')).toMatchObject({
      ok: true,
      late: true,
    });
  });

  it('an outgoing official letter confirmed from outside takes the member out of the system; a temporary one changes nothing', () => {
    expect(decideTransfer({ ...issued, direction: 'outgoing' }, { type: 'confirm_receipt', on: '2026-03-10' }, '2026-03-10')).toMatchObject({
      effect: 'leave_the_system',
    });
    expect(
      decideTransfer({ ...issued, kind: 'temporary', temporaryFrom: '2026-03-02', temporaryTo: '2026-08-31' }, { type: 'confirm_receipt', on: '2026-03-10' }, '2026-03-10'),
    ).toMatchObject({ effect: 'none', status: 'received' });
  });

  it('a transfer cannot be received twice, nor after it was cancelled', () => {
    for (const status of ['received', 'cancelled', 'returned'] as const) {
      const d = decideTransfer({ ...issued, status }, { type: 'confirm_receipt', on: '2026-03-10' }, '2026-03-10');
      expect(d).toMatchObject({ ok: false, closed: true, violations: [{ code: 'transfer_closed' }] });
    }
  });

  it('refuses a receipt dated before the letter or in the future', () => {
    const d = decideTransfer(issued, { type: 'confirm_receipt', on: '2026-03-01' }, '2026-03-10');
    expect(d).toMatchObject({ ok: false, closed: false, violations: [{ code: 'before_letter_issued', path: 'receivedOn' }] });
    expect(decideTransfer(issued, { type: 'confirm_receipt', on: '2026-03-11' }, '2026-03-10')).toMatchObject({
      ok: false,
      violations: [{ code: 'date_in_future' }],
    });
  });

  it('R-MGT-05: marks overdue only the day after the presentation due day, and only once', () => {
    expect(decideTransfer(issued, { type: 'mark_overdue' }, '2026-04-13')).toMatchObject({ ok: false, violations: [{ code: 'not_due_yet' }] });
    expect(decideTransfer(issued, { type: 'mark_overdue' }, '2026-04-14')).toMatchObject({ ok: true, status: 'overdue', event: 'overdue_marked' });
    expect(decideTransfer({ ...issued, status: 'overdue' }, { type: 'mark_overdue' }, '2026-04-20')).toMatchObject({ ok: false, closed: true });
  });

  it('R-MGT-06: only a temporary transfer records a return, not before the period starts', () => {
    const temp: TransferState = { ...issued, kind: 'temporary', status: 'received', temporaryFrom: '2026-03-15', temporaryTo: '2026-08-31' };
    expect(decideTransfer(temp, { type: 'record_return', on: '2026-06-01' }, '2026-06-01')).toMatchObject({ ok: true, status: 'returned' });
    expect(decideTransfer(temp, { type: 'record_return', on: '2026-03-14' }, '2026-06-01')).toMatchObject({ ok: false, violations: [{ code: 'before_temporary_from' }] });
    expect(decideTransfer({ ...issued, status: 'received' }, { type: 'record_return', on: '2026-06-01' }, '2026-06-01')).toMatchObject({ ok: false, closed: true });
  });
});

describe('allowedActions', () => {
  it('gives the receiving side the confirmation and the sending side cancel and the letter', () => {
    expect(allowedActions(issued, 'receiving', true)).toEqual(['download_letter', 'confirm_receipt']);
    expect(allowedActions(issued, 'sending', true)).toEqual(['download_letter', 'cancel']);
    expect(allowedActions(issued, 'both', true)).toEqual(['download_letter', 'confirm_receipt', 'cancel']);
    expect(allowedActions(issued, 'receiving', false)).toEqual(['download_letter']);
    expect(allowedActions({ ...issued, direction: 'outgoing' }, 'sending', true)).toEqual(['download_letter', 'record_outside_confirmation', 'cancel']);
    expect(allowedActions({ ...issued, status: 'received' }, 'both', true)).toEqual(['download_letter']);
    expect(allowedActions({ ...issued, direction: 'incoming', status: 'received' }, 'receiving', true)).toEqual([]);
  });
});

describe('dueDatesOf', () => {
  // Default calendar: 2026 has Tết on 16–20 February (weekdays), 27/4 (Giỗ Tổ moved from Sunday), 30/4, 1/5, 1–2/9.
  const cal = buildCalendar([]);
  it('R-MGT-05: start due = trigger + 60 working days, presentation due = letter + 30 working days, across Tết', () => {
    expect(dueDatesOf({ trigger: 'job_change', triggeredOn: '2026-01-05', issuedOn: '2026-01-30' }, cal)).toEqual({
      startDue: '2026-04-06',
      presentationDue: '2026-03-20',
      startedLate: false,
    });
  });
  it('a letter issued after the start due day started late; a temporary transfer has no start due', () => {
    expect(dueDatesOf({ trigger: 'retirement', triggeredOn: '2026-01-05', issuedOn: '2026-04-07' }, cal).startedLate).toBe(true);
    expect(dueDatesOf({ trigger: null, triggeredOn: null, issuedOn: '2026-01-30' }, cal)).toEqual({ startDue: null, presentationDue: '2026-03-20', startedLate: false });
  });
});
