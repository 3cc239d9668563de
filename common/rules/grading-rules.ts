// Grading of members (rules.md R-GRD, Quy định 366-QĐ/TW 30/8/2025): points out of 100 on configurable criteria,
// a level by points, then capped by the conditions the level needs; the excellent quota (R-GRD-01) per grassroots
// organization; exempted members are not graded (R-GRD-02). Pure: the service loads the facts and records results.
import {
  EXCELLENT_QUOTA_PARAMS,
  GRADING_PARAMS_366,
  type ExcellentQuotaParams,
  type GradingParams,
} from './grading-rule-sets.ts';
import { fail, pass, type RuleCheck } from './rule-check.ts';

export const GRADE_LEVELS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type GradeLevel = (typeof GRADE_LEVELS)[number];

/** Findings that make a member `not_completed` whatever the points (Quy định 366-QĐ/TW Art. 11). */
export const DISQUALIFYING_FINDINGS = ['degradation', 'prohibition_breach'] as const;
export type DisqualifyingFinding = (typeof DISQUALIFYING_FINDINGS)[number];

/** What the cell found besides the points; each level past `completed` needs some of it. */
export interface GradeConditions {
  /** 100% of the assigned tasks done on time. */
  allTasksOnTime: boolean;
  /** …and with quality and efficiency. */
  tasksWithQuality: boolean;
  /** Tasks assigned in the period, and how many of them exceeded their target. */
  tasksTotal: number;
  tasksExceeded: number;
  /** Every shortcoming named in earlier reviews has been fixed. */
  earlierShortcomingsFixed: boolean;
  /** Degradation findings or breaches of the prohibitions on members, as concluded by a competent body. */
  disqualifyingFindings: readonly DisqualifyingFinding[];
}

export interface GradeOutcome {
  level: GradeLevel;
  /** The level the points alone would give. */
  levelByPoints: GradeLevel;
  /** Why the level is below `levelByPoints` (failed checks; empty when not capped). */
  capReasons: RuleCheck[];
}

export interface CriteriaScore {
  total: number;
  violations: RuleCheck[];
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

/**
 * R-GRD (366 Art. 11): adds the points of each criterion. Every criterion of the rule set must be scored, within
 * 0…its maximum; an unknown criterion is refused. The total is meaningful only when `violations` is empty.
 */
export function scoreCriteria(scores: Readonly<Record<string, number>>, params: GradingParams = GRADING_PARAMS_366): CriteriaScore {
  const violations: RuleCheck[] = [];
  let total = 0;
  for (const { code, maxPoints } of params.criteria) {
    const points = scores[code];
    if (points === undefined) violations.push(fail('R-GRD', 'criterion_missing', { criterion: code }));
    else if (!Number.isFinite(points) || points < 0 || points > maxPoints) {
      violations.push(fail('R-GRD', 'criterion_out_of_range', { criterion: code, points, maxPoints }));
    } else total += points;
  }
  for (const code of Object.keys(scores)) {
    if (!params.criteria.some((c) => c.code === code)) violations.push(fail('R-GRD', 'criterion_unknown', { criterion: code }));
  }
  return { total, violations };
}

/** R-GRD: a criteria list is usable when its codes are distinct and its maxima add up to the scale. */
export function checkCriteriaList(params: GradingParams): RuleCheck {
  const codes = params.criteria.map((c) => c.code);
  const sum = params.criteria.reduce((s, c) => s + c.maxPoints, 0);
  if (new Set(codes).size !== codes.length) return fail('R-GRD', 'criteria_duplicate_code', { codes });
  if (params.criteria.some((c) => !(c.maxPoints > 0)) || sum !== params.maxPoints) {
    return fail('R-GRD', 'criteria_sum_mismatch', { sum, maxPoints: params.maxPoints });
  }
  return pass('R-GRD', 'ok', { sum });
}

function levelByPoints(points: number, p: GradingParams): GradeLevel {
  if (points >= p.excellentMinPoints) return 'excellent';
  if (points >= p.goodMinPoints) return 'good';
  if (points >= p.completedMinPoints) return 'completed';
  return 'not_completed';
}

/**
 * R-GRD (Quy định 366-QĐ/TW Art. 11): the level by points (≥ 90 excellent, 70–89 good, 50–69 completed, < 50
 * not_completed), capped by the conditions it needs. `good` needs all tasks on time and with quality; `excellent`
 * needs what `good` needs (it is chosen from among good members, R-GRD-01) plus ≥ 30% of tasks exceeded and earlier
 * shortcomings fixed. A member with no task cannot have exceeded 30% of them. A disqualifying finding gives
 * `not_completed` whatever the points. Points outside 0…maxPoints are a caller error (RangeError).
 */
export function gradeOutcome(points: number, conditions: GradeConditions, params: GradingParams = GRADING_PARAMS_366): GradeOutcome {
  if (!Number.isFinite(points) || points < 0 || points > params.maxPoints) {
    throw new RangeError(`points ${points} outside 0…${params.maxPoints}`);
  }
  const { tasksTotal, tasksExceeded } = conditions;
  if (!isCount(tasksTotal) || !isCount(tasksExceeded) || tasksExceeded > tasksTotal) {
    throw new RangeError(`tasks ${tasksExceeded}/${tasksTotal} are not counts`);
  }
  const byPoints = levelByPoints(points, params);
  const capReasons: RuleCheck[] = [];
  if (conditions.disqualifyingFindings.length > 0) {
    const findings = [...new Set(conditions.disqualifyingFindings)].sort();
    if (byPoints !== 'not_completed') capReasons.push(fail('R-GRD', 'disqualifying_finding', { findings }));
    return { level: 'not_completed', levelByPoints: byPoints, capReasons };
  }
  let level = byPoints;
  if (level === 'excellent') {
    const exceededOk = tasksTotal > 0 && tasksExceeded * 100 >= params.excellentExceededPercent * tasksTotal;
    const excellentChecks = [
      conditions.allTasksOnTime ? null : fail('R-GRD', 'excellent_needs_all_tasks_on_time'),
      conditions.tasksWithQuality ? null : fail('R-GRD', 'excellent_needs_quality'),
      exceededOk ? null : fail('R-GRD', 'excellent_needs_exceeded_share', { tasksTotal, tasksExceeded, minPercent: params.excellentExceededPercent }),
      conditions.earlierShortcomingsFixed ? null : fail('R-GRD', 'excellent_needs_shortcomings_fixed'),
    ].filter((c): c is RuleCheck => c !== null);
    if (excellentChecks.length > 0) {
      capReasons.push(...excellentChecks);
      level = 'good';
    }
  }
  if (level === 'good') {
    const goodChecks = [
      conditions.allTasksOnTime ? null : fail('R-GRD', 'good_needs_all_tasks_on_time'),
      conditions.tasksWithQuality ? null : fail('R-GRD', 'good_needs_quality'),
    ].filter((c): c is RuleCheck => c !== null);
    if (goodChecks.length > 0) {
      capReasons.push(...goodChecks);
      level = 'completed';
    }
  }
  return { level, levelByPoints: byPoints, capReasons };
}

/** R-GRD (Quy định 366-QĐ/TW Art. 11): the level only; see gradeOutcome for the reasons. */
export function gradeLevel(points: number, conditions: GradeConditions, params: GradingParams = GRADING_PARAMS_366): GradeLevel {
  return gradeOutcome(points, conditions, params).level;
}

/** R-GRD-02 (Quy định 232-QĐ/TW Art. 7; 12-HD/BTCTW §IV.1.2): exempted members are not graded. */
export function checkGradable(member: { exempted: boolean }): RuleCheck {
  return member.exempted ? fail('R-GRD-02', 'exempted_not_graded') : pass('R-GRD-02');
}

/**
 * R-GRD-01 (Hướng dẫn 21-HD/BTCTW 2019; Quy định 366-QĐ/TW, U): in one grassroots organization, excellent ≤ 20%
 * of those graded good (denominator per the params, by default excellent + good). Exactly 20% passes
 * (excellent × 100 ≤ 20 × denominator, integers, no rounding). Members not graded (null) do not count. Over the
 * quota, a non-blank recorded justification lets the grading stand as an exception.
 */
export function checkExcellentQuota(
  results: readonly { level: GradeLevel | null }[],
  justification: string | null = null,
  params: ExcellentQuotaParams = EXCELLENT_QUOTA_PARAMS,
): RuleCheck {
  const excellent = results.filter((r) => r.level === 'excellent').length;
  const good = results.filter((r) => r.level === 'good').length;
  const denominator = params.denominator === 'good_or_better' ? excellent + good : good;
  const maxExcellent = Math.floor((params.maxExcellentPercent * denominator) / 100);
  const facts = { excellent, good, denominator, maxExcellent, maxExcellentPercent: params.maxExcellentPercent, denominatorRule: params.denominator };
  if (excellent * 100 <= params.maxExcellentPercent * denominator) return pass('R-GRD-01', 'ok', facts);
  const reason = justification?.trim() ?? '';
  if (reason !== '') return pass('R-GRD-01', 'exception_justified', { ...facts, justification: reason });
  return fail('R-GRD-01', 'excellent_over_quota', facts);
}
