import type { Kysely, Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import type { MemberStatus } from '../../../common/contracts/members.contract.ts';
import { ZAuthority } from '../../../common/contracts/organizations.contract.ts';
import {
  type CollectCardInput,
  type ConcludeReferralInput,
  type CreateReferralInput,
  type OpenRemovalCaseInput,
  type Readmission,
  type RecordDecisionInput,
  type RecordRequestInput,
  type RecordSelfReviewInput,
  type RecordVoteInput,
  type Referral,
  type RemovalCase,
  type RemovalList,
  type RemovalListQuery,
  type VoteBaseView,
  type WithdrawCaseInput,
  ZDisciplineOutcome,
  ZLeavingCause,
  ZRemovalForm,
  ZRemovalStatus,
  ZStruckOffGround,
} from '../../../common/contracts/removal.contract.ts';
import type { RuleCheckView } from '../../../common/contracts/screening.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { computeVoteBase, type CellRollEntry } from '../../../common/rules/admission-vote.ts';
import { GRADING_RULE_SETS, READMISSION_PARAMS, SELF_REVIEW_PARAMS, type ReadmissionParams, type SelfReviewParams } from '../../../common/rules/grading-rule-sets.ts';
import { ruleSetsWithData } from '../rule-sets/rule-sets.service.ts';
import { todayInVietnam, type IsoDate } from '../../../common/rules/iso-date.ts';
import { decideMemberEvent } from '../../../common/rules/member-status.ts';
import { normalizeVi } from '../../../common/rules/normalize-vi.ts';
import { competentBodyFor } from '../../../common/rules/organization-tree.ts';
import {
  checkReadmission,
  readmissionEligibility,
  removalChecklist,
  type LeavingCause,
  type RemovalFacts,
  type RemovalForm,
  type SelfReviewFacts,
  type StruckOffGround,
} from '../../../common/rules/removal-rules.ts';
import { fail, pass, paramsInForce, violations, type RuleCheck } from '../../../common/rules/rule-check.ts';
import type { Db } from '../../db/create-db.ts';
import { lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { grantFor } from '../../policy/policy.ts';
import { isPathInScope } from '../../policy/scope.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import { exemptMemberIdsOn } from '../exemptions/exemptions.service.ts';
import { ancestorChainAsOf, type ChainLink } from '../organizations/organizations.repo.ts';
import { temporaryTransfersOut } from '../transfers/transfers.service.ts';
import * as repo from './removal.repo.ts';
import { allowedActions, checkOpening, decideRemoval, initialStatus, isOpenStatus, type RemovalState, type RemovalStep, WORKFLOW } from './removal.workflow.ts';

// Removal cases (issue 5 item 4): each step is one transaction with the case row by compare-and-set, its decision
// row, the member's status and timeline when the decision removes them (Kế hoạch 99 II.4: "đưa ra khỏi Đảng bằng
// hình thức thích hợp"), and the audit row. The rules are common/rules/removal-rules.ts, ordered by removal.workflow.ts.

export type Ctx = RequestContext & { actor: Actor };
type Q = Kysely<Database>;
type Trx = Transaction<Database>;

const today = (ctx: Pick<RequestContext, 'now'>) => todayInVietnam(ctx.now);
const json = (v: unknown) => JSON.stringify(v);

function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockAuditChain(trx);
    return work(trx);
  });
}

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

/** A refusal names the first failed rule and lists every failed check (the web says each in words). */
function refused(checks: readonly RuleCheck[]): never {
  const first = checks[0];
  if (first?.ruleId === WORKFLOW && first.code === 'action_not_allowed_in_status') throw new DomainError('INVALID_STATUS_TRANSITION', first.facts);
  if (first?.ruleId === WORKFLOW && first.code === 'member_not_active') throw new DomainError('MEMBER_NOT_ACTIVE', {});
  throw new DomainError('RULE_VIOLATION', { rule: first?.ruleId ?? WORKFLOW, violations: checks });
}

const parseList = <T>(schema: z.ZodType<T>, text: string | null, fallback: T): T => {
  try {
    const r = schema.safeParse(JSON.parse(text ?? 'null'));
    return r.success ? r.data : fallback;
  } catch {
    return fallback;
  }
};
const groundsOf = (text: string): StruckOffGround[] => parseList(z.array(ZStruckOffGround), text, []);
const isActiveStatus = (s: string) => s === 'probationary' || s === 'official';

// ---------------------------------------------------------------- facts

/**
 * R-RMV-04/05 facts from the member's discipline referrals: pending = not concluded; warranting expulsion = the
 * cell's assessment said so and no conclusion has since found a lesser form.
 */
export async function removalFactsOf(
  q: Q,
  member: { id: number; status: string },
  c: { form: RemovalForm; grounds: readonly StruckOffGround[]; requestedOn: IsoDate | null },
): Promise<RemovalFacts> {
  const referrals = await repo.listReferralsOfMember(q, member.id);
  return {
    memberStatus: member.status === 'probationary' ? 'probationary' : 'official',
    grounds: c.grounds,
    requestedByMember: c.form === 'released' && c.requestedOn !== null,
    pendingViolation: referrals.some((r) => r.concluded_on === null),
    violationWarrantsExpulsion: referrals.some((r) => r.warrants_expulsion === 1 && (r.concluded_on === null || r.outcome === 'expulsion')),
  };
}

function stateOf(kase: repo.CaseRow): RemovalState {
  return {
    form: ZRemovalForm.parse(kase.form),
    status: ZRemovalStatus.parse(kase.status),
    openedOn: kase.opened_on,
    requestedOn: kase.requested_on,
    votedOn: kase.voted_on,
    decidedOn: kase.decided_on,
  };
}

async function selfReviewFactsOf(q: Q, kase: Pick<repo.CaseRow, 'id' | 'self_reviewed_on'>): Promise<SelfReviewFacts> {
  const requests = await repo.listRequests(q, kase.id);
  return { selfReviewedOn: kase.self_reviewed_on, requests: requests.map((r) => ({ sentOn: r.sent_on, respondedOn: null })) };
}

async function workflowFactsOf(q: Q, kase: repo.CaseRow) {
  const form = ZRemovalForm.parse(kase.form);
  return {
    removal: await removalFactsOf(q, { id: kase.member_id, status: kase.member_status }, { form, grounds: groundsOf(kase.grounds), requestedOn: kase.requested_on }),
    selfReview: await selfReviewFactsOf(q, kase),
    memberActive: isActiveStatus(kase.member_status),
    selfReviewParams: await selfReviewParamsOn(q, kase.opened_on),
  };
}

/** R-RMV-03's number of requests in force on the day the case was opened (shipped or added by an administrator). */
async function selfReviewParamsOn(q: Q, date: IsoDate): Promise<SelfReviewParams> {
  try {
    return paramsInForce<SelfReviewParams>(await ruleSetsWithData(q, GRADING_RULE_SETS), 'R-RMV-03', date);
  } catch {
    return SELF_REVIEW_PARAMS;
  }
}

/**
 * R-ADM-14 (Quy định 294-QĐ/TW): the body that decides a removal for the cell on `date` is a property of that day's
 * tree (authority 'removal'); the decision is refused unless the decider's organization is that body or above it.
 */
export async function competentBodyOn(q: Q, cellId: number, date: IsoDate): Promise<{ body: ChainLink | null; parent: ChainLink | null; chain: ChainLink[] }> {
  const chain = await ancestorChainAsOf(q, cellId, date);
  const withAuthority = chain.map((c) => {
    const a = ZAuthority.safeParse(JSON.parse(c.authority || '{}'));
    return { ...c, authority: a.success ? a.data : { admission: false, recognition: false, removal: false } };
  });
  const body = competentBodyFor(withAuthority, 'removal');
  if (!body) return { body: null, parent: null, chain };
  const index = withAuthority.indexOf(body);
  return { body: chain[index], parent: chain[index + 1] ?? null, chain };
}

async function competentBodyCheck(q: Q, actor: Actor, cellId: number, date: IsoDate): Promise<{ check: RuleCheck; bodyId: number | null }> {
  const { body } = await competentBodyOn(q, cellId, date);
  if (!body) return { check: fail('R-ADM-14', 'no_competent_body', { date }), bodyId: null };
  const org = await repo.findOrganization(q, body.organization_id);
  const facts = { organizationId: body.organization_id, name: body.name, date };
  return org && isPathInScope(actor, org.path)
    ? { check: pass('R-ADM-14', 'competent_body', facts), bodyId: body.organization_id }
    : { check: fail('R-ADM-14', 'not_competent_body', facts), bodyId: body.organization_id };
}

/**
 * R-ADM-09 (Điều lệ Art. 4; 06-HD §3.6.b): the vote base from the cell's members on the meeting date: official
 * members (probationary ones never vote), less those away on temporary transfer, less exempted members absent.
 * With the meeting's sheet, attendance is read from it; without, exempted members count only if named present.
 * The member the case concerns is an official member of the cell like any other: R-ADM-09 names no exception, so an
 * official subject counts in the base (removal.routes.test.ts: "7 officials, the subject included").
 */
export async function voteBaseOn(q: Q, cellId: number, date: IsoDate, meetingId: number | null, presentExempted: readonly number[]): Promise<VoteBaseView> {
  const [roll, exempted, away] = await Promise.all([
    repo.listCellRoll(q, cellId),
    exemptMemberIdsOn(q, cellId, date, 'activities'),
    temporaryTransfersOut(q, cellId, date),
  ]);
  let present: Set<number> | null = null;
  if (meetingId !== null) {
    const meeting = await repo.findMeeting(q, meetingId);
    if (!meeting || meeting.organization_id !== cellId) invalid({ path: 'meetingId', code: 'not_a_meeting_of_the_cell' });
    if (meeting.meeting_date !== date) invalid({ path: 'meetingDate', code: 'not_the_meeting_date', params: { meetingDate: meeting.meeting_date } });
    const sheet = await repo.listMeetingAttendance(q, meetingId);
    if (sheet.length > 0) present = new Set(sheet.filter((a) => a.status === 'present').map((a) => a.member_id));
  }
  const exemptSet = new Set(exempted);
  const awaySet = new Set(away.map((a) => a.memberId));
  const named = new Set(presentExempted);
  const entries: CellRollEntry[] = roll.map((m) => ({
    personId: m.id,
    standing: m.status === 'official' && (m.official_date === null || m.official_date <= date) ? 'official' : 'probationary',
    temporarilyTransferredOut: awaySet.has(m.id),
    exempted: exemptSet.has(m.id),
    attended: present ? present.has(m.id) : exemptSet.has(m.id) ? named.has(m.id) : true,
  }));
  const vb = computeVoteBase(entries);
  return {
    date,
    ...vb,
    fromMeetingSheet: present !== null,
    exemptedMembers: roll.filter((m) => exemptSet.has(m.id)).map((m) => ({ id: m.id, fullName: m.full_name, attended: entries.find((e) => e.personId === m.id)!.attended })),
    transferredOutMembers: roll.filter((m) => awaySet.has(m.id)).map((m) => ({ id: m.id, fullName: m.full_name })),
  };
}

// ---------------------------------------------------------------- presenting

const ZStoredVote = z.object({
  meetingDate: z.string(),
  meetingId: z.number().nullable(),
  approve: z.number(),
  reject: z.number(),
  abstain: z.number(),
  base: z.any(),
});
const ZChecks = z.array(z.object({ ruleId: z.string(), ok: z.boolean(), code: z.string(), facts: z.record(z.string(), z.unknown()) }));

function presentReferral(r: repo.ReferralRow): Referral {
  return {
    id: r.id,
    member: { id: r.member_id, fullName: r.full_name },
    organization: { id: r.organization_id, name: r.organization_name },
    flagId: r.flag_id,
    referredOn: r.referred_on,
    reference: r.reference,
    description: r.description,
    warrantsExpulsion: r.warrants_expulsion === 1,
    concludedOn: r.concluded_on,
    outcome: r.outcome === null ? null : ZDisciplineOutcome.parse(r.outcome),
    conclusionRef: r.conclusion_ref,
    version: r.version,
  };
}

function presentSummary(k: repo.CaseRow) {
  return {
    id: k.id,
    member: { id: k.member_id, fullName: k.full_name, birthDate: k.birth_date },
    organization: { id: k.organization_id, name: k.organization_name },
    form: ZRemovalForm.parse(k.form),
    status: ZRemovalStatus.parse(k.status),
    grounds: groundsOf(k.grounds),
    openedOn: k.opened_on,
    decidedOn: k.decided_on,
    closedOn: k.closed_on,
  };
}

async function presentCase(q: Q, ctx: Ctx, k: repo.CaseRow): Promise<RemovalCase> {
  const state = stateOf(k);
  const [facts, requests, decisions, flag, referral] = await Promise.all([
    workflowFactsOf(q, k),
    repo.listRequests(q, k.id),
    repo.listDecisions(q, k.id),
    k.flag_id === null ? Promise.resolve(undefined) : repo.findFlag(q, k.flag_id),
    k.referral_id === null ? Promise.resolve(undefined) : repo.findReferral(q, k.referral_id),
  ]);
  const vote = k.vote === null ? null : parseList(ZStoredVote, k.vote, null);
  const bodyDate = k.decided_on ?? today(ctx);
  const body = k.competent_organization_id !== null ? await repo.findOrganization(q, k.competent_organization_id) : null;
  const bodyNow = body ? null : (await competentBodyOn(q, k.organization_id, bodyDate)).body;
  // The checklist the case is judged by now: the form (R-RMV-04/05, R-DIS-01, grounds), the self-review (R-RMV-03),
  // the vote (R-ADM-09), the competent body (R-ADM-14) and the card (R-MGT-08).
  const checklist: RuleCheck[] = removalChecklist(state.form, facts.removal, facts.selfReview, vote ? { base: vote.base.base, approvals: vote.approve } : null, facts.selfReviewParams);
  // The body itself, whoever looks: whether the viewer may decide is judged when the decision is recorded.
  const named = body ? { id: body.id, name: body.name } : bodyNow ? { id: bodyNow.organization_id, name: bodyNow.name } : null;
  checklist.push(named ? pass('R-ADM-14', 'competent_body', { organizationId: named.id, name: named.name, date: bodyDate }) : fail('R-ADM-14', 'no_competent_body', { date: bodyDate }));
  if (state.form !== 'released') {
    checklist.push(k.card_collected_on ? pass('R-MGT-08', 'card_collected', { on: k.card_collected_on }) : fail('R-MGT-08', 'card_not_collected'));
  }
  const can = { manage: grantFor('removal.manage', ctx.actor.role) !== null, decide: grantFor('removal.decide', ctx.actor.role) !== null };
  return {
    ...presentSummary(k),
    member: {
      id: k.member_id,
      fullName: k.full_name,
      birthDate: k.birth_date,
      status: k.member_status,
      cardNumber: k.card_number,
      organization: { id: k.member_organization_id, name: k.member_organization_name },
    },
    leavingCause: ZLeavingCause.catch('other').parse(k.leaving_cause),
    familyHardship: k.family_hardship === 1,
    flag: flag ? { id: flag.id, ruleId: flag.rule_id as 'R-RMV-01', kind: flag.kind as 'missed_activities', period: flag.period } : null,
    referral: referral ? presentReferral(referral) : null,
    requestedOn: k.requested_on,
    requestRef: k.request_ref,
    selfReviewedOn: k.self_reviewed_on,
    requests: requests.map((r) => ({ id: r.id, sentOn: r.sent_on, method: r.method, note: r.note })),
    vote: vote ? { meetingDate: vote.meetingDate, meetingId: vote.meetingId, approve: vote.approve, reject: vote.reject, abstain: vote.abstain, base: vote.base as VoteBaseView } : null,
    competentBody: body ? { id: body.id, name: body.name } : bodyNow ? { id: bodyNow.organization_id, name: bodyNow.name } : null,
    competentBodyDecided: body !== null,
    decisionNumber: k.decision_number,
    signerName: k.decision_signer_name,
    signerTitle: k.decision_signer_title,
    disciplineDecisionRef: k.discipline_decision_ref,
    cardCollectedOn: k.card_collected_on,
    closeReason: k.close_reason,
    checklist: checklist as RuleCheckView[],
    allowedActions: allowedActions(state, can),
    decisions: decisions.map((d) => ({
      id: d.id,
      action: d.action,
      fromStatus: d.from_status,
      toStatus: d.to_status,
      effectiveOn: d.effective_on,
      checks: parseList(ZChecks, d.checks, []),
      actor: d.actor_name ?? null,
      at: d.at,
    })),
    version: k.version,
  };
}

async function loadCase(q: Q, ctx: Ctx, id: number): Promise<repo.CaseRow> {
  const k = await repo.findCaseInScope(q, ctx.actor, id);
  if (!k) throw new DomainError('NOT_FOUND');
  return k;
}

// ---------------------------------------------------------------- reads

export async function getRemovalCase(db: Db, ctx: Ctx, id: number, o: { audit?: boolean } = {}): Promise<RemovalCase> {
  const k = await loadCase(db, ctx, id);
  // A sensitive read (a member's removal, discipline): audited (security.md, Audit); the steps audit their change.
  if (o.audit) await appendAuditAlone(db, ctx, { action: 'removal.case.read', objectType: 'removal_case', objectId: id });
  return presentCase(db, ctx, k);
}

export async function listRemovalCases(db: Db, ctx: Ctx, query: RemovalListQuery): Promise<RemovalList> {
  const org = await repo.findOrganizationInScope(db, ctx.actor, query.organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const rows = await repo.listCases(db, org.path, { status: query.status, form: query.form, year: query.year });
  await appendAuditAlone(db, ctx, { action: 'removal.cases.read', objectType: 'organization', objectId: org.id });
  return { organization: { id: org.id, name: org.name }, items: rows.map(presentSummary) };
}

export async function getVoteBase(db: Db, ctx: Ctx, id: number, q: { date: IsoDate; meetingId?: number }): Promise<VoteBaseView> {
  const k = await loadCase(db, ctx, id);
  return voteBaseOn(db, k.organization_id, q.date, q.meetingId ?? null, []);
}

export async function listMemberOptions(db: Db, ctx: Ctx, q: { organizationId?: number; q?: string }) {
  const org = await repo.findOrganizationInScope(db, ctx.actor, q.organizationId ?? ctx.actor.organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const rows = await repo.listMemberOptions(db, org.path, q.q ? normalizeVi(q.q) : undefined);
  return {
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      status: r.status,
      organization: { id: r.organization_id, name: r.organization_name },
      openCaseId: r.open_case_id ?? null,
    })),
  };
}

// ---------------------------------------------------------------- opening

/** The cause of leaving recorded by default (R-ADM-15 reads it; the decision may correct it). */
function defaultLeavingCause(form: RemovalForm, grounds: readonly StruckOffGround[]): LeavingCause {
  if (form === 'released') return 'voluntary_exit';
  if (form === 'struck_off' && grounds.includes('missed_activities')) return 'abandoned_activities';
  return 'other';
}

/**
 * Opens a case inside the caller's transaction (the flag review opens one with its decision). Refused by the
 * precedence rules before anything is written: R-RMV-05 (an expulsion-level violation must go to expulsion), R-RMV-04
 * (release only on a written request and with no pending violation), R-DIS-01 (a probationary member is not expelled).
 */
export async function openCaseIn(trx: Trx, ctx: Ctx, input: OpenRemovalCaseInput, link: { flagId?: number } = {}): Promise<number> {
  const day = today(ctx);
  const member = await repo.findMemberInScope(trx, ctx.actor, input.memberId);
  if (!member) throw new DomainError('NOT_FOUND');
  if (!isActiveStatus(member.status)) throw new DomainError('MEMBER_NOT_ACTIVE', { status: member.status });
  const open = await repo.findOpenCaseOfMember(trx, member.id);
  if (open) throw new DomainError('CONFLICT', { openCaseId: open.id });
  const openedOn = input.openedOn ?? day;
  const issues: FieldIssue[] = [];
  if (openedOn > day) issues.push({ path: 'openedOn', code: 'in_future', params: { today: day } });
  if (input.form === 'released' && !input.requestedOn) issues.push({ path: 'requestedOn', code: 'required_for_release' });
  if (input.requestedOn && input.requestedOn > day) issues.push({ path: 'requestedOn', code: 'in_future', params: { today: day } });
  if (input.form === 'expelled' && !input.referralId) issues.push({ path: 'referralId', code: 'required_for_expulsion' });
  let referralId: number | null = null;
  if (input.form === 'expelled' && input.referralId) {
    const r = await repo.findReferralInScope(trx, ctx.actor, input.referralId);
    if (!r || r.member_id !== member.id) issues.push({ path: 'referralId', code: 'not_a_referral_of_the_member' });
    else if (r.concluded_on !== null) issues.push({ path: 'referralId', code: 'referral_concluded' });
    else referralId = r.id;
  }
  if (issues.length) invalid(...issues);
  const grounds = input.form === 'struck_off' ? [...new Set(input.grounds)].sort() : [];
  const facts = await removalFactsOf(trx, member, { form: input.form, grounds, requestedOn: input.requestedOn ?? null });
  const checks = checkOpening(input.form, facts, true);
  const failed = violations(checks);
  if (failed.length) refused(failed);
  const at = ctx.now.toISOString();
  const status = initialStatus(input.form);
  const id = await repo.insertCase(trx, {
    member_id: member.id,
    organization_id: member.organization_id,
    form: input.form,
    status,
    grounds: json(grounds),
    leaving_cause: defaultLeavingCause(input.form, grounds),
    family_hardship: 0,
    flag_id: link.flagId ?? null,
    referral_id: referralId,
    requested_on: input.requestedOn ?? null,
    request_ref: input.requestRef,
    opened_on: openedOn,
    self_reviewed_on: null,
    vote: null,
    voted_on: null,
    competent_organization_id: null,
    decided_on: null,
    decision_number: null,
    decision_signer_name: null,
    decision_signer_title: null,
    discipline_decision_ref: null,
    card_collected_on: null,
    closed_on: null,
    close_reason: null,
    version: 1,
    created_by: ctx.actor.userId,
    created_at: at,
    updated_at: at,
  });
  await repo.insertDecision(trx, {
    case_id: id,
    action: 'open',
    from_status: null,
    to_status: status,
    effective_on: openedOn,
    checks: json(checks),
    data: json({ form: input.form, grounds, requestedOn: input.requestedOn ?? null, referralId, flagId: link.flagId ?? null, note: input.note }),
    actor_user_id: ctx.actor.userId,
    at,
  });
  await appendAudit(trx, ctx, { action: 'removal.open', objectType: 'removal_case', objectId: id, changedFields: ['status'] });
  return id;
}

export async function openRemovalCase(db: Db, ctx: Ctx, input: OpenRemovalCaseInput): Promise<RemovalCase> {
  const id = await inTransaction(db, (trx) => openCaseIn(trx, ctx, input));
  return getRemovalCase(db, ctx, id);
}

// ---------------------------------------------------------------- steps

interface StepPlan {
  step: RemovalStep;
  /** The case columns the step writes besides status. */
  patch: Updateable<Database['removal_cases']>;
  data: Record<string, unknown>;
  effectiveOn: IsoDate;
}

/**
 * One step: decide on the facts as they stand, compare-and-set the case (status and version), append the decision,
 * apply the effect on the member (status, left date and timeline, R-RMV decision) and the audit row, together.
 */
async function takeStep(db: Db, ctx: Ctx, id: number, version: number, plan: (trx: Trx, k: repo.CaseRow) => Promise<StepPlan>): Promise<RemovalCase> {
  const day = today(ctx);
  const at = ctx.now.toISOString();
  await inTransaction(db, async (trx) => {
    const k = await loadCase(trx, ctx, id);
    if (k.version !== version) throw new DomainError('CONFLICT', { currentVersion: k.version });
    const facts = await workflowFactsOf(trx, k);
    const p = await plan(trx, k);
    const decision = decideRemoval(stateOf(k), p.step, facts, day);
    if (!decision.ok) refused(decision.violations);
    const closing = !isOpenStatus(decision.status);
    const won = await repo.updateCaseIfCurrent(trx, k.id, k.version, k.status, {
      ...p.patch,
      status: decision.status,
      closed_on: closing ? p.effectiveOn : null,
      updated_at: at,
    });
    if (!won) throw new DomainError('CONFLICT', { currentVersion: k.version + 1 });
    await repo.insertDecision(trx, {
      case_id: k.id,
      action: p.step.type,
      from_status: k.status,
      to_status: decision.status,
      effective_on: p.effectiveOn,
      checks: json(decision.checks),
      data: json(p.data),
      actor_user_id: ctx.actor.userId,
      at,
    });
    if (decision.effect === 'leave_party') await removeFromParty(trx, ctx, k, p.effectiveOn, String(p.patch.decision_number ?? ''), day, at);
    if (p.step.type === 'record_decision' && k.referral_id !== null && p.step.removes) {
      // The expulsion concludes the referral it came from (R-DIS-01), in the same transaction.
      const r = await repo.findReferral(trx, k.referral_id);
      if (r && r.concluded_on === null) {
        await repo.updateReferralIfVersion(trx, r.id, r.version, { concluded_on: p.effectiveOn, outcome: 'expulsion', conclusion_ref: p.patch.discipline_decision_ref ?? null, updated_at: at });
      }
    }
    await appendAudit(trx, ctx, { action: `removal.${p.step.type}`, objectType: 'removal_case', objectId: k.id, changedFields: ['status', ...Object.keys(p.patch)] });
  });
  return getRemovalCase(db, ctx, id);
}

/**
 * The member leaves the party on the decision date: members.status and left_date (the projection) and a
 * member_events row of the form's kind, checked by the timeline rules (member-status.ts), in the decision's transaction.
 */
async function removeFromParty(trx: Trx, ctx: Ctx, k: repo.CaseRow, decidedOn: IsoDate, decisionRef: string, day: IsoDate, at: string): Promise<void> {
  const form = ZRemovalForm.parse(k.form);
  const member = await repo.findMemberInScope(trx, ctx.actor, k.member_id);
  if (!member) throw new DomainError('NOT_FOUND');
  const decision = decideMemberEvent(
    { status: member.status as MemberStatus, organizationId: member.organization_id, ceremonyDate: null, lastEventDate: await repo.findLastEventDate(trx, member.id) },
    { kind: form, eventDate: decidedOn },
    day,
  );
  if (!decision.ok) {
    if (decision.code === 'VALIDATION') invalid({ path: 'decidedOn', code: decision.fieldCode, params: decision.params });
    throw new DomainError(decision.code, decision.params);
  }
  const won = await repo.updateMemberIfVersion(trx, member.id, member.version, { status: decision.next.status, left_date: decision.next.leftDate ?? decidedOn, updated_at: at });
  if (!won) throw new DomainError('CONFLICT', { member: member.id });
  await repo.insertMemberEvent(trx, {
    member_id: member.id,
    kind: form,
    event_date: decidedOn,
    from_status: member.status,
    to_status: decision.next.status,
    from_organization_id: member.organization_id,
    to_organization_id: member.organization_id,
    decision_ref: decisionRef || null,
    // Shown on the member timeline; the case page is /removal/cases/<id>.
    note: `Hồ sơ số ${k.id} (đưa ra khỏi Đảng)`,
    actor_user_id: ctx.actor.userId,
    created_at: at,
  });
}

export function recordRequest(db: Db, ctx: Ctx, id: number, input: RecordRequestInput): Promise<RemovalCase> {
  return takeStep(db, ctx, id, input.version, async (trx, k) => {
    // Written inside the step's transaction: a refused step rolls it back. The decision was given the requests as
    // they stood before this one and counts it itself (R-RMV-03).
    await repo.insertRequest(trx, { case_id: k.id, sent_on: input.sentOn, method: input.method, note: input.note, recorded_by: ctx.actor.userId, at: ctx.now.toISOString() });
    return { step: { type: 'record_request', sentOn: input.sentOn }, patch: {}, data: { sentOn: input.sentOn, method: input.method, note: input.note }, effectiveOn: input.sentOn };
  });
}

export function recordSelfReview(db: Db, ctx: Ctx, id: number, input: RecordSelfReviewInput): Promise<RemovalCase> {
  return takeStep(db, ctx, id, input.version, async () => ({
    step: { type: 'record_self_review', on: input.on },
    patch: { self_reviewed_on: input.on },
    data: { on: input.on, note: input.note },
    effectiveOn: input.on,
  }));
}

export function recordVote(db: Db, ctx: Ctx, id: number, input: RecordVoteInput): Promise<RemovalCase> {
  return takeStep(db, ctx, id, input.version, async (trx, k) => {
    const base = await voteBaseOn(trx, k.organization_id, input.meetingDate, input.meetingId ?? null, input.presentExemptedMemberIds);
    const vote = { meetingDate: input.meetingDate, meetingId: input.meetingId ?? null, approve: input.approve, reject: input.reject, abstain: input.abstain, base };
    return {
      step: { type: 'record_vote', meetingDate: input.meetingDate, base: base.base, presentVoters: base.presentVoters, approve: input.approve, reject: input.reject, abstain: input.abstain },
      patch: { vote: json(vote), voted_on: input.meetingDate },
      data: vote,
      effectiveOn: input.meetingDate,
    };
  });
}

export function recordDecision(db: Db, ctx: Ctx, id: number, input: RecordDecisionInput): Promise<RemovalCase> {
  return takeStep(db, ctx, id, input.version, async (trx, k) => {
    const form = ZRemovalForm.parse(k.form);
    if (input.removes && !input.decisionNumber) invalid({ path: 'decisionNumber', code: 'required' });
    const { check, bodyId } = await competentBodyCheck(trx, ctx.actor, k.organization_id, input.decidedOn);
    const cause: LeavingCause = input.leavingCause ?? ZLeavingCause.parse(k.leaving_cause);
    return {
      step: { type: 'record_decision', decidedOn: input.decidedOn, removes: input.removes, competentBody: check, disciplineDecisionRef: input.disciplineDecisionRef },
      patch: {
        decided_on: input.decidedOn,
        competent_organization_id: bodyId,
        decision_number: input.decisionNumber,
        decision_signer_name: input.signerName,
        decision_signer_title: input.signerTitle,
        discipline_decision_ref: form === 'expelled' ? input.disciplineDecisionRef : null,
        leaving_cause: cause,
        family_hardship: (input.familyHardship ?? k.family_hardship === 1) ? 1 : 0,
        ...(input.removes ? {} : { close_reason: input.note }),
      },
      data: { ...input, version: undefined, competentBody: check.facts },
      effectiveOn: input.decidedOn,
    };
  });
}

export function collectCard(db: Db, ctx: Ctx, id: number, input: CollectCardInput): Promise<RemovalCase> {
  return takeStep(db, ctx, id, input.version, async () => ({
    step: { type: 'collect_card', on: input.on },
    patch: { card_collected_on: input.on },
    data: { on: input.on, note: input.note },
    effectiveOn: input.on,
  }));
}

export function withdrawCase(db: Db, ctx: Ctx, id: number, input: WithdrawCaseInput): Promise<RemovalCase> {
  return takeStep(db, ctx, id, input.version, async () => ({
    step: { type: 'withdraw', on: input.on },
    patch: { close_reason: input.reason },
    data: { on: input.on, reason: input.reason },
    effectiveOn: input.on,
  }));
}

// ---------------------------------------------------------------- discipline referrals

export async function createReferralIn(trx: Trx, ctx: Ctx, input: CreateReferralInput, link: { flagId?: number } = {}): Promise<number> {
  const day = today(ctx);
  const member = await repo.findMemberInScope(trx, ctx.actor, input.memberId);
  if (!member) throw new DomainError('NOT_FOUND');
  if (!isActiveStatus(member.status)) throw new DomainError('MEMBER_NOT_ACTIVE', { status: member.status });
  if (input.referredOn > day) invalid({ path: 'referredOn', code: 'in_future', params: { today: day } });
  const at = ctx.now.toISOString();
  const id = await repo.insertReferral(trx, {
    member_id: member.id,
    organization_id: member.organization_id,
    flag_id: link.flagId ?? null,
    referred_on: input.referredOn,
    reference: input.reference,
    description: input.description,
    warrants_expulsion: input.warrantsExpulsion ? 1 : 0,
    concluded_on: null,
    outcome: null,
    conclusion_ref: null,
    version: 1,
    created_by: ctx.actor.userId,
    created_at: at,
    updated_at: at,
  });
  await appendAudit(trx, ctx, { action: 'removal.referral', objectType: 'discipline_referral', objectId: id });
  return id;
}

export async function createReferral(db: Db, ctx: Ctx, input: CreateReferralInput): Promise<Referral> {
  const id = await inTransaction(db, (trx) => createReferralIn(trx, ctx, input));
  return presentReferral((await repo.findReferral(db, id))!);
}

export async function listReferrals(db: Db, ctx: Ctx, organizationId: number): Promise<{ items: Referral[] }> {
  const org = await repo.findOrganizationInScope(db, ctx.actor, organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const items = (await repo.listReferrals(db, org.path)).map(presentReferral);
  await appendAuditAlone(db, ctx, { action: 'removal.referrals.read', objectType: 'organization', objectId: org.id });
  return { items };
}

/**
 * Records the conclusion of a referral short of expulsion (or that no discipline followed). An expulsion is concluded
 * by the removal case of form 'expelled' with the discipline decision, so the member's status changes with it.
 */
export async function concludeReferral(db: Db, ctx: Ctx, id: number, input: ConcludeReferralInput): Promise<Referral> {
  const day = today(ctx);
  await inTransaction(db, async (trx) => {
    const r = await repo.findReferralInScope(trx, ctx.actor, id);
    if (!r) throw new DomainError('NOT_FOUND');
    if (r.version !== input.version) throw new DomainError('CONFLICT', { currentVersion: r.version });
    if (r.concluded_on !== null) throw new DomainError('INVALID_STATUS_TRANSITION', { status: 'concluded' });
    if (input.outcome === 'expulsion') invalid({ path: 'outcome', code: 'expulsion_by_removal_case' });
    if (input.concludedOn > day) invalid({ path: 'concludedOn', code: 'in_future', params: { today: day } });
    if (input.concludedOn < r.referred_on) invalid({ path: 'concludedOn', code: 'before_referral', params: { referredOn: r.referred_on } });
    const won = await repo.updateReferralIfVersion(trx, r.id, r.version, {
      concluded_on: input.concludedOn,
      outcome: input.outcome,
      conclusion_ref: input.conclusionRef,
      updated_at: ctx.now.toISOString(),
    });
    if (!won) throw new DomainError('CONFLICT', { currentVersion: r.version + 1 });
    await appendAudit(trx, ctx, { action: 'removal.referral_concluded', objectType: 'discipline_referral', objectId: r.id, changedFields: ['outcome'] });
  });
  return presentReferral((await repo.findReferral(db, id))!);
}

// ---------------------------------------------------------------- R-ADM-15 on a former member

const LEFT_PARTY = ['struck_off', 'released', 'expelled'];

/** The R-ADM-15 cause when no removal case records it: a release is a voluntary exit; otherwise not known. */
function causeFromStatus(status: string): LeavingCause {
  return status === 'released' ? 'voluntary_exit' : 'other';
}

export async function getReadmission(db: Db, ctx: Ctx, memberId: number): Promise<Readmission> {
  const m = await repo.findMemberInScope(db, ctx.actor, memberId);
  if (!m) throw new DomainError('NOT_FOUND');
  const empty = { memberId, status: m.status, leftOn: m.left_date, cause: null, causeOnRecord: false, removalCaseId: null, readmittedBefore: false, eligibility: null, check: null };
  if (!LEFT_PARTY.includes(m.status)) return { ...empty, applicable: false };
  await appendAuditAlone(db, ctx, { action: 'removal.readmission.read', objectType: 'member', objectId: memberId });
  const [kase, readmittedBefore] = await Promise.all([repo.findRemovingCaseOfMember(db, memberId), repo.wasReadmitted(db, m.person_id)]);
  const cause = kase ? ZLeavingCause.catch('other').parse(kase.leaving_cause) : causeFromStatus(m.status);
  const leftOn = m.left_date ?? kase?.decided_on ?? null;
  if (!leftOn) return { ...empty, applicable: true, cause, causeOnRecord: kase !== undefined, removalCaseId: kase?.id ?? null, readmittedBefore };
  const day = today(ctx);
  let params: ReadmissionParams = READMISSION_PARAMS;
  try {
    params = paramsInForce<ReadmissionParams>(await ruleSetsWithData(db, GRADING_RULE_SETS), 'R-ADM-15', day);
  } catch {
    /* no version in force yet: the shipped numbers */
  }
  const former = { cause, leftOn, readmittedBefore, familyHardship: kase?.family_hardship === 1, convictionClearedOn: null };
  return {
    ...empty,
    applicable: true,
    leftOn,
    cause,
    causeOnRecord: kase !== undefined,
    removalCaseId: kase?.id ?? null,
    readmittedBefore,
    eligibility: readmissionEligibility(former, params),
    check: checkReadmission(former, day, params),
  };
}
