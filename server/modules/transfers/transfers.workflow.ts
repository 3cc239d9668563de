import type { TransferAction, TransferDirection, TransferKind, TransferSide, TransferStatus } from '../../../common/contracts/transfers.contract.ts';
import { OPEN_TRANSFER_STATUSES } from '../../../common/contracts/transfers.contract.ts';
import type { IsoDate } from '../../../common/rules/iso-date.ts';
import { paramsInForce, type RuleSetVersion } from '../../../common/rules/rule-check.ts';
import {
  type OfficialTransferParams,
  TRANSFER_RULE_SETS,
  type TransferTrigger,
  transferDeadlines,
} from '../../../common/rules/transfer-rules.ts';
import { addWorkingDays, type WorkingCalendar } from '../../../common/rules/working-days.ts';

// The transfer case as data (architecture principle 5): a status union, a pure decide(state, action, today) that
// returns the next state or coded violations, and due dates from a pure calculator, stored on the row. People and the
// sweep act through the same decide.

export interface TransferState {
  kind: TransferKind;
  direction: TransferDirection;
  status: TransferStatus;
  letterIssuedOn: IsoDate;
  presentationDue: IsoDate;
  temporaryFrom: IsoDate | null;
  temporaryTo: IsoDate | null;
}

export type TransferStep =
  | { type: 'confirm_receipt'; on: IsoDate }
  | { type: 'mark_overdue' }
  | { type: 'cancel'; on: IsoDate }
  | { type: 'record_return'; on: IsoDate };

/** What the step does to the member besides the case: only receipt of an official transfer changes the member. */
export type MemberEffect = 'move_to_receiving_cell' | 'leave_the_system' | 'none';

export interface Violation {
  code: string;
  /** The request field it belongs to, when one does. */
  path?: string;
  params: Record<string, unknown>;
}

export type Decision =
  | {
      ok: true;
      status: TransferStatus;
      /** The event kind written to transfer_events. */
      event: 'received' | 'overdue_marked' | 'cancelled' | 'returned';
      effect: MemberEffect;
      /** R-MGT-05: the letter was presented after its due day (kept on the row; screened by R-RMV-06). */
      late: boolean;
    }
  | { ok: false; violations: Violation[]; closed: boolean };

const closed = (state: TransferState): Decision => ({ ok: false, closed: true, violations: [{ code: 'transfer_closed', params: { status: state.status } }] });
const refuse = (...violations: Violation[]): Decision => ({ ok: false, closed: false, violations });

function dateChecks(on: IsoDate, today: IsoDate, notBefore: IsoDate, path: string, beforeCode: string): Violation[] {
  const v: Violation[] = [];
  if (on > today) v.push({ code: 'date_in_future', path, params: { today } });
  if (on < notBefore) v.push({ code: beforeCode, path, params: { date: notBefore } });
  return v;
}

/** The next state of a transfer under `step` on `today`, or why not. */
export function decideTransfer(state: TransferState, step: TransferStep, today: IsoDate): Decision {
  const open = OPEN_TRANSFER_STATUSES.includes(state.status);
  switch (step.type) {
    case 'confirm_receipt': {
      // Incoming letters are received when the member is registered; a closed case cannot be received again.
      if (!open || state.direction === 'incoming') return closed(state);
      const v = dateChecks(step.on, today, state.letterIssuedOn, 'receivedOn', 'before_letter_issued');
      if (v.length) return refuse(...v);
      const effect: MemberEffect =
        state.kind === 'temporary' ? 'none' : state.direction === 'internal' ? 'move_to_receiving_cell' : 'leave_the_system';
      return { ok: true, status: 'received', event: 'received', effect, late: step.on > state.presentationDue };
    }
    case 'mark_overdue': {
      // R-MGT-05: the letter is presented within 30 working days; the day after the due day it is overdue.
      if (state.status !== 'issued') return closed(state);
      if (today <= state.presentationDue) return refuse({ code: 'not_due_yet', params: { presentationDue: state.presentationDue } });
      return { ok: true, status: 'overdue', event: 'overdue_marked', effect: 'none', late: true };
    }
    case 'cancel': {
      if (!open || state.direction === 'incoming') return closed(state);
      const v = dateChecks(step.on, today, state.letterIssuedOn, 'cancelledOn', 'before_letter_issued');
      if (v.length) return refuse(...v);
      return { ok: true, status: 'cancelled', event: 'cancelled', effect: 'none', late: false };
    }
    case 'record_return': {
      // R-MGT-06: the member comes back to the home cell (early or late); counted there again from that day.
      if (state.kind !== 'temporary' || !(open || state.status === 'received')) return closed(state);
      const v = dateChecks(step.on, today, state.temporaryFrom ?? state.letterIssuedOn, 'returnedOn', 'before_temporary_from');
      if (v.length) return refuse(...v);
      return { ok: true, status: 'returned', event: 'returned', effect: 'none', late: false };
    }
  }
}

/**
 * The actions the viewer may take now. The sending side cancels, records the outside confirmation and the return of
 * a temporary transfer; the receiving side confirms receipt; the organization above both is both sides.
 */
export function allowedActions(state: TransferState, side: TransferSide, canManage: boolean): TransferAction[] {
  const actions: TransferAction[] = [];
  if (state.direction !== 'incoming') actions.push('download_letter');
  if (!canManage || side === 'member') return actions;
  const sending = side === 'sending' || side === 'both';
  const receiving = side === 'receiving' || side === 'both';
  const open = OPEN_TRANSFER_STATUSES.includes(state.status);
  if (open && state.direction === 'internal' && receiving) actions.push('confirm_receipt');
  if (open && state.direction === 'outgoing' && sending) actions.push('record_outside_confirmation');
  if (open && state.direction !== 'incoming' && sending) actions.push('cancel');
  if (state.kind === 'temporary' && (open || state.status === 'received') && sending) actions.push('record_return');
  return actions;
}

export interface StoredDueDates {
  /** R-MGT-05: trigger + 60 working days; null without a trigger (temporary transfers). */
  startDue: IsoDate | null;
  /** R-MGT-05: letter + 30 working days. */
  presentationDue: IsoDate;
  /** The letter was issued after the start due day. */
  startedLate: boolean;
}

/**
 * R-MGT-05 (294 §6.3.1) due dates, computed once on the working calendar in force and stored on the row. A temporary
 * transfer has no trigger, but its letter is presented within the same 30 working days (R-MGT-06 names no other).
 */
export function dueDatesOf(
  c: { trigger: TransferTrigger | null; triggeredOn: IsoDate | null; issuedOn: IsoDate },
  cal: WorkingCalendar,
  ruleSets: readonly RuleSetVersion[] = TRANSFER_RULE_SETS,
): StoredDueDates {
  if (c.trigger !== null && c.triggeredOn !== null) {
    const d = transferDeadlines(
      { trigger: c.trigger, triggeredOn: c.triggeredOn, startedOn: c.issuedOn, letterIssuedOn: c.issuedOn, presentedOn: null },
      cal,
      ruleSets,
    );
    return { startDue: d.startDue, presentationDue: d.presentationDue!, startedLate: c.issuedOn > d.startDue };
  }
  const p = paramsInForce<OfficialTransferParams>(ruleSets, 'R-MGT-05', c.issuedOn);
  return { startDue: null, presentationDue: addWorkingDays(cal, c.issuedOn, p.presentWithinWorkingDays), startedLate: false };
}
