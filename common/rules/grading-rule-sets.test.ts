import { describe, expect, it } from 'vitest';
import {
  GRADING_RULE_SETS,
  type ExcellentQuotaParams,
  type FlagReviewParams,
  type GradingParams,
  type MissedMonthsParams,
  type NotCompletedParams,
  type ReadmissionParams,
  type SelfReviewParams,
} from './grading-rule-sets.ts';
import { checkCriteriaList } from './grading-rules.ts';
import { isIsoDate } from './iso-date.ts';
import { paramsInForce } from './rule-check.ts';

const on = <P>(ruleId: string, date: string) => paramsInForce<P>(GRADING_RULE_SETS, ruleId, date);

describe('GRADING_RULE_SETS', () => {
  it('every version names its source and has a real effective date; no two share a rule and date', () => {
    for (const v of GRADING_RULE_SETS) {
      expect(v.source.trim()).not.toBe('');
      expect(isIsoDate(v.effectiveFrom)).toBe(true);
    }
    const ids = GRADING_RULE_SETS.map((v) => `${v.ruleId}@${v.effectiveFrom}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('R-GRD (366-QĐ/TW Art. 11): 90 / 70 / 50 of 100, 30% exceeded; criteria 30 + 70 add up to 100', () => {
    const p = on<GradingParams>('R-GRD', '2025-12-31');
    expect(p).toMatchObject({ maxPoints: 100, excellentMinPoints: 90, goodMinPoints: 70, completedMinPoints: 50, excellentExceededPercent: 30 });
    expect(checkCriteriaList(p).ok).toBe(true);
    expect(() => on<GradingParams>('R-GRD', '2025-08-29')).toThrow(RangeError);
  });

  it('R-GRD-01: 20% of those graded good-or-better, from the 2019 guidance and under 366', () => {
    expect(on<ExcellentQuotaParams>('R-GRD-01', '2020-12-31')).toEqual({ maxExcellentPercent: 20, denominator: 'good_or_better' });
    expect(on<ExcellentQuotaParams>('R-GRD-01', '2025-12-31')).toEqual({ maxExcellentPercent: 20, denominator: 'good_or_better' });
  });

  it('R-RMV-01: 3 months for activities and dues, before and after 1/2/2026', () => {
    expect(on<MissedMonthsParams>('R-RMV-01', '2025-12-31')).toEqual({ missedActivityMonths: 3, unpaidDuesMonths: 3 });
    expect(on<MissedMonthsParams>('R-RMV-01', '2026-02-01')).toEqual({ missedActivityMonths: 3, unpaidDuesMonths: 3 });
  });

  it('R-RMV-02: 2 consecutive years; 12 months of education', () => {
    expect(on<NotCompletedParams>('R-RMV-02', '2025-07-01')).toEqual({ consecutiveNotCompletedYears: 2, educationPlanMonths: 12 });
  });

  it('R-RMV-03: 3 requests; R-RMV-07: 30 review days (U, configurable); R-ADM-15: 36 and 60 months', () => {
    expect(on<SelfReviewParams>('R-RMV-03', '2025-12-31')).toEqual({ selfReviewRequests: 3 });
    expect(on<FlagReviewParams>('R-RMV-07', '2025-12-31')).toEqual({ flagReviewDays: 30 });
    expect(on<ReadmissionParams>('R-ADM-15', '2025-12-31')).toEqual({ monthsAfterLeaving: 36, monthsAfterClearedConviction: 60 });
  });

  it('an administrator adds a version with new numbers and a new date, without a code change', () => {
    const versions = [...GRADING_RULE_SETS, { ruleId: 'R-RMV-07', effectiveFrom: '2027-01-01', params: { flagReviewDays: 45 }, source: 'Nghị quyết của Tỉnh ủy (ví dụ)' }];
    expect(paramsInForce<FlagReviewParams>(versions, 'R-RMV-07', '2026-12-31').flagReviewDays).toBe(30);
    expect(paramsInForce<FlagReviewParams>(versions, 'R-RMV-07', '2027-01-01').flagReviewDays).toBe(45);
  });
});
