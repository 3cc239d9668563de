// Probation and recognition as an official member (docs/rules.md R-REC-02…04, R-REC-08). Deadlines are in
// admission-deadlines.ts, the vote base in admission-vote.ts (R-REC-04 reuses the R-ADM-09 base).
import {
  checkOpinionsOnFile,
  latestCertificate,
  type Certificate,
  type MassOrganizationRef,
  type MemberStanding,
  type Opinion,
} from './admission-rules.ts';
import { checkCellVote, type CellRollEntry, type ThresholdParams, type VoteTally } from './admission-vote.ts';
import type { IsoDate } from './iso-date.ts';
import { fail, pass, type RuleCheck } from './rule-check.ts';

/** The member the cell assigns to help a probationary member. */
export interface Helper {
  personId: number;
  name: string;
  standingWhenAssigned: MemberStanding;
  assignedOn: IsoDate;
}

/** What the recognition file holds by the time the cell votes. */
export interface RecognitionFile {
  certificates: readonly Certificate[];
  helpers: readonly Helper[];
  /** Self-review of the probationary member (Mẫu 9-KNĐ). */
  selfReviewOn: IsoDate | null;
  /** The helper's assessment (Mẫu 10-KNĐ). */
  helperAssessmentOn: IsoDate | null;
  /** Opinions of mass organizations and the residence cell committee (Mẫu 11-KNĐ). */
  opinions: readonly Opinion[];
  requiredMassOrganizations: readonly MassOrganizationRef[];
}

export interface RecognitionVoteParams extends ThresholdParams {
  cellVoteWorkingDays: number;
  /** After this many votes carry neither motion, the superior committee decides (Quy định 24-QĐ/TW §4.2.c). */
  maxVoteRounds: number;
}

/** R-REC-03 (Hướng dẫn 06-HD/TW): the new-member course certificate is on file by `onDate`. */
export function checkNewMemberCertificate(certificates: readonly Certificate[], onDate: IsoDate): RuleCheck {
  const c = latestCertificate(certificates, 'new_member', onDate);
  return c === null
    ? fail('R-REC-03', 'new_member_certificate_missing', { onDate })
    : pass('R-REC-03', 'new_member_certificate_on_file', { issuedOn: c.issuedOn, number: c.number });
}

/** R-REC-03 (Hướng dẫn 06-HD/TW): a helper who was an official member when assigned, assigned by `onDate`. */
export function checkHelperAssigned(helpers: readonly Helper[], onDate: IsoDate): RuleCheck {
  const assigned = helpers.filter((h) => h.assignedOn <= onDate);
  const official = assigned.find((h) => h.standingWhenAssigned === 'official');
  if (official) return pass('R-REC-03', 'helper_assigned', { personId: official.personId, name: official.name, assignedOn: official.assignedOn });
  if (assigned.length > 0) {
    return fail('R-REC-03', 'helper_not_official', { helpers: assigned.map((h) => ({ personId: h.personId, standing: h.standingWhenAssigned })) });
  }
  return fail('R-REC-03', 'no_helper', { onDate });
}

function checkDatedDocument(ruleId: string, what: string, date: IsoDate | null, onDate: IsoDate): RuleCheck {
  if (date === null) return fail(ruleId, `${what}_missing`, { onDate });
  return date <= onDate ? pass(ruleId, `${what}_on_file`, { date }) : fail(ruleId, `${what}_dated_later`, { date, onDate });
}

/**
 * R-REC-03 (Hướng dẫn 06-HD/TW; Mẫu 9, 10, 11-KNĐ): the file the cell considers, judged on `onDate` (the vote date,
 * or today before it): new-member certificate, helper, self-review, helper's assessment, opinions before the vote.
 */
export function checkRecognitionFile(file: RecognitionFile, onDate: IsoDate, voteDate: IsoDate | null): RuleCheck[] {
  return [
    checkNewMemberCertificate(file.certificates, onDate),
    checkHelperAssigned(file.helpers, onDate),
    checkDatedDocument('R-REC-03', 'self_review', file.selfReviewOn, onDate),
    checkDatedDocument('R-REC-03', 'helper_assessment', file.helperAssessmentOn, onDate),
    ...checkOpinionsOnFile(file.opinions, file.requiredMassOrganizations, voteDate, 'R-REC-03'),
  ];
}

/** R-REC-04 (Quy định 294-QĐ/TW §4.2): the cell considers recognition only once the 12 months are over. */
export function checkRecognitionVoteDate(probationEnd: IsoDate, voteDate: IsoDate): RuleCheck {
  const facts = { probationEnd, voteDate };
  return voteDate >= probationEnd ? pass('R-REC-04', 'after_probation_end', facts) : fail('R-REC-04', 'vote_before_probation_end', facts);
}

/** What the cell votes on: recognition, or (the member not being qualified) a proposal to strike the name. */
export type RecognitionMotion = 'recognize' | 'propose_name_removal';

/** What goes up to the competent committee. */
export type RecognitionProposal = 'recognize' | 'propose_name_removal' | 'refer_to_superior';

/**
 * R-REC-04 (Điều lệ Đảng Art. 5.2; Quy định 294-QĐ/TW §4.2): the cell's vote on recognition, [R-REC-02 voters,
 * R-REC-04 threshold with the R-ADM-09 base].
 */
export function checkRecognitionVote(roll: readonly CellRollEntry[], tally: VoteTally, params: ThresholdParams): RuleCheck[] {
  return checkCellVote(roll, tally, params, 'R-REC-04');
}

/**
 * R-REC-04 (Điều lệ Đảng Art. 5.2; Quy định 24-QĐ/TW §4.2.a, c): a carried motion becomes the proposal; when neither
 * motion reaches 2/3 in `maxVoteRounds` votes, the matter goes to the superior committee; null: the cell votes again.
 */
export function recognitionProposal(
  motion: RecognitionMotion,
  carried: boolean,
  failedVotesBefore: number,
  params: Pick<RecognitionVoteParams, 'maxVoteRounds'>,
): RecognitionProposal | null {
  if (carried) return motion;
  return failedVotesBefore + 1 >= params.maxVoteRounds ? 'refer_to_superior' : null;
}

/** R-REC-04 (Điều lệ Đảng Art. 5.2): the committee recognizes only on the cell's proposal (or when the matter was referred up). */
export function checkRecognitionDecisionMatchesProposal(proposal: RecognitionProposal | null, recognized: boolean): RuleCheck {
  const facts = { proposal, recognized };
  if (!recognized || proposal === 'recognize' || proposal === 'refer_to_superior') return pass('R-REC-04', 'consistent_with_cell', facts);
  return fail('R-REC-04', 'recognized_without_cell_proposal', facts);
}

export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

export interface ProbationaryDisciplineParams {
  allowedForms: readonly DisciplineForm[];
}

/** R-REC-08 (Điều lệ Đảng Art. 35; Quy định 69-QĐ/TW Art. 7): a probationary member may only be reprimanded or warned. */
export function checkProbationaryDiscipline(form: DisciplineForm, standing: MemberStanding, params: ProbationaryDisciplineParams): RuleCheck {
  const facts = { form, standing, allowedForms: params.allowedForms };
  if (standing !== 'probationary') return pass('R-REC-08', 'not_probationary', facts);
  return params.allowedForms.includes(form) ? pass('R-REC-08', 'ok', facts) : fail('R-REC-08', 'form_not_allowed_for_probationary', facts);
}
