import type { Kysely, Transaction, Updateable } from 'kysely';
import type {
  AddIntroducerInput,
  AddOpinionInput,
  AddVerificationInput,
  AdmissionCaseDetail,
  AdmissionDecisionInput,
  AdmissionList,
  AssignProbationHelperInput,
  CellResolutionInput,
  CeremonyInput,
  CompleteStepInput,
  DecisionExtensionInput,
  GrassrootsResolutionInput,
  OpenAdmissionCaseInput,
  RecognitionDecisionInput,
  RecognitionVoteInput,
  RecordVerificationResultInput,
  RefuseCaseInput,
  RemoveFactInput,
  Roll,
  UpdateAdmissionFileInput,
} from '../../../common/contracts/admission.contract.ts';
import { ZAdmissionStatus } from '../../../common/contracts/admission.contract.ts';
import type { CandidateStatus } from '../../../common/contracts/candidates.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { educationLevelOfGrade, type EducationLevel } from '../../../common/rules/admission-rules.ts';
import { computeVoteBase, requiredApprovals, type ThresholdParams } from '../../../common/rules/admission-vote.ts';
import {
  FILE_STEPS,
  INITIAL_ADMISSION_STATE,
  TERMINAL_ADMISSION_STATUSES,
  admissionChecklist,
  admissionDueDates,
  decideAdmission,
  type AdmissionAction,
  type AdmissionDecideResult,
  type AdmissionFacts,
  type AdmissionState,
  type AdmissionStatus,
} from '../../../common/rules/admission-workflow.ts';
import { ADMISSION_RULE_SETS } from '../../../common/rules/default-rule-sets.ts';
import { todayInVietnam, type IsoDate } from '../../../common/rules/iso-date.ts';
import { searchColumns } from '../people/person-columns.ts';
import { normalizeVi } from '../../../common/rules/normalize-vi.ts';
import { paramsInForce, type RuleCheck } from '../../../common/rules/rule-check.ts';
import type { AdmissionCasesTable } from '../../db/migrations/0005-admission.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { isPathInScope } from '../../policy/scope.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import { canMoveCandidate } from '../../../common/rules/candidate-status.ts';
import { recordCandidateStatus } from '../candidates/candidates.service.ts';
import { findCertificates } from '../training/training.repo.ts';
import {
  cellRollOn,
  docOf,
  educationExceptionOf,
  factsAfter,
  loadFacts,
  markRoll,
  massOrganizationsOf,
  parseAction,
  readmissionOf,
  relativesOf,
  standingsOn,
  stateOf,
  toRollEntries,
  treeFactsOn,
  type FactDates,
  type LoadedFacts,
} from './admission.facts.ts';
import * as repo from './admission.repo.ts';

// Every step is one service function: load the case in scope (404 otherwise), check the client's version (409),
// load the facts, decideAdmission, refuse with RULE_VIOLATION naming every failed rule (nothing written), else
// compare-and-set the case, append the decision row, write the step's facts and the audit row, in one transaction.
// A refused attempt is then recorded in admission_refusals in a transaction of its own (the quality report counts it).

export type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;
type Q = Kysely<Database>;
type Kase = repo.LoadedCaseRow;

const TERMINAL: readonly string[] = TERMINAL_ADMISSION_STATUSES;
const isTerminal = (s: string) => TERMINAL.includes(s);
/** Steps of the admission file: its facts can change until the cell has voted. */
const ADMISSION_FILE_STATUSES: readonly string[] = [...FILE_STEPS, 'cell_resolution'];
/** Steps of probation: the recognition file can change until the cell votes on recognition. */
const PROBATION_STATUSES: readonly string[] = ['ceremony', 'probation', 'cell_recognition_vote'];

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

const statusOf = (s: string): AdmissionStatus => ZAdmissionStatus.parse(s);
const json = (v: unknown) => JSON.stringify(v ?? null);
const jsonOrNull = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** One transaction per change, the audit-chain lock first (house pattern: on PostgreSQL two changes never interleave). */
async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await lockAuditChain(trx);
      return work(trx);
    });
  } catch (err) {
    if (!(err instanceof DomainError) && isUniqueViolation(err)) throw new DomainError('ADMISSION_CASE_ALREADY_OPEN');
    throw err;
  }
}

async function loadInScope(db: Q, actor: Actor | null, id: number): Promise<Kase> {
  const kase = actor ? await repo.findCaseInScope(db, actor, id) : await repo.findCase(db, id);
  if (!kase) throw new DomainError('NOT_FOUND');
  return kase;
}

async function loadForChange(trx: Q, actor: Actor | null, id: number, version: number | null): Promise<Kase> {
  const kase = await loadInScope(trx, actor, id);
  if (version !== null && kase.version !== version) throw new DomainError('CONFLICT', { id, version: kase.version });
  return kase;
}

async function compareAndSet(trx: Q, kase: Kase, patch: Updateable<AdmissionCasesTable>) {
  if (!(await repo.updateCaseIfVersion(trx, kase.id, kase.version, patch))) throw new DomainError('CONFLICT', { id: kase.id });
}

function notInFuture(today: IsoDate, dated: Record<string, IsoDate | null | undefined>): void {
  const issues = Object.entries(dated)
    .filter(([, d]) => d && d > today)
    .map(([path]) => ({ path, code: 'DATE_IN_FUTURE' }));
  if (issues.length) invalid(...issues);
}

/** The rule ids of a refusal, for the error params and the refusals table. */
const ruleIdsOf = (violations: readonly RuleCheck[]) => [...new Set(violations.map((v) => v.ruleId))];

// ---------------------------------------------------------------- the step runner

interface StepPlan {
  action: AdmissionAction;
  /** The business date of the act (meeting, decision, ceremony …). */
  effectiveOn: IsoDate;
  dates?: Omit<FactDates, 'today'>;
  /** Stored with the action for the documents (signer, note, grantedBy …). */
  meta?: Record<string, unknown>;
  /** Writes of the step once the case is updated: votes, the member, the candidacy; returns extra projections. */
  apply?: (trx: Trx, r: Extract<AdmissionDecideResult, { ok: true }>, after: AdmissionFacts, loaded: LoadedFacts) => Promise<Updateable<AdmissionCasesTable> | void>;
}

interface Attempt {
  caseId: number;
  status: string;
  action: AdmissionAction;
  meta?: Record<string, unknown>;
  violations: RuleCheck[];
  today: IsoDate;
}

/**
 * Runs one step. `actor` null: the system (the sweep) acts, without scope. `version` null: the version just read
 * (the sweep); a person always sends the version they saw.
 */
async function runStep(
  db: Db,
  ctx: RequestContext,
  actor: Actor | null,
  caseId: number,
  version: number | null,
  plan: (trx: Trx, kase: Kase, today: IsoDate) => Promise<StepPlan>,
): Promise<{ status: AdmissionStatus }> {
  const today = todayInVietnam(ctx.now);
  let attempt: Attempt | null = null;
  try {
    return await inTransaction(db, async (trx) => {
      const kase = await loadForChange(trx, actor, caseId, version);
      const state = stateOf(kase);
      const p = await plan(trx, kase, today);
      const loaded = await loadFacts(trx, kase, { today, ...p.dates });
      const result = decideAdmission(state, p.action, loaded.facts, today);
      if (!result.ok) {
        attempt = { caseId: kase.id, status: kase.status, action: p.action, meta: p.meta, violations: result.violations, today };
        throw new DomainError('RULE_VIOLATION', { rule: ruleIdsOf(result.violations).join(', '), violations: result.violations });
      }
      const after = factsAfter(loaded.facts, p.action);
      const at = ctx.now.toISOString();
      const to = result.state.status;
      await compareAndSet(trx, kase, {
        status: to,
        state: json(result.state),
        due_at: result.dueAt,
        due_dates: json(admissionDueDates(result.state, after)),
        overdue_since: result.dueAt === kase.due_at && to === kase.status ? kase.overdue_since : null,
        closed_on: isTerminal(to) ? p.effectiveOn : null,
        updated_at: at,
      });
      await repo.insertDecision(trx, {
        case_id: kase.id,
        action_type: p.action.type,
        action: json({ ...p.action, ...(p.meta ? { meta: p.meta } : {}) }),
        from_status: kase.status,
        to_status: to,
        effective_on: p.effectiveOn,
        checks: json(result.checks),
        due_at: result.dueAt,
        actor_user_id: ctx.actor?.userId ?? null,
        at,
      });
      const extra = p.apply ? await p.apply(trx, result, after, loaded) : undefined;
      if (extra && Object.keys(extra).length) await trx.updateTable('admission_cases').set(extra).where('id', '=', kase.id).execute();
      await appendAudit(trx, ctx, {
        action: `admission.${p.action.type}`,
        objectType: 'admission_case',
        objectId: kase.id,
        changedFields: ['status', 'state', 'dueAt', ...Object.keys(extra ?? {})],
      });
      return { status: to };
    });
  } catch (err) {
    const a = attempt as Attempt | null;
    // People's refused attempts are kept for the quality report; the sweep's are not (a rerun must change nothing).
    if (a && ctx.actor && err instanceof DomainError && err.code === 'RULE_VIOLATION') await recordRefusal(db, ctx, a);
    throw err;
  }
}

/** After the refused transaction rolled back: the attempt and the rules that refused it, with its audit row. */
async function recordRefusal(db: Db, ctx: RequestContext, a: Attempt): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockAuditChain(trx);
    await repo.insertRefusal(trx, {
      case_id: a.caseId,
      action_type: a.action.type,
      action: json({ ...a.action, ...(a.meta ? { meta: a.meta } : {}) }),
      status: a.status,
      violations: json(a.violations),
      rule_ids: ` ${ruleIdsOf(a.violations).join(' ')} `,
      on_date: a.today,
      actor_user_id: ctx.actor?.userId ?? null,
      at: ctx.now.toISOString(),
    });
    await appendAudit(trx, ctx, {
      action: `admission.${a.action.type}`,
      objectType: 'admission_case',
      objectId: a.caseId,
      outcome: 'failure',
      changedFields: ruleIdsOf(a.violations),
    });
  });
}

// ---------------------------------------------------------------- the candidacy follows the case

/** Moves the candidacy the case came from (common/rules/candidate-status.ts: 'applied', 'admitted', 'not_admitted', 'withdrawn'). */
async function moveCandidate(trx: Trx, ctx: RequestContext, kase: Kase, target: CandidateStatus, date: IsoDate, note: string | null) {
  if (kase.candidate_id === null || !ctx.actor) return;
  const c = await repo.findCandidateRow(trx, kase.candidate_id);
  if (!c) return;
  const from = c.status as CandidateStatus;
  const to = target;
  if (!canMoveCandidate(from, to)) return;
  await recordCandidateStatus(trx, { ...ctx, actor: ctx.actor }, {
    candidateId: c.id,
    status: to,
    date: date < c.status_changed_on ? c.status_changed_on : date,
    note: note ?? `admission case ${kase.id}`,
  });
}

/** The candidacy when a step ends the case refused (a vote not carried, a refusal, the decision refusing). */
async function candidateOnRefusal(trx: Trx, ctx: RequestContext, kase: Kase, state: AdmissionState, date: IsoDate) {
  if (state.status !== 'refused') return;
  await moveCandidate(trx, ctx, kase, state.endReason === 'withdrawn' ? 'withdrawn' : 'not_admitted', date, state.endReason);
}

// ---------------------------------------------------------------- votes

function threshold(ruleId: string, date: IsoDate): ThresholdParams {
  return paramsInForce<ThresholdParams>(ADMISSION_RULE_SETS, ruleId, date);
}

async function rollFor(trx: Trx, kase: Kase, date: IsoDate, marks: { presentMemberIds: number[]; temporarilyTransferredOutMemberIds: number[]; exemptedMemberIds: number[] }) {
  const roll = await cellRollOn(trx, kase.cell_id, date, kase.person_id);
  const onRoll = new Set(roll.map((m) => m.memberId));
  const issues: FieldIssue[] = [];
  const lists = {
    presentMemberIds: marks.presentMemberIds,
    temporarilyTransferredOutMemberIds: marks.temporarilyTransferredOutMemberIds,
    exemptedMemberIds: marks.exemptedMemberIds,
  };
  for (const [path, ids] of Object.entries(lists)) {
    ids.forEach((id, i) => {
      if (!onRoll.has(id)) issues.push({ path: `${path}.${i}`, code: 'NOT_ON_ROLL', params: { memberId: id } });
    });
  }
  if (issues.length) invalid(...issues);
  return markRoll(roll, lists);
}

async function insertCellVote(
  trx: Trx,
  ctx: RequestContext,
  kase: Kase,
  kind: 'cell_admission' | 'cell_recognition',
  v: { meetingDate: IsoDate; motion: string | null; marked: ReturnType<typeof markRoll>; approve: number; reject: number; abstain: number; document: unknown; signer: unknown },
  met: boolean,
) {
  const base = computeVoteBase(toRollEntries(v.marked));
  await repo.insertVote(trx, {
    case_id: kase.id,
    kind,
    meeting_date: v.meetingDate,
    motion: v.motion,
    roll: json(v.marked),
    committee_size: null,
    official_count: base.official,
    present_count: v.marked.filter((m) => m.attended).length,
    base: base.base,
    approve: v.approve,
    reject: v.reject,
    abstain: v.abstain,
    threshold_met: met ? 1 : 0,
    document: jsonOrNull(v.document),
    signer: jsonOrNull(v.signer),
    recorded_by_user_id: ctx.actor!.userId,
    created_at: ctx.now.toISOString(),
  });
}

async function insertCommitteeVote(
  trx: Trx,
  ctx: RequestContext,
  kase: Kase,
  kind: 'grassroots_admission' | 'decision_committee',
  v: { date: IsoDate; committeeSize: number; approve: number; reject: number; abstain: number; document: unknown },
  met: boolean,
) {
  await repo.insertVote(trx, {
    case_id: kase.id,
    kind,
    meeting_date: v.date,
    motion: null,
    roll: null,
    committee_size: v.committeeSize,
    official_count: v.committeeSize,
    present_count: v.approve + v.reject + v.abstain,
    base: v.committeeSize,
    approve: v.approve,
    reject: v.reject,
    abstain: v.abstain,
    threshold_met: met ? 1 : 0,
    document: jsonOrNull(v.document),
    signer: null,
    recorded_by_user_id: ctx.actor!.userId,
    created_at: ctx.now.toISOString(),
  });
}

const thresholdOk = (checks: readonly RuleCheck[], ruleId: string) => checks.some((c) => c.ruleId === ruleId && c.code === 'threshold_reached');

// ---------------------------------------------------------------- steps

export async function completeStep(db: Db, ctx: Ctx, id: number, input: CompleteStepInput) {
  await runStep(db, ctx, ctx.actor, id, input.version, async (_trx, kase, today) => ({
    action: { type: 'complete_step', step: input.step },
    effectiveOn: today,
    apply: async (trx) => {
      // The application (Mẫu 1-KNĐ) is on file: the candidacy becomes 'applied' (candidates module).
      if (input.step === 'application') await moveCandidate(trx, ctx, kase, 'applied', kase.application_date ?? today, null);
    },
  }));
  return buildDetail(db, ctx, id);
}

export async function recordCellResolution(db: Db, ctx: Ctx, id: number, input: CellResolutionInput) {
  await runStep(db, ctx, ctx.actor, id, input.version, async (trx, kase) => {
    const marked = await rollFor(trx, kase, input.meetingDate, input);
    const tally = { approve: input.approve, reject: input.reject, abstain: input.abstain };
    return {
      action: { type: 'cell_resolution', resolution: { meetingDate: input.meetingDate, roll: toRollEntries(marked), tally, document: input.document } },
      effectiveOn: input.meetingDate,
      dates: { judgeDate: input.meetingDate },
      meta: { signer: input.signer },
      apply: async (t, r) => {
        await insertCellVote(t, ctx, kase, 'cell_admission', { ...input, motion: null, marked }, thresholdOk(r.checks, 'R-ADM-09'));
        await candidateOnRefusal(t, ctx, kase, r.state, input.meetingDate);
      },
    };
  });
  return buildDetail(db, ctx, id);
}

export async function recordGrassrootsResolution(db: Db, ctx: Ctx, id: number, input: GrassrootsResolutionInput) {
  await runStep(db, ctx, ctx.actor, id, input.version, async (_trx, kase) => ({
    action: {
      type: 'grassroots_resolution',
      resolution: { date: input.date, committeeSize: input.committeeSize, tally: { approve: input.approve, reject: input.reject, abstain: input.abstain }, document: input.document },
    },
    effectiveOn: input.date,
    apply: async (t, r) => {
      await insertCommitteeVote(t, ctx, kase, 'grassroots_admission', input, thresholdOk(r.checks, 'R-ADM-10'));
      await candidateOnRefusal(t, ctx, kase, r.state, input.date);
    },
  }));
  return buildDetail(db, ctx, id);
}

async function extend(db: Db, ctx: Ctx, id: number, input: DecisionExtensionInput, kind: 'decision' | 'recognition_decision') {
  await runStep(db, ctx, ctx.actor, id, input.version, async (_trx, kase) => ({
    action: {
      type: kind === 'decision' ? 'extend_decision' : 'extend_recognition_decision',
      extension: { workingDays: input.workingDays, grantedOn: input.grantedOn, document: input.document },
    },
    effectiveOn: input.grantedOn,
    meta: { grantedBy: input.grantedBy },
    apply: async (t, r) => {
      await repo.insertExtension(t, {
        case_id: kase.id,
        kind,
        working_days: input.workingDays,
        granted_on: input.grantedOn,
        granted_by: input.grantedBy,
        document: jsonOrNull(input.document),
        due_before: kase.due_at,
        due_after: r.dueAt,
        recorded_by_user_id: ctx.actor.userId,
        created_at: ctx.now.toISOString(),
      });
    },
  }));
  return buildDetail(db, ctx, id);
}

export const extendDecision = (db: Db, ctx: Ctx, id: number, input: DecisionExtensionInput) => extend(db, ctx, id, input, 'decision');
export const extendRecognitionDecision = (db: Db, ctx: Ctx, id: number, input: DecisionExtensionInput) => extend(db, ctx, id, input, 'recognition_decision');

export async function recordDecision(db: Db, ctx: Ctx, id: number, input: AdmissionDecisionInput) {
  await runStep(db, ctx, ctx.actor, id, input.version, async (_trx, kase) => ({
    action: {
      type: 'decision',
      decision: {
        date: input.date,
        decidingOrganizationId: input.decidingOrganizationId,
        admitted: input.admitted,
        receivedOn: input.receivedOn,
        committeeVote: input.committeeVote
          ? { committeeSize: input.committeeVote.committeeSize, tally: { approve: input.committeeVote.approve, reject: input.committeeVote.reject, abstain: input.committeeVote.abstain } }
          : null,
        document: input.document,
      },
    },
    effectiveOn: input.date,
    // R-ADM-14: the competent body on the decision date's tree.
    dates: { admissionDecisionDate: input.date },
    meta: { signer: input.signer },
    apply: async (t, r) => {
      if (input.committeeVote) {
        await insertCommitteeVote(t, ctx, kase, 'decision_committee', { date: input.date, ...input.committeeVote, document: input.document }, thresholdOk(r.checks, 'R-ADM-10'));
      }
      if (input.admitted) await moveCandidate(t, ctx, kase, 'admitted', input.date, null);
      else await candidateOnRefusal(t, ctx, kase, r.state, input.date);
      return input.admitted ? { decision_date: input.date } : {};
    },
  }));
  return buildDetail(db, ctx, id);
}

/**
 * The ceremony: the person becomes a probationary member of the cell in the same transaction, with an 'admitted'
 * event dated the admission decision (party age counts from it, R-REC-07). A person who was a member before
 * (readmission, R-ADM-15) keeps their member row, which is reactivated.
 */
export async function recordCeremony(db: Db, ctx: Ctx, id: number, input: CeremonyInput) {
  await runStep(db, ctx, ctx.actor, id, input.version, async (trx, kase) => {
    const existing = await repo.findMemberByPerson(trx, kase.person_id);
    if (existing && (existing.status === 'official' || existing.status === 'probationary')) throw new DomainError('PERSON_IS_MEMBER');
    return {
      action: { type: 'ceremony', ceremony: { date: input.date, superiorApproval: input.superiorApproval } },
      effectiveOn: input.date,
      apply: async (t, _r, after) => {
        const decision = after.decision!;
        const at = ctx.now.toISOString();
        const values = {
          status: 'probationary',
          organization_id: kase.cell_id,
          org_path: kase.cell_path,
          admission_decision_date: decision.date,
          ceremony_date: input.date,
          official_date: null,
          left_date: null,
          search_text: searchColumns({ fullName: kase.full_name, citizenId: kase.citizen_id, cardNumber: existing?.card_number }).memberSearchText,
          sort_key: kase.sort_key,
          updated_at: at,
        };
        let memberId: number;
        if (existing) {
          if (!(await repo.updateMemberIfVersion(t, existing.id, existing.version, values))) throw new DomainError('CONFLICT', { memberId: existing.id });
          memberId = existing.id;
        } else {
          memberId = (
            await repo.insertMember(t, { person_id: kase.person_id, history_number: null, card_number: null, posts: '[]', version: 1, created_at: at, ...values })
          ).id;
        }
        await repo.insertMemberEvent(t, {
          member_id: memberId,
          kind: 'admitted',
          event_date: decision.date,
          from_status: existing?.status ?? null,
          to_status: 'probationary',
          from_organization_id: existing?.organization_id ?? null,
          to_organization_id: kase.cell_id,
          decision_ref: decision.document?.number ?? null,
          note: `Lễ kết nạp ngày ${input.date}`,
          actor_user_id: ctx.actor.userId,
          created_at: at,
        });
        return { member_id: memberId, ceremony_date: input.date };
      },
    };
  });
  return buildDetail(db, ctx, id);
}

/** R-REC-01: probation is over; the case waits for the cell's recognition vote. People and the sweep both use it. */
export async function endProbation(db: Db, ctx: RequestContext, actor: Actor | null, id: number, version: number | null) {
  return runStep(db, ctx, actor, id, version, async (_trx, _kase, today) => ({ action: { type: 'end_probation' }, effectiveOn: today }));
}

export async function endProbationStep(db: Db, ctx: Ctx, id: number, version: number) {
  await endProbation(db, ctx, ctx.actor, id, version);
  return buildDetail(db, ctx, id);
}

export async function recordRecognitionVote(db: Db, ctx: Ctx, id: number, input: RecognitionVoteInput) {
  await runStep(db, ctx, ctx.actor, id, input.version, async (trx, kase) => {
    const marked = await rollFor(trx, kase, input.meetingDate, input);
    const tally = { approve: input.approve, reject: input.reject, abstain: input.abstain };
    return {
      action: {
        type: 'cell_recognition_vote',
        vote: { meetingDate: input.meetingDate, motion: input.motion, roll: toRollEntries(marked), tally, document: input.document },
      },
      effectiveOn: input.meetingDate,
      meta: { signer: input.signer },
      apply: async (t, r) => {
        await insertCellVote(t, ctx, kase, 'cell_recognition', { ...input, marked }, thresholdOk(r.checks, 'R-REC-04'));
      },
    };
  });
  return buildDetail(db, ctx, id);
}

/**
 * The committee's decision on recognition. Recognized: the member is official from the end of probation, however late
 * the decision (R-REC-06), with a 'recognized' event. Not recognized: the name is struck from the probationary list
 * here (members.status 'struck_off' and its event), the removal workflow not existing yet.
 */
export async function recordRecognitionDecision(db: Db, ctx: Ctx, id: number, input: RecognitionDecisionInput) {
  await runStep(db, ctx, ctx.actor, id, input.version, async (_trx, kase) => ({
    action: {
      type: 'recognition_decision',
      decision: { date: input.date, decidingOrganizationId: input.decidingOrganizationId, recognized: input.recognized, document: input.document },
    },
    effectiveOn: input.date,
    dates: { recognitionDecisionDate: input.date },
    meta: { signer: input.signer },
    apply: async (t, r, after) => {
      if (kase.member_id === null) throw new DomainError('MEMBER_NOT_ACTIVE');
      const member = await repo.findMemberById(t, kase.member_id);
      if (!member || member.status !== 'probationary') throw new DomainError('MEMBER_NOT_ACTIVE', { memberId: kase.member_id });
      const at = ctx.now.toISOString();
      const officialOn = admissionDueDates(r.state, after).officialOn!;
      const recognized = input.recognized;
      const patch = recognized ? { status: 'official', official_date: officialOn, updated_at: at } : { status: 'struck_off', left_date: input.date, updated_at: at };
      if (!(await repo.updateMemberIfVersion(t, member.id, member.version, patch))) throw new DomainError('CONFLICT', { memberId: member.id });
      await repo.insertMemberEvent(t, {
        member_id: member.id,
        kind: recognized ? 'recognized' : 'struck_off',
        event_date: recognized ? officialOn : input.date,
        from_status: 'probationary',
        to_status: recognized ? 'official' : 'struck_off',
        from_organization_id: null,
        to_organization_id: null,
        decision_ref: input.document?.number ?? null,
        note: recognized ? null : 'Xóa tên trong danh sách đảng viên dự bị (R-REC-04)',
        actor_user_id: ctx.actor.userId,
        created_at: at,
      });
      return recognized ? { official_date: officialOn } : {};
    },
  }));
  return buildDetail(db, ctx, id);
}

export async function refuseCase(db: Db, ctx: Ctx, id: number, input: RefuseCaseInput) {
  await runStep(db, ctx, ctx.actor, id, input.version, async (_trx, kase) => ({
    action: { type: 'refuse', reason: input.reason, date: input.date },
    effectiveOn: input.date,
    meta: { note: input.note },
    apply: async (t, r) => candidateOnRefusal(t, ctx, kase, r.state, input.date),
  }));
  return buildDetail(db, ctx, id);
}

// ---------------------------------------------------------------- opening a case

const PLACE_PREFIX = /^(đảng bộ|đảng ủy|đảng uỷ)\s+(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+/i;

/** The locality written on documents: the commune (or district, province) above the cell, without "Đảng bộ xã". */
async function defaultPlace(db: Q, cellId: number, cellName: string, on: IsoDate): Promise<string> {
  const tree = await treeFactsOn(db, cellId, on);
  const local = tree.chain.find((o) => ['commune_committee', 'district_committee', 'provincial_committee'].includes(o.kind));
  const name = local?.name ?? cellName;
  const stripped = name.replace(PLACE_PREFIX, '').trim();
  return stripped || name;
}

function educationFromGrade(text: string | null): EducationLevel {
  const m = /^(\d{1,2})\/(10|12)$/.exec(text?.trim() ?? '');
  if (!m) return 'none';
  try {
    return educationLevelOfGrade(Number(m[1]), Number(m[2]) as 10 | 12);
  } catch {
    return 'none';
  }
}

export async function openCase(db: Db, ctx: Ctx, input: OpenAdmissionCaseInput): Promise<AdmissionCaseDetail> {
  const today = todayInVietnam(ctx.now);
  notInFuture(today, { openedOn: input.openedOn });
  const id = await inTransaction(db, async (trx) => {
    const c = await repo.findCandidateInScope(trx, ctx.actor, input.candidateId);
    if (!c) throw new DomainError('NOT_FOUND', {}, [{ path: 'candidateId', code: 'not_found' }]);
    if (!['introduced', 'in_training', 'applied'].includes(c.status)) throw new DomainError('INVALID_STATUS_TRANSITION', { from: c.status });
    if (c.valid_to !== null) throw new DomainError('ORGANIZATION_NOT_ACTIVE', { id: c.organization_id });
    if (await repo.findOpenCaseOfPerson(trx, c.person_id)) throw new DomainError('ADMISSION_CASE_ALREADY_OPEN');
    const member = await repo.findMemberByPerson(trx, c.person_id);
    if (member && (member.status === 'official' || member.status === 'probationary')) throw new DomainError('PERSON_IS_MEMBER');
    const cell = await repo.findOrganizationInScope(trx, ctx.actor, c.organization_id);
    const at = ctx.now.toISOString();
    const created = await repo.insertCase(trx, {
      person_id: c.person_id,
      cell_id: c.organization_id,
      candidate_id: c.id,
      status: INITIAL_ADMISSION_STATE.status,
      state: json(INITIAL_ADMISSION_STATE),
      due_at: null,
      due_dates: '{}',
      overdue_since: null,
      education_level: input.educationLevel ?? educationFromGrade(c.general_education),
      education_exception: null,
      is_youth_union_member: input.isYouthUnionMember ? 1 : 0,
      employer_kind: input.employerKind,
      mass_organizations: json(input.massOrganizations),
      relatives: '[]',
      over60_agreement: null,
      readmission: null,
      youth_union_resolution: null,
      application_date: null,
      history_date: null,
      member_history_completed_on: null,
      self_review_on: null,
      helper_assessment_on: null,
      place: input.place ?? (await defaultPlace(trx, c.organization_id, cell?.name ?? '', today)),
      decision_date: null,
      ceremony_date: null,
      official_date: null,
      member_id: null,
      opened_on: input.openedOn,
      closed_on: null,
      opened_by_user_id: ctx.actor.userId,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await repo.insertDecision(trx, {
      case_id: created.id,
      action_type: 'opened',
      action: json({ type: 'opened', candidateId: c.id }),
      from_status: 'introduced',
      to_status: 'introduced',
      effective_on: input.openedOn,
      checks: '[]',
      due_at: null,
      actor_user_id: ctx.actor.userId,
      at,
    });
    await appendAudit(trx, ctx, {
      action: 'admission.open',
      objectType: 'admission_case',
      objectId: created.id,
      changedFields: ['candidateId', 'openedOn', 'educationLevel', 'isYouthUnionMember', 'employerKind', 'massOrganizations', 'place'],
    });
    return created.id;
  });
  return buildDetail(db, ctx, id);
}

// ---------------------------------------------------------------- the file and its facts

/** Facts of the admission file change until the cell votes; the recognition file until the recognition vote. */
function checkPhase(kase: Kase, phase: 'admission' | 'probation' | 'any', field: string) {
  if (isTerminal(kase.status)) throw new DomainError('INVALID_STATUS_TRANSITION', { status: kase.status, field });
  const allowed = phase === 'any' || (phase === 'admission' ? ADMISSION_FILE_STATUSES : PROBATION_STATUSES).includes(kase.status);
  if (!allowed) invalid({ path: field, code: phase === 'admission' ? 'LOCKED_AFTER_CELL_RESOLUTION' : 'ONLY_DURING_PROBATION' });
}

/** Changes the case's facts in one transaction with a compare-and-set and the audit row. */
async function changeFacts(db: Db, ctx: Ctx, id: number, version: number, action: string, work: (trx: Trx, kase: Kase, today: IsoDate) => Promise<{ patch?: Updateable<AdmissionCasesTable>; changed: string[] }>) {
  const today = todayInVietnam(ctx.now);
  await inTransaction(db, async (trx) => {
    const kase = await loadForChange(trx, ctx.actor, id, version);
    const { patch, changed } = await work(trx, kase, today);
    await compareAndSet(trx, kase, { ...patch, updated_at: ctx.now.toISOString() });
    await appendAudit(trx, ctx, { action: `admission.${action}`, objectType: 'admission_case', objectId: id, changedFields: changed });
  });
  return buildDetail(db, ctx, id);
}

const FILE_FIELDS: Record<string, { column: keyof AdmissionCasesTable; phase: 'admission' | 'probation' | 'any'; encode?: (v: unknown) => unknown }> = {
  applicationDate: { column: 'application_date', phase: 'admission' },
  historyDate: { column: 'history_date', phase: 'admission' },
  educationLevel: { column: 'education_level', phase: 'admission' },
  educationException: { column: 'education_exception', phase: 'admission', encode: jsonOrNull },
  isYouthUnionMember: { column: 'is_youth_union_member', phase: 'admission', encode: (v) => (v ? 1 : 0) },
  massOrganizations: { column: 'mass_organizations', phase: 'admission', encode: json },
  relatives: { column: 'relatives', phase: 'admission', encode: json },
  over60Agreement: { column: 'over60_agreement', phase: 'admission', encode: jsonOrNull },
  readmission: { column: 'readmission', phase: 'admission', encode: jsonOrNull },
  youthUnionResolution: { column: 'youth_union_resolution', phase: 'admission', encode: jsonOrNull },
  memberHistoryCompletedOn: { column: 'member_history_completed_on', phase: 'probation' },
  selfReviewOn: { column: 'self_review_on', phase: 'probation' },
  helperAssessmentOn: { column: 'helper_assessment_on', phase: 'probation' },
  employerKind: { column: 'employer_kind', phase: 'any' },
  place: { column: 'place', phase: 'any' },
};

export async function updateFile(db: Db, ctx: Ctx, id: number, input: UpdateAdmissionFileInput) {
  return changeFacts(db, ctx, id, input.version, 'update_file', async (_trx, kase, today) => {
    const patch: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [field, spec] of Object.entries(FILE_FIELDS)) {
      const value = (input as Record<string, unknown>)[field];
      if (value === undefined) continue;
      checkPhase(kase, spec.phase, field);
      patch[spec.column] = spec.encode ? spec.encode(value) : value;
      changed.push(field);
    }
    if (changed.length === 0) invalid({ path: 'version', code: 'unchanged' });
    notInFuture(today, {
      applicationDate: input.applicationDate,
      historyDate: input.historyDate,
      memberHistoryCompletedOn: input.memberHistoryCompletedOn,
      selfReviewOn: input.selfReviewOn,
      helperAssessmentOn: input.helperAssessmentOn,
    });
    if (input.relatives) {
      const keys = input.relatives.map((r) => r.key);
      const dup = keys.find((k, i) => keys.indexOf(k) !== i);
      if (dup) invalid({ path: 'relatives', code: 'DUPLICATE_KEY', params: { key: dup } });
    }
    return { patch: patch as Updateable<AdmissionCasesTable>, changed };
  });
}

async function checkDocument(trx: Q, kase: Kase, documentId: number | null, path: string) {
  if (documentId !== null && !(await repo.documentBelongsToCase(trx, kase.id, documentId))) invalid({ path, code: 'not_found' });
}

export async function addVerification(db: Db, ctx: Ctx, id: number, input: AddVerificationInput) {
  return changeFacts(db, ctx, id, input.version, 'add_verification', async (trx, kase, today) => {
    checkPhase(kase, 'admission', 'subjectKey');
    notInFuture(today, { sentOn: input.sentOn });
    if (input.replyDueOn < input.sentOn) invalid({ path: 'replyDueOn', code: 'BEFORE_SENT_ON' });
    const relative = relativesOf(kase.relatives).find((r) => r.key === input.subjectKey);
    if (input.subjectKey !== 'applicant' && !relative) invalid({ path: 'subjectKey', code: 'NOT_DECLARED' });
    const at = ctx.now.toISOString();
    await repo.insertVerification(trx, {
      case_id: kase.id,
      subject_key: input.subjectKey,
      relation: relative?.relation ?? 'applicant',
      subject_name: relative?.name ?? kase.full_name,
      request_organization: input.requestOrganization,
      sent_on: input.sentOn,
      reply_due_on: input.replyDueOn,
      verifier_name: input.verifierName,
      conclusion: null,
      result_note: null,
      verified_on: null,
      document_id: null,
      removed_on: null,
      created_at: at,
      updated_at: at,
    });
    return { changed: ['verifications'] };
  });
}

export async function recordVerificationResult(db: Db, ctx: Ctx, id: number, itemId: number, input: RecordVerificationResultInput) {
  return changeFacts(db, ctx, id, input.version, 'record_verification', async (trx, kase, today) => {
    checkPhase(kase, 'admission', 'conclusion');
    notInFuture(today, { verifiedOn: input.verifiedOn });
    await checkDocument(trx, kase, input.documentId, 'documentId');
    const ok = await repo.updateVerification(trx, kase.id, itemId, {
      verifier_name: input.verifierName,
      conclusion: input.conclusion,
      verified_on: input.verifiedOn,
      result_note: input.resultNote,
      document_id: input.documentId,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('NOT_FOUND', {}, [{ path: 'itemId', code: 'not_found' }]);
    return { changed: ['verifications'] };
  });
}

export async function addIntroducer(db: Db, ctx: Ctx, id: number, input: AddIntroducerInput) {
  return changeFacts(db, ctx, id, input.version, 'add_introducer', async (trx, kase, today) => {
    checkPhase(kase, 'admission', 'memberId');
    notInFuture(today, { introducedOn: input.introducedOn });
    // Only members the actor may see: nothing is learnt about members elsewhere.
    const [m] = await repo.findMembersByIds(trx, [input.memberId]);
    if (!m || !isPathInScope(ctx.actor, m.org_path) || m.person_id === kase.person_id) throw new DomainError('NOT_FOUND', {}, [{ path: 'memberId', code: 'not_found' }]);
    await repo.insertIntroducer(trx, {
      case_id: kase.id,
      member_id: m.id,
      same_unit: input.sameUnit ? 1 : 0,
      unit_name: input.unitName,
      months_with_applicant: input.monthsWithApplicant,
      introduced_on: input.introducedOn,
      removed_on: null,
      created_at: ctx.now.toISOString(),
    });
    return { changed: ['introducers'] };
  });
}

export async function addOpinion(db: Db, ctx: Ctx, id: number, input: AddOpinionInput) {
  return changeFacts(db, ctx, id, input.version, 'add_opinion', async (trx, kase, today) => {
    checkPhase(kase, input.phase === 'admission' ? 'admission' : 'probation', 'phase');
    notInFuture(today, { date: input.date });
    await checkDocument(trx, kase, input.documentId, 'documentId');
    await repo.insertOpinion(trx, {
      case_id: kase.id,
      phase: input.phase,
      source: input.source,
      organization_key: input.organizationKey,
      organization_name: input.organizationName,
      opinion_date: input.date,
      summary: input.summary,
      document_id: input.documentId,
      removed_on: null,
      created_at: ctx.now.toISOString(),
    });
    return { changed: ['opinions'] };
  });
}

/** R-REC-03: a helper for the probationary member, an official member of the cell (the standing is kept as of the day). */
export async function assignProbationHelper(db: Db, ctx: Ctx, id: number, input: AssignProbationHelperInput) {
  return changeFacts(db, ctx, id, input.version, 'assign_helper', async (trx, kase, today) => {
    checkPhase(kase, 'probation', 'memberId');
    notInFuture(today, { assignedOn: input.assignedOn });
    const [m] = await repo.findMembersByIds(trx, [input.memberId]);
    if (!m || m.organization_id !== kase.cell_id || m.person_id === kase.person_id) throw new DomainError('HELPER_NOT_OFFICIAL_MEMBER', { memberId: input.memberId });
    const standing = (await standingsOn(trx, [m.id], input.assignedOn)).get(m.id) ?? 'not_a_member';
    await repo.insertHelper(trx, {
      case_id: kase.id,
      member_id: m.id,
      standing_when_assigned: standing,
      assigned_on: input.assignedOn,
      removed_on: null,
      created_at: ctx.now.toISOString(),
    });
    return { changed: ['helpers'] };
  });
}

export async function removeFact(db: Db, ctx: Ctx, id: number, input: RemoveFactInput) {
  return changeFacts(db, ctx, id, input.version, `remove_${input.fact}`, async (trx, kase, today) => {
    checkPhase(kase, input.fact === 'helper' ? 'probation' : input.fact === 'opinion' ? 'any' : 'admission', 'fact');
    if (!(await repo.markFactRemoved(trx, input.fact, kase.id, input.itemId, today))) throw new DomainError('NOT_FOUND', {}, [{ path: 'itemId', code: 'not_found' }]);
    return { changed: [`${input.fact}s`] };
  });
}

// ---------------------------------------------------------------- reads

export async function listCases(db: Db, ctx: Ctx, q: { organizationId?: number; scope: 'open' | 'all'; q?: string }): Promise<AdmissionList> {
  const today = todayInVietnam(ctx.now);
  let subtree = ctx.actor.orgPath;
  if (q.organizationId !== undefined) {
    const org = await repo.findOrganizationInScope(db, ctx.actor, q.organizationId);
    if (!org) throw new DomainError('NOT_FOUND', {}, [{ path: 'organizationId', code: 'not_found' }]);
    subtree = org.path;
  }
  const LIMIT = 500;
  const search = q.q ? normalizeVi(q.q) : undefined;
  const [rows, counts] = await Promise.all([
    repo.listCases(db, ctx.actor, { subtreePath: subtree, openOnly: q.scope === 'open', q: search || undefined, limit: LIMIT + 1 }),
    repo.countCasesByStatus(db, ctx.actor, subtree, q.scope === 'open'),
  ]);
  return {
    today,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    truncated: rows.length > LIMIT,
    items: rows.slice(0, LIMIT).map((r) => ({
      id: r.id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      gender: r.gender,
      cell: { id: r.cell_id, name: r.cell_name },
      status: statusOf(r.status),
      dueAt: r.due_at,
      isOverdue: r.due_at !== null && r.due_at < today && !isTerminal(r.status),
      openedOn: r.opened_on,
      version: r.version,
    })),
  };
}

export async function getRoll(db: Db, ctx: Ctx, id: number, date: IsoDate): Promise<Roll> {
  const kase = await loadInScope(db, ctx.actor, id);
  const items = await cellRollOn(db, kase.cell_id, date, kase.person_id);
  return { date, cell: { id: kase.cell_id, name: kase.cell_name }, items };
}

/** A case's page; it shows the background verification of a person, so reading it is audited (security.md, Audit). */
export async function getCase(db: Db, ctx: Ctx, id: number): Promise<AdmissionCaseDetail> {
  const detail = await buildDetail(db, ctx, id);
  await appendAuditAlone(db, ctx, { action: 'admission.read', objectType: 'admission_case', objectId: id });
  return detail;
}

const refOf = (c: { organization_id: number; name: string } | null) => (c ? { id: c.organization_id, name: c.name } : null);

export async function buildDetail(db: Db, ctx: Ctx, id: number): Promise<AdmissionCaseDetail> {
  const today = todayInVietnam(ctx.now);
  const kase = await loadInScope(db, ctx.actor, id);
  const state = stateOf(kase);
  const loaded = await loadFacts(db, kase, { today });
  const [verifications, introducers, opinions, helpers, votes, extensions, documents, refusals, certificates] = await Promise.all([
    repo.listVerifications(db, id),
    repo.listIntroducers(db, id),
    repo.listOpinions(db, id),
    repo.listHelpers(db, id),
    repo.listVotes(db, id),
    repo.listExtensions(db, id),
    repo.listDocuments(db, id),
    repo.listRefusals(db, id),
    findCertificates(db, kase.person_id),
  ]);
  const standingsToday = await standingsOn(
    db,
    introducers.map((i) => i.member_id),
    today,
  );
  const f = loaded.facts;
  const generated: AdmissionCaseDetail['generated'] = [];
  if (f.cellResolution) generated.push('cell-resolution');
  if (f.decision?.admitted) generated.push('admission-decision');
  if (f.recognitionDecision?.recognized) generated.push('recognition-decision');
  const checks = (text: string) => {
    try {
      return JSON.parse(text) as RuleCheck[];
    } catch {
      return [];
    }
  };
  return {
    id: kase.id,
    version: kase.version,
    today,
    status: statusOf(kase.status),
    state: state as unknown as Record<string, unknown>,
    endReason: state.endReason,
    dueAt: kase.due_at,
    isOverdue: kase.due_at !== null && kase.due_at < today && !isTerminal(kase.status),
    dueDates: JSON.parse(kase.due_dates || '{}') as Record<string, unknown>,
    person: {
      id: kase.person_id,
      fullName: kase.full_name,
      gender: kase.gender,
      birthDate: kase.birth_date,
      hometown: kase.hometown,
      ethnicityCode: kase.ethnicity_code,
      religionCode: kase.religion_code,
      occupation: kase.occupation,
      generalEducation: kase.general_education,
    },
    cell: { id: kase.cell_id, name: kase.cell_name },
    candidateId: kase.candidate_id,
    memberId: kase.member_id,
    openedOn: kase.opened_on,
    closedOn: kase.closed_on,
    file: {
      educationLevel: kase.education_level,
      educationException: educationExceptionOf(kase.education_exception),
      isYouthUnionMember: kase.is_youth_union_member === 1,
      employerKind: kase.employer_kind,
      massOrganizations: massOrganizationsOf(kase.mass_organizations),
      relatives: relativesOf(kase.relatives),
      over60Agreement: docOf(kase.over60_agreement) as Record<string, unknown> | null,
      readmission: readmissionOf(kase.readmission),
      youthUnionResolution: docOf(kase.youth_union_resolution) as Record<string, unknown> | null,
      applicationDate: kase.application_date,
      historyDate: kase.history_date,
      memberHistoryCompletedOn: kase.member_history_completed_on,
      selfReviewOn: kase.self_review_on,
      helperAssessmentOn: kase.helper_assessment_on,
      place: kase.place,
    },
    competentBodies: {
      admission: refOf(loaded.admissionTree.admissionBody),
      recognition: refOf(loaded.recognitionTree.recognitionBody),
    },
    grassrootsCommitteeBetween: loaded.admissionTree.grassrootsCommitteeBetween,
    checklist: isTerminal(kase.status) ? [] : admissionChecklist(state, f, today),
    certificates: certificates.map((c) => ({ kind: c.kind, number: c.number, issuedOn: c.issuedOn, validUntil: c.validUntil })),
    verifications: verifications.map((v) => ({
      id: v.id,
      subjectKey: v.subject_key,
      relation: v.relation,
      subjectName: v.subject_name,
      requestOrganization: v.request_organization,
      sentOn: v.sent_on,
      replyDueOn: v.reply_due_on,
      verifierName: v.verifier_name,
      conclusion: v.conclusion,
      resultNote: v.result_note,
      verifiedOn: v.verified_on,
      documentId: v.document_id,
      isReplyOverdue: v.conclusion === null && v.reply_due_on < today,
    })),
    introducers: introducers.map((i) => ({
      id: i.id,
      memberId: i.member_id,
      fullName: i.full_name,
      standingToday: standingsToday.get(i.member_id) ?? 'not_a_member',
      sameUnit: i.same_unit === 1,
      unitName: i.unit_name,
      monthsWithApplicant: i.months_with_applicant,
      introducedOn: i.introduced_on,
    })),
    opinions: opinions.map((o) => ({
      id: o.id,
      phase: o.phase,
      source: o.source,
      organizationKey: o.organization_key,
      organizationName: o.organization_name,
      date: o.opinion_date,
      summary: o.summary,
      documentId: o.document_id,
    })),
    helpers: helpers.map((h) => ({ id: h.id, memberId: h.member_id, fullName: h.full_name, standingWhenAssigned: h.standing_when_assigned, assignedOn: h.assigned_on })),
    votes: votes.map((v) => {
      const ruleId = v.kind === 'cell_recognition' ? 'R-REC-04' : v.kind === 'cell_admission' ? 'R-ADM-09' : 'R-ADM-10';
      const roll = v.roll ? (JSON.parse(v.roll) as { memberId: number; fullName: string; standing: string; temporarilyTransferredOut: boolean; exempted: boolean; attended: boolean }[]) : null;
      return {
        id: v.id,
        kind: v.kind as 'cell_admission',
        meetingDate: v.meeting_date,
        motion: v.motion,
        roll: roll?.map((r) => ({ memberId: r.memberId, fullName: r.fullName, standing: r.standing, temporarilyTransferredOut: r.temporarilyTransferredOut, exempted: r.exempted, attended: r.attended })) ?? null,
        committeeSize: v.committee_size,
        officialCount: v.official_count,
        presentCount: v.present_count,
        base: v.base,
        required: v.base > 0 ? requiredApprovals(v.base, threshold(ruleId, v.meeting_date).threshold) : null,
        approve: v.approve,
        reject: v.reject,
        abstain: v.abstain,
        thresholdMet: v.threshold_met === 1,
        document: v.document ? (JSON.parse(v.document) as Record<string, unknown>) : null,
        recordedBy: v.recorded_by ?? null,
      };
    }),
    extensions: extensions.map((e) => ({ id: e.id, kind: e.kind, workingDays: e.working_days, grantedOn: e.granted_on, grantedBy: e.granted_by, dueBefore: e.due_before, dueAfter: e.due_after })),
    documents: documents.map((d) => ({
      id: d.id,
      step: d.step,
      kind: d.kind,
      fileName: d.file_name,
      mime: d.mime,
      size: d.size,
      sha256: d.sha256,
      uploadedBy: d.uploaded_by ?? null,
      uploadedAt: d.uploaded_at,
    })),
    generated,
    timeline: loaded.decisions.map((d) => ({
      id: d.id,
      actionType: d.action_type,
      action: parseAction(d.action) as Record<string, unknown>,
      fromStatus: d.from_status,
      toStatus: d.to_status,
      effectiveOn: d.effective_on,
      checks: checks(d.checks),
      dueAt: d.due_at,
      actor: d.actor_name ?? null,
      at: d.at,
    })),
    refusals: refusals.map((r) => ({
      id: r.id,
      actionType: r.action_type,
      status: r.status,
      violations: checks(r.violations),
      onDate: r.on_date,
      actor: r.actor_name ?? null,
      at: r.at,
    })),
  };
}
