import { z } from 'zod';
import { ZGradingReport } from './grading.contract.ts';
import { STRUCK_OFF_GROUNDS } from '../rules/removal-rules.ts';
import { FLAG_KINDS } from '../rules/screening-engine.ts';
import { ZId, zRequiredText, zText } from './common.contract.ts';

// Screening of members no longer qualified and the open review of every flag (issue 5 items 2, 3 and 5; rules.md
// R-RMV-01, -02, -06, -07; Kế hoạch 99-KH/HU II.4). A flag is closed only by one recorded decision.

export const ZFlagKind = z.enum(FLAG_KINDS);
export const ZFlagRuleId = z.enum(['R-RMV-01', 'R-RMV-02', 'R-RMV-06']);
export const ZScreeningYear = z.coerce.number().int().min(2000).max(2100);

/** A rule check as the API answers it (a line of a checklist, or why an action was refused). */
export const ZRuleCheckView = z.object({ ruleId: z.string(), ok: z.boolean(), code: z.string(), facts: z.record(z.string(), z.unknown()) });
export type RuleCheckView = z.infer<typeof ZRuleCheckView>;

export const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });
export const ZOrgRefKind = ZOrgRef.extend({ kind: z.string() });

// ---------------------------------------------------------------- runs

export const ZStartScreeningRun = z.object({ organizationId: ZId, year: ZScreeningYear }).strict();
export type StartScreeningRunInput = z.infer<typeof ZStartScreeningRun>;

export const SCREENING_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export const ZScreeningRun = z.object({
  id: z.number().int(),
  organization: ZOrgRef,
  year: z.number().int(),
  asOf: z.string(),
  trigger: z.enum(['manual', 'scheduled']),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(SCREENING_RUN_STATUSES),
  membersTotal: z.number().int(),
  membersDone: z.number().int(),
  flagsFound: z.number().int(),
  flagsNew: z.number().int(),
  flagsUnchanged: z.number().int(),
  flagsAlreadyDecided: z.number().int(),
  errorCode: z.string().nullable(),
});
export type ScreeningRun = z.infer<typeof ZScreeningRun>;

export const ZScreeningScopeQuery = z.object({ organizationId: ZId, year: ZScreeningYear });
export type ScreeningScopeQuery = z.infer<typeof ZScreeningScopeQuery>;
export const ZScreeningRunList = z.object({ items: z.array(ZScreeningRun) });
export type ScreeningRunList = z.infer<typeof ZScreeningRunList>;

// ---------------------------------------------------------------- flags

export const ZFlagEvidence = z.object({
  months: z.array(z.string()).optional(),
  meetingIds: z.array(z.number().int()).optional(),
  years: z.array(z.number().int()).optional(),
  documentIds: z.array(z.number().int()).optional(),
  /** discipline_or_violation: state discipline and law violations (violation_records). */
  violationRecordIds: z.array(z.number().int()).optional(),
  /** low_prestige: the Fatherland Front's opinions (front_opinions). */
  frontOpinionIds: z.array(z.number().int()).optional(),
  transferId: z.number().int().optional(),
  dueDate: z.string().optional(),
  completedOn: z.string().nullable().optional(),
  cutoff: z.string().optional(),
});
export type FlagEvidenceView = z.infer<typeof ZFlagEvidence>;

export const FLAG_DECISIONS = ['removal_case', 'discipline_referral', 'education_plan', 'no_action'] as const;
export const ZFlagDecision = z.enum(FLAG_DECISIONS);
export type FlagDecisionKind = z.infer<typeof ZFlagDecision>;

export const FLAG_STATUS_FILTERS = ['all', 'open', 'closed', 'overdue', 'escalated'] as const;
export const ZFlagListQuery = ZScreeningScopeQuery.extend({
  status: z.enum(FLAG_STATUS_FILTERS).default('all'),
  kind: ZFlagKind.optional(),
  memberId: ZId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type FlagListQuery = z.infer<typeof ZFlagListQuery>;

export const ZFlag = z.object({
  id: z.number().int(),
  key: z.string(),
  ruleId: ZFlagRuleId,
  kind: ZFlagKind,
  period: z.string(),
  year: z.number().int(),
  member: z.object({ id: z.number().int(), fullName: z.string(), birthDate: z.string(), status: z.string() }),
  /** The organization that reviews it: the member's cell, followed through completed transfers (R-RMV-07). */
  organization: ZOrgRef,
  /** The cell that raised it, when the flag was handed over since (null: the reviewing cell raised it). */
  raisedBy: ZOrgRef.nullable(),
  evidence: ZFlagEvidence,
  /** The meetings named by the evidence, with their dates (links to the meeting pages). */
  meetings: z.array(z.object({ id: z.number().int(), date: z.string(), organizationId: z.number().int() })),
  /** The transfer named by the evidence (link to the transfer page). */
  transfer: z.object({ id: z.number().int(), letterNumber: z.string(), issuedOn: z.string() }).nullable(),
  /** The violation records named by the evidence, as the deciding body wrote them. */
  violationRecords: z.array(z.object({ id: z.number().int(), kind: z.string(), form: z.string(), decidedOn: z.string(), decidedBy: z.string(), reference: z.string() })),
  /** The Front opinions named by the evidence. */
  frontOpinions: z.array(z.object({ id: z.number().int(), year: z.number().int(), rating: z.string(), givenOn: z.string(), givenBy: z.string() })),
  raisedOn: z.string(),
  reviewDueOn: z.string(),
  runId: z.number().int(),
  status: z.enum(['open', 'closed']),
  /** Open past its review due day (R-RMV-07). */
  overdue: z.boolean(),
  escalation: z.object({ escalatedOn: z.string(), to: ZOrgRef.nullable() }).nullable(),
  review: z
    .object({
      decision: ZFlagDecision,
      decidedOn: z.string(),
      reason: z.string().nullable(),
      followUpOn: z.string().nullable(),
      removalCaseId: z.number().int().nullable(),
      referralId: z.number().int().nullable(),
      decidedBy: z.string().nullable(),
      decidedByOrganization: ZOrgRef,
    })
    .nullable(),
});
export type Flag = z.infer<typeof ZFlag>;

export const ZFlagList = z.object({
  items: z.array(ZFlag),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  organization: ZOrgRef,
  year: z.number().int(),
  counts: z.object({ all: z.number().int(), open: z.number().int(), closed: z.number().int(), overdue: z.number().int(), escalated: z.number().int() }),
});
export type FlagList = z.infer<typeof ZFlagList>;

/** R-RMV-07: the decision that closes a flag. No action needs a written reason. */
export const ZReviewFlag = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('removal_case'), ground: z.enum(STRUCK_OFF_GROUNDS).optional(), note: zText(1000) }).strict(),
  z
    .object({
      decision: z.literal('discipline_referral'),
      description: zRequiredText(1000),
      reference: zText(200),
      warrantsExpulsion: z.boolean(),
      note: zText(1000),
    })
    .strict(),
  z.object({ decision: z.literal('education_plan'), note: zText(1000) }).strict(),
  // Trimmed but not required here: the rule (decideFlagReview) refuses an empty reason, naming R-RMV-07.
  z.object({ decision: z.literal('no_action'), reason: z.string().max(2000) }).strict(),
]);
export type ReviewFlagInput = z.infer<typeof ZReviewFlag>;

// ---------------------------------------------------------------- oversight (the organization above)

export const ZOversightRow = z.object({
  organization: ZOrgRefKind,
  raised: z.number().int(),
  reviewed: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  escalated: z.number().int(),
  removalCase: z.number().int(),
  disciplineReferral: z.number().int(),
  educationPlan: z.number().int(),
  noAction: z.number().int(),
  /** Share of reviewed flags closed with no action (leniency made visible); null when nothing is reviewed. */
  noActionShare: z.number().nullable(),
});
export type OversightRow = z.infer<typeof ZOversightRow>;
export const ZOversight = z.object({
  organization: ZOrgRef,
  year: z.number().int(),
  today: z.string(),
  reviewDays: z.number().int(),
  rows: z.array(ZOversightRow),
  totals: ZOversightRow.omit({ organization: true }),
});
export type Oversight = z.infer<typeof ZOversight>;

// ---------------------------------------------------------------- report (Kế hoạch 99 yearly figures)

export const ZFlagsByRuleRow = z.object({
  ruleId: ZFlagRuleId,
  kind: ZFlagKind,
  raised: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  removalCase: z.number().int(),
  disciplineReferral: z.number().int(),
  educationPlan: z.number().int(),
  noAction: z.number().int(),
});
export const ZRemovalsByFormRow = z.object({
  form: z.enum(['struck_off', 'released', 'expelled']),
  /** The ground of name removal, 'own_request' for release, 'discipline' for expulsion. */
  cause: z.string(),
  opened: z.number().int(),
  pending: z.number().int(),
  removed: z.number().int(),
  notRemoved: z.number().int(),
  withdrawn: z.number().int(),
});
export const ZReportOrganizationRow = z.object({
  organization: ZOrgRefKind,
  flagsRaised: z.number().int(),
  flagsOpen: z.number().int(),
  flagsNoAction: z.number().int(),
  struckOff: z.number().int(),
  released: z.number().int(),
  expelled: z.number().int(),
  removalsPending: z.number().int(),
});
export const ZScreeningReport = z.object({
  organization: ZOrgRef,
  year: z.number().int(),
  /** Quy định 366 levels of the year's grading cycles in the subtree (the same figures as the grading report). */
  grading: ZGradingReport.pick({ rows: true, totals: true }),
  flagsByRule: z.array(ZFlagsByRuleRow),
  removalsByForm: z.array(ZRemovalsByFormRow),
  byOrganization: z.array(ZReportOrganizationRow),
});
export type ScreeningReport = z.infer<typeof ZScreeningReport>;

