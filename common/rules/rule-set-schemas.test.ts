import { describe, expect, it } from 'vitest';
import { GRADING_RULE_SETS, GRADING_PARAMS_366 } from './grading-rule-sets.ts';
import { paramsInForce } from './rule-check.ts';
import {
  confidenceOfSource,
  EDITABLE_RULE_IDS,
  parseRuleSetParams,
  RULE_SET_FIELDS,
  RULE_SET_SCHEMAS,
  RULE_SET_TITLES,
  type EditableRuleId,
} from './rule-set-schemas.ts';

// rules.md line 3: the numbers of a rule are parameters of a rule set an administrator versions as data; each editable
// rule's schema refuses numbers the rules cannot use, naming the field.

const grading = () => ({ ...GRADING_PARAMS_366, criteria: GRADING_PARAMS_366.criteria.map((c) => ({ ...c })) });
const issuesOf = (ruleId: EditableRuleId, params: unknown) => {
  const r = parseRuleSetParams(ruleId, params);
  return r.ok ? [] : r.issues.map((i) => ({ path: i.path, code: i.code, ...(i.params ? { params: i.params } : {}) }));
};
const accepts = (ruleId: EditableRuleId, params: unknown) => parseRuleSetParams(ruleId, params).ok;

describe('the editable rules', () => {
  it('every shipped version of an editable rule passes its own schema (the defaults are valid data)', () => {
    for (const v of GRADING_RULE_SETS) {
      expect(EDITABLE_RULE_IDS as readonly string[], v.ruleId).toContain(v.ruleId);
      expect(parseRuleSetParams(v.ruleId as EditableRuleId, v.params), `${v.ruleId} ${v.effectiveFrom}`).toEqual({ ok: true, params: v.params });
    }
  });

  it('every editable rule has a schema, form fields and a title, and a shipped version', () => {
    for (const id of EDITABLE_RULE_IDS) {
      expect(RULE_SET_SCHEMAS[id]).toBeDefined();
      expect(RULE_SET_FIELDS[id].length).toBeGreaterThan(0);
      expect(RULE_SET_TITLES[id]).toMatch(/\S/);
      expect(() => paramsInForce(GRADING_RULE_SETS, id, '2026-06-15')).not.toThrow();
    }
  });

  it('a field the rule does not have is refused, and so is a missing one', () => {
    expect(issuesOf('R-RMV-07', { flagReviewDays: 30, extra: 1 })).toEqual([{ path: 'params', code: 'unrecognized_keys', params: { keys: 'extra' } }]);
    expect(issuesOf('R-RMV-07', {})).toEqual([{ path: 'params.flagReviewDays', code: 'number_required' }]);
    expect(issuesOf('R-RMV-07', null)).toEqual([{ path: 'params', code: 'invalid_type' }]);
  });
});

describe('R-GRD (Quy định 366-QĐ/TW Art. 11): the points scale, the levels and the criteria', () => {
  it('R-GRD: the shipped 100 / 90 / 70 / 50 with criteria 30 + 70 are accepted', () => {
    expect(accepts('R-GRD', grading())).toBe(true);
  });

  it('R-GRD: criteria that add up to 99 are refused, naming the sum and the scale', () => {
    const p = grading();
    p.criteria[1].maxPoints = 69;
    expect(issuesOf('R-GRD', p)).toEqual([{ path: 'params.criteria', code: 'criteria_sum_mismatch', params: { sum: 99, maxPoints: 100 } }]);
  });

  it('R-GRD: criteria that add up to 101 are refused; a finer split that adds up to 100 is accepted', () => {
    const p = grading();
    p.criteria[1].maxPoints = 71;
    expect(issuesOf('R-GRD', p)[0]).toMatchObject({ code: 'criteria_sum_mismatch', params: { sum: 101 } });
    const finer = { ...grading(), criteria: [{ code: 'politics', maxPoints: 15 }, { code: 'ethics', maxPoints: 15 }, { code: 'task_results', maxPoints: 70 }] };
    expect(accepts('R-GRD', finer)).toBe(true);
  });

  it('R-GRD: a criterion code used twice is refused at the second one', () => {
    const p = { ...grading(), criteria: [{ code: 'general', maxPoints: 50 }, { code: 'general', maxPoints: 50 }] };
    expect(issuesOf('R-GRD', p)).toEqual([{ path: 'params.criteria.1.code', code: 'criteria_duplicate_code', params: { code: 'general' } }]);
  });

  it('R-GRD: a criterion of 0 points or of a fraction is refused at its own path, with the other problems', () => {
    const p = { ...grading(), criteria: [{ code: 'general', maxPoints: 0 }, { code: 'task_results', maxPoints: 99.5 }] };
    expect(issuesOf('R-GRD', p)).toEqual([
      { path: 'params.criteria.0.maxPoints', code: 'number_min', params: { min: 1 } },
      { path: 'params.criteria.1.maxPoints', code: 'whole_number' },
      { path: 'params.criteria', code: 'criteria_sum_mismatch', params: { sum: 99.5, maxPoints: 100 } },
    ]);
  });

  it('R-GRD: a criterion code must be lower-case letters, digits and underscores; no criteria at all is refused', () => {
    expect(issuesOf('R-GRD', { ...grading(), criteria: [{ code: 'Chung', maxPoints: 100 }] })).toEqual([
      { path: 'params.criteria.0.code', code: 'criterion_code_format' },
    ]);
    expect(issuesOf('R-GRD', { ...grading(), criteria: [] })).toEqual([
      { path: 'params.criteria', code: 'criteria_empty', params: { min: 1 } },
      { path: 'params.criteria', code: 'criteria_sum_mismatch', params: { sum: 0, maxPoints: 100 } },
    ]);
  });

  it('R-GRD: excellent must be above good (90 > 89 accepted, 70 = 70 refused)', () => {
    expect(accepts('R-GRD', { ...grading(), excellentMinPoints: 71 })).toBe(true);
    expect(issuesOf('R-GRD', { ...grading(), excellentMinPoints: 70 })).toEqual([
      { path: 'params.excellentMinPoints', code: 'excellent_not_above_good', params: { goodMinPoints: 70 } },
    ]);
  });

  it('R-GRD: good must be above completed, and completed above 0', () => {
    expect(accepts('R-GRD', { ...grading(), goodMinPoints: 51 })).toBe(true);
    expect(issuesOf('R-GRD', { ...grading(), goodMinPoints: 50 })).toEqual([
      { path: 'params.goodMinPoints', code: 'good_not_above_completed', params: { completedMinPoints: 50 } },
    ]);
    expect(accepts('R-GRD', { ...grading(), completedMinPoints: 1 })).toBe(true);
    expect(issuesOf('R-GRD', { ...grading(), completedMinPoints: 0 })).toEqual([{ path: 'params.completedMinPoints', code: 'number_min', params: { min: 1 } }]);
  });

  it('R-GRD: no level above the scale (excellent at 100 of 100 accepted, 101 refused)', () => {
    expect(accepts('R-GRD', { ...grading(), excellentMinPoints: 100 })).toBe(true);
    expect(issuesOf('R-GRD', { ...grading(), excellentMinPoints: 101 })).toEqual([
      { path: 'params.excellentMinPoints', code: 'threshold_above_max', params: { maxPoints: 100 } },
    ]);
  });

  it('R-GRD: the exceeded-tasks percentage is 0–100', () => {
    expect(accepts('R-GRD', { ...grading(), excellentExceededPercent: 0 })).toBe(true);
    expect(accepts('R-GRD', { ...grading(), excellentExceededPercent: 100 })).toBe(true);
    expect(issuesOf('R-GRD', { ...grading(), excellentExceededPercent: 101 })).toEqual([
      { path: 'params.excellentExceededPercent', code: 'number_max', params: { max: 100 } },
    ]);
  });
});

describe('R-GRD-01: the excellent quota', () => {
  it('R-GRD-01: 0 % and 100 % are accepted, 101 % and −1 % refused', () => {
    expect(accepts('R-GRD-01', { maxExcellentPercent: 0, denominator: 'good_only' })).toBe(true);
    expect(accepts('R-GRD-01', { maxExcellentPercent: 100, denominator: 'good_or_better' })).toBe(true);
    expect(issuesOf('R-GRD-01', { maxExcellentPercent: 101, denominator: 'good_or_better' })).toEqual([
      { path: 'params.maxExcellentPercent', code: 'number_max', params: { max: 100 } },
    ]);
    expect(issuesOf('R-GRD-01', { maxExcellentPercent: -1, denominator: 'good_or_better' })[0]).toMatchObject({ code: 'number_min' });
  });

  it('R-GRD-01: the denominator is one of the two known ways of counting', () => {
    expect(issuesOf('R-GRD-01', { maxExcellentPercent: 20, denominator: 'all' })).toEqual([
      { path: 'params.denominator', code: 'invalid_value', params: { values: 'good_or_better, good_only' } },
    ]);
  });
});

describe('R-RMV: screening and removal', () => {
  it('R-RMV-01: 1–12 months in a year, for activities and for dues alike', () => {
    expect(accepts('R-RMV-01', { missedActivityMonths: 1, unpaidDuesMonths: 12 })).toBe(true);
    expect(issuesOf('R-RMV-01', { missedActivityMonths: 0, unpaidDuesMonths: 13 })).toEqual([
      { path: 'params.missedActivityMonths', code: 'number_min', params: { min: 1 } },
      { path: 'params.unpaidDuesMonths', code: 'number_max', params: { max: 12 } },
    ]);
    expect(issuesOf('R-RMV-01', { missedActivityMonths: 2.5, unpaidDuesMonths: 3 })).toEqual([{ path: 'params.missedActivityMonths', code: 'whole_number' }]);
  });

  it('R-RMV-02: at least 1 year in a row and 1 month of education', () => {
    expect(accepts('R-RMV-02', { consecutiveNotCompletedYears: 1, educationPlanMonths: 1 })).toBe(true);
    expect(issuesOf('R-RMV-02', { consecutiveNotCompletedYears: 0, educationPlanMonths: 0 }).map((i) => i.path)).toEqual([
      'params.consecutiveNotCompletedYears',
      'params.educationPlanMonths',
    ]);
  });

  it('R-RMV-03: at least one request to self-review', () => {
    expect(accepts('R-RMV-03', { selfReviewRequests: 1 })).toBe(true);
    expect(issuesOf('R-RMV-03', { selfReviewRequests: 0 })).toEqual([{ path: 'params.selfReviewRequests', code: 'number_min', params: { min: 1 } }]);
  });

  it('R-RMV-07: 1–365 days to review a flag', () => {
    expect(accepts('R-RMV-07', { flagReviewDays: 1 })).toBe(true);
    expect(accepts('R-RMV-07', { flagReviewDays: 365 })).toBe(true);
    expect(issuesOf('R-RMV-07', { flagReviewDays: 0 })).toEqual([{ path: 'params.flagReviewDays', code: 'number_min', params: { min: 1 } }]);
    expect(issuesOf('R-RMV-07', { flagReviewDays: 366 })).toEqual([{ path: 'params.flagReviewDays', code: 'number_max', params: { max: 365 } }]);
    expect(issuesOf('R-RMV-07', { flagReviewDays: '30' })).toEqual([{ path: 'params.flagReviewDays', code: 'number_required' }]);
  });
});

describe('R-ADM-15 (Quy định 294-QĐ/TW §3.5): the waiting before readmission', () => {
  it('R-ADM-15: 0–240 months after leaving and after a cleared conviction', () => {
    expect(accepts('R-ADM-15', { monthsAfterLeaving: 0, monthsAfterClearedConviction: 240 })).toBe(true);
    expect(issuesOf('R-ADM-15', { monthsAfterLeaving: -1, monthsAfterClearedConviction: 241 }).map((i) => i.code)).toEqual(['number_min', 'number_max']);
  });
});

describe('confidence of a source (rules.md: V, V-old, S, U)', () => {
  it('reads the mark in the source; the weakest wins; a word that merely starts with U or S is no mark', () => {
    expect(confidenceOfSource('Quy định 366-QĐ/TW (30/8/2025) (U, configurable)')).toBe('U');
    expect(confidenceOfSource('Kế hoạch 99-KH/HU (30/9/2019) II.4; number of days U (configurable)')).toBe('U');
    expect(confidenceOfSource('Quy định 366-QĐ/TW (30/8/2025) Art. 11; criteria frame: appendices (S, configurable)')).toBe('S');
    expect(confidenceOfSource('Hướng dẫn 01-HD/TW (2021) §11.1 (V-old)')).toBe('V-old');
    expect(confidenceOfSource('Hướng dẫn 21-HD/BTCTW (18/10/2019)')).toBe('V');
    expect(confidenceOfSource('Công văn của Uỷ ban Kiểm tra; Sở Nội vụ')).toBe('V');
    expect(confidenceOfSource('(S) and later (U)')).toBe('U');
  });

  it('the shipped R-GRD-01 under 366 and R-RMV-07 are unverified; R-GRD in force is secondary', () => {
    const latest = (id: string) => GRADING_RULE_SETS.filter((v) => v.ruleId === id).at(-1)!;
    expect(confidenceOfSource(latest('R-GRD-01').source)).toBe('U');
    expect(confidenceOfSource(latest('R-RMV-07').source)).toBe('U');
    expect(confidenceOfSource(latest('R-GRD').source)).toBe('S');
    expect(confidenceOfSource(latest('R-ADM-15').source)).toBe('V');
  });
});
