import { describe, expect, it } from 'vitest';
import {
  DUES_GROUPS,
  DUES_RULE_SETS,
  REGIONAL_MINIMUM_WAGES,
  WAGE_REGIONS,
  type DuesParams,
  type DuesScreeningParams,
} from './dues-rule-sets.ts';
import { isIsoDate } from './iso-date.ts';
import { paramsInForce } from './rule-check.ts';

const dues = (date: string) => paramsInForce<DuesParams>(DUES_RULE_SETS, 'R-DUE', date);

describe('R-DUE: the shipped rule-set versions', () => {
  it('QĐ 342-QĐ/TW until 31/1/2026: 1% salary, 0.5% pension, 2,000–30,000 band halved past working age', () => {
    const p = dues('2026-01-31');
    expect(p.rates.insured_salary).toEqual({ method: 'percent_of_base', basisPoints: 100 });
    expect(p.rates.pension).toEqual({ method: 'percent_of_base', basisPoints: 50 });
    expect(p.rates.fixed_band_342).toEqual({ method: 'band', minVnd: 2_000, maxVnd: 30_000, pastWorkingAgePercent: 50 });
    expect(p.partyAgeExemptionYears).toBeNull();
  });

  it('Quy định 01-QĐ/TW from 1/2/2026: the five groups, exemptions, reductions', () => {
    const p = dues('2026-02-01');
    expect(p.rates).toEqual({
      insured_salary: { method: 'percent_of_base', basisPoints: 100 },
      pension: { method: 'percent_of_base', basisPoints: 50 },
      no_insurance_below_retirement: { method: 'percent_of_minimum_wage', basisPoints: 30 },
      no_insurance_at_retirement: { method: 'percent_of_minimum_wage', basisPoints: 20 },
      student: { method: 'fixed', amountVnd: 5_000 },
    });
    expect(p.partyAgeExemptionYears).toBe(50);
    expect([...p.exemptionReasons].sort()).toEqual(['near_poor_household', 'poor_household', 'serious_illness', 'social_pension_allowance']);
    expect(p.reductionPercents).toEqual([30, 50, 70]);
    expect(p.reductionMaxMonths).toBe(12);
    expect(p.roundingUnitVnd).toBe(1);
  });

  it('01-QĐ/TW from 1/1/2028: 0.5% and 0.3% of the regional minimum wage, nothing else changes', () => {
    const before = dues('2027-12-31');
    const after = dues('2028-01-01');
    expect(after.rates.no_insurance_below_retirement).toEqual({ method: 'percent_of_minimum_wage', basisPoints: 50 });
    expect(after.rates.no_insurance_at_retirement).toEqual({ method: 'percent_of_minimum_wage', basisPoints: 30 });
    expect({ ...after, rates: { ...after.rates, no_insurance_below_retirement: null, no_insurance_at_retirement: null } }).toEqual({
      ...before,
      rates: { ...before.rates, no_insurance_below_retirement: null, no_insurance_at_retirement: null },
    });
  });

  it('every version names its source and a real date; 342 covers every group, 01-QĐ/TW all but the 342 band', () => {
    for (const v of DUES_RULE_SETS) {
      expect(isIsoDate(v.effectiveFrom)).toBe(true);
      expect(v.source.length).toBeGreaterThan(5);
    }
    expect(Object.keys(dues('2020-01-01').rates).sort()).toEqual([...DUES_GROUPS].sort());
    expect(Object.keys(dues('2026-02-01').rates)).not.toContain('fixed_band_342');
  });

  it('R-DUE-01: three months', () => {
    expect(paramsInForce<DuesScreeningParams>(DUES_RULE_SETS, 'R-DUE-01', '2026-06-01')).toEqual({ unpaidMonthsThreshold: 3 });
  });
});

describe('R-DUE: the regional minimum wage table (Nghị định 74/2024, 293/2025)', () => {
  it.each([
    ['Nghị định 74/2024/NĐ-CP', '2024-07-01', [4_960_000, 4_410_000, 3_860_000, 3_450_000]],
    ['Nghị định 293/2025/NĐ-CP', '2026-01-01', [5_310_000, 4_730_000, 4_140_000, 3_700_000]],
  ] as const)('%s from %s', (source, effectiveFrom, amounts) => {
    const row = REGIONAL_MINIMUM_WAGES.find((r) => r.source === source);
    expect(row?.effectiveFrom).toBe(effectiveFrom);
    expect(WAGE_REGIONS.map((region) => row?.monthlyVnd[region])).toEqual(amounts);
  });

  it('rows are in date order and region I ≥ II ≥ III ≥ IV', () => {
    const dates = REGIONAL_MINIMUM_WAGES.map((r) => r.effectiveFrom);
    expect(dates).toEqual([...dates].sort());
    for (const row of REGIONAL_MINIMUM_WAGES) {
      const amounts = WAGE_REGIONS.map((region) => row.monthlyVnd[region]);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      expect(amounts.every(Number.isSafeInteger)).toBe(true);
    }
  });
});
