import { describe, expect, it } from 'vitest';
import type { RemovalFacts } from '../../../common/rules/removal-rules.ts';
import { pass, fail } from '../../../common/rules/rule-check.ts';
import { allowedActions, checkOpening, decideRemoval, initialStatus, type RemovalState, type RemovalWorkflowFacts } from './removal.workflow.ts';

// The removal procedure as data (architecture principle 5): each form's order of steps, judged by the rules of
// common/rules/removal-rules.ts (R-RMV-03…05, R-DIS-01, R-ADM-09) and the step's own facts (R-ADM-14, R-MGT-08).

const TODAY = '2026-06-15';
const official: RemovalFacts = { memberStatus: 'official', grounds: ['missed_activities'], requestedByMember: false, pendingViolation: false, violationWarrantsExpulsion: false };
const facts = (o: Partial<RemovalFacts> = {}, selfReview: RemovalWorkflowFacts['selfReview'] = { selfReviewedOn: null, requests: [] }): RemovalWorkflowFacts => ({
  removal: { ...official, ...o },
  selfReview,
  memberActive: true,
});
const state = (o: Partial<RemovalState> = {}): RemovalState => ({ form: 'struck_off', status: 'self_review', openedOn: '2026-05-01', requestedOn: null, votedOn: null, decidedOn: null, ...o });
const competent = pass('R-ADM-14', 'competent_body', { name: 'Đảng bộ xã Lạc Dương' });

describe('removal workflow', () => {
  it('name removal starts with the self-review; release and expulsion with the vote', () => {
    expect(initialStatus('struck_off')).toBe('self_review');
    expect(initialStatus('released')).toBe('cell_vote');
    expect(initialStatus('expelled')).toBe('cell_vote');
  });

  it('R-RMV-03: the third unanswered request on a distinct day moves the case to the vote; two do not', () => {
    const two = facts({}, { selfReviewedOn: null, requests: [{ sentOn: '2026-05-02', respondedOn: null }, { sentOn: '2026-05-09', respondedOn: null }] });
    const sameDay = decideRemoval(state(), { type: 'record_request', sentOn: '2026-05-09' }, two, TODAY);
    expect(sameDay).toMatchObject({ ok: true, status: 'self_review' });
    const third = decideRemoval(state(), { type: 'record_request', sentOn: '2026-05-16' }, two, TODAY);
    expect(third).toMatchObject({ ok: true, status: 'cell_vote', checks: [{ ruleId: 'R-RMV-03', ok: true, code: 'no_response_after_requests' }] });
    expect(decideRemoval(state(), { type: 'record_self_review', on: '2026-05-20' }, facts(), TODAY)).toMatchObject({ ok: true, status: 'cell_vote' });
  });

  it('R-RMV-03: the vote comes after the self-review', () => {
    const f = facts({}, { selfReviewedOn: '2026-06-01', requests: [] });
    const early = decideRemoval(state({ status: 'cell_vote' }), { type: 'record_vote', meetingDate: '2026-05-30', base: 6, presentVoters: 6, approve: 6, reject: 0, abstain: 0 }, f, TODAY);
    expect(early).toMatchObject({ ok: false, violations: [{ ruleId: 'workflow', code: 'before_self_review' }] });
  });

  it('R-ADM-09: exactly 2/3 carries the proposal; one short closes the case as not removed', () => {
    const f = facts({}, { selfReviewedOn: '2026-06-01', requests: [] });
    const s = state({ status: 'cell_vote' });
    expect(decideRemoval(s, { type: 'record_vote', meetingDate: '2026-06-05', base: 6, presentVoters: 6, approve: 4, reject: 2, abstain: 0 }, f, TODAY)).toMatchObject({ ok: true, status: 'decision' });
    expect(decideRemoval(s, { type: 'record_vote', meetingDate: '2026-06-05', base: 6, presentVoters: 6, approve: 3, reject: 3, abstain: 0 }, f, TODAY)).toMatchObject({ ok: true, status: 'not_removed' });
    expect(decideRemoval(s, { type: 'record_vote', meetingDate: '2026-06-05', base: 6, presentVoters: 5, approve: 4, reject: 2, abstain: 0 }, f, TODAY)).toMatchObject({
      ok: false,
      violations: [{ ruleId: 'R-ADM-09', code: 'more_votes_than_present_voters' }],
    });
  });

  it('R-RMV-05 is judged again at the decision: a violation found after opening blocks name removal', () => {
    const d = decideRemoval(state({ status: 'decision', votedOn: '2026-06-05' }), { type: 'record_decision', decidedOn: '2026-06-10', removes: true, competentBody: competent, disciplineDecisionRef: null }, facts({ violationWarrantsExpulsion: true }), TODAY);
    expect(d).toMatchObject({ ok: false, violations: [{ ruleId: 'R-RMV-05', code: 'expulsion_level_violation' }] });
  });

  it('R-ADM-14: only the competent body decides, either way; the decision removes the member (effect) and the card follows (R-MGT-08)', () => {
    const s = state({ status: 'decision', votedOn: '2026-06-05' });
    const notCompetent = fail('R-ADM-14', 'not_competent_body', { name: 'Đảng bộ xã Lạc Dương' });
    expect(decideRemoval(s, { type: 'record_decision', decidedOn: '2026-06-10', removes: false, competentBody: notCompetent, disciplineDecisionRef: null }, facts(), TODAY)).toMatchObject({ ok: false });
    expect(decideRemoval(s, { type: 'record_decision', decidedOn: '2026-06-10', removes: true, competentBody: competent, disciplineDecisionRef: null }, facts(), TODAY)).toMatchObject({
      ok: true,
      status: 'card_collection',
      effect: 'leave_party',
    });
    expect(decideRemoval({ ...s, form: 'released' }, { type: 'record_decision', decidedOn: '2026-06-10', removes: true, competentBody: competent, disciplineDecisionRef: null }, facts({ requestedByMember: true }), TODAY)).toMatchObject({
      ok: true,
      status: 'removed',
    });
    expect(decideRemoval(state({ status: 'card_collection', decidedOn: '2026-06-10' }), { type: 'collect_card', on: '2026-06-09' }, facts(), TODAY)).toMatchObject({ ok: false });
  });

  it('R-DIS-01: an expulsion needs the discipline decision; a probationary member cannot be expelled', () => {
    const s = state({ form: 'expelled', status: 'decision', votedOn: '2026-06-05' });
    const without = decideRemoval(s, { type: 'record_decision', decidedOn: '2026-06-10', removes: true, competentBody: competent, disciplineDecisionRef: null }, facts({ violationWarrantsExpulsion: true }), TODAY);
    expect(without).toMatchObject({ ok: false, violations: [{ ruleId: 'R-DIS-01', code: 'discipline_decision_required' }] });
    expect(checkOpening('expelled', { ...official, memberStatus: 'probationary' }, true).filter((c) => !c.ok).map((c) => c.code)).toContain('probationary_cannot_be_expelled');
  });

  it('R-RMV-04: release is refused while a violation is pending', () => {
    expect(checkOpening('released', { ...official, requestedByMember: true, pendingViolation: true }, true).filter((c) => !c.ok).map((c) => `${c.ruleId}:${c.code}`)).toEqual(['R-RMV-04:pending_violation']);
  });

  it('offers each role only its steps', () => {
    expect(allowedActions(state(), { manage: true, decide: false })).toEqual(['record_request', 'record_self_review', 'withdraw']);
    expect(allowedActions(state({ status: 'decision' }), { manage: false, decide: true })).toEqual(['download_decision', 'record_decision']);
    expect(allowedActions(state({ status: 'removed' }), { manage: true, decide: true })).toEqual(['download_decision']);
  });
});
