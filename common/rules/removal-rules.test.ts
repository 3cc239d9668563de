import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkReadmission,
  checkRemovalForm,
  checkRemovalVote,
  checkSelfReview,
  decideFlagReview,
  isReviewOverdue,
  readmissionEligibility,
  removalChecklist,
  reviewDueOn,
  type RemovalFacts,
  type RemovalForm,
  type ReviewableFlag,
} from './removal-rules.ts';
import { violations } from './rule-check.ts';

const official: RemovalFacts = {
  memberStatus: 'official',
  grounds: ['missed_activities'],
  requestedByMember: false,
  pendingViolation: false,
  violationWarrantsExpulsion: false,
};
const failed = (form: RemovalForm, over: Partial<RemovalFacts> = {}) =>
  violations(checkRemovalForm(form, { ...official, ...over })).map((c) => `${c.ruleId}:${c.code}`);

describe('R-RMV-05 an expulsion-level violation must be expelled (Điều lệ Art. 8; QĐ 30/2016 Art. 35)', () => {
  it('R-RMV-05: name removal and release are refused, expulsion is allowed', () => {
    const over = { violationWarrantsExpulsion: true, requestedByMember: true };
    expect(failed('struck_off', over)).toEqual(['R-RMV-05:expulsion_level_violation']);
    expect(failed('released', over)).toEqual(['R-RMV-05:expulsion_level_violation']);
    expect(failed('expelled', over)).toEqual([]);
    expect(checkRemovalForm('struck_off', { ...official, ...over })[0].facts).toEqual({ form: 'struck_off', requiredForm: 'expelled' });
  });

  it('R-RMV-05 with R-DIS-01: a probationary member cannot be expelled, so name removal is the form left', () => {
    const probationary = { memberStatus: 'probationary' as const, violationWarrantsExpulsion: true, grounds: [] };
    expect(failed('expelled', probationary)).toEqual(['R-RMV-05:expulsion_level_violation', 'R-DIS-01:probationary_cannot_be_expelled']);
    expect(failed('struck_off', probationary)).toEqual([]);
    expect(failed('released', { ...probationary, requestedByMember: true })).toEqual(['R-RMV-05:expulsion_level_violation']);
  });

  it('R-DIS-01: an official member may be expelled', () => {
    expect(failed('expelled')).toEqual([]);
  });
});

describe('R-RMV-04 release at own request only with no pending violation (Điều lệ Art. 8.3)', () => {
  it('R-RMV-04: a written request and no pending violation → allowed', () => {
    expect(failed('released', { requestedByMember: true })).toEqual([]);
  });
  it('R-RMV-04: a pending violation refuses release (discipline first)', () => {
    expect(failed('released', { requestedByMember: true, pendingViolation: true })).toEqual(['R-RMV-04:pending_violation']);
  });
  it('R-RMV-04: no request, no release', () => {
    expect(failed('released')).toEqual(['R-RMV-04:release_needs_request']);
  });
});

describe('R-RMV-01/02 name removal needs a ground on record', () => {
  it('R-RMV-02: no ground → refused; any R-RMV-01/02 ground → allowed', () => {
    expect(failed('struck_off', { grounds: [] })).toEqual(['R-RMV-02:struck_off_needs_ground']);
    expect(failed('struck_off', { grounds: ['not_completed_two_years'] })).toEqual([]);
    expect(failed('struck_off', { grounds: ['card_returned_or_destroyed'] })).toEqual([]);
  });
  it('R-REC-04: "not qualified at the end of probation" is a ground only for a probationary member', () => {
    expect(failed('struck_off', { grounds: ['probation_not_qualified'] })).toEqual([
      'R-RMV-02:probation_ground_for_official_member',
      'R-RMV-02:struck_off_needs_ground',
    ]);
    expect(failed('struck_off', { memberStatus: 'probationary', grounds: ['probation_not_qualified'] })).toEqual([]);
  });
});

describe('R-RMV-03 self-review before name removal (Hướng dẫn 01-HD/TW §11.1)', () => {
  const req = (sentOn: string, respondedOn: string | null = null) => ({ sentOn, respondedOn });

  it('R-RMV-03: a self-review before the cell satisfies the rule', () => {
    expect(checkSelfReview({ selfReviewedOn: '2025-05-02', requests: [] })).toMatchObject({ ok: true, code: 'self_reviewed' });
  });

  it('R-RMV-03: 2 unanswered requests are not enough; 3 let the cell proceed', () => {
    expect(checkSelfReview({ selfReviewedOn: null, requests: [req('2025-03-01'), req('2025-04-01')] })).toMatchObject({
      ok: false,
      code: 'self_review_pending',
      facts: { unansweredRequests: 2, required: 3 },
    });
    expect(checkSelfReview({ selfReviewedOn: null, requests: [req('2025-03-01'), req('2025-04-01'), req('2025-05-01')] })).toMatchObject({
      ok: true,
      code: 'no_response_after_requests',
    });
  });

  it('R-RMV-03: an answered request, or three on the same day, do not make three unanswered requests', () => {
    expect(checkSelfReview({ selfReviewedOn: null, requests: [req('2025-03-01'), req('2025-04-01'), req('2025-05-01', '2025-05-03')] }).ok).toBe(false);
    expect(checkSelfReview({ selfReviewedOn: null, requests: [req('2025-03-01'), req('2025-03-01'), req('2025-03-01')] }).ok).toBe(false);
  });

  it('R-RMV-03: the number of requests is a parameter', () => {
    expect(checkSelfReview({ selfReviewedOn: null, requests: [req('2025-03-01'), req('2025-04-01')] }, { selfReviewRequests: 2 }).ok).toBe(true);
  });
});

describe('R-ADM-09 the cell votes a removal by 2/3 of the vote base', () => {
  it('R-ADM-09: exactly 2/3 passes (6 of 9); one fewer fails', () => {
    expect(checkRemovalVote({ base: 9, approvals: 6 })).toMatchObject({ ok: true, code: 'two_thirds_approved' });
    expect(checkRemovalVote({ base: 9, approvals: 5 })).toMatchObject({ ok: false, code: 'two_thirds_not_reached' });
    expect(checkRemovalVote({ base: 10, approvals: 7 }).ok).toBe(true);
    expect(checkRemovalVote({ base: 10, approvals: 6 }).ok).toBe(false);
    expect(checkRemovalVote({ base: 3, approvals: 2 }).ok).toBe(true);
  });

  it('R-ADM-09: an empty base cannot decide; impossible counts are a caller error', () => {
    expect(checkRemovalVote({ base: 0, approvals: 0 })).toMatchObject({ ok: false, code: 'empty_vote_base' });
    expect(() => checkRemovalVote({ base: 5, approvals: 6 })).toThrow(RangeError);
    expect(() => checkRemovalVote({ base: 5.5, approvals: 3 })).toThrow(RangeError);
    expect(() => checkRemovalVote({ base: 5, approvals: -1 })).toThrow(RangeError);
  });

  it('R-ADM-09: passes exactly when approvals ≥ ⌈2·base/3⌉', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }).chain((base) => fc.tuple(fc.constant(base), fc.integer({ min: 0, max: base }))), ([base, approvals]) => {
        expect(checkRemovalVote({ base, approvals }).ok).toBe(approvals >= Math.ceil((2 * base) / 3));
      }),
    );
  });

  it('the checklist needs the form, the self-review (name removal only) and a vote', () => {
    const selfReview = { selfReviewedOn: '2025-05-02', requests: [] };
    expect(violations(removalChecklist('struck_off', official, selfReview, { base: 9, approvals: 6 }))).toEqual([]);
    expect(violations(removalChecklist('struck_off', official, selfReview, null)).map((c) => c.code)).toEqual(['vote_not_held']);
    expect(violations(removalChecklist('struck_off', official, { selfReviewedOn: null, requests: [] }, { base: 9, approvals: 6 })).map((c) => c.ruleId)).toEqual([
      'R-RMV-03',
    ]);
    const released = { ...official, requestedByMember: true };
    expect(removalChecklist('released', released, { selfReviewedOn: null, requests: [] }, { base: 9, approvals: 6 }).some((c) => c.ruleId === 'R-RMV-03')).toBe(false);
  });
});

describe('R-RMV-07 a flag closes only by a recorded decision (Kế hoạch 99 II.4)', () => {
  const flag: ReviewableFlag = { key: '7/R-RMV-01/missed_activities/2025', raisedOn: '2025-06-01', closedOn: null };

  it('R-RMV-07: removal case, discipline referral and education plan close the flag and say what they open', () => {
    expect(decideFlagReview(flag, { kind: 'removal_case' }, '2025-06-10')).toEqual({
      ok: true,
      closure: { key: flag.key, decision: 'removal_case', closedOn: '2025-06-10', followUpOn: null, reason: null, opens: 'removal_case' },
    });
    expect(decideFlagReview(flag, { kind: 'discipline_referral', note: ' UBKT xem xét ' }, '2025-06-10')).toMatchObject({
      ok: true,
      closure: { opens: 'discipline_case', reason: 'UBKT xem xét' },
    });
  });

  it('R-RMV-07 with R-RMV-02: an education plan runs 12 months and sets the follow-up date', () => {
    expect(decideFlagReview(flag, { kind: 'education_plan' }, '2025-06-10')).toMatchObject({
      ok: true,
      closure: { decision: 'education_plan', followUpOn: '2026-06-10', opens: null },
    });
    expect(decideFlagReview({ ...flag, raisedOn: '2024-01-01' }, { kind: 'education_plan' }, '2024-02-29')).toMatchObject({ closure: { followUpOn: '2025-02-28' } });
  });

  it('R-RMV-07: no action needs a written reason; blank is refused', () => {
    expect(decideFlagReview(flag, { kind: 'no_action', reason: '' }, '2025-06-10')).toEqual({
      ok: false,
      violations: [expect.objectContaining({ ruleId: 'R-RMV-07', code: 'no_action_reason_required' })],
    });
    expect(decideFlagReview(flag, { kind: 'no_action', reason: '  \n ' }, '2025-06-10').ok).toBe(false);
    expect(decideFlagReview(flag, { kind: 'no_action', reason: 'Vắng do nằm viện, có giấy ra viện' }, '2025-06-10')).toMatchObject({
      ok: true,
      closure: { decision: 'no_action', reason: 'Vắng do nằm viện, có giấy ra viện', opens: null },
    });
  });

  it('R-RMV-07: a closed flag cannot be decided again; a decision cannot predate the flag', () => {
    const closed = decideFlagReview({ ...flag, closedOn: '2025-06-05' }, { kind: 'removal_case' }, '2025-06-10');
    expect(closed.ok ? [] : closed.violations.map((v) => v.code)).toEqual(['flag_already_closed']);
    const early = decideFlagReview(flag, { kind: 'removal_case' }, '2025-05-31');
    expect(early.ok ? [] : early.violations.map((v) => v.code)).toEqual(['decision_before_flag']);
    expect(decideFlagReview(flag, { kind: 'removal_case' }, '2025-06-01').ok).toBe(true);
  });

  it('R-RMV-07: an open flag rises to the superior the day after its review window (30 days, configurable)', () => {
    expect(reviewDueOn(flag)).toBe('2025-07-01');
    expect(isReviewOverdue(flag, '2025-07-01')).toBe(false);
    expect(isReviewOverdue(flag, '2025-07-02')).toBe(true);
    expect(isReviewOverdue(flag, '2025-06-11', 10)).toBe(false);
    expect(isReviewOverdue(flag, '2025-06-12', 10)).toBe(true);
    expect(isReviewOverdue({ ...flag, closedOn: '2025-06-20' }, '2026-01-01')).toBe(false);
    expect(() => isReviewOverdue(flag, '2025-07-02', -1)).toThrow(RangeError);
  });
});

describe('R-ADM-15 readmission of a former member (Quy định 294-QĐ/TW §3.5)', () => {
  const former = { cause: 'other' as const, leftOn: '2022-03-15', readmittedBefore: false };

  it('R-ADM-15: eligible 36 months after leaving, the day itself included', () => {
    expect(readmissionEligibility(former)).toEqual({ status: 'eligible_from', from: '2025-03-15', needs: 'provincial_standing_committee_agreement' });
    expect(checkReadmission(former, '2025-03-14')).toMatchObject({ ok: false, code: 'too_early', facts: { from: '2025-03-15' } });
    expect(checkReadmission(former, '2025-03-15')).toMatchObject({ ok: true, code: 'eligible' });
  });

  it('R-ADM-15: never after abandoning activities, serious disunity, corruption or a serious crime', () => {
    for (const cause of ['abandoned_activities', 'serious_disunity', 'corruption', 'serious_crime'] as const) {
      expect(readmissionEligibility({ ...former, cause })).toEqual({ status: 'never', reason: cause });
      expect(checkReadmission({ ...former, cause }, '2040-01-01')).toMatchObject({ ok: false, code: cause });
    }
  });

  it('R-ADM-15: never after a voluntary exit, unless for family hardship', () => {
    expect(readmissionEligibility({ ...former, cause: 'voluntary_exit' })).toEqual({ status: 'never', reason: 'voluntary_exit' });
    expect(readmissionEligibility({ ...former, cause: 'voluntary_exit', familyHardship: true })).toMatchObject({ status: 'eligible_from', from: '2025-03-15' });
  });

  it('R-ADM-15: once only', () => {
    expect(readmissionEligibility({ ...former, readmittedBefore: true })).toEqual({ status: 'never', reason: 'already_readmitted_once' });
  });

  it('R-ADM-15: a less-serious conviction: 60 months after the record is cleared, or 36 after leaving if later', () => {
    const convicted = { ...former, cause: 'less_serious_conviction' as const };
    expect(readmissionEligibility({ ...convicted, convictionClearedOn: null })).toEqual({ status: 'pending', reason: 'conviction_not_cleared' });
    expect(checkReadmission({ ...convicted, convictionClearedOn: null }, '2040-01-01')).toMatchObject({ ok: false, code: 'conviction_not_cleared' });
    expect(readmissionEligibility({ ...convicted, convictionClearedOn: '2024-01-10' })).toMatchObject({ from: '2029-01-10' });
    expect(readmissionEligibility({ ...convicted, leftOn: '2022-03-15', convictionClearedOn: '2016-01-10' })).toMatchObject({ from: '2025-03-15' });
  });
});
