// The admission case as data (architecture principle 5): a status union in step order, a pure decide() returning the
// next state and its due date or the coded violations, and the checklist the case page shows green and red.
// The rule-set versions and the working calendar are facts: each check reads the params in force on its event date.
//
// Step (status)          completed by                   gated by (must hold)                     next
// introduced             complete_step                  —                                        training
// training               complete_step                  R-ADM-04 certificate valid today         application
// application            complete_step                  R-ADM-05 application on file             history
// history                complete_step                  R-ADM-05 history on file, after application  verification
// verification           complete_step                  R-ADM-07 every item verified or exempt   introductions
// introductions          complete_step                  R-ADM-06 introducers (today)             opinions
// opinions               complete_step                  R-ADM-08 opinions on file                cell_resolution
// cell_resolution        cell_resolution                all of the above on the meeting date, R-ADM-01/02, R-ADM-03, R-ADM-15,
//                                                       R-REC-02; R-ADM-09 carried → next, else refused   grassroots_resolution | decision
// grassroots_resolution  grassroots_resolution          R-ADM-10; carried → decision, else refused        decision
// decision               decision (extend_decision)     R-ADM-14, R-ADM-10 (authorised grassroots decider), R-ADM-15 agreement
//                                                       (R-ADM-11 lateness is shown, never blocks)        ceremony | refused
// ceremony               ceremony                       R-ADM-12                                 probation
// probation              end_probation (the sweep)      R-REC-01 the 12 months are over          cell_recognition_vote
// cell_recognition_vote  cell_recognition_vote          R-REC-04 date, R-REC-02; recognize carried → R-REC-03 file
//                                                       (R-REC-04 lateness is shown, never blocks)        recognition_decision (or vote again)
// recognition_decision   recognition_decision (extend)  R-ADM-14 (recognition), R-REC-04 proposal           official | struck_from_probation
// Any step before the ceremony: refuse (withdrawn or not qualified) → refused.
import {
  checkAdmissionAge,
  checkApplicationBeforeHistory,
  checkAwarenessCertificate,
  checkCompetentBody,
  checkEducation,
  checkFormOnFile,
  checkIntroducers,
  checkOpinionsOnFile,
  checkReadmission,
  checkReadmissionAgreement,
  checkVerificationComplete,
  type AdmissionAgeParams,
  type ApplicationOrderParams,
  type Certificate,
  type CertificateParams,
  type DocumentRef,
  type EducationFacts,
  type EducationParams,
  type Introducer,
  type IntroducerParams,
  type MassOrganizationRef,
  type Opinion,
  type ReadmissionFacts,
  type ReadmissionParams,
  type Relative,
  type Verification,
  type VerificationParams,
} from './admission-rules.ts';
import {
  admissionDecisionDueDate,
  ceremonyDueDate,
  checkCeremonyOnTime,
  checkDeadline,
  checkDecisionExtension,
  officialMembershipDate,
  partyAgeStartDate,
  personalHistoryDueDate,
  probationEndDate,
  recognitionDecisionDueDate,
  recognitionVoteDueDate,
  type CeremonyDeadlineParams,
  type DecisionDeadlineParams,
  type HistoryDeadlineParams,
  type ProbationParams,
} from './admission-deadlines.ts';
import { checkCellVote, checkCommitteeVote, type CellRollEntry, type ThresholdParams, type VoteTally } from './admission-vote.ts';
import type { IsoDate } from './iso-date.ts';
import {
  checkRecognitionDecisionMatchesProposal,
  checkRecognitionFile,
  checkRecognitionVote,
  checkRecognitionVoteDate,
  recognitionProposal,
  type Helper,
  type RecognitionMotion,
  type RecognitionProposal,
  type RecognitionVoteParams,
} from './recognition-rules.ts';
import { fail, paramsInForce, pass, violations, type RuleCheck, type RuleSetVersion } from './rule-check.ts';
import type { WorkingCalendar } from './working-days.ts';

export const ADMISSION_STATUSES = [
  'introduced',
  'training',
  'application',
  'history',
  'verification',
  'introductions',
  'opinions',
  'cell_resolution',
  'grassroots_resolution',
  'decision',
  'ceremony',
  'probation',
  'cell_recognition_vote',
  'recognition_decision',
  'official',
  'refused',
  'struck_from_probation',
] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];

export const TERMINAL_ADMISSION_STATUSES = ['official', 'refused', 'struck_from_probation'] as const;
export type TerminalAdmissionStatus = (typeof TERMINAL_ADMISSION_STATUSES)[number];
/** A status where work is pending: every status but the three outcomes. */
export type AdmissionStep = Exclude<AdmissionStatus, TerminalAdmissionStatus>;
export const ADMISSION_STEPS = ADMISSION_STATUSES.filter(
  (s): s is AdmissionStep => !(TERMINAL_ADMISSION_STATUSES as readonly string[]).includes(s),
);

/** The steps completed by gathering documents and then `complete_step`. */
export const FILE_STEPS = ['introduced', 'training', 'application', 'history', 'verification', 'introductions', 'opinions'] as const;
export type FileStep = (typeof FILE_STEPS)[number];

/** Statuses from which the case can still be refused (before the admission decision is made). */
export const REFUSABLE_STATUSES: readonly AdmissionStatus[] = [...FILE_STEPS, 'cell_resolution', 'grassroots_resolution', 'decision'];

/** The rule id of violations that are about the workflow itself (wrong status, dates in the future or out of order). */
export const WORKFLOW_RULE_ID = 'WORKFLOW';

export type AdmissionEndReason =
  | 'withdrawn'
  | 'not_qualified'
  | 'cell_vote_not_carried'
  | 'grassroots_vote_not_carried'
  | 'decision_refused'
  | 'recognition_refused';

/** What the case row stores besides its facts; `dueAt` is returned by decide and stored beside it. */
export interface AdmissionState {
  status: AdmissionStatus;
  /** The one R-ADM-11 extension granted, in working days; null while none. */
  decisionExtensionWorkingDays: number | null;
  /** The one R-REC-05 extension granted, in working days; null while none. */
  recognitionExtensionWorkingDays: number | null;
  /** Recognition votes that carried neither motion (R-REC-04: after 3 the superior committee decides). */
  failedRecognitionVotes: number;
  recognitionProposal: RecognitionProposal | null;
  endReason: AdmissionEndReason | null;
}

export const INITIAL_ADMISSION_STATE: AdmissionState = {
  status: 'introduced',
  decisionExtensionWorkingDays: null,
  recognitionExtensionWorkingDays: null,
  failedRecognitionVotes: 0,
  recognitionProposal: null,
  endReason: null,
};

// ——— facts ———

export interface Applicant {
  personId: number;
  name: string;
  birthDate: IsoDate;
  education: EducationFacts;
  isYouthUnionMember: boolean;
}

/** The cell's resolution (Mẫu 6-KNĐ): the roll as of the meeting date and the tally from the minutes. */
export interface CellResolution {
  meetingDate: IsoDate;
  roll: readonly CellRollEntry[];
  tally: VoteTally;
  document: DocumentRef | null;
}

/** A grassroots committee's resolution (Mẫu 8-KNĐ) on the cell's proposal. */
export interface GrassrootsResolution {
  date: IsoDate;
  /** All members of the committee on that date (R-ADM-10 counts them, present or not). */
  committeeSize: number;
  tally: VoteTally;
  document: DocumentRef | null;
}

export interface AdmissionDecision {
  /** The date written in the decision: party age counts from it (R-REC-07). */
  date: IsoDate;
  decidingOrganizationId: number;
  admitted: boolean;
  /** The day the cell received the decision (R-ADM-12 counts from it); required when admitted. */
  receivedOn: IsoDate | null;
  /** The deciding committee's vote; required when the decider is an authorised grassroots committee (R-ADM-10). */
  committeeVote: { committeeSize: number; tally: VoteTally } | null;
  document: DocumentRef | null;
}

export interface Ceremony {
  date: IsoDate;
  /** The superior committee's approval of a late ceremony (R-ADM-12). */
  superiorApproval: DocumentRef | null;
}

/** The latest recognition vote of the cell. */
export interface RecognitionVote {
  meetingDate: IsoDate;
  motion: RecognitionMotion;
  roll: readonly CellRollEntry[];
  tally: VoteTally;
  document: DocumentRef | null;
}

export interface RecognitionDecision {
  date: IsoDate;
  decidingOrganizationId: number;
  recognized: boolean;
  document: DocumentRef | null;
}

export interface DeadlineExtension {
  workingDays: number;
  grantedOn: IsoDate;
  document: DocumentRef | null;
}

/**
 * Everything the service loads for one case. Standings (introducers, roll) are as of the cell meeting date once it is
 * known, as of today before; the tree facts are as of the decision date once known.
 */
export interface AdmissionFacts {
  ruleSets: readonly RuleSetVersion[];
  calendar: WorkingCalendar;

  applicant: Applicant;
  /** R-ADM-02: the provincial agreement to admit someone over 60. */
  over60Agreement: DocumentRef | null;
  /** Party-awareness (R-ADM-04) and new-member (R-REC-03) certificates. */
  certificates: readonly Certificate[];
  /** Mẫu 1-KNĐ. */
  applicationDate: IsoDate | null;
  /** Mẫu 2-KNĐ. */
  historyDate: IsoDate | null;
  relatives: readonly Relative[];
  verifications: readonly Verification[];
  introducers: readonly Introducer[];
  youthUnionResolution: DocumentRef | null;
  /** Mass organizations of the applicant's workplace whose opinion is required (R-ADM-08, R-REC-03). */
  massOrganizations: readonly MassOrganizationRef[];
  /** Mẫu 5-KNĐ opinions, before the admission vote. */
  opinions: readonly Opinion[];
  /** Present when the applicant was a member before (R-ADM-15). */
  readmission: ReadmissionFacts | null;

  /** The tree has a grassroots committee between the cell and the deciding body (it passes a resolution first). */
  grassrootsCommitteeBetween: boolean;
  /** The deciding body is an authorised grassroots committee (R-ADM-10 applies to its decision). */
  deciderIsGrassrootsCommittee: boolean;
  /** competentBodyFor(chain as of the decision date, 'admission' | 'recognition') (R-ADM-14). */
  admissionCompetentBodyId: number | null;
  recognitionCompetentBodyId: number | null;

  cellResolution: CellResolution | null;
  grassrootsResolution: GrassrootsResolution | null;
  decision: AdmissionDecision | null;
  ceremony: Ceremony | null;
  /** R-ADM-13: the member's personal history (lý lịch đảng viên) completed. */
  memberHistoryCompletedOn: IsoDate | null;
  helpers: readonly Helper[];
  /** Mẫu 9-KNĐ. */
  selfReviewOn: IsoDate | null;
  /** Mẫu 10-KNĐ. */
  helperAssessmentOn: IsoDate | null;
  /** Mẫu 11-KNĐ opinions, before the recognition vote. */
  recognitionOpinions: readonly Opinion[];
  recognitionVote: RecognitionVote | null;
  recognitionDecision: RecognitionDecision | null;
}

// ——— actions and results ———

export type AdmissionAction =
  | { type: 'complete_step'; step: FileStep }
  | { type: 'cell_resolution'; resolution: CellResolution }
  | { type: 'grassroots_resolution'; resolution: GrassrootsResolution }
  | { type: 'extend_decision'; extension: DeadlineExtension }
  | { type: 'decision'; decision: AdmissionDecision }
  | { type: 'ceremony'; ceremony: Ceremony }
  | { type: 'end_probation' }
  | { type: 'cell_recognition_vote'; vote: RecognitionVote }
  | { type: 'extend_recognition_decision'; extension: DeadlineExtension }
  | { type: 'recognition_decision'; decision: RecognitionDecision }
  | { type: 'refuse'; reason: 'withdrawn' | 'not_qualified'; date: IsoDate };

export type AdmissionDecideResult =
  /** `checks`: every condition judged for this action (to store with the decision row); `dueAt`: the new status's deadline. */
  | { ok: true; state: AdmissionState; dueAt: IsoDate | null; checks: RuleCheck[] }
  | { ok: false; violations: RuleCheck[] };

export interface AdmissionChecklistItem extends RuleCheck {
  step: AdmissionStep;
}

/** Each step's action and the rule ids that can appear on it (the table at the top of this file, as data). */
export const ADMISSION_STEP_RULES: Record<AdmissionStep, { action: AdmissionAction['type']; rules: readonly string[] }> = {
  introduced: { action: 'complete_step', rules: [] },
  training: { action: 'complete_step', rules: ['R-ADM-04'] },
  application: { action: 'complete_step', rules: ['R-ADM-05'] },
  history: { action: 'complete_step', rules: ['R-ADM-05'] },
  verification: { action: 'complete_step', rules: ['R-ADM-07'] },
  introductions: { action: 'complete_step', rules: ['R-ADM-06'] },
  opinions: { action: 'complete_step', rules: ['R-ADM-08'] },
  cell_resolution: { action: 'cell_resolution', rules: ['R-ADM-01', 'R-ADM-02', 'R-ADM-03', 'R-ADM-15', 'R-REC-02', 'R-ADM-09'] },
  grassroots_resolution: { action: 'grassroots_resolution', rules: ['R-ADM-10'] },
  decision: { action: 'decision', rules: ['R-ADM-11', 'R-ADM-14', 'R-ADM-10', 'R-ADM-15'] },
  ceremony: { action: 'ceremony', rules: ['R-ADM-12'] },
  probation: { action: 'end_probation', rules: ['R-REC-01', 'R-ADM-13', 'R-REC-03'] },
  cell_recognition_vote: { action: 'cell_recognition_vote', rules: ['R-REC-04', 'R-REC-02'] },
  recognition_decision: { action: 'recognition_decision', rules: ['R-REC-05', 'R-ADM-14', 'R-REC-04'] },
};

// ——— dates ———

const rule = <P>(f: AdmissionFacts, ruleId: string, date: IsoDate): P => paramsInForce<P>(f.ruleSets, ruleId, date);

export interface AdmissionDueDates {
  decisionDue: IsoDate | null;
  ceremonyDue: IsoDate | null;
  personalHistoryDue: IsoDate | null;
  probationEnd: IsoDate | null;
  recognitionVoteDue: IsoDate | null;
  recognitionDecisionDue: IsoDate | null;
  /** R-REC-06: the day probation ends, however late the vote or decision. */
  officialOn: IsoDate | null;
  /** R-REC-07: the date in the admission decision. */
  partyAgeFrom: IsoDate | null;
}

/** Every due date the recorded facts determine (null where the starting event has not happened). */
export function admissionDueDates(state: AdmissionState, f: AdmissionFacts): AdmissionDueDates {
  const cal = f.calendar;
  const meeting = f.cellResolution?.meetingDate ?? null;
  const admitted = f.decision?.admitted === true ? f.decision : null;
  const received = admitted?.receivedOn ?? null;
  const ceremony = f.ceremony?.date ?? null;
  const probationEnd = ceremony && probationEndDate(ceremony, rule<ProbationParams>(f, 'R-REC-01', ceremony));
  const vote = f.recognitionVote?.meetingDate ?? null;
  return {
    decisionDue: meeting && admissionDecisionDueDate(cal, meeting, rule<DecisionDeadlineParams>(f, 'R-ADM-11', meeting), state.decisionExtensionWorkingDays ?? 0),
    ceremonyDue: received && ceremonyDueDate(cal, received, rule<CeremonyDeadlineParams>(f, 'R-ADM-12', received)),
    personalHistoryDue: ceremony && personalHistoryDueDate(cal, ceremony, rule<HistoryDeadlineParams>(f, 'R-ADM-13', ceremony)),
    probationEnd,
    recognitionVoteDue: probationEnd && recognitionVoteDueDate(cal, probationEnd, rule<RecognitionVoteParams>(f, 'R-REC-04', probationEnd)),
    recognitionDecisionDue:
      vote && state.recognitionProposal !== null
        ? recognitionDecisionDueDate(cal, vote, rule<DecisionDeadlineParams>(f, 'R-REC-05', vote), state.recognitionExtensionWorkingDays ?? 0)
        : null,
    officialOn: probationEnd && officialMembershipDate(probationEnd),
    partyAgeFrom: admitted && partyAgeStartDate(admitted.date),
  };
}

/** The deadline of the step the case waits on (the sweep acts when it passes); null for steps without one. */
export function admissionDueAt(state: AdmissionState, f: AdmissionFacts): IsoDate | null {
  const due = admissionDueDates(state, f);
  switch (state.status) {
    case 'grassroots_resolution':
    case 'decision':
      return due.decisionDue;
    case 'ceremony':
      return due.ceremonyDue;
    case 'probation':
      return due.probationEnd;
    case 'cell_recognition_vote':
      return due.recognitionVoteDue;
    case 'recognition_decision':
      return due.recognitionDecisionDue;
    default:
      return null;
  }
}

// ——— the conditions of each step ———

/** Conditions of the file are judged on the cell meeting date once it is set, on today before. */
const fileDate = (f: AdmissionFacts, today: IsoDate) => f.cellResolution?.meetingDate ?? today;

function fileStepChecks(step: FileStep, f: AdmissionFacts, today: IsoDate): RuleCheck[] {
  const d = fileDate(f, today);
  switch (step) {
    case 'introduced':
      return [];
    case 'training':
      return [checkAwarenessCertificate(f.certificates, d, rule<CertificateParams>(f, 'R-ADM-04', d))];
    case 'application':
      return [checkFormOnFile('application', f.applicationDate, d)];
    case 'history':
      return [
        checkFormOnFile('personal_history', f.historyDate, d),
        checkApplicationBeforeHistory(f.applicationDate, f.historyDate, rule<ApplicationOrderParams>(f, 'R-ADM-05', d)),
      ];
    case 'verification':
      return checkVerificationComplete(f.applicant.name, f.relatives, f.verifications, d, rule<VerificationParams>(f, 'R-ADM-07', d));
    case 'introductions':
      return checkIntroducers(
        { introducers: f.introducers, youthUnionResolution: f.youthUnionResolution, applicantIsYouthUnionMember: f.applicant.isYouthUnionMember },
        f.applicant,
        d,
        rule<IntroducerParams>(f, 'R-ADM-06', d),
      );
    case 'opinions':
      return checkOpinionsOnFile(f.opinions, f.massOrganizations, f.cellResolution?.meetingDate ?? null, 'R-ADM-08');
  }
}

/** R-ADM-01/02, R-ADM-03, R-ADM-15: the person, judged on the meeting date (today before it is set). */
function eligibilityChecks(f: AdmissionFacts, today: IsoDate): RuleCheck[] {
  const d = fileDate(f, today);
  return [
    checkAdmissionAge(f.applicant.birthDate, d, rule<AdmissionAgeParams>(f, 'R-ADM-01', d), f.over60Agreement),
    checkEducation(f.applicant.education, rule<EducationParams>(f, 'R-ADM-03', d)),
    ...(f.readmission ? checkReadmission(f.readmission, d, rule<ReadmissionParams>(f, 'R-ADM-15', d)) : []),
  ];
}

/** [R-REC-02 voters, R-ADM-09 threshold] of the recorded cell resolution. */
function cellVoteChecks(r: CellResolution, f: AdmissionFacts): RuleCheck[] {
  return checkCellVote(r.roll, r.tally, rule<ThresholdParams>(f, 'R-ADM-09', r.meetingDate), 'R-ADM-09');
}

function grassrootsChecks(r: GrassrootsResolution, f: AdmissionFacts): RuleCheck[] {
  return checkCommitteeVote(r.committeeSize, r.tally, rule<ThresholdParams>(f, 'R-ADM-10', r.date));
}

/** R-ADM-14, R-ADM-10 for an authorised grassroots decider, R-ADM-15 agreement for an admitted readmission. */
function decisionChecks(d: AdmissionDecision, f: AdmissionFacts): RuleCheck[] {
  const checks = [checkCompetentBody(d.decidingOrganizationId, f.admissionCompetentBodyId, d.date, 'admission')];
  if (f.deciderIsGrassrootsCommittee) {
    checks.push(
      ...(d.committeeVote === null
        ? [fail('R-ADM-10', 'committee_vote_missing', { decisionDate: d.date })]
        : checkCommitteeVote(d.committeeVote.committeeSize, d.committeeVote.tally, rule<ThresholdParams>(f, 'R-ADM-10', d.date))),
    );
  }
  if (f.readmission && d.admitted) checks.push(checkReadmissionAgreement(f.readmission.provincialAgreement, d.date));
  return checks;
}

function ceremonyCheck(c: Ceremony, d: AdmissionDecision, due: IsoDate): RuleCheck {
  return checkCeremonyOnTime(c.date, d.receivedOn ?? d.date, due, c.superiorApproval);
}

function recognitionFileChecks(f: AdmissionFacts, onDate: IsoDate, voteDate: IsoDate | null): RuleCheck[] {
  return checkRecognitionFile(
    {
      certificates: f.certificates,
      helpers: f.helpers,
      selfReviewOn: f.selfReviewOn,
      helperAssessmentOn: f.helperAssessmentOn,
      opinions: f.recognitionOpinions,
      requiredMassOrganizations: f.massOrganizations,
    },
    onDate,
    voteDate,
  );
}

function recognitionVoteChecks(v: RecognitionVote, probationEnd: IsoDate, f: AdmissionFacts): RuleCheck[] {
  return [
    checkRecognitionVoteDate(probationEnd, v.meetingDate),
    ...checkRecognitionVote(v.roll, v.tally, rule<RecognitionVoteParams>(f, 'R-REC-04', v.meetingDate)),
  ];
}

/** The conditions of `step` that the recorded facts allow to judge (none for a step whose starting event is missing). */
function stepChecks(step: AdmissionStep, state: AdmissionState, f: AdmissionFacts, today: IsoDate): RuleCheck[] {
  if ((FILE_STEPS as readonly string[]).includes(step)) return fileStepChecks(step as FileStep, f, today);
  const due = admissionDueDates(state, f);
  switch (step) {
    case 'cell_resolution':
      return [...eligibilityChecks(f, today), ...(f.cellResolution ? cellVoteChecks(f.cellResolution, f) : [])];
    case 'grassroots_resolution':
      return f.grassrootsCommitteeBetween && f.grassrootsResolution ? grassrootsChecks(f.grassrootsResolution, f) : [];
    case 'decision': {
      const checks: RuleCheck[] = [];
      if (due.decisionDue) checks.push(checkDeadline('R-ADM-11', f.decision?.date ?? null, due.decisionDue, today));
      if (f.decision) checks.push(...decisionChecks(f.decision, f));
      return checks;
    }
    case 'ceremony':
      if (!f.decision?.admitted || !due.ceremonyDue) return [];
      return [f.ceremony ? ceremonyCheck(f.ceremony, f.decision, due.ceremonyDue) : checkDeadline('R-ADM-12', null, due.ceremonyDue, today)];
    case 'probation': {
      if (!due.probationEnd || !due.personalHistoryDue) return [];
      const voteDate = f.recognitionVote?.meetingDate ?? null;
      return [
        today >= due.probationEnd
          ? pass('R-REC-01', 'probation_ended', { probationEnd: due.probationEnd })
          : pass('R-REC-01', 'probation_running', { probationEnd: due.probationEnd }),
        checkDeadline('R-ADM-13', f.memberHistoryCompletedOn, due.personalHistoryDue, today),
        ...recognitionFileChecks(f, voteDate ?? today, voteDate),
      ];
    }
    case 'cell_recognition_vote': {
      if (!due.probationEnd || !due.recognitionVoteDue) return [];
      const carried = state.recognitionProposal !== null ? (f.recognitionVote?.meetingDate ?? null) : null;
      return [
        checkDeadline('R-REC-04', carried, due.recognitionVoteDue, today),
        ...(f.recognitionVote ? recognitionVoteChecks(f.recognitionVote, due.probationEnd, f) : []),
      ];
    }
    case 'recognition_decision': {
      const checks: RuleCheck[] = [];
      if (due.recognitionDecisionDue) checks.push(checkDeadline('R-REC-05', f.recognitionDecision?.date ?? null, due.recognitionDecisionDue, today));
      if (f.recognitionDecision) {
        const d = f.recognitionDecision;
        checks.push(
          checkCompetentBody(d.decidingOrganizationId, f.recognitionCompetentBodyId, d.date, 'recognition'),
          checkRecognitionDecisionMatchesProposal(state.recognitionProposal, d.recognized),
        );
      }
      return checks;
    }
  }
  return [];
}

/**
 * Every condition of the case with its step, rule id, ok, code and facts, judged on what is recorded: the file and the
 * person on the meeting date (today before it), deadlines as pending, on time, late or overdue.
 */
export function admissionChecklist(state: AdmissionState, facts: AdmissionFacts, today: IsoDate): AdmissionChecklistItem[] {
  return ADMISSION_STEPS.flatMap((step) => stepChecks(step, state, facts, today).map((c) => ({ ...c, step })));
}

// ——— decide ———

const workflowFail = (code: string, facts: Record<string, unknown> = {}) => fail(WORKFLOW_RULE_ID, code, facts);

function notAllowed(state: AdmissionState, action: AdmissionAction): AdmissionDecideResult {
  return { ok: false, violations: [workflowFail('action_not_allowed_in_status', { status: state.status, action: action.type })] };
}

/** Dates must not be in the future and must follow the events they depend on. */
function dateChecks(today: IsoDate, dated: readonly { field: string; date: IsoDate; notBefore?: IsoDate | null }[]): RuleCheck[] {
  const out: RuleCheck[] = [];
  for (const { field, date, notBefore } of dated) {
    if (date > today) out.push(workflowFail('date_in_future', { field, date, today }));
    if (notBefore && date < notBefore) out.push(workflowFail('date_out_of_order', { field, date, notBefore }));
  }
  return out;
}

function missingFact(fact: string): AdmissionDecideResult {
  return { ok: false, violations: [workflowFail('missing_fact', { fact })] };
}

function advance(
  state: AdmissionState,
  next: Partial<AdmissionState> & { status: AdmissionStatus },
  f: AdmissionFacts,
  checks: RuleCheck[],
  gate: readonly RuleCheck[],
): AdmissionDecideResult {
  const blocking = violations(gate);
  if (blocking.length > 0) return { ok: false, violations: blocking };
  const nextState: AdmissionState = { ...state, ...next };
  return { ok: true, state: nextState, dueAt: admissionDueAt(nextState, f), checks };
}

const STATUS_AFTER_FILE_STEP: Record<FileStep, AdmissionStatus> = {
  introduced: 'training',
  training: 'application',
  application: 'history',
  history: 'verification',
  verification: 'introductions',
  introductions: 'opinions',
  opinions: 'cell_resolution',
};

/**
 * The next state of an admission case, or the coded violations that forbid the action (architecture principle 5).
 * `facts` are those recorded before the action; the action's own record (resolution, decision …) is judged with them.
 * A vote that is not carried is an outcome, not a violation: the case is refused (or the cell votes again on recognition).
 */
export function decideAdmission(state: AdmissionState, action: AdmissionAction, facts: AdmissionFacts, today: IsoDate): AdmissionDecideResult {
  const s = state.status;
  switch (action.type) {
    case 'complete_step': {
      if (s !== action.step) return notAllowed(state, action);
      const checks = fileStepChecks(action.step, facts, today);
      return advance(state, { status: STATUS_AFTER_FILE_STEP[action.step] }, facts, checks, checks);
    }

    case 'cell_resolution': {
      if (s !== 'cell_resolution') return notAllowed(state, action);
      const r = action.resolution;
      const f = { ...facts, cellResolution: r };
      const fileChecks = FILE_STEPS.flatMap((step) => fileStepChecks(step, f, today));
      const [voters, threshold] = cellVoteChecks(r, f);
      const checks = [...fileChecks, ...eligibilityChecks(f, today), voters, threshold];
      const gate = [...dateChecks(today, [{ field: 'meetingDate', date: r.meetingDate }]), ...checks.filter((c) => c !== threshold)];
      if (!threshold.ok) return advance(state, { status: 'refused', endReason: 'cell_vote_not_carried' }, f, checks, gate);
      return advance(state, { status: f.grassrootsCommitteeBetween ? 'grassroots_resolution' : 'decision' }, f, checks, gate);
    }

    case 'grassroots_resolution': {
      if (s !== 'grassroots_resolution') return notAllowed(state, action);
      if (!facts.cellResolution) return missingFact('cellResolution');
      const r = action.resolution;
      const f = { ...facts, grassrootsResolution: r };
      const [voters, threshold] = grassrootsChecks(r, f);
      const gate = [...dateChecks(today, [{ field: 'date', date: r.date, notBefore: facts.cellResolution.meetingDate }]), voters];
      if (!threshold.ok) return advance(state, { status: 'refused', endReason: 'grassroots_vote_not_carried' }, f, [voters, threshold], gate);
      return advance(state, { status: 'decision' }, f, [voters, threshold], gate);
    }

    case 'extend_decision':
    case 'extend_recognition_decision': {
      const isDecision = action.type === 'extend_decision';
      if (isDecision ? s !== 'decision' && s !== 'grassroots_resolution' : s !== 'recognition_decision') return notAllowed(state, action);
      const start = isDecision ? facts.cellResolution?.meetingDate : facts.recognitionVote?.meetingDate;
      if (!start) return missingFact(isDecision ? 'cellResolution' : 'recognitionVote');
      const ruleId = isDecision ? 'R-ADM-11' : 'R-REC-05';
      const params = rule<DecisionDeadlineParams>(facts, ruleId, start);
      const originalDue = admissionDecisionDueDate(facts.calendar, start, params);
      const granted = isDecision ? state.decisionExtensionWorkingDays : state.recognitionExtensionWorkingDays;
      const e = action.extension;
      const check = checkDecisionExtension(e.workingDays, granted === null ? 0 : 1, e.grantedOn, originalDue, params, ruleId);
      const gate = [...dateChecks(today, [{ field: 'grantedOn', date: e.grantedOn, notBefore: start }]), check];
      const next = isDecision ? { decisionExtensionWorkingDays: e.workingDays } : { recognitionExtensionWorkingDays: e.workingDays };
      return advance(state, { status: s, ...next }, facts, [check], gate);
    }

    case 'decision': {
      if (s !== 'decision') return notAllowed(state, action);
      if (!facts.cellResolution) return missingFact('cellResolution');
      const d = action.decision;
      const f = { ...facts, decision: d };
      const after = facts.grassrootsResolution?.date ?? facts.cellResolution.meetingDate;
      const dates = [{ field: 'date', date: d.date, notBefore: after }];
      if (d.admitted && d.receivedOn === null) return { ok: false, violations: [workflowFail('received_on_missing')] };
      if (d.admitted && d.receivedOn) dates.push({ field: 'receivedOn', date: d.receivedOn, notBefore: d.date });
      const checks = decisionChecks(d, f);
      const due = admissionDueDates(state, f).decisionDue;
      const lateness = due ? [checkDeadline('R-ADM-11', d.date, due, today)] : [];
      // An authorised grassroots committee that did not reach 2/3 cannot admit; refusing needs no threshold.
      const gate = [...dateChecks(today, dates), ...checks.filter((c) => d.admitted || c.code !== 'threshold_not_reached')];
      const next = d.admitted ? { status: 'ceremony' as const } : { status: 'refused' as const, endReason: 'decision_refused' as const };
      return advance(state, next, f, [...lateness, ...checks], gate);
    }

    case 'ceremony': {
      if (s !== 'ceremony') return notAllowed(state, action);
      const d = facts.decision;
      const due = admissionDueDates(state, facts).ceremonyDue;
      if (!d?.admitted || !due) return missingFact('decision');
      const c = action.ceremony;
      const f = { ...facts, ceremony: c };
      const check = ceremonyCheck(c, d, due);
      return advance(state, { status: 'probation' }, f, [check], [...dateChecks(today, [{ field: 'date', date: c.date }]), check]);
    }

    case 'end_probation': {
      if (s !== 'probation') return notAllowed(state, action);
      const end = admissionDueDates(state, facts).probationEnd;
      if (!end) return missingFact('ceremony');
      const check =
        today >= end ? pass('R-REC-01', 'probation_ended', { probationEnd: end, today }) : fail('R-REC-01', 'probation_not_ended', { probationEnd: end, today });
      return advance(state, { status: 'cell_recognition_vote' }, facts, [check], [check]);
    }

    case 'cell_recognition_vote': {
      if (s !== 'cell_recognition_vote') return notAllowed(state, action);
      const end = admissionDueDates(state, facts).probationEnd;
      if (!end) return missingFact('ceremony');
      const v = action.vote;
      const f = { ...facts, recognitionVote: v };
      const params = rule<RecognitionVoteParams>(f, 'R-REC-04', v.meetingDate);
      const [dateCheck, voters, threshold] = recognitionVoteChecks(v, end, f);
      const proposal = recognitionProposal(v.motion, threshold.ok, state.failedRecognitionVotes, params);
      const file = threshold.ok && v.motion === 'recognize' ? recognitionFileChecks(f, v.meetingDate, v.meetingDate) : [];
      const checks = [dateCheck, voters, threshold, ...file];
      const gate = [...dateChecks(today, [{ field: 'meetingDate', date: v.meetingDate }]), dateCheck, voters, ...file];
      const failedRecognitionVotes = state.failedRecognitionVotes + (threshold.ok ? 0 : 1);
      if (proposal === null) return advance(state, { status: 'cell_recognition_vote', failedRecognitionVotes }, f, checks, gate);
      return advance(state, { status: 'recognition_decision', failedRecognitionVotes, recognitionProposal: proposal }, f, checks, gate);
    }

    case 'recognition_decision': {
      if (s !== 'recognition_decision') return notAllowed(state, action);
      if (!facts.recognitionVote) return missingFact('recognitionVote');
      const d = action.decision;
      const f = { ...facts, recognitionDecision: d };
      const checks = [
        checkCompetentBody(d.decidingOrganizationId, f.recognitionCompetentBodyId, d.date, 'recognition'),
        checkRecognitionDecisionMatchesProposal(state.recognitionProposal, d.recognized),
      ];
      const due = admissionDueDates(state, f).recognitionDecisionDue;
      const lateness = due ? [checkDeadline('R-REC-05', d.date, due, today)] : [];
      const gate = [...dateChecks(today, [{ field: 'date', date: d.date, notBefore: facts.recognitionVote.meetingDate }]), ...checks];
      const next = d.recognized
        ? { status: 'official' as const }
        : { status: 'struck_from_probation' as const, endReason: 'recognition_refused' as const };
      return advance(state, next, f, [...lateness, ...checks], gate);
    }

    case 'refuse': {
      if (!REFUSABLE_STATUSES.includes(s)) return notAllowed(state, action);
      const gate = dateChecks(today, [{ field: 'date', date: action.date }]);
      return advance(state, { status: 'refused', endReason: action.reason }, facts, [], gate);
    }
  }
}
