import type { Transaction } from 'kysely';
import { ACTIVE_STATUSES, type MemberStatus } from '../../../common/contracts/members.contract.ts';
import type {
  CellArrears,
  CollectionRow,
  CollectionSheet,
  CreateDuesExemptionInput,
  CreateDuesReductionInput,
  CreateGoodReasonInput,
  CreateMinimumWageInput,
  CreateRemittanceInput,
  DuesArrearView,
  DuesBasisView,
  DuesExemption,
  DuesMonth,
  DuesPayment as DuesPaymentView,
  DuesProfileVersion,
  DuesReduction,
  GoodReason,
  IncomingRemittances,
  MemberDues,
  MinimumWage,
  MonthlySeries,
  PaymentMethod,
  ReceiveRemittanceInput,
  Reconciliation,
  RecordPaymentsInput,
  RecordPaymentsResult,
  Remittance,
  RuleViolation,
  SetDuesProfileInput,
  UpdateDuesExemptionInput,
  UpdateDuesReductionInput,
  UpdateRemittanceInput,
} from '../../../common/contracts/dues.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import {
  addYearMonths,
  checkDuesPaidInYear,
  checkDuesProfile,
  type DuesExemptionDecision,
  type DuesGoodReason,
  type DuesPayment,
  type DuesProfile,
  type DuesReductionDecision,
  duesArrears,
  type PartyAgeFacts,
  profileInForce,
  unpaidMonthsInYear,
  type YearMonth,
  yearMonthOf,
} from '../../../common/rules/dues.ts';
import {
  DUES_RULE_SETS,
  type DuesExemptionReason,
  type DuesGroup,
  type DuesReductionPercent,
  type DuesScreeningParams,
  type RegionalMinimumWageVersion,
  type WageRegion,
} from '../../../common/rules/dues-rule-sets.ts';
import { daysInMonth, todayInVietnam } from '../../../common/rules/iso-date.ts';
import { paramsInForce, violations } from '../../../common/rules/rule-check.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { isPathInScope } from '../../policy/scope.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import { buildCollectionWorkbook } from './dues.export.ts';
import { type DuesRules, duesOfMonth, expectedByMonth, firstProfileMonth, type MemberDuesFacts, monthsFromTo, paidByMonth } from './dues.ledger.ts';
import * as repo from './dues.repo.ts';

type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;
type Q = Db | Trx;

/** How far back a cell's arrears are looked for (months), and how far ahead a payment may be made in advance. */
const ARREARS_WINDOW_MONTHS = 60;
const ADVANCE_LIMIT_MONTHS = 24;
const SERIES_MAX_MONTHS = 36;
/** A subtree chart computes every member's months in memory; beyond this the request is refused (a province needs a cache). */
const SERIES_MAX_MEMBERS = 50_000;

// ---------------------------------------------------------------- helpers

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

/** RULE_VIOLATION with the failing checks; a check failing under several rule-set versions is named once (the earliest). */
function ruleViolation(list: RuleViolation[]): never {
  const seen = new Set<string>();
  const distinct = list.filter((v) => !seen.has(`${v.ruleId}:${v.code}`) && seen.add(`${v.ruleId}:${v.code}`));
  throw new DomainError('RULE_VIOLATION', { rule: [...new Set(distinct.map((v) => v.ruleId))].join(', '), violations: distinct });
}

async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // The audit-chain lock first: on PostgreSQL two changes never interleave (the compare-and-sets rely on it).
    await lockAuditChain(trx);
    return work(trx);
  });
}

const today = (ctx: Ctx) => todayInVietnam(ctx.now);
const lastDayOf = (month: YearMonth) => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function groupByMember<T extends { member_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(r.member_id);
    if (list) list.push(r);
    else map.set(r.member_id, [r]);
  }
  return map;
}

/**
 * The organization-level views (a cell's sheet, arrears, chart, remittances) are for officials: with reach 'self' (the
 * member role) no organization is in scope, so they answer NOT_FOUND like any out-of-scope id.
 */
function requireOfficial(ctx: Ctx) {
  if (ctx.actor.reach === 'self') throw new DomainError('NOT_FOUND');
}

async function loadRules(db: Q): Promise<DuesRules> {
  const rows = await repo.listMinimumWages(db);
  const wages: RegionalMinimumWageVersion[] = rows.map((r) => ({
    effectiveFrom: r.effective_from,
    source: r.source,
    monthlyVnd: { I: r.region_i_vnd, II: r.region_ii_vnd, III: r.region_iii_vnd, IV: r.region_iv_vnd },
  }));
  return { ruleSets: DUES_RULE_SETS, wages };
}

/** The source of the R-DUE rule-set version in force on the month's 1st day. */
function ruleSetSourceOf(month: YearMonth): string | null {
  const day = `${month}-01`;
  let best: (typeof DUES_RULE_SETS)[number] | null = null;
  for (const v of DUES_RULE_SETS) if (v.ruleId === 'R-DUE' && v.effectiveFrom <= day && (!best || v.effectiveFrom >= best.effectiveFrom)) best = v;
  return best?.source ?? null;
}

function profileOf(r: repo.ProfileRow): DuesProfile {
  return {
    validFrom: r.valid_from,
    validTo: r.valid_to,
    group: r.dues_group as DuesGroup,
    baseAmountVnd: r.base_amount_vnd ?? undefined,
    region: (r.region as WageRegion | null) ?? undefined,
    onSickOrMaternityLeave: r.on_sick_or_maternity_leave === 1,
    bandAmountVnd: r.band_amount_vnd ?? undefined,
    pastWorkingAge: r.past_working_age === 1,
  };
}

const exemptionOf = (r: { reason: string; decision_ref: string; from_month: string; to_month: string | null }): DuesExemptionDecision => ({
  reason: r.reason as DuesExemptionDecision['reason'],
  decisionRef: r.decision_ref,
  from: r.from_month,
  to: r.to_month,
});

const reductionOf = (r: { percent: number; decision_ref: string; from_month: string; to_month: string }): DuesReductionDecision => ({
  percent: r.percent as DuesReductionPercent,
  decisionRef: r.decision_ref,
  from: r.from_month,
  to: r.to_month,
});

const partyAgeOf = (admissionDecisionDate: string | null): PartyAgeFacts | undefined => (admissionDecisionDate ? { admittedOn: admissionDecisionDate } : undefined);

interface FactsBundle {
  facts: Map<number, MemberDuesFacts>;
  profiles: Map<number, Awaited<ReturnType<typeof repo.listProfiles>>>;
  exemptions: Map<number, Awaited<ReturnType<typeof repo.listExemptions>>>;
  reductions: Map<number, Awaited<ReturnType<typeof repo.listReductions>>>;
}

/** The stored facts of many members at once, grouped per member. */
async function loadFacts(db: Q, members: readonly { id: number; admission_decision_date: string | null }[]): Promise<FactsBundle> {
  const ids = members.map((m) => m.id);
  const [profiles, exemptions, reductions] = await Promise.all([repo.listProfiles(db, ids), repo.listExemptions(db, ids), repo.listReductions(db, ids)]);
  const p = groupByMember(profiles);
  const e = groupByMember(exemptions);
  const r = groupByMember(reductions);
  const facts = new Map<number, MemberDuesFacts>();
  for (const m of members) {
    facts.set(m.id, {
      profiles: (p.get(m.id) ?? []).map(profileOf),
      exemptions: (e.get(m.id) ?? []).map(exemptionOf),
      reductions: (r.get(m.id) ?? []).map(reductionOf),
      partyAge: partyAgeOf(m.admission_decision_date),
    });
  }
  return { facts, profiles: p, exemptions: e, reductions: r };
}

const paymentOf = (r: repo.PaymentView): DuesPayment => ({ forMonth: r.for_month, paidOn: r.paid_on, amountVnd: r.amount_vnd });

function presentPayment(r: repo.PaymentView): DuesPaymentView {
  return {
    id: r.id,
    memberId: r.member_id,
    organizationId: r.organization_id,
    forMonth: r.for_month,
    amountVnd: r.amount_vnd,
    paidOn: r.paid_on,
    method: r.method as PaymentMethod,
    reference: r.reference,
    expectedVnd: r.expected_vnd,
    reversesPaymentId: r.reverses_payment_id,
    reversedById: r.reversed_by_id ?? null,
    note: r.note,
    recordedBy: r.recorded_by_name ?? null,
    recordedAt: r.recorded_at,
  };
}

function presentProfile(r: repo.ProfileRow & { created_by_name?: string | null }): DuesProfileVersion {
  return {
    id: r.id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    group: r.dues_group as DuesGroup,
    baseAmountVnd: r.base_amount_vnd,
    region: r.region as WageRegion | null,
    onSickOrMaternityLeave: r.on_sick_or_maternity_leave === 1,
    bandAmountVnd: r.band_amount_vnd,
    pastWorkingAge: r.past_working_age === 1,
    note: r.note,
    superseded: r.valid_to !== null && r.valid_to <= r.valid_from,
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by_name ?? null,
  };
}

const presentExemption = (r: Awaited<ReturnType<typeof repo.listExemptions>>[number]): DuesExemption => ({
  id: r.id,
  memberId: r.member_id,
  reason: r.reason as DuesExemptionReason,
  decisionRef: r.decision_ref,
  decidedOn: r.decided_on,
  fromMonth: r.from_month,
  toMonth: r.to_month,
  note: r.note,
  version: r.version,
});

const presentReduction = (r: Awaited<ReturnType<typeof repo.listReductions>>[number]): DuesReduction => ({
  id: r.id,
  memberId: r.member_id,
  percent: r.percent as DuesReductionPercent,
  reason: r.reason,
  decisionRef: r.decision_ref,
  decidedOn: r.decided_on,
  fromMonth: r.from_month,
  toMonth: r.to_month,
  version: r.version,
});

const presentGoodReason = (r: Awaited<ReturnType<typeof repo.listGoodReasons>>[number]): GoodReason => ({
  id: r.id,
  memberId: r.member_id,
  month: r.month,
  reason: r.reason,
  acceptedBy: r.accepted_by,
  acceptedOn: r.accepted_on,
  decisionRef: r.decision_ref,
  version: r.version,
});

/** One month of one member, as the collection sheet and the member's page show it. */
function monthLine(facts: MemberDuesFacts, month: YearMonth, paid: number, goodReason: boolean, rules: DuesRules): DuesMonth {
  const o = duesOfMonth(facts, month, rules);
  const base = {
    month,
    exempt: null,
    exemptionDecisionRef: null,
    reductionPercent: null,
    reductionDecisionRef: null,
    paidVnd: paid,
    goodReason,
  };
  if (o.kind === 'none') return { ...base, expectedVnd: null, fullAmountVnd: null, ruleSetSource: ruleSetSourceOf(month), basis: null, problem: null, balanceVnd: null };
  if (o.kind === 'problem') return { ...base, expectedVnd: null, fullAmountVnd: null, ruleSetSource: ruleSetSourceOf(month), basis: null, problem: o.code, balanceVnd: null };
  const d = o.dues;
  return {
    ...base,
    expectedVnd: d.amount,
    fullAmountVnd: d.fullAmount,
    ruleSetSource: d.ruleSetSource,
    basis: d.basis as DuesBasisView,
    exempt: d.exempt ?? null,
    exemptionDecisionRef: d.exemptionDecisionRef ?? null,
    reductionPercent: d.reductionPercent ?? null,
    reductionDecisionRef: d.reductionDecisionRef ?? null,
    problem: null,
    balanceVnd: d.amount - paid,
  };
}

function screeningOf(year: number, expected: Record<YearMonth, number>, payments: DuesPayment[], reasons: DuesGoodReason[], asOf: string) {
  const check = checkDuesPaidInYear(year, expected, payments, reasons, asOf, DUES_RULE_SETS);
  return { year, months: check.facts.months as string[], threshold: check.facts.threshold as number, flagged: !check.ok };
}

// ---------------------------------------------------------------- a member's dues

async function loadMember(db: Q, ctx: Ctx, memberId: number) {
  const m = await repo.findMemberInScope(db, ctx.actor, memberId);
  if (!m) throw new DomainError('NOT_FOUND');
  return m;
}

/** R-DUE for one member: profile history, decisions, the year's months, payments, arrears up to today and R-DUE-01. */
export async function getMemberDues(db: Db, ctx: Ctx, memberId: number, year?: number): Promise<MemberDues> {
  const m = await loadMember(db, ctx, memberId);
  const asOf = today(ctx);
  const y = year ?? Number(asOf.slice(0, 4));
  const rules = await loadRules(db);
  const [bundle, payments, reasons] = await Promise.all([
    loadFacts(db, [m]),
    repo.listPayments(db, [m.id], '0001-01', '9999-12'),
    repo.listGoodReasons(db, [m.id]),
  ]);
  const facts = bundle.facts.get(m.id)!;
  const profileRows = bundle.profiles.get(m.id) ?? [];
  const paid = paidByMonth(payments.map(paymentOf));
  const excused = new Set(reasons.map((r) => r.month));
  const yearMonths = monthsFromTo(`${y}-01`, `${y}-12`);
  const lastEnded = addYearMonths(yearMonthOf(asOf), -1);
  const first = firstProfileMonth(facts);
  const expected = first && first <= lastEnded ? expectedByMonth(facts, first, lastEnded, rules) : {};
  const arrears: DuesArrearView[] = duesArrears(expected, payments.map(paymentOf), asOf);
  const yearExpected = expectedByMonth(facts, `${y}-01`, `${y}-12`, rules);
  const open = profileRows.find((r) => r.valid_to === null) ?? null;
  return {
    member: {
      id: m.id,
      fullName: m.full_name,
      birthDate: m.birth_date,
      status: m.status,
      admissionDecisionDate: m.admission_decision_date,
      organization: { id: m.organization_id, name: m.organization_name, kind: m.organization_kind },
    },
    asOf,
    year: y,
    profiles: [...profileRows].reverse().map(presentProfile),
    current: open ? presentProfile(open) : null,
    exemptions: (bundle.exemptions.get(m.id) ?? []).map(presentExemption),
    reductions: (bundle.reductions.get(m.id) ?? []).map(presentReduction),
    goodReasons: reasons.map(presentGoodReason),
    months: yearMonths.map((month) => monthLine(facts, month, paid.get(month) ?? 0, excused.has(month), rules)),
    payments: [...payments].sort((a, b) => (a.for_month === b.for_month ? b.id - a.id : a.for_month < b.for_month ? 1 : -1)).map(presentPayment),
    arrears,
    arrearsTotalVnd: sum(arrears.map((a) => a.shortfallVnd)),
    screening: screeningOf(y, yearExpected, payments.map(paymentOf), reasons.map((r) => ({ month: r.month, reason: r.reason })), asOf),
  };
}

function requireActive(status: string) {
  if (!(ACTIVE_STATUSES as readonly string[]).includes(status as MemberStatus)) throw new DomainError('MEMBER_NOT_ACTIVE');
}

/**
 * A new profile version from `fromMonth` (R-DUE): the open version (compare-and-set on the one the client read) is
 * closed on that month's 1st day and the new one inserted, so the history stays. The profile must be computable under
 * every rule-set version it will be judged by (checkDuesProfile), e.g. a version spanning 1/2/2026 needs both the 342
 * band sum and the 01-QĐ/TW region when the group is paid that way.
 */
export async function setDuesProfile(db: Db, ctx: Ctx, memberId: number, input: SetDuesProfileInput): Promise<DuesProfileVersion> {
  const id = await inTransaction(db, async (trx) => {
    const m = await loadMember(trx, ctx, memberId);
    requireActive(m.status);
    const open = await repo.findOpenProfile(trx, memberId);
    const stale = input.replaces === null ? open !== undefined : !open || open.id !== input.replaces.id || open.version !== input.replaces.version;
    if (stale) throw new DomainError('CONFLICT', { id: open?.id ?? null, version: open?.version ?? null });
    const validFrom = `${input.fromMonth}-01`;
    if (open && validFrom < open.valid_from) invalid({ path: 'fromMonth', code: 'before_current_version', params: { validFrom: open.valid_from } });
    const profile: DuesProfile = {
      validFrom,
      validTo: null,
      group: input.group,
      baseAmountVnd: input.baseAmountVnd ?? undefined,
      region: input.region ?? undefined,
      onSickOrMaternityLeave: input.onSickOrMaternityLeave,
      bandAmountVnd: input.bandAmountVnd ?? undefined,
      pastWorkingAge: input.pastWorkingAge,
    };
    const failed = violations(checkDuesProfile(profile, DUES_RULE_SETS, (await loadRules(trx)).wages));
    if (failed.length) ruleViolation(failed);
    const at = ctx.now.toISOString();
    const row = {
      member_id: memberId,
      dues_group: input.group,
      base_amount_vnd: input.baseAmountVnd,
      region: input.region,
      on_sick_or_maternity_leave: input.onSickOrMaternityLeave ? 1 : 0,
      band_amount_vnd: input.bandAmountVnd,
      past_working_age: input.pastWorkingAge ? 1 : 0,
      note: input.note,
    };
    if (open && !(await repo.closeProfileIfVersion(trx, open.id, open.version, validFrom, ctx.actor.userId, at))) throw new DomainError('CONFLICT', { id: open.id });
    const created = await repo.insertProfile(trx, { ...row, valid_from: validFrom, valid_to: null, version: 1, created_by: ctx.actor.userId, created_at: at });
    const changed = open
      ? [...(Object.keys(row) as (keyof typeof row)[]).filter((k) => k !== 'member_id' && open[k] !== row[k]), 'valid_from']
      : ['profile'];
    await appendAudit(trx, ctx, { action: 'dues.profile.set', objectType: 'member', objectId: memberId, changedFields: changed });
    return created.id;
  });
  const rows = await repo.listProfiles(db, [memberId]);
  return presentProfile(rows.find((r) => r.id === id)!);
}

/** The decision checks of R-DUE (reason or percent allowed by the rule set of the first month, ≤ 12 months, a reference). */
function decisionViolations(decision: { exemption?: DuesExemptionDecision; reduction?: DuesReductionDecision }, wages: readonly RegionalMinimumWageVersion[]): RuleViolation[] {
  const from = (decision.exemption ?? decision.reduction)!.from;
  // A probe profile in force on no day: only the decision's own checks can fail.
  const probe: DuesProfile = { validFrom: `${from}-01`, validTo: `${from}-01`, group: 'student', ...decision };
  return violations(checkDuesProfile(probe, DUES_RULE_SETS, wages));
}

function overlaps(a: { from: string; to: string | null }, b: { from: string; to: string | null }) {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

function checkDecisionDates(decidedOn: string, fromMonth: string, toMonth: string | null, asOf: string) {
  const issues: FieldIssue[] = [];
  if (decidedOn > asOf) issues.push({ path: 'decidedOn', code: 'date_in_future' });
  if (toMonth !== null && toMonth < fromMonth) issues.push({ path: 'toMonth', code: 'before_from_month' });
  if (issues.length) invalid(...issues);
}

export async function createDuesExemption(db: Db, ctx: Ctx, memberId: number, input: CreateDuesExemptionInput): Promise<DuesExemption> {
  return saveExemption(db, ctx, memberId, null, input);
}

export async function updateDuesExemption(db: Db, ctx: Ctx, id: number, input: UpdateDuesExemptionInput): Promise<DuesExemption> {
  const row = await repo.findExemption(db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return saveExemption(db, ctx, row.member_id, { id, version: input.version }, input);
}

async function saveExemption(db: Db, ctx: Ctx, memberId: number, existing: { id: number; version: number } | null, input: CreateDuesExemptionInput): Promise<DuesExemption> {
  const id = await inTransaction(db, async (trx) => {
    await loadMember(trx, ctx, memberId);
    checkDecisionDates(input.decidedOn, input.fromMonth, input.toMonth, today(ctx));
    const decision: DuesExemptionDecision = { reason: input.reason, decisionRef: input.decisionRef, from: input.fromMonth, to: input.toMonth };
    const failed = decisionViolations({ exemption: decision }, (await loadRules(trx)).wages);
    if (failed.length) ruleViolation(failed);
    const others = (await repo.listExemptions(trx, [memberId])).filter((e) => e.id !== existing?.id);
    const clash = others.find((e) => overlaps({ from: e.from_month, to: e.to_month }, decision));
    if (clash) invalid({ path: 'fromMonth', code: 'decision_overlap', params: { decisionRef: clash.decision_ref, fromMonth: clash.from_month, toMonth: clash.to_month } });
    const at = ctx.now.toISOString();
    const values = {
      reason: input.reason,
      decision_ref: input.decisionRef,
      decided_on: input.decidedOn,
      from_month: input.fromMonth,
      to_month: input.toMonth,
      note: input.note,
      updated_at: at,
    };
    let rowId: number;
    if (existing) {
      if (!(await repo.updateExemptionIfVersion(trx, existing.id, existing.version, values))) throw new DomainError('CONFLICT', { id: existing.id });
      rowId = existing.id;
    } else {
      rowId = (await repo.insertExemption(trx, { ...values, member_id: memberId, version: 1, created_by: ctx.actor.userId, created_at: at })).id;
    }
    await appendAudit(trx, ctx, {
      action: existing ? 'dues.exemption.update' : 'dues.exemption.create',
      objectType: 'dues_exemption',
      objectId: rowId,
      changedFields: Object.keys(values).filter((k) => k !== 'updated_at'),
    });
    return rowId;
  });
  return presentExemption((await repo.findExemption(db, id))!);
}

export async function createDuesReduction(db: Db, ctx: Ctx, memberId: number, input: CreateDuesReductionInput): Promise<DuesReduction> {
  return saveReduction(db, ctx, memberId, null, input);
}

export async function updateDuesReduction(db: Db, ctx: Ctx, id: number, input: UpdateDuesReductionInput): Promise<DuesReduction> {
  const row = await repo.findReduction(db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return saveReduction(db, ctx, row.member_id, { id, version: input.version }, input);
}

async function saveReduction(db: Db, ctx: Ctx, memberId: number, existing: { id: number; version: number } | null, input: CreateDuesReductionInput): Promise<DuesReduction> {
  const id = await inTransaction(db, async (trx) => {
    await loadMember(trx, ctx, memberId);
    checkDecisionDates(input.decidedOn, input.fromMonth, input.toMonth, today(ctx));
    const decision: DuesReductionDecision = { percent: input.percent, decisionRef: input.decisionRef, from: input.fromMonth, to: input.toMonth };
    const failed = decisionViolations({ reduction: decision }, (await loadRules(trx)).wages);
    if (failed.length) ruleViolation(failed);
    const others = (await repo.listReductions(trx, [memberId])).filter((e) => e.id !== existing?.id);
    const clash = others.find((e) => overlaps({ from: e.from_month, to: e.to_month }, decision));
    if (clash) invalid({ path: 'fromMonth', code: 'decision_overlap', params: { decisionRef: clash.decision_ref, fromMonth: clash.from_month, toMonth: clash.to_month } });
    const at = ctx.now.toISOString();
    const values = {
      percent: input.percent,
      reason: input.reason,
      decision_ref: input.decisionRef,
      decided_on: input.decidedOn,
      from_month: input.fromMonth,
      to_month: input.toMonth,
      updated_at: at,
    };
    let rowId: number;
    if (existing) {
      if (!(await repo.updateReductionIfVersion(trx, existing.id, existing.version, values))) throw new DomainError('CONFLICT', { id: existing.id });
      rowId = existing.id;
    } else {
      rowId = (await repo.insertReduction(trx, { ...values, member_id: memberId, version: 1, created_by: ctx.actor.userId, created_at: at })).id;
    }
    await appendAudit(trx, ctx, {
      action: existing ? 'dues.reduction.update' : 'dues.reduction.create',
      objectType: 'dues_reduction',
      objectId: rowId,
      changedFields: Object.keys(values).filter((k) => k !== 'updated_at'),
    });
    return rowId;
  });
  return presentReduction((await repo.findReduction(db, id))!);
}

/** R-DUE-01: the cell accepts a good reason for a month unpaid; that month no longer counts toward name removal. */
export async function createGoodReason(db: Db, ctx: Ctx, memberId: number, input: CreateGoodReasonInput): Promise<GoodReason> {
  if (input.acceptedOn > today(ctx)) invalid({ path: 'acceptedOn', code: 'date_in_future' });
  try {
    const id = await inTransaction(db, async (trx) => {
      await loadMember(trx, ctx, memberId);
      const row = await repo.insertGoodReason(trx, {
        member_id: memberId,
        month: input.month,
        reason: input.reason,
        accepted_by: input.acceptedBy,
        accepted_on: input.acceptedOn,
        decision_ref: input.decisionRef,
        version: 1,
        created_by: ctx.actor.userId,
        created_at: ctx.now.toISOString(),
      });
      await appendAudit(trx, ctx, { action: 'dues.good_reason.create', objectType: 'dues_good_reason', objectId: row.id, changedFields: ['month', 'reason', 'accepted_by'] });
      return row.id;
    });
    return presentGoodReason((await repo.findGoodReason(db, id))!);
  } catch (err) {
    if (!(err instanceof DomainError) && isUniqueViolation(err)) invalid({ path: 'month', code: 'good_reason_exists' });
    throw err;
  }
}

export async function deleteGoodReason(db: Db, ctx: Ctx, id: number, version: number): Promise<{ ok: true }> {
  await inTransaction(db, async (trx) => {
    const row = await repo.findGoodReason(trx, id);
    if (!row) throw new DomainError('NOT_FOUND');
    await loadMember(trx, ctx, row.member_id);
    if (!(await repo.deleteGoodReasonIfVersion(trx, id, version))) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'dues.good_reason.delete', objectType: 'dues_good_reason', objectId: id, changedFields: ['good_reason'] });
  });
  return { ok: true };
}

// ---------------------------------------------------------------- payments

/**
 * Payments for many members at once (the collection screen), in one transaction with one audit row. Each line is for
 * a member and a month; advance and late payments are lines whose month differs from the payment date's. The amount
 * computed for the month is cached on the row for audit (never read back as truth). A repeated submission with the
 * same idempotency key records nothing and returns the first result.
 */
export async function recordPayments(db: Db, ctx: Ctx, input: RecordPaymentsInput): Promise<RecordPaymentsResult> {
  const asOf = today(ctx);
  const issues: FieldIssue[] = [];
  if (input.paidOn > asOf) issues.push({ path: 'paidOn', code: 'date_in_future' });
  const latest = addYearMonths(yearMonthOf(asOf), ADVANCE_LIMIT_MONTHS);
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    const key = `${item.memberId}:${item.forMonth}`;
    if (seen.has(key)) issues.push({ path: `items.${i}.forMonth`, code: 'duplicate_item' });
    seen.add(key);
    if (item.forMonth > latest) issues.push({ path: `items.${i}.forMonth`, code: 'advance_too_far', params: { latest } });
    if ((item.method ?? input.method) === 'online' && !item.reference) issues.push({ path: `items.${i}.reference`, code: 'reference_required' });
  });
  if (issues.length) invalid(...issues);

  const result = await inTransaction(db, async (trx) => {
    if (input.idempotencyKey) {
      const earlier = await repo.findBatchByKey(trx, input.idempotencyKey);
      if (earlier) {
        if (earlier.recorded_by !== ctx.actor.userId) throw new DomainError('CONFLICT', { idempotencyKey: 'used' });
        return { batchId: earlier.id, replayed: true };
      }
    }
    const ids = [...new Set(input.items.map((i) => i.memberId))];
    const members = await repo.findMembersInScope(trx, ctx.actor, ids);
    if (members.length !== ids.length) throw new DomainError('NOT_FOUND');
    const byId = new Map(members.map((m) => [m.id, m]));
    const [rules, bundle] = await Promise.all([loadRules(trx), loadFacts(trx, members)]);
    const at = ctx.now.toISOString();
    const batch = await repo.insertBatch(trx, {
      idempotency_key: input.idempotencyKey ?? null,
      kind: 'collection',
      item_count: input.items.length,
      recorded_by: ctx.actor.userId,
      recorded_at: at,
    });
    await repo.insertPayments(
      trx,
      input.items.map((item) => {
        const o = duesOfMonth(bundle.facts.get(item.memberId)!, item.forMonth, rules);
        const method = item.method ?? input.method;
        return {
          batch_id: batch.id,
          member_id: item.memberId,
          organization_id: byId.get(item.memberId)!.organization_id,
          for_month: item.forMonth,
          amount_vnd: item.amountVnd,
          paid_on: input.paidOn,
          method,
          reference: item.reference ?? null,
          expected_vnd: o.kind === 'due' ? o.dues.amount : null,
          reverses_payment_id: null,
          note: input.note,
          recorded_by: ctx.actor.userId,
        };
      }),
    );
    await appendAudit(trx, ctx, {
      action: 'dues.payments.record',
      objectType: 'dues_payment_batch',
      objectId: batch.id,
      changedFields: ['member_id', 'for_month', 'amount_vnd', 'paid_on', 'method'],
    });
    return { batchId: batch.id, replayed: false };
  });
  const rows = await repo.listPaymentsOfBatch(db, result.batchId);
  return { ...result, payments: rows.map(presentPayment) };
}

/** A payment recorded by mistake is cancelled by a reversal row (append-only); a payment is reversed at most once. */
export async function reversePayment(db: Db, ctx: Ctx, id: number, reason: string): Promise<DuesPaymentView> {
  try {
    const batchId = await inTransaction(db, async (trx) => {
      const p = await repo.findPaymentInScope(trx, ctx.actor, id);
      if (!p) throw new DomainError('NOT_FOUND');
      if (p.reverses_payment_id !== null || p.reversed_by_id != null) throw new DomainError('PAYMENT_ALREADY_REVERSED', { id });
      const at = ctx.now.toISOString();
      const batch = await repo.insertBatch(trx, { idempotency_key: null, kind: 'reversal', item_count: 1, recorded_by: ctx.actor.userId, recorded_at: at });
      await repo.insertPayments(trx, [
        {
          batch_id: batch.id,
          member_id: p.member_id,
          organization_id: p.organization_id,
          for_month: p.for_month,
          amount_vnd: -p.amount_vnd,
          // The original payment date, so the cell's collection of that month nets to what was really received.
          paid_on: p.paid_on,
          method: p.method,
          reference: p.reference,
          expected_vnd: null,
          reverses_payment_id: p.id,
          note: reason,
          recorded_by: ctx.actor.userId,
        },
      ]);
      await appendAudit(trx, ctx, { action: 'dues.payment.reverse', objectType: 'dues_payment', objectId: id, changedFields: ['reversal'] });
      return batch.id;
    });
    const [row] = await repo.listPaymentsOfBatch(db, batchId);
    return presentPayment(row);
  } catch (err) {
    if (!(err instanceof DomainError) && isUniqueViolation(err)) throw new DomainError('PAYMENT_ALREADY_REVERSED', { id });
    throw err;
  }
}

// ---------------------------------------------------------------- a cell's collection sheet

async function loadOrganization(db: Q, ctx: Ctx, id: number) {
  requireOfficial(ctx);
  const org = await repo.findOrganizationInScope(db, ctx.actor, id);
  if (!org) throw new DomainError('NOT_FOUND');
  return org;
}

const orgRef = (o: { id: number; name: string; kind: string }) => ({ id: o.id, name: o.name, kind: o.kind });
const parentRef = (o: { parent_id: number | null; parent_name: string | null; parent_kind: string | null }) =>
  o.parent_id !== null && o.parent_name !== null ? { id: o.parent_id, name: o.parent_name, kind: o.parent_kind ?? '' } : null;

/** Vietnamese name order (given name first): the stored ASCII sort_key compared bytewise, the same on every engine. */
const byNameOrder = <T extends { sort_key: string; id: number }>(a: T, b: T) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id - b.id);

/**
 * The cell's sheet for a month: its members in Vietnamese name order with the amount owed (R-DUE, recomputed), what was
 * paid for that month (advance and late payments included), the balance, and how many of the 12 months before are in arrears.
 */
export async function getCollectionSheet(db: Db, ctx: Ctx, organizationId: number, month: YearMonth): Promise<CollectionSheet> {
  const org = await loadOrganization(db, ctx, organizationId);
  const asOf = today(ctx);
  const members = (await repo.listCellMembers(db, organizationId, month)).sort(byNameOrder);
  const rules = await loadRules(db);
  const windowFrom = addYearMonths(month, -12);
  const before = addYearMonths(month, -1);
  const [bundle, payments] = await Promise.all([loadFacts(db, members), repo.listPayments(db, members.map((m) => m.id), windowFrom, month)]);
  const paymentsOf = groupByMember(payments);
  const rows: CollectionRow[] = members.map((m) => {
    const facts = bundle.facts.get(m.id)!;
    const mine = paymentsOf.get(m.id) ?? [];
    const line = monthLine(facts, month, sum(mine.filter((p) => p.for_month === month).map((p) => p.amount_vnd)), false, rules);
    const arrearsBefore = duesArrears(expectedByMonth(facts, windowFrom, before, rules), mine.map(paymentOf), asOf);
    const open = facts.profiles.length > 0;
    return {
      memberId: m.id,
      fullName: m.full_name,
      birthDate: m.birth_date,
      status: m.status,
      hasProfile: open,
      group: line.basis?.group ?? profileInForce(facts.profiles, month)?.group ?? null,
      expectedVnd: line.expectedVnd,
      fullAmountVnd: line.fullAmountVnd,
      basis: line.basis,
      exempt: line.exempt,
      reductionPercent: line.reductionPercent,
      problem: line.problem,
      paidVnd: line.paidVnd,
      balanceVnd: line.balanceVnd,
      payments: mine.filter((p) => p.for_month === month).map(presentPayment),
      monthsInArrearsBefore: arrearsBefore.length,
    };
  });
  const expectedVnd = sum(rows.map((r) => r.expectedVnd ?? 0));
  const paidVnd = sum(rows.map((r) => r.paidVnd));
  return {
    organization: orgRef(org),
    parent: parentRef(org),
    month,
    asOf,
    ruleSetSource: ruleSetSourceOf(month),
    rows,
    totals: {
      members: rows.length,
      expectedVnd,
      paidVnd,
      outstandingVnd: sum(rows.map((r) => Math.max(0, r.balanceVnd ?? 0))),
      owing: rows.filter((r) => (r.expectedVnd ?? 0) > 0).length,
      paidInFull: rows.filter((r) => (r.expectedVnd ?? 0) > 0 && r.balanceVnd !== null && r.balanceVnd <= 0).length,
      withoutProfile: rows.filter((r) => r.expectedVnd === null).length,
    },
  };
}

/** The sheet as .xlsx for printing or filing; an export of personal data is audited (security.md, Audit). */
export async function exportCollectionSheet(db: Db, ctx: Ctx, organizationId: number, month: YearMonth): Promise<{ fileName: string; buffer: Buffer }> {
  const sheet = await getCollectionSheet(db, ctx, organizationId, month);
  const buffer = await buildCollectionWorkbook(sheet);
  await appendAuditAlone(db, ctx, { action: 'dues.collection.export', objectType: 'organization', objectId: organizationId });
  return { fileName: `Thu đảng phí ${sheet.organization.name} ${month.slice(5, 7)}-${month.slice(0, 4)}.xlsx`, buffer };
}

// ---------------------------------------------------------------- arrears of a cell (R-DUE, R-DUE-01)

export async function getCellArrears(db: Db, ctx: Ctx, organizationId: number, query: { asOf?: string; year?: number }): Promise<CellArrears> {
  const org = await loadOrganization(db, ctx, organizationId);
  const asOf = query.asOf ?? today(ctx);
  const year = query.year ?? Number(asOf.slice(0, 4));
  const lastEnded = addYearMonths(yearMonthOf(asOf), -1);
  const from = addYearMonths(yearMonthOf(asOf), -ARREARS_WINDOW_MONTHS);
  const rangeFrom = `${year}-01` < from ? `${year}-01` : from;
  const members = (await repo.listCellMembers(db, organizationId, null)).sort(byNameOrder);
  const ids = members.map((m) => m.id);
  const [rules, bundle, payments, reasons] = await Promise.all([
    loadRules(db),
    loadFacts(db, members),
    repo.listPayments(db, ids, rangeFrom, lastEnded),
    repo.listGoodReasons(db, ids),
  ]);
  const paymentsOf = groupByMember(payments);
  const reasonsOf = groupByMember(reasons);
  const { unpaidMonthsThreshold } = paramsInForce<DuesScreeningParams>(DUES_RULE_SETS, 'R-DUE-01', asOf);
  const rows: CellArrears['rows'] = [];
  for (const m of members) {
    const facts = bundle.facts.get(m.id)!;
    const first = firstProfileMonth(facts);
    if (!first) continue;
    const start = first > rangeFrom ? first : rangeFrom;
    const mine = (paymentsOf.get(m.id) ?? []).map(paymentOf);
    const expected = start <= lastEnded ? expectedByMonth(facts, start, lastEnded, rules) : {};
    const arrears = duesArrears(Object.fromEntries(Object.entries(expected).filter(([k]) => k >= from)), mine, asOf);
    const unpaidInYear = unpaidMonthsInYear(year, expected, mine, (reasonsOf.get(m.id) ?? []).map((r) => ({ month: r.month, reason: r.reason })), asOf);
    if (arrears.length === 0 && unpaidInYear.length === 0) continue;
    rows.push({
      memberId: m.id,
      fullName: m.full_name,
      status: m.status,
      months: arrears,
      shortfallVnd: sum(arrears.map((a) => a.shortfallVnd)),
      unpaidInYear,
      flagged: unpaidInYear.length >= unpaidMonthsThreshold,
    });
  }
  return {
    organization: orgRef(org),
    asOf,
    year,
    from,
    threshold: unpaidMonthsThreshold,
    memberCount: members.length,
    rows,
    totalShortfallVnd: sum(rows.map((r) => r.shortfallVnd)),
  };
}

// ---------------------------------------------------------------- collected vs expected per month (chart)

export async function getMonthlySeries(db: Db, ctx: Ctx, organizationId: number, q: { from: string; to: string; subtree: boolean }): Promise<MonthlySeries> {
  const org = await loadOrganization(db, ctx, organizationId);
  if (q.to < q.from) invalid({ path: 'to', code: 'before_from_month' });
  const months = monthsFromTo(q.from, q.to);
  if (months.length > SERIES_MAX_MONTHS) invalid({ path: 'to', code: 'range_too_long', params: { maxMonths: SERIES_MAX_MONTHS } });
  const members = q.subtree ? await repo.listSubtreeMembers(db, org.path) : await repo.listCellMembers(db, organizationId, null);
  if (members.length > SERIES_MAX_MEMBERS) invalid({ path: 'subtree', code: 'too_many_members', params: { members: members.length, max: SERIES_MAX_MEMBERS } });
  const [rules, bundle, paid, collected] = await Promise.all([
    loadRules(db),
    loadFacts(db, members),
    q.subtree
      ? repo.paidForMonthInSubtree(db, org.path, q.from, q.to)
      : repo.listPayments(db, members.map((m) => m.id), q.from, q.to).then((rows) => {
          const by = paidByMonth(rows.map(paymentOf));
          return [...by].map(([month, amount]) => ({ month, amount }));
        }),
    repo.collectedByPaidMonth(db, q.subtree ? { path: org.path } : [organizationId], `${q.from}-01`, lastDayOf(q.to)),
  ]);
  const expected = new Map<string, number>(months.map((m) => [m, 0]));
  for (const m of members) {
    const e = expectedByMonth(bundle.facts.get(m.id)!, q.from, q.to, rules);
    for (const [month, amount] of Object.entries(e)) expected.set(month, (expected.get(month) ?? 0) + amount);
  }
  const paidMap = new Map(paid.map((r) => [r.month, Number(r.amount)]));
  const collectedMap = new Map(collected.map((r) => [r.month, Number(r.amount)]));
  return {
    organization: orgRef(org),
    from: q.from,
    to: q.to,
    subtree: q.subtree,
    memberCount: members.length,
    months: months.map((month) => ({
      month,
      expectedVnd: expected.get(month) ?? 0,
      paidVnd: paidMap.get(month) ?? 0,
      collectedVnd: collectedMap.get(month) ?? 0,
    })),
  };
}

// ---------------------------------------------------------------- remittances to the organization above

function presentRemittance(ctx: Ctx, r: repo.RemittanceView): Remittance {
  return {
    id: r.id,
    organization: { id: r.organization_id, name: r.organization_name, kind: r.organization_kind },
    toOrganization: { id: r.to_organization_id, name: r.to_name, kind: r.to_kind },
    month: r.month,
    amountVnd: r.amount_vnd,
    remittedOn: r.remitted_on,
    reference: r.reference,
    note: r.note,
    receivedBy: r.received_by,
    receivedOn: r.received_on,
    version: r.version,
    canReceive: ctx.actor.reach === 'subtree' && isPathInScope(ctx.actor, r.to_path),
  };
}

/** A cell's year: what its members owed, what it collected (by payment date), what it remitted, and the difference. */
export async function getReconciliation(db: Db, ctx: Ctx, organizationId: number, year: number | undefined): Promise<Reconciliation> {
  const org = await loadOrganization(db, ctx, organizationId);
  const y = year ?? Number(today(ctx).slice(0, 4));
  const months = monthsFromTo(`${y}-01`, `${y}-12`);
  const members = await repo.listCellMembers(db, organizationId, null);
  const [rules, bundle, collected, remittances] = await Promise.all([
    loadRules(db),
    loadFacts(db, members),
    repo.collectedByPaidMonth(db, [organizationId], `${y}-01-01`, `${y}-12-31`),
    repo.listRemittances(db, organizationId, `${y}-01`, `${y}-12`),
  ]);
  const expected = new Map<string, number>();
  for (const m of members) {
    for (const [month, amount] of Object.entries(expectedByMonth(bundle.facts.get(m.id)!, `${y}-01`, `${y}-12`, rules))) {
      expected.set(month, (expected.get(month) ?? 0) + amount);
    }
  }
  const collectedMap = new Map(collected.map((r) => [r.month, Number(r.amount)]));
  const lines = months.map((month) => {
    const mine = remittances.filter((r) => r.month === month);
    const remittedVnd = sum(mine.map((r) => r.amount_vnd));
    const collectedVnd = collectedMap.get(month) ?? 0;
    return {
      month,
      expectedVnd: expected.get(month) ?? 0,
      collectedVnd,
      remittedVnd,
      differenceVnd: collectedVnd - remittedVnd,
      remittances: mine.map((r) => presentRemittance(ctx, r)),
    };
  });
  return {
    organization: orgRef(org),
    parent: parentRef(org),
    year: y,
    months: lines,
    totals: {
      expectedVnd: sum(lines.map((l) => l.expectedVnd)),
      collectedVnd: sum(lines.map((l) => l.collectedVnd)),
      remittedVnd: sum(lines.map((l) => l.remittedVnd)),
      differenceVnd: sum(lines.map((l) => l.differenceVnd)),
    },
  };
}

/** Remittances addressed to this organization by the cells below it, with what each cell collected that month. */
export async function getIncomingRemittances(db: Db, ctx: Ctx, organizationId: number, year: number | undefined): Promise<IncomingRemittances> {
  const org = await loadOrganization(db, ctx, organizationId);
  const y = year ?? Number(today(ctx).slice(0, 4));
  const rows = await repo.listIncomingRemittances(db, organizationId, `${y}-01`, `${y}-12`);
  const collected = await repo.collectedByOrganizationAndMonth(db, [...new Set(rows.map((r) => r.organization_id))], `${y}-01-01`, `${y}-12-31`);
  const key = (orgId: number, month: string) => `${orgId}:${month}`;
  const collectedMap = new Map(collected.map((c) => [key(c.organization_id, c.month), Number(c.amount)]));
  return {
    organization: orgRef(org),
    year: y,
    items: rows.map((r) => ({ ...presentRemittance(ctx, r), collectedVnd: collectedMap.get(key(r.organization_id, r.month)) ?? 0 })),
  };
}

function checkRemittanceDates(input: { month: string; remittedOn: string }, asOf: string) {
  const issues: FieldIssue[] = [];
  if (input.remittedOn > asOf) issues.push({ path: 'remittedOn', code: 'date_in_future' });
  if (input.month > yearMonthOf(asOf)) issues.push({ path: 'month', code: 'month_in_future' });
  if (issues.length) invalid(...issues);
}

export async function createRemittance(db: Db, ctx: Ctx, organizationId: number, input: CreateRemittanceInput): Promise<Remittance> {
  checkRemittanceDates(input, today(ctx));
  const id = await inTransaction(db, async (trx) => {
    const org = await loadOrganization(trx, ctx, organizationId);
    if (org.parent_id === null) invalid({ path: 'organizationId', code: 'no_organization_above' });
    const at = ctx.now.toISOString();
    const row = await repo.insertRemittance(trx, {
      organization_id: organizationId,
      to_organization_id: org.parent_id,
      month: input.month,
      amount_vnd: input.amountVnd,
      remitted_on: input.remittedOn,
      reference: input.reference,
      note: input.note,
      received_by: null,
      received_on: null,
      received_by_user: null,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, ctx, { action: 'dues.remittance.create', objectType: 'dues_remittance', objectId: row.id, changedFields: ['month', 'amount_vnd', 'remitted_on'] });
    return row.id;
  });
  return presentRemittance(ctx, (await repo.findRemittanceInScope(db, ctx.actor, id))!);
}

export async function updateRemittance(db: Db, ctx: Ctx, id: number, input: UpdateRemittanceInput): Promise<Remittance> {
  requireOfficial(ctx);
  checkRemittanceDates(input, today(ctx));
  await inTransaction(db, async (trx) => {
    const r = await repo.findRemittanceInScope(trx, ctx.actor, id);
    if (!r) throw new DomainError('NOT_FOUND');
    if (r.received_on !== null) throw new DomainError('REMITTANCE_ALREADY_RECEIVED', { id });
    const set = { month: input.month, amount_vnd: input.amountVnd, remitted_on: input.remittedOn, reference: input.reference, note: input.note };
    const changed = (Object.keys(set) as (keyof typeof set)[]).filter((k) => r[k] !== set[k]);
    if (!(await repo.updateRemittanceIfVersion(trx, id, input.version, { ...set, updated_at: ctx.now.toISOString() }))) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'dues.remittance.update', objectType: 'dues_remittance', objectId: id, changedFields: changed });
  });
  return presentRemittance(ctx, (await repo.findRemittanceInScope(db, ctx.actor, id))!);
}

/** The organization above confirms it received the money; the sending cell cannot confirm its own remittance. */
export async function receiveRemittance(db: Db, ctx: Ctx, id: number, input: ReceiveRemittanceInput): Promise<Remittance> {
  requireOfficial(ctx);
  await inTransaction(db, async (trx) => {
    const r = await repo.findRemittanceInScope(trx, ctx.actor, id);
    if (!r) throw new DomainError('NOT_FOUND');
    if (!isPathInScope(ctx.actor, r.to_path)) throw new DomainError('FORBIDDEN');
    if (r.received_on !== null) throw new DomainError('REMITTANCE_ALREADY_RECEIVED', { id });
    if (input.receivedOn < r.remitted_on || input.receivedOn > today(ctx)) invalid({ path: 'receivedOn', code: 'received_date_out_of_range', params: { remittedOn: r.remitted_on } });
    const ok = await repo.updateRemittanceIfVersion(trx, id, input.version, {
      received_on: input.receivedOn,
      received_by: input.receivedBy,
      received_by_user: ctx.actor.userId,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'dues.remittance.receive', objectType: 'dues_remittance', objectId: id, changedFields: ['received_on', 'received_by'] });
  });
  return presentRemittance(ctx, (await repo.findRemittanceInScope(db, ctx.actor, id))!);
}

// ---------------------------------------------------------------- regional minimum wages

function presentWage(r: Awaited<ReturnType<typeof repo.listMinimumWages>>[number]): MinimumWage {
  return {
    id: r.id,
    effectiveFrom: r.effective_from,
    source: r.source,
    monthlyVnd: { I: r.region_i_vnd, II: r.region_ii_vnd, III: r.region_iii_vnd, IV: r.region_iv_vnd },
    createdBy: r.created_by_name ?? null,
  };
}

export async function listMinimumWages(db: Db): Promise<{ items: MinimumWage[] }> {
  return { items: (await repo.listMinimumWages(db)).map(presentWage) };
}

/**
 * A new row of the regional minimum wage table (a new decree), administrators only: it changes the computed dues of
 * every month from its date for members paying a share of the minimum wage. Rows are never edited.
 */
export async function addMinimumWage(db: Db, ctx: Ctx, input: CreateMinimumWageInput): Promise<{ items: MinimumWage[] }> {
  if (ctx.actor.role !== 'admin') throw new DomainError('FORBIDDEN');
  try {
    await inTransaction(db, async (trx) => {
      const row = await repo.insertMinimumWage(trx, {
        effective_from: input.effectiveFrom,
        source: input.source,
        region_i_vnd: input.monthlyVnd.I,
        region_ii_vnd: input.monthlyVnd.II,
        region_iii_vnd: input.monthlyVnd.III,
        region_iv_vnd: input.monthlyVnd.IV,
        created_by: ctx.actor.userId,
        created_at: ctx.now.toISOString(),
      });
      await appendAudit(trx, ctx, { action: 'dues.minimum_wage.create', objectType: 'regional_minimum_wage', objectId: row.id, changedFields: ['effective_from', 'monthly_vnd'] });
    });
  } catch (err) {
    if (!(err instanceof DomainError) && isUniqueViolation(err)) invalid({ path: 'effectiveFrom', code: 'wage_date_exists' });
    throw err;
  }
  return listMinimumWages(db);
}
