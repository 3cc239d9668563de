import type { Kysely, Transaction } from 'kysely';
import { ACTIVE_STATUSES, type MemberStatus, ZMemberStatus } from '../../../common/contracts/members.contract.ts';
import {
  type CancelTransferInput,
  type ConfirmReceiptInput,
  type DueDates,
  type IssueTransferInput,
  type MemberTransfers,
  type RecordReturnInput,
  type RegisterIncomingInput,
  type TransferDestinations,
  type TransferDetail,
  type TransferList,
  type TransferListQuery,
  type TransferMemberOptions,
  type TransferSide,
  type TransferSummary,
  ZTemporaryPurpose,
  ZTransferDirection,
  ZTransferEventKind,
  ZTransferKind,
  ZTransferStatus,
  ZTransferTrigger,
} from '../../../common/contracts/transfers.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { validateCitizenId } from '../../../common/rules/citizen-id.ts';
import { formatDateVi, todayInVietnam, type IsoDate } from '../../../common/rules/iso-date.ts';
import { normalizeVi } from '../../../common/rules/normalize-vi.ts';
import { checkTemporaryTransferPeriod, isOnTemporaryTransferOn, type TemporaryTransfer, type TemporaryTransferPurpose } from '../../../common/rules/transfer-rules.ts';
import { newPersonRow, searchColumns } from '../people/person-columns.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { isPathInScope } from '../../policy/scope.ts';
import { grantFor } from '../../policy/policy.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar.ts';
import { handOverOpenFlags } from '../screening/screening.handover.ts';
import * as repo from './transfers.repo.ts';
import { allowedActions, type Decision, decideTransfer, dueDatesOf, type TransferState, type TransferStep } from './transfers.workflow.ts';

// Transfers of party activity (R-MGT-05, R-MGT-06; Kế hoạch 99 II.3: a written letter so the receiving organization
// takes the member in). One transaction per step: the case row by compare-and-set, its event, the member's change (only
// on receipt of an official transfer) and the audit row commit together.

export type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;
type Q = Kysely<Database>;

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockAuditChain(trx);
    return work(trx);
  });
}

const letterRef = (t: { letter_number: string; letter_issued_on: string }) =>
  `Giấy giới thiệu sinh hoạt đảng số ${t.letter_number} ngày ${formatDateVi(t.letter_issued_on)}`;

// ---------------------------------------------------------------- presenting

/** The viewer's side: the member themself, or which of the two organizations lie in the viewer's subtree. */
export function sideOf(actor: Pick<Actor, 'orgPath' | 'reach'>, t: { from_path: string | null; to_path: string | null }): TransferSide {
  if (actor.reach === 'self') return 'member';
  const sending = t.from_path !== null && isPathInScope(actor, t.from_path);
  const receiving = t.to_path !== null && isPathInScope(actor, t.to_path);
  return sending && receiving ? 'both' : sending ? 'sending' : 'receiving';
}

function stateOf(t: repo.TransferRow): TransferState {
  return {
    kind: ZTransferKind.parse(t.kind),
    direction: ZTransferDirection.parse(t.direction),
    status: ZTransferStatus.parse(t.status),
    letterIssuedOn: t.letter_issued_on,
    presentationDue: t.presentation_due,
    temporaryFrom: t.temporary_from,
    temporaryTo: t.temporary_to,
  };
}

export function presentSummary(t: Awaited<ReturnType<typeof repo.listTransfersOfMemberInScope>>[number], actor: Pick<Actor, 'orgPath' | 'reach'>): TransferSummary {
  return {
    id: t.id,
    member: { id: t.member_id, fullName: t.full_name, birthDate: t.birth_date },
    kind: ZTransferKind.parse(t.kind),
    direction: ZTransferDirection.parse(t.direction),
    status: ZTransferStatus.parse(t.status),
    trigger: t.trigger === null ? null : ZTransferTrigger.parse(t.trigger),
    triggeredOn: t.triggered_on,
    from: t.from_organization_id === null ? null : { id: t.from_organization_id, name: t.from_name ?? '' },
    to: t.to_organization_id === null ? null : { id: t.to_organization_id, name: t.to_name ?? '' },
    outsideOrganizationName: t.outside_organization_name,
    letterNumber: t.letter_number,
    issuedOn: t.letter_issued_on,
    startDue: t.start_due,
    presentationDue: t.presentation_due,
    receivedOn: t.received_on,
    receivedLate: t.received_late === 1,
    startedLate: t.start_due !== null && t.letter_issued_on > t.start_due,
    overdueSince: t.overdue_since,
    temporaryPurpose: t.temporary_purpose === null ? null : ZTemporaryPurpose.parse(t.temporary_purpose),
    temporaryFrom: t.temporary_from,
    temporaryTo: t.temporary_to,
    returnedOn: t.returned_on,
    side: sideOf(actor, t),
  };
}

function parseData(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function presentDetail(db: Q, actor: Actor, t: repo.TransferWithNames): Promise<TransferDetail> {
  const events = await repo.listEvents(db, t.id);
  const summary = presentSummary(t, actor);
  const canManage = grantFor('transfer.manage', actor.role) !== null;
  return {
    ...summary,
    member: {
      id: t.member_id,
      fullName: t.full_name,
      birthDate: t.birth_date,
      status: ZMemberStatus.parse(t.member_status),
      cardNumber: t.card_number,
      historyNumber: t.history_number,
      organization: { id: t.member_organization_id, name: t.member_organization_name },
    },
    signerName: t.signer_name,
    signerTitle: t.signer_title,
    receivedBy: t.received_by_name ?? null,
    receiptRef: t.receipt_ref,
    cancelledOn: t.cancelled_on,
    cancelReason: t.cancel_reason,
    note: t.note,
    version: t.version,
    createdAt: t.created_at,
    events: events.map((e) => ({
      id: e.id,
      kind: ZTransferEventKind.parse(e.kind),
      eventDate: e.event_date,
      fromStatus: e.from_status === null ? null : ZTransferStatus.parse(e.from_status),
      toStatus: ZTransferStatus.parse(e.to_status),
      note: e.note,
      data: parseData(e.data),
      actor: e.actor_name ?? null,
      at: e.at,
    })),
    allowedActions: allowedActions(stateOf(t), summary.side, canManage),
  };
}

async function loadInScope(db: Q, actor: Actor, id: number): Promise<repo.TransferWithNames> {
  const t = await repo.findTransferInScope(db, actor, id);
  if (!t) throw new DomainError('NOT_FOUND');
  return t;
}

// ---------------------------------------------------------------- reads

export async function getTransfer(db: Db, ctx: Ctx, id: number): Promise<TransferDetail> {
  return presentDetail(db, ctx.actor, await loadInScope(db, ctx.actor, id));
}

/**
 * The transfers seen from an organization (default: the user's): letters addressed to it (incoming), letters it sent
 * (outgoing), overdue ones on either side. A member sees their own, whatever the box.
 */
export async function listTransfers(db: Db, ctx: Ctx, query: TransferListQuery): Promise<TransferList> {
  const actor = ctx.actor;
  let org: { id: number; name: string; path: string };
  if (actor.reach === 'self') {
    const own = await repo.findOrganization(db, actor.organizationId);
    org = { id: actor.organizationId, name: own?.name ?? '', path: actor.orgPath };
  } else {
    const found = await repo.findOrganizationInScope(db, actor, query.organizationId ?? actor.organizationId);
    if (!found) throw new DomainError('NOT_FOUND');
    org = found;
  }
  const q = query.q ? normalizeVi(query.q) : undefined;
  const [{ items, total }, counts] = await Promise.all([
    repo.listTransfers(db, actor, { box: query.box, path: org.path, status: query.status, kind: query.kind, q, page: query.page, pageSize: query.pageSize }),
    actor.reach === 'self' ? Promise.resolve({ incoming: 0, outgoing: 0, overdue: 0 }) : repo.countOpen(db, actor, org.path),
  ]);
  return {
    items: items.map((t) => presentSummary(t, actor)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    organization: { id: org.id, name: org.name },
    counts,
  };
}

/** The transfers of one member the viewer may see (the member page's panel). */
export async function listMemberTransfers(db: Db, ctx: Ctx, memberId: number): Promise<MemberTransfers> {
  const rows = await repo.listTransfersOfMemberInScope(db, ctx.actor, memberId);
  return { items: rows.map((t) => presentSummary(t, ctx.actor)) };
}

/** R-MGT-05 due dates for the issue form's preview: the same calculation the issue step stores. */
export async function previewDueDates(db: Db, q: { issuedOn: IsoDate; triggeredOn?: IsoDate }): Promise<DueDates> {
  const cal = await loadWorkingCalendar(db);
  // Every R-MGT-05 trigger has the same deadlines: only its date matters here.
  return dueDatesOf({ trigger: q.triggeredOn ? 'job_change' : null, triggeredOn: q.triggeredOn ?? null, issuedOn: q.issuedOn }, cal);
}

export async function listMemberOptions(db: Db, ctx: Ctx, query: { q?: string; memberId?: number }): Promise<TransferMemberOptions> {
  const rows = await repo.listMemberOptions(db, ctx.actor, { q: query.q ? normalizeVi(query.q) : undefined, memberId: query.memberId });
  return {
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      status: ZMemberStatus.parse(r.status),
      cardNumber: r.card_number,
      organization: { id: r.organization_id, name: r.organization_name },
      openTransferId: r.open_transfer_id === null || r.open_transfer_id === undefined ? null : Number(r.open_transfer_id),
    })),
  };
}

/** Organization names are not member records: any cell of the system can be a destination. */
export async function listDestinations(db: Db): Promise<TransferDestinations> {
  const rows = await repo.listActiveOrganizations(db);
  return { nodes: rows.map((o) => ({ id: o.id, parentId: o.parent_id, name: o.name, kind: o.kind, holdsMembers: repo.holdsMembers(o.kind) })) };
}

// ---------------------------------------------------------------- issuing the letter

const TEMPORARY_FIELD: Record<string, string> = {
  temporary_transfer_period_invalid: 'temporaryTo',
  temporary_transfer_too_short: 'temporaryTo',
  temporary_transfer_too_long: 'temporaryTo',
};

/** The sending side issues the letter: the case opens as 'issued' with its R-MGT-05 due dates stored. */
export async function issueTransfer(db: Db, ctx: Ctx, input: IssueTransferInput): Promise<TransferDetail> {
  const today = todayInVietnam(ctx.now);
  const id = await inTransaction(db, async (trx) => {
    const member = await repo.findMemberInScope(trx, ctx.actor, input.memberId);
    if (!member) throw new DomainError('NOT_FOUND', {}, [{ path: 'memberId', code: 'not_found' }]);
    if (!(ACTIVE_STATUSES as readonly string[]).includes(member.status)) throw new DomainError('MEMBER_NOT_ACTIVE', { status: member.status });
    const issues: FieldIssue[] = [];
    const open = await repo.findOpenTransferOfMember(trx, member.id);
    if (open) issues.push({ path: 'memberId', code: 'transfer_already_open', params: { transferId: open.id } });
    if (input.issuedOn > today) issues.push({ path: 'issuedOn', code: 'date_in_future', params: { today } });

    let to: Awaited<ReturnType<typeof repo.findOrganization>> = undefined;
    if (input.direction === 'internal') {
      if (input.toOrganizationId === null) issues.push({ path: 'toOrganizationId', code: 'required' });
      else {
        to = await repo.findOrganization(trx, input.toOrganizationId);
        if (!to) issues.push({ path: 'toOrganizationId', code: 'not_found' });
        else if (to.valid_to !== null) issues.push({ path: 'toOrganizationId', code: 'organization_not_active' });
        else if (!repo.holdsMembers(to.kind)) issues.push({ path: 'toOrganizationId', code: 'not_a_cell', params: { kind: to.kind } });
        else if (to.id === member.organization_id) issues.push({ path: 'toOrganizationId', code: 'transfer_same_cell' });
      }
    } else if (input.outsideOrganizationName === null) issues.push({ path: 'outsideOrganizationName', code: 'required' });

    if (input.kind === 'official') {
      // R-MGT-05: the procedure starts from a trigger (job change, retirement, demobilisation, long-term move).
      if (input.trigger === null) issues.push({ path: 'trigger', code: 'required', params: { rule: 'R-MGT-05' } });
      if (input.triggeredOn === null) issues.push({ path: 'triggeredOn', code: 'required', params: { rule: 'R-MGT-05' } });
      else if (input.triggeredOn > input.issuedOn) issues.push({ path: 'triggeredOn', code: 'after_letter_issued' });
    } else {
      // R-MGT-06: 3 to under 12 months away (full-time study: 3 months to 2 years).
      if (input.temporaryPurpose === null) issues.push({ path: 'temporaryPurpose', code: 'required', params: { rule: 'R-MGT-06' } });
      if (input.temporaryFrom === null) issues.push({ path: 'temporaryFrom', code: 'required', params: { rule: 'R-MGT-06' } });
      if (input.temporaryTo === null) issues.push({ path: 'temporaryTo', code: 'required', params: { rule: 'R-MGT-06' } });
      if (input.temporaryPurpose !== null && input.temporaryFrom !== null && input.temporaryTo !== null) {
        const check = checkTemporaryTransferPeriod({
          memberId: member.id,
          purpose: input.temporaryPurpose as TemporaryTransferPurpose,
          from: input.temporaryFrom,
          to: input.temporaryTo,
        });
        if (!check.ok) issues.push({ path: TEMPORARY_FIELD[check.code] ?? 'temporaryTo', code: check.code, params: { rule: check.ruleId, ...check.facts } });
      }
    }
    if (issues.length) invalid(...issues);

    const official = input.kind === 'official';
    const due = dueDatesOf(
      { trigger: official ? input.trigger : null, triggeredOn: official ? input.triggeredOn : null, issuedOn: input.issuedOn },
      await loadWorkingCalendar(trx),
    );
    const at = ctx.now.toISOString();
    const id = await repo.insertTransfer(trx, {
      member_id: member.id,
      kind: input.kind,
      direction: input.direction,
      status: 'issued',
      trigger: official ? input.trigger : null,
      triggered_on: official ? input.triggeredOn : null,
      from_organization_id: member.organization_id,
      to_organization_id: input.direction === 'internal' ? to!.id : null,
      outside_organization_name: input.direction === 'outgoing' ? input.outsideOrganizationName : null,
      letter_number: input.letterNumber,
      letter_issued_on: input.issuedOn,
      signer_name: input.signerName,
      signer_title: input.signerTitle,
      start_due: due.startDue,
      presentation_due: due.presentationDue,
      received_on: null,
      received_by: null,
      receipt_ref: null,
      received_late: 0,
      overdue_since: null,
      temporary_purpose: official ? null : input.temporaryPurpose,
      temporary_from: official ? null : input.temporaryFrom,
      temporary_to: official ? null : input.temporaryTo,
      returned_on: null,
      cancelled_on: null,
      cancel_reason: null,
      note: input.note,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await repo.insertEvent(trx, {
      transfer_id: id,
      kind: 'issued',
      event_date: input.issuedOn,
      from_status: null,
      to_status: 'issued',
      note: input.note,
      data: JSON.stringify({ letterNumber: input.letterNumber, startDue: due.startDue, presentationDue: due.presentationDue, startedLate: due.startedLate }),
      actor_user_id: ctx.actor.userId,
      at,
    });
    await appendAudit(trx, ctx, {
      action: 'transfer.issue',
      objectType: 'transfer',
      objectId: id,
      changedFields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== null),
    });
    return id;
  });
  return getTransfer(db, ctx, id);
}

// ---------------------------------------------------------------- steps

function refusal(d: Extract<Decision, { ok: false }>, state: TransferState): never {
  // A step on a case that has moved on (received, cancelled …) is a conflict: someone acted first.
  if (d.closed) throw new DomainError('CONFLICT', { status: state.status, reason: 'transfer_closed' });
  invalid(...d.violations.map((v) => ({ path: v.path ?? 'version', code: v.code, params: v.params })));
}

interface StepOptions {
  /** Which side may take the step; the organization above both sides may take either. */
  side: 'sending' | 'receiving';
}

async function runStep(
  db: Db,
  ctx: Ctx,
  id: number,
  version: number,
  step: TransferStep,
  opts: StepOptions | ((t: repo.TransferWithNames) => StepOptions),
  apply: (trx: Trx, t: repo.TransferWithNames, d: Extract<Decision, { ok: true }>, at: string) => Promise<{ patch: Partial<repo.TransferRow>; note: string | null; data: Record<string, unknown>; action: string }>,
): Promise<TransferDetail> {
  const today = todayInVietnam(ctx.now);
  await inTransaction(db, async (trx) => {
    const t = await loadInScope(trx, ctx.actor, id);
    const state = stateOf(t);
    const { side } = typeof opts === 'function' ? opts(t) : opts;
    const mine = sideOf(ctx.actor, t);
    if (mine !== 'both' && mine !== side) throw new DomainError('FORBIDDEN', { reason: side === 'receiving' ? 'not_receiving_side' : 'not_sending_side' });
    const d = decideTransfer(state, step, today);
    if (!d.ok) refusal(d, state);
    if (t.version !== version) throw new DomainError('CONFLICT', { id, version: t.version });
    const at = ctx.now.toISOString();
    const { patch, note, data, action } = await apply(trx, t, d, at);
    if (!(await repo.updateTransferIfCurrent(trx, id, { version, status: state.status }, { ...patch, status: d.status, updated_at: at }))) {
      throw new DomainError('CONFLICT', { id });
    }
    await repo.insertEvent(trx, {
      transfer_id: id,
      kind: d.event,
      event_date: 'on' in step ? step.on : today,
      from_status: state.status,
      to_status: d.status,
      note,
      data: JSON.stringify(data),
      actor_user_id: ctx.actor.userId,
      at,
    });
    await appendAudit(trx, ctx, { action, objectType: 'transfer', objectId: id, changedFields: ['status', ...Object.keys(patch)] });
  });
  return getTransfer(db, ctx, id);
}

/**
 * Internal: the receiving side confirms the member presented the letter; only then, for an official transfer, the
 * member's cell changes (with a 'moved' event naming both cells and the letter). Outgoing: the sending side records the
 * destination's confirmation, and the member leaves the system ('transferred_out'). A second confirmation is a CONFLICT.
 */
export async function confirmReceipt(db: Db, ctx: Ctx, id: number, input: ConfirmReceiptInput): Promise<TransferDetail> {
  return runStep(
    db,
    ctx,
    id,
    input.version,
    { type: 'confirm_receipt', on: input.receivedOn },
    (t) => ({ side: t.direction === 'outgoing' ? 'sending' : 'receiving' }),
    async (trx, t, d, at) => {
      const member = await repo.findMemberStatus(trx, t.member_id);
      const status = (member?.status ?? '') as MemberStatus;
      if (d.effect !== 'none') {
        if (!member || !(ACTIVE_STATUSES as readonly string[]).includes(status)) throw new DomainError('MEMBER_NOT_ACTIVE', { status });
        // The member must still be in the sending cell: a move recorded meanwhile is someone else's change.
        if (member.organization_id !== t.from_organization_id) throw new DomainError('CONFLICT', { reason: 'member_moved' });
      }
      if (d.effect === 'move_to_receiving_cell') {
        const to = await repo.findOrganization(trx, t.to_organization_id!);
        if (!to || to.valid_to !== null) throw new DomainError('ORGANIZATION_NOT_ACTIVE', { id: t.to_organization_id });
        if (!(await repo.moveMember(trx, t.member_id, t.from_organization_id!, { id: to.id, path: to.path }, at))) throw new DomainError('CONFLICT', { reason: 'member_moved' });
        await repo.insertMemberEvent(trx, {
          member_id: t.member_id,
          kind: 'moved',
          event_date: input.receivedOn,
          from_status: status,
          to_status: status,
          from_organization_id: t.from_organization_id,
          to_organization_id: to.id,
          decision_ref: t.letter_number,
          note: letterRef(t),
          actor_user_id: ctx.actor.userId,
          created_at: at,
        });
        // R-RMV-07: the member's open screening flags are reviewed by the new cell from now on.
        await handOverOpenFlags(trx, { memberIds: [t.member_id], toOrganizationId: to.id, transferId: t.id, on: input.receivedOn, at });
      }
      if (d.effect === 'leave_the_system') {
        if (!(await repo.markMemberTransferredOut(trx, t.member_id, t.from_organization_id!, input.receivedOn, at))) throw new DomainError('CONFLICT', { reason: 'member_moved' });
        await repo.insertMemberEvent(trx, {
          member_id: t.member_id,
          kind: 'transferred_out',
          event_date: input.receivedOn,
          from_status: status,
          to_status: 'transferred_out',
          from_organization_id: t.from_organization_id,
          to_organization_id: null,
          decision_ref: t.letter_number,
          note: `${letterRef(t)}; nơi đến: ${t.outside_organization_name ?? ''}`,
          actor_user_id: ctx.actor.userId,
          created_at: at,
        });
      }
      return {
        patch: { received_on: input.receivedOn, received_by: ctx.actor.userId, receipt_ref: input.receiptRef, received_late: d.late ? 1 : 0 },
        note: input.note,
        data: { late: d.late, presentationDue: t.presentation_due, receiptRef: input.receiptRef, memberEffect: d.effect },
        action: t.direction === 'outgoing' ? 'transfer.record_outside_confirmation' : 'transfer.confirm_receipt',
      };
    },
  );
}

/** The sending side withdraws a letter not yet presented (the member stays where they are). */
export async function cancelTransfer(db: Db, ctx: Ctx, id: number, input: CancelTransferInput): Promise<TransferDetail> {
  return runStep(db, ctx, id, input.version, { type: 'cancel', on: input.cancelledOn }, { side: 'sending' }, async () => ({
    patch: { cancelled_on: input.cancelledOn, cancel_reason: input.reason },
    note: input.reason,
    data: {},
    action: 'transfer.cancel',
  }));
}

/** R-MGT-06: the member is back at the home cell; counted in its headcount again from that day. */
export async function recordReturn(db: Db, ctx: Ctx, id: number, input: RecordReturnInput): Promise<TransferDetail> {
  return runStep(db, ctx, id, input.version, { type: 'record_return', on: input.returnedOn }, { side: 'sending' }, async (_trx, t) => ({
    patch: { returned_on: input.returnedOn },
    note: input.note,
    data: { plannedTo: t.temporary_to, early: t.temporary_to !== null && input.returnedOn <= t.temporary_to },
    action: 'transfer.record_return',
  }));
}

// ---------------------------------------------------------------- arrivals from outside

/**
 * A member arriving from outside the system with a transfer letter: the person and the member are registered in the
 * receiving cell ('registered' on the timeline) and the letter is kept as a received incoming transfer.
 */
export async function registerIncoming(db: Db, ctx: Ctx, input: RegisterIncomingInput): Promise<TransferDetail> {
  const today = todayInVietnam(ctx.now);
  try {
    const id = await inTransaction(db, async (trx) => {
      const cell = await repo.findOrganizationInScope(trx, ctx.actor, input.organizationId);
      if (!cell) throw new DomainError('NOT_FOUND', {}, [{ path: 'organizationId', code: 'not_found' }]);
      const issues: FieldIssue[] = [];
      if (cell.valid_to !== null) issues.push({ path: 'organizationId', code: 'organization_not_active' });
      else if (!repo.holdsMembers(cell.kind)) issues.push({ path: 'organizationId', code: 'not_a_cell', params: { kind: cell.kind } });
      for (const [path, date] of [
        ['birthDate', input.birthDate],
        ['admissionDecisionDate', input.admissionDecisionDate],
        ['issuedOn', input.issuedOn],
        ['receivedOn', input.receivedOn],
      ] as const) {
        if (date > today) issues.push({ path, code: 'date_in_future', params: { today } });
      }
      if (input.receivedOn < input.issuedOn) issues.push({ path: 'receivedOn', code: 'before_letter_issued', params: { date: input.issuedOn } });
      if (input.status === 'official' && input.officialDate === null) issues.push({ path: 'officialDate', code: 'required' });
      if (input.officialDate !== null && input.officialDate < input.admissionDecisionDate) issues.push({ path: 'officialDate', code: 'before_admission' });
      if (input.admissionDecisionDate <= input.birthDate) issues.push({ path: 'admissionDecisionDate', code: 'before_birth' });
      if ((input.trigger === null) !== (input.triggeredOn === null)) issues.push({ path: input.trigger === null ? 'trigger' : 'triggeredOn', code: 'required' });
      if (input.triggeredOn !== null && input.triggeredOn > input.issuedOn) issues.push({ path: 'triggeredOn', code: 'after_letter_issued' });
      if (input.citizenId !== null) {
        const check = validateCitizenId(input.citizenId, { birthDate: input.birthDate, gender: input.gender });
        if (!check.ok) issues.push({ path: 'citizenId', code: check.code });
      }
      if (issues.length) invalid(...issues);
      if (input.citizenId !== null && (await repo.findPersonByCitizenId(trx, input.citizenId))) throw new DomainError('DUPLICATE_CITIZEN_ID');

      const at = ctx.now.toISOString();
      const status: MemberStatus = input.status;
      const search = searchColumns(input);
      const personId = await repo.insertPerson(trx, newPersonRow(input, at));
      const memberId = await repo.insertMember(trx, {
        person_id: personId,
        status,
        organization_id: cell.id,
        org_path: cell.path,
        history_number: input.historyNumber,
        card_number: input.cardNumber,
        admission_decision_date: input.admissionDecisionDate,
        ceremony_date: null,
        official_date: input.status === 'official' ? input.officialDate : null,
        left_date: null,
        posts: '[]',
        search_text: search.memberSearchText,
        sort_key: search.sortKey,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      await repo.insertMemberEvent(trx, {
        member_id: memberId,
        kind: 'registered',
        event_date: input.receivedOn,
        from_status: null,
        to_status: status,
        from_organization_id: null,
        to_organization_id: cell.id,
        decision_ref: input.letterNumber,
        note: `${letterRef({ letter_number: input.letterNumber, letter_issued_on: input.issuedOn })}; nơi chuyển đi: ${input.outsideOrganizationName}`,
        actor_user_id: ctx.actor.userId,
        created_at: at,
      });
      const due = dueDatesOf({ trigger: input.trigger, triggeredOn: input.triggeredOn, issuedOn: input.issuedOn }, await loadWorkingCalendar(trx));
      const late = input.receivedOn > due.presentationDue;
      const id = await repo.insertTransfer(trx, {
        member_id: memberId,
        kind: 'official',
        direction: 'incoming',
        status: 'received',
        trigger: input.trigger,
        triggered_on: input.triggeredOn,
        from_organization_id: null,
        to_organization_id: cell.id,
        outside_organization_name: input.outsideOrganizationName,
        letter_number: input.letterNumber,
        letter_issued_on: input.issuedOn,
        signer_name: null,
        signer_title: null,
        start_due: due.startDue,
        presentation_due: due.presentationDue,
        received_on: input.receivedOn,
        received_by: ctx.actor.userId,
        receipt_ref: null,
        received_late: late ? 1 : 0,
        overdue_since: null,
        temporary_purpose: null,
        temporary_from: null,
        temporary_to: null,
        returned_on: null,
        cancelled_on: null,
        cancel_reason: null,
        note: input.note,
        version: 1,
        created_by: ctx.actor.userId,
        created_at: at,
        updated_at: at,
      });
      await repo.insertEvent(trx, {
        transfer_id: id,
        kind: 'registered',
        event_date: input.receivedOn,
        from_status: null,
        to_status: 'received',
        note: input.note,
        data: JSON.stringify({ late, presentationDue: due.presentationDue, memberId }),
        actor_user_id: ctx.actor.userId,
        at,
      });
      await appendAudit(trx, ctx, {
        action: 'transfer.register_incoming',
        objectType: 'transfer',
        objectId: id,
        changedFields: ['member', ...Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== null)],
      });
      return id;
    });
    return getTransfer(db, ctx, id);
  } catch (err) {
    const unique = err instanceof DomainError ? null : isUniqueViolation(err);
    if (unique) {
      const text = `${unique.constraint ?? ''} ${unique.detail ?? ''}`;
      if (/card_number/.test(text)) throw new DomainError('DUPLICATE_CARD_NUMBER');
      if (/history_number/.test(text)) throw new DomainError('DUPLICATE_HISTORY_NUMBER');
      if (/citizen_id/.test(text)) throw new DomainError('DUPLICATE_CITIZEN_ID');
    }
    throw err;
  }
}

// ---------------------------------------------------------------- the deadline sweep

/**
 * Marks one letter overdue through decideTransfer (the same decide people act through). False when the case moved
 * on meanwhile or is not past due: the next run looks again.
 */
export async function markOverdue(db: Db, ctx: RequestContext, c: { id: number; version: number }): Promise<boolean> {
  const today = todayInVietnam(ctx.now);
  return inTransaction(db, async (trx) => {
    const t = await trx.selectFrom('transfers').selectAll().where('id', '=', c.id).executeTakeFirst();
    if (!t || t.version !== c.version) return false;
    const state = stateOf(t);
    const d = decideTransfer(state, { type: 'mark_overdue' }, today);
    if (!d.ok) return false;
    const at = ctx.now.toISOString();
    if (!(await repo.updateTransferIfCurrent(trx, t.id, { version: t.version, status: state.status }, { status: d.status, overdue_since: today, updated_at: at }))) {
      return false;
    }
    await repo.insertEvent(trx, {
      transfer_id: t.id,
      kind: d.event,
      event_date: today,
      from_status: state.status,
      to_status: d.status,
      note: null,
      data: JSON.stringify({ presentationDue: t.presentation_due }),
      actor_user_id: null,
      at,
    });
    await appendAudit(trx, ctx, { action: 'transfer.overdue_marked', objectType: 'transfer', objectId: t.id, changedFields: ['status', 'overdueSince'] });
    return true;
  });
}

// ---------------------------------------------------------------- for other modules (meetings, votes, grading)

export interface TemporaryTransferOut extends TemporaryTransfer {
  transferId: number;
  fullName: string;
  /** Where the member is hosted: a cell of the system or an organization outside it. */
  hostName: string | null;
}

/**
 * R-MGT-06: the cell's members away on temporary transfer on `date` (not counted in the home cell's headcount, not
 * expected at its meetings, not in its vote bases). No scope: the caller has already scoped the cell.
 */
export async function temporaryTransfersOut(db: Q, cellId: number, date: IsoDate): Promise<TemporaryTransferOut[]> {
  const rows = await repo.listTemporaryTransfersOutOfCell(db, cellId, date);
  return rows.map((r) => ({
    transferId: r.id,
    memberId: r.member_id,
    fullName: r.full_name,
    purpose: ZTemporaryPurpose.parse(r.temporary_purpose ?? 'other'),
    from: r.temporary_from!,
    to: r.temporary_to!,
    returnedOn: r.returned_on,
    hostName: r.to_name ?? r.outside_organization_name,
  }));
}

/** R-MGT-06: whether the member is away on temporary transfer on `date`. */
export async function isOnTemporaryTransfer(db: Q, memberId: number, date: IsoDate): Promise<boolean> {
  return isOnTemporaryTransferOn(await temporaryTransfersOfMembers(db, [memberId]), memberId, date);
}

/**
 * The temporary transfers of these members in the shape of common/rules/transfer-rules.ts (any dates; cancelled letters
 * never took effect). app.ts installs it as the meetings module's source (setTemporaryTransferSource).
 */
export async function temporaryTransfersOfMembers(db: Q, memberIds: readonly number[]): Promise<TemporaryTransfer[]> {
  const rows = await repo.listTemporaryTransfersOfMembers(db, memberIds);
  return rows
    .filter((r) => r.temporary_from !== null && r.temporary_to !== null)
    .map((r) => ({
      memberId: r.member_id,
      purpose: ZTemporaryPurpose.parse(r.temporary_purpose ?? 'other'),
      from: r.temporary_from!,
      to: r.temporary_to!,
      returnedOn: r.returned_on,
    }));
}

/** R-MGT-06: the cell's headcount on `date`: its active members less those away on temporary transfer. */
export async function homeHeadcount(db: Q, cellId: number, date: IsoDate): Promise<{ members: number; away: number; counted: number }> {
  const [members, away] = await Promise.all([repo.countActiveMembersOfCell(db, cellId), temporaryTransfersOut(db, cellId, date)]);
  const awayIds = new Set(away.map((a) => a.memberId));
  return { members, away: awayIds.size, counted: members - awayIds.size };
}
