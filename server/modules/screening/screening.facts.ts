import type { Kysely } from 'kysely';
import { recognitionDecisionDueDate, recognitionVoteDueDate, probationEndDate, type DecisionDeadlineParams, type ProbationParams } from '../../../common/rules/admission-deadlines.ts';
import { ADMISSION_RULE_SETS } from '../../../common/rules/default-rule-sets.ts';
import { duesArrears, type DuesExemptionDecision, type DuesProfile, type DuesReductionDecision, type YearMonth } from '../../../common/rules/dues.ts';
import { DUES_RULE_SETS, type DuesGroup, type RegionalMinimumWageVersion, type WageRegion } from '../../../common/rules/dues-rule-sets.ts';
import type { GradeLevel } from '../../../common/rules/grading-rules.ts';
import { addDays, addMonths, daysInMonth, type IsoDate } from '../../../common/rules/iso-date.ts';
import type { RecognitionVoteParams } from '../../../common/rules/recognition-rules.ts';
import { paramsInForce } from '../../../common/rules/rule-check.ts';
import type { MemberFacts, MonthDues, OpinionFact, ProbationFact, ScreeningParams, TransferFact } from '../../../common/rules/screening-engine.ts';
import type { WorkingCalendar } from '../../../common/rules/working-days.ts';
import type { Database } from '../../db/schema.ts';
import { expectedByMonth, type DuesRules, type MemberDuesFacts } from '../dues/dues.ledger.ts';
import * as repo from './screening.repo.ts';

// The facts loader of a screening run (issue 5 item 2): for a chunk of organizations, every fact the engine
// (common/rules/screening-engine.ts) reads about their members, in one set-based query per source — never a query per
// member. Each query returns only the rows a rule can act on (unexcused absences, not attendances; assignments in
// force on the cut-off, not their history), so the work follows the size of the exceptions, not of the records.
//
// Sources and what is not there yet:
// - attendance: meetings + attendance (party life). `expected` on the row already honours exemptions from activities
//   and temporary transfers (judged per meeting day when the sheet was saved).
// - dues: profiles, exemption and reduction decisions, good reasons, payments (dues); amounts by common/rules/dues.ts.
// - gradings: closed grading cycles (grading module's tables, the same rows as gradingResults).
// - transfers, assignments, exemptions from work, residence-cell opinions, admission cases (probation).
// - violations: only party discipline concluded on a discipline referral (discipline_referrals). State discipline and
//   law violations have no source in the system yet (no discipline module, R-DIS): loaded as none.
// - opinions: residence-cell opinions only; Fatherland Front opinions have no source yet: loaded as none.

type Q = Kysely<Database>;

export interface ChunkMember {
  id: number;
  organization_id: number;
  status: string;
  ceremony_date: string | null;
  admission_decision_date: string | null;
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
  /** The chunk's members, when listed beforehand (a small subtree); null: read with the chunk (a large subtree). */
  members: ChunkMember[] | null;
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
 * primary key in id ranges, every table by its member index in the same range: sequential reads, no join to members.
 * A small subtree lists its members through the organization index, then reads runs of close ids as ranges and the
 * scattered rest as id lists.
 */
export async function planChunks(q: Q, path: string): Promise<ChunkPlan> {
  const { ids: orgIds, all } = await repo.subtreeOrganizationIds(q, path);
  const organizations = new Set(orgIds);
  if (orgIds.length * 2 >= all) {
    const b = await repo.memberIdBounds(q);
    const chunks: Chunk[] = [];
    for (let lo = b.lo; lo <= b.hi; lo += CHUNK_IDS) chunks.push({ filter: { lo, hi: Math.min(b.hi, lo + CHUNK_IDS - 1) }, members: null });
    return { chunks, total: b.count, organizations };
  }
  const members: ChunkMember[] = [];
  for (let i = 0; i < orgIds.length; i += 500) {
    for (const m of await repo.listMembersOfOrganizations(q, orgIds.slice(i, i + 500))) if (ACTIVE.has(m.status)) members.push(m);
  }
  members.sort((a, b) => a.id - b.id);
  const chunks: Chunk[] = [];
  let scattered: ChunkMember[] = [];
  const flushScattered = (force: boolean) => {
    while (scattered.length >= ID_LIST_MAX || (force && scattered.length > 0)) {
      const part = scattered.slice(0, ID_LIST_MAX);
      scattered = scattered.slice(ID_LIST_MAX);
      chunks.push({ filter: { ids: part.map((m) => m.id) }, members: part });
    }
  };
  for (let i = 0; i < members.length; ) {
    let j = i + 1;
    while (j < members.length && j - i < CHUNK_IDS && members[j].id - members[j - 1].id <= MAX_GAP) j++;
    const run = members.slice(i, j);
    if (run.length >= MIN_RUN) chunks.push({ filter: { lo: run[0].id, hi: run[run.length - 1].id }, members: run });
    else {
      scattered.push(...run);
      flushScattered(false);
    }
    i = j;
  }
  flushScattered(true);
  return { chunks, total: members.length, organizations };
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

/** A profile version from its stored text (repo.PROFILE_FIELDS joined by '|'; empty = null). */
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

/**
 * The dues a member owes for the judged months (R-DUE, common/rules/dues.ts through dues.ledger's expectedByMonth).
 * Members mostly share the same facts (group, salary step, region), so the amounts are computed once per distinct set
 * of facts; the key is the facts themselves. Party age counts only where a version exempts by it (from 2026: 50
 * years), and only as reached before, during or after the judged months.
 */
function makeExpectedCache(rules: DuesRules, from: YearMonth, to: YearMonth) {
  const cache = new Map<string, Owed>();
  const exemptionYears = DUES_RULE_SETS.flatMap((v) => {
    const y = v.ruleId === 'R-DUE' ? (v.params as { partyAgeExemptionYears?: number | null }).partyAgeExemptionYears : null;
    return typeof y === 'number' ? [y] : [];
  });
  return (profileTexts: readonly string[], decisions: Pick<MemberDuesFacts, 'exemptions' | 'reductions'>, admittedOn: string | null): Owed => {
    let ageKey = '';
    if (admittedOn && exemptionYears.length > 0) {
      ageKey = exemptionYears
        .map((y) => {
          const reached = monthOf(addMonths(admittedOn, y * 12));
          return reached < from ? '<' : reached > to ? '>' : admittedOn;
        })
        .join(',');
    }
    const hasDecisions = decisions.exemptions.length > 0 || decisions.reductions.length > 0;
    const key = `${profileTexts.join(';')}#${ageKey}${hasDecisions ? `#${JSON.stringify(decisions)}` : ''}`;
    let hit = cache.get(key);
    if (!hit) {
      const facts: MemberDuesFacts = { profiles: profileTexts.map(profileOfText), ...decisions, ...(admittedOn ? { partyAge: { admittedOn } } : {}) };
      const expected = expectedByMonth(facts, from, to, rules);
      hit = { expected, maxOwed: Math.max(0, ...Object.values(expected)) };
      if (cache.size > 50_000) cache.clear();
      cache.set(key, hit);
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
  constructor(private readonly rows: readonly T[]) {}
  /** The rows of `memberId` (ids asked in ascending order); an empty list when none. */
  take(memberId: number): T[] {
    const rows = this.rows;
    while (this.i < rows.length && (rows[this.i].member_id ?? -1) < memberId) this.i++;
    if (this.i >= rows.length || rows[this.i].member_id !== memberId) return EMPTY;
    const from = this.i;
    while (this.i < rows.length && rows[this.i].member_id === memberId) this.i++;
    return rows.slice(from, this.i) as T[];
  }
}
const EMPTY: never[] = [];


/** Loads the facts of one chunk: one query per source (rows in member order), then assembled member by member. */
export async function loadChunkFacts(
  q: Q,
  chunk: Chunk,
  organizations: ReadonlySet<number>,
  c: LoadContext,
  cache: ReturnType<typeof makeExpectedCache> | null = null,
): Promise<{ members: ChunkMember[]; facts: MemberFacts[] }> {
  const { year, cutoff } = c;
  const yearStart = `${year}-01-01`;
  const firstMonth = `${year}-01`;
  const lastMonth = lastJudgedMonth(year, cutoff);
  const n = c.params.consecutiveNotCompletedYears;

  const f = chunk.filter;
  const [listed, absences, summary, profiles, [dExemptions, dReductions, reasons], assignments, exemptions, transfers, gradings, cases, disciplines, opinions] =
    await Promise.all([
      chunk.members ? Promise.resolve(chunk.members) : 'lo' in f ? repo.listMembersInRange(q, f.lo, f.hi) : Promise.resolve([]),
      repo.listUnexcusedAbsences(q, f, yearStart, cutoff),
      lastMonth ? repo.duesSummary(q, f, firstMonth, lastMonth, cutoff) : Promise.resolve([]),
      lastMonth ? repo.listDuesProfiles(q, f, yearStart, `${lastMonth}-01`) : Promise.resolve([]),
      lastMonth ? repo.listDuesDecisions(q, f, firstMonth, lastMonth) : Promise.resolve([[], [], []] as const),
      repo.listAssignmentsInForce(q, f, cutoff),
      repo.listWorkExemptions(q, f, yearStart, cutoff),
      repo.listTransfers(q, f, cutoff),
      repo.listGradings(q, f, year - n + 1, year),
      repo.listProbationCases(q, f, yearStart),
      repo.listDisciplines(q, f, yearStart, cutoff),
      repo.listResidenceOpinions(q, f, year),
    ]);
  // A range also holds members of other subtrees and members who left: only the chunk's own are screened.
  const members = chunk.members ?? listed.filter((m) => ACTIVE.has(m.status) && organizations.has(m.organization_id));

  const cur = {
    absences: new Cursor(absences),
    summary: new Cursor(summary),
    profiles: new Cursor(profiles),
    dExemptions: new Cursor(dExemptions),
    dReductions: new Cursor(dReductions),
    reasons: new Cursor(reasons),
    assignments: new Cursor(assignments),
    exemptions: new Cursor(exemptions),
    transfers: new Cursor(transfers),
    gradings: new Cursor(gradings),
    cases: new Cursor(cases),
    disciplines: new Cursor(disciplines),
    opinions: new Cursor(opinions),
  };
  const expectedOf = lastMonth ? (cache ?? makeExpectedCache(c.dues, firstMonth, lastMonth)) : null;
  const judgedMonths = lastMonth ? Number(lastMonth.slice(5, 7)) : 0;
  const probationParams = (d: IsoDate) => paramsOnOrFirst<ProbationParams>('R-REC-01', d);

  // ---- dues, first pass: the members the payments summary cannot settle (R-DUE, R-DUE-01)
  const owedOf = new Map<number, Record<YearMonth, number>>();
  const needsDetail: number[] = [];
  const reasonsOf = new Map<number, Set<YearMonth>>();
  if (expectedOf) {
    for (const m of members) {
      const texts = cur.profiles.take(m.id);
      const s = cur.summary.take(m.id)[0];
      const ex = cur.dExemptions.take(m.id);
      const red = cur.dReductions.take(m.id);
      const rs = cur.reasons.take(m.id);
      if (texts.length === 0) continue;
      const decisions =
        ex.length > 0 || red.length > 0
          ? {
              exemptions: ex.map((e): DuesExemptionDecision => ({ reason: e.reason as DuesExemptionDecision['reason'], decisionRef: e.decision_ref, from: e.from_month, to: e.to_month })),
              reductions: red.map((r): DuesReductionDecision => ({ percent: r.percent as DuesReductionDecision['percent'], decisionRef: r.decision_ref, from: r.from_month, to: r.to_month })),
            }
          : NO_DECISIONS;
      const owed = expectedOf(
        texts.map((t) => t.facts),
        decisions,
        m.admission_decision_date,
      );
      if (owed.maxOwed === 0) continue;
      // Settled: a payment in every month of the range, the smallest covering the largest amount owed.
      if (s !== undefined && Number(s.months) === judgedMonths && Number(s.min_paid) >= owed.maxOwed) continue;
      owedOf.set(m.id, owed.expected);
      if (rs.length > 0) reasonsOf.set(m.id, new Set(rs.map((r) => r.month)));
      // A member with no payment at all in the year needs no detail: every owed month is unpaid.
      if (s !== undefined) needsDetail.push(m.id);
    }
  }
  // The few members the summary could not settle: their month totals, in lists of ids (never one query each).
  const paid = new Map<number, { forMonth: string; paidOn: string; amountVnd: number }[]>();
  for (let i = 0; i < needsDetail.length && lastMonth; i += ID_LIST_MAX) {
    for (const r of await repo.duesPaidByMonth(q, needsDetail.slice(i, i + ID_LIST_MAX), firstMonth, lastMonth, cutoff)) {
      const list = paid.get(r.member_id) ?? [];
      list.push({ forMonth: r.for_month, paidOn: cutoff, amountVnd: Number(r.paid) });
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
  const facts: MemberFacts[] = members.map((m) => {
    const abs = cur.absences.take(m.id);
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
    const grades = cur.gradings.take(m.id);
    const memberTransfers = cur.transfers.take(m.id);
    const memberOpinions = cur.opinions.take(m.id);
    const memberDisciplines = cur.disciplines.take(m.id);
    const memberExemptions = cur.exemptions.take(m.id);
    return {
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
      probation: probationOf(m, cur.cases.take(m.id), c.calendar, probationParams),
      violations: memberDisciplines.length ? memberDisciplines.map((d) => ({ id: d.id, kind: 'party_discipline' as const, date: d.concluded_on! })) : EMPTY,
      opinions: memberOpinions.length
        ? memberOpinions.map((o) => ({
            id: o.id,
            source: 'residence_cell' as const,
            // The opinion is on its year: given in the next January it still speaks of the screened year.
            date: o.given_on.startsWith(`${year}-`) ? o.given_on : `${year}-12-31`,
            rating: RATING[o.rating] ?? 'medium',
          }))
        : EMPTY,
      assignments: cur.assignments.take(m.id).map((a) => ({ id: a.id, from: a.from_date, to: a.to_date ? addDays(a.to_date, 1) : null })),
      exemptions: memberExemptions.length ? memberExemptions.map((e) => ({ id: e.id, from: e.from_date, to: e.to_date ? addDays(e.to_date, 1) : null })) : EMPTY,
    };
  });
  return { members, facts };
}

const NO_DECISIONS = { exemptions: [], reductions: [] };

/**
 * R-REC-01/04/05: the member's probation and its recognition. From the admission case's stored due dates when the
 * member came through the system; for a member recorded as probationary without a case, from the ceremony date.
 */
function probationOf(
  m: ChunkMember,
  cases: readonly { status: string; due_dates: string; closed_on: string | null; ceremony_date: string | null }[] | undefined,
  cal: WorkingCalendar,
  params: (d: IsoDate) => ProbationParams,
): ProbationFact | null {
  const kase = cases?.[cases.length - 1];
  if (kase) {
    const due = parseDueDates(kase.due_dates);
    const endsOn = due.probationEnd ?? (kase.ceremony_date ? probationEndDate(kase.ceremony_date, params(kase.ceremony_date)) : null);
    if (!endsOn) return null;
    const decided = kase.status === 'official' || kase.status === 'struck_from_probation' ? (kase.closed_on ?? null) : null;
    return { endsOn, recognitionDueOn: due.recognitionDecisionDue ?? recognitionDueFrom(cal, endsOn), decidedOn: decided };
  }
  if (m.status !== 'probationary' || !m.ceremony_date) return null;
  const endsOn = probationEndDate(m.ceremony_date, params(m.ceremony_date));
  return { endsOn, recognitionDueOn: recognitionDueFrom(cal, endsOn), decidedOn: null };
}

export { makeExpectedCache };
