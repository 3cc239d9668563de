import type { Insertable, Kysely } from 'kysely';
import {
  type Flag,
  type FlagList,
  type FlagListQuery,
  type Oversight,
  type OversightRow,
  type ReviewFlagInput,
  type ScreeningReport,
  type ScreeningRun,
  type ScreeningRunList,
  type StartScreeningRunInput,
  ZFlagDecision,
  ZFlagEvidence,
  ZFlagKind,
  ZFlagRuleId,
} from '../../../common/contracts/screening.contract.ts';
import { DomainError } from '../../../common/errors.ts';
import { FLAG_REVIEW_PARAMS, GRADING_RULE_SETS, NOT_COMPLETED_PARAMS, type FlagReviewParams, type NotCompletedParams } from '../../../common/rules/grading-rule-sets.ts';
import { todayInVietnam, type IsoDate } from '../../../common/rules/iso-date.ts';
import { decideFlagReview, reviewDueOn, type FlagReviewDecision, type StruckOffGround } from '../../../common/rules/removal-rules.ts';
import { paramsInForce } from '../../../common/rules/rule-check.ts';
import {
  FLAG_KINDS,
  FLAG_RULE_IDS,
  memberScreener,
  reconcileFlags,
  screeningCutoff,
  screeningParamsInForce,
  type Flag as EngineFlag,
  type FlagKind,
} from '../../../common/rules/screening-engine.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { ScreeningFlagsTable } from '../../db/migrations/0010-screening-removal.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar.ts';
import { getReport as gradingReport } from '../grading/grading.service.ts';
import { createReferralIn, openCaseIn } from '../removal/removal.service.ts';
import * as removalRepo from '../removal/removal.repo.ts';
import { loadChunkFacts, loadDuesRules, makeExpectedCache, planChunks } from './screening.facts.ts';
import * as repo from './screening.repo.ts';

// Screening runs, the open review of flags and the oversight of the organization above (issue 5 items 2, 3, 5;
// Kế hoạch 99-KH/HU II.4: "kịp thời phát hiện và kiên quyết đưa những đảng viên không còn đủ tư cách ra khỏi Đảng";
// "khắc phục triệt để tình trạng dễ dãi, nể nang, né tránh"). A run screens a subtree chunk by chunk (one set-based
// load per chunk, the pure engine, reconcile against the stored flags by key), records its progress, and never closes
// a flag: only a review (R-RMV-07) does, and a flag left unreviewed rises to the organization above.

export type Ctx = RequestContext & { actor: Actor };
type Q = Kysely<Database>;

const today = (ctx: Pick<RequestContext, 'now'>) => todayInVietnam(ctx.now);
/** A run silent for this long was interrupted (the process stopped): it is marked failed and may be started again. */
const STALE_RUN_MS = 10 * 60 * 1000;
const FLAG_INSERT_BATCH = 200;
const KEY_QUERY_BATCH = 500;

/** R-RMV-07: the review window in force on the day a flag is raised (30 days, U: configurable as a rule-set version). */
export function reviewDaysOn(date: IsoDate): number {
  try {
    return paramsInForce<FlagReviewParams>(GRADING_RULE_SETS, 'R-RMV-07', date).flagReviewDays;
  } catch {
    return FLAG_REVIEW_PARAMS.flagReviewDays;
  }
}

// ---------------------------------------------------------------- runs

function presentRun(r: repo.RunRow): ScreeningRun {
  return {
    id: r.id,
    organization: { id: r.organization_id, name: r.organization_name },
    year: r.year,
    asOf: r.as_of,
    trigger: r.trigger === 'scheduled' ? 'scheduled' : 'manual',
    startedBy: r.started_by_name ?? null,
    startedAt: r.started_at,
    heartbeatAt: r.heartbeat_at,
    finishedAt: r.finished_at,
    status: r.status === 'succeeded' || r.status === 'failed' ? r.status : 'running',
    membersTotal: r.members_total,
    membersDone: r.members_done,
    flagsFound: r.flags_found,
    flagsNew: r.flags_new,
    flagsUnchanged: r.flags_unchanged,
    flagsAlreadyDecided: r.flags_already_decided,
    errorCode: r.error_code,
  };
}

export interface RunRequest {
  organizationId: number;
  path: string;
  year: number;
  asOf: IsoDate;
  trigger: 'manual' | 'scheduled';
  startedBy: number | null;
}

export interface RunOutcome {
  runId: number;
  membersTotal: number;
  flagsFound: number;
  flagsNew: number;
  flagsUnchanged: number;
  flagsAlreadyDecided: number;
}

/** Creates the run row (status running); the work is done by executeRun. */
export async function createRun(db: Db, r: RunRequest, now: Date): Promise<number> {
  const at = now.toISOString();
  return repo.insertRun(db, {
    organization_id: r.organizationId,
    year: r.year,
    as_of: r.asOf,
    trigger: r.trigger,
    started_by: r.startedBy,
    started_at: at,
    heartbeat_at: at,
    finished_at: null,
    status: 'running',
    members_total: 0,
    members_done: 0,
    flags_found: 0,
    flags_new: 0,
    flags_unchanged: 0,
    flags_already_decided: 0,
    error_code: null,
  });
}

/**
 * The run itself (R-RMV-01, -02, -06 through common/rules/screening-engine.ts): chunk by chunk, load the facts in one
 * set-based pass, screen, reconcile with the stored flags by key (reconcileFlags: a key already open stays as first
 * raised, a key already decided is not raised again, nothing is closed), insert the new flags and record progress.
 * `clock` stamps the progress and the finish (the run's own business day is r.asOf).
 */
export async function executeRun(db: Db, runId: number, r: RunRequest, clock: () => Date = () => new Date()): Promise<RunOutcome> {
  const cutoff = screeningCutoff(r.year, r.asOf);
  const params = screeningParamsInForce(GRADING_RULE_SETS, cutoff);
  const reviewDays = reviewDaysOn(r.asOf);
  const dueOn = reviewDueOn({ key: '', raisedOn: r.asOf, closedOn: null }, reviewDays);
  const [dues, calendar, plan] = await Promise.all([loadDuesRules(db), loadWorkingCalendar(db), planChunks(db, r.path)]);
  const cache = makeExpectedCache(dues, r.year, cutoff);
  const screen = memberScreener(r.year, params, r.asOf);
  const totals = { membersTotal: plan.total, flagsFound: 0, flagsNew: 0, flagsUnchanged: 0, flagsAlreadyDecided: 0 };
  let done = 0;
  for (const [index, chunk] of plan.chunks.entries()) {
    const isLast = index === plan.chunks.length - 1;
    const flags: EngineFlag[] = [];
    const members = await loadChunkFacts(db, chunk, plan.organizations, { year: r.year, cutoff, params, dues, calendar }, cache, (facts) => screen(facts, flags));
    const existing = await storedKeys(db, flags.map((f) => f.key));
    const rec = reconcileFlags(existing.open, flags, existing.decided);
    const at = clock().toISOString();
    const rows: Insertable<ScreeningFlagsTable>[] = rec.toInsert.map((f) => ({
      key: f.key,
      member_id: f.memberId,
      organization_id: organizationOf(members, f.memberId),
      rule_id: f.ruleId,
      kind: f.kind,
      period: f.period,
      year: r.year,
      evidence: JSON.stringify(f.evidence),
      raised_on: r.asOf,
      run_id: runId,
      review_due_on: dueOn,
      created_at: at,
    }));
    done += members.length;
    // Read by id ranges, the total was an estimate: it is corrected as the run goes, and is exact at the end.
    if (done > totals.membersTotal || isLast) totals.membersTotal = done;
    // The chunk's flags and the run's progress (its end, after the last chunk) are written together: one commit a chunk.
    const at2 = clock().toISOString();
    const inserted = await db.transaction().execute(async (trx) => {
      let n = 0;
      for (let i = 0; i < rows.length; i += FLAG_INSERT_BATCH) n += await repo.insertFlags(trx, rows.slice(i, i + FLAG_INSERT_BATCH));
      await repo.updateRun(trx, runId, {
        ...(isLast ? { status: 'succeeded', finished_at: at2 } : {}),
        members_total: totals.membersTotal,
        members_done: done,
        flags_found: totals.flagsFound + flags.length,
        flags_new: totals.flagsNew + n,
        flags_unchanged: totals.flagsUnchanged + rec.unchanged.length + (rec.toInsert.length - n),
        flags_already_decided: totals.flagsAlreadyDecided + rec.alreadyDecided.length,
        heartbeat_at: at2,
      });
      return n;
    });
    totals.flagsFound += flags.length;
    totals.flagsNew += inserted;
    // A key written meanwhile by a concurrent run is not new to this one: it counts as already open.
    totals.flagsUnchanged += rec.unchanged.length + (rec.toInsert.length - inserted);
    totals.flagsAlreadyDecided += rec.alreadyDecided.length;
  }
  if (plan.chunks.length === 0) {
    const finished = clock().toISOString();
    totals.membersTotal = 0;
    await repo.updateRun(db, runId, { status: 'succeeded', members_total: 0, members_done: 0, finished_at: finished, heartbeat_at: finished });
  }
  return { runId, ...totals };
}

/** The cell of a screened member (the chunk's members are in id order; only flagged members are looked up). */
function organizationOf(members: readonly { id: number; organization_id: number }[], memberId: number): number {
  let lo = 0;
  let hi = members.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = members[mid].id;
    if (id === memberId) return members[mid].organization_id;
    if (id < memberId) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`member ${memberId} was not screened in this chunk`);
}

/** The stored flags among `keys`: open ones and closed (decided) ones. */
async function storedKeys(db: Q, keys: readonly string[]): Promise<{ open: string[]; decided: string[] }> {
  const open: string[] = [];
  const decided: string[] = [];
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += KEY_QUERY_BATCH) {
    for (const row of await repo.findFlagsByKeys(db, unique.slice(i, i + KEY_QUERY_BATCH))) (row.review_id === null ? open : decided).push(row.key);
  }
  return { open, decided };
}

async function failRun(db: Db, runId: number, err: unknown, clock: () => Date): Promise<void> {
  const code = err instanceof DomainError ? err.code : ((err as { code?: unknown })?.code ? String((err as { code: unknown }).code) : ((err as Error)?.name ?? 'UNKNOWN'));
  const at = clock().toISOString();
  await repo.updateRun(db, runId, { status: 'failed', finished_at: at, heartbeat_at: at, error_code: code.slice(0, 80) });
}

/** Runs to the end (the scheduled run, the CLI, the benchmark): the run row records it like an on-demand run. */
export async function runScreening(db: Db, r: RunRequest, now: Date, clock: () => Date = () => new Date()): Promise<RunOutcome> {
  const runId = await createRun(db, r, now);
  try {
    return await executeRun(db, runId, r, clock);
  } catch (err) {
    await failRun(db, runId, err, clock);
    throw err;
  }
}

/** In-flight on-demand runs of this process (tests and a graceful shutdown may wait for them). */
const inFlight = new Set<Promise<unknown>>();
export function runsInFlight(): Promise<unknown> {
  return Promise.allSettled([...inFlight]);
}

/**
 * POST /api/screening/runs: starts a run over the organization's subtree and answers at once; the work goes on in
 * the background, recording its progress on the run row, which the page polls. One run at a time per organization
 * and year (a second start answers CONFLICT with the running one); a run silent for 10 minutes was interrupted.
 */
export async function startRun(db: Db, ctx: Ctx, input: StartScreeningRunInput): Promise<ScreeningRun> {
  const org = await repo.findOrganizationInScope(db, ctx.actor, input.organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const day = today(ctx);
  if (input.year > Number(day.slice(0, 4))) throw new DomainError('VALIDATION', {}, [{ path: 'year', code: 'year_not_begun' }]);
  const running = await repo.findRunningRun(db, org.id, input.year);
  if (running) {
    if (ctx.now.getTime() - Date.parse(running.heartbeat_at) < STALE_RUN_MS) throw new DomainError('CONFLICT', { runId: running.id });
    await repo.updateRun(db, running.id, { status: 'failed', error_code: 'INTERRUPTED', finished_at: ctx.now.toISOString() });
  }
  const request: RunRequest = { organizationId: org.id, path: org.path, year: input.year, asOf: day, trigger: 'manual', startedBy: ctx.actor.userId };
  const runId = await createRun(db, request, ctx.now);
  await appendAuditAlone(db, ctx, { action: 'screening.run', objectType: 'screening_run', objectId: runId });
  // The request's clock stamps progress: a fixed clock in tests keeps the run's instants deterministic.
  const clock = () => new Date(Math.max(Date.now(), ctx.now.getTime()));
  const work = executeRun(db, runId, request, clock)
    .catch((err) => failRun(db, runId, err, clock))
    .catch(() => undefined)
    .finally(() => inFlight.delete(work));
  inFlight.add(work);
  return getRun(db, ctx, runId);
}

export async function getRun(db: Db, ctx: Ctx, id: number): Promise<ScreeningRun> {
  const r = await repo.findRunInScope(db, ctx.actor, id);
  if (!r) throw new DomainError('NOT_FOUND');
  return presentRun(r);
}

export async function listRuns(db: Db, ctx: Ctx, q: { organizationId: number; year: number }): Promise<ScreeningRunList> {
  const org = await repo.findOrganizationInScope(db, ctx.actor, q.organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  return { items: (await repo.listRuns(db, org.id, q.year)).map(presentRun) };
}

// ---------------------------------------------------------------- flags

function parseEvidence(text: string) {
  try {
    const r = ZFlagEvidence.safeParse(JSON.parse(text));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

async function presentFlags(db: Q, rows: readonly repo.FlagRow[], day: IsoDate): Promise<Flag[]> {
  const evidence = rows.map((r) => parseEvidence(r.evidence));
  const meetingIds = [...new Set(evidence.flatMap((e) => e.meetingIds ?? []))];
  const transferIds = [...new Set(evidence.flatMap((e) => (e.transferId ? [e.transferId] : [])))];
  const violationIds = [...new Set(evidence.flatMap((e) => e.violationRecordIds ?? []))];
  const frontIds = [...new Set(evidence.flatMap((e) => e.frontOpinionIds ?? []))];
  const [meetings, transfers, violations, fronts] = await Promise.all([
    repo.findMeetings(db, meetingIds),
    repo.findTransfers(db, transferIds),
    repo.findViolationRecords(db, violationIds),
    repo.findFrontOpinions(db, frontIds),
  ]);
  const meetingOf = new Map(meetings.map((m) => [m.id, m]));
  const transferOf = new Map(transfers.map((t) => [t.id, t]));
  const violationOf = new Map(violations.map((v) => [v.id, v]));
  const frontOf = new Map(fronts.map((f) => [f.id, f]));
  return rows.map((r, i) => {
    const e = evidence[i];
    const t = e.transferId ? transferOf.get(e.transferId) : undefined;
    const open = r.review_id === null;
    return {
      id: r.id,
      key: r.key,
      ruleId: ZFlagRuleId.parse(r.rule_id),
      kind: ZFlagKind.parse(r.kind),
      period: r.period,
      year: r.year,
      member: { id: r.member_id, fullName: r.full_name, birthDate: r.birth_date, status: r.member_status },
      organization: { id: r.owner_id, name: r.organization_name },
      raisedBy: r.owner_id === r.organization_id ? null : { id: r.organization_id, name: r.raised_by_name ?? '' },
      evidence: e,
      meetings: (e.meetingIds ?? []).flatMap((id) => {
        const m = meetingOf.get(id);
        return m ? [{ id, date: m.meeting_date, organizationId: m.organization_id }] : [];
      }),
      transfer: t ? { id: t.id, letterNumber: t.letter_number, issuedOn: t.letter_issued_on } : null,
      violationRecords: (e.violationRecordIds ?? []).flatMap((id) => {
        const v = violationOf.get(id);
        return v ? [{ id, kind: v.kind, form: v.form, decidedOn: v.decided_on, decidedBy: v.decided_by, reference: v.reference }] : [];
      }),
      frontOpinions: (e.frontOpinionIds ?? []).flatMap((id) => {
        const f = frontOf.get(id);
        return f ? [{ id, year: f.year, rating: f.rating, givenOn: f.given_on, givenBy: f.given_by }] : [];
      }),
      raisedOn: r.raised_on,
      reviewDueOn: r.review_due_on,
      runId: r.run_id,
      status: open ? 'open' : 'closed',
      overdue: open && day > r.review_due_on,
      escalation: r.escalated_on ? { escalatedOn: r.escalated_on, to: r.to_organization_id ? { id: r.to_organization_id, name: r.to_organization_name ?? '' } : null } : null,
      review: open
        ? null
        : {
            decision: ZFlagDecision.parse(r.decision),
            decidedOn: r.decided_on!,
            reason: r.reason,
            followUpOn: r.follow_up_on,
            removalCaseId: r.removal_case_id,
            referralId: r.referral_id,
            decidedBy: r.decided_by_name ?? null,
            decidedByOrganization: { id: r.decided_by_organization_id!, name: r.decided_by_organization_name ?? '' },
          },
    };
  });
}

export async function listFlags(db: Db, ctx: Ctx, q: FlagListQuery): Promise<FlagList> {
  const org = await repo.findOrganizationInScope(db, ctx.actor, q.organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const day = today(ctx);
  const { items, counts } = await repo.listFlags(db, { path: org.path, year: q.year, status: q.status, kind: q.kind, memberId: q.memberId, today: day, page: q.page, pageSize: q.pageSize });
  // A sensitive read (absences, dues, discipline of named members): audited (security.md, Audit).
  await appendAuditAlone(db, ctx, { action: 'screening.flags.read', objectType: 'organization', objectId: org.id });
  const num = (v: unknown) => Number(v ?? 0);
  const c = { all: num(counts.all), open: num(counts.open), closed: num(counts.closed), overdue: num(counts.overdue), escalated: num(counts.escalated) };
  return {
    items: await presentFlags(db, items, day),
    total: q.status === 'all' ? c.all : c[q.status],
    page: q.page,
    pageSize: q.pageSize,
    organization: { id: org.id, name: org.name },
    year: q.year,
    counts: c,
  };
}

export async function getFlag(db: Db, ctx: Ctx, id: number, o: { audit?: boolean } = {}): Promise<Flag> {
  const row = await repo.findFlagInScope(db, ctx.actor, id);
  if (!row) throw new DomainError('NOT_FOUND');
  if (o.audit) await appendAuditAlone(db, ctx, { action: 'screening.flag.read', objectType: 'screening_flag', objectId: id });
  return (await presentFlags(db, [row], today(ctx)))[0];
}

/** The ground of name removal a flag of this kind is (R-RMV-01/02); the others need the reviewer to name one. */
const GROUND_OF_KIND: Partial<Record<FlagKind, StruckOffGround>> = {
  missed_activities: 'missed_activities',
  unpaid_dues: 'unpaid_dues',
  not_completed_two_years: 'not_completed_two_years',
};

/**
 * R-RMV-07 (Kế hoạch 99 II.4): the cell (or the organization above, once the flag rose to it) closes the flag with one
 * recorded decision; "no action" needs a written reason (decideFlagReview). A removal case or a discipline referral
 * is opened in the same transaction, under its own precedence rules (R-RMV-04/05): refused, nothing is recorded.
 */
export async function reviewFlag(db: Db, ctx: Ctx, id: number, input: ReviewFlagInput): Promise<Flag> {
  const day = today(ctx);
  const at = ctx.now.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await lockAuditChain(trx);
      const flag = await repo.findFlagInScope(trx, ctx.actor, id);
      if (!flag) throw new DomainError('NOT_FOUND');
      const decision: FlagReviewDecision = input.decision === 'no_action' ? { kind: 'no_action', reason: input.reason } : { kind: input.decision, note: input.note ?? undefined };
      let educationMonths = NOT_COMPLETED_PARAMS.educationPlanMonths;
      try {
        educationMonths = paramsInForce<NotCompletedParams>(GRADING_RULE_SETS, 'R-RMV-02', day).educationPlanMonths;
      } catch {
        /* the shipped number */
      }
      const result = decideFlagReview({ key: flag.key, raisedOn: flag.raised_on, closedOn: flag.decided_on ?? null }, decision, day, { educationPlanMonths: educationMonths });
      if (!result.ok) throw new DomainError('RULE_VIOLATION', { rule: 'R-RMV-07', violations: result.violations });
      let removalCaseId: number | null = null;
      let referralId: number | null = null;
      if (result.closure.opens === 'removal_case' && input.decision === 'removal_case') {
        const ground = input.ground ?? GROUND_OF_KIND[flag.kind as FlagKind];
        if (!ground) throw new DomainError('VALIDATION', {}, [{ path: 'ground', code: 'required_for_this_flag' }]);
        removalCaseId = await openCaseIn(trx, ctx, { memberId: flag.member_id, form: 'struck_off', grounds: [ground], requestRef: null, note: input.note }, { flagId: flag.id });
      }
      if (result.closure.opens === 'discipline_case' && input.decision === 'discipline_referral') {
        referralId = await createReferralIn(
          trx,
          ctx,
          { memberId: flag.member_id, referredOn: day, reference: input.reference, description: input.description, warrantsExpulsion: input.warrantsExpulsion },
          { flagId: flag.id },
        );
      }
      await repo.insertReview(trx, {
        flag_id: flag.id,
        decision: result.closure.decision,
        decided_on: result.closure.closedOn,
        reason: result.closure.reason,
        follow_up_on: result.closure.followUpOn,
        removal_case_id: removalCaseId,
        referral_id: referralId,
        decided_by: ctx.actor.userId,
        decided_by_organization_id: ctx.actor.organizationId,
        at,
      });
      await appendAudit(trx, ctx, { action: 'screening.review', objectType: 'screening_flag', objectId: flag.id, changedFields: ['decision'] });
    });
  } catch (err) {
    // Two reviewers at once: the second finds the decision already written (one review per flag).
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', { flagId: id });
    throw err;
  }
  return getFlag(db, ctx, id);
}

// ---------------------------------------------------------------- oversight

const num = (v: unknown) => Number(v ?? 0);

function oversightRowOf(r: Awaited<ReturnType<typeof repo.oversightRows>>[number]): OversightRow {
  const reviewed = num(r.reviewed);
  const noAction = num(r.no_action);
  return {
    organization: { id: r.id, name: r.name, kind: r.kind },
    raised: num(r.raised),
    reviewed,
    open: num(r.open),
    overdue: num(r.overdue),
    escalated: num(r.escalated),
    removalCase: num(r.removal_case),
    disciplineReferral: num(r.discipline_referral),
    educationPlan: num(r.education_plan),
    noAction,
    noActionShare: reviewed > 0 ? noAction / reviewed : null,
  };
}

/** The organization above sees, per cell: flags raised, reviewed, overdue, escalated and the share closed with no action. */
export async function getOversight(db: Db, ctx: Ctx, q: { organizationId: number; year: number }): Promise<Oversight> {
  const org = await repo.findOrganizationInScope(db, ctx.actor, q.organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const day = today(ctx);
  const rows = (await repo.oversightRows(db, org.path, q.year, day)).map(oversightRowOf);
  const sum = (k: keyof Omit<OversightRow, 'organization' | 'noActionShare'>) => rows.reduce((s, r) => s + r[k], 0);
  const reviewed = sum('reviewed');
  const noAction = sum('noAction');
  return {
    organization: { id: org.id, name: org.name },
    year: q.year,
    today: day,
    reviewDays: reviewDaysOn(day),
    rows,
    totals: {
      raised: sum('raised'),
      reviewed,
      open: sum('open'),
      overdue: sum('overdue'),
      escalated: sum('escalated'),
      removalCase: sum('removalCase'),
      disciplineReferral: sum('disciplineReferral'),
      educationPlan: sum('educationPlan'),
      noAction,
      noActionShare: reviewed > 0 ? noAction / reviewed : null,
    },
  };
}

// ---------------------------------------------------------------- report (Kế hoạch 99 yearly figures)

/** The cause of a removal as reported: the ground(s) of name removal, the member's request, or discipline. */
function causeOf(form: string, groundsText: string): string {
  if (form === 'released') return 'own_request';
  if (form === 'expelled') return 'discipline';
  try {
    const g = JSON.parse(groundsText) as unknown;
    return Array.isArray(g) && g.length > 0 ? [...g].sort().join('+') : 'unspecified';
  } catch {
    return 'unspecified';
  }
}

export async function getReport(db: Db, ctx: Ctx, q: { organizationId: number; year: number }): Promise<ScreeningReport> {
  const org = await repo.findOrganizationInScope(db, ctx.actor, q.organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const day = today(ctx);
  const [byRule, perOrg, removals, grading] = await Promise.all([
    repo.flagsByRule(db, org.path, q.year, day),
    repo.oversightRows(db, org.path, q.year, day),
    removalRepo.removalCounts(db, org.path, q.year),
    gradingReport(db, ctx, q),
  ]);
  const ruleRows = new Map(byRule.map((r) => [r.kind, r]));
  const flagsByRule = FLAG_KINDS.map((kind) => {
    const r = ruleRows.get(kind);
    return {
      ruleId: FLAG_RULE_IDS[kind],
      kind,
      raised: num(r?.raised),
      open: num(r?.open),
      overdue: num(r?.overdue),
      removalCase: num(r?.removal_case),
      disciplineReferral: num(r?.discipline_referral),
      educationPlan: num(r?.education_plan),
      noAction: num(r?.no_action),
    };
  });
  const byForm = new Map<string, ScreeningReport['removalsByForm'][number]>();
  const byOrg = new Map<number, ScreeningReport['byOrganization'][number]>();
  for (const r of perOrg) {
    byOrg.set(r.id, {
      organization: { id: r.id, name: r.name, kind: r.kind },
      flagsRaised: num(r.raised),
      flagsOpen: num(r.open),
      flagsNoAction: num(r.no_action),
      struckOff: 0,
      released: 0,
      expelled: 0,
      removalsPending: 0,
    });
  }
  for (const r of removals) {
    const count = num(r.n);
    const form = r.form as 'struck_off' | 'released' | 'expelled';
    const cause = causeOf(r.form, r.grounds);
    const key = `${form}|${cause}`;
    const row = byForm.get(key) ?? { form, cause, opened: 0, pending: 0, removed: 0, notRemoved: 0, withdrawn: 0 };
    row.opened += count;
    // A member is out of the party from the decision: card collection still pending counts as removed.
    if (r.status === 'removed' || r.status === 'card_collection') row.removed += count;
    else if (r.status === 'not_removed') row.notRemoved += count;
    else if (r.status === 'withdrawn') row.withdrawn += count;
    else row.pending += count;
    byForm.set(key, row);
    const o = byOrg.get(r.organization_id) ?? {
      organization: { id: r.organization_id, name: r.organization_name, kind: r.organization_kind },
      flagsRaised: 0,
      flagsOpen: 0,
      flagsNoAction: 0,
      struckOff: 0,
      released: 0,
      expelled: 0,
      removalsPending: 0,
    };
    if (r.status === 'removed' || r.status === 'card_collection') {
      if (form === 'struck_off') o.struckOff += count;
      if (form === 'released') o.released += count;
      if (form === 'expelled') o.expelled += count;
    } else if (!['not_removed', 'withdrawn'].includes(r.status)) o.removalsPending += count;
    byOrg.set(r.organization_id, o);
  }
  const formOrder = { struck_off: 0, released: 1, expelled: 2 } as const;
  return {
    organization: { id: org.id, name: org.name },
    year: q.year,
    grading: { rows: grading.rows, totals: grading.totals },
    flagsByRule,
    removalsByForm: [...byForm.values()].sort((a, b) => formOrder[a.form] - formOrder[b.form] || a.cause.localeCompare(b.cause)),
    byOrganization: [...byOrg.values()].sort((a, b) => a.organization.name.localeCompare(b.organization.name, 'vi') || a.organization.id - b.organization.id),
  };
}

