// The numbers of the dues rules (rules.md R-DUE, R-DUE-01) as effective-dated rule-set versions
// (architecture principle 7): a month is judged by the version in force on its 1st day (dues.ts).
// These arrays are the shipped defaults; an administrator adds a version (new numbers, new date) as data.
import type { IsoDate } from './iso-date.ts';
import type { RuleSetVersion } from './rule-check.ts';

/**
 * The member's dues group. The first five are the groups of Quy định 01-QĐ/TW (2026); `fixed_band_342` is the
 * "other members" group of Quyết định 342-QĐ/TW (2010), kept for records before 1/2/2026.
 */
export const DUES_GROUPS = [
  'insured_salary',
  'pension',
  'no_insurance_below_retirement',
  'no_insurance_at_retirement',
  'student',
  'fixed_band_342',
] as const;
export type DuesGroup = (typeof DUES_GROUPS)[number];

/**
 * Why a month is free of dues. `party_age` is judged from the profile's party-age facts, never decided;
 * the others need a recorded decision (on the member's application).
 */
export const DUES_EXEMPTION_REASONS = [
  'party_age',
  'social_pension_allowance',
  'poor_household',
  'near_poor_household',
  'serious_illness',
  'hardship',
] as const;
export type DuesExemptionReason = (typeof DUES_EXEMPTION_REASONS)[number];

export const DUES_REDUCTION_PERCENTS = [30, 50, 70] as const;
export type DuesReductionPercent = (typeof DUES_REDUCTION_PERCENTS)[number];

/** How a group's monthly amount is computed. Rates are in basis points (1/100 of a percent), so 0.3% = 30 exactly. */
export type DuesGroupRate =
  /** A share of the profile's base amount (insured salary, sick/maternity benefit, pension, salary income). */
  | { method: 'percent_of_base'; basisPoints: number }
  /** A share of the regional minimum wage of the profile's region, in force that month. */
  | { method: 'percent_of_minimum_wage'; basisPoints: number }
  /** A fixed sum. */
  | { method: 'fixed'; amountVnd: number }
  /** QĐ 342: the organization sets the sum within [min, max] per member; past working age pays `pastWorkingAgePercent` of it. */
  | { method: 'band'; minVnd: number; maxVnd: number; pastWorkingAgePercent: number };

/** Parameters of rule `R-DUE` (a type alias, not an interface, so it fits RuleSetVersion's record of params). */
export type DuesParams = {
  /** A group absent here has no rate under this version (a profile in it must be moved to another group). */
  rates: Partial<Record<DuesGroup, DuesGroupRate>>;
  /** Exempt once party age reaches this many full years; null = no party-age exemption in this version. */
  partyAgeExemptionYears: number | null;
  /** Reasons a recorded exemption decision may give under this version. */
  exemptionReasons: readonly DuesExemptionReason[];
  /** Percentages a reduction decision may grant under this version (empty = no reductions). */
  reductionPercents: readonly DuesReductionPercent[];
  /** Longest reduction one decision may grant, in months; months past it are charged in full. */
  reductionMaxMonths: number;
  /** Amounts are rounded half up to a multiple of this (1 = the whole đồng). */
  roundingUnitVnd: number;
};

/** Parameters of rule `R-DUE-01` (screening for name removal, R-RMV-01). */
export type DuesScreeningParams = {
  /** Months of a year unpaid without good reason that raise the flag. */
  unpaidMonthsThreshold: number;
};

const RULES_01_2026: DuesParams = {
  rates: {
    // 1% of the previous month's insured salary; on sick or maternity leave 1% of the benefit (the profile says which).
    insured_salary: { method: 'percent_of_base', basisPoints: 100 },
    // Pensioners outside compulsory insurance (a pensioner still working under compulsory insurance is insured_salary).
    pension: { method: 'percent_of_base', basisPoints: 50 },
    no_insurance_below_retirement: { method: 'percent_of_minimum_wage', basisPoints: 30 },
    no_insurance_at_retirement: { method: 'percent_of_minimum_wage', basisPoints: 20 },
    student: { method: 'fixed', amountVnd: 5_000 },
  },
  partyAgeExemptionYears: 50,
  exemptionReasons: ['social_pension_allowance', 'poor_household', 'near_poor_household', 'serious_illness'],
  reductionPercents: [30, 50, 70],
  reductionMaxMonths: 12,
  // Money is integer VND; the đồng has no smaller unit in use, so the whole đồng is the natural unit (see dues.ts).
  roundingUnitVnd: 1,
};

export const DUES_RULE_SETS: RuleSetVersion[] = [
  {
    ruleId: 'R-DUE',
    // QĐ 342 was signed 28/12/2010; applied from 1/1/2011 (check the date against the text before relying on 2010 records).
    effectiveFrom: '2011-01-01',
    source: 'Quyết định 342-QĐ/TW (28/12/2010) về chế độ đảng phí',
    params: {
      rates: {
        // 1% of monthly salary income (salary, allowances) for salaried members; 0.5% of the pension.
        insured_salary: { method: 'percent_of_base', basisPoints: 100 },
        pension: { method: 'percent_of_base', basisPoints: 50 },
        // Everyone else ("đảng viên khác"): a sum the organization sets within 2,000–30,000 VND; half past working age.
        no_insurance_below_retirement: { method: 'band', minVnd: 2_000, maxVnd: 30_000, pastWorkingAgePercent: 50 },
        no_insurance_at_retirement: { method: 'band', minVnd: 2_000, maxVnd: 30_000, pastWorkingAgePercent: 50 },
        student: { method: 'band', minVnd: 2_000, maxVnd: 30_000, pastWorkingAgePercent: 50 },
        fixed_band_342: { method: 'band', minVnd: 2_000, maxVnd: 30_000, pastWorkingAgePercent: 50 },
      },
      // U: 342 is read as having no party-age exemption and no percentage reductions, only exemption for
      // hardship on a committee decision; an administrator corrects this version if the text says otherwise.
      partyAgeExemptionYears: null,
      exemptionReasons: ['hardship'],
      reductionPercents: [],
      reductionMaxMonths: 0,
      roundingUnitVnd: 1,
    } satisfies DuesParams,
  },
  {
    ruleId: 'R-DUE',
    effectiveFrom: '2026-02-01',
    source: 'Quy định 01-QĐ/TW (3/2/2026) về chế độ đảng phí, hiệu lực 1/2/2026',
    params: RULES_01_2026,
  },
  {
    // The step-up written into 01-QĐ/TW itself, kept as its own version so the 2026–2027 numbers stay on record.
    ruleId: 'R-DUE',
    effectiveFrom: '2028-01-01',
    source: 'Quy định 01-QĐ/TW (3/2/2026), mức từ 1/1/2028',
    params: {
      ...RULES_01_2026,
      rates: {
        ...RULES_01_2026.rates,
        no_insurance_below_retirement: { method: 'percent_of_minimum_wage', basisPoints: 50 },
        no_insurance_at_retirement: { method: 'percent_of_minimum_wage', basisPoints: 30 },
      },
    } satisfies DuesParams,
  },
  {
    // R-DUE-01 → R-RMV-01: three months unpaid in a year without good reason.
    ruleId: 'R-DUE-01',
    effectiveFrom: '2011-01-19',
    source: 'Điều lệ Đảng 2011 Art. 8.2; Quy định 01-QĐ/TW (2026)',
    params: { unpaidMonthsThreshold: 3 } satisfies DuesScreeningParams,
  },
];

/** Regions of the regional minimum wage (vùng I–IV). */
export const WAGE_REGIONS = ['I', 'II', 'III', 'IV'] as const;
export type WageRegion = (typeof WAGE_REGIONS)[number];

/** One row of the regional minimum wage table: monthly VND per region, from `effectiveFrom` until the next row. */
export interface RegionalMinimumWageVersion {
  effectiveFrom: IsoDate;
  source: string;
  monthlyVnd: Readonly<Record<WageRegion, number>>;
}

/**
 * The regional minimum monthly wage (the base of 01-QĐ/TW's percentages for members without insurance or pension).
 * The figures below are as widely reported; check them against the decree text before production use. This table
 * is data: an administrator adds a row when a new decree raises the wage, with no code change.
 */
export const REGIONAL_MINIMUM_WAGES: RegionalMinimumWageVersion[] = [
  {
    effectiveFrom: '2024-07-01',
    source: 'Nghị định 74/2024/NĐ-CP',
    monthlyVnd: { I: 4_960_000, II: 4_410_000, III: 3_860_000, IV: 3_450_000 },
  },
  {
    effectiveFrom: '2026-01-01',
    source: 'Nghị định 293/2025/NĐ-CP',
    monthlyVnd: { I: 5_310_000, II: 4_730_000, III: 4_140_000, IV: 3_700_000 },
  },
];
