// The parameters an administrator may change as data (rules.md: "An administrator can add a new rule-set version (new
// numbers, new effective date) without a code change"; architecture principle 7), one Zod schema per editable rule id,
// matching the parameter interfaces of grading-rule-sets.ts. Stored versions are parsed with the same schema when read,
// so a number the code cannot use never reaches a rule. Bounds are sanity limits of this software, not of the texts.
import { z } from 'zod';
import type { FieldIssue } from '../errors.ts';
import type {
  ExcellentQuotaParams,
  FlagReviewParams,
  GradingParams,
  MissedMonthsParams,
  NotCompletedParams,
  ReadmissionParams,
  SelfReviewParams,
} from './grading-rule-sets.ts';

/** The rule ids whose numbers an administrator may version (the grading, screening and removal family). */
export const EDITABLE_RULE_IDS = ['R-GRD', 'R-GRD-01', 'R-RMV-01', 'R-RMV-02', 'R-RMV-03', 'R-RMV-07', 'R-ADM-15'] as const;
export type EditableRuleId = (typeof EDITABLE_RULE_IDS)[number];

export function isEditableRuleId(s: string): s is EditableRuleId {
  return (EDITABLE_RULE_IDS as readonly string[]).includes(s);
}

/** Short Vietnamese titles (the web shows its own translated text; these serve API readers and exports). */
export const RULE_SET_TITLES: Record<EditableRuleId, string> = {
  'R-GRD': 'Thang điểm và mức xếp loại chất lượng đảng viên',
  'R-GRD-01': 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
  'R-RMV-01': 'Số tháng trong năm bỏ sinh hoạt, không đóng đảng phí',
  'R-RMV-02': 'Số năm liền không hoàn thành nhiệm vụ; thời gian giáo dục, giúp đỡ',
  'R-RMV-03': 'Số lần yêu cầu kiểm điểm không được thực hiện',
  'R-RMV-07': 'Thời hạn xem xét dấu hiệu trước khi báo cáo cấp trên',
  'R-ADM-15': 'Thời gian chờ để được kết nạp lại',
};

// ---------------------------------------------------------------- field specs (the form is generated from them)

/** What a number counts: the web shows it as a unit after the input and in the sentence of the value. */
export type ParamUnit = 'points' | 'percent' | 'months' | 'years' | 'days' | 'times';

export type ParamField =
  | { key: string; kind: 'integer'; min: number; max: number; unit: ParamUnit }
  | { key: string; kind: 'enum'; values: readonly string[] }
  /** R-GRD's criteria: [{code, maxPoints}], maxima adding up to maxPoints. */
  | { key: string; kind: 'criteria'; minItems: number; maxItems: number; maxPointsEach: number };

const int = <K extends string>(key: K, min: number, max: number, unit: ParamUnit) => ({ key, kind: 'integer' as const, min, max, unit });

export const QUOTA_DENOMINATORS = ['good_or_better', 'good_only'] as const satisfies readonly ExcellentQuotaParams['denominator'][];

/** The criterion code format of the grading form (common/contracts/grading.contract.ts ZCriterion). */
export const CRITERION_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** The fields of each rule's parameters, in the order a form shows them. */
export const RULE_SET_FIELDS = {
  'R-GRD': [
    int('maxPoints', 1, 1000, 'points'),
    int('excellentMinPoints', 1, 1000, 'points'),
    int('goodMinPoints', 1, 1000, 'points'),
    int('completedMinPoints', 1, 1000, 'points'),
    int('excellentExceededPercent', 0, 100, 'percent'),
    // Each criterion ≤ 100: the grading form's own limit per criterion (grading.contract.ts ZCriterion).
    { key: 'criteria', kind: 'criteria', minItems: 1, maxItems: 20, maxPointsEach: 100 } as const,
  ],
  'R-GRD-01': [int('maxExcellentPercent', 0, 100, 'percent'), { key: 'denominator', kind: 'enum', values: QUOTA_DENOMINATORS } as const],
  'R-RMV-01': [int('missedActivityMonths', 1, 12, 'months'), int('unpaidDuesMonths', 1, 12, 'months')],
  'R-RMV-02': [int('consecutiveNotCompletedYears', 1, 10, 'years'), int('educationPlanMonths', 1, 60, 'months')],
  'R-RMV-03': [int('selfReviewRequests', 1, 10, 'times')],
  'R-RMV-07': [int('flagReviewDays', 1, 365, 'days')],
  // 0: a text that drops the waiting altogether.
  'R-ADM-15': [int('monthsAfterLeaving', 0, 240, 'months'), int('monthsAfterClearedConviction', 0, 240, 'months')],
} as const satisfies Record<EditableRuleId, readonly ParamField[]>;

// ---------------------------------------------------------------- schemas

// Issue messages are codes (architecture principle 4); the web turns `field.<code>` into words.
const whole = (min: number, max: number) =>
  z
    .number({ error: 'number_required' })
    .int({ error: 'whole_number' })
    .min(min, { error: 'number_min' })
    .max(max, { error: 'number_max' });

function shapeOf(fields: readonly ParamField[]): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    if (f.kind === 'integer') shape[f.key] = whole(f.min, f.max);
    else if (f.kind === 'enum') shape[f.key] = z.enum(f.values as [string, ...string[]], { error: 'invalid_value' });
    else {
      const criterion = z.strictObject({
        code: z.string({ error: 'required' }).regex(CRITERION_CODE, { error: 'criterion_code_format' }),
        maxPoints: whole(1, f.maxPointsEach),
      });
      shape[f.key] = z.array(criterion, { error: 'required' }).min(f.minItems, { error: 'criteria_empty' }).max(f.maxItems, { error: 'criteria_too_many' });
    }
  }
  return shape;
}

const fieldsOf = (ruleId: EditableRuleId) => shapeOf(RULE_SET_FIELDS[ruleId] as readonly ParamField[]);

interface CrossIssue {
  path: (string | number)[];
  code: string;
  params: Record<string, unknown>;
}

/**
 * R-GRD (Quy định 366-QĐ/TW Art. 11): excellent > good > completed > 0, none above the scale; criterion codes unique
 * and their maxima adding up to the scale (checkCriteriaList in grading-rules.ts judges the same at cycle creation).
 * Reads the raw input defensively: it also runs when a field failed on its own, so a form shows every problem at once.
 */
function gradingCrossIssues(raw: unknown): CrossIssue[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const p = raw as Partial<Record<keyof GradingParams, unknown>>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const out: CrossIssue[] = [];
  const max = num(p.maxPoints);
  const [excellent, good, completed] = [num(p.excellentMinPoints), num(p.goodMinPoints), num(p.completedMinPoints)];
  if (max !== null) {
    for (const [key, v] of [['excellentMinPoints', excellent], ['goodMinPoints', good], ['completedMinPoints', completed]] as const) {
      if (v !== null && v > max) out.push({ path: [key], code: 'threshold_above_max', params: { maxPoints: max } });
    }
  }
  if (excellent !== null && good !== null && excellent <= good) {
    out.push({ path: ['excellentMinPoints'], code: 'excellent_not_above_good', params: { goodMinPoints: good } });
  }
  if (good !== null && completed !== null && good <= completed) {
    out.push({ path: ['goodMinPoints'], code: 'good_not_above_completed', params: { completedMinPoints: completed } });
  }
  if (!Array.isArray(p.criteria)) return out;
  const criteria = p.criteria as ({ code?: unknown; maxPoints?: unknown } | null)[];
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (typeof c?.code !== 'string') return;
    if (seen.has(c.code)) out.push({ path: ['criteria', i, 'code'], code: 'criteria_duplicate_code', params: { code: c.code } });
    seen.add(c.code);
  });
  const sum = criteria.reduce((s, c) => s + (num(c?.maxPoints) ?? 0), 0);
  if (max !== null && sum !== max) out.push({ path: ['criteria'], code: 'criteria_sum_mismatch', params: { sum, maxPoints: max } });
  return out;
}

export const ZGradingParams = z.strictObject(fieldsOf('R-GRD')).superRefine((v, ctx) => {
  for (const i of gradingCrossIssues(v)) ctx.addIssue({ code: 'custom', path: i.path, message: i.code, params: i.params });
});

/** Cross-field checks run on the raw input even when a field failed (Zod skips refinements after some failures). */
const CROSS_CHECKS: Partial<Record<EditableRuleId, (raw: unknown) => CrossIssue[]>> = { 'R-GRD': gradingCrossIssues };

export const ZExcellentQuotaParams = z.strictObject(fieldsOf('R-GRD-01'));
export const ZMissedMonthsParams = z.strictObject(fieldsOf('R-RMV-01'));
export const ZNotCompletedParams = z.strictObject(fieldsOf('R-RMV-02'));
export const ZSelfReviewParams = z.strictObject(fieldsOf('R-RMV-03'));
export const ZFlagReviewParams = z.strictObject(fieldsOf('R-RMV-07'));
export const ZReadmissionParams = z.strictObject(fieldsOf('R-ADM-15'));

export const RULE_SET_SCHEMAS = {
  'R-GRD': ZGradingParams,
  'R-GRD-01': ZExcellentQuotaParams,
  'R-RMV-01': ZMissedMonthsParams,
  'R-RMV-02': ZNotCompletedParams,
  'R-RMV-03': ZSelfReviewParams,
  'R-RMV-07': ZFlagReviewParams,
  'R-ADM-15': ZReadmissionParams,
} as const satisfies Record<EditableRuleId, z.ZodType>;

/** The parameter interface of each editable rule (grading-rule-sets.ts). */
export interface RuleSetParamsOf {
  'R-GRD': GradingParams;
  'R-GRD-01': ExcellentQuotaParams;
  'R-RMV-01': MissedMonthsParams;
  'R-RMV-02': NotCompletedParams;
  'R-RMV-03': SelfReviewParams;
  'R-RMV-07': FlagReviewParams;
  'R-ADM-15': ReadmissionParams;
}

// The generated shapes carry the keys of the interfaces exactly (a renamed field in grading-rule-sets.ts fails here).
type ShapeKeys<R extends EditableRuleId> = (typeof RULE_SET_FIELDS)[R][number]['key'];
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const FIELD_KEYS_MATCH: { [R in EditableRuleId]: SameKeys<keyof RuleSetParamsOf[R], ShapeKeys<R>> } = {
  'R-GRD': true,
  'R-GRD-01': true,
  'R-RMV-01': true,
  'R-RMV-02': true,
  'R-RMV-03': true,
  'R-RMV-07': true,
  'R-ADM-15': true,
};
void FIELD_KEYS_MATCH;

// ---------------------------------------------------------------- parsing

/** Zod issues as the API's field issues: `params.criteria.1.maxPoints`, a code, and the bound or facts as params. */
export function fieldIssuesOf(error: z.ZodError, prefix = 'params'): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const code = /^[a-z][a-z0-9_]*$/.test(i.message) ? i.message : i.code;
    let params: Record<string, unknown> | undefined;
    if (i.code === 'too_small') params = { min: Number(i.minimum) };
    else if (i.code === 'too_big') params = { max: Number(i.maximum) };
    else if (i.code === 'custom') params = i.params;
    else if (i.code === 'unrecognized_keys') params = { keys: i.keys.join(', ') };
    else if (i.code === 'invalid_value') params = { values: i.values.map(String).join(', ') };
    return params ? { path, code, params } : { path, code };
  });
}

export type ParsedRuleSetParams = { ok: true; params: Record<string, unknown> } | { ok: false; issues: FieldIssue[] };

/** The parameters of `ruleId` checked by its schema, or the issues that refuse them (paths under `params.`). */
export function parseRuleSetParams(ruleId: EditableRuleId, params: unknown): ParsedRuleSetParams {
  const r = (RULE_SET_SCHEMAS[ruleId] as z.ZodType).safeParse(params);
  if (r.success) return { ok: true, params: r.data as Record<string, unknown> };
  const issues = fieldIssuesOf(r.error);
  const seen = new Set(issues.map((i) => `${i.path} ${i.code}`));
  for (const c of CROSS_CHECKS[ruleId]?.(params) ?? []) {
    const path = ['params', ...c.path.map(String)].join('.');
    if (!seen.has(`${path} ${c.code}`)) issues.push({ path, code: c.code, params: c.params });
  }
  return { ok: false, issues };
}

// ---------------------------------------------------------------- confidence

/**
 * rules.md's confidence of a number: V read in the current text; V-old read in the predecessor; S only a secondary
 * source; U unverified (configurable, and the UI must say so). A version's `source` says it in words, e.g.
 * "(U, configurable)", "number of days U", "(S)", "(V-old)"; without a mark the number was read in the text (V).
 * The weakest mark wins.
 */
export const CONFIDENCES = ['V', 'V-old', 'S', 'U'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

// A mark is a standalone token: not a letter of a word ("Uỷ ban", "Sở", "S.1" stay unmarked).
const MARK = (m: string) => new RegExp(`(?<![\\p{L}\\p{N}.-])${m}(?![\\p{L}\\p{N}.-])`, 'u');
const MARK_U = MARK('U');
const MARK_S = MARK('S');
const MARK_V_OLD = MARK('V-old');

export function confidenceOfSource(source: string): Confidence {
  if (MARK_U.test(source)) return 'U';
  if (MARK_S.test(source)) return 'S';
  if (MARK_V_OLD.test(source)) return 'V-old';
  return 'V';
}
