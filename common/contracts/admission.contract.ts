import { z } from 'zod';
import { EDUCATION_EXCEPTION_GROUNDS, EDUCATION_LEVELS } from '../rules/admission-rules.ts';
import { ADMISSION_STATUSES, FILE_STEPS } from '../rules/admission-workflow.ts';
import { ZId, ZIsoDate, ZVersion, zRequiredText, zText } from './common.contract.ts';

// Admission and recognition cases (issue 3, items 3–9; rules.md R-ADM, R-REC). Every step is one route whose body
// carries the case `version` the client read (compare-and-set: a stale one answers 409 CONFLICT and changes nothing).
// A step whose conditions fail answers RULE_VIOLATION with params.violations: [{ruleId, code, facts}] and changes nothing.

export const ZAdmissionStatus = z.enum(ADMISSION_STATUSES);
export type AdmissionStatusValue = z.infer<typeof ZAdmissionStatus>;
export const ZFileStep = z.enum(FILE_STEPS);

/** Employer groups; Chỉ thị 28-CT/TW watches admissions of workers in non-state enterprises. */
export const EMPLOYER_KINDS = [
  'state_agency',
  'public_service_unit',
  'state_enterprise',
  'non_state_enterprise',
  'armed_forces',
  'cooperative',
  'farmer',
  'student',
  'self_employed',
  'other',
] as const;
export const ZEmployerKind = z.enum(EMPLOYER_KINDS);
export type EmployerKind = z.infer<typeof ZEmployerKind>;

export const RELATIVE_RELATIONS = ['father', 'mother', 'father_in_law', 'mother_in_law', 'carer', 'spouse', 'child', 'sibling', 'other'] as const;
export const ZRelativeRelation = z.enum(RELATIVE_RELATIONS);

/** A party document: number + date + issuer (numbers restart every term). */
export const ZDocumentRef = z.strictObject({ number: zRequiredText(60), date: ZIsoDate, issuer: zRequiredText(200) });
export type DocumentRefInput = z.infer<typeof ZDocumentRef>;
const zOptionalDoc = () => ZDocumentRef.nullable().optional().transform((v) => v ?? null);

/** Who signs the generated document ('Bí thư', 'Phó Bí thư' …). */
export const ZSigner = z.strictObject({ title: zRequiredText(80), name: zRequiredText(120) });
const zOptionalSigner = () => ZSigner.nullable().optional().transform((v) => v ?? null);

export const ZEducationException = z.strictObject({
  ground: z.enum(EDUCATION_EXCEPTION_GROUNDS),
  recordedOn: ZIsoDate,
  note: zRequiredText(500),
});

export const ZRelative = z.strictObject({
  key: z.string().regex(/^[a-z0-9_-]{1,40}$/).refine((k) => k !== 'applicant', { message: 'reserved_key' }),
  relation: ZRelativeRelation,
  name: zRequiredText(120),
  birthDate: ZIsoDate.nullable(),
  isPartyMember: z.boolean(),
  fullyDeclared: z.boolean(),
});

export const ZMassOrganizationRef = z.strictObject({ key: z.string().regex(/^[a-z0-9_-]{1,40}$/), name: zRequiredText(200) });

export const ZLeavingCause = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('abandoned_activities') }),
  z.strictObject({ kind: z.literal('voluntary_exit'), familyHardship: z.boolean() }),
  z.strictObject({ kind: z.literal('serious_disunity') }),
  z.strictObject({ kind: z.literal('corruption') }),
  z.strictObject({
    kind: z.literal('criminal_conviction'),
    severity: z.enum(['less_serious', 'serious', 'very_serious', 'especially_serious']),
    recordClearedOn: ZIsoDate.nullable(),
  }),
  z.strictObject({ kind: z.literal('other'), description: zRequiredText(500) }),
]);

export const ZReadmission = z.strictObject({
  leftOn: ZIsoDate,
  cause: ZLeavingCause,
  previousReadmissions: z.number().int().min(0).max(10),
  provincialAgreement: ZDocumentRef.nullable(),
});

// ---------------------------------------------------------------- opening and the file

export const ZOpenAdmissionCase = z.strictObject({
  /** Every case starts from a candidacy (a person introduced to a cell, Kế hoạch 99-KH/HU II.2). */
  candidateId: ZId,
  openedOn: ZIsoDate,
  /** Default: from the person's general education ('12/12' → upper secondary). */
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  isYouthUnionMember: z.boolean().default(false),
  employerKind: ZEmployerKind,
  /** Mass organizations of the workplace whose opinion R-ADM-08 requires. */
  massOrganizations: z.array(ZMassOrganizationRef).max(10).default([]),
  /** The place written on documents; default: from the commune or district above the cell. */
  place: zText(80),
});
export type OpenAdmissionCaseInput = z.infer<typeof ZOpenAdmissionCase>;

/** The applicant's file, field by field: absent = unchanged, null = cleared. */
export const ZUpdateAdmissionFile = z.strictObject({
  version: ZVersion,
  applicationDate: ZIsoDate.nullable().optional(),
  historyDate: ZIsoDate.nullable().optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  educationException: ZEducationException.nullable().optional(),
  isYouthUnionMember: z.boolean().optional(),
  employerKind: ZEmployerKind.optional(),
  massOrganizations: z.array(ZMassOrganizationRef).max(10).optional(),
  relatives: z.array(ZRelative).max(40).optional(),
  over60Agreement: ZDocumentRef.nullable().optional(),
  readmission: ZReadmission.nullable().optional(),
  youthUnionResolution: ZDocumentRef.nullable().optional(),
  memberHistoryCompletedOn: ZIsoDate.nullable().optional(),
  selfReviewOn: ZIsoDate.nullable().optional(),
  helperAssessmentOn: ZIsoDate.nullable().optional(),
  place: zRequiredText(80).optional(),
});
export type UpdateAdmissionFileInput = z.infer<typeof ZUpdateAdmissionFile>;

export const VERIFICATION_SUBJECT_RELATIONS = ['applicant', ...RELATIVE_RELATIONS] as const;

export const ZAddVerification = z.strictObject({
  version: ZVersion,
  /** 'applicant' or the key of a declared relative. */
  subjectKey: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  requestOrganization: zRequiredText(200),
  sentOn: ZIsoDate,
  replyDueOn: ZIsoDate,
  verifierName: zText(120),
});
export type AddVerificationInput = z.infer<typeof ZAddVerification>;

export const ZRecordVerificationResult = z.strictObject({
  version: ZVersion,
  verifierName: zRequiredText(120),
  conclusion: z.enum(['clear', 'issues_found']),
  verifiedOn: ZIsoDate,
  resultNote: zText(2000),
  documentId: ZId.nullable().optional().transform((v) => v ?? null),
});
export type RecordVerificationResultInput = z.infer<typeof ZRecordVerificationResult>;

export const ZAddIntroducer = z.strictObject({
  version: ZVersion,
  memberId: ZId,
  sameUnit: z.boolean(),
  unitName: zText(200),
  monthsWithApplicant: z.number().int().min(0).max(1200),
  introducedOn: ZIsoDate,
});
export type AddIntroducerInput = z.infer<typeof ZAddIntroducer>;

export const ZAddOpinion = z.strictObject({
  version: ZVersion,
  phase: z.enum(['admission', 'recognition']),
  source: z.enum(['mass_organization', 'residence_cell_committee']),
  organizationKey: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  organizationName: zRequiredText(200),
  date: ZIsoDate,
  summary: zText(2000),
  documentId: ZId.nullable().optional().transform((v) => v ?? null),
});
export type AddOpinionInput = z.infer<typeof ZAddOpinion>;

export const ZAssignProbationHelper = z.strictObject({ version: ZVersion, memberId: ZId, assignedOn: ZIsoDate });
export type AssignProbationHelperInput = z.infer<typeof ZAssignProbationHelper>;

export const ZRemoveFact = z.strictObject({
  version: ZVersion,
  fact: z.enum(['verification', 'introducer', 'opinion', 'helper']),
  itemId: ZId,
});
export type RemoveFactInput = z.infer<typeof ZRemoveFact>;

// ---------------------------------------------------------------- steps

export const ZCompleteStep = z.strictObject({ version: ZVersion, step: ZFileStep });
export type CompleteStepInput = z.infer<typeof ZCompleteStep>;

const ZTally = { approve: z.number().int().min(0).max(10_000), reject: z.number().int().min(0).max(10_000), abstain: z.number().int().min(0).max(10_000).default(0) };

/** The roll of the meeting: who of the cell's members on that date attended, is on temporary transfer out, or exempted. */
const ZRollMarks = {
  presentMemberIds: z.array(ZId).max(1000),
  temporarilyTransferredOutMemberIds: z.array(ZId).max(1000).default([]),
  exemptedMemberIds: z.array(ZId).max(1000).default([]),
};

export const ZCellResolution = z.strictObject({
  version: ZVersion,
  meetingDate: ZIsoDate,
  ...ZRollMarks,
  ...ZTally,
  document: zOptionalDoc(),
  signer: zOptionalSigner(),
});
export type CellResolutionInput = z.infer<typeof ZCellResolution>;

export const ZGrassrootsResolution = z.strictObject({
  version: ZVersion,
  date: ZIsoDate,
  committeeSize: z.number().int().min(1).max(200),
  ...ZTally,
  document: zOptionalDoc(),
});
export type GrassrootsResolutionInput = z.infer<typeof ZGrassrootsResolution>;

export const ZDecisionExtension = z.strictObject({
  version: ZVersion,
  workingDays: z.number().int().min(1).max(365),
  grantedOn: ZIsoDate,
  /** Who granted it: the body and the signer as written. */
  grantedBy: zRequiredText(200),
  document: zOptionalDoc(),
});
export type DecisionExtensionInput = z.infer<typeof ZDecisionExtension>;

export const ZAdmissionDecision = z.strictObject({
  version: ZVersion,
  date: ZIsoDate,
  decidingOrganizationId: ZId,
  admitted: z.boolean(),
  receivedOn: ZIsoDate.nullable().optional().transform((v) => v ?? null),
  committeeVote: z
    .strictObject({ committeeSize: z.number().int().min(1).max(200), ...ZTally })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  document: zOptionalDoc(),
  signer: zOptionalSigner(),
});
export type AdmissionDecisionInput = z.infer<typeof ZAdmissionDecision>;

export const ZCeremony = z.strictObject({ version: ZVersion, date: ZIsoDate, superiorApproval: zOptionalDoc() });
export type CeremonyInput = z.infer<typeof ZCeremony>;

export const ZEndProbation = z.strictObject({ version: ZVersion });

export const ZRecognitionVote = z.strictObject({
  version: ZVersion,
  meetingDate: ZIsoDate,
  motion: z.enum(['recognize', 'propose_name_removal']),
  ...ZRollMarks,
  ...ZTally,
  document: zOptionalDoc(),
  signer: zOptionalSigner(),
});
export type RecognitionVoteInput = z.infer<typeof ZRecognitionVote>;

export const ZRecognitionDecision = z.strictObject({
  version: ZVersion,
  date: ZIsoDate,
  decidingOrganizationId: ZId,
  recognized: z.boolean(),
  document: zOptionalDoc(),
  signer: zOptionalSigner(),
});
export type RecognitionDecisionInput = z.infer<typeof ZRecognitionDecision>;

export const ZRefuseCase = z.strictObject({
  version: ZVersion,
  reason: z.enum(['withdrawn', 'not_qualified']),
  date: ZIsoDate,
  note: zText(2000),
});
export type RefuseCaseInput = z.infer<typeof ZRefuseCase>;

// ---------------------------------------------------------------- reads

const ZRef = z.object({ id: z.number().int(), name: z.string() });
const ZJson = z.record(z.string(), z.unknown());

export const ZRuleCheck = z.object({ ruleId: z.string(), ok: z.boolean(), code: z.string(), facts: ZJson });
export type RuleCheckView = z.infer<typeof ZRuleCheck>;

export const ZAdmissionListQuery = z.object({
  organizationId: ZId.optional(),
  /** open: every step before an outcome; all: with the outcomes. */
  scope: z.enum(['open', 'all']).default('open'),
  /** Name or citizen id. A text that may carry a citizen id is refused in the GET's URL (citizen_id_in_url). */
  q: z.string().trim().max(100).optional(),
});
/** POST /api/admissions/search: the same filters in a strict body, the way to search by citizen id (security.md item 25). */
export const ZAdmissionSearchBody = ZAdmissionListQuery.strict();

export const ZAdmissionCard = z.object({
  id: z.number().int(),
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.string(),
  cell: ZRef,
  status: ZAdmissionStatus,
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  openedOn: z.string(),
  version: z.number().int(),
});
export type AdmissionCard = z.infer<typeof ZAdmissionCard>;

export const ZAdmissionList = z.object({
  today: z.string(),
  counts: z.record(z.string(), z.number().int()),
  items: z.array(ZAdmissionCard),
  /** More cases matched than are listed (the board shows the first 500). */
  truncated: z.boolean(),
});
export type AdmissionList = z.infer<typeof ZAdmissionList>;

export const ZRollEntry = z.object({
  memberId: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  standing: z.enum(['official', 'probationary']),
  /** Exempted from activities on that date by an exemption the cell recorded (counted whatever the form says). */
  exemptedOnRecord: z.boolean(),
  /** Away on a recorded temporary transfer on that date (counted whatever the form says). */
  transferredOutOnRecord: z.boolean(),
});
export const ZRollQuery = z.object({ date: ZIsoDate });
export const ZRoll = z.object({ date: z.string(), cell: ZRef, items: z.array(ZRollEntry) });
export type Roll = z.infer<typeof ZRoll>;

export const ZVoteView = z.object({
  id: z.number().int(),
  kind: z.enum(['cell_admission', 'grassroots_admission', 'decision_committee', 'cell_recognition']),
  meetingDate: z.string(),
  motion: z.string().nullable(),
  roll: z
    .array(
      z.object({
        memberId: z.number().int(),
        fullName: z.string(),
        standing: z.string(),
        temporarilyTransferredOut: z.boolean(),
        exempted: z.boolean(),
        attended: z.boolean(),
      }),
    )
    .nullable(),
  committeeSize: z.number().int().nullable(),
  officialCount: z.number().int(),
  presentCount: z.number().int(),
  base: z.number().int(),
  required: z.number().int().nullable(),
  approve: z.number().int(),
  reject: z.number().int(),
  abstain: z.number().int(),
  thresholdMet: z.boolean(),
  document: ZJson.nullable(),
  recordedBy: z.string().nullable(),
});

export const ZDocumentMeta = z.object({
  id: z.number().int(),
  step: z.string(),
  kind: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

export const DOCUMENT_KINDS = [
  'application',
  'personal_history',
  'introduction',
  'verification',
  'opinion',
  'cell_resolution',
  'grassroots_resolution',
  'decision',
  'ceremony_minutes',
  'member_history',
  'self_review',
  'helper_assessment',
  'recognition_opinion',
  'recognition_vote',
  'recognition_decision',
  'certificate',
  'other',
] as const;
export const ZUploadQuery = z.object({ step: ZAdmissionStatus, kind: z.enum(DOCUMENT_KINDS) });
export const ZDocumentParams = z.object({ id: ZId, documentId: ZId });

export const GENERATED_DOCUMENTS = ['cell-resolution', 'admission-decision', 'recognition-decision'] as const;
export const ZGeneratedParams = z.object({ id: ZId, document: z.enum(GENERATED_DOCUMENTS) });

export const ZAdmissionCaseDetail = z.object({
  id: z.number().int(),
  version: z.number().int(),
  today: z.string(),
  status: ZAdmissionStatus,
  state: ZJson,
  endReason: z.string().nullable(),
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  dueDates: ZJson,
  person: z.object({
    id: z.number().int(),
    fullName: z.string(),
    gender: z.string(),
    birthDate: z.string(),
    hometown: z.string().nullable(),
    ethnicityCode: z.string(),
    religionCode: z.string(),
    occupation: z.string().nullable(),
    generalEducation: z.string().nullable(),
  }),
  cell: ZRef,
  candidateId: z.number().int().nullable(),
  memberId: z.number().int().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  file: z.object({
    educationLevel: z.string(),
    educationException: ZJson.nullable(),
    isYouthUnionMember: z.boolean(),
    employerKind: z.string(),
    massOrganizations: z.array(z.object({ key: z.string(), name: z.string() })),
    relatives: z.array(ZJson),
    over60Agreement: ZJson.nullable(),
    readmission: ZJson.nullable(),
    youthUnionResolution: ZJson.nullable(),
    applicationDate: z.string().nullable(),
    historyDate: z.string().nullable(),
    memberHistoryCompletedOn: z.string().nullable(),
    selfReviewOn: z.string().nullable(),
    helperAssessmentOn: z.string().nullable(),
    place: z.string(),
  }),
  /** R-ADM-14 on today's tree (the decision step is judged on the tree of its own date). */
  competentBodies: z.object({ admission: ZRef.nullable(), recognition: ZRef.nullable() }),
  grassrootsCommitteeBetween: z.boolean(),
  checklist: z.array(ZRuleCheck.extend({ step: z.string() })),
  certificates: z.array(z.object({ kind: z.string(), number: z.string().nullable(), issuedOn: z.string(), validUntil: z.string().nullable() })),
  verifications: z.array(
    z.object({
      id: z.number().int(),
      subjectKey: z.string(),
      relation: z.string(),
      subjectName: z.string(),
      requestOrganization: z.string(),
      sentOn: z.string(),
      replyDueOn: z.string(),
      verifierName: z.string().nullable(),
      conclusion: z.string().nullable(),
      resultNote: z.string().nullable(),
      verifiedOn: z.string().nullable(),
      documentId: z.number().int().nullable(),
      isReplyOverdue: z.boolean(),
    }),
  ),
  introducers: z.array(
    z.object({
      id: z.number().int(),
      memberId: z.number().int(),
      fullName: z.string(),
      standingToday: z.string(),
      sameUnit: z.boolean(),
      unitName: z.string().nullable(),
      monthsWithApplicant: z.number().int(),
      introducedOn: z.string(),
    }),
  ),
  opinions: z.array(
    z.object({
      id: z.number().int(),
      phase: z.string(),
      source: z.string(),
      organizationKey: z.string(),
      organizationName: z.string(),
      date: z.string(),
      summary: z.string().nullable(),
      documentId: z.number().int().nullable(),
    }),
  ),
  helpers: z.array(z.object({ id: z.number().int(), memberId: z.number().int(), fullName: z.string(), standingWhenAssigned: z.string(), assignedOn: z.string() })),
  votes: z.array(ZVoteView),
  extensions: z.array(
    z.object({ id: z.number().int(), kind: z.string(), workingDays: z.number().int(), grantedOn: z.string(), grantedBy: z.string(), dueBefore: z.string().nullable(), dueAfter: z.string().nullable() }),
  ),
  documents: z.array(ZDocumentMeta),
  /** Word documents that can be generated now. */
  generated: z.array(z.enum(GENERATED_DOCUMENTS)),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      actionType: z.string(),
      action: ZJson,
      fromStatus: z.string(),
      toStatus: z.string(),
      effectiveOn: z.string(),
      checks: z.array(ZRuleCheck),
      dueAt: z.string().nullable(),
      actor: z.string().nullable(),
      at: z.string(),
    }),
  ),
  refusals: z.array(
    z.object({ id: z.number().int(), actionType: z.string(), status: z.string(), violations: z.array(ZRuleCheck), onDate: z.string(), actor: z.string().nullable(), at: z.string() }),
  ),
});
export type AdmissionCaseDetail = z.infer<typeof ZAdmissionCaseDetail>;

export const ZDeadlinesQuery = z.object({ organizationId: ZId.optional() });
export const ZDeadlineItem = z.object({
  kind: z.enum(['step', 'personal_history', 'verification_reply']),
  caseId: z.number().int(),
  fullName: z.string(),
  cell: ZRef,
  status: ZAdmissionStatus,
  dueOn: z.string(),
  /** Working days from today to the due date; negative when overdue. */
  workingDaysLeft: z.number().int(),
  isOverdue: z.boolean(),
  /** For verification replies: whom and where. */
  subjectName: z.string().nullable(),
  requestOrganization: z.string().nullable(),
  /** The day the sweep marked the step overdue. */
  overdueSince: z.string().nullable(),
});
export const ZDeadlines = z.object({
  today: z.string(),
  /** The 10th working day from today: "due soon" ends there. */
  horizon: z.string(),
  organization: ZRef,
  overdue: z.array(ZDeadlineItem),
  dueSoon: z.array(ZDeadlineItem),
});
export type Deadlines = z.infer<typeof ZDeadlines>;
export type DeadlineItem = z.infer<typeof ZDeadlineItem>;

export const ZQualityQuery = z.object({ organizationId: ZId.optional(), year: z.coerce.number().int().min(1990).max(2100).optional() });
export const ZQuality = z.object({
  year: z.number().int(),
  organization: ZRef,
  /** Open cases by step today. */
  pipeline: z.array(z.object({ status: ZAdmissionStatus, count: z.number().int() })),
  /** Cases admitted by a decision dated in the year, by category (a person may be in several). */
  admissions: z.object({
    total: z.number().int(),
    youth: z.number().int(),
    women: z.number().int(),
    ethnicMinority: z.number().int(),
    religious: z.number().int(),
    nonStateEnterpriseWorkers: z.number().int(),
  }),
  /** Calendar days spent in each step, for steps left during the year. */
  timePerStep: z.array(z.object({ status: ZAdmissionStatus, cases: z.number().int(), medianDays: z.number(), maxDays: z.number().int() })),
  /** Open steps past their due date today. */
  overdue: z.array(z.object({ status: ZAdmissionStatus, count: z.number().int() })),
  /** Cases that ended refused during the year, by reason. */
  refusedCases: z.array(z.object({ reason: z.string(), ruleId: z.string().nullable(), count: z.number().int() })),
  /** Attempted steps a rule refused during the year, by rule id. */
  refusalsByRule: z.array(z.object({ ruleId: z.string(), count: z.number().int(), cases: z.number().int() })),
  /** For each of the five years up to `year`: members admitted then (their 'admitted' event) and how many later left by removal. */
  laterRemoved: z.array(z.object({ year: z.number().int(), admitted: z.number().int(), removed: z.number().int() })),
});
export type Quality = z.infer<typeof ZQuality>;
