import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  type AdvanceCycleInput,
  type AllowedLevel,
  type CloseCycleInput,
  type CreateCycleInput,
  type Criterion,
  type CycleDetail,
  type CycleList,
  type CycleSummary,
  type DecisionInput,
  type EntryDetail,
  type GradingCycleStatus,
  type GradingEntry,
  type GradingReport,
  type MemberGrading,
  type ProposalInput,
  type ReportQuery,
  type SelfAssessmentInput,
  type UpdateCycleInput,
  ZCriterion,
  ZGradeConditions,
  ZGradeLevel,
  ZGradingCycleStatus,
  ZGradingThresholds,
  ZQuotaParams,
  ZRosterState,
  ZRuleCheck,
} from '../../../common/contracts/grading.contract.ts';
import type { YearConduct } from '../../../common/contracts/conduct.contract.ts';
import { ZOrganizationKind } from '../../../common/contracts/organizations.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import {
  checkCriteriaList,
  checkExcellentQuota,
  checkGradable,
  type GradeConditions,
  type GradeLevel,
  gradeOutcome,
  scoreCriteria,
} from '../../../common/rules/grading-rules.ts';
import { GRADING_RULE_SETS, type ExcellentQuotaParams, type GradingParams } from '../../../common/rules/grading-rule-sets.ts';
import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import { paramsInForce, type RuleCheck } from '../../../common/rules/rule-check.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { grantFor } from '../../policy/policy.ts';
import { isPathInScope } from '../../policy/scope.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { exemptMemberIdsOn } from '../exemptions/exemptions.service.ts';
import { conductOfYear } from '../conduct/conduct.service.ts';
import { residenceOpinions } from '../residence/residence.service.ts';
import { ruleSetsWithData } from '../rule-sets/rule-sets.service.ts';
import { buildReportWorkbook } from './grading.export.ts';
import * as repo from './grading.repo.ts';
import { checksAgainstLevel, countsOf, grassrootsOfPath, isGrassrootsKind, rosterDateFor } from './grading.rules.ts';

// Yearly grading (issue 5 item 1; rules.md R-GRD; Quy định 366-QĐ/TW; Kế hoạch 99-KH/HU II.4: no leniency or
// favouritism). Every change is one transaction: the audit-chain lock, the row read in scope, the pure rules, a
// compare-and-set on the version, an append-only grading_events row and one audit row.

export type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;

/**
 * Conduct in the year beside each member (issue 5 item 1, "kỷ luật trong năm"): party discipline, violations of state
 * discipline or the law, the Front's opinion (conduct module). Only to roles that may read conduct ('conduct.read'):
 * the others get null, and the pages show nothing rather than "none".
 */
async function conductFor(db: Kysely<Database>, actor: Actor, memberIds: readonly number[], year: number): Promise<Map<number, YearConduct> | null> {
  if (grantFor('conduct.read', actor.role) === null) return null;
  return conductOfYear(db, memberIds, year);
}

function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockAuditChain(trx);
    return work(trx);
  });
}

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

const ZCriteriaList = z.array(ZCriterion);
const ZStoredScores = z.record(z.string(), z.number());
const parseJson = <T>(schema: z.ZodType<T>, text: string): T => schema.parse(JSON.parse(text));
const parseNullable = <T>(schema: z.ZodType<T>, text: string | null): T | null => (text === null ? null : parseJson(schema, text));

type Thresholds = z.infer<typeof ZGradingThresholds>;

function paramsOf(cycle: Pick<repo.CycleRow, 'params' | 'criteria'>): GradingParams {
  const t = parseJson(ZGradingThresholds, cycle.params);
  const criteria = parseJson(ZCriteriaList, cycle.criteria);
  return { ...t, criteria: criteria.map((c) => ({ code: c.code, maxPoints: c.maxPoints })) };
}

const conditionsOf = (c: z.infer<typeof ZGradeConditions>): GradeConditions => ({ ...c, disqualifyingFindings: [...c.disqualifyingFindings] });

const orgRef = (id: number, name: string, kind: string) => ({ id, name, kind: ZOrganizationKind.parse(kind) });

/**
 * The rule-set versions in force at the end of the graded year (a year is judged by the rules of its own end): the
 * shipped versions and those an administrator added (rule_set_versions).
 */
async function defaultsForYear(q: Kysely<Database>, year: number): Promise<{ params: GradingParams; quota: ExcellentQuotaParams } | null> {
  const versions = await ruleSetsWithData(q, GRADING_RULE_SETS);
  try {
    const date = `${year}-12-31`;
    return {
      params: paramsInForce<GradingParams>(versions, 'R-GRD', date),
      quota: paramsInForce<ExcellentQuotaParams>(versions, 'R-GRD-01', date),
    };
  } catch {
    return null;
  }
}

/** R-GRD: distinct codes, maxima adding up to the scale of the thresholds. */
function checkCriteria(criteria: readonly Criterion[], thresholds: Thresholds) {
  const check = checkCriteriaList({ ...thresholds, criteria });
  if (!check.ok) invalid({ path: 'criteria', code: check.code, params: check.facts });
}

// ---------------------------------------------------------------- presenting

function summaryOf(c: repo.CycleRow, stages: readonly repo.EntryStage[]): CycleSummary {
  return {
    id: c.id,
    organization: orgRef(c.organization_id, c.organization_name, c.organization_kind),
    year: c.year,
    status: ZGradingCycleStatus.parse(c.status),
    counts: countsOf(stages.filter((s) => s.cycle_id === c.id)),
    closedOn: c.closed_on,
    version: c.version,
  };
}

/** What the points and the conditions allow: the committee's assessment when it corrected the member's, else the member's. */
function allowedOf(e: repo.EntryRow, params: GradingParams): AllowedLevel | null {
  const selfConditions = parseNullable(ZGradeConditions, e.self_conditions);
  const decidedConditions = parseNullable(ZGradeConditions, e.decided_conditions);
  const committee = e.decided_points !== null || decidedConditions !== null;
  const points = e.decided_points ?? e.self_points;
  const conditions = decidedConditions ?? selfConditions;
  if (points === null || conditions === null) return null;
  const o = gradeOutcome(points, conditionsOf(conditions), params);
  return { basis: committee ? 'committee' : 'self', points, level: o.level, levelByPoints: o.levelByPoints, capReasons: o.capReasons };
}

type Residence = Awaited<ReturnType<typeof repo.residenceOpinionsOfYear>>[number];

function entryOf(e: repo.EntryRow, params: GradingParams, residence: Residence | undefined, conduct: YearConduct | null): GradingEntry {
  const selfConditions = parseNullable(ZGradeConditions, e.self_conditions);
  return {
    id: e.id,
    cycleId: e.cycle_id,
    member: { id: e.member_id, fullName: e.full_name, status: e.member_status, birthDate: e.birth_date },
    cell: { id: e.organization_id, name: e.cell_name },
    roster: ZRosterState.parse(e.roster),
    self:
      e.self_points === null || selfConditions === null
        ? null
        : { scores: parseJson(ZStoredScores, e.self_scores ?? '{}'), points: e.self_points, conditions: selfConditions, comment: e.self_comment, at: e.self_at ?? '' },
    allowed: allowedOf(e, params),
    proposal: e.proposed_level === null ? null : { level: ZGradeLevel.parse(e.proposed_level), comment: e.proposal_comment, reason: e.proposal_reason, at: e.proposed_at ?? '' },
    decision:
      e.decided_level === null
        ? null
        : {
            level: ZGradeLevel.parse(e.decided_level),
            reason: e.decision_reason,
            scores: parseNullable(ZStoredScores, e.decided_scores),
            points: e.decided_points,
            conditions: parseNullable(ZGradeConditions, e.decided_conditions),
            at: e.decided_at ?? '',
          },
    residence: residence ? { rating: residence.rating, comments: residence.comments, givenBy: residence.given_by, givenOn: residence.given_on } : null,
    conduct,
    version: e.version,
  };
}

function quotaCheckOf(c: repo.CycleRow, stages: readonly repo.EntryStage[]): RuleCheck {
  if (c.quota_check) return parseJson(ZRuleCheck, c.quota_check);
  const quota = parseJson(ZQuotaParams, c.quota_params);
  const results = stages.filter((s) => s.cycle_id === c.id && s.roster === 'graded').map((s) => ({ level: (s.decided_level as GradeLevel | null) ?? null }));
  return checkExcellentQuota(results, null, quota);
}

/** Whether the actor's organization is at or above the cycle's (only then may it run the organization's cycle). */
const ownsCycle = (actor: Actor, c: repo.CycleRow) => actor.reach === 'subtree' && isPathInScope(actor, c.organization_path);

async function loadCycle(db: Kysely<Database>, actor: Actor, id: number): Promise<repo.CycleRow> {
  const c = await repo.findCycleVisible(db, actor, id);
  if (!c) throw new DomainError('NOT_FOUND');
  return c;
}

async function loadEntry(db: Kysely<Database>, actor: Actor, id: number, mode: 'read' | 'write' = 'write') {
  const e = await repo.findEntryInScope(db, actor, id, mode);
  if (!e) throw new DomainError('NOT_FOUND');
  // The entry is in scope, so its cycle may be read (a member sees the cycle of their own entry).
  return { e, c: await repo.findCycleById(db, e.cycle_id) };
}

function requirePhase(c: repo.CycleRow, allowed: readonly GradingCycleStatus[]) {
  if (!(allowed as readonly string[]).includes(c.status)) throw new DomainError('GRADING_PHASE', { status: c.status, allowed: allowed.join(', ') });
}

/** R-GRD-02: exempted members are not graded; a member no longer here is not graded here either. */
function requireGradable(e: repo.EntryRow) {
  if (e.roster === 'exempted') {
    const check = checkGradable({ exempted: true });
    throw new DomainError('RULE_VIOLATION', { rule: check.ruleId, violations: [check] });
  }
  if (e.roster === 'left') throw new DomainError('GRADING_LOCKED', { stage: 'left' });
}

function event(ctx: Ctx, cycleId: number, entryId: number | null, kind: string, data: unknown) {
  return { cycle_id: cycleId, entry_id: entryId, kind, data: JSON.stringify(data), actor_user_id: ctx.actor.userId, created_at: ctx.now.toISOString() };
}

// ---------------------------------------------------------------- roster

/**
 * Takes the organization's roster: every active member of the cells whose grassroots organization it is gets an entry;
 * members exempted on the roster date are listed as exempted (R-GRD-02), members gone as left. Entries already decided
 * keep their state (the committee's decision stands).
 */
async function syncRoster(trx: Trx, c: repo.CycleRow, today: string, at: string): Promise<string> {
  const date = rosterDateFor(today, c.year);
  const orgs = await repo.listSubtreeOrganizations(trx, c.organization_path);
  const kindOf = new Map(orgs.map((o) => [o.id, o.kind]));
  const members = (await repo.listActiveMembersUnder(trx, c.organization_path)).filter((m) => grassrootsOfPath(m.org_path, kindOf) === c.organization_id);
  const exempt = new Set<number>();
  for (const cellId of [...new Set(members.map((m) => m.organization_id))]) for (const id of await exemptMemberIdsOn(trx, cellId, date)) exempt.add(id);
  const existing = new Map((await repo.listEntryStages(trx, [c.id])).map((s) => [s.member_id, s]));
  const fresh = [];
  const present = new Set<number>();
  for (const m of members) {
    present.add(m.id);
    const roster = exempt.has(m.id) ? 'exempted' : 'graded';
    const e = existing.get(m.id);
    if (!e) fresh.push({ cycle_id: c.id, member_id: m.id, organization_id: m.organization_id, roster, version: 1, created_at: at, updated_at: at });
    else if (e.decided_level === null && e.roster !== roster) await repo.setEntryRoster(trx, e.id, roster, at);
  }
  for (const e of existing.values()) if (!present.has(e.member_id) && e.decided_level === null && e.roster !== 'left') await repo.setEntryRoster(trx, e.id, 'left', at);
  await repo.insertEntries(trx, fresh);
  return date;
}

// ---------------------------------------------------------------- cycles

export async function listCycles(db: Db, ctx: Ctx, query: { organizationId?: number; year?: number }): Promise<CycleList> {
  let organizationPath: string | undefined;
  if (query.organizationId !== undefined) {
    // Officials at or below the organization filter by it; a member's own list ignores the filter's scope.
    const org = await db.selectFrom('organizations').select('path').where('id', '=', query.organizationId).executeTakeFirst();
    if (!org) return { items: [] };
    organizationPath = org.path;
  }
  const cycles = await repo.listCyclesVisible(db, ctx.actor, { organizationPath, year: query.year });
  const stages = await repo.listEntryStages(
    db,
    cycles.map((c) => c.id),
  );
  return { items: cycles.map((c) => summaryOf(c, stages)) };
}

export async function createCycle(db: Db, ctx: Ctx, input: CreateCycleInput): Promise<CycleDetail> {
  if (ctx.actor.reach !== 'subtree') throw new DomainError('FORBIDDEN');
  const id = await inTransaction(db, async (trx) => {
    const org = await repo.findOrganizationInSubtree(trx, ctx.actor, input.organizationId);
    if (!org) throw new DomainError('NOT_FOUND');
    if (!isGrassrootsKind(org.kind)) invalid({ path: 'organizationId', code: 'not_grassroots', params: { kind: org.kind } });
    if (org.valid_to !== null) throw new DomainError('ORGANIZATION_NOT_ACTIVE');
    const defaults = await defaultsForYear(trx, input.year);
    if (!defaults) invalid({ path: 'year', code: 'no_grading_rule_set', params: { year: input.year } });
    const { criteria: shippedCriteria, ...thresholds } = defaults.params;
    const criteria = input.criteria ?? shippedCriteria.map((c) => ({ code: c.code, name: null, maxPoints: c.maxPoints }));
    checkCriteria(criteria, thresholds);
    if (await repo.findCycleByOrgYear(trx, org.id, input.year)) throw new DomainError('GRADING_CYCLE_EXISTS', { year: input.year });
    const at = ctx.now.toISOString();
    let cycleId: number;
    try {
      cycleId = await repo.insertCycle(trx, {
        organization_id: org.id,
        year: input.year,
        status: 'open',
        criteria: JSON.stringify(criteria),
        params: JSON.stringify(thresholds),
        quota_params: JSON.stringify(input.quota ?? defaults.quota),
        quota_justification: null,
        quota_check: null,
        roster_date: null,
        closed_on: null,
        version: 1,
        created_by: ctx.actor.userId,
        created_at: at,
        updated_at: at,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('GRADING_CYCLE_EXISTS', { year: input.year });
      throw err;
    }
    await repo.insertEvent(trx, event(ctx, cycleId, null, 'created', { year: input.year, criteria, quota: input.quota ?? defaults.quota }));
    await appendAudit(trx, ctx, { action: 'grading.create_cycle', objectType: 'grading_cycle', objectId: cycleId });
    return cycleId;
  });
  return getCycle(db, ctx, id);
}

export async function getCycle(db: Db, ctx: Ctx, id: number): Promise<CycleDetail> {
  const c = await loadCycle(db, ctx.actor, id);
  const params = paramsOf(c);
  const [entries, stages] = await Promise.all([repo.listEntriesInScope(db, ctx.actor, id), repo.listEntryStages(db, [id])]);
  const memberIds = entries.map((e) => e.member_id);
  const [residence, conduct] = await Promise.all([repo.residenceOpinionsOfYear(db, memberIds, c.year), conductFor(db, ctx.actor, memberIds, c.year)]);
  const byMember = new Map(residence.map((r) => [r.member_id, r]));
  const owns = ownsCycle(ctx.actor, c);
  const role = ctx.actor.role;
  return {
    ...summaryOf(c, stages),
    criteria: parseJson(ZCriteriaList, c.criteria),
    thresholds: parseJson(ZGradingThresholds, c.params),
    quota: { params: parseJson(ZQuotaParams, c.quota_params), check: quotaCheckOf(c, stages), justification: c.quota_justification },
    rosterDate: c.roster_date,
    entries: entries.map((e) => entryOf(e, params, byMember.get(e.member_id), conduct?.get(e.member_id) ?? null)),
    can: {
      manageCycle: owns && grantFor('grading.manage', role) === 'subtree',
      closeCycle: owns && grantFor('grading.decide', role) === 'subtree',
      assess: grantFor('grading.manage', role) === 'subtree',
      propose: grantFor('grading.manage', role) === 'subtree',
      decide: grantFor('grading.decide', role) === 'subtree',
    },
  };
}

export async function updateCycle(db: Db, ctx: Ctx, id: number, input: UpdateCycleInput): Promise<CycleDetail> {
  await inTransaction(db, async (trx) => {
    const c = await loadCycle(trx, ctx.actor, id);
    if (!ownsCycle(ctx.actor, c)) throw new DomainError('FORBIDDEN');
    requirePhase(c, ['open']);
    const thresholds: Thresholds = parseJson(ZGradingThresholds, c.params);
    checkCriteria(input.criteria, thresholds);
    const changed = [
      c.criteria !== JSON.stringify(input.criteria) ? 'criteria' : null,
      c.quota_params !== JSON.stringify(input.quota) ? 'quota' : null,
    ].filter((f): f is string => f !== null);
    const ok = await repo.updateCycleIfVersion(trx, id, input.version, {
      criteria: JSON.stringify(input.criteria),
      quota_params: JSON.stringify(input.quota),
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    await repo.insertEvent(trx, event(ctx, id, null, 'updated', { criteria: input.criteria, quota: input.quota }));
    await appendAudit(trx, ctx, { action: 'grading.update_cycle', objectType: 'grading_cycle', objectId: id, changedFields: changed });
  });
  return getCycle(db, ctx, id);
}

const NEXT: Record<string, GradingCycleStatus> = { open: 'self_assessment', self_assessment: 'cell_proposal', cell_proposal: 'committee_decision', committee_decision: 'closed' };

/** open → self_assessment → cell_proposal → committee_decision, one step at a time; the roster is taken at each step. */
export async function advanceCycle(db: Db, ctx: Ctx, id: number, input: AdvanceCycleInput): Promise<CycleDetail> {
  await inTransaction(db, async (trx) => {
    const c = await loadCycle(trx, ctx.actor, id);
    if (!ownsCycle(ctx.actor, c)) throw new DomainError('FORBIDDEN');
    if (NEXT[c.status] !== input.to) throw new DomainError('INVALID_STATUS_TRANSITION', { from: c.status, to: input.to });
    const at = ctx.now.toISOString();
    const rosterDate = await syncRoster(trx, c, todayInVietnam(ctx.now), at);
    if (input.to === 'committee_decision') {
      // The committee decides on the cell's proposals: every graded member needs one first.
      const counts = countsOf(await repo.listEntryStages(trx, [id]));
      if (counts.proposed < counts.graded) throw new DomainError('GRADING_INCOMPLETE', { stage: 'proposal', missing: counts.graded - counts.proposed });
    }
    if (!(await repo.updateCycleIfVersion(trx, id, input.version, { status: input.to, roster_date: rosterDate, updated_at: at }))) throw new DomainError('CONFLICT', { id });
    await repo.insertEvent(trx, event(ctx, id, null, 'advanced', { from: c.status, to: input.to, rosterDate }));
    await appendAudit(trx, ctx, { action: 'grading.advance_cycle', objectType: 'grading_cycle', objectId: id, changedFields: ['status'] });
  });
  return getCycle(db, ctx, id);
}

/**
 * Rolls the organization's results up: every graded member decided, then R-GRD-01 (excellent ≤ the quota of those
 * graded good; exactly the quota passes). Over the quota the year closes only with a recorded justification.
 */
export async function closeCycle(db: Db, ctx: Ctx, id: number, input: CloseCycleInput): Promise<CycleDetail> {
  await inTransaction(db, async (trx) => {
    const c = await loadCycle(trx, ctx.actor, id);
    if (!ownsCycle(ctx.actor, c)) throw new DomainError('FORBIDDEN');
    requirePhase(c, ['committee_decision']);
    const at = ctx.now.toISOString();
    await syncRoster(trx, c, todayInVietnam(ctx.now), at);
    const stages = await repo.listEntryStages(trx, [id]);
    const counts = countsOf(stages);
    if (counts.decided < counts.graded) throw new DomainError('GRADING_INCOMPLETE', { stage: 'decision', missing: counts.graded - counts.decided });
    const quota = parseJson(ZQuotaParams, c.quota_params);
    const results = stages.filter((s) => s.roster === 'graded').map((s) => ({ level: s.decided_level as GradeLevel }));
    const check = checkExcellentQuota(results, input.quotaJustification, quota);
    if (!check.ok) throw new DomainError('RULE_VIOLATION', { rule: check.ruleId, violations: [check] });
    const justification = check.code === 'exception_justified' ? input.quotaJustification : null;
    const ok = await repo.updateCycleIfVersion(trx, id, input.version, {
      status: 'closed',
      closed_on: todayInVietnam(ctx.now),
      quota_check: JSON.stringify(check),
      quota_justification: justification,
      updated_at: at,
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    await repo.insertEvent(trx, event(ctx, id, null, 'closed', { quota: check, justification, levels: counts.levels }));
    await appendAudit(trx, ctx, {
      action: 'grading.close_cycle',
      objectType: 'grading_cycle',
      objectId: id,
      changedFields: justification ? ['status', 'quotaJustification'] : ['status'],
    });
  });
  return getCycle(db, ctx, id);
}

// ---------------------------------------------------------------- entries

export async function getEntry(db: Db, ctx: Ctx, id: number): Promise<EntryDetail> {
  const { e, c } = await loadEntry(db, ctx.actor, id, 'read');
  const params = paramsOf(c);
  const [stages, residence, opinions, events, conduct] = await Promise.all([
    repo.listEntryStages(db, [c.id]),
    repo.residenceOpinionsOfYear(db, [e.member_id], c.year),
    residenceOpinions(db, e.member_id),
    repo.listEntryEvents(db, e.id),
    conductFor(db, ctx.actor, [e.member_id], c.year),
  ]);
  return {
    cycle: { ...summaryOf(c, stages), criteria: parseJson(ZCriteriaList, c.criteria), thresholds: parseJson(ZGradingThresholds, c.params) },
    entry: entryOf(e, params, residence[0], conduct?.get(e.member_id) ?? null),
    residenceOpinions: [...opinions].sort((a, b) => b.year - a.year),
    history: events.map((ev) => {
      const data = JSON.parse(ev.data) as { level?: unknown; points?: unknown };
      return {
        kind: ev.kind,
        at: ev.created_at,
        actor: ev.display_name,
        level: ZGradeLevel.safeParse(data.level).data ?? null,
        points: typeof data.points === 'number' ? data.points : null,
      };
    }),
  };
}

/** Points of the scores against the cycle's criteria; every issue named by criterion (scores.<code>). */
function pointsOf(scores: Record<string, number>, params: GradingParams): number {
  const r = scoreCriteria(scores, params);
  if (r.violations.length > 0) {
    invalid(...r.violations.map((v) => ({ path: `scores.${String(v.facts.criterion)}`, code: v.code, params: v.facts })));
  }
  return r.total;
}

/** The member's self-assessment (the member role: their own, while the cycle asks for it; officials: on their behalf). */
export async function saveSelfAssessment(db: Db, ctx: Ctx, entryId: number, input: SelfAssessmentInput): Promise<EntryDetail> {
  await inTransaction(db, async (trx) => {
    const { e, c } = await loadEntry(trx, ctx.actor, entryId);
    requirePhase(c, ctx.actor.reach === 'self' ? ['self_assessment'] : ['self_assessment', 'cell_proposal', 'committee_decision']);
    requireGradable(e);
    if (e.proposed_level !== null) throw new DomainError('GRADING_LOCKED', { stage: 'proposal' });
    const params = paramsOf(c);
    const points = pointsOf(input.scores, params);
    const outcome = gradeOutcome(points, conditionsOf(input.conditions), params);
    const at = ctx.now.toISOString();
    const ok = await repo.updateEntryIfVersion(trx, e.id, input.version, {
      self_scores: JSON.stringify(input.scores),
      self_points: points,
      self_conditions: JSON.stringify(input.conditions),
      self_comment: input.comment,
      self_by: ctx.actor.userId,
      self_at: at,
      updated_at: at,
    });
    if (!ok) throw new DomainError('CONFLICT', { id: e.id });
    await repo.insertEvent(trx, event(ctx, c.id, e.id, 'self_assessment', { scores: input.scores, points, conditions: input.conditions, level: outcome.level }));
    await appendAudit(trx, ctx, { action: 'grading.self_assessment', objectType: 'grading_entry', objectId: e.id, changedFields: ['scores', 'conditions', 'comment'] });
  });
  return getEntry(db, ctx, entryId);
}

/**
 * R-GRD (366 Art. 11; Kế hoạch 99 II.4, no leniency): a level above what the points and conditions allow is refused
 * with the rule and the reasons; a lower level stands only with a written reason.
 */
function judgeLevel(level: GradeLevel, reason: string | null, points: number, conditions: GradeConditions, params: GradingParams) {
  const outcome = gradeOutcome(points, conditions, params);
  const checks = checksAgainstLevel(level, points, outcome, params);
  if (checks.length > 0) throw new DomainError('RULE_VIOLATION', { rule: 'R-GRD', allowed: outcome.level, level, violations: checks });
  if (level !== outcome.level && !reason) invalid({ path: 'reason', code: 'reason_required_below_allowed', params: { allowed: outcome.level } });
  return outcome;
}

export async function saveProposal(db: Db, ctx: Ctx, entryId: number, input: ProposalInput): Promise<EntryDetail> {
  if (ctx.actor.reach !== 'subtree') throw new DomainError('FORBIDDEN');
  await inTransaction(db, async (trx) => {
    const { e, c } = await loadEntry(trx, ctx.actor, entryId);
    requirePhase(c, ['cell_proposal', 'committee_decision']);
    requireGradable(e);
    if (e.decided_level !== null) throw new DomainError('GRADING_LOCKED', { stage: 'decision' });
    const conditions = parseNullable(ZGradeConditions, e.self_conditions);
    if (e.self_points === null || conditions === null) throw new DomainError('GRADING_INCOMPLETE', { stage: 'self_assessment', missing: 1 });
    const params = paramsOf(c);
    const outcome = judgeLevel(input.level, input.reason, e.self_points, conditionsOf(conditions), params);
    const at = ctx.now.toISOString();
    const ok = await repo.updateEntryIfVersion(trx, e.id, input.version, {
      proposed_level: input.level,
      proposal_comment: input.comment,
      proposal_reason: input.level === outcome.level ? null : input.reason,
      proposed_by: ctx.actor.userId,
      proposed_at: at,
      updated_at: at,
    });
    if (!ok) throw new DomainError('CONFLICT', { id: e.id });
    await repo.insertEvent(trx, event(ctx, c.id, e.id, 'proposal', { level: input.level, allowed: outcome.level, comment: input.comment, reason: input.reason, points: e.self_points }));
    await appendAudit(trx, ctx, { action: 'grading.proposal', objectType: 'grading_entry', objectId: e.id, changedFields: ['level', 'comment', 'reason'] });
  });
  return getEntry(db, ctx, entryId);
}

export async function saveDecision(db: Db, ctx: Ctx, entryId: number, input: DecisionInput): Promise<EntryDetail> {
  if (ctx.actor.reach !== 'subtree') throw new DomainError('FORBIDDEN');
  await inTransaction(db, async (trx) => {
    const { e, c } = await loadEntry(trx, ctx.actor, entryId);
    requirePhase(c, ['committee_decision']);
    requireGradable(e);
    if (e.proposed_level === null) throw new DomainError('GRADING_INCOMPLETE', { stage: 'proposal', missing: 1 });
    const params = paramsOf(c);
    const selfConditions = parseNullable(ZGradeConditions, e.self_conditions);
    const points = input.scores ? pointsOf(input.scores, params) : e.self_points;
    const conditions = input.conditions ?? selfConditions;
    if (points === null || conditions === null) throw new DomainError('GRADING_INCOMPLETE', { stage: 'self_assessment', missing: 1 });
    const outcome = judgeLevel(input.level, input.reason, points, conditionsOf(conditions), params);
    const corrected = input.scores !== null || input.conditions !== null;
    const at = ctx.now.toISOString();
    const ok = await repo.updateEntryIfVersion(trx, e.id, input.version, {
      decided_scores: input.scores ? JSON.stringify(input.scores) : null,
      decided_points: corrected ? points : null,
      decided_conditions: input.conditions ? JSON.stringify(input.conditions) : null,
      decided_level: input.level,
      decision_reason: input.level === outcome.level ? null : input.reason,
      decided_by: ctx.actor.userId,
      decided_at: at,
      updated_at: at,
    });
    if (!ok) throw new DomainError('CONFLICT', { id: e.id });
    await repo.insertEvent(
      trx,
      event(ctx, c.id, e.id, 'decision', { level: input.level, allowed: outcome.level, reason: input.reason, points, scores: input.scores, conditions: input.conditions }),
    );
    await appendAudit(trx, ctx, {
      action: 'grading.decision',
      objectType: 'grading_entry',
      objectId: e.id,
      changedFields: ['level', 'reason', ...(corrected ? ['scores', 'conditions'] : [])],
    });
  });
  return getEntry(db, ctx, entryId);
}

// ---------------------------------------------------------------- a member's grading (panel on the member record)

export async function getMemberGrading(db: Db, ctx: Ctx, memberId: number): Promise<MemberGrading> {
  const m = await repo.findMemberInScope(db, ctx.actor, memberId);
  if (!m) throw new DomainError('NOT_FOUND');
  const [entries, opinions] = await Promise.all([repo.listMemberEntries(db, memberId), residenceOpinions(db, memberId)]);
  const years = [...new Set(entries.map((e) => e.year))];
  const conductByYear = new Map<number, YearConduct | null>();
  for (const year of years) conductByYear.set(year, (await conductFor(db, ctx.actor, [memberId], year))?.get(memberId) ?? null);
  return {
    member: { id: m.id, fullName: m.full_name },
    items: entries
      .map((e) => ({
        entryId: e.id,
        cycleId: e.cycle_id,
        year: e.year,
        organization: orgRef(e.organization_id, e.organization_name, e.organization_kind),
        cycleStatus: ZGradingCycleStatus.parse(e.status),
        roster: ZRosterState.parse(e.roster),
        selfPoints: e.self_points,
        proposedLevel: e.proposed_level === null ? null : ZGradeLevel.parse(e.proposed_level),
        decidedLevel: e.decided_level === null ? null : ZGradeLevel.parse(e.decided_level),
        finalLevel: e.status === 'closed' && e.roster === 'graded' && e.decided_level !== null ? ZGradeLevel.parse(e.decided_level) : null,
        closedOn: e.closed_on,
        conduct: conductByYear.get(e.year) ?? null,
      }))
      .reverse(),
    residenceOpinions: [...opinions].sort((a, b) => b.year - a.year),
  };
}

// ---------------------------------------------------------------- for other modules (screening: R-RMV-02)

export interface GradingResult {
  year: number;
  level: GradeLevel;
  cycleId: number;
}

/**
 * The member's final results, one per year, oldest first: decided levels of graded members in closed cycles (an
 * exempted year has none, R-GRD-02). Should a member have been graded by two organizations in one year (a move), the
 * later closing counts. No scope: the caller has already checked the member is in the actor's scope.
 */
export async function gradingResults(db: Kysely<Database>, memberId: number): Promise<GradingResult[]> {
  return (await gradingResultsOfMembers(db, [memberId])).get(memberId) ?? [];
}

/** gradingResults for many members in one query (screening runs over whole subtrees). */
export async function gradingResultsOfMembers(db: Kysely<Database>, memberIds: readonly number[]): Promise<Map<number, GradingResult[]>> {
  const out = new Map<number, GradingResult[]>();
  for (let i = 0; i < memberIds.length; i += 1000) {
    for (const r of await repo.listFinalResults(db, memberIds.slice(i, i + 1000))) {
      const list = out.get(r.member_id) ?? [];
      const result = { year: r.year, level: ZGradeLevel.parse(r.decided_level), cycleId: r.cycle_id };
      if (list.length > 0 && list[list.length - 1].year === r.year) list[list.length - 1] = result;
      else list.push(result);
      out.set(r.member_id, list);
    }
  }
  return out;
}

// ---------------------------------------------------------------- report

export async function getReport(db: Db, ctx: Ctx, query: ReportQuery): Promise<GradingReport> {
  const org = await repo.findOrganizationInSubtree(db, ctx.actor, query.organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const rows = (await repo.reportRows(db, org.path, query.year)).map((r) => ({
    organization: { ...orgRef(r.id, r.name, r.kind), code: r.code },
    cycleId: r.cycle_id,
    status: ZGradingCycleStatus.parse(r.status),
    excellent: Number(r.excellent),
    good: Number(r.good),
    completed: Number(r.completed),
    notCompleted: Number(r.not_completed),
    pending: Number(r.pending),
    exempted: Number(r.exempted),
    graded: Number(r.graded),
  }));
  const sum = (k: 'excellent' | 'good' | 'completed' | 'notCompleted' | 'pending' | 'exempted' | 'graded') => rows.reduce((s, r) => s + r[k], 0);
  return {
    organization: orgRef(org.id, org.name, org.kind),
    year: query.year,
    rows,
    totals: {
      excellent: sum('excellent'),
      good: sum('good'),
      completed: sum('completed'),
      notCompleted: sum('notCompleted'),
      pending: sum('pending'),
      exempted: sum('exempted'),
      graded: sum('graded'),
    },
  };
}

export async function exportReport(db: Db, ctx: Ctx, query: ReportQuery): Promise<{ filename: string; buffer: Buffer }> {
  const report = await getReport(db, ctx, query);
  return { filename: `xep-loai-dang-vien-${report.year}-${report.organization.id}.xlsx`, buffer: await buildReportWorkbook(report, todayInVietnam(ctx.now)) };
}

