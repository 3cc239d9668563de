import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRADING_RULE_SETS } from './grading-rule-sets.ts';
import { addDays, daysInMonth, formatIsoDate, fromEpochDay, toEpochDay, type IsoDate } from './iso-date.ts';
import {
  FLAG_KINDS,
  FLAG_RULE_IDS,
  reconcileFlags,
  screenMember,
  screenMembers,
  screeningCutoff,
  screeningParamsInForce,
  type AttendanceOutcome,
  type DuesState,
  type Flag,
  type FlagEvidence,
  type MemberFacts,
  type ScreeningParams,
} from './screening-engine.ts';

const P: ScreeningParams = { missedActivityMonths: 3, unpaidDuesMonths: 3, consecutiveNotCompletedYears: 2 };
const ASSIGNED = [{ id: 1, from: '2020-01-01', to: null }];

/** A member with nothing to flag: assigned work, every record clean. */
function member(over: Partial<MemberFacts> = {}): MemberFacts {
  return {
    memberId: 7,
    attendance: [],
    dues: [],
    gradings: [],
    transfers: [],
    probation: null,
    violations: [],
    opinions: [],
    assignments: ASSIGNED,
    exemptions: [],
    ...over,
  };
}
const absent = (...months: string[]) => months.map((month, i) => ({ month, outcome: 'absent_unexcused' as AttendanceOutcome, meetingIds: [100 + i] }));
const unpaid = (...months: string[]) => months.map((month) => ({ month, state: 'unpaid' as DuesState }));
const kinds = (flags: Flag[]) => flags.map((f) => f.kind);
const screen2025 = (m: MemberFacts, asOf: IsoDate = '2026-01-15') => screenMember(m, 2025, P, asOf);

describe('R-RMV-01 missed activities (Điều lệ Art. 8.2): 3 months in a year without good reason', () => {
  it('R-RMV-01: 2 months absent without reason raise nothing; 3 months raise a flag with the months and meetings', () => {
    expect(screen2025(member({ attendance: absent('2025-02', '2025-05') }))).toEqual([]);
    const [flag] = screen2025(member({ attendance: absent('2025-02', '2025-05', '2025-11') }));
    expect(flag).toEqual({
      ruleId: 'R-RMV-01',
      kind: 'missed_activities',
      memberId: 7,
      period: '2025',
      evidence: { months: ['2025-02', '2025-05', '2025-11'], meetingIds: [100, 101, 102] },
      key: '7/R-RMV-01/missed_activities/2025',
    });
  });

  it('R-RMV-01: an excused absence does not count', () => {
    const attendance = [...absent('2025-02', '2025-05'), { month: '2025-06', outcome: 'excused' as AttendanceOutcome }];
    expect(screen2025(member({ attendance }))).toEqual([]);
  });

  it('R-RMV-01: attended, not expected and unrecorded ("expected") months do not count', () => {
    const attendance = [
      ...absent('2025-02', '2025-05'),
      { month: '2025-06', outcome: 'attended' as AttendanceOutcome },
      { month: '2025-07', outcome: 'not_expected' as AttendanceOutcome },
      { month: '2025-08', outcome: 'expected' as AttendanceOutcome },
    ];
    expect(screen2025(member({ attendance }))).toEqual([]);
  });

  it('R-RMV-01: a month inside an exemption does not count (R-MGT-02), nor one partly covered', () => {
    const attendance = absent('2025-02', '2025-05', '2025-11');
    expect(screen2025(member({ attendance, exemptions: [{ id: 3, from: '2025-11-01', to: null }] }))).toEqual([]);
    expect(screen2025(member({ attendance, exemptions: [{ id: 3, from: '2025-05-31', to: '2025-06-15' }] }))).toEqual([]);
    // The exemption (March and April) ended on 1 May (exclusive): May is a full month of activity again.
    expect(kinds(screen2025(member({ attendance, exemptions: [{ id: 3, from: '2025-03-01', to: '2025-05-01' }] })))).toEqual(['missed_activities']);
  });

  it('R-RMV-01: a month on temporary transfer out does not count (R-MGT-06)', () => {
    const attendance = absent('2025-02', '2025-05', '2025-11');
    const away = { id: 9, kind: 'temporary' as const, leftOn: '2025-04-20', returnedOn: '2025-06-01', dueDate: null, completedOn: '2025-04-25' };
    expect(screen2025(member({ attendance, transfers: [away] }))).toEqual([]);
    // Back on 1 May: May counts again.
    const back = { ...away, returnedOn: '2025-05-01' };
    expect(kinds(screen2025(member({ attendance, transfers: [back] })))).toEqual(['missed_activities']);
    // An official transfer does not excuse anything.
    expect(kinds(screen2025(member({ attendance, transfers: [{ ...away, kind: 'official' }] })))).toEqual(['missed_activities']);
  });

  it('R-RMV-01: counts months, not meetings, and only months of the year up to the cut-off', () => {
    expect(screen2025(member({ attendance: absent('2025-02', '2025-02', '2025-05') }))).toEqual([]);
    expect(screen2025(member({ attendance: absent('2024-12', '2025-02', '2025-05') }))).toEqual([]);
    expect(screen2025(member({ attendance: absent('2025-02', '2025-05', '2025-11') }), '2025-10-31')).toEqual([]);
    expect(kinds(screen2025(member({ attendance: absent('2025-02', '2025-05', '2025-11') }), '2025-11-01'))).toEqual(['missed_activities']);
  });
});

describe('R-RMV-01 / R-DUE-01 unpaid dues: 3 months in a year without good reason', () => {
  it('R-DUE-01: 2 months unpaid raise nothing; 3 raise a flag', () => {
    expect(screen2025(member({ dues: unpaid('2025-01', '2025-02') }))).toEqual([]);
    const [flag] = screen2025(member({ dues: unpaid('2025-01', '2025-02', '2025-09') }));
    expect(flag).toMatchObject({ ruleId: 'R-RMV-01', kind: 'unpaid_dues', evidence: { months: ['2025-01', '2025-02', '2025-09'] }, key: '7/R-RMV-01/unpaid_dues/2025' });
  });

  it('R-DUE-01: unpaid with a recorded reason, and months not due, do not count', () => {
    const dues = [...unpaid('2025-01', '2025-02'), { month: '2025-03', state: 'unpaid_with_reason' as DuesState }, { month: '2025-04', state: 'not_due' as DuesState }];
    expect(screen2025(member({ dues }))).toEqual([]);
  });

  it('R-DUE-01: an exemption from activities is no exemption from dues; a temporary transfer is (paid to the host cell)', () => {
    const dues = unpaid('2025-01', '2025-02', '2025-09');
    expect(kinds(screen2025(member({ dues, exemptions: [{ id: 1, from: '2025-01-01', to: null }] })))).toEqual(['unpaid_dues']);
    const away = { id: 9, kind: 'temporary' as const, leftOn: '2025-09-10', returnedOn: null, dueDate: null, completedOn: null };
    expect(screen2025(member({ dues, transfers: [away] }))).toEqual([]);
  });
});

describe('R-RMV-02 not_completed two years in a row (294 §8.1)', () => {
  it('R-RMV-02: not_completed in 2024 and 2025 raises one flag for 2024-2025', () => {
    const gradings = [
      { year: 2024, level: 'not_completed' as const, documentId: 41 },
      { year: 2025, level: 'not_completed' as const, documentId: 52 },
    ];
    expect(screen2025(member({ gradings }))).toEqual([
      {
        ruleId: 'R-RMV-02',
        kind: 'not_completed_two_years',
        memberId: 7,
        period: '2024-2025',
        evidence: { years: [2024, 2025], documentIds: [41, 52] },
        key: '7/R-RMV-02/not_completed_two_years/2024-2025',
      },
    ]);
  });

  it('R-RMV-02: not_completed in non-consecutive years (2023, 2025) does not flag', () => {
    const gradings = [
      { year: 2023, level: 'not_completed' as const },
      { year: 2024, level: 'completed' as const },
      { year: 2025, level: 'not_completed' as const },
    ];
    expect(screen2025(member({ gradings }))).toEqual([]);
  });

  it('R-RMV-02: a year not graded (exempted, R-GRD-02) breaks the run', () => {
    const gradings = [
      { year: 2023, level: 'not_completed' as const },
      { year: 2024, level: null },
      { year: 2025, level: 'not_completed' as const },
    ];
    expect(screen2025(member({ gradings }))).toEqual([]);
    expect(screenMember(member({ gradings }), 2024, P, '2025-01-10')).toEqual([]);
  });

  it('R-RMV-02: the number of years is a parameter', () => {
    const gradings = [2023, 2024, 2025].map((year) => ({ year, level: 'not_completed' as const }));
    expect(screenMember(member({ gradings }), 2025, { ...P, consecutiveNotCompletedYears: 3 }, '2026-01-01')[0].period).toBe('2023-2025');
    expect(screenMember(member({ gradings: gradings.slice(1) }), 2025, { ...P, consecutiveNotCompletedYears: 3 }, '2026-01-01')).toEqual([]);
  });
});

describe('R-RMV-06 with R-MGT-05 transfers not completed in time', () => {
  const transfer = { id: 17, kind: 'official' as const, leftOn: '2025-01-15', returnedOn: null, dueDate: '2025-03-10', completedOn: null };

  it('R-RMV-06: the due day itself is in time; the day after, an outstanding transfer is flagged', () => {
    expect(screenMember(member({ transfers: [transfer] }), 2025, P, '2025-03-10')).toEqual([]);
    expect(screenMember(member({ transfers: [transfer] }), 2025, P, '2025-03-11')).toEqual([
      {
        ruleId: 'R-RMV-06',
        kind: 'transfer_overdue',
        memberId: 7,
        period: 'transfer-17',
        evidence: { transferId: 17, dueDate: '2025-03-10', completedOn: null, cutoff: '2025-03-11' },
        key: '7/R-RMV-06/transfer_overdue/transfer-17',
      },
    ]);
  });

  it('R-RMV-06: completed on the due date is in time; one day late is flagged', () => {
    expect(screen2025(member({ transfers: [{ ...transfer, completedOn: '2025-03-10' }] }))).toEqual([]);
    expect(kinds(screen2025(member({ transfers: [{ ...transfer, completedOn: '2025-03-11' }] })))).toEqual(['transfer_overdue']);
  });

  it('R-RMV-06: a completion later than the cut-off is not seen; a late completion of an earlier year is that year’s', () => {
    // Completed on 1 January after a due date in December: late on 1 January, so it belongs to both years' screening.
    expect(kinds(screen2025(member({ transfers: [{ ...transfer, dueDate: '2024-12-20', completedOn: '2025-01-01' }] })))).toEqual(['transfer_overdue']);
    expect(kinds(screen2025(member({ transfers: [{ ...transfer, completedOn: '2025-06-01' }] }), '2025-04-01'))).toEqual(['transfer_overdue']);
    const lastYear = { ...transfer, dueDate: '2024-03-10', completedOn: '2024-05-01' };
    expect(screen2025(member({ transfers: [lastYear] }))).toEqual([]);
    expect(kinds(screenMember(member({ transfers: [lastYear] }), 2024, P, '2025-01-01'))).toEqual(['transfer_overdue']);
  });

  it('R-RMV-06: a transfer still outstanding carries the same key into the next year (one flag, not two)', () => {
    const old = { ...transfer, dueDate: '2024-10-01' };
    const k2024 = screenMember(member({ transfers: [old] }), 2024, P, '2024-12-31').map((f) => f.key);
    const k2025 = screen2025(member({ transfers: [old] })).map((f) => f.key);
    expect(k2024).toEqual(['7/R-RMV-06/transfer_overdue/transfer-17']);
    expect(k2025).toEqual(k2024);
  });
});

describe('R-RMV-06 with R-REC-04/05 probation past its end without recognition', () => {
  const probation = { endsOn: '2025-02-01', recognitionDueOn: '2025-04-30', decidedOn: null };

  it('R-RMV-06: flagged the day after the last day of the windows; a timely decision raises nothing', () => {
    expect(screenMember(member({ probation }), 2025, P, '2025-04-30')).toEqual([]);
    expect(screenMember(member({ probation }), 2025, P, '2025-05-01')).toEqual([
      {
        ruleId: 'R-RMV-06',
        kind: 'probation_overdue',
        memberId: 7,
        period: 'probation-2025-02-01',
        evidence: { dueDate: '2025-04-30', completedOn: null, cutoff: '2025-05-01' },
        key: '7/R-RMV-06/probation_overdue/probation-2025-02-01',
      },
    ]);
    expect(screen2025(member({ probation: { ...probation, decidedOn: '2025-04-30' } }))).toEqual([]);
    expect(kinds(screen2025(member({ probation: { ...probation, decidedOn: '2025-05-01' } })))).toEqual(['probation_overdue']);
  });
});

describe('R-RMV-06 discipline, law violations and low prestige (Kế hoạch 99 II.4)', () => {
  it('R-RMV-06: a discipline or violation dated in the year is flagged once for the year, with every record by its source', () => {
    const violations = [
      { id: 5, kind: 'law_violation' as const, date: '2025-08-01' },
      { id: 3, kind: 'party_discipline' as const, date: '2025-02-01' },
      { id: 2, kind: 'state_discipline' as const, date: '2024-12-31' },
      { id: 4, kind: 'state_discipline' as const, date: '2025-03-10' },
    ];
    // Party discipline is a discipline referral (documentIds); state discipline and law violations are conduct records.
    expect(screen2025(member({ violations }))).toEqual([
      expect.objectContaining({ kind: 'discipline_or_violation', ruleId: 'R-RMV-06', period: '2025', evidence: { documentIds: [3], violationRecordIds: [4, 5] } }),
    ]);
    expect(screen2025(member({ violations }), '2025-07-31')[0].evidence).toEqual({ documentIds: [3], violationRecordIds: [4] });
    expect(screen2025(member({ violations: [violations[0]] }))[0].evidence).toEqual({ violationRecordIds: [5] });
    expect(screen2025(member({ violations: violations.slice(2, 3) }))).toEqual([]);
  });

  it('R-RMV-06 with R-MGT-07: a residence-cell or Front opinion rating prestige low is flagged; medium is not', () => {
    const opinions = [
      { id: 11, source: 'residence_cell' as const, date: '2025-12-01', rating: 'low' as const },
      { id: 12, source: 'front' as const, date: '2025-06-01', rating: 'medium' as const },
    ];
    expect(screen2025(member({ opinions }))).toEqual([expect.objectContaining({ kind: 'low_prestige', evidence: { documentIds: [11] } })]);
    expect(screen2025(member({ opinions: opinions.slice(1) }))).toEqual([]);
    // The Front's opinions are named apart from the residence cell's (another table's ids).
    const front = [...opinions, { id: 11, source: 'front' as const, date: '2025-03-01', rating: 'low' as const }];
    expect(screen2025(member({ opinions: front }))[0].evidence).toEqual({ documentIds: [11], frontOpinionIds: [11] });
    expect(screen2025(member({ opinions: front.slice(1) }))[0].evidence).toEqual({ frontOpinionIds: [11] });
  });
});

describe('R-RMV-06 with R-MGT-01 no work assignment', () => {
  it('R-MGT-01: a member not exempted and without an assignment on the cut-off date is flagged', () => {
    expect(screen2025(member({ assignments: [] }), '2025-06-30')).toEqual([
      expect.objectContaining({ kind: 'no_assignment', ruleId: 'R-RMV-06', period: '2025', evidence: { cutoff: '2025-06-30' } }),
    ]);
  });

  it('R-MGT-01: an assignment ending on the cut-off (exclusive) no longer counts; one starting on it does', () => {
    expect(kinds(screen2025(member({ assignments: [{ id: 1, from: '2025-01-01', to: '2025-06-30' }] }), '2025-06-30'))).toEqual(['no_assignment']);
    expect(screen2025(member({ assignments: [{ id: 1, from: '2025-06-30', to: null }] }), '2025-06-30')).toEqual([]);
  });

  it('R-MGT-01 with R-MGT-02/06: an exempted member or one away on temporary transfer is not flagged', () => {
    expect(screen2025(member({ assignments: [], exemptions: [{ id: 1, from: '2024-01-01', to: null }] }))).toEqual([]);
    const away = { id: 9, kind: 'temporary' as const, leftOn: '2025-12-01', returnedOn: null, dueDate: null, completedOn: null };
    expect(screen2025(member({ assignments: [], transfers: [away] }))).toEqual([]);
  });
});

describe('screening time and identity', () => {
  it('judges a year as of the earlier of asOf and 31 December; refuses a year not yet begun', () => {
    expect(screeningCutoff(2025, '2025-07-01')).toBe('2025-07-01');
    expect(screeningCutoff(2025, '2027-03-01')).toBe('2025-12-31');
    expect(() => screeningCutoff(2025, '2024-12-31')).toThrow(RangeError);
    expect(() => screen2025(member({ attendance: absent('2025-13') }))).toThrow(RangeError);
    expect(() => screenMember(member(), 2025, { ...P, missedActivityMonths: 0 }, '2025-06-01')).toThrow(RangeError);
  });

  it('takes its numbers from the rule set in force (R-RMV-01: 3 months; R-RMV-02: 2 years)', () => {
    expect(screeningParamsInForce(GRADING_RULE_SETS, '2025-12-31')).toEqual(P);
    expect(screeningParamsInForce(GRADING_RULE_SETS, '2026-12-31')).toEqual(P);
    expect(screeningParamsInForce(GRADING_RULE_SETS, '2022-12-31')).toEqual(P);
  });

  it('names each flag kind by its rule', () => {
    expect(Object.keys(FLAG_RULE_IDS).sort()).toEqual([...FLAG_KINDS].sort());
  });
});

describe('R-RMV-07 reconciling a run with the flags on record', () => {
  const flags = screenMembers(
    [member({ memberId: 1, attendance: absent('2025-01', '2025-02', '2025-03') }), member({ memberId: 2, assignments: [] })],
    2025,
    P,
    '2025-12-31',
  );

  it('R-RMV-07: inserts new flags, leaves open ones, never proposes to close one', () => {
    const r = reconcileFlags(['1/R-RMV-01/missed_activities/2025', '9/R-RMV-06/no_assignment/2025'], flags);
    expect(r.toInsert.map((f) => f.key)).toEqual(['2/R-RMV-06/no_assignment/2025']);
    expect(r.unchanged.map((f) => f.key)).toEqual(['1/R-RMV-01/missed_activities/2025']);
    expect(Object.keys(r).sort()).toEqual(['alreadyDecided', 'toInsert', 'unchanged']);
  });

  it('R-RMV-07: a flag closed by a decision is not raised again for the same period', () => {
    const r = reconcileFlags([], flags, ['2/R-RMV-06/no_assignment/2025']);
    expect(r.toInsert.map((f) => f.key)).toEqual(['1/R-RMV-01/missed_activities/2025']);
    expect(r.alreadyDecided.map((f) => f.key)).toEqual(['2/R-RMV-06/no_assignment/2025']);
  });

  it('R-RMV-07: the same key twice in one run is inserted once', () => {
    expect(reconcileFlags([], [...flags, ...flags]).toInsert).toHaveLength(2);
  });
});

// ——— Property tests against a separately written reference ———

const YEARS = [2024, 2025, 2026];
const monthOf = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** A date within about a year and a half around 2025 (epoch days). */
const dateArb = fc.integer({ min: toEpochDay('2023-06-01'), max: toEpochDay('2027-06-30') }).map(fromEpochDay);
const monthArb = fc.record({ y: fc.constantFrom(...YEARS), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => monthOf(y, m));
const periodArb = fc
  .record({ from: dateArb, length: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }) })
  .map(({ from, length }) => ({ from, to: length === null ? null : addDays(from, length) }));

const memberArb = (memberId: number): fc.Arbitrary<MemberFacts> =>
  fc.record({
    memberId: fc.constant(memberId),
    attendance: fc.array(
      fc.record({
        month: monthArb,
        outcome: fc.constantFrom<AttendanceOutcome>('absent_unexcused', 'absent_unexcused', 'absent_unexcused', 'attended', 'excused', 'expected', 'not_expected'),
        meetingIds: fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 2 }),
      }),
      { maxLength: 14 },
    ),
    dues: fc.array(fc.record({ month: monthArb, state: fc.constantFrom<DuesState>('unpaid', 'unpaid', 'paid', 'unpaid_with_reason', 'not_due') }), { maxLength: 14 }),
    gradings: fc.array(
      fc.record({ year: fc.constantFrom(2023, ...YEARS), level: fc.constantFrom('not_completed', 'not_completed', 'completed', 'good', 'excellent', null) as fc.Arbitrary<MemberFacts['gradings'][number]['level']> }),
      { maxLength: 4 },
    ),
    transfers: fc
      .array(
        fc.record({
          kind: fc.constantFrom('official' as const, 'temporary' as const),
          period: periodArb,
          dueDate: fc.option(dateArb, { nil: null }),
          completedOn: fc.option(dateArb, { nil: null }),
        }),
        { maxLength: 3 },
      )
      .map((ts) => ts.map((t, i) => ({ id: i + 1, kind: t.kind, leftOn: t.period.from, returnedOn: t.period.to, dueDate: t.dueDate, completedOn: t.completedOn }))),
    probation: fc.option(
      fc.record({ endsOn: dateArb, window: fc.integer({ min: 0, max: 90 }), decidedOn: fc.option(dateArb, { nil: null }) }).map((p) => ({
        endsOn: p.endsOn,
        recognitionDueOn: addDays(p.endsOn, p.window),
        decidedOn: p.decidedOn,
      })),
      { nil: null },
    ),
    violations: fc.array(fc.record({ id: fc.integer({ min: 1, max: 99 }), kind: fc.constantFrom('party_discipline' as const, 'state_discipline' as const, 'law_violation' as const), date: dateArb }), { maxLength: 2 }),
    opinions: fc.array(
      fc.record({ id: fc.integer({ min: 1, max: 99 }), source: fc.constantFrom('residence_cell' as const, 'front' as const), date: dateArb, rating: fc.constantFrom('high' as const, 'medium' as const, 'low' as const) }),
      { maxLength: 2 },
    ),
    assignments: fc.array(periodArb, { maxLength: 2 }).map((ps) => ps.map((p, i) => ({ id: i + 1, ...p }))),
    exemptions: fc.array(periodArb, { maxLength: 2 }).map((ps) => ps.map((p, i) => ({ id: i + 1, ...p }))),
  });

const screenArgs = fc.record({
  year: fc.constantFrom(...YEARS),
  asOfOffset: fc.integer({ min: 0, max: 500 }),
  params: fc.record({
    missedActivityMonths: fc.integer({ min: 1, max: 4 }),
    unpaidDuesMonths: fc.integer({ min: 1, max: 4 }),
    consecutiveNotCompletedYears: fc.integer({ min: 1, max: 3 }),
  }),
});

/**
 * The reference: each rule read straight off rules.md, day by day, with no shared code. "Covered" = some day of the
 * month lies inside the period; "in force on d" = from ≤ d < to; a deadline is missed on day d when d is after the
 * due date and the thing was not done before d.
 */
function referenceKeys(f: MemberFacts, year: number, p: ScreeningParams, asOf: IsoDate): Map<string, unknown> {
  const cutoff = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  const inForce = (from: IsoDate, to: IsoDate | null, d: IsoDate) => from <= d && (to === null || d < to);
  const daysOf = (y: number, m: number) => Array.from({ length: daysInMonth(y, m) }, (_, i) => formatIsoDate(y, m, i + 1));
  const temps = f.transfers.filter((t) => t.kind === 'temporary');
  const out = new Map<string, unknown>();

  const missed: string[] = [];
  const unpaidMonths: string[] = [];
  for (let m = 1; m <= 12; m++) {
    if (formatIsoDate(year, m, 1) > cutoff) continue;
    const ym = monthOf(year, m);
    const days = daysOf(year, m);
    const exempt = days.some((d) => f.exemptions.some((e) => inForce(e.from, e.to, d)));
    const away = days.some((d) => temps.some((t) => inForce(t.leftOn, t.returnedOn, d)));
    if (!exempt && !away && f.attendance.some((a) => a.month === ym && a.outcome === 'absent_unexcused')) missed.push(ym);
    if (!away && f.dues.some((d) => d.month === ym && d.state === 'unpaid')) unpaidMonths.push(ym);
  }
  if (missed.length >= p.missedActivityMonths) out.set(`${f.memberId}/R-RMV-01/missed_activities/${year}`, missed);
  if (unpaidMonths.length >= p.unpaidDuesMonths) out.set(`${f.memberId}/R-RMV-01/unpaid_dues/${year}`, unpaidMonths);

  let run = true;
  for (let y = year - p.consecutiveNotCompletedYears + 1; y <= year; y++) {
    run = run && f.gradings.some((g) => g.year === y && g.level === 'not_completed');
  }
  if (run) out.set(`${f.memberId}/R-RMV-02/not_completed_two_years/${year - p.consecutiveNotCompletedYears + 1}-${year}`, null);

  const lateDuringYear = (due: IsoDate, done: IsoDate | null) => {
    for (let d = `${year}-01-01`; d <= cutoff; d = addDays(d, 1)) if (d > due && (done === null || done >= d)) return true;
    return false;
  };
  for (const t of f.transfers) {
    if (t.dueDate !== null && lateDuringYear(t.dueDate, t.completedOn)) out.set(`${f.memberId}/R-RMV-06/transfer_overdue/transfer-${t.id}`, null);
  }
  if (f.probation && lateDuringYear(f.probation.recognitionDueOn, f.probation.decidedOn)) {
    out.set(`${f.memberId}/R-RMV-06/probation_overdue/probation-${f.probation.endsOn}`, null);
  }
  const inYear = (d: IsoDate) => Number(d.slice(0, 4)) === year && d <= cutoff;
  // The evidence names each record by where it is kept: referrals and residence opinions, conduct records, Front opinions.
  const ids = (xs: { id: number }[]) => (xs.length ? [...new Set(xs.map((x) => x.id))].sort((a, b) => a - b) : undefined);
  const violations = f.violations.filter((v) => inYear(v.date));
  if (violations.length > 0) {
    out.set(`${f.memberId}/R-RMV-06/discipline_or_violation/${year}`, {
      documentIds: ids(violations.filter((v) => v.kind === 'party_discipline')),
      violationRecordIds: ids(violations.filter((v) => v.kind !== 'party_discipline')),
    });
  }
  const low = f.opinions.filter((o) => o.rating === 'low' && inYear(o.date));
  if (low.length > 0) {
    out.set(`${f.memberId}/R-RMV-06/low_prestige/${year}`, { documentIds: ids(low.filter((o) => o.source === 'residence_cell')), frontOpinionIds: ids(low.filter((o) => o.source === 'front')) });
  }
  const exemptOnCutoff = f.exemptions.some((e) => inForce(e.from, e.to, cutoff));
  const awayOnCutoff = temps.some((t) => inForce(t.leftOn, t.returnedOn, cutoff));
  const assignedOnCutoff = f.assignments.some((a) => inForce(a.from, a.to, cutoff));
  if (!exemptOnCutoff && !awayOnCutoff && !assignedOnCutoff) out.set(`${f.memberId}/R-RMV-06/no_assignment/${year}`, null);
  return out;
}

describe('screening properties (fast-check)', () => {
  it('R-RMV-01/02/06: a flag appears if and only if its rule holds on the data (reference implementation)', () => {
    fc.assert(
      fc.property(memberArb(7), screenArgs, (facts, { year, asOfOffset, params }) => {
        const asOf = addDays(`${year}-01-01`, asOfOffset);
        const flags = screenMember(facts, year, params, asOf);
        const expected = referenceKeys(facts, year, params, asOf);
        expect(flags.map((f) => f.key).sort()).toEqual([...expected.keys()].sort());
        for (const f of flags) {
          expect(f.ruleId).toBe(FLAG_RULE_IDS[f.kind]);
          expect(f.memberId).toBe(7);
          if (f.kind === 'missed_activities' || f.kind === 'unpaid_dues') expect(f.evidence.months).toEqual(expected.get(f.key));
          if (f.kind === 'discipline_or_violation') {
            const e = expected.get(f.key) as Pick<FlagEvidence, 'documentIds' | 'violationRecordIds'>;
            expect([f.evidence.documentIds, f.evidence.violationRecordIds]).toEqual([e.documentIds, e.violationRecordIds]);
          }
          if (f.kind === 'low_prestige') {
            const e = expected.get(f.key) as Pick<FlagEvidence, 'documentIds' | 'frontOpinionIds'>;
            expect([f.evidence.documentIds, f.evidence.frontOpinionIds]).toEqual([e.documentIds, e.frontOpinionIds]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('R-RMV-07: screening twice and reconciling adds nothing; a later run of the same year never duplicates a key', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }).chain((xs) => fc.tuple(...xs.map((_, i) => memberArb(i + 1)))), screenArgs, fc.nat(200), (members, { year, asOfOffset, params }, later) => {
        const asOf = addDays(`${year}-01-01`, asOfOffset);
        const first = reconcileFlags([], screenMembers(members, year, params, asOf));
        const keys = first.toInsert.map((f) => f.key);
        expect(new Set(keys).size).toBe(keys.length);
        const again = reconcileFlags(keys, screenMembers(members, year, params, asOf));
        expect(again.toInsert).toEqual([]);
        expect(again.unchanged.map((f) => f.key).sort()).toEqual([...keys].sort());
        // Later in the same year: only no_assignment (a state on the cut-off day) may stop holding; every other
        // condition, once met, stays met, so its flag is found again under the same key and never inserted twice.
        const laterFlags = screenMembers(members, year, params, addDays(asOf, later));
        const laterKeys = new Set(laterFlags.map((f) => f.key));
        for (const f of first.toInsert) if (f.kind !== 'no_assignment') expect(laterKeys.has(f.key)).toBe(true);
        const next = reconcileFlags(keys, laterFlags);
        for (const f of next.toInsert) expect(keys).not.toContain(f.key);
      }),
      { numRuns: 150 },
    );
  });
});
