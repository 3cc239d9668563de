import type { RemovalActionName, RemovalStatus } from '../../../common/contracts/removal.contract.ts';
import type { IsoDate } from '../../../common/rules/iso-date.ts';
import {
  checkRemovalForm,
  checkRemovalVote,
  checkSelfReview,
  type RemovalFacts,
  type RemovalForm,
  type SelfReviewFacts,
} from '../../../common/rules/removal-rules.ts';
import { SELF_REVIEW_PARAMS, type SelfReviewParams } from '../../../common/rules/grading-rule-sets.ts';
import { fail, pass, violations, type RuleCheck } from '../../../common/rules/rule-check.ts';

// The removal case as data (architecture principle 5): a status union, a pure decide(state, step, facts, today) that
// returns the next status with the checks it was judged on, or the failed checks. The rules are those of
// common/rules/removal-rules.ts; this file only orders them into a procedure per form:
//
// form        opened in     steps
// struck_off  self_review   requests / self-review (R-RMV-03) → cell_vote (R-ADM-09) → decision (R-ADM-14) → card_collection (R-MGT-08) → removed
// released    cell_vote     (the written request is on the case, R-RMV-04)  cell_vote → decision → removed
// expelled    cell_vote     (the discipline referral is on the case)        cell_vote → decision (discipline ref) → card_collection → removed
//
// A vote that does not reach 2/3, or a competent body that decides not to remove, closes the case as not_removed; a
// case is withdrawn only with a written reason. The precedence rules (R-RMV-04, R-RMV-05, R-DIS-01) are judged again
// at every step on the facts as they stand: a violation found after opening still blocks the wrong form.

export interface RemovalState {
  form: RemovalForm;
  status: RemovalStatus;
  openedOn: IsoDate;
  /** Release: the day of the member's written request. */
  requestedOn: IsoDate | null;
  votedOn: IsoDate | null;
  decidedOn: IsoDate | null;
}

export interface RemovalWorkflowFacts {
  removal: RemovalFacts;
  selfReview: SelfReviewFacts;
  /** The member is still in the party (probationary or official). */
  memberActive: boolean;
  selfReviewParams?: SelfReviewParams;
}

export type RemovalStep =
  | { type: 'record_request'; sentOn: IsoDate }
  | { type: 'record_self_review'; on: IsoDate }
  | { type: 'record_vote'; meetingDate: IsoDate; base: number; presentVoters: number; approve: number; reject: number; abstain: number }
  | { type: 'record_decision'; decidedOn: IsoDate; removes: boolean; competentBody: RuleCheck; disciplineDecisionRef: string | null }
  | { type: 'collect_card'; on: IsoDate }
  | { type: 'withdraw'; on: IsoDate };

export type RemovalDecision =
  | {
      ok: true;
      status: RemovalStatus;
      /** Everything judged for the step (stored with the decision row). */
      checks: RuleCheck[];
      /** leave_party: the member's status and timeline change in the same transaction. */
      effect: 'none' | 'leave_party';
    }
  | { ok: false; violations: RuleCheck[] };

/** Refusals about the procedure itself (wrong step, dates out of order) carry this id instead of a rule of rules.md. */
export const WORKFLOW = 'workflow';

export const OPEN_STATUSES: readonly RemovalStatus[] = ['self_review', 'cell_vote', 'decision', 'card_collection'];
export const isOpenStatus = (s: RemovalStatus) => OPEN_STATUSES.includes(s);

/** Where a new case starts: name removal with the member's self-review (R-RMV-03), the others with the cell's vote. */
export function initialStatus(form: RemovalForm): RemovalStatus {
  return form === 'struck_off' ? 'self_review' : 'cell_vote';
}

/** The checks a case must pass to be opened: the form the facts allow (R-RMV-04, R-RMV-05, R-DIS-01, grounds). */
export function checkOpening(form: RemovalForm, facts: RemovalFacts, memberActive: boolean): RuleCheck[] {
  const checks = checkRemovalForm(form, facts);
  if (!memberActive) checks.unshift(fail(WORKFLOW, 'member_not_active'));
  return checks;
}

const refuse = (...checks: RuleCheck[]): RemovalDecision => ({ ok: false, violations: checks });
const notIn = (state: RemovalState, step: RemovalStep) => refuse(fail(WORKFLOW, 'action_not_allowed_in_status', { status: state.status, action: step.type }));

function dateChecks(on: IsoDate, today: IsoDate, notBefore: IsoDate, beforeCode: string): RuleCheck[] {
  const out: RuleCheck[] = [];
  if (on > today) out.push(fail(WORKFLOW, 'date_in_future', { date: on, today }));
  if (on < notBefore) out.push(fail(WORKFLOW, beforeCode, { date: on, notBefore }));
  return out;
}

/** The day the self-review requirement was met (R-RMV-03): the self-review, or the request that made the count; null if not met. */
function selfReviewDoneOn(f: SelfReviewFacts, params: SelfReviewParams): IsoDate | null {
  if (f.selfReviewedOn !== null) return f.selfReviewedOn;
  const days = [...new Set(f.requests.filter((r) => r.respondedOn === null).map((r) => r.sentOn))].sort();
  return days.length >= params.selfReviewRequests ? days[params.selfReviewRequests - 1] : null;
}

/** The next state of a removal case under `step` on `today`, or why not. */
export function decideRemoval(state: RemovalState, step: RemovalStep, facts: RemovalWorkflowFacts, today: IsoDate): RemovalDecision {
  const params = facts.selfReviewParams ?? SELF_REVIEW_PARAMS;
  switch (step.type) {
    case 'record_request':
    case 'record_self_review': {
      if (state.form !== 'struck_off' || state.status !== 'self_review') return notIn(state, step);
      const on = step.type === 'record_request' ? step.sentOn : step.on;
      // The cell's dealings with the member may predate the case's recording (minutes entered afterwards): only the
      // future is refused here, and the vote must come after them (below).
      const dates = dateChecks(on, today, '0001-01-01', 'before_opened');
      if (dates.length) return refuse(...dates);
      // R-RMV-03 (Hướng dẫn 01-HD/TW §11.1): the cell may go on to its vote once the member self-reviewed, or after
      // the third recorded request went unanswered.
      const after: SelfReviewFacts =
        step.type === 'record_self_review'
          ? { ...facts.selfReview, selfReviewedOn: on }
          : { ...facts.selfReview, requests: [...facts.selfReview.requests, { sentOn: on, respondedOn: null }] };
      const check = checkSelfReview(after, params);
      return { ok: true, status: check.ok ? 'cell_vote' : 'self_review', checks: [check], effect: 'none' };
    }
    case 'record_vote': {
      if (state.status !== 'cell_vote') return notIn(state, step);
      // R-RMV-03: the vote follows the self-review (or the last of the requests); a release follows the written request.
      const after = state.form === 'struck_off' ? selfReviewDoneOn(facts.selfReview, params) : state.form === 'released' ? state.requestedOn : null;
      const dates = dateChecks(step.meetingDate, today, after ?? '0001-01-01', state.form === 'struck_off' ? 'before_self_review' : 'before_request');
      if (dates.length) return refuse(...dates);
      const form = checkRemovalForm(state.form, facts.removal);
      const self = state.form === 'struck_off' ? [checkSelfReview(facts.selfReview, params)] : [];
      const cast = step.approve + step.reject + step.abstain;
      // The minutes cannot count more votes than official members of the base who were present (R-REC-02 as for
      // admission: probationary members do not vote), nor more approvals than the base.
      const voters =
        cast <= step.presentVoters
          ? pass('R-ADM-09', 'votes_within_present_voters', { cast, presentVoters: step.presentVoters })
          : fail('R-ADM-09', 'more_votes_than_present_voters', { cast, presentVoters: step.presentVoters });
      const blocking = violations([...form, ...self, voters]);
      if (blocking.length) return refuse(...blocking);
      if (step.base === 0) return refuse(fail('R-ADM-09', 'empty_vote_base', { base: 0, approvals: step.approve }));
      if (step.approve > step.base) return refuse(fail('R-ADM-09', 'more_approvals_than_base', { base: step.base, approvals: step.approve }));
      const vote = checkRemovalVote({ base: step.base, approvals: step.approve });
      const checks = [...form, ...self, voters, vote];
      // R-ADM-09: 2/3 of the base carries the proposal to the competent body; short of it the cell did not approve.
      return { ok: true, status: vote.ok ? 'decision' : 'not_removed', checks, effect: 'none' };
    }
    case 'record_decision': {
      if (state.status !== 'decision') return notIn(state, step);
      const dates = dateChecks(step.decidedOn, today, state.votedOn ?? state.openedOn, 'before_vote');
      if (dates.length) return refuse(...dates);
      // R-ADM-14: only the competent body decides, either way.
      if (!step.competentBody.ok) return refuse(step.competentBody);
      if (!step.removes) return { ok: true, status: 'not_removed', checks: [step.competentBody], effect: 'none' };
      const checks = [...checkRemovalForm(state.form, facts.removal), step.competentBody];
      if (!facts.memberActive) checks.push(fail(WORKFLOW, 'member_not_active'));
      if (state.form === 'expelled') {
        // R-DIS-01 (Quy định 69 Art. 7): expulsion is a discipline form, decided by the competent body's discipline decision.
        checks.push(step.disciplineDecisionRef ? pass('R-DIS-01', 'discipline_decision_on_file', { ref: step.disciplineDecisionRef }) : fail('R-DIS-01', 'discipline_decision_required'));
      }
      const failed = violations(checks);
      if (failed.length) return refuse(...failed);
      // R-MGT-08 (06-QĐ/TW 2026): the card is collected on expulsion or name removal; a release closes with the decision.
      return { ok: true, status: state.form === 'released' ? 'removed' : 'card_collection', checks, effect: 'leave_party' };
    }
    case 'collect_card': {
      if (state.status !== 'card_collection') return notIn(state, step);
      const dates = dateChecks(step.on, today, state.decidedOn ?? state.openedOn, 'before_decision');
      if (dates.length) return refuse(...dates);
      return { ok: true, status: 'removed', checks: [pass('R-MGT-08', 'card_collected', { on: step.on })], effect: 'none' };
    }
    case 'withdraw': {
      if (!['self_review', 'cell_vote', 'decision'].includes(state.status)) return notIn(state, step);
      const dates = dateChecks(step.on, today, state.openedOn, 'before_opened');
      if (dates.length) return refuse(...dates);
      return { ok: true, status: 'withdrawn', checks: [], effect: 'none' };
    }
  }
}

/** The actions the viewer may take now: 'removal.manage' takes the cell's steps, 'removal.decide' the decision. */
export function allowedActions(state: RemovalState, can: { manage: boolean; decide: boolean }): RemovalActionName[] {
  const out: RemovalActionName[] = [];
  if (['decision', 'card_collection', 'removed'].includes(state.status)) out.push('download_decision');
  if (can.manage && state.form === 'struck_off' && state.status === 'self_review') out.push('record_request', 'record_self_review');
  if (can.manage && state.status === 'cell_vote') out.push('record_vote');
  if (can.decide && state.status === 'decision') out.push('record_decision');
  if (can.manage && state.status === 'card_collection') out.push('collect_card');
  if (can.manage && ['self_review', 'cell_vote', 'decision'].includes(state.status)) out.push('withdraw');
  return out;
}
