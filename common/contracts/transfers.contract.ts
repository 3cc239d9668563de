import { z } from 'zod';
import { TRANSFER_TRIGGERS } from '../rules/transfer-rules.ts';
import { ZId, ZIsoDate, ZPageQuery, ZVersion, zPage, zRequiredText, zText } from './common.contract.ts';
import { ZMemberStatus, ZPersonFields } from './members.contract.ts';

// Transfers of party activity (chuyển sinh hoạt đảng): R-MGT-05 (official), R-MGT-06 (temporary).

export const TRANSFER_KINDS = ['official', 'temporary'] as const;
export const ZTransferKind = z.enum(TRANSFER_KINDS);
export type TransferKind = z.infer<typeof ZTransferKind>;

/** internal: both organizations are in the system; outgoing: to an organization outside it; incoming: from outside it. */
export const TRANSFER_DIRECTIONS = ['internal', 'outgoing', 'incoming'] as const;
export const ZTransferDirection = z.enum(TRANSFER_DIRECTIONS);
export type TransferDirection = z.infer<typeof ZTransferDirection>;

/** returned: a temporary transfer whose member is back at the home cell. */
export const TRANSFER_STATUSES = ['issued', 'received', 'overdue', 'cancelled', 'returned'] as const;
export const ZTransferStatus = z.enum(TRANSFER_STATUSES);
export type TransferStatus = z.infer<typeof ZTransferStatus>;
/** The letter is out and not yet presented at the destination. */
export const OPEN_TRANSFER_STATUSES: readonly TransferStatus[] = ['issued', 'overdue'];

export const ZTransferTrigger = z.enum(TRANSFER_TRIGGERS);
export type TransferTriggerCode = z.infer<typeof ZTransferTrigger>;

export const TEMPORARY_PURPOSES = ['full_time_study', 'work', 'other'] as const;
export const ZTemporaryPurpose = z.enum(TEMPORARY_PURPOSES);

export const TRANSFER_EVENT_KINDS = ['issued', 'received', 'overdue_marked', 'cancelled', 'returned', 'registered'] as const;
export const ZTransferEventKind = z.enum(TRANSFER_EVENT_KINDS);

/** What the viewer may do now (computed by the server for the viewer's side of the transfer). */
export const TRANSFER_ACTIONS = ['confirm_receipt', 'record_outside_confirmation', 'cancel', 'record_return', 'download_letter'] as const;
export const ZTransferAction = z.enum(TRANSFER_ACTIONS);
export type TransferAction = z.infer<typeof ZTransferAction>;

/** The viewer's relation to a transfer: the sending side, the receiving side, both (the organization above), or the member. */
export const ZTransferSide = z.enum(['sending', 'receiving', 'both', 'member']);
export type TransferSide = z.infer<typeof ZTransferSide>;

const optionalDate = ZIsoDate.nullable().optional().transform((v) => v ?? null);
const optionalId = ZId.nullable().optional().transform((v) => v ?? null);

// ---------------------------------------------------------------- requests

/** The sending side issues the transfer letter (giấy giới thiệu sinh hoạt đảng). Cross-field rules are checked by the service. */
export const ZIssueTransfer = z.object({
  memberId: ZId,
  kind: ZTransferKind,
  direction: z.enum(['internal', 'outgoing']),
  /** internal: the receiving cell. */
  toOrganizationId: optionalId,
  /** outgoing: the destination outside the system, as written on the letter. */
  outsideOrganizationName: zText(300),
  /** official: R-MGT-05's trigger and its date. */
  trigger: ZTransferTrigger.nullable().optional().transform((v) => v ?? null),
  triggeredOn: optionalDate,
  /** temporary: R-MGT-06's purpose and period (last day inclusive). */
  temporaryPurpose: ZTemporaryPurpose.nullable().optional().transform((v) => v ?? null),
  temporaryFrom: optionalDate,
  temporaryTo: optionalDate,
  letterNumber: zRequiredText(40),
  issuedOn: ZIsoDate,
  signerName: zText(120),
  signerTitle: zText(120),
  note: zText(1000),
});
export type IssueTransferInput = z.infer<typeof ZIssueTransfer>;

/** A member arriving from outside the system with a transfer letter is registered in the receiving cell. */
export const ZRegisterIncoming = ZPersonFields.extend({
  organizationId: ZId,
  status: z.enum(['probationary', 'official']),
  historyNumber: zText(40),
  cardNumber: zText(40),
  admissionDecisionDate: ZIsoDate,
  officialDate: optionalDate,
  /** The organization that issued the letter, outside the system. */
  outsideOrganizationName: zRequiredText(300),
  letterNumber: zRequiredText(40),
  issuedOn: ZIsoDate,
  /** The day the member presented the letter. */
  receivedOn: ZIsoDate,
  trigger: ZTransferTrigger.nullable().optional().transform((v) => v ?? null),
  triggeredOn: optionalDate,
  note: zText(1000),
});
export type RegisterIncomingInput = z.infer<typeof ZRegisterIncoming>;

/** The receiving side confirms receipt (internal), or the sending side records the outside confirmation (outgoing). */
export const ZConfirmReceipt = z.object({ receivedOn: ZIsoDate, receiptRef: zText(100), note: zText(1000), version: ZVersion });
export type ConfirmReceiptInput = z.infer<typeof ZConfirmReceipt>;

export const ZCancelTransfer = z.object({ cancelledOn: ZIsoDate, reason: zRequiredText(1000), version: ZVersion });
export type CancelTransferInput = z.infer<typeof ZCancelTransfer>;

export const ZRecordReturn = z.object({ returnedOn: ZIsoDate, note: zText(1000), version: ZVersion });
export type RecordReturnInput = z.infer<typeof ZRecordReturn>;

export const TRANSFER_BOXES = ['incoming', 'outgoing', 'overdue', 'all'] as const;
export const ZTransferBox = z.enum(TRANSFER_BOXES);
export type TransferBox = z.infer<typeof ZTransferBox>;

export const ZTransferListQuery = ZPageQuery.extend({
  box: ZTransferBox.default('all'),
  /** Whose point of view (default: the user's organization); must be in scope. */
  organizationId: ZId.optional(),
  status: ZTransferStatus.optional(),
  kind: ZTransferKind.optional(),
  /** Member name or citizen id, or letter number. A text that may carry a citizen id is refused in the GET's URL. */
  q: z.string().trim().max(100).optional(),
});
export type TransferListQuery = z.infer<typeof ZTransferListQuery>;
/** POST /api/transfers/search: the same filters in a strict body, the way to search by citizen id (security.md item 25). */
export const ZTransferSearchBody = ZTransferListQuery.strict();

export const ZDueDatesQuery = z.object({
  issuedOn: ZIsoDate,
  triggeredOn: ZIsoDate.optional(),
});

/** By name (or citizen id: POST /api/transfers/member-options/search), or one member by id (a form opened from a member's page). */
export const ZMemberOptionsQuery = z.object({ q: z.string().trim().max(100).optional(), memberId: ZId.optional() });
export const ZMemberOptionsSearchBody = ZMemberOptionsQuery.strict();

// ---------------------------------------------------------------- responses

const ZRef = z.object({ id: z.number().int(), name: z.string() });

export const ZTransferSummary = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), fullName: z.string(), birthDate: z.string() }),
  kind: ZTransferKind,
  direction: ZTransferDirection,
  status: ZTransferStatus,
  trigger: ZTransferTrigger.nullable(),
  triggeredOn: z.string().nullable(),
  from: ZRef.nullable(),
  to: ZRef.nullable(),
  outsideOrganizationName: z.string().nullable(),
  letterNumber: z.string(),
  issuedOn: z.string(),
  startDue: z.string().nullable(),
  presentationDue: z.string(),
  receivedOn: z.string().nullable(),
  /** R-MGT-05: presented after its due day. */
  receivedLate: z.boolean(),
  /** R-MGT-05: the letter was issued after the start due day. */
  startedLate: z.boolean(),
  overdueSince: z.string().nullable(),
  temporaryPurpose: ZTemporaryPurpose.nullable(),
  temporaryFrom: z.string().nullable(),
  temporaryTo: z.string().nullable(),
  returnedOn: z.string().nullable(),
  side: ZTransferSide,
});
export type TransferSummary = z.infer<typeof ZTransferSummary>;

export const ZTransferEvent = z.object({
  id: z.number().int(),
  kind: ZTransferEventKind,
  eventDate: z.string(),
  fromStatus: ZTransferStatus.nullable(),
  toStatus: ZTransferStatus,
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  actor: z.string().nullable(),
  at: z.string(),
});

export const ZTransferDetail = ZTransferSummary.extend({
  member: z.object({
    id: z.number().int(),
    fullName: z.string(),
    birthDate: z.string(),
    status: ZMemberStatus,
    cardNumber: z.string().nullable(),
    historyNumber: z.string().nullable(),
    /** The member's cell today (changes on receipt of an official internal transfer). */
    organization: ZRef,
  }),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  receivedBy: z.string().nullable(),
  receiptRef: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  events: z.array(ZTransferEvent),
  allowedActions: z.array(ZTransferAction),
});
export type TransferDetail = z.infer<typeof ZTransferDetail>;

export const ZTransferList = zPage(ZTransferSummary).extend({
  organization: ZRef,
  /** Open letters (issued, overdue) per box, for the tabs. */
  counts: z.object({ incoming: z.number().int(), outgoing: z.number().int(), overdue: z.number().int() }),
});
export type TransferList = z.infer<typeof ZTransferList>;

export const ZMemberTransfers = z.object({ items: z.array(ZTransferSummary) });
export type MemberTransfers = z.infer<typeof ZMemberTransfers>;

export const ZDueDates = z.object({ startDue: z.string().nullable(), presentationDue: z.string(), startedLate: z.boolean() });
export type DueDates = z.infer<typeof ZDueDates>;

export const ZTransferMemberOption = z.object({
  id: z.number().int(),
  fullName: z.string(),
  birthDate: z.string(),
  status: ZMemberStatus,
  cardNumber: z.string().nullable(),
  organization: ZRef,
  /** A letter already out (or a temporary transfer not yet ended): a second one is refused. */
  openTransferId: z.number().int().nullable(),
});
export const ZTransferMemberOptions = z.object({ items: z.array(ZTransferMemberOption) });
export type TransferMemberOptions = z.infer<typeof ZTransferMemberOptions>;

/** Every active organization of the system (names only), for choosing the destination of an internal transfer. */
export const ZTransferDestinations = z.object({
  nodes: z.array(z.object({ id: z.number().int(), parentId: z.number().int().nullable(), name: z.string(), kind: z.string(), holdsMembers: z.boolean() })),
});
export type TransferDestinations = z.infer<typeof ZTransferDestinations>;
