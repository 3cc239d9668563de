import { z } from 'zod';
import { DUES_EXEMPTION_REASONS, DUES_GROUPS, type DuesExemptionReason, type DuesReductionPercent, WAGE_REGIONS } from '../rules/dues-rule-sets.ts';
import { ZId, ZIsoDate, ZVersion, zRequiredText, zText } from './common.contract.ts';

// Party dues (issue 4, item 2; rules.md R-DUE, R-DUE-01). Money is integer VND; months are 'YYYY-MM'.
// A refused change answers RULE_VIOLATION with params { rule: 'R-DUE', violations: [{ ruleId, code, facts }] }.

export const ZYearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' });
export const ZDuesGroup = z.enum(DUES_GROUPS);
export const ZWageRegion = z.enum(WAGE_REGIONS);
/** Decided exemptions: exemption by party age is computed from the admission date, never recorded. */
export const DECIDED_EXEMPTION_REASONS = ['social_pension_allowance', 'poor_household', 'near_poor_household', 'serious_illness', 'hardship'] as const satisfies readonly Exclude<
  DuesExemptionReason,
  'party_age'
>[];
export const ZDecidedExemptionReason = z.enum(DECIDED_EXEMPTION_REASONS);
export const ZDuesExemptionReason = z.enum(DUES_EXEMPTION_REASONS);
export const ZReductionPercent = z.union([z.literal(30), z.literal(50), z.literal(70)]) satisfies z.ZodType<DuesReductionPercent>;
export const PAYMENT_METHODS = ['cash_to_cell', 'online'] as const;
export const ZPaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof ZPaymentMethod>;

/** A whole number of đồng; 10 billion is far above any monthly base and keeps sums safe integers. */
export const ZVnd = z.number().int().min(0).max(10_000_000_000);
const nullableVnd = ZVnd.nullable()
  .optional()
  .transform((v) => v ?? null);

export const ZMemberIdParams = z.object({ memberId: ZId });
export const ZOrganizationIdParams = z.object({ organizationId: ZId });
export const ZMonthQuery = z.object({ month: ZYearMonth });
export const ZYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ZRuleViolation = z.object({ ruleId: z.string(), code: z.string(), facts: z.record(z.string(), z.unknown()) });
export type RuleViolation = z.infer<typeof ZRuleViolation>;

// ---------------------------------------------------------------- profile (effective-dated versions)

export const ZSetDuesProfile = z.object({
  /** The month the new version applies from (its 1st day is valid_from). */
  fromMonth: ZYearMonth,
  group: ZDuesGroup,
  baseAmountVnd: nullableVnd,
  region: ZWageRegion.nullable()
    .optional()
    .transform((v) => v ?? null),
  onSickOrMaternityLeave: z.boolean().default(false),
  bandAmountVnd: nullableVnd,
  pastWorkingAge: z.boolean().default(false),
  note: zText(500),
  /** Compare-and-set: the open version this one replaces (as last read), or null when the member has none. */
  replaces: z.object({ id: ZId, version: ZVersion }).nullable(),
});
export type SetDuesProfileInput = z.infer<typeof ZSetDuesProfile>;

export const ZDuesProfileVersion = z.object({
  id: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  group: ZDuesGroup,
  baseAmountVnd: z.number().int().nullable(),
  region: ZWageRegion.nullable(),
  onSickOrMaternityLeave: z.boolean(),
  bandAmountVnd: z.number().int().nullable(),
  pastWorkingAge: z.boolean(),
  note: z.string().nullable(),
  /** Closed on its own start day: replaced before it ever applied. */
  superseded: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type DuesProfileVersion = z.infer<typeof ZDuesProfileVersion>;

// ---------------------------------------------------------------- exemptions, reductions, good reasons

export const ZCreateDuesExemption = z.object({
  reason: ZDecidedExemptionReason,
  decisionRef: zRequiredText(120),
  decidedOn: ZIsoDate,
  fromMonth: ZYearMonth,
  toMonth: ZYearMonth.nullable()
    .optional()
    .transform((v) => v ?? null),
  note: zText(500),
});
export type CreateDuesExemptionInput = z.infer<typeof ZCreateDuesExemption>;
export const ZUpdateDuesExemption = ZCreateDuesExemption.extend({ version: ZVersion });
export type UpdateDuesExemptionInput = z.infer<typeof ZUpdateDuesExemption>;

export const ZDuesExemption = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  reason: ZDuesExemptionReason,
  decisionRef: z.string(),
  decidedOn: z.string(),
  fromMonth: z.string(),
  toMonth: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type DuesExemption = z.infer<typeof ZDuesExemption>;

export const ZCreateDuesReduction = z.object({
  percent: ZReductionPercent,
  reason: zRequiredText(500),
  decisionRef: zRequiredText(120),
  decidedOn: ZIsoDate,
  fromMonth: ZYearMonth,
  toMonth: ZYearMonth,
});
export type CreateDuesReductionInput = z.infer<typeof ZCreateDuesReduction>;
export const ZUpdateDuesReduction = ZCreateDuesReduction.extend({ version: ZVersion });
export type UpdateDuesReductionInput = z.infer<typeof ZUpdateDuesReduction>;

export const ZDuesReduction = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  percent: ZReductionPercent,
  reason: z.string(),
  decisionRef: z.string(),
  decidedOn: z.string(),
  fromMonth: z.string(),
  toMonth: z.string(),
  version: z.number().int(),
});
export type DuesReduction = z.infer<typeof ZDuesReduction>;

export const ZCreateGoodReason = z.object({
  month: ZYearMonth,
  reason: zRequiredText(500),
  acceptedBy: zRequiredText(200),
  acceptedOn: ZIsoDate,
  decisionRef: zText(120),
});
export type CreateGoodReasonInput = z.infer<typeof ZCreateGoodReason>;

export const ZGoodReason = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  month: z.string(),
  reason: z.string(),
  acceptedBy: z.string(),
  acceptedOn: z.string(),
  decisionRef: z.string().nullable(),
  version: z.number().int(),
});
export type GoodReason = z.infer<typeof ZGoodReason>;

export const ZVersionQuery = z.object({ version: z.coerce.number().int().positive() });

// ---------------------------------------------------------------- computed amounts

/** What a month's amount was computed from (common/rules/dues.ts DuesBasis), shown as evidence. */
export const ZDuesBasis = z.object({
  group: ZDuesGroup,
  method: z.enum(['percent_of_base', 'percent_of_minimum_wage', 'fixed', 'band', 'exempt']),
  basisPoints: z.number().int().optional(),
  baseKind: z.enum(['salary', 'sick_or_maternity_benefit', 'pension']).optional(),
  baseAmountVnd: z.number().int().optional(),
  region: ZWageRegion.optional(),
  minimumWageVnd: z.number().int().optional(),
  minimumWageSource: z.string().optional(),
  fixedAmountVnd: z.number().int().optional(),
  bandAmountVnd: z.number().int().optional(),
  bandSharePercent: z.number().int().optional(),
});
export type DuesBasisView = z.infer<typeof ZDuesBasis>;

/** One month of one member: null amounts when no profile was in force (nothing is owed then, and nothing is known). */
export const ZDuesMonth = z.object({
  month: z.string(),
  expectedVnd: z.number().int().nullable(),
  fullAmountVnd: z.number().int().nullable(),
  ruleSetSource: z.string().nullable(),
  basis: ZDuesBasis.nullable(),
  exempt: ZDuesExemptionReason.nullable(),
  exemptionDecisionRef: z.string().nullable(),
  reductionPercent: ZReductionPercent.nullable(),
  reductionDecisionRef: z.string().nullable(),
  /** A profile exists but cannot be computed under that month's rules (e.g. a 342 band group after 1/2/2026). */
  problem: z.string().nullable(),
  paidVnd: z.number().int(),
  /** expected − paid; negative when paid more (voluntary extra). null without a profile. */
  balanceVnd: z.number().int().nullable(),
  goodReason: z.boolean(),
});
export type DuesMonth = z.infer<typeof ZDuesMonth>;

export const ZDuesPayment = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  organizationId: z.number().int(),
  forMonth: z.string(),
  amountVnd: z.number().int(),
  paidOn: z.string(),
  method: ZPaymentMethod,
  reference: z.string().nullable(),
  expectedVnd: z.number().int().nullable(),
  /** Set on a reversal row: the payment it cancels. */
  reversesPaymentId: z.number().int().nullable(),
  /** Set on a reversed payment: the reversal row. */
  reversedById: z.number().int().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type DuesPayment = z.infer<typeof ZDuesPayment>;

export const ZDuesArrear = z.object({
  month: z.string(),
  expectedVnd: z.number().int(),
  paidVnd: z.number().int(),
  shortfallVnd: z.number().int(),
});
export type DuesArrearView = z.infer<typeof ZDuesArrear>;

/** R-DUE-01 for one year: months unpaid without good reason, and whether they reach the threshold. */
export const ZDuesScreening = z.object({
  year: z.number().int(),
  months: z.array(z.string()),
  threshold: z.number().int(),
  flagged: z.boolean(),
});

export const ZOrgRef = z.object({ id: z.number().int(), name: z.string(), kind: z.string() });

export const ZMemberDues = z.object({
  member: z.object({
    id: z.number().int(),
    fullName: z.string(),
    birthDate: z.string(),
    status: z.string(),
    admissionDecisionDate: z.string().nullable(),
    organization: ZOrgRef,
  }),
  asOf: z.string(),
  year: z.number().int(),
  profiles: z.array(ZDuesProfileVersion),
  current: ZDuesProfileVersion.nullable(),
  exemptions: z.array(ZDuesExemption),
  reductions: z.array(ZDuesReduction),
  goodReasons: z.array(ZGoodReason),
  months: z.array(ZDuesMonth),
  payments: z.array(ZDuesPayment),
  arrears: z.array(ZDuesArrear),
  arrearsTotalVnd: z.number().int(),
  screening: ZDuesScreening,
});
export type MemberDues = z.infer<typeof ZMemberDues>;

// ---------------------------------------------------------------- payments

export const ZPaymentItem = z.object({
  memberId: ZId,
  forMonth: ZYearMonth,
  /** Positive: a correction is a reversal, never a negative payment. */
  amountVnd: ZVnd.min(1),
  method: ZPaymentMethod.optional(),
  reference: zText(120),
});

export const ZRecordPayments = z.object({
  /** The client's key for this submission: sending it again returns the first result and records nothing more. */
  idempotencyKey: z.string().trim().min(8).max(80).optional(),
  paidOn: ZIsoDate,
  method: ZPaymentMethod.default('cash_to_cell'),
  note: zText(300),
  items: z.array(ZPaymentItem).min(1).max(1000),
});
export type RecordPaymentsInput = z.infer<typeof ZRecordPayments>;

export const ZRecordPaymentsResult = z.object({
  batchId: z.number().int(),
  /** True when the idempotency key had been used: nothing new was recorded. */
  replayed: z.boolean(),
  payments: z.array(ZDuesPayment),
});
export type RecordPaymentsResult = z.infer<typeof ZRecordPaymentsResult>;

export const ZReversePayment = z.object({ reason: zRequiredText(300) });

// ---------------------------------------------------------------- a cell's collection sheet

export const ZCollectionRow = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  birthDate: z.string(),
  status: z.string(),
  hasProfile: z.boolean(),
  group: ZDuesGroup.nullable(),
  expectedVnd: z.number().int().nullable(),
  fullAmountVnd: z.number().int().nullable(),
  basis: ZDuesBasis.nullable(),
  exempt: ZDuesExemptionReason.nullable(),
  reductionPercent: ZReductionPercent.nullable(),
  problem: z.string().nullable(),
  paidVnd: z.number().int(),
  balanceVnd: z.number().int().nullable(),
  payments: z.array(ZDuesPayment),
  /** Months of the 12 before this one not fully paid. */
  monthsInArrearsBefore: z.number().int(),
});
export type CollectionRow = z.infer<typeof ZCollectionRow>;

export const ZCollectionSheet = z.object({
  organization: ZOrgRef,
  parent: ZOrgRef.nullable(),
  month: z.string(),
  asOf: z.string(),
  ruleSetSource: z.string().nullable(),
  rows: z.array(ZCollectionRow),
  totals: z.object({
    members: z.number().int(),
    expectedVnd: z.number().int(),
    paidVnd: z.number().int(),
    outstandingVnd: z.number().int(),
    /** Members owing something this month (exempt and unknown amounts left out). */
    owing: z.number().int(),
    /** Of those, how many have paid it all. */
    paidInFull: z.number().int(),
    withoutProfile: z.number().int(),
  }),
});
export type CollectionSheet = z.infer<typeof ZCollectionSheet>;

// ---------------------------------------------------------------- arrears of a cell

export const ZArrearsQuery = z.object({ asOf: ZIsoDate.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ZCellArrears = z.object({
  organization: ZOrgRef,
  asOf: z.string(),
  year: z.number().int(),
  /** First month looked at (the 60 months before asOf at most). */
  from: z.string(),
  threshold: z.number().int(),
  memberCount: z.number().int(),
  rows: z.array(
    z.object({
      memberId: z.number().int(),
      fullName: z.string(),
      status: z.string(),
      months: z.array(ZDuesArrear),
      shortfallVnd: z.number().int(),
      /** R-DUE-01: months of `year` unpaid without good reason. */
      unpaidInYear: z.array(z.string()),
      flagged: z.boolean(),
    }),
  ),
  totalShortfallVnd: z.number().int(),
});
export type CellArrears = z.infer<typeof ZCellArrears>;

// ---------------------------------------------------------------- collected vs expected per month

export const ZMonthlySeriesQuery = z.object({
  from: ZYearMonth,
  to: ZYearMonth,
  subtree: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const ZMonthlySeries = z.object({
  organization: ZOrgRef,
  from: z.string(),
  to: z.string(),
  subtree: z.boolean(),
  memberCount: z.number().int(),
  months: z.array(
    z.object({
      month: z.string(),
      expectedVnd: z.number().int(),
      /** Paid for the month (advance and late payments included), members of today's scope. */
      paidVnd: z.number().int(),
      /** Cash received in the month (by payment date), whatever month it was for. */
      collectedVnd: z.number().int(),
    }),
  ),
});
export type MonthlySeries = z.infer<typeof ZMonthlySeries>;

// ---------------------------------------------------------------- remittances to the organization above

export const ZCreateRemittance = z.object({
  month: ZYearMonth,
  amountVnd: ZVnd.min(1),
  remittedOn: ZIsoDate,
  reference: zText(120),
  note: zText(500),
});
export type CreateRemittanceInput = z.infer<typeof ZCreateRemittance>;
export const ZUpdateRemittance = ZCreateRemittance.extend({ version: ZVersion });
export type UpdateRemittanceInput = z.infer<typeof ZUpdateRemittance>;
export const ZReceiveRemittance = z.object({ receivedOn: ZIsoDate, receivedBy: zRequiredText(200), version: ZVersion });
export type ReceiveRemittanceInput = z.infer<typeof ZReceiveRemittance>;

export const ZRemittance = z.object({
  id: z.number().int(),
  organization: ZOrgRef,
  toOrganization: ZOrgRef,
  month: z.string(),
  amountVnd: z.number().int(),
  remittedOn: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  receivedBy: z.string().nullable(),
  receivedOn: z.string().nullable(),
  version: z.number().int(),
  /** The actor may confirm receipt: the organization above is in the actor's scope. */
  canReceive: z.boolean(),
});
export type Remittance = z.infer<typeof ZRemittance>;

export const ZReconciliation = z.object({
  organization: ZOrgRef,
  parent: ZOrgRef.nullable(),
  year: z.number().int(),
  months: z.array(
    z.object({
      month: z.string(),
      /** What the cell's members owed for the month (computed). */
      expectedVnd: z.number().int(),
      /** What the cell collected in the month (payment date), net of reversals. */
      collectedVnd: z.number().int(),
      remittedVnd: z.number().int(),
      /** collected − remitted: money the cell still holds (positive) or remitted beyond what it collected (negative). */
      differenceVnd: z.number().int(),
      remittances: z.array(ZRemittance),
    }),
  ),
  totals: z.object({ expectedVnd: z.number().int(), collectedVnd: z.number().int(), remittedVnd: z.number().int(), differenceVnd: z.number().int() }),
});
export type Reconciliation = z.infer<typeof ZReconciliation>;

export const ZIncomingRemittances = z.object({
  organization: ZOrgRef,
  year: z.number().int(),
  items: z.array(ZRemittance.extend({ collectedVnd: z.number().int() })),
});
export type IncomingRemittances = z.infer<typeof ZIncomingRemittances>;

// ---------------------------------------------------------------- regional minimum wages (effective-dated, admin-extendable)

export const ZMinimumWage = z.object({
  id: z.number().int(),
  effectiveFrom: z.string(),
  source: z.string(),
  monthlyVnd: z.object({ I: z.number().int(), II: z.number().int(), III: z.number().int(), IV: z.number().int() }),
  createdBy: z.string().nullable(),
});
export type MinimumWage = z.infer<typeof ZMinimumWage>;
export const ZMinimumWages = z.object({ items: z.array(ZMinimumWage) });

export const ZCreateMinimumWage = z.object({
  effectiveFrom: ZIsoDate,
  source: zRequiredText(200),
  monthlyVnd: z.object({ I: ZVnd.min(1), II: ZVnd.min(1), III: ZVnd.min(1), IV: ZVnd.min(1) }),
});
export type CreateMinimumWageInput = z.infer<typeof ZCreateMinimumWage>;
