import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  type AttendanceStatus,
  type CellMeetings,
  type ComplianceQuery,
  type ComplianceView,
  type CreateMeetingInput,
  type MeetingDetail,
  type MeetingSummary,
  MINUTES_FILE_MAX_BYTES,
  type PlanMeetingsInput,
  type SaveAttendanceInput,
  type UpdateMeetingInput,
  ZAttendanceStatus,
  ZExpectation,
  ZMeetingKind,
  ZMeetingStatus,
} from '../../../common/contracts/meetings.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { formatIsoDate, parseIsoDate, todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import { lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { loadExemptionFacts } from '../exemptions/exemption-facts.ts';
import * as cells from './cells.repo.ts';
import { buildSheet, cellCompliance, countHeld, judgedMonths } from './meetings.rules.ts';
import * as repo from './meetings.repo.ts';
import { safeMinutesFileName, sniffMinutesType } from './minutes-file.ts';
import { temporaryTransfersOf } from './temporary-transfers.ts';

export type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

/** One transaction per change, the audit-chain lock first (house pattern: organizations.service.ts). */
export function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockAuditChain(trx);
    return work(trx);
  });
}

/**
 * A cell (member-holding organization) in the actor's subtree: NOT_FOUND outside it (no bytes of it), and a field
 * error when the organization holds no members (meetings, assignments and exemptions belong to cells).
 */
export async function loadCell(db: Kysely<Database>, actor: Actor, id: number): Promise<cells.ScopedOrganization> {
  const org = await cells.findOrganizationInScope(db, actor, id);
  if (!org) throw new DomainError('NOT_FOUND');
  if (!cells.isCellKind(org.kind)) invalid({ path: 'organizationId', code: 'not_a_cell', params: { kind: org.kind } });
  return org;
}

const cellRef = (o: { id: number; name: string; kind: string; valid_from: string; valid_to: string | null }) => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  validFrom: o.valid_from,
  validTo: o.valid_to,
});

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

function summaryOf(
  m: repo.MeetingRow & { has_file?: number | null; file_name?: string | null },
  counts: Map<number, { expected: number; present: number; absentWithReason: number; absentWithoutReason: number }>,
): MeetingSummary {
  return {
    id: m.id,
    organizationId: m.organization_id,
    kind: ZMeetingKind.parse(m.kind),
    status: ZMeetingStatus.parse(m.status),
    date: m.meeting_date,
    plannedOn: m.planned_on,
    topic: m.topic,
    chair: m.chair,
    attendance: m.attendance_recorded_at === null ? null : (counts.get(m.id) ?? { expected: 0, present: 0, absentWithReason: 0, absentWithoutReason: 0 }),
    hasMinutesFile: Number(m.has_file ?? 0) === 1 || (m.file_name ?? null) !== null,
    version: m.version,
  };
}

async function countsOf(db: Kysely<Database>, ids: number[]) {
  const rows = await repo.countAttendance(db, ids);
  return new Map(
    rows.map((r) => [
      r.meeting_id,
      {
        expected: Number(r.expected),
        present: Number(r.present),
        absentWithReason: Number(r.absent_with_reason),
        absentWithoutReason: Number(r.absent_without_reason),
      },
    ]),
  );
}

// ---------------------------------------------------------------- reads

/** A cell's meetings of a year and its R-MGT-03 compliance (months without a regular meeting, quarters without a thematic one). */
export async function listCellMeetings(db: Db, ctx: Ctx, cellId: number, year?: number): Promise<CellMeetings> {
  const cell = await loadCell(db, ctx.actor, cellId);
  const today = todayInVietnam(ctx.now);
  const y = year ?? parseIsoDate(today).y;
  const { from, to } = yearRange(y);
  const rows = await repo.listMeetingsOfCell(db, cellId, from, to);
  const counts = await countsOf(
    db,
    rows.filter((r) => r.attendance_recorded_at !== null).map((r) => r.id),
  );
  const held = rows.filter((r) => r.status === 'held').map((r) => ({ date: r.meeting_date, kind: ZMeetingKind.parse(r.kind) }));
  const compliance = cellCompliance(y, countHeld(y, held), judgedMonths(y, today, cell.valid_from, cell.valid_to));
  return { cell: cellRef(cell), year: y, meetings: rows.map((r) => summaryOf(r, counts)), compliance: { year: y, ...compliance } };
}

async function detailOf(db: Kysely<Database>, m: repo.ScopedMeeting): Promise<MeetingDetail> {
  const [current, recorded] = await Promise.all([cells.listActiveCellMembers(db, m.organization_id), repo.listAttendanceOfMeeting(db, m.id)]);
  const ids = [...new Set([...current.map((c) => c.id), ...recorded.map((r) => r.member_id)])];
  const [exemptions, transfers] = await Promise.all([loadExemptionFacts(db, ids, 'activities'), temporaryTransfersOf(db, ids)]);
  const sheet = buildSheet(
    m.meeting_date,
    current.map((c) => ({
      memberId: c.id,
      fullName: c.full_name,
      birthDate: c.birth_date,
      memberStatus: c.status,
      sortKey: c.sort_key,
      admissionDate: c.admission_decision_date,
    })),
    recorded.map((r) => ({
      memberId: r.member_id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      memberStatus: r.member_status,
      sortKey: r.sort_key,
      status: r.status,
      reason: r.reason,
    })),
    exemptions,
    transfers,
  );
  const counts = await countsOf(db, [m.id]);
  return {
    ...summaryOf(m, counts),
    organization: {
      id: m.organization_id,
      name: m.organization_name,
      kind: m.organization_kind,
      validFrom: m.organization_valid_from,
      validTo: m.organization_valid_to,
    },
    minuteTaker: m.minute_taker,
    minutes: m.minutes,
    resolutions: m.resolutions,
    attendanceRecordedAt: m.attendance_recorded_at,
    minutesFile:
      m.file_name === null || m.mime_type === null
        ? null
        : { fileName: m.file_name, mimeType: m.mime_type, sizeBytes: Number(m.size_bytes ?? 0), uploadedAt: m.uploaded_at ?? '' },
    sheet: sheet.map((s) => ({
      ...s,
      expectation: ZExpectation.parse(s.expectation),
      status: s.status === null ? null : ZAttendanceStatus.parse(s.status),
    })),
  };
}

async function loadMeeting(db: Kysely<Database>, actor: Actor, id: number): Promise<repo.ScopedMeeting> {
  const m = await repo.findMeetingInScope(db, actor, id);
  if (!m) throw new DomainError('NOT_FOUND');
  return m;
}

/** One meeting with its attendance sheet: every member of the cell, expected or not. */
export async function getMeeting(db: Db, ctx: Ctx, id: number): Promise<MeetingDetail> {
  return detailOf(db, await loadMeeting(db, ctx.actor, id));
}

// ---------------------------------------------------------------- changes

/** A meeting's date lies within the cell's life; a meeting recorded as held is not in the future. */
function checkMeeting(input: { status: string; date: string }, cell: { valid_from: string; valid_to: string | null }, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.date < cell.valid_from || (cell.valid_to !== null && input.date >= cell.valid_to)) {
    issues.push({ path: 'date', code: 'outside_cell_lifetime', params: { validFrom: cell.valid_from, validTo: cell.valid_to } });
  }
  if (input.status === 'held' && input.date > today) issues.push({ path: 'date', code: 'held_in_future', params: { today } });
  return issues;
}

export async function createMeeting(db: Db, ctx: Ctx, cellId: number, input: CreateMeetingInput): Promise<MeetingDetail> {
  const id = await inTransaction(db, async (trx) => {
    const cell = await loadCell(trx, ctx.actor, cellId);
    const issues = checkMeeting(input, cell, todayInVietnam(ctx.now));
    if (issues.length) invalid(...issues);
    const at = ctx.now.toISOString();
    const id = await repo.insertMeeting(trx, {
      organization_id: cell.id,
      kind: input.kind,
      status: input.status,
      meeting_date: input.date,
      planned_on: input.status === 'planned' ? input.date : null,
      topic: input.topic,
      chair: input.chair,
      minute_taker: input.minuteTaker,
      minutes: input.minutes,
      resolutions: input.resolutions,
      attendance_recorded_at: null,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'meeting.create',
      objectType: 'meeting',
      objectId: id,
      changedFields: ['organizationId', 'kind', 'status', 'date', 'topic', 'chair', 'minuteTaker', 'minutes', 'resolutions'],
    });
    return id;
  });
  return getMeeting(db, ctx, id);
}

/**
 * R-MGT-03: plans a year for the cell: a regular meeting each month on `regularDay`, a thematic one each quarter in the
 * month named for it. Months (quarters) that already have a meeting of the kind that is not cancelled are skipped, as
 * are days outside the cell's life, so planning twice changes nothing.
 */
export async function planMeetings(db: Db, ctx: Ctx, cellId: number, input: PlanMeetingsInput) {
  const ids = await inTransaction(db, async (trx) => {
    const cell = await loadCell(trx, ctx.actor, cellId);
    const issues: FieldIssue[] = [];
    input.thematicMonths.forEach((m, i) => {
      if (Math.floor((m - 1) / 3) !== i) issues.push({ path: `thematicMonths.${i}`, code: 'not_in_quarter', params: { quarter: i + 1 } });
    });
    if (issues.length) invalid(...issues);
    const { from, to } = yearRange(input.year);
    const live = await repo.listLiveMeetings(trx, cell.id, from, to);
    const hasRegular = new Set(live.filter((m) => m.kind === 'regular').map((m) => parseIsoDate(m.meeting_date).m));
    const hasThematic = new Set(live.filter((m) => m.kind === 'thematic').map((m) => Math.ceil(parseIsoDate(m.meeting_date).m / 3)));
    const inLife = (d: string) => d >= cell.valid_from && (cell.valid_to === null || d < cell.valid_to);
    const at = ctx.now.toISOString();
    const row = (kind: 'regular' | 'thematic', date: string, topic: string | null) => ({
      organization_id: cell.id,
      kind,
      status: 'planned',
      meeting_date: date,
      planned_on: date,
      topic,
      chair: null,
      minute_taker: null,
      minutes: null,
      resolutions: null,
      attendance_recorded_at: null,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    const rows = [];
    let skipped = 0;
    for (let m = 1; m <= 12; m++) {
      const date = formatIsoDate(input.year, m, input.regularDay);
      if (hasRegular.has(m) || !inLife(date)) skipped++;
      else rows.push(row('regular', date, null));
    }
    input.thematicMonths.forEach((m, i) => {
      const date = formatIsoDate(input.year, m, input.thematicDay ?? input.regularDay);
      if (hasThematic.has(i + 1) || !inLife(date)) skipped++;
      else rows.push(row('thematic', date, input.thematicTopics[i] ?? null));
    });
    const created = await repo.insertMeetings(trx, rows);
    await appendAudit(trx, ctx, {
      action: 'meeting.plan',
      objectType: 'organization',
      objectId: cell.id,
      changedFields: ['meetings'],
    });
    return { created, skipped };
  });
  const view = await listCellMeetings(db, ctx, cellId, input.year);
  const createdIds = new Set(ids.created);
  return { created: ids.created.length, skipped: ids.skipped, meetings: view.meetings.filter((m) => createdIds.has(m.id)) };
}

const MEETING_FIELDS: [keyof UpdateMeetingInput, keyof repo.MeetingRow][] = [
  ['kind', 'kind'],
  ['status', 'status'],
  ['date', 'meeting_date'],
  ['topic', 'topic'],
  ['chair', 'chair'],
  ['minuteTaker', 'minute_taker'],
  ['minutes', 'minutes'],
  ['resolutions', 'resolutions'],
];

export async function updateMeeting(db: Db, ctx: Ctx, id: number, input: UpdateMeetingInput): Promise<MeetingDetail> {
  await inTransaction(db, async (trx) => {
    const m = await loadMeeting(trx, ctx.actor, id);
    if (m.version !== input.version) throw new DomainError('CONFLICT', { id, version: m.version });
    const issues = checkMeeting(input, { valid_from: m.organization_valid_from, valid_to: m.organization_valid_to }, todayInVietnam(ctx.now));
    // Attendance belongs to a meeting that took place: it cannot go back to planned or cancelled once taken.
    if (m.attendance_recorded_at !== null && input.status !== 'held') issues.push({ path: 'status', code: 'attendance_recorded' });
    if (issues.length) invalid(...issues);
    const changed = MEETING_FIELDS.filter(([k, col]) => input[k] !== m[col]).map(([k]) => k);
    const ok = await repo.updateMeetingIfVersion(trx, id, input.version, {
      kind: input.kind,
      status: input.status,
      meeting_date: input.date,
      topic: input.topic,
      chair: input.chair,
      minute_taker: input.minuteTaker,
      minutes: input.minutes,
      resolutions: input.resolutions,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    // Who was expected depends on the day: a new date re-judges the stored sheet.
    if (input.date !== m.meeting_date && m.attendance_recorded_at !== null) await rejudgeSheet(trx, id, input.date);
    await appendAudit(trx, ctx, { action: 'meeting.update', objectType: 'meeting', objectId: id, changedFields: changed });
  });
  return getMeeting(db, ctx, id);
}

async function rejudgeSheet(trx: Trx, meetingId: number, date: string) {
  const rows = await repo.listAttendanceOfMeeting(trx, meetingId);
  const ids = rows.map((r) => r.member_id);
  const [exemptions, transfers] = await Promise.all([loadExemptionFacts(trx, ids, 'activities'), temporaryTransfersOf(trx, ids)]);
  const sheet = buildSheet(date, [], rows.map((r) => ({ memberId: r.member_id, fullName: r.full_name, birthDate: r.birth_date, memberStatus: r.member_status, sortKey: r.sort_key, status: r.status, reason: r.reason })), exemptions, transfers);
  for (const s of sheet) await repo.setAttendanceExpectation(trx, meetingId, s.memberId, s.expected ? 1 : 0, s.expectation);
}

/**
 * The whole cell's attendance in one save (the secretary records for members without a smartphone): every expected
 * member gets a status, an excused absence names its reason, and only people on the meeting's sheet may be recorded.
 */
export async function saveAttendance(db: Db, ctx: Ctx, id: number, input: SaveAttendanceInput): Promise<MeetingDetail> {
  await inTransaction(db, async (trx) => {
    const m = await loadMeeting(trx, ctx.actor, id);
    if (m.version !== input.version) throw new DomainError('CONFLICT', { id, version: m.version });
    if (m.status !== 'held') invalid({ path: 'status', code: 'meeting_not_held', params: { status: m.status } });
    const sheet = (await detailOf(trx, m)).sheet;
    const onSheet = new Map(sheet.map((s) => [s.memberId, s]));
    const issues: FieldIssue[] = [];
    const seen = new Set<number>();
    input.entries.forEach((e, i) => {
      if (!onSheet.has(e.memberId)) issues.push({ path: `entries.${i}.memberId`, code: 'not_in_cell', params: { memberId: e.memberId } });
      else if (seen.has(e.memberId)) issues.push({ path: `entries.${i}.memberId`, code: 'duplicate', params: { memberId: e.memberId } });
      seen.add(e.memberId);
      if (e.status === 'absent_with_reason' && !e.reason) issues.push({ path: `entries.${i}.reason`, code: 'reason_required', params: { memberId: e.memberId } });
    });
    const missing = sheet.filter((s) => s.expected && !seen.has(s.memberId)).map((s) => s.memberId);
    if (missing.length) issues.push({ path: 'entries', code: 'attendance_incomplete', params: { memberIds: missing, count: missing.length } });
    if (issues.length) invalid(...issues);

    const at = ctx.now.toISOString();
    await repo.replaceAttendance(
      trx,
      id,
      input.entries.map((e) => {
        const s = onSheet.get(e.memberId)!;
        return {
          meeting_id: id,
          member_id: e.memberId,
          status: e.status satisfies AttendanceStatus,
          // A reason is kept for absences only: "present, because …" means nothing.
          reason: e.status === 'present' ? null : e.reason,
          expected: s.expected ? 1 : 0,
          expectation: s.expectation,
          recorded_by: ctx.actor.userId,
          recorded_at: at,
        };
      }),
    );
    const ok = await repo.updateMeetingIfVersion(trx, id, input.version, { attendance_recorded_at: at, updated_at: at });
    if (!ok) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'meeting.attendance', objectType: 'meeting', objectId: id, changedFields: ['attendance'] });
  });
  return getMeeting(db, ctx, id);
}

/** An uploaded file as the route read it; null when the request carried none. */
export type UploadedFile = { fileName: string | undefined; data: Buffer } | null;

/**
 * The scanned minutes (PDF, JPEG or PNG by their first bytes, ≤ 10 MB); a new upload replaces the previous one. The
 * meeting is looked up (404 outside scope) before the upload is read, and the upload is read before the transaction,
 * so a slow client never holds the write lock.
 */
export async function uploadMinutesFile(db: Db, ctx: Ctx, id: number, version: number, readFile: () => Promise<UploadedFile>): Promise<MeetingDetail> {
  await loadMeeting(db, ctx.actor, id);
  const file = await readFile();
  if (!file || file.data.length === 0) invalid({ path: 'file', code: 'file_required' });
  if (file.data.length > MINUTES_FILE_MAX_BYTES) invalid({ path: 'file', code: 'file_too_large', params: { maxBytes: MINUTES_FILE_MAX_BYTES } });
  const type = sniffMinutesType(file.data);
  if (!type) invalid({ path: 'file', code: 'file_type_not_allowed', params: { allowed: 'PDF, JPEG, PNG' } });
  await inTransaction(db, async (trx) => {
    const m = await loadMeeting(trx, ctx.actor, id);
    if (m.version !== version) throw new DomainError('CONFLICT', { id, version: m.version });
    const at = ctx.now.toISOString();
    await repo.putMinutesFile(trx, {
      meeting_id: id,
      file_name: safeMinutesFileName(file.fileName, type),
      mime_type: type,
      size_bytes: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      content_base64: file.data.toString('base64'),
      uploaded_by: ctx.actor.userId,
      uploaded_at: at,
    });
    if (!(await repo.updateMeetingIfVersion(trx, id, version, { updated_at: at }))) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'meeting.minutes_file', objectType: 'meeting', objectId: id, changedFields: ['minutesFile'] });
  });
  return getMeeting(db, ctx, id);
}

export async function getMinutesFile(db: Db, ctx: Ctx, id: number) {
  await loadMeeting(db, ctx.actor, id);
  const f = await repo.findMinutesFile(db, id);
  if (!f) throw new DomainError('NOT_FOUND');
  return { fileName: f.file_name, mimeType: f.mime_type, data: Buffer.from(f.content_base64, 'base64') };
}

// ---------------------------------------------------------------- the organization above

/**
 * R-MGT-03 for every cell under an organization, for a year: one query for the cells, ONE aggregate query for their
 * held meetings (per cell, month and kind), then the pure rule per cell in memory. Totals cover the whole subtree;
 * rows come a page at a time, in tree order, optionally only the cells with a gap.
 */
export async function getComplianceView(db: Db, ctx: Ctx, organizationId: number, query: ComplianceQuery): Promise<ComplianceView> {
  const org = await cells.findOrganizationInScope(db, ctx.actor, organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const today = todayInVietnam(ctx.now);
  const year = query.year ?? parseIsoDate(today).y;
  const { from, to } = yearRange(year);
  const [cellRows, counts] = await Promise.all([
    cells.listCellsOfSubtree(db, org.path, from, to),
    repo.countHeldMeetingsOfSubtree(db, org.path, from, to),
  ]);
  const MONTH_KEYS = ['r01', 'r02', 'r03', 'r04', 'r05', 'r06', 'r07', 'r08', 'r09', 'r10', 'r11', 'r12'] as const;
  const byCell = new Map(
    counts.map((c) => [
      c.organization_id,
      { regularByMonth: MONTH_KEYS.map((k) => Number(c[k] ?? 0)), thematicByQuarter: [c.t1, c.t2, c.t3, c.t4].map((n) => Number(n ?? 0)) },
    ]),
  );
  const none = { regularByMonth: Array.from({ length: 12 }, () => 0), thematicByQuarter: [0, 0, 0, 0] };
  // Cells of a subtree mostly share a handful of patterns (all held, one month missed …): judge each pattern once.
  const judged = new Map<string, ReturnType<typeof cellCompliance>>();
  const rows = cellRows.map((c) => {
    const held = byCell.get(c.id) ?? none;
    const window = judgedMonths(year, today, c.valid_from, c.valid_to);
    const key = `${held.regularByMonth.join(',')}|${held.thematicByQuarter.join(',')}|${window.fromMonth}|${window.upToMonth}`;
    let facts = judged.get(key);
    if (!facts) judged.set(key, (facts = cellCompliance(year, held, window)));
    return { cell: { id: c.id, name: c.name, kind: c.kind, parentName: c.parent_name ?? null }, ...facts };
  });
  const withGaps = rows.filter((r) => r.missingMonths.length + r.missingQuarters.length > 0);
  const listed = query.gapsOnly ? withGaps : rows;
  const start = (query.page - 1) * query.pageSize;
  return {
    organization: { id: org.id, name: org.name, kind: org.kind },
    year,
    upToMonth: judgedMonths(year, today, '0001-01-01', null).upToMonth,
    totals: {
      cells: rows.length,
      cellsWithGaps: withGaps.length,
      missingMonths: rows.reduce((s, r) => s + r.missingMonths.length, 0),
      missingQuarters: rows.reduce((s, r) => s + r.missingQuarters.length, 0),
    },
    total: listed.length,
    page: query.page,
    pageSize: query.pageSize,
    items: listed.slice(start, start + query.pageSize),
  };
}
