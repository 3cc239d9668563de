import { describe, expect, it } from 'vitest';
import type { Opinion } from './admission-rules.ts';
import type { CellRollEntry } from './admission-vote.ts';
import { ADMISSION_RULE_SETS } from './default-rule-sets.ts';
import {
  checkHelperAssigned,
  checkProbationaryDiscipline,
  checkRecognitionDecisionMatchesProposal,
  checkRecognitionFile,
  checkRecognitionVote,
  checkRecognitionVoteDate,
  recognitionProposal,
  type ProbationaryDisciplineParams,
  type RecognitionFile,
  type RecognitionVoteParams,
} from './recognition-rules.ts';
import { paramsInForce } from './rule-check.ts';

const VOTE = paramsInForce<RecognitionVoteParams>(ADMISSION_RULE_SETS, 'R-REC-04', '2027-03-25');
const DISCIPLINE = paramsInForce<ProbationaryDisciplineParams>(ADMISSION_RULE_SETS, 'R-REC-08', '2027-01-01');

const opinion = (source: Opinion['source'], date: string): Opinion => ({
  source,
  organizationKey: source === 'mass_organization' ? 'cdcs' : 'cb-thon-3',
  organizationName: source,
  date,
});

const FILE: RecognitionFile = {
  certificates: [{ kind: 'new_member', issuedOn: '2026-09-01', number: 'ĐVM-0917' }],
  helpers: [{ personId: 7, name: 'Lê Văn Giúp', standingWhenAssigned: 'official', assignedOn: '2026-03-20' }],
  selfReviewOn: '2027-03-21',
  helperAssessmentOn: '2027-03-22',
  opinions: [opinion('mass_organization', '2027-03-22'), opinion('residence_cell_committee', '2027-03-23')],
  requiredMassOrganizations: [{ key: 'cdcs', name: 'Công đoàn cơ sở' }],
};

describe('checkRecognitionFile', () => {
  it('R-REC-03: new-member certificate, an official helper, self-review, helper assessment and opinions before the vote pass', () => {
    const checks = checkRecognitionFile(FILE, '2027-03-25', '2027-03-25');
    expect(checks.map((c) => [c.ruleId, c.code])).toEqual([
      ['R-REC-03', 'new_member_certificate_on_file'],
      ['R-REC-03', 'helper_assigned'],
      ['R-REC-03', 'self_review_on_file'],
      ['R-REC-03', 'helper_assessment_on_file'],
      ['R-REC-03', 'opinion_on_file'],
      ['R-REC-03', 'opinion_on_file'],
    ]);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('R-REC-03: each missing item is refused, and an opinion dated on the vote day does not count', () => {
    const empty: RecognitionFile = { ...FILE, certificates: [], helpers: [], selfReviewOn: null, helperAssessmentOn: null, opinions: [opinion('mass_organization', '2027-03-25')] };
    expect(checkRecognitionFile(empty, '2027-03-25', '2027-03-25').map((c) => c.code)).toEqual([
      'new_member_certificate_missing',
      'no_helper',
      'self_review_missing',
      'helper_assessment_missing',
      'opinion_not_before_vote',
      'opinion_missing',
    ]);
  });

  it('R-REC-03: a helper who was probationary when assigned is refused; a self-review dated after the vote is refused', () => {
    expect(checkHelperAssigned([{ ...FILE.helpers[0], standingWhenAssigned: 'probationary' }], '2027-03-25')).toMatchObject({
      ok: false,
      code: 'helper_not_official',
    });
    expect(checkRecognitionFile({ ...FILE, selfReviewOn: '2027-03-26' }, '2027-03-25', '2027-03-25')[2]).toMatchObject({
      ok: false,
      code: 'self_review_dated_later',
    });
  });
});

describe('recognition vote', () => {
  const roll: CellRollEntry[] = Array.from({ length: 9 }, (_, i) => ({
    personId: i + 1,
    standing: i === 8 ? 'probationary' : 'official',
    temporarilyTransferredOut: i === 7,
    exempted: false,
    attended: i !== 7,
  }));

  it('R-REC-04: the cell votes on or after the day probation ends, never before', () => {
    expect(checkRecognitionVoteDate('2027-03-20', '2027-03-19')).toMatchObject({ ruleId: 'R-REC-04', ok: false, code: 'vote_before_probation_end' });
    expect(checkRecognitionVoteDate('2027-03-20', '2027-03-20').ok).toBe(true);
  });

  it('R-REC-04: 2/3 of the R-ADM-09 base (7 officials, one on temporary transfer out): 5 of 7 passes, 4 fails; R-REC-02 the probationary does not vote', () => {
    expect(checkRecognitionVote(roll, { approve: 5, reject: 2 }, VOTE).map((c) => [c.ruleId, c.ok])).toEqual([
      ['R-REC-02', true],
      ['R-REC-04', true],
    ]);
    expect(checkRecognitionVote(roll, { approve: 4, reject: 3 }, VOTE)[1]).toMatchObject({ ok: false, facts: { base: 7, required: 5 } });
    expect(checkRecognitionVote(roll, { approve: 5, reject: 3 }, VOTE)[0]).toMatchObject({ ruleId: 'R-REC-02', ok: false });
  });

  it('R-REC-04: a carried motion is the proposal (not qualified → name removal); after 3 votes carrying neither, the superior decides', () => {
    expect(recognitionProposal('recognize', true, 0, VOTE)).toBe('recognize');
    expect(recognitionProposal('propose_name_removal', true, 1, VOTE)).toBe('propose_name_removal');
    expect(recognitionProposal('recognize', false, 0, VOTE)).toBeNull();
    expect(recognitionProposal('propose_name_removal', false, 1, VOTE)).toBeNull();
    expect(recognitionProposal('recognize', false, 2, VOTE)).toBe('refer_to_superior');
  });

  it('R-REC-04: the committee recognizes only on the cell proposal or a referral; it may always refuse', () => {
    expect(checkRecognitionDecisionMatchesProposal('recognize', true).ok).toBe(true);
    expect(checkRecognitionDecisionMatchesProposal('refer_to_superior', true).ok).toBe(true);
    expect(checkRecognitionDecisionMatchesProposal('propose_name_removal', true)).toMatchObject({ ok: false, code: 'recognized_without_cell_proposal' });
    expect(checkRecognitionDecisionMatchesProposal('recognize', false).ok).toBe(true);
  });
});

describe('checkProbationaryDiscipline', () => {
  it('R-REC-08: a probationary member may be reprimanded or warned, never dismissed or expelled', () => {
    expect(checkProbationaryDiscipline('reprimand', 'probationary', DISCIPLINE)).toMatchObject({ ruleId: 'R-REC-08', ok: true });
    expect(checkProbationaryDiscipline('warning', 'probationary', DISCIPLINE).ok).toBe(true);
    expect(checkProbationaryDiscipline('dismissal', 'probationary', DISCIPLINE)).toMatchObject({ ok: false, code: 'form_not_allowed_for_probationary' });
    expect(checkProbationaryDiscipline('expulsion', 'probationary', DISCIPLINE).ok).toBe(false);
    expect(checkProbationaryDiscipline('expulsion', 'official', DISCIPLINE)).toMatchObject({ ok: true, code: 'not_probationary' });
  });
});
