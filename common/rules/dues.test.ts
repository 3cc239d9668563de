import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DUES_RULE_SETS, REGIONAL_MINIMUM_WAGES, type DuesGroup, type WageRegion } from './dues-rule-sets.ts';
import {
  addYearMonths,
  checkDuesPaidInYear,
  checkDuesProfile,
  duesArrears,
  expectedDuesByMonth,
  firstDayOfMonth,
  isYearMonth,
  monthlyDues,
  partyAgeInMonths,
  profileInForce,
  regionalMinimumWageOn,
  unpaidMonthsInYear,
  type DuesPayment,
  type DuesProfile,
  type YearMonth,
} from './dues.ts';
import { addDays } from './iso-date.ts';
import type { RuleSetVersion } from './rule-check.ts';

const RULES = DUES_RULE_SETS;
const WAGES = REGIONAL_MINIMUM_WAGES;

const profile = (overrides: Partial<DuesProfile>): DuesProfile => ({
  validFrom: '2010-01-01',
  validTo: null,
  group: 'insured_salary',
  ...overrides,
});
const dues = (p: Partial<DuesProfile>, month: YearMonth) => monthlyDues(profile(p), month, RULES, WAGES);

describe('R-DUE: Quy định 01-QĐ/TW (from 1/2/2026), one row per member group', () => {
  it.each<[string, Partial<DuesProfile>, YearMonth, number]>([
    ['compulsory insurance: 1% of the previous month’s insured salary', { baseAmountVnd: 8_000_000 }, '2026-02', 80_000],
    ['on sick or maternity leave: 1% of the benefit', { baseAmountVnd: 6_000_000, onSickOrMaternityLeave: true }, '2026-03', 60_000],
    ['pensioner outside compulsory insurance: 0.5% of the pension', { group: 'pension', baseAmountVnd: 6_000_000 }, '2026-02', 30_000],
    ['below retirement age, no insurance or pension, region I: 0.3% × 5,310,000', { group: 'no_insurance_below_retirement', region: 'I' }, '2026-02', 15_930],
    ['… region II: 0.3% × 4,730,000', { group: 'no_insurance_below_retirement', region: 'II' }, '2026-02', 14_190],
    ['… region III: 0.3% × 4,140,000', { group: 'no_insurance_below_retirement', region: 'III' }, '2026-02', 12_420],
    ['… region IV: 0.3% × 3,700,000', { group: 'no_insurance_below_retirement', region: 'IV' }, '2026-02', 11_100],
    ['at or above retirement age, no pension, region I: 0.2% × 5,310,000', { group: 'no_insurance_at_retirement', region: 'I' }, '2026-02', 10_620],
    ['… region IV: 0.2% × 3,700,000', { group: 'no_insurance_at_retirement', region: 'IV' }, '2027-12', 7_400],
    ['pupil or student: 5,000 VND', { group: 'student' }, '2026-02', 5_000],
  ])('%s', (_label, p, month, amount) => {
    const result = dues(p, month);
    expect(result.amount).toBe(amount);
    expect(result.fullAmount).toBe(amount);
    expect(result.ruleSetSource).toMatch(/01-QĐ\/TW/);
  });

  it('cites what the amount was computed from', () => {
    expect(dues({ group: 'no_insurance_below_retirement', region: 'II' }, '2026-05').basis).toEqual({
      group: 'no_insurance_below_retirement',
      method: 'percent_of_minimum_wage',
      basisPoints: 30,
      region: 'II',
      minimumWageVnd: 4_730_000,
      minimumWageSource: 'Nghị định 293/2025/NĐ-CP',
    });
    expect(dues({ baseAmountVnd: 6_000_000, onSickOrMaternityLeave: true }, '2026-05').basis.baseKind).toBe('sick_or_maternity_benefit');
  });
});

describe('R-DUE: the step-up of 1/1/2028 (01-QĐ/TW), a version of its own', () => {
  it.each<[DuesGroup, WageRegion, number, number]>([
    ['no_insurance_below_retirement', 'I', 15_930, 26_550],
    ['no_insurance_below_retirement', 'II', 14_190, 23_650],
    ['no_insurance_below_retirement', 'III', 12_420, 20_700],
    ['no_insurance_below_retirement', 'IV', 11_100, 18_500],
    ['no_insurance_at_retirement', 'I', 10_620, 15_930],
    ['no_insurance_at_retirement', 'II', 9_460, 14_190],
    ['no_insurance_at_retirement', 'III', 8_280, 12_420],
    ['no_insurance_at_retirement', 'IV', 7_400, 11_100],
  ])('%s region %s: %i in 12/2027, %i in 01/2028', (group, region, before, after) => {
    expect(dues({ group, region }, '2027-12').amount).toBe(before);
    const stepped = dues({ group, region }, '2028-01');
    expect(stepped.amount).toBe(after);
    expect(stepped.ruleSetSource).toMatch(/1\/1\/2028/);
  });

  it('leaves the other groups unchanged', () => {
    expect(dues({ baseAmountVnd: 8_000_000 }, '2028-01').amount).toBe(80_000);
    expect(dues({ group: 'pension', baseAmountVnd: 6_000_000 }, '2028-01').amount).toBe(30_000);
    expect(dues({ group: 'student' }, '2028-01').amount).toBe(5_000);
  });
});

describe('R-DUE: Quyết định 342-QĐ/TW (before 1/2/2026)', () => {
  it.each<[string, Partial<DuesProfile>, number]>([
    ['salaried: 1% of monthly salary income', { baseAmountVnd: 7_250_000 }, 72_500],
    ['pensioner: 0.5% of the pension', { group: 'pension', baseAmountVnd: 5_000_000 }, 25_000],
    ['other members: the sum the organization set within 2,000–30,000', { group: 'fixed_band_342', bandAmountVnd: 10_000 }, 10_000],
    ['other members past working age: half', { group: 'fixed_band_342', bandAmountVnd: 10_000, pastWorkingAge: true }, 5_000],
    ['the at-retirement group is past working age by definition', { group: 'no_insurance_at_retirement', bandAmountVnd: 20_000 }, 10_000],
    ['students are "other members" under 342', { group: 'student', bandAmountVnd: 2_000 }, 2_000],
    ['half of an odd sum is rounded half up to the đồng', { group: 'fixed_band_342', bandAmountVnd: 3_001, pastWorkingAge: true }, 1_501],
  ])('%s', (_label, p, amount) => {
    const result = dues(p, '2025-06');
    expect(result.amount).toBe(amount);
    expect(result.ruleSetSource).toMatch(/342-QĐ\/TW/);
  });

  it('refuses a band sum outside 2,000–30,000 VND', () => {
    expect(() => dues({ group: 'fixed_band_342', bandAmountVnd: 35_000 }, '2025-06')).toThrow(RangeError);
    expect(checkDuesProfile(profile({ group: 'fixed_band_342', validTo: '2026-02-01', bandAmountVnd: 1_000 }), RULES, WAGES)).toEqual([
      expect.objectContaining({ ruleId: 'R-DUE', ok: false, code: 'band_amount_out_of_range' }),
    ]);
  });

  it('has no rule set before 2011', () => {
    expect(() => dues({ baseAmountVnd: 1_000_000 }, '2010-12')).toThrow(RangeError);
  });
});

describe('R-DUE: the boundary 2026-01 | 2026-02 (the 1st of the month decides)', () => {
  const both = profile({ group: 'no_insurance_below_retirement', region: 'I', bandAmountVnd: 10_000 });

  it('judges January 2026 by 342 and February 2026 by 01-QĐ/TW', () => {
    const january = monthlyDues(both, '2026-01', RULES, WAGES);
    const february = monthlyDues(both, '2026-02', RULES, WAGES);
    expect([january.amount, january.basis.method]).toEqual([10_000, 'band']);
    expect([february.amount, february.basis.method]).toEqual([15_930, 'percent_of_minimum_wage']);
    expect(january.ruleSetSource).toMatch(/342/);
    expect(february.ruleSetSource).toMatch(/01-QĐ\/TW/);
  });

  it('uses the profile version in force on the 1st: a change on 15/2 applies from March', () => {
    const history = [
      profile({ validTo: '2026-02-15', baseAmountVnd: 8_000_000 }),
      profile({ validFrom: '2026-02-15', baseAmountVnd: 9_000_000 }),
    ];
    expect(monthlyDues(history, '2026-02', RULES, WAGES).amount).toBe(80_000);
    expect(monthlyDues(history, '2026-03', RULES, WAGES).amount).toBe(90_000);
  });

  it('has no rate for the 342 band group from February 2026: the profile must be moved to a 01-QĐ/TW group', () => {
    const old = profile({ group: 'fixed_band_342', bandAmountVnd: 10_000 });
    expect(monthlyDues(old, '2026-01', RULES, WAGES).amount).toBe(10_000);
    expect(() => monthlyDues(old, '2026-02', RULES, WAGES)).toThrow(/no rate/);
    expect(checkDuesProfile(old, RULES, WAGES)).toEqual([
      expect.objectContaining({ ok: false, code: 'group_not_in_rule_set', facts: expect.objectContaining({ from: '2026-02-01' }) }),
      expect.objectContaining({ ok: false, code: 'group_not_in_rule_set', facts: expect.objectContaining({ from: '2028-01-01' }) }),
    ]);
    expect(checkDuesProfile({ ...old, validTo: '2026-02-01' }, RULES, WAGES)).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('uses the regional minimum wage in force on the month’s 1st day', () => {
    expect(regionalMinimumWageOn(WAGES, 'I', '2025-12-31')).toEqual({ amountVnd: 4_960_000, source: 'Nghị định 74/2024/NĐ-CP' });
    expect(regionalMinimumWageOn(WAGES, 'I', '2026-01-01')).toEqual({ amountVnd: 5_310_000, source: 'Nghị định 293/2025/NĐ-CP' });
    expect(() => regionalMinimumWageOn(WAGES, 'I', '2024-06-30')).toThrow(RangeError);
    const raised = [...WAGES, { effectiveFrom: '2027-01-01', source: 'a later decree', monthlyVnd: { I: 6_000_000, II: 5_000_000, III: 4_500_000, IV: 4_000_000 } }];
    const p = profile({ group: 'no_insurance_below_retirement', region: 'I' });
    expect(monthlyDues(p, '2026-12', RULES, raised).amount).toBe(15_930);
    expect(monthlyDues(p, '2027-01', RULES, raised).amount).toBe(18_000);
  });
});

describe('R-DUE: rounding half up to the whole đồng, once', () => {
  it.each<[number, number]>([
    [8_123_449, 81_234], // 81,234.49
    [8_123_450, 81_235], // 81,234.50: half goes up
    [8_123_456, 81_235], // 81,234.56
    [99, 1], // 0.99
    [49, 0], // 0.49
  ])('1%% of %i = %i', (base, amount) => {
    expect(dues({ baseAmountVnd: base }, '2026-06').amount).toBe(amount);
  });

  it('0.5% of a pension: 32,716.5 → 32,717', () => {
    expect(dues({ group: 'pension', baseAmountVnd: 6_543_300 }, '2026-06').amount).toBe(32_717);
  });

  it('a reduction multiplies the exact amount, not the rounded one', () => {
    // 8,123,456 × 1% × 70% = 56,864.19 → 56,864 (rounding 81,235 first would give 56,865)
    const reduced = dues({ baseAmountVnd: 8_123_456, reduction: { percent: 30, decisionRef: '12-QĐ/ĐU', from: '2026-03', to: '2026-08' } }, '2026-06');
    expect([reduced.fullAmount, reduced.amount]).toEqual([81_235, 56_864]);
  });

  it('refuses a base that is not whole VND', () => {
    expect(() => dues({ baseAmountVnd: 1_000_000.5 }, '2026-06')).toThrow(RangeError);
    expect(() => dues({ baseAmountVnd: undefined }, '2026-06')).toThrow(RangeError);
  });
});

describe('R-DUE: reductions of 30, 50 or 70% for at most 12 months per decision', () => {
  const reduction = (percent: 30 | 50 | 70, from: YearMonth, to: YearMonth) => ({ percent, decisionRef: '05-QĐ/ĐU', from, to });

  it.each<[30 | 50 | 70, number]>([
    [30, 56_000],
    [50, 40_000],
    [70, 24_000],
  ])('%i%% off 80,000 → %i', (percent, amount) => {
    const result = dues({ baseAmountVnd: 8_000_000, reduction: reduction(percent, '2026-03', '2027-02') }, '2026-09');
    expect(result).toMatchObject({ amount, fullAmount: 80_000, reductionPercent: percent, reductionDecisionRef: '05-QĐ/ĐU' });
  });

  it('applies only inside the decision’s months', () => {
    const p = { baseAmountVnd: 8_000_000, reduction: reduction(50, '2026-03', '2026-05') };
    expect(dues(p, '2026-02').amount).toBe(80_000);
    expect(dues(p, '2026-03').amount).toBe(40_000);
    expect(dues(p, '2026-05').amount).toBe(40_000);
    expect(dues(p, '2026-06')).not.toHaveProperty('reductionPercent');
  });

  it('caps a decision at 12 months: the 13th month onward is charged in full, and the check says why', () => {
    const p = profile({ baseAmountVnd: 8_000_000, reduction: reduction(50, '2026-03', '2027-04') });
    expect(monthlyDues(p, '2027-02', RULES, WAGES).amount).toBe(40_000); // 12th month
    expect(monthlyDues(p, '2027-03', RULES, WAGES).amount).toBe(80_000); // 13th month
    expect(checkDuesProfile(p, RULES, WAGES)).toEqual([
      expect.objectContaining({ ok: false, code: 'reduction_too_long', facts: { months: 14, maxMonths: 12 } }),
    ]);
    expect(checkDuesProfile({ ...p, reduction: reduction(50, '2026-03', '2027-02') }, RULES, WAGES)).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('has no reductions under 342 (U, configurable): a decision dated in 342’s time is not applied', () => {
    const p = profile({ baseAmountVnd: 8_000_000, reduction: reduction(30, '2025-06', '2026-03') });
    expect(monthlyDues(p, '2025-07', RULES, WAGES).amount).toBe(80_000);
    expect(monthlyDues(p, '2026-02', RULES, WAGES).amount).toBe(80_000);
    expect(checkDuesProfile(p, RULES, WAGES)).toEqual([expect.objectContaining({ code: 'reduction_percent_not_allowed' })]);
  });
});

describe('R-DUE: exemptions', () => {
  it('party age ≥ 50 years (01-QĐ/TW): exempt from the first month whose 1st day completes 50 years', () => {
    const p = { baseAmountVnd: 8_000_000, partyAge: { admittedOn: '1976-03-15' } };
    expect(dues(p, '2026-03').amount).toBe(80_000); // 49 years 11 months on 1/3/2026
    expect(dues(p, '2026-04')).toMatchObject({ amount: 0, fullAmount: 0, exempt: 'party_age', basis: { method: 'exempt' } });
    const onTheFirst = { ...p, partyAge: { admittedOn: '1976-03-01' } };
    expect(dues(onTheFirst, '2026-03').exempt).toBe('party_age');
  });

  it('party age leaves out the months outside the party (readmission)', () => {
    const facts = { admittedOn: '1976-03-01', monthsNotCounted: 24 };
    expect(partyAgeInMonths(facts, '2026-03-01')).toBe(576);
    expect(dues({ baseAmountVnd: 8_000_000, partyAge: facts }, '2028-02').amount).toBe(80_000);
    expect(dues({ baseAmountVnd: 8_000_000, partyAge: facts }, '2028-03').exempt).toBe('party_age');
  });

  it('no party-age exemption under 342 (U): 55 years of party age still pay in January 2026', () => {
    const p = { baseAmountVnd: 8_000_000, partyAge: { admittedOn: '1971-01-01' } };
    expect(dues(p, '2026-01').amount).toBe(80_000);
    expect(dues(p, '2026-02').exempt).toBe('party_age');
  });

  it.each(['social_pension_allowance', 'poor_household', 'near_poor_household', 'serious_illness'] as const)(
    'on a decision (01-QĐ/TW): %s',
    (reason) => {
      const p = { group: 'no_insurance_at_retirement' as const, region: 'III' as const, exemption: { reason, decisionRef: '07-QĐ/ĐU', from: '2026-03', to: null } };
      expect(dues(p, '2026-02').amount).toBe(8_280);
      expect(dues(p, '2026-03')).toMatchObject({ amount: 0, exempt: reason, exemptionDecisionRef: '07-QĐ/ĐU' });
      expect(dues(p, '2031-12').amount).toBe(0);
    },
  );

  it('an exemption ends with its last month, and outweighs a reduction', () => {
    const p = {
      baseAmountVnd: 8_000_000,
      exemption: { reason: 'serious_illness' as const, decisionRef: '09-QĐ/ĐU', from: '2026-03', to: '2026-06' },
      reduction: { percent: 50 as const, decisionRef: '10-QĐ/ĐU', from: '2026-05', to: '2026-12' },
    };
    expect(dues(p, '2026-05')).toMatchObject({ amount: 0, exempt: 'serious_illness' });
    expect(dues(p, '2026-05')).not.toHaveProperty('reductionPercent');
    expect(dues(p, '2026-07')).toMatchObject({ amount: 40_000, reductionPercent: 50 });
  });

  it('hardship exemption under 342; a reason the version does not know is flagged and not applied', () => {
    const hardship = { baseAmountVnd: 5_000_000, exemption: { reason: 'hardship' as const, decisionRef: '03-QĐ/ĐU', from: '2025-01', to: '2025-12' } };
    expect(dues(hardship, '2025-06').exempt).toBe('hardship');
    const unknown = profile({ baseAmountVnd: 5_000_000, exemption: { reason: 'hardship', decisionRef: '04-QĐ/ĐU', from: '2026-03', to: null } });
    expect(monthlyDues(unknown, '2026-03', RULES, WAGES).amount).toBe(50_000);
    expect(checkDuesProfile(unknown, RULES, WAGES)).toEqual([expect.objectContaining({ code: 'exemption_reason_not_allowed' })]);
  });
});

describe('R-DUE: checkDuesProfile', () => {
  it('asks for what each group needs', () => {
    const since2026 = { validFrom: '2026-02-01' };
    expect(checkDuesProfile(profile({ ...since2026 }), RULES, WAGES).map((c) => c.code)).toEqual(['base_amount_required', 'base_amount_required']);
    expect(checkDuesProfile(profile({ ...since2026, group: 'no_insurance_below_retirement' }), RULES, WAGES).map((c) => c.code)).toEqual([
      'region_required',
      'region_required',
    ]);
    expect(checkDuesProfile(profile({ ...since2026, group: 'student' }), RULES, WAGES)).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('asks for the decision reference', () => {
    const p = profile({ validFrom: '2026-02-01', group: 'student', exemption: { reason: 'poor_household', decisionRef: ' ', from: '2026-02', to: null } });
    expect(checkDuesProfile(p, RULES, WAGES).map((c) => c.code)).toEqual(['decision_ref_required']);
  });
});

describe('R-DUE: profile history and expected dues', () => {
  it('expectedDuesByMonth lists only months with a profile in force', () => {
    const history = [profile({ validFrom: '2026-03-01', validTo: '2026-05-01', group: 'student' })];
    expect(expectedDuesByMonth(history, '2026-01', '2026-06', RULES, WAGES)).toEqual({ '2026-03': 5_000, '2026-04': 5_000 });
    expect(profileInForce(history, '2026-05')).toBeNull();
    expect(() => monthlyDues(history, '2026-05', RULES, WAGES)).toThrow(/No dues profile/);
  });

  it('month helpers', () => {
    expect(isYearMonth('2026-02')).toBe(true);
    expect(isYearMonth('2026-13')).toBe(false);
    expect(addYearMonths('2026-12', 1)).toBe('2027-01');
    expect(firstDayOfMonth('2026-02')).toBe('2026-02-01');
    expect(() => firstDayOfMonth('2026-2')).toThrow(RangeError);
  });
});

describe('R-DUE: a month’s amount depends only on the profile and the rules in force that month (property)', () => {
  const groups = ['insured_salary', 'pension', 'no_insurance_below_retirement', 'no_insurance_at_retirement', 'student'] as const;
  const month = fc.integer({ min: 0, max: 12 * 6 - 1 }).map((i) => addYearMonths('2026-02', i));
  const region = fc.constantFrom<WageRegion>('I', 'II', 'III', 'IV');
  const arbitraryProfile = fc.record({
    group: fc.constantFrom(...groups),
    baseAmountVnd: fc.integer({ min: 0, max: 500_000_000 }),
    region,
    onSickOrMaternityLeave: fc.boolean(),
    partyAge: fc.record({ admittedOn: fc.integer({ min: 0, max: 60 * 365 }).map((d) => addDays('1970-01-01', d)) }),
    reductionPercent: fc.option(fc.constantFrom<30 | 50 | 70>(30, 50, 70)),
    reductionStart: fc.integer({ min: -14, max: 2 }),
    reductionLength: fc.integer({ min: 1, max: 16 }),
  });

  it('holds: unrelated profile versions, later rule sets and later wages change nothing', () => {
    fc.assert(
      fc.property(arbitraryProfile, month, fc.integer({ min: 0, max: 27 }), fc.integer({ min: 1, max: 400 }), (a, m, startOffset, gap) => {
        const first = firstDayOfMonth(m);
        const from = addYearMonths(m, a.reductionStart);
        const p: DuesProfile = {
          validFrom: addDays(first, -startOffset),
          validTo: null,
          group: a.group,
          baseAmountVnd: a.baseAmountVnd,
          region: a.region,
          onSickOrMaternityLeave: a.onSickOrMaternityLeave,
          partyAge: a.partyAge,
          reduction: a.reductionPercent === null ? null : { percent: a.reductionPercent, decisionRef: 'x', from, to: addYearMonths(from, a.reductionLength - 1) },
        };
        const alone = monthlyDues(p, m, RULES, WAGES);
        expect(Number.isInteger(alone.amount)).toBe(true);
        expect(alone.amount).toBeGreaterThanOrEqual(0);
        expect(alone.amount).toBeLessThanOrEqual(alone.fullAmount);

        // Earlier versions that ended on or before the 1st, and a later one that starts after it.
        const history: DuesProfile[] = [
          { ...p, validFrom: '2011-01-01', validTo: p.validFrom, group: 'student', baseAmountVnd: 1 },
          { ...p, validFrom: '2011-01-01', validTo: addDays(p.validFrom, -gap), group: 'pension', baseAmountVnd: 999_999 },
          { ...p, validTo: addDays(first, gap) },
          { ...p, validFrom: addDays(first, gap), validTo: null, group: 'insured_salary', baseAmountVnd: 123_456_789 },
        ];
        const later = addDays(first, gap);
        const laterRules: RuleSetVersion[] = [
          ...RULES,
          { ruleId: 'R-DUE', effectiveFrom: later, source: 'later', params: { ...RULES[1].params, partyAgeExemptionYears: 1, rates: {} } },
          { ruleId: 'R-OTHER', effectiveFrom: '2000-01-01', source: 'other rule', params: {} },
        ];
        const laterWages = [...WAGES, { effectiveFrom: later, source: 'later', monthlyVnd: { I: 1, II: 1, III: 1, IV: 1 } }];
        expect(monthlyDues(history, m, laterRules, laterWages)).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });
});

describe('R-DUE: arrears with advance and late payments', () => {
  const expected = { '2026-01': 80_000, '2026-02': 80_000, '2026-03': 80_000, '2026-04': 0, '2026-05': 80_000 };
  const payments: DuesPayment[] = [
    { forMonth: '2026-01', paidOn: '2026-01-20', amountVnd: 80_000 },
    { forMonth: '2026-02', paidOn: '2026-04-10', amountVnd: 80_000 }, // late
    { forMonth: '2026-03', paidOn: '2026-03-15', amountVnd: 50_000 }, // partly
    { forMonth: '2026-05', paidOn: '2025-12-30', amountVnd: 80_000 }, // in advance
  ];

  it('counts a month once it is over, and a payment once it is made', () => {
    expect(duesArrears(expected, payments, '2026-03-31')).toEqual([{ month: '2026-02', expectedVnd: 80_000, paidVnd: 0, shortfallVnd: 80_000 }]);
    expect(duesArrears(expected, payments, '2026-04-15')).toEqual([{ month: '2026-03', expectedVnd: 80_000, paidVnd: 50_000, shortfallVnd: 30_000 }]);
    expect(duesArrears(expected, payments, '2026-06-01').map((a) => a.month)).toEqual(['2026-03']);
  });

  it('an advance payment settles only its own month; an exempt month is never in arrears', () => {
    const advanceForMay: DuesPayment[] = [{ forMonth: '2026-05', paidOn: '2026-01-05', amountVnd: 160_000 }];
    expect(duesArrears(expected, advanceForMay).map((a) => a.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('R-DUE-01: three months unpaid in a year without good reason', () => {
  const expected: Record<YearMonth, number> = {};
  for (let m = '2025-01'; m <= '2025-12'; m = addYearMonths(m, 1)) expected[m] = 10_000;
  expected['2026-01'] = 10_000;
  const paidMonths = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
  const payments: DuesPayment[] = [
    ...paidMonths.map((m) => ({ forMonth: m, paidOn: `${m}-10`, amountVnd: 10_000 })),
    { forMonth: '2025-11', paidOn: '2026-01-05', amountVnd: 10_000 },
  ];
  const flood = [{ month: '2025-07', reason: 'flood', decisionRef: 'BB 07/2025' }];

  it('a month with an accepted reason does not count; a late payment counts once made', () => {
    expect(unpaidMonthsInYear(2025, expected, payments, flood, '2025-12-15')).toEqual(['2025-08', '2025-09', '2025-10', '2025-11']);
    expect(unpaidMonthsInYear(2025, expected, payments, flood, '2026-02-01')).toEqual(['2025-08', '2025-09', '2025-10', '2025-12']);
    expect(unpaidMonthsInYear(2025, expected, payments, [], '2026-02-01')).toHaveLength(5);
  });

  it('flags at 3 months, not at 2', () => {
    const check = checkDuesPaidInYear(2025, expected, payments, flood, '2025-11-01', RULES);
    expect(check).toEqual({ ruleId: 'R-DUE-01', ok: false, code: 'dues_unpaid_months', facts: { year: 2025, months: ['2025-08', '2025-09', '2025-10'], threshold: 3 } });
    const two = checkDuesPaidInYear(2025, expected, payments, [...flood, { month: '2025-10', reason: 'illness' }], '2025-11-01', RULES);
    expect(two).toMatchObject({ ok: true, facts: { months: ['2025-08', '2025-09'] } });
  });
});

describe('R-DUE: decisions dated before any rule set', () => {
  it('are not applied, and the check says so instead of throwing', () => {
    const p = profile({ baseAmountVnd: 5_000_000, exemption: { reason: 'hardship', decisionRef: '01-QĐ/ĐU', from: '2010-06', to: '2011-06' } });
    expect(monthlyDues(p, '2011-03', RULES, WAGES).amount).toBe(50_000);
    expect(checkDuesProfile(p, RULES, WAGES)).toEqual([expect.objectContaining({ code: 'exemption_reason_not_allowed', facts: { reason: 'hardship', allowed: [] } })]);
  });
});
