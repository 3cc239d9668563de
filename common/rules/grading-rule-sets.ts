// The numbers of the grading (R-GRD), screening and removal (R-RMV) and readmission (R-ADM-15) rules as
// effective-dated rule-set versions (architecture principle 7): a record is judged by the version in force on its
// event date (`paramsInForce`). These arrays are the shipped defaults; an administrator adds a version as data.
// Confidence follows rules.md: V read in the text, V-old read in the predecessor, S secondary, U unverified.
// Every U number is configurable (add a version) and the UI must say it is unverified.
import type { RuleSetVersion } from './rule-check.ts';

/** One scored criterion of the grading form and its maximum points. */
export interface GradingCriterion {
  code: string;
  maxPoints: number;
}

/** Parameters of rule `R-GRD` (the levels of Quy định 366-QĐ/TW Art. 11). */
export interface GradingParams {
  maxPoints: number;
  excellentMinPoints: number;
  goodMinPoints: number;
  completedMinPoints: number;
  /** `excellent` needs at least this percentage of the member's tasks exceeded. */
  excellentExceededPercent: number;
  /** The scored criteria; their maxima add up to `maxPoints`. */
  criteria: readonly GradingCriterion[];
}

/**
 * Parameters of rule `R-GRD-01`. `denominator`: 'good_or_better' counts excellent and good members (excellent is
 * chosen from among members who qualify as good); 'good_only' counts members graded exactly `good`.
 */
export interface ExcellentQuotaParams {
  maxExcellentPercent: number;
  denominator: 'good_or_better' | 'good_only';
}

/** Parameters of rule `R-RMV-01`: months in one calendar year that raise a flag. */
export interface MissedMonthsParams {
  missedActivityMonths: number;
  unpaidDuesMonths: number;
}

/** Parameters of rule `R-RMV-02`. */
export interface NotCompletedParams {
  /** `not_completed` this many years in a row raises a flag. */
  consecutiveNotCompletedYears: number;
  /** Length of the cell's education of a member; no progress after it → name removal. */
  educationPlanMonths: number;
}

/** Parameters of rule `R-RMV-03`. */
export interface SelfReviewParams {
  /** Recorded requests to self-review, on distinct days, unanswered, after which the cell may proceed. */
  selfReviewRequests: number;
}

/** Parameters of rule `R-RMV-07`. */
export interface FlagReviewParams {
  /** Calendar days an open flag may wait for a decision before it rises to the superior. */
  flagReviewDays: number;
}

/** Parameters of rule `R-ADM-15`. */
export interface ReadmissionParams {
  monthsAfterLeaving: number;
  monthsAfterClearedConviction: number;
}

/**
 * R-GRD (Quy định 366-QĐ/TW, 30/8/2025, Art. 11), V: levels by points out of 100. The criteria frame (a general
 * group of 30 points and a task-results group of 70) is from the appendices as reported by the press (S):
 * configurable, and an organization may split the groups into finer criteria by a version.
 */
export const GRADING_PARAMS_366: GradingParams = {
  maxPoints: 100,
  excellentMinPoints: 90,
  goodMinPoints: 70,
  completedMinPoints: 50,
  excellentExceededPercent: 30,
  criteria: [
    { code: 'general', maxPoints: 30 },
    { code: 'task_results', maxPoints: 70 },
  ],
};

/**
 * R-GRD-01: excellent ≤ 20% of those graded good, V in the 2019 guidance (Hướng dẫn 21-HD/BTCTW, 18/10/2019),
 * U under Quy định 366 (configurable, exceptions with a recorded justification). Denominator: see ExcellentQuotaParams.
 */
export const EXCELLENT_QUOTA_PARAMS: ExcellentQuotaParams = { maxExcellentPercent: 20, denominator: 'good_or_better' };

/** R-RMV-01 (Điều lệ Đảng 2011 Art. 8.2; Quy định 01-QĐ/TW 2026; R-DUE-01), V: 3 months in a year. */
export const MISSED_MONTHS_PARAMS: MissedMonthsParams = { missedActivityMonths: 3, unpaidDuesMonths: 3 };

/** R-RMV-02 (Quy định 24-QĐ/TW 2021 and 294-QĐ/TW 2025 §8.1), V-old: 2 years in a row; 12 months of education. */
export const NOT_COMPLETED_PARAMS: NotCompletedParams = { consecutiveNotCompletedYears: 2, educationPlanMonths: 12 };

/** R-RMV-03 (Hướng dẫn 01-HD/TW 2021 §11.1), V-old: 3 requests. */
export const SELF_REVIEW_PARAMS: SelfReviewParams = { selfReviewRequests: 3 };

/** R-RMV-07 (Kế hoạch 99-KH/HU II.4): no text gives the number of days; 30 calendar days is a default, U, configurable. */
export const FLAG_REVIEW_PARAMS: FlagReviewParams = { flagReviewDays: 30 };

/** R-ADM-15 (Quy định 294-QĐ/TW §3.5), V: 36 months after leaving; 60 months after a cleared less-serious conviction. */
export const READMISSION_PARAMS: ReadmissionParams = { monthsAfterLeaving: 36, monthsAfterClearedConviction: 60 };

export const GRADING_RULE_SETS: RuleSetVersion[] = [
  // No version before 366: the earlier texts (124-QĐ/TW 2023, 132-QĐ/TW 2018) graded without points.
  { ruleId: 'R-GRD', effectiveFrom: '2025-08-30', params: { ...GRADING_PARAMS_366 }, source: 'Quy định 366-QĐ/TW (30/8/2025) Art. 11; criteria frame: appendices (S, configurable)' },
  { ruleId: 'R-GRD-01', effectiveFrom: '2019-10-18', params: { ...EXCELLENT_QUOTA_PARAMS }, source: 'Hướng dẫn 21-HD/BTCTW (18/10/2019)' },
  // U: 366 is not known to keep the 20% quota; configurable.
  { ruleId: 'R-GRD-01', effectiveFrom: '2025-08-30', params: { ...EXCELLENT_QUOTA_PARAMS }, source: 'Quy định 366-QĐ/TW (30/8/2025) (U, configurable)' },
  { ruleId: 'R-RMV-01', effectiveFrom: '2011-01-19', params: { ...MISSED_MONTHS_PARAMS }, source: 'Điều lệ Đảng 2011 Art. 8.2' },
  { ruleId: 'R-RMV-01', effectiveFrom: '2026-02-01', params: { ...MISSED_MONTHS_PARAMS }, source: 'Điều lệ Đảng 2011 Art. 8.2; Quy định 01-QĐ/TW (3/2/2026)' },
  { ruleId: 'R-RMV-02', effectiveFrom: '2021-07-30', params: { ...NOT_COMPLETED_PARAMS }, source: 'Quy định 24-QĐ/TW (30/7/2021) §8.1' },
  { ruleId: 'R-RMV-02', effectiveFrom: '2025-07-01', params: { ...NOT_COMPLETED_PARAMS }, source: 'Quy định 294-QĐ/TW (26/5/2025) §8.1' },
  // The guide's own date is not on file: dated with the rule it guides (24-QĐ/TW); to verify.
  { ruleId: 'R-RMV-03', effectiveFrom: '2021-07-30', params: { ...SELF_REVIEW_PARAMS }, source: 'Hướng dẫn 01-HD/TW (2021) §11.1 (V-old)' },
  { ruleId: 'R-RMV-07', effectiveFrom: '2019-09-30', params: { ...FLAG_REVIEW_PARAMS }, source: 'Kế hoạch 99-KH/HU (30/9/2019) II.4; number of days U (configurable)' },
  { ruleId: 'R-ADM-15', effectiveFrom: '2025-07-01', params: { ...READMISSION_PARAMS }, source: 'Quy định 294-QĐ/TW (26/5/2025) §3.5' },
];
