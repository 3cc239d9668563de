import type { CourseKind, EnrolmentResult, PassRule } from '../../../common/contracts/training.contract.ts';
import type { CertificateParams } from '../../../common/rules/admission-rules.ts';
import { ADMISSION_RULE_SETS } from '../../../common/rules/default-rule-sets.ts';
import { addMonths, type IsoDate, parseIsoDate } from '../../../common/rules/iso-date.ts';
import { paramsInForce, type RuleSetVersion } from '../../../common/rules/rule-check.ts';

// The numbers of training as effective-dated rule-set versions (the pattern of common/rules/grading-rule-sets.ts):
// a class is judged by the version in force on its end date, a certificate by the version in force on its issue
// date. These arrays are the shipped defaults; an administrator adds a version as data. Pure functions: they
// belong in common/rules/ (outside this module's files for now) and are unit-tested in training.rules.test.ts.

/** Parameters of R-TRN-01 (end-of-course assessment). */
export interface CoursePassParams {
  /** Lowest passing score on the 0–10 scale. */
  minScore: number;
  /** Lowest share of the class's sessions attended, in percent. */
  minAttendancePercent: number;
}

/**
 * R-TRN-01 (Kế hoạch 99-KH/HU III.4: "tổ chức kiểm tra, đánh giá nhận thức sau mỗi khóa học"): learning is assessed
 * after every course. The thresholds — a score of at least 5/10 and attendance of at least 80% of the sessions — are
 * NOT in any text on file: confidence U, configurable (add a version), and the UI says they are unverified.
 */
export const COURSE_PASS_PARAMS: CoursePassParams = { minScore: 5, minAttendancePercent: 80 };
export const COURSE_PASS_CONFIDENCE = 'U' as const;
const COURSE_PASS_SOURCE = 'Kế hoạch 99-KH/HU (30/9/2019) III.4; thresholds unverified (U, configurable)';

export const TRAINING_RULE_SETS: RuleSetVersion[] = [
  { ruleId: 'R-TRN-01', effectiveFrom: '2019-09-30', params: { ...COURSE_PASS_PARAMS }, source: COURSE_PASS_SOURCE },
];

/** Before the first version (a class of 2010, say) the earliest version applies: no rule is better than none here. */
function inForce<P>(ruleId: string, date: IsoDate, versions: readonly RuleSetVersion[]): P {
  const earliest = versions.filter((v) => v.ruleId === ruleId).reduce<string | null>((m, v) => (m === null || v.effectiveFrom < m ? v.effectiveFrom : m), null);
  return paramsInForce<P>(versions, ruleId, earliest !== null && date < earliest ? earliest : date);
}

export function coursePassRule(classEndDate: IsoDate, versions: readonly RuleSetVersion[] = TRAINING_RULE_SETS): PassRule {
  const p = inForce<CoursePassParams>('R-TRN-01', classEndDate, versions);
  return { ruleId: 'R-TRN-01', minScore: p.minScore, minAttendancePercent: p.minAttendancePercent, confidence: COURSE_PASS_CONFIDENCE, source: COURSE_PASS_SOURCE };
}

/**
 * R-TRN-01: pass when the score reaches minScore AND the attended sessions reach minAttendancePercent of the class's
 * sessions; null (not yet assessed) until both are entered. Integer arithmetic: scores are tenths, percent × sessions.
 */
export function judgeLearner(
  input: { scoreTenths: number | null; attendedSessions: number | null; sessionCount: number },
  rule: Pick<PassRule, 'minScore' | 'minAttendancePercent'>,
): EnrolmentResult | null {
  if (input.scoreTenths === null || input.attendedSessions === null) return null;
  const scoreOk = input.scoreTenths >= Math.round(rule.minScore * 10);
  const attendanceOk = input.attendedSessions * 100 >= rule.minAttendancePercent * input.sessionCount;
  return scoreOk && attendanceOk ? 'pass' : 'fail';
}

/**
 * R-ADM-04 (Hướng dẫn 06-HD/TW §5.4), S: a party-awareness certificate counts for 60 months — the same rule-set
 * versions the admission checks read (common/rules/default-rule-sets.ts), so the printed validity and the check
 * agree. Other courses do not expire.
 */
export function certificateValidityMonths(kind: CourseKind, on: IsoDate, versions: readonly RuleSetVersion[] = ADMISSION_RULE_SETS): number | null {
  if (kind !== 'party_awareness') return null;
  return inForce<CertificateParams>('R-ADM-04', on, versions).certificateValidityMonths;
}

/** R-ADM-04: the last day a certificate counts — issue date + the kind's months (same day of month, clamped); null = no expiry. */
export function certificateValidUntil(kind: CourseKind, issuedOn: IsoDate, versions: readonly RuleSetVersion[] = ADMISSION_RULE_SETS): IsoDate | null {
  const months = certificateValidityMonths(kind, issuedOn, versions);
  return months === null ? null : addMonths(issuedOn, months);
}

/** "125/GCN-TTCT": the sequence in the institution's register for the year, then the register's suffix. */
export function formatCertificateNumber(sequence: number, suffix: string): string {
  return `${sequence}/${suffix}`;
}

export function issueYear(issuedOn: IsoDate): number {
  return parseIsoDate(issuedOn).y;
}

export const scoreToTenths = (score: number) => Math.round(score * 10);
export const tenthsToScore = (tenths: number) => tenths / 10;
