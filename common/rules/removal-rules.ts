// Taking members out of the party (rules.md R-RMV-03…07, R-DIS-01, R-ADM-09, R-ADM-15): which form is allowed,
// the self-review before name removal, the cell's vote, the review decision that closes a screening flag, and
// when a former member may be readmitted. Pure: the removal workflow and the flag store live in the service.
import {
  FLAG_REVIEW_PARAMS,
  NOT_COMPLETED_PARAMS,
  READMISSION_PARAMS,
  SELF_REVIEW_PARAMS,
  type NotCompletedParams,
  type ReadmissionParams,
  type SelfReviewParams,
} from './grading-rule-sets.ts';
import { addDays, addMonths, isIsoDate, type IsoDate } from './iso-date.ts';
import { fail, pass, violations, type RuleCheck } from './rule-check.ts';

/** Name removal (xóa tên), release at own request (cho ra khỏi Đảng), expulsion by discipline (khai trừ). */
export const REMOVAL_FORMS = ['struck_off', 'released', 'expelled'] as const;
export type RemovalForm = (typeof REMOVAL_FORMS)[number];

/**
 * Grounds for name removal: R-RMV-01 (missed activities, unpaid dues, 3 months in a year), R-RMV-02 (card returned
 * or destroyed, no progress after 12 months of education, `not_completed` 2 years in a row, failing the political
 * standard), R-REC-04 (a probationary member found not qualified).
 */
export const STRUCK_OFF_GROUNDS = [
  'missed_activities',
  'unpaid_dues',
  'card_returned_or_destroyed',
  'no_progress_after_education',
  'not_completed_two_years',
  'political_standard_failed',
  'probation_not_qualified',
] as const;
export type StruckOffGround = (typeof STRUCK_OFF_GROUNDS)[number];

export interface RemovalFacts {
  memberStatus: 'probationary' | 'official';
  /** Grounds on record for name removal. */
  grounds: readonly StruckOffGround[];
  /** The member asked in writing to leave the party. */
  requestedByMember: boolean;
  /** A violation under inspection or discipline that is not yet concluded. */
  pendingViolation: boolean;
  /** A violation (pending or concluded) judged serious enough for expulsion. */
  violationWarrantsExpulsion: boolean;
}

/**
 * Which form of leaving the facts allow, as a checklist (passes and failures):
 * - R-RMV-05 (Điều lệ Art. 8; QĐ 30/2016 Art. 35): an expulsion-level violation must go to expulsion; name removal and
 *   release are refused. A probationary member cannot be expelled (R-DIS-01: reprimand or warning only), so for
 *   them the form left is name removal as not qualified (R-REC-04) and release is still refused.
 * - R-RMV-04 (Điều lệ Art. 8.3): release only on the member's written request and with no pending violation.
 * - R-RMV-01/02: name removal needs a ground on record; `probation_not_qualified` only for a probationary member.
 */
export function checkRemovalForm(form: RemovalForm, facts: RemovalFacts): RuleCheck[] {
  const isProbationary = facts.memberStatus === 'probationary';
  const requiredForm: RemovalForm = isProbationary ? 'struck_off' : 'expelled';
  const checks: RuleCheck[] = [];
  if (facts.violationWarrantsExpulsion && form !== requiredForm) {
    checks.push(fail('R-RMV-05', 'expulsion_level_violation', { form, requiredForm }));
  } else {
    checks.push(pass('R-RMV-05', 'ok', { violationWarrantsExpulsion: facts.violationWarrantsExpulsion }));
  }
  if (form === 'expelled') {
    checks.push(isProbationary ? fail('R-DIS-01', 'probationary_cannot_be_expelled') : pass('R-DIS-01'));
  }
  if (form === 'released') {
    checks.push(facts.requestedByMember ? pass('R-RMV-04', 'requested') : fail('R-RMV-04', 'release_needs_request'));
    checks.push(facts.pendingViolation ? fail('R-RMV-04', 'pending_violation') : pass('R-RMV-04', 'no_pending_violation'));
  }
  if (form === 'struck_off') {
    const grounds = [...new Set(facts.grounds)].sort();
    const misplaced = grounds.includes('probation_not_qualified') && !isProbationary;
    if (misplaced) checks.push(fail('R-RMV-02', 'probation_ground_for_official_member', { grounds }));
    // A probationary member with an expulsion-level violation is not qualified: that is the ground (R-REC-04).
    const hasGround = grounds.some((g) => g !== 'probation_not_qualified' || isProbationary) || (isProbationary && facts.violationWarrantsExpulsion);
    checks.push(hasGround ? pass('R-RMV-02', 'ground_on_record', { grounds }) : fail('R-RMV-02', 'struck_off_needs_ground', { grounds }));
  }
  return checks;
}

export interface SelfReviewFacts {
  /** The day the member self-reviewed before the cell; null = not yet. */
  selfReviewedOn: IsoDate | null;
  /** Recorded requests to come and self-review, and the day the member answered (null = no response). */
  requests: readonly { sentOn: IsoDate; respondedOn: IsoDate | null }[];
}

/**
 * R-RMV-03 (Hướng dẫn 01-HD/TW §11.1): before name removal the member self-reviews before the cell; when three
 * recorded requests (on distinct days, so one day's repeats count once) got no response, the cell may proceed.
 */
export function checkSelfReview(facts: SelfReviewFacts, params: SelfReviewParams = SELF_REVIEW_PARAMS): RuleCheck {
  if (facts.selfReviewedOn !== null) return pass('R-RMV-03', 'self_reviewed', { selfReviewedOn: facts.selfReviewedOn });
  const unansweredRequests = new Set(facts.requests.filter((r) => r.respondedOn === null).map((r) => r.sentOn)).size;
  const facts_ = { unansweredRequests, required: params.selfReviewRequests };
  return unansweredRequests >= params.selfReviewRequests
    ? pass('R-RMV-03', 'no_response_after_requests', facts_)
    : fail('R-RMV-03', 'self_review_pending', facts_);
}

/**
 * The cell's vote on a removal: at least 2/3 of the R-ADM-09 vote base (official members, minus those on temporary
 * transfer elsewhere and exempted members who are absent) approve. Integers only: approvals × 3 ≥ base × 2, so
 * exactly 2/3 passes. The base is computed by the caller; an empty base cannot decide.
 */
export function checkRemovalVote(vote: { base: number; approvals: number }): RuleCheck {
  const { base, approvals } = vote;
  if (!Number.isInteger(base) || !Number.isInteger(approvals) || base < 0 || approvals < 0 || approvals > base) {
    throw new RangeError(`vote ${approvals}/${base} is not a count within its base`);
  }
  if (base === 0) return fail('R-ADM-09', 'empty_vote_base', { base, approvals });
  return approvals * 3 >= base * 2
    ? pass('R-ADM-09', 'two_thirds_approved', { base, approvals })
    : fail('R-ADM-09', 'two_thirds_not_reached', { base, approvals });
}

/**
 * The whole checklist of a removal proposal: the form (R-RMV-04/05, R-DIS-01, grounds), the self-review for name
 * removal (R-RMV-03; release and expulsion have their own procedures), and the cell's vote (null = not yet held).
 */
export function removalChecklist(
  form: RemovalForm,
  facts: RemovalFacts,
  selfReview: SelfReviewFacts,
  vote: { base: number; approvals: number } | null,
  params: SelfReviewParams = SELF_REVIEW_PARAMS,
): RuleCheck[] {
  const checks = checkRemovalForm(form, facts);
  if (form === 'struck_off') checks.push(checkSelfReview(selfReview, params));
  checks.push(vote === null ? fail('R-ADM-09', 'vote_not_held') : checkRemovalVote(vote));
  return checks;
}

// ——— R-RMV-07: closing screening flags ———

/** What a review may decide about a flag (each closes it; only these close it). */
export type FlagReviewDecision =
  | { kind: 'removal_case'; note?: string }
  | { kind: 'discipline_referral'; note?: string }
  | { kind: 'education_plan'; note?: string }
  | { kind: 'no_action'; reason: string };
export const FLAG_REVIEW_DECISIONS = ['removal_case', 'discipline_referral', 'education_plan', 'no_action'] as const;

/** The part of a stored flag the review rules read. */
export interface ReviewableFlag {
  key: string;
  raisedOn: IsoDate;
  closedOn: IsoDate | null;
}

export interface FlagClosure {
  key: string;
  decision: FlagReviewDecision['kind'];
  closedOn: IsoDate;
  /** Education plan: the day the cell checks progress (R-RMV-02: no progress after 12 months → name removal). */
  followUpOn: IsoDate | null;
  /** The written reason (no_action) or note. */
  reason: string | null;
  /** The case the decision opens, for the service to create. */
  opens: 'removal_case' | 'discipline_case' | null;
}

export type FlagReviewResult = { ok: true; closure: FlagClosure } | { ok: false; violations: RuleCheck[] };

/**
 * R-RMV-07 (Kế hoạch 99 II.4): leniency and avoidance are named failures, so a flag closes only by one of these
 * recorded decisions, and "no action" needs a written reason. An education plan runs 12 months (R-RMV-02) and sets
 * the follow-up date. A closed flag cannot be decided again; a decision cannot predate the flag.
 */
export function decideFlagReview(
  flag: ReviewableFlag,
  decision: FlagReviewDecision,
  today: IsoDate,
  params: Pick<NotCompletedParams, 'educationPlanMonths'> = NOT_COMPLETED_PARAMS,
): FlagReviewResult {
  if (!isIsoDate(today)) throw new RangeError(`Not an ISO date: ${today}`);
  const checks: RuleCheck[] = [
    flag.closedOn === null ? pass('R-RMV-07', 'flag_open') : fail('R-RMV-07', 'flag_already_closed', { closedOn: flag.closedOn }),
    today >= flag.raisedOn ? pass('R-RMV-07', 'after_flag') : fail('R-RMV-07', 'decision_before_flag', { raisedOn: flag.raisedOn, today }),
  ];
  const text = (decision.kind === 'no_action' ? decision.reason : decision.note ?? '').trim();
  if (decision.kind === 'no_action' && text === '') checks.push(fail('R-RMV-07', 'no_action_reason_required'));
  const failed = violations(checks);
  if (failed.length > 0) return { ok: false, violations: failed };
  const opens = decision.kind === 'removal_case' ? 'removal_case' : decision.kind === 'discipline_referral' ? 'discipline_case' : null;
  return {
    ok: true,
    closure: {
      key: flag.key,
      decision: decision.kind,
      closedOn: today,
      followUpOn: decision.kind === 'education_plan' ? addMonths(today, params.educationPlanMonths) : null,
      reason: text === '' ? null : text,
      opens,
    },
  };
}

/** R-RMV-07: the last day a flag may wait for its decision (calendar days after it was raised; the number is U). */
export function reviewDueOn(flag: ReviewableFlag, reviewDays: number = FLAG_REVIEW_PARAMS.flagReviewDays): IsoDate {
  if (!Number.isInteger(reviewDays) || reviewDays < 0) throw new RangeError(`reviewDays must be a count: ${reviewDays}`);
  return addDays(flag.raisedOn, reviewDays);
}

/** R-RMV-07: an open flag past its review window rises to the superior committee; the due day itself is in time. */
export function isReviewOverdue(flag: ReviewableFlag, today: IsoDate, reviewDays: number = FLAG_REVIEW_PARAMS.flagReviewDays): boolean {
  return flag.closedOn === null && today > reviewDueOn(flag, reviewDays);
}

// ——— R-ADM-15: readmission ———

/** Why a member left, as far as readmission cares (Quy định 294-QĐ/TW §3.5). */
export const LEAVING_CAUSES = [
  'abandoned_activities',
  'voluntary_exit',
  'serious_disunity',
  'corruption',
  'serious_crime',
  'less_serious_conviction',
  'other',
] as const;
export type LeavingCause = (typeof LEAVING_CAUSES)[number];

export interface FormerMemberFacts {
  cause: LeavingCause;
  leftOn: IsoDate;
  /** Readmitted once already (readmission is once only). */
  readmittedBefore: boolean;
  /** Voluntary exit for family hardship (the one exception to the voluntary-exit bar). */
  familyHardship?: boolean;
  /** Less-serious conviction: the day the criminal record was cleared; null = not yet. */
  convictionClearedOn?: IsoDate | null;
}

export type ReadmissionBar =
  | 'already_readmitted_once'
  | 'abandoned_activities'
  | 'voluntary_exit'
  | 'serious_disunity'
  | 'corruption'
  | 'serious_crime';

export type ReadmissionEligibility =
  /** Eligible from that day, with the written agreement of the provincial standing committee. */
  | { status: 'eligible_from'; from: IsoDate; needs: 'provincial_standing_committee_agreement' }
  | { status: 'never'; reason: ReadmissionBar }
  /** Not computable yet: the conviction is not cleared. */
  | { status: 'pending'; reason: 'conviction_not_cleared' };

const NEVER_CAUSES: ReadonlySet<LeavingCause> = new Set(['abandoned_activities', 'serious_disunity', 'corruption', 'serious_crime']);

/**
 * R-ADM-15 (Quy định 294-QĐ/TW §3.5), shown on a former member: ≥ 36 months after leaving (and ≥ 60 months after a
 * cleared less-serious conviction, whichever is later); once only; never after leaving by abandoning activities,
 * voluntary exit (unless family hardship), serious disunity, corruption or a serious crime.
 */
export function readmissionEligibility(former: FormerMemberFacts, params: ReadmissionParams = READMISSION_PARAMS): ReadmissionEligibility {
  if (former.readmittedBefore) return { status: 'never', reason: 'already_readmitted_once' };
  if (NEVER_CAUSES.has(former.cause)) return { status: 'never', reason: former.cause as ReadmissionBar };
  if (former.cause === 'voluntary_exit' && !former.familyHardship) return { status: 'never', reason: 'voluntary_exit' };
  let from = addMonths(former.leftOn, params.monthsAfterLeaving);
  if (former.cause === 'less_serious_conviction') {
    const cleared = former.convictionClearedOn ?? null;
    if (cleared === null) return { status: 'pending', reason: 'conviction_not_cleared' };
    const afterClearance = addMonths(cleared, params.monthsAfterClearedConviction);
    if (afterClearance > from) from = afterClearance;
  }
  return { status: 'eligible_from', from, needs: 'provincial_standing_committee_agreement' };
}

/** R-ADM-15 on a given day, as a checklist line. */
export function checkReadmission(former: FormerMemberFacts, on: IsoDate, params: ReadmissionParams = READMISSION_PARAMS): RuleCheck {
  const e = readmissionEligibility(former, params);
  if (e.status === 'never') return fail('R-ADM-15', e.reason, { cause: former.cause, leftOn: former.leftOn });
  if (e.status === 'pending') return fail('R-ADM-15', e.reason, { cause: former.cause });
  return on >= e.from ? pass('R-ADM-15', 'eligible', { from: e.from }) : fail('R-ADM-15', 'too_early', { from: e.from, on });
}
