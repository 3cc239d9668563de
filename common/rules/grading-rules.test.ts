import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRADING_PARAMS_366, GRADING_RULE_SETS, type GradingParams } from './grading-rule-sets.ts';
import {
  GRADE_LEVELS,
  checkCriteriaList,
  checkExcellentQuota,
  checkGradable,
  gradeLevel,
  gradeOutcome,
  scoreCriteria,
  type GradeConditions,
  type GradeLevel,
} from './grading-rules.ts';
import { paramsInForce } from './rule-check.ts';

/** Every condition of `excellent` met: 10 tasks, all on time, with quality, 3 exceeded (30%), shortcomings fixed. */
const allMet: GradeConditions = {
  allTasksOnTime: true,
  tasksWithQuality: true,
  tasksTotal: 10,
  tasksExceeded: 3,
  earlierShortcomingsFixed: true,
  disqualifyingFindings: [],
};
const grade = (points: number, over: Partial<GradeConditions> = {}) => gradeLevel(points, { ...allMet, ...over });
const codes = (points: number, over: Partial<GradeConditions> = {}) => gradeOutcome(points, { ...allMet, ...over }).capReasons.map((c) => c.code);

describe('R-GRD levels by points (Quy định 366-QĐ/TW Art. 11)', () => {
  it('R-GRD: 90 is excellent, 89 and 89.5 are good', () => {
    expect(grade(90)).toBe('excellent');
    expect(grade(100)).toBe('excellent');
    expect(grade(89.5)).toBe('good');
    expect(grade(89)).toBe('good');
  });

  it('R-GRD: 70 is good, 69 completed, 50 completed, 49 not_completed', () => {
    expect(grade(70)).toBe('good');
    expect(grade(69)).toBe('completed');
    expect(grade(50)).toBe('completed');
    expect(grade(49.9)).toBe('not_completed');
    expect(grade(0)).toBe('not_completed');
  });

  it('R-GRD: refuses points outside 0…100 and task counts that are not counts', () => {
    expect(() => grade(-1)).toThrow(RangeError);
    expect(() => grade(100.5)).toThrow(RangeError);
    expect(() => grade(Number.NaN)).toThrow(RangeError);
    expect(() => grade(80, { tasksExceeded: 11 })).toThrow(RangeError);
    expect(() => grade(80, { tasksTotal: 2.5 })).toThrow(RangeError);
  });
});

describe('R-GRD conditions cap the level (Quy định 366-QĐ/TW Art. 11)', () => {
  it('R-GRD: 92 points without 30% of tasks exceeded is good', () => {
    expect(grade(92, { tasksExceeded: 2 })).toBe('good');
    expect(codes(92, { tasksExceeded: 2 })).toEqual(['excellent_needs_exceeded_share']);
    expect(gradeOutcome(92, { ...allMet, tasksExceeded: 2 }).levelByPoints).toBe('excellent');
  });

  it('R-GRD: exactly 30% exceeded is enough (3 of 10); 29% is not (29 of 100)', () => {
    expect(grade(95, { tasksTotal: 10, tasksExceeded: 3 })).toBe('excellent');
    expect(grade(95, { tasksTotal: 100, tasksExceeded: 29 })).toBe('good');
    expect(grade(95, { tasksTotal: 100, tasksExceeded: 30 })).toBe('excellent');
  });

  it('R-GRD: a member with no task cannot have exceeded 30% of them', () => {
    expect(grade(95, { tasksTotal: 0, tasksExceeded: 0 })).toBe('good');
  });

  it('R-GRD: excellent needs earlier shortcomings fixed', () => {
    expect(grade(95, { earlierShortcomingsFixed: false })).toBe('good');
    expect(codes(95, { earlierShortcomingsFixed: false })).toEqual(['excellent_needs_shortcomings_fixed']);
  });

  it('R-GRD: tasks late caps both excellent and good down to completed', () => {
    expect(grade(95, { allTasksOnTime: false })).toBe('completed');
    expect(codes(95, { allTasksOnTime: false })).toEqual(['excellent_needs_all_tasks_on_time', 'good_needs_all_tasks_on_time']);
    expect(grade(75, { allTasksOnTime: false })).toBe('completed');
    expect(grade(75, { tasksWithQuality: false })).toBe('completed');
  });

  it('R-GRD: completed has no extra condition', () => {
    expect(grade(55, { allTasksOnTime: false, tasksWithQuality: false, earlierShortcomingsFixed: false, tasksTotal: 0, tasksExceeded: 0 })).toBe('completed');
  });

  it('R-GRD: a disqualifying finding (degradation, breaking the prohibitions) is not_completed at any points', () => {
    expect(grade(98, { disqualifyingFindings: ['degradation'] })).toBe('not_completed');
    expect(grade(60, { disqualifyingFindings: ['prohibition_breach', 'degradation'] })).toBe('not_completed');
    expect(gradeOutcome(98, { ...allMet, disqualifyingFindings: ['prohibition_breach', 'degradation'] }).capReasons[0]).toMatchObject({
      ruleId: 'R-GRD',
      code: 'disqualifying_finding',
      facts: { findings: ['degradation', 'prohibition_breach'] },
    });
  });

  it('R-GRD: the level is never above the level by points, and equals it when every condition holds', () => {
    const rank = (l: GradeLevel) => GRADE_LEVELS.indexOf(l);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.record({
          allTasksOnTime: fc.boolean(),
          tasksWithQuality: fc.boolean(),
          tasksTotal: fc.integer({ min: 0, max: 20 }),
          tasksExceeded: fc.integer({ min: 0, max: 20 }),
          earlierShortcomingsFixed: fc.boolean(),
          disqualifyingFindings: fc.subarray(['degradation', 'prohibition_breach'] as const),
        }),
        (points, raw) => {
          const c = { ...raw, tasksExceeded: Math.min(raw.tasksExceeded, raw.tasksTotal) };
          const out = gradeOutcome(points, c);
          expect(rank(out.level)).toBeGreaterThanOrEqual(rank(out.levelByPoints));
          expect(out.capReasons.length === 0).toBe(out.level === out.levelByPoints);
          expect(gradeLevel(points, allMet)).toBe(gradeOutcome(points, allMet).levelByPoints);
        },
      ),
    );
  });
});

describe('R-GRD criteria (Quy định 366-QĐ/TW appendices: 30 general + 70 task results, configurable)', () => {
  it('R-GRD: adds the points of each criterion', () => {
    expect(scoreCriteria({ general: 27, task_results: 64.5 })).toEqual({ total: 91.5, violations: [] });
  });

  it('R-GRD: refuses a missing, unknown, negative or over-maximum criterion', () => {
    expect(scoreCriteria({ general: 31, task_results: 60 }).violations.map((v) => v.code)).toEqual(['criterion_out_of_range']);
    expect(scoreCriteria({ general: -1, task_results: 60 }).violations.map((v) => v.code)).toEqual(['criterion_out_of_range']);
    expect(scoreCriteria({ general: 30 }).violations.map((v) => v.code)).toEqual(['criterion_missing']);
    expect(scoreCriteria({ general: 30, task_results: 70, bonus: 5 }).violations.map((v) => v.code)).toEqual(['criterion_unknown']);
    expect(scoreCriteria({ general: 30, task_results: 70 }).violations).toEqual([]);
  });

  it('R-GRD: a configurable criteria list must add up to the scale', () => {
    expect(checkCriteriaList(GRADING_PARAMS_366).ok).toBe(true);
    const finer: GradingParams = {
      ...GRADING_PARAMS_366,
      criteria: [
        { code: 'politics', maxPoints: 10 },
        { code: 'ethics', maxPoints: 10 },
        { code: 'self_criticism', maxPoints: 10 },
        { code: 'task_results', maxPoints: 70 },
      ],
    };
    expect(checkCriteriaList(finer).ok).toBe(true);
    expect(scoreCriteria({ politics: 10, ethics: 9, self_criticism: 8, task_results: 66 }, finer).total).toBe(93);
    expect(checkCriteriaList({ ...finer, criteria: finer.criteria.slice(1) }).code).toBe('criteria_sum_mismatch');
    expect(checkCriteriaList({ ...finer, criteria: [...finer.criteria.slice(0, 3), { code: 'politics', maxPoints: 70 }] }).code).toBe('criteria_duplicate_code');
  });

  it('R-GRD: the rule set in force grades a 2025 year-end assessment', () => {
    const params = paramsInForce<GradingParams>(GRADING_RULE_SETS, 'R-GRD', '2025-12-15');
    expect(gradeLevel(90, allMet, params)).toBe('excellent');
  });
});

describe('R-GRD-01 excellent quota (Hướng dẫn 21-HD/BTCTW 2019; 366 U, configurable)', () => {
  const results = (excellent: number, good: number, others: GradeLevel[] = []) => [
    ...Array.from({ length: excellent }, () => ({ level: 'excellent' as GradeLevel })),
    ...Array.from({ length: good }, () => ({ level: 'good' as GradeLevel })),
    ...others.map((level) => ({ level })),
  ];

  it('R-GRD-01: exactly 20% of those graded good-or-better passes (1 of 5, 2 of 10)', () => {
    expect(checkExcellentQuota(results(1, 4))).toMatchObject({ ok: true, code: 'ok', facts: { excellent: 1, denominator: 5, maxExcellent: 1 } });
    expect(checkExcellentQuota(results(2, 8)).ok).toBe(true);
  });

  it('R-GRD-01: just over 20% fails (2 of 9, 1 of 4)', () => {
    expect(checkExcellentQuota(results(2, 7))).toMatchObject({ ok: false, code: 'excellent_over_quota', facts: { denominator: 9, maxExcellent: 1 } });
    expect(checkExcellentQuota(results(1, 3)).ok).toBe(false);
  });

  it('R-GRD-01: completed, not_completed and ungraded (exempted) members do not count', () => {
    expect(checkExcellentQuota([...results(1, 4, ['completed', 'not_completed']), { level: null }]).facts).toMatchObject({ denominator: 5 });
    expect(checkExcellentQuota([]).ok).toBe(true);
    expect(checkExcellentQuota(results(0, 0, ['completed'])).ok).toBe(true);
  });

  it('R-GRD-01: over the quota, a recorded justification makes an exception; a blank one does not', () => {
    expect(checkExcellentQuota(results(2, 7), '  Chi bộ đạt thành tích xuất sắc, cấp ủy cấp trên đồng ý  ')).toMatchObject({
      ok: true,
      code: 'exception_justified',
      facts: { justification: 'Chi bộ đạt thành tích xuất sắc, cấp ủy cấp trên đồng ý' },
    });
    expect(checkExcellentQuota(results(2, 7), '   ').ok).toBe(false);
    expect(checkExcellentQuota(results(2, 7), null).ok).toBe(false);
  });

  it('R-GRD-01: the stricter reading counts members graded exactly good (a version may choose it)', () => {
    const strict = { maxExcellentPercent: 20, denominator: 'good_only' as const };
    expect(checkExcellentQuota(results(1, 5), null, strict).ok).toBe(true);
    expect(checkExcellentQuota(results(1, 4), null, strict).ok).toBe(false);
  });

  it('R-GRD-01: passes exactly when excellent ≤ 20% of excellent + good (rational arithmetic)', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), (e, g) => {
        const holds = e === 0 || e / (e + g) <= 0.2 + 1e-12;
        expect(checkExcellentQuota(results(e, g)).ok).toBe(holds);
      }),
    );
  });
});

describe('R-GRD-02 exempted members are not graded (232-QĐ/TW Art. 7)', () => {
  it('R-GRD-02: refuses to grade an exempted member', () => {
    expect(checkGradable({ exempted: true })).toMatchObject({ ruleId: 'R-GRD-02', ok: false, code: 'exempted_not_graded' });
    expect(checkGradable({ exempted: false }).ok).toBe(true);
  });
});
