import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUES_RULE_SETS, REGIONAL_MINIMUM_WAGES } from '../../../common/rules/dues-rule-sets.ts';
import { addYearMonths } from '../../../common/rules/dues.ts';
import { duesOfMonth, expectedByMonth, expectedByMonthNaive, firstProfileMonth, type MemberDuesFacts, monthsFromTo } from './dues.ledger.ts';

// R-DUE (Quy định 01-QĐ/TW 2026; QĐ 342-QĐ/TW 2010): the ledger joins a member's stored facts to the pure rules.
const rules = { ruleSets: DUES_RULE_SETS, wages: REGIONAL_MINIMUM_WAGES };
const salaried = (base: number, from = '2026-01-01', to: string | null = null) => ({ validFrom: from, validTo: to, group: 'insured_salary' as const, baseAmountVnd: base });

describe('dues ledger (R-DUE)', () => {
  it('takes the profile version in force on the month\'s 1st day, and the decisions covering the month', () => {
    const facts: MemberDuesFacts = {
      profiles: [salaried(5_000_000, '2026-01-01', '2026-07-01'), salaried(6_000_000, '2026-07-01')],
      exemptions: [{ reason: 'serious_illness', decisionRef: 'A', from: '2026-10', to: '2026-11' }],
      reductions: [{ percent: 30, decisionRef: 'B', from: '2026-03', to: '2026-04' }],
    };
    expect(Object.values(expectedByMonth(facts, '2026-01', '2026-12', rules))).toEqual([
      50_000, 50_000, 35_000, 35_000, 50_000, 50_000, 60_000, 60_000, 60_000, 0, 0, 60_000,
    ]);
    expect(duesOfMonth(facts, '2025-12', rules)).toEqual({ kind: 'none' });
    expect(firstProfileMonth(facts)).toBe('2026-01');
  });

  it('reports a profile the month\'s rule set cannot compute instead of guessing', () => {
    const facts: MemberDuesFacts = { profiles: [{ validFrom: '2026-01-01', validTo: null, group: 'fixed_band_342', bandAmountVnd: 5_000 }], exemptions: [], reductions: [] };
    expect(duesOfMonth(facts, '2026-01', rules)).toMatchObject({ kind: 'due', dues: { amount: 5_000 } });
    expect(duesOfMonth(facts, '2026-02', rules)).toEqual({ kind: 'problem', code: 'group_not_in_rule_set' });
  });

  it('exempts from 50 years of party age (01-QĐ/TW), counted from the admission decision', () => {
    const facts: MemberDuesFacts = { profiles: [{ validFrom: '2026-02-01', validTo: null, group: 'pension', baseAmountVnd: 8_000_000 }], exemptions: [], reductions: [], partyAge: { admittedOn: '1976-05-01' } };
    expect(duesOfMonth(facts, '2026-04', rules)).toMatchObject({ dues: { amount: 40_000 } });
    expect(duesOfMonth(facts, '2026-05', rules)).toMatchObject({ dues: { amount: 0, exempt: 'party_age' } });
  });

  it('never lets facts of other months change a month\'s amount', () => {
    const month = fc.integer({ min: 0, max: 35 }).map((k) => addYearMonths('2025-06', k));
    fc.assert(
      fc.property(month, month, fc.integer({ min: 1_000_000, max: 50_000_000 }), fc.constantFrom(30, 50, 70), (target, other, base, percent) => {
        fc.pre(target !== other);
        const facts: MemberDuesFacts = { profiles: [salaried(base, '2025-06-01')], exemptions: [], reductions: [] };
        const before = duesOfMonth(facts, target, rules);
        // A decision and a new profile version confined to another month.
        const next = addYearMonths(other, 1);
        const elsewhere: MemberDuesFacts = {
          profiles: [salaried(base, '2025-06-01', `${other}-01`), salaried(base * 2, `${other}-01`, `${next}-01`), salaried(base, `${next}-01`)],
          exemptions: [],
          reductions: [{ percent: percent as 30 | 50 | 70, decisionRef: 'x', from: other, to: other }],
        };
        expect(duesOfMonth(elsewhere, target, rules)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('carries an amount over only where nothing it depends on changes (fast path = month by month)', () => {
    const month = fc.integer({ min: 0, max: 60 }).map((k) => addYearMonths('2024-01', k));
    const group = fc.constantFrom('insured_salary', 'pension', 'no_insurance_below_retirement', 'no_insurance_at_retirement', 'student', 'fixed_band_342') as fc.Arbitrary<
      'insured_salary' | 'pension' | 'no_insurance_below_retirement' | 'no_insurance_at_retirement' | 'student' | 'fixed_band_342'
    >;
    const version = fc.record({ group, base: fc.integer({ min: 1_000_000, max: 40_000_000 }), band: fc.integer({ min: 2_000, max: 30_000 }), region: fc.constantFrom('I', 'II', 'III', 'IV') as fc.Arbitrary<'I' | 'II' | 'III' | 'IV'> });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(month, version), { minLength: 1, maxLength: 4 }),
        fc.option(fc.tuple(month, fc.option(month, { nil: null }), fc.constantFrom('social_pension_allowance', 'poor_household', 'hardship') as fc.Arbitrary<'poor_household' | 'social_pension_allowance' | 'hardship'>), { nil: null }),
        fc.option(fc.tuple(month, fc.integer({ min: 0, max: 20 }), fc.constantFrom(30, 50, 70) as fc.Arbitrary<30 | 50 | 70>), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 700 }).map((k) => addYearMonths('1970-01', k)), { nil: null }),
        month,
        fc.integer({ min: 0, max: 40 }),
        (versions, exemption, reduction, admitted, from, span) => {
          const starts = [...new Set(versions.map(([m]) => m))].sort();
          const profiles = starts.map((m, i) => {
            const v = versions.find(([x]) => x === m)![1];
            return { validFrom: `${m}-01`, validTo: i + 1 < starts.length ? `${starts[i + 1]}-01` : null, group: v.group, baseAmountVnd: v.base, bandAmountVnd: v.band, region: v.region };
          });
          const facts: MemberDuesFacts = {
            profiles,
            exemptions: exemption ? [{ from: exemption[0], to: exemption[1] !== null && exemption[1] < exemption[0] ? exemption[0] : exemption[1], reason: exemption[2], decisionRef: 'E' }] : [],
            reductions: reduction ? [{ from: reduction[0], to: addYearMonths(reduction[0], reduction[1]), percent: reduction[2], decisionRef: 'R' }] : [],
            partyAge: admitted ? { admittedOn: `${admitted}-17` } : undefined,
          };
          const to = addYearMonths(from, span);
          expect(expectedByMonth(facts, from, to, rules)).toEqual(expectedByMonthNaive(facts, from, to, rules));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists months inclusively', () => {
    expect(monthsFromTo('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsFromTo('2026-02', '2026-01')).toEqual([]);
  });
});
