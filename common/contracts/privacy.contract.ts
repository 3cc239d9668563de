import { z } from 'zod';
import { ZId, ZIsoDate, ZPageQuery, ZVersion, zPage, zText } from './common.contract.ts';

// Privacy (security.md "Privacy", items 25 and 26): a data subject's export, and the requests a data subject makes
// about their personal data (Nghị định 13/2023/NĐ-CP) with their tracked due dates.

// ------------------------------------------------------------------ the export

/** The classes a returned value can carry; secret candidates are never returned (server/db/classification.ts). */
export const EXPORT_CLASSES = ['basic', 'sensitive'] as const;
export const ZExportClass = z.enum(EXPORT_CLASSES);

/** A stored value as the database holds it (portable types: text, integers, null). */
export const ZStoredValue = z.union([z.string(), z.number(), z.null()]);

export const ZExportValue = z.object({ value: ZStoredValue, class: ZExportClass });

/**
 * One table of the export: every row about the subject, each column as { value, class }. `link` says how the rows
 * were found ('member_id', 'person_id', 'case_id → admission_cases' …); `withheld` names the secret-candidate columns
 * of the table that were not read (password hashes, session token hashes …). A linked table with no row about the
 * subject is still listed, with `rows: []`, so the export shows what was looked at.
 */
export const ZExportTable = z.object({
  table: z.string(),
  link: z.string(),
  columns: z.array(z.object({ name: z.string(), class: ZExportClass })),
  withheld: z.array(z.string()),
  rows: z.array(z.record(z.string(), ZExportValue)),
});
export type ExportTable = z.infer<typeof ZExportTable>;

/** GET /api/members/:id/personal-data: everything the register holds about one member, grouped by table. */
export const ZPersonalDataExport = z.object({
  subject: z.object({ memberId: z.number().int(), personId: z.number().int(), fullName: z.string() }),
  /** UTC instant the export was produced. */
  generatedAt: z.string(),
  tables: z.array(ZExportTable),
});
export type PersonalDataExport = z.infer<typeof ZPersonalDataExport>;

// ------------------------------------------------------------------ requests

export interface PrivacyRequestPeriods {
  acknowledgeWorkingDays: number;
  respondCalendarDays: number;
}

/**
 * The periods of a data subject's request. security.md item 26 gives "2 working days / 15 days"; read here as:
 * acknowledge the request within 2 working days of receiving it, and provide the data (or answer a correction,
 * deletion or objection) within 15 calendar days of receiving it — the right to be provided one's personal data of
 * Nghị định 13/2023/NĐ-CP (Art. 9 and 14). This is our reading of security.md, not a quotation of the decree. The
 * numbers are configurable: here for the whole app (server and the page's help text), or per call of
 * privacyRequestDueDates (server/modules/privacy/privacy.service.ts); check them against the law in force (Luật
 * 91/2025/QH15 and Nghị định 356/2025/NĐ-CP from 1/1/2026) before relying on them.
 */
export const PRIVACY_REQUEST_PERIODS: PrivacyRequestPeriods = { acknowledgeWorkingDays: 2, respondCalendarDays: 15 };

export const REQUEST_KINDS = ['access', 'correction', 'deletion', 'objection'] as const;
export const ZRequestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof ZRequestKind>;

export const REQUEST_OUTCOMES = ['fulfilled', 'partially_fulfilled', 'refused'] as const;
export const ZRequestOutcome = z.enum(REQUEST_OUTCOMES);
export type RequestOutcome = z.infer<typeof ZRequestOutcome>;

/** Where a request stands: received → acknowledged → responded. */
export const REQUEST_STATUSES = ['awaiting_acknowledgement', 'awaiting_response', 'responded'] as const;
export const ZRequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof ZRequestStatus>;

/** The list's filter: open (not responded), overdue (open with a due day passed), closed (responded), all. */
export const REQUEST_FILTERS = ['open', 'overdue', 'closed', 'all'] as const;
export const ZRequestFilter = z.enum(REQUEST_FILTERS);
export type RequestFilter = z.infer<typeof ZRequestFilter>;

export const ZPrivacyRequest = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), fullName: z.string(), organization: z.object({ id: z.number().int(), name: z.string() }) }),
  kind: ZRequestKind,
  receivedOn: z.string(),
  requesterNote: z.string().nullable(),
  acknowledgeDue: z.string(),
  respondDue: z.string(),
  acknowledgedOn: z.string().nullable(),
  respondedOn: z.string().nullable(),
  outcome: ZRequestOutcome.nullable(),
  responseNote: z.string().nullable(),
  exportProducedAt: z.string().nullable(),
  status: ZRequestStatus,
  /** Open, and a due day it still waits on has passed (today in Vietnam). */
  overdue: z.boolean(),
  /** Acknowledged after its due day, or not acknowledged and the due day passed. */
  acknowledgeLate: z.boolean(),
  /** Answered after its due day, or not answered and the due day passed. */
  respondLate: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type PrivacyRequest = z.infer<typeof ZPrivacyRequest>;

export const ZPrivacyRequestListQuery = ZPageQuery.extend({ status: ZRequestFilter.default('open') });
export type PrivacyRequestListQuery = z.infer<typeof ZPrivacyRequestListQuery>;

/** The page and the report: counts over the user's whole subtree, whatever the filter. */
export const ZPrivacyRequestList = zPage(ZPrivacyRequest).extend({
  summary: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    /** Requests answered, or acknowledged, after a due day. */
    closedLate: z.number().int(),
  }),
});
export type PrivacyRequestList = z.infer<typeof ZPrivacyRequestList>;

export const ZCreatePrivacyRequest = z.object({
  memberId: ZId,
  kind: ZRequestKind,
  receivedOn: ZIsoDate,
  requesterNote: zText(2000),
});
export type CreatePrivacyRequestInput = z.infer<typeof ZCreatePrivacyRequest>;

export const ZAcknowledgePrivacyRequest = z.object({ acknowledgedOn: ZIsoDate, version: ZVersion });
export type AcknowledgePrivacyRequestInput = z.infer<typeof ZAcknowledgePrivacyRequest>;

export const ZRespondPrivacyRequest = z.object({
  respondedOn: ZIsoDate,
  outcome: ZRequestOutcome,
  /** Required when refused (the reason told to the person). */
  responseNote: zText(2000),
  version: ZVersion,
});
export type RespondPrivacyRequestInput = z.infer<typeof ZRespondPrivacyRequest>;
