import type { Transaction } from 'kysely';
import {
  type AcknowledgePrivacyRequestInput,
  type CreatePrivacyRequestInput,
  type ExportTable,
  type PersonalDataExport,
  type PrivacyRequest,
  type PrivacyRequestList,
  PRIVACY_REQUEST_PERIODS,
  type PrivacyRequestListQuery,
  type PrivacyRequestPeriods,
  type RequestStatus,
  type RespondPrivacyRequestInput,
  ZRequestKind,
  ZRequestOutcome,
} from '../../../common/contracts/privacy.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { addDays, type IsoDate, todayInVietnam } from '../../../common/rules/iso-date.ts';
import { addWorkingDays, type WorkingCalendar } from '../../../common/rules/working-days.ts';
import { CLASSIFICATION, exportableColumns, PERSON_LINKS, type PersonLink, withheldColumns } from '../../db/classification.ts';
import type { Db } from '../../db/create-db.ts';
import { lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar.ts';
import * as repo from './privacy.repo.ts';

// A data subject's rights over their personal data (security.md "Privacy", item 26): one call returns everything the
// register holds about a member, labelled by the classification of server/db/classification.ts; requests are tracked
// against their due dates. Each change is one transaction: the audit-chain lock, the row read in scope, the checks, a
// compare-and-set on the version and one audit row.

export type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;

function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockAuditChain(trx);
    return work(trx);
  });
}

const today = (ctx: Pick<RequestContext, 'now'>) => todayInVietnam(ctx.now);

// ---------------------------------------------------------------- due dates

/**
 * The due dates of a request received on `receivedOn`, with the periods of PRIVACY_REQUEST_PERIODS (our reading of
 * security.md item 26 for Nghị định 13/2023/NĐ-CP; configurable there). The day of receipt is not counted, like
 * every working-day deadline of the app (common/rules/working-days.ts): a request received on a Friday is
 * acknowledged by the Tuesday, and one received on 1 June is answered by 16 June.
 */
export function privacyRequestDueDates(receivedOn: IsoDate, cal: WorkingCalendar, periods: PrivacyRequestPeriods = PRIVACY_REQUEST_PERIODS) {
  return {
    acknowledgeDue: addWorkingDays(cal, receivedOn, periods.acknowledgeWorkingDays),
    respondDue: addDays(receivedOn, periods.respondCalendarDays),
  };
}

// ---------------------------------------------------------------- the export

/** Audit object types whose object id is the id of a row of the table (what the audit rows "about" the subject are). */
const AUDIT_OBJECT_TABLES: Record<string, string> = {
  member: 'members',
  person: 'persons',
  user: 'users',
  candidate: 'candidates',
  training_enrolment: 'training_enrolments',
  admission_case: 'admission_cases',
  admission_document: 'admission_documents',
  assignment: 'assignments',
  exemption: 'exemptions',
  residence_registration: 'residence_registrations',
  residence_opinion: 'residence_opinions',
  dues_exemption: 'dues_exemptions',
  dues_reduction: 'dues_reductions',
  dues_payment: 'dues_payments',
  dues_good_reason: 'dues_good_reasons',
  transfer: 'transfers',
  grading_entry: 'grading_entries',
  screening_flag: 'screening_flags',
  discipline_referral: 'discipline_referrals',
  removal_case: 'removal_cases',
  violation_record: 'violation_records',
  front_opinion: 'front_opinions',
  privacy_request: 'data_subject_requests',
};

function describeLink(link: PersonLink): string {
  if (link.via === 'audit') return 'user_id (the subject’s accounts); object_type, object_id (the records of this export)';
  if (link.via === 'parent') return `${link.column} → ${link.parent}`;
  return link.column;
}

function toStored(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

function presentTable(table: string, links: readonly PersonLink[], rows: repo.StoredRow[]): ExportTable {
  const columns = exportableColumns(table);
  const classes = CLASSIFICATION[table];
  return {
    table,
    link: links.map(describeLink).join(' | '),
    columns: columns.map((name) => ({ name, class: classes[name] as 'basic' | 'sensitive' })),
    withheld: withheldColumns(table),
    rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, { value: toStored(r[c]), class: classes[c] as 'basic' | 'sensitive' }]))),
  };
}

/**
 * Everything the register holds about a member, table by table (PERSON_LINKS): rows found by the person's id, the
 * member's id, or the id of a record already found (a case's decisions, a flag's review); then the audit rows written
 * by the person's accounts or about any of those records. Secret candidates are never read. The export is a read of
 * sensitive records, so it is audited; out of scope is 404.
 */
export async function exportPersonalData(db: Db, ctx: Ctx, memberId: number): Promise<PersonalDataExport> {
  const m = await repo.findMemberInScope(db, ctx.actor, memberId);
  if (!m) throw new DomainError('NOT_FOUND');

  const rowsOf = new Map<string, repo.StoredRow[]>();
  const idsOf = (table: string): number[] => (rowsOf.get(table) ?? []).map((r) => Number(r.id)).filter((n) => Number.isFinite(n));
  const pending = Object.entries(PERSON_LINKS).filter(([, links]) => !links.some((l) => l.via === 'audit'));
  // Parents before children: a table is read once every parent it links through has been read.
  while (pending.length) {
    const i = pending.findIndex(([, links]) => links.every((l) => l.via !== 'parent' || rowsOf.has(l.parent)));
    if (i < 0) throw new Error(`PERSON_LINKS has a cycle: ${pending.map(([t]) => t).join(', ')}`);
    const [table, links] = pending.splice(i, 1)[0];
    const filters = links.map((l): repo.RowFilter => {
      if (l.via === 'person') return { column: l.column, values: [m.person_id] };
      if (l.via === 'member') return { column: l.column, values: [m.id] };
      if (l.via === 'parent') return { column: l.column, values: idsOf(l.parent) };
      throw new Error('unreachable');
    });
    rowsOf.set(table, await repo.selectLinkedRows(db, table, exportableColumns(table), filters));
  }

  const objects = Object.entries(AUDIT_OBJECT_TABLES).map(([objectType, table]) => ({ objectType, objectIds: idsOf(table).map(String) }));
  rowsOf.set('audit_log', await repo.selectAuditRows(db, exportableColumns('audit_log'), idsOf('users'), objects));

  const tables = Object.entries(PERSON_LINKS).map(([table, links]) => presentTable(table, links, rowsOf.get(table) ?? []));
  await appendAuditAlone(db, ctx, { action: 'privacy.export', objectType: 'member', objectId: m.id });
  return { subject: { memberId: m.id, personId: m.person_id, fullName: m.full_name }, generatedAt: ctx.now.toISOString(), tables };
}

// ---------------------------------------------------------------- requests

function statusOf(r: repo.RequestRow): RequestStatus {
  if (r.responded_on !== null) return 'responded';
  return r.acknowledged_on === null ? 'awaiting_acknowledgement' : 'awaiting_response';
}

/** Late: done after the due day, or not done and the due day has passed (today in Vietnam). */
function isLate(doneOn: string | null, due: string, day: IsoDate): boolean {
  return doneOn === null ? day > due : doneOn > due;
}

function presentRequest(r: repo.RequestRow, day: IsoDate): PrivacyRequest {
  const status = statusOf(r);
  const acknowledgeLate = isLate(r.acknowledged_on, r.acknowledge_due, day);
  const respondLate = isLate(r.responded_on, r.respond_due, day);
  return {
    id: r.id,
    member: { id: r.member_id, fullName: r.full_name, organization: { id: r.organization_id, name: r.organization_name } },
    kind: ZRequestKind.parse(r.kind),
    receivedOn: r.received_on,
    requesterNote: r.requester_note,
    acknowledgeDue: r.acknowledge_due,
    respondDue: r.respond_due,
    acknowledgedOn: r.acknowledged_on,
    respondedOn: r.responded_on,
    outcome: r.outcome === null ? null : ZRequestOutcome.parse(r.outcome),
    responseNote: r.response_note,
    exportProducedAt: r.export_produced_at,
    status,
    overdue: status !== 'responded' && (respondLate || (status === 'awaiting_acknowledgement' && acknowledgeLate)),
    acknowledgeLate,
    respondLate,
    version: r.version,
    createdAt: r.created_at,
  };
}

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

/** A request received on a day: not after today. */
export async function createPrivacyRequest(db: Db, ctx: Ctx, input: CreatePrivacyRequestInput): Promise<PrivacyRequest> {
  const day = today(ctx);
  const id = await inTransaction(db, async (trx) => {
    const m = await repo.findMemberInScope(trx, ctx.actor, input.memberId);
    if (!m) throw new DomainError('NOT_FOUND');
    if (input.receivedOn > day) invalid({ path: 'receivedOn', code: 'date_in_future', params: { today: day } });
    const due = privacyRequestDueDates(input.receivedOn, await loadWorkingCalendar(trx));
    const at = ctx.now.toISOString();
    const id = await repo.insertRequest(trx, {
      member_id: m.id,
      person_id: m.person_id,
      kind: input.kind,
      received_on: input.receivedOn,
      requester_note: input.requesterNote,
      acknowledge_due: due.acknowledgeDue,
      respond_due: due.respondDue,
      acknowledged_on: null,
      acknowledged_by: null,
      responded_on: null,
      responded_by: null,
      outcome: null,
      response_note: null,
      export_produced_at: null,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'privacy.request.create',
      objectType: 'privacy_request',
      objectId: id,
      changedFields: ['memberId', 'kind', 'receivedOn', 'requesterNote', 'acknowledgeDue', 'respondDue'],
    });
    return id;
  });
  return presentRequest((await repo.findRequest(db, id))!, day);
}

export async function listPrivacyRequests(db: Db, ctx: Ctx, q: PrivacyRequestListQuery): Promise<PrivacyRequestList> {
  const day = today(ctx);
  const [page, summary] = await Promise.all([
    repo.listRequestsInScope(db, ctx.actor, { filter: q.status, today: day, page: q.page, pageSize: q.pageSize }),
    repo.summarizeRequestsInScope(db, ctx.actor, day),
  ]);
  return { items: page.rows.map((r) => presentRequest(r, day)), total: page.total, page: q.page, pageSize: q.pageSize, summary };
}

async function loadForChange(trx: Trx, ctx: Ctx, id: number, version: number): Promise<repo.RequestRow> {
  const r = await repo.findRequestInScope(trx, ctx.actor, id);
  if (!r) throw new DomainError('NOT_FOUND');
  if (r.version !== version) throw new DomainError('CONFLICT', { id, version: r.version });
  return r;
}

/** Acknowledged once, on a day between its receipt and today. */
export async function acknowledgePrivacyRequest(db: Db, ctx: Ctx, id: number, input: AcknowledgePrivacyRequestInput): Promise<PrivacyRequest> {
  const day = today(ctx);
  await inTransaction(db, async (trx) => {
    const r = await loadForChange(trx, ctx, id, input.version);
    if (r.acknowledged_on !== null) {
      throw new DomainError('CONFLICT', { id }, [{ path: 'acknowledgedOn', code: 'privacy_already_acknowledged', params: { date: r.acknowledged_on } }]);
    }
    if (input.acknowledgedOn > day) invalid({ path: 'acknowledgedOn', code: 'date_in_future', params: { today: day } });
    if (input.acknowledgedOn < r.received_on) invalid({ path: 'acknowledgedOn', code: 'privacy_before_received', params: { date: r.received_on } });
    const ok = await repo.updateRequestIfVersion(trx, id, input.version, {
      acknowledged_on: input.acknowledgedOn,
      acknowledged_by: ctx.actor.userId,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'privacy.request.acknowledge', objectType: 'privacy_request', objectId: id, changedFields: ['acknowledgedOn'] });
  });
  return presentRequest((await repo.findRequest(db, id))!, day);
}

/** The UTC instant at which a business day begins in Vietnam (UTC+7, no daylight saving). */
function startOfVietnamDay(date: IsoDate): string {
  return `${addDays(date, -1)}T17:00:00.000Z`;
}

/**
 * Answered once, after it was acknowledged, on a day between the acknowledgement and today. A refusal states its
 * reason. An access request answered (not refused) needs the export to have been produced since the request was
 * received: its time is recorded on the request.
 */
export async function respondPrivacyRequest(db: Db, ctx: Ctx, id: number, input: RespondPrivacyRequestInput): Promise<PrivacyRequest> {
  const day = today(ctx);
  await inTransaction(db, async (trx) => {
    const r = await loadForChange(trx, ctx, id, input.version);
    if (r.responded_on !== null) {
      throw new DomainError('CONFLICT', { id }, [{ path: 'respondedOn', code: 'privacy_already_responded', params: { date: r.responded_on } }]);
    }
    if (r.acknowledged_on === null) invalid({ path: 'respondedOn', code: 'privacy_not_acknowledged' });
    const issues: FieldIssue[] = [];
    if (input.respondedOn > day) issues.push({ path: 'respondedOn', code: 'date_in_future', params: { today: day } });
    else if (input.respondedOn < r.acknowledged_on) issues.push({ path: 'respondedOn', code: 'privacy_before_acknowledged', params: { date: r.acknowledged_on } });
    if (input.outcome === 'refused' && input.responseNote === null) issues.push({ path: 'responseNote', code: 'privacy_refusal_reason_required' });
    let exportedAt: string | null = null;
    if (r.kind === 'access' && input.outcome !== 'refused') {
      const produced = await repo.findExportSince(trx, r.member_id, startOfVietnamDay(r.received_on));
      if (!produced) issues.push({ path: 'outcome', code: 'privacy_export_not_produced', params: { since: r.received_on } });
      else exportedAt = produced.at;
    }
    if (issues.length) invalid(...issues);
    const ok = await repo.updateRequestIfVersion(trx, id, input.version, {
      responded_on: input.respondedOn,
      responded_by: ctx.actor.userId,
      outcome: input.outcome,
      response_note: input.responseNote,
      export_produced_at: exportedAt,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, {
      action: 'privacy.request.respond',
      objectType: 'privacy_request',
      objectId: id,
      changedFields: ['respondedOn', 'outcome', 'responseNote', ...(exportedAt ? ['exportProducedAt'] : [])],
    });
  });
  return presentRequest((await repo.findRequest(db, id))!, day);
}
