import type { Kysely } from 'kysely';
import { recognitionDecisionDueDate, recognitionVoteDueDate, probationEndDate, type DecisionDeadlineParams, type ProbationParams } from '../../../common/rules/admission-deadlines.ts';
import { ADMISSION_RULE_SETS } from '../../../common/rules/default-rule-sets.ts';
import { duesArrears, type DuesExemptionDecision, type DuesProfile, type DuesReductionDecision, type YearMonth } from '../../../common/rules/dues.ts';
import { DUES_RULE_SETS, type DuesGroup, type RegionalMinimumWageVersion, type WageRegion } from '../../../common/rules/dues-rule-sets.ts';
import type { GradeLevel } from '../../../common/rules/grading-rules.ts';
import { addDays, addMonths, daysInMonth, type IsoDate } from '../../../common/rules/iso-date.ts';
import type { RecognitionVoteParams } from '../../../common/rules/recognition-rules.ts';
import { paramsInForce } from '../../../common/rules/rule-check.ts';
import type { MemberFacts, MonthDues, OpinionFact, PeriodFact, ProbationFact, ScreeningParams, TransferFact, ViolationRecord } from '../../../common/rules/screening-engine.ts';
import type { WorkingCalendar } from '../../../common/rules/working-days.ts';
import type { Database } from '../../db/schema.ts';
import { expectedByMonth, type DuesRules, type MemberDuesFacts } from '../dues/dues.ledger.ts';
import * as repo from './screening.repo.ts';

// The facts loader of a screening run (issue 5 item 2): for a chunk of organizations, every fact the engine
// (common/rules/screening-engine.ts) reads about their members, set-based — never a query per member. What every
// member has (membership, probation, the dues profile, the year's payments, an assignment) comes in one row per
// member, reduced in SQL to what the rules act on (repo.listChunkMembers); every other source is one query per chunk
// that returns only the rows a rule can act on (unexcused absences, not attendances), so the work follows the size of
// the exceptions, not of the records.
//
// Sources:
// - attendance: meetings + attendance (party life). `expected` on the row already honours exemptions from activities
//   and temporary transfers (judged per meeting day when the sheet was saved).
// - dues: profiles, exemption and reduction decisions, good reasons, payments (dues); amounts by common/rules/dues.ts.
// - gradings: closed grading cycles (grading module's tables, the same rows as gradingResults).
// - transfers, assignments, exemptions from work, admission cases (probation).
// - violations: party discipline concluded on a discipline referral (discipline_referrals), and state discipline and
//   law violations recorded by the cell (violation_records, R-DIS-07).
// - opinions: the residence cell's (residence_opinions, R-MGT-07) and the Fatherland Front's (front_opinions,
//   124-QĐ/TW), both on the screened year.

type Q = Kysely<Database>;

/** A member screened in a chunk, with the cell the member's flags are raised in. */
export interface ChunkMember {
  id: number;
  organization_id: number;
}

export interface LoadContext {
  year: number;
  cutoff: IsoDate;
  params: ScreeningParams;
  dues: DuesRules;
  calendar: WorkingCalendar;
}

/** The dues rules (R-DUE rule sets and the stored minimum-wage table), read once per run. */
export async function loadDuesRules(q: Q): Promise<DuesRules> {
  const rows = await repo.listMinimumWages(q);
  const wages: RegionalMinimumWageVersion[] = rows.map((r) => ({
    effectiveFrom: r.effective_from,
    source: r.source,
    monthlyVnd: { I: r.region_i_vnd, II: r.region_ii_vnd, III: r.region_iii_vnd, IV: r.region_iv_vnd },
  }));
  return { ruleSets: DUES_RULE_SETS, wages };
}

const ACTIVE = new Set(['probationary', 'official']);

/** Members per chunk: bounds the memory of a run and sets how often it records its progress. */
const CHUNK_IDS = 20_000;
/** A sparse chunk's ids are listed in the query (bound parameters: well within both engines' limits). */
const ID_LIST_MAX = 1_000;
/** Runs of nearly consecutive ids at least this long are read as id ranges. */
const MIN_RUN = 200;
const MAX_GAP = 8;

export interface Chunk {
  filter: repo.MemberFilter;
}

export interface ChunkPlan {
  chunks: Chunk[];
  /** Members to screen; an estimate (every member row) when the subtree is read by id ranges. */
  total: number;
  /** The subtree's organizations: a member read by id range belongs to the run only if its cell is one of them. */
  organizations: Set<number>;
}

/**
 * Cuts the subtree's members into chunks. A large subtree (at least half the organizations) is read along the members'
 * primary key in id ranges, every table by its member index in the same range: sequential reads. A small subtree
 * lists its members through the organization index, then reads runs of close ids as ranges and the scattered rest as
 * id lists.
 */
export async function planChunks(q: Q, path: string): Promise<ChunkPlan> {
  const { ids: orgIds, all } = await repo.subtreeOrganizationIds(q, path);
  const organizations = new Set(orgIds);
  if (orgIds.length * 2 >= all) {
    const b = await repo.memberIdBounds(q);
    const chunks: Chunk[] = [];
    for (let lo = b.lo; lo <= b.hi; lo += CHUNK_IDS) chunks.push({ filter: { lo, hi: Math.min(b.hi, lo + CHUNK_IDS - 1) } });
    return { chunks, total: b.count, organizations };
  }
  const ids: number[] = [];
  for (let i = 0; i < orgIds.length; i += 500) {
    for (const m of await repo.listMembersOfOrganizations(q, orgIds.slice(i, i + 500))) if (ACTIVE.has(m.status)) ids.push(m.id);
  }
  ids.sort((a, b) => a - b);
  const chunks: Chunk[] = [];
  let scattered: number[] = [];
  const flushScattered = (force: boolean) => {
    while (scattered.length >= ID_LIST_MAX || (force && scattered.length > 0)) {
      chunks.push({ filter: { ids: scattered.slice(0, ID_LIST_MAX) } });
      scattered = scattered.slice(ID_LIST_MAX);
    }
  };
  for (let i = 0; i < ids.length; ) {
    let j = i + 1;
    while (j < ids.length && j - i < CHUNK_IDS && ids[j] - ids[j - 1] <= MAX_GAP) j++;
    if (j - i >= MIN_RUN) chunks.push({ filter: { lo: ids[i], hi: ids[j - 1] } });
    else {
      for (let k = i; k < j; k++) scattered.push(ids[k]);
      flushScattered(false);
    }
    i = j;
  }
  flushScattered(true);
  return { chunks, total: ids.length, organizations };
}

const monthOf = (date: string) => date.slice(0, 7);
const lastDayOf = (month: YearMonth): IsoDate => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;

/** The last month of the year whose dues are judged by the cut-off: a month is owed during the month, so it counts once ended. */
function lastJudgedMonth(year: number, cutoff: IsoDate): YearMonth | null {
  const m = monthOf(cutoff);
  const last = cutoff === lastDayOf(m) ? m : null;
  if (last) return last;
  const month = Number(m.slice(5, 7));
  return month === 1 ? null : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const RATING: Record<string, OpinionFact['rating']> = { good: 'high', average: 'medium', low: 'low' };

interface Owed {
  expected: Record<YearMonth, number>;
  /** The largest amount owed in a month of the range, 0 when nothing is owed. */
  maxOwed: number;
}

/** A profile version from its text (repo.PROFILE_FIELDS joined by '|', dates cut to the judged months; empty = null). */
function profileOfText(text: string): DuesProfile {
  const [group, base, region, sick, band, pastAge, validFrom, validTo] = text.split('|');
  return {
    validFrom,
    validTo: validTo === '' ? null : validTo,
    group: group as DuesGroup,
    baseAmountVnd: base === '' ? undefined : Number(base),
    region: region === '' ? undefined : (region as WageRegion),
    onSickOrMaternityLeave: sick === '1',
    bandAmountVnd: band === '' ? undefined : Number(band),
    pastWorkingAge: pastAge === '1',
  };
}

/** R-DUE: the party ages (years) some rule-set version exempts from dues by (from 2026: 50). */
const PARTY_AGE_YEARS = DUES_RULE_SETS.flatMap((v) => {
  const y = v.ruleId === 'R-DUE' ? (v.params as { partyAgeExemptionYears?: number | null }).partyAgeExemptionYears : null;
  return typeof y === 'number' ? [y] : [];
});

/**
 * The first admission day whose party-age mark falls after the month `to`: a member admitted on or after it reaches no
 * exempting party age in the judged months, so the amounts owed do not depend on the date. null: no version exempts.
 */
function partyAgeReadBefore(to: YearMonth): IsoDate | null {
  return PARTY_AGE_YEARS.length === 0 ? null : addMonths(`${to}-01`, 1 - Math.min(...PARTY_AGE_YEARS) * 12);
}

type Decisions = Pick<MemberDuesFacts, 'exemptions' | 'reductions'>;
const NO_DECISIONS: Decisions = { exemptions: [], reductions: [] };

/** The dues a member owes for the judged months of a run: see makeExpectedCache. */
export type ExpectedCache = (profiles: string | readonly string[], decisions: Decisions, admittedOn: string | null) => Owed;

/**
 * The dues a member owes for the judged months of `year` as of `cutoff` (R-DUE, common/rules/dues.ts through
 * dues.ledger's expectedByMonth). Members mostly share the same facts (group, salary step, region), so the amounts are
 * computed once per distinct set of facts; the key is the facts themselves. Party age counts only where a version
 * exempts by it (from 2026: 50 years), and only as reached before, during or after the judged months.
 */
export function makeExpectedCache(rules: DuesRules, year: number, cutoff: IsoDate): ExpectedCache {
  const from = `${year}-01`;
  const to = lastJudgedMonth(year, cutoff) ?? from;
  /** profile texts → party-age key → amounts; a member with dues decisions is keyed by them too (rare). */
  const cache = new Map<string, Map<string, Owed>>();
  let size = 0;
  const ageKeys = new Map<string, string>();
  const exemptionYears = PARTY_AGE_YEARS;
  const ageKeyOf = (admittedOn: string | null): string => {
    if (!admittedOn || exemptionYears.length === 0) return '';
    let key = ageKeys.get(admittedOn);
    if (key === undefined) {
      key = exemptionYears
        .map((y) => {
          const reached = monthOf(addMonths(admittedOn, y * 12));
          return reached < from ? '<' : reached > to ? '>' : admittedOn;
        })
        .join(',');
      if (ageKeys.size > 100_000) ageKeys.clear();
      ageKeys.set(admittedOn, key);
    }
    return key;
  };
  return (profiles, decisions, admittedOn) => {
    const ageKey = ageKeyOf(admittedOn);
    const hasDecisions = decisions.exemptions.length > 0 || decisions.reductions.length > 0;
    const profileKey = typeof profiles === 'string' ? profiles : profiles.join(';');
    const key = hasDecisions ? `${profileKey}#${JSON.stringify(decisions)}` : profileKey;
    let byAge = cache.get(key);
    let hit = byAge?.get(ageKey);
    if (!hit) {
      const texts = typeof profiles === 'string' ? [profiles] : profiles;
      const facts: MemberDuesFacts = { profiles: texts.map(profileOfText), ...decisions, ...(admittedOn ? { partyAge: { admittedOn } } : {}) };
      const expected = expectedByMonth(facts, from, to, rules);
      hit = { expected, maxOwed: Math.max(0, ...Object.values(expected)) };
      if (size > 50_000) {
        cache.clear();
        size = 0;
        byAge = undefined;
      }
      if (!byAge) cache.set(key, (byAge = new Map()));
      byAge.set(ageKey, hit);
      size++;
    }
    return hit;
  };
}

/** The version in force on `date`, or for a date before the first version on file, the first version (an old record). */
function paramsOnOrFirst<P>(ruleId: string, date: IsoDate): P {
  try {
    return paramsInForce<P>(ADMISSION_RULE_SETS, ruleId, date);
  } catch {
    const first = ADMISSION_RULE_SETS.filter((v) => v.ruleId === ruleId).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
    if (!first) throw new RangeError(`no rule set for ${ruleId}`);
    return first.params as P;
  }
}

/** R-REC-04/05: the last day of the recognition windows for a probation ending on `endsOn`, when no vote is on record. */
function recognitionDueFrom(cal: WorkingCalendar, endsOn: IsoDate): IsoDate {
  const voteDue = recognitionVoteDueDate(cal, endsOn, paramsOnOrFirst<RecognitionVoteParams>('R-REC-04', endsOn));
  return recognitionDecisionDueDate(cal, voteDue, paramsOnOrFirst<DecisionDeadlineParams>('R-REC-05', voteDue));
}

function parseDueDates(text: string): Record<string, string | null> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string | null>) : {};
  } catch {
    return {};
  }
}

/**
 * Rows ordered by member id, read member by member alongside the chunk's members (a merge: no map per table, and the
 * rows of members outside the chunk — a range also holds other subtrees' members and those who left — are skipped).
 */
class Cursor<T extends { member_id: number | null }> {
  private i = 0;
  /** The member id of the next row (Infinity past the end): most members have no row, and are answered from it alone. */
  private next: number;
  constructor(private readonly rows: readonly T[]) {
    this.next = this.idAt(0);
  }
  /** The rows of `memberId` (ids asked in ascending order); an empty list when none. */
  take(memberId: number): readonly T[] {
    if (this.next > memberId) return EMPTY;
    const rows = this.rows;
    while (this.i < rows.length && this.idAt(this.i) < memberId) this.i++;
    const from = this.i;
    while (this.i < rows.length && rows[this.i].member_id === memberId) this.i++;
    this.next = this.idAt(this.i);
    return from === this.i ? EMPTY : rows.slice(from, this.i);
  }
  private idAt(i: number): number {
    return i < this.rows.length ? (this.rows[i].member_id ?? -1) : Infinity;
  }
}
const EMPTY: never[] = [];

/**
 * Loads the facts of one chunk: the members' row (repo.listChunkMembers) and one query per other source, rows in
 * member order, then assembled member by member and handed to `visit` one at a time, in member order (a run screens
 * each member's facts as they are made and keeps none: a million members' facts never live at once). Returns the
 * chunk's members. `cache` (makeExpectedCache for the same year and cut-off) carries the dues amounts across chunks.
 */
export async function loadChunkFacts(
  q: Q,
  chunk: Chunk,
  organizations: ReadonlySet<number>,
  c: LoadContext,
  cache: ExpectedCache | null,
  visit: (facts: MemberFacts) => void,
): Promise<ChunkMember[]> {
  const { year, cutoff } = c;
  const yearStart = `${year}-01-01`;
  const firstMonth = `${year}-01`;
  const lastMonth = lastJudgedMonth(year, cutoff);
  const n = c.params.consecutiveNotCompletedYears;
  const window: repo.ChunkWindow = {
    cutoff,
    dues: lastMonth
      ? { fromMonth: firstMonth, toMonth: lastMonth, months: Number(lastMonth.slice(5, 7)), firstOfYear: yearStart, firstOfLastMonth: `${lastMonth}-01`, admittedBefore: partyAgeReadBefore(lastMonth) }
      : null,
  };

  const f = chunk.filter;
  const [rows, absences, [dExemptions, dReductions, reasons], exemptions, transfers, gradings, cases, disciplines, violationRecords, residenceOpinions, frontOpinions] =
    await Promise.all([
      repo.listChunkMembers(q, f, window),
      repo.listUnexcusedAbsences(q, f, yearStart, cutoff),
      lastMonth ? repo.listDuesDecisions(q, f, firstMonth, lastMonth) : Promise.resolve([[], [], []] as const),
      repo.listWorkExemptions(q, f, yearStart, cutoff),
      repo.listTransfers(q, f, cutoff),
      repo.listGradings(q, f, year - n + 1, year),
      repo.listProbationCases(q, f, yearStart),
      repo.listDisciplines(q, f, yearStart, cutoff),
      repo.listViolationRecords(q, f, yearStart, cutoff),
      repo.listResidenceOpinions(q, f, year),
      repo.listFrontOpinions(q, f, year),
    ]);

  // ---- the chunk's members (a range also holds members of other subtrees: only the run's own are screened), and
  // dues, first pass: the members the payments row cannot settle (R-DUE, R-DUE-01)
  const expectedOf = lastMonth ? (cache ?? makeExpectedCache(c.dues, year, cutoff)) : null;
  const screened: repo.ChunkMemberRow[] = [];
  const owedOf = new Map<number, Record<YearMonth, number>>();
  const needsDetail: number[] = [];
  const reasonsOf = new Map<number, Set<YearMonth>>();
  const cur = { dExemptions: new Cursor(dExemptions), dReductions: new Cursor(dReductions), reasons: new Cursor(reasons) };
  for (let i = 0; i < rows.length; ) {
    const row = rows[i];
    let j = i + 1;
    while (j < rows.length && rows[j].id === row.id) j++;
    const from = i;
    i = j;
    if (!organizations.has(row.organization_id)) continue;
    screened.push(row);
    if (!expectedOf || row.profile === null) continue;
    // A profile version per row: one almost always; several when the profile changed during the judged months.
    const profiles = j === from + 1 ? row.profile : rows.slice(from, j).flatMap((r) => (r.profile === null ? [] : [r.profile]));
    const ex = cur.dExemptions.take(row.id);
    const red = cur.dReductions.take(row.id);
    const decisions =
      ex.length > 0 || red.length > 0
        ? {
            exemptions: ex.map((e): DuesExemptionDecision => ({ reason: e.reason as DuesExemptionDecision['reason'], decisionRef: e.decision_ref, from: e.from_month, to: e.to_month })),
            reductions: red.map((r): DuesReductionDecision => ({ percent: r.percent as DuesReductionDecision['percent'], decisionRef: r.decision_ref, from: r.from_month, to: r.to_month })),
          }
        : NO_DECISIONS;
    const owed = expectedOf(profiles, decisions, row.admitted_on);
    if (owed.maxOwed === 0) continue;
    // Settled: every month of the range paid at least the largest amount owed.
    const paidEachMonth = row.paid_each_month === null ? null : Number(row.paid_each_month);
    if (paidEachMonth !== null && paidEachMonth >= owed.maxOwed) continue;
    owedOf.set(row.id, owed.expected);
    const rs = cur.reasons.take(row.id);
    if (rs.length > 0) reasonsOf.set(row.id, new Set(rs.map((r) => r.month)));
    // A member with no payment at all in the year needs no detail: every owed month is unpaid.
    if (paidEachMonth !== null) needsDetail.push(row.id);
  }
  // The few members the row could not settle: their month totals, in lists of ids (never one query each).
  const paid = new Map<number, { forMonth: string; paidOn: string; amountVnd: number }[]>();
  const judged = lastMonth ? Array.from({ length: Number(lastMonth.slice(5, 7)) }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`) : [];
  for (let i = 0; i < needsDetail.length; i += ID_LIST_MAX) {
    for (const r of await repo.duesPaidByMonth(q, needsDetail.slice(i, i + ID_LIST_MAX), judged, cutoff)) {
      const list: { forMonth: string; paidOn: string; amountVnd: number }[] = [];
      r.paid.forEach((v, k) => {
        if (v !== null) list.push({ forMonth: judged[k], paidOn: cutoff, amountVnd: Number(v) });
      });
      paid.set(r.member_id, list);
    }
  }
  // A month is judged once it has ended by the cut-off (duesArrears: the months before the day after the cut-off).
  const judgedAsOf = addDays(cutoff, 1);
  const duesOf = (memberId: number): MonthDues[] => {
    const expected = owedOf.get(memberId);
    if (!expected) return EMPTY;
    const excused = reasonsOf.get(memberId);
    return duesArrears(expected, paid.get(memberId) ?? [], judgedAsOf)
      .filter((a) => a.month <= lastMonth!)
      .map((a) => ({ month: a.month, state: excused?.has(a.month) ? 'unpaid_with_reason' : 'unpaid' }));
  };

  // ---- the members' facts
  const other = {
    absences: new Cursor(absences),
    exemptions: new Cursor(exemptions),
    transfers: new Cursor(transfers),
    gradings: new Cursor(gradings),
    cases: new Cursor(cases),
    disciplines: new Cursor(disciplines),
    violations: new Cursor(violationRecords),
    residence: new Cursor(residenceOpinions),
    front: new Cursor(frontOpinions),
  };
  const probationParams = (d: IsoDate) => paramsOnOrFirst<ProbationParams>('R-REC-01', d);
  // The opinion is on its year: given in the next January it still speaks of the screened year.
  const opinionDate = (givenOn: string) => (givenOn.startsWith(`${year}-`) ? givenOn : `${year}-12-31`);
  for (let k = 0; k < screened.length; k++) {
    const m = screened[k];
    const abs = other.absences.take(m.id);
    let attendance: MemberFacts['attendance'] = EMPTY;
    if (abs.length > 0) {
      // R-RMV-01: months with an unexcused absence, with the meetings.
      const months = new Map<YearMonth, number[]>();
      for (const a of abs) {
        const month = monthOf(a.meeting_date);
        const list = months.get(month);
        if (list) list.push(a.meeting_id);
        else months.set(month, [a.meeting_id]);
      }
      attendance = [...months].map(([month, meetingIds]) => ({ month, outcome: 'absent_unexcused' as const, meetingIds }));
    }
    const grades = other.gradings.take(m.id);
    const memberTransfers = other.transfers.take(m.id);
    const memberExemptions = other.exemptions.take(m.id);
    const party = other.disciplines.take(m.id);
    const records = other.violations.take(m.id);
    const residence = other.residence.take(m.id);
    const front = other.front.take(m.id);
    const assignments = m.assignment === null ? EMPTY : [assignmentOfText(m.assignment)];
    const memberCases = other.cases.take(m.id);
    visit({
      memberId: m.id,
      attendance,
      dues: duesOf(m.id),
      // Should a member have been graded twice in a year (a move), the later closing counts (as gradingResults).
      gradings: grades.length ? [...new Map(grades.map((g) => [g.year, { year: g.year, level: g.decided_level as GradeLevel, documentId: g.cycle_id }])).values()] : EMPTY,
      transfers: memberTransfers.length
        ? memberTransfers.map((t): TransferFact => {
            const temporary = t.kind === 'temporary';
            const leftOn = temporary ? (t.temporary_from ?? t.letter_issued_on) : t.letter_issued_on;
            // R-MGT-06: away until the day after the planned last day, or the day of return if earlier.
            const plannedBack = t.temporary_to ? addDays(t.temporary_to, 1) : null;
            const back = t.returned_on && (!plannedBack || t.returned_on < plannedBack) ? t.returned_on : plannedBack;
            return { id: t.id, kind: temporary ? 'temporary' : 'official', leftOn, returnedOn: temporary ? back : null, dueDate: t.presentation_due, completedOn: t.received_on };
          })
        : EMPTY,
      probation: memberCases.length === 0 && m.probation_ceremony === null ? null : probationOf(m.probation_ceremony, memberCases, c.calendar, probationParams),
      violations:
        party.length || records.length
          ? [
              ...party.map((d): ViolationRecord => ({ id: d.id, kind: 'party_discipline', date: d.concluded_on! })),
              ...records.map((v): ViolationRecord => ({ id: v.id, kind: v.kind === 'law_violation' ? 'law_violation' : 'state_discipline', date: v.decided_on })),
            ]
          : EMPTY,
      opinions:
        residence.length || front.length
          ? [
              ...residence.map((o): OpinionFact => ({ id: o.id, source: 'residence_cell', date: opinionDate(o.given_on), rating: RATING[o.rating] ?? 'medium' })),
              ...front.map((o): OpinionFact => ({ id: o.id, source: 'front', date: opinionDate(o.given_on), rating: RATING[o.rating] ?? 'medium' })),
            ]
          : EMPTY,
      assignments,
      exemptions: memberExemptions.length ? memberExemptions.map((e) => ({ id: e.id, from: e.from_date, to: e.to_date ? addDays(e.to_date, 1) : null })) : EMPTY,
    });
  }
  return screened;
}

/** R-MGT-01: the assignment of listChunkMembers' 'id|from|to' (to_date the last day, inclusive; '' open) as a period. */
function assignmentOfText(text: string): PeriodFact {
  const a = text.indexOf('|');
  const b = text.indexOf('|', a + 1);
  const to = text.slice(b + 1);
  return { id: Number(text.slice(0, a)), from: text.slice(a + 1, b), to: to === '' ? null : addDays(to, 1) };
}

/**
 * R-REC-01/04/05: the member's probation and its recognition. From the admission case's stored due dates when the
 * member came through the system; for a member recorded as probationary without a case, from the ceremony date
 * (`probationCeremony`: set only for a probationary member).
 */
function probationOf(
  probationCeremony: string | null,
  cases: readonly { status: string; due_dates: string; closed_on: string | null; ceremony_date: string | null }[],
  cal: WorkingCalendar,
  params: (d: IsoDate) => ProbationParams,
): ProbationFact | null {
  const kase = cases[cases.length - 1];
  if (kase) {
    const due = parseDueDates(kase.due_dates);
    const endsOn = due.probationEnd ?? (kase.ceremony_date ? probationEndDate(kase.ceremony_date, params(kase.ceremony_date)) : null);
    if (!endsOn) return null;
    const decided = kase.status === 'official' || kase.status === 'struck_from_probation' ? (kase.closed_on ?? null) : null;
    return { endsOn, recognitionDueOn: due.recognitionDecisionDue ?? recognitionDueFrom(cal, endsOn), decidedOn: decided };
  }
  if (!probationCeremony) return null;
  const endsOn = probationEndDate(probationCeremony, params(probationCeremony));
  return { endsOn, recognitionDueOn: recognitionDueFrom(cal, endsOn), decidedOn: null };
}
