import { z } from 'zod';
import { DISQUALIFYING_FINDINGS, GRADE_LEVELS } from '../rules/grading-rules.ts';
import { ZId, ZVersion, zText } from './common.contract.ts';
import { ZYearConduct } from './conduct.contract.ts';
import { ZOrganizationKind } from './organizations.contract.ts';
import { ZResidenceOpinion } from './party-life.contract.ts';

// Yearly grading of members (issue 5 item 1; rules.md R-GRD, Quy định 366-QĐ/TW). One cycle per grassroots
// organization and year moves open → self_assessment → cell_proposal → committee_decision → closed.

export const ZGradeLevel = z.enum(GRADE_LEVELS);
export type { GradeLevel } from '../rules/grading-rules.ts';

export const GRADING_CYCLE_STATUSES = ['open', 'self_assessment', 'cell_proposal', 'committee_decision', 'closed'] as const;
export const ZGradingCycleStatus = z.enum(GRADING_CYCLE_STATUSES);
export type GradingCycleStatus = z.infer<typeof ZGradingCycleStatus>;

/** graded: on the roster; exempted: R-GRD-02, not graded and not counted; left: no longer a member here, not counted. */
export const ROSTER_STATES = ['graded', 'exempted', 'left'] as const;
export const ZRosterState = z.enum(ROSTER_STATES);
export type RosterState = z.infer<typeof ZRosterState>;

export const ZDisqualifyingFinding = z.enum(DISQUALIFYING_FINDINGS);

/** A scored criterion. `name` null: the shipped criterion named by its code (the web translates it). */
export const ZCriterion = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'criterion_code_format' }),
  name: zText(300),
  maxPoints: z.number().int().min(1).max(100),
});
export type Criterion = z.infer<typeof ZCriterion>;
/** A criterion as stored and answered (responses are encoded: no transforms in them). */
export const ZCriterionView = z.object({ code: z.string(), name: z.string().nullable(), maxPoints: z.number().int() });

/** R-GRD-01 parameters (unverified under 366: configurable per cycle). */
export const ZQuotaParams = z.object({
  maxExcellentPercent: z.number().int().min(0).max(100),
  denominator: z.enum(['good_or_better', 'good_only']),
});
export type QuotaParams = z.infer<typeof ZQuotaParams>;

/** The thresholds of R-GRD copied onto the cycle from the rule set in force at the year's end. */
export const ZGradingThresholds = z.object({
  maxPoints: z.number(),
  excellentMinPoints: z.number(),
  goodMinPoints: z.number(),
  completedMinPoints: z.number(),
  excellentExceededPercent: z.number(),
});

/** The conditions besides the points (366 Art. 11): what each level past `completed` needs. */
export const ZGradeConditions = z
  .object({
    allTasksOnTime: z.boolean(),
    tasksWithQuality: z.boolean(),
    tasksTotal: z.number().int().min(0).max(1000),
    tasksExceeded: z.number().int().min(0).max(1000),
    earlierShortcomingsFixed: z.boolean(),
    disqualifyingFindings: z.array(ZDisqualifyingFinding).max(DISQUALIFYING_FINDINGS.length).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.tasksExceeded > c.tasksTotal) ctx.addIssue({ code: 'custom', path: ['tasksExceeded'], message: 'exceeded_above_total' });
  });
export type GradeConditionsInput = z.infer<typeof ZGradeConditions>;
export const ZGradeConditionsView = z.object({
  allTasksOnTime: z.boolean(),
  tasksWithQuality: z.boolean(),
  tasksTotal: z.number().int(),
  tasksExceeded: z.number().int(),
  earlierShortcomingsFixed: z.boolean(),
  disqualifyingFindings: z.array(ZDisqualifyingFinding),
});

/** Points per criterion code: whole points, 0…the criterion's maximum (checked against the cycle's criteria). */
export const ZScores = z.record(z.string().max(40), z.number().int().min(0).max(100));

export const ZRuleCheck = z.object({ ruleId: z.string(), ok: z.boolean(), code: z.string(), facts: z.record(z.string(), z.unknown()) });
export type RuleCheckDto = z.infer<typeof ZRuleCheck>;

const ZOrgRef = z.object({ id: z.number().int(), name: z.string(), kind: ZOrganizationKind });

// ---------------------------------------------------------------- requests

export const ZCycleListQuery = z.object({
  organizationId: ZId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZCreateCycle = z.object({
  organizationId: ZId,
  year: z.number().int().min(2000).max(2100),
  /** Default: the criteria of the rule set in force at the year's end (GRADING_PARAMS_366). */
  criteria: z.array(ZCriterion).min(1).max(20).optional(),
  /** Default: R-GRD-01 in force at the year's end. */
  quota: ZQuotaParams.optional(),
});
export type CreateCycleInput = z.infer<typeof ZCreateCycle>;

/** Criteria and quota can change only while the cycle is open (before any member has assessed themselves). */
export const ZUpdateCycle = z.object({ criteria: z.array(ZCriterion).min(1).max(20), quota: ZQuotaParams, version: ZVersion });
export type UpdateCycleInput = z.infer<typeof ZUpdateCycle>;

export const ADVANCE_TARGETS = ['self_assessment', 'cell_proposal', 'committee_decision'] as const;
export const ZAdvanceCycle = z.object({ to: z.enum(ADVANCE_TARGETS), version: ZVersion });
export type AdvanceCycleInput = z.infer<typeof ZAdvanceCycle>;

/** Closing rolls the results up; over the excellent quota (R-GRD-01) it needs a recorded justification. */
export const ZCloseCycle = z.object({ quotaJustification: zText(2000), version: ZVersion });
export type CloseCycleInput = z.infer<typeof ZCloseCycle>;

export const ZSelfAssessmentInput = z.object({
  scores: ZScores,
  conditions: ZGradeConditions,
  comment: zText(2000),
  version: ZVersion,
});
export type SelfAssessmentInput = z.infer<typeof ZSelfAssessmentInput>;

/** The cell's proposal. A level below what the points and conditions allow needs `reason`; above is refused (R-GRD). */
export const ZProposalInput = z.object({ level: ZGradeLevel, comment: zText(2000), reason: zText(2000), version: ZVersion });
export type ProposalInput = z.infer<typeof ZProposalInput>;

/**
 * The committee's decision. `scores`/`conditions`: the committee's own assessment when it corrects the member's
 * (both or neither; null keeps the self-assessment). The level follows from them as for the proposal.
 */
export const ZDecisionInput = z.object({
  level: ZGradeLevel,
  reason: zText(2000),
  scores: ZScores.nullable().optional().transform((v) => v ?? null),
  conditions: ZGradeConditions.nullable().optional().transform((v) => v ?? null),
  version: ZVersion,
});
export type DecisionInput = z.infer<typeof ZDecisionInput>;

export const ZReportQuery = z.object({ organizationId: ZId, year: z.coerce.number().int().min(2000).max(2100) });
export type ReportQuery = z.infer<typeof ZReportQuery>;

// ---------------------------------------------------------------- responses

export const ZCycleCounts = z.object({
  /** Members on the roster who are graded (exempted and departed members are not counted). */
  graded: z.number().int(),
  exempted: z.number().int(),
  left: z.number().int(),
  selfAssessed: z.number().int(),
  proposed: z.number().int(),
  decided: z.number().int(),
  /** Decided levels among graded members. */
  levels: z.object({ excellent: z.number().int(), good: z.number().int(), completed: z.number().int(), not_completed: z.number().int() }),
});
export type CycleCounts = z.infer<typeof ZCycleCounts>;

export const ZCycleSummary = z.object({
  id: z.number().int(),
  organization: ZOrgRef,
  year: z.number().int(),
  status: ZGradingCycleStatus,
  /** Counts over the whole organization (not only the part the actor may see): figures, never records. */
  counts: ZCycleCounts,
  closedOn: z.string().nullable(),
  version: z.number().int(),
});
export type CycleSummary = z.infer<typeof ZCycleSummary>;
export const ZCycleList = z.object({ items: z.array(ZCycleSummary) });
export type CycleList = z.infer<typeof ZCycleList>;

/** What the points and conditions allow (gradeOutcome), with the reasons it is capped below the points. */
export const ZAllowedLevel = z.object({
  basis: z.enum(['self', 'committee']),
  points: z.number(),
  level: ZGradeLevel,
  levelByPoints: ZGradeLevel,
  capReasons: z.array(ZRuleCheck),
});
export type AllowedLevel = z.infer<typeof ZAllowedLevel>;

export const ZResidenceSummary = z.object({ rating: z.string(), comments: z.string().nullable(), givenBy: z.string(), givenOn: z.string() });

export const ZGradingEntry = z.object({
  id: z.number().int(),
  cycleId: z.number().int(),
  member: z.object({ id: z.number().int(), fullName: z.string(), status: z.string(), birthDate: z.string() }),
  cell: z.object({ id: z.number().int(), name: z.string() }),
  roster: ZRosterState,
  self: z
    .object({
      scores: z.record(z.string(), z.number()),
      points: z.number(),
      conditions: ZGradeConditionsView,
      comment: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  allowed: ZAllowedLevel.nullable(),
  proposal: z.object({ level: ZGradeLevel, comment: z.string().nullable(), reason: z.string().nullable(), at: z.string() }).nullable(),
  decision: z
    .object({
      level: ZGradeLevel,
      reason: z.string().nullable(),
      scores: z.record(z.string(), z.number()).nullable(),
      points: z.number().nullable(),
      conditions: ZGradeConditionsView.nullable(),
      at: z.string(),
    })
    .nullable(),
  /** The residence cell's opinion of the cycle's year (R-MGT-07), null when none was given. */
  residence: ZResidenceSummary.nullable(),
  /**
   * Conduct in the cycle's year (issue 5 item 1, "kỷ luật trong năm"): party discipline concluded in it, violations of
   * state discipline or the law decided in it, and the Front's opinion of it. Null when the actor's role may not read
   * conduct ('conduct.read'): not shown, rather than shown as none.
   */
  conduct: ZYearConduct.nullable(),
  version: z.number().int(),
});
export type GradingEntry = z.infer<typeof ZGradingEntry>;

export const ZQuotaState = z.object({
  params: ZQuotaParams,
  /** R-GRD-01 over the decided levels so far (at closing: as judged then). */
  check: ZRuleCheck,
  justification: z.string().nullable(),
});

export const ZCycleDetail = ZCycleSummary.extend({
  criteria: z.array(ZCriterionView),
  thresholds: ZGradingThresholds,
  quota: ZQuotaState,
  rosterDate: z.string().nullable(),
  /** Entries the actor may see (a cell secretary: their cell's members), in Vietnamese name order. */
  entries: z.array(ZGradingEntry),
  /** What the actor may do on this cycle (the server still decides each request). */
  can: z.object({
    /** Change the criteria and quota, move the cycle on (the actor's organization is at or above the cycle's). */
    manageCycle: z.boolean(),
    /** Roll the results up and close (R-GRD-01). */
    closeCycle: z.boolean(),
    /** Enter a self-assessment on a member's behalf (from the paper form). */
    assess: z.boolean(),
    propose: z.boolean(),
    decide: z.boolean(),
  }),
});
export type CycleDetail = z.infer<typeof ZCycleDetail>;

export const ZEntryDetail = z.object({
  cycle: ZCycleSummary.extend({ criteria: z.array(ZCriterionView), thresholds: ZGradingThresholds }),
  entry: ZGradingEntry,
  /** Every opinion of the member's residence cells, newest year first. */
  residenceOpinions: z.array(ZResidenceOpinion),
  history: z.array(z.object({ kind: z.string(), at: z.string(), actor: z.string().nullable(), level: ZGradeLevel.nullable(), points: z.number().nullable() })),
});
export type EntryDetail = z.infer<typeof ZEntryDetail>;

export const ZMemberGrading = z.object({
  member: z.object({ id: z.number().int(), fullName: z.string() }),
  items: z.array(
    z.object({
      entryId: z.number().int(),
      cycleId: z.number().int(),
      year: z.number().int(),
      organization: ZOrgRef,
      cycleStatus: ZGradingCycleStatus,
      roster: ZRosterState,
      selfPoints: z.number().nullable(),
      proposedLevel: ZGradeLevel.nullable(),
      decidedLevel: ZGradeLevel.nullable(),
      /** The result once the organization has closed the year (what screening reads). */
      finalLevel: ZGradeLevel.nullable(),
      /** The day the organization closed the year (the result's date on the member's timeline). */
      closedOn: z.string().nullable(),
      /** Conduct in the year (as on a grading entry); null when the actor's role may not read conduct. */
      conduct: ZYearConduct.nullable(),
    }),
  ),
  residenceOpinions: z.array(ZResidenceOpinion),
});
export type MemberGrading = z.infer<typeof ZMemberGrading>;

export const ZReportRow = z.object({
  organization: ZOrgRef.extend({ code: z.string() }),
  cycleId: z.number().int(),
  status: ZGradingCycleStatus,
  excellent: z.number().int(),
  good: z.number().int(),
  completed: z.number().int(),
  notCompleted: z.number().int(),
  /** Graded members whose level is not decided yet. */
  pending: z.number().int(),
  /** R-GRD-02: exempted, not graded, not counted in the levels. */
  exempted: z.number().int(),
  graded: z.number().int(),
});
export type ReportRow = z.infer<typeof ZReportRow>;

export const ZGradingReport = z.object({
  organization: ZOrgRef,
  year: z.number().int(),
  rows: z.array(ZReportRow),
  totals: ZReportRow.omit({ organization: true, cycleId: true, status: true }),
});
export type GradingReport = z.infer<typeof ZGradingReport>;
