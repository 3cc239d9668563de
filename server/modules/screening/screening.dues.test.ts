import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesArrears, type DuesExemptionDecision, type DuesReductionDecision } from '../../../common/rules/dues.ts';
import type { DuesGroup } from '../../../common/rules/dues-rule-sets.ts';
import { GRADING_RULE_SETS } from '../../../common/rules/grading-rule-sets.ts';
import { memberScreener, screeningCutoff, screeningParamsInForce, type Flag } from '../../../common/rules/screening-engine.ts';
import type { Db } from '../../db/create-db.ts';
import { buildMember, buildTree, buildUser } from '../../test/factories.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/test-db.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar.ts';
import { expectedByMonth, type DuesRules, type MemberDuesFacts } from '../dues/dues.ledger.ts';
import { loadChunkFacts, loadDuesRules, makeExpectedCache, planChunks } from './screening.facts.ts';

// R-RMV-01 / R-DUE-01 through the run's loader: a run reads each member's dues as one row reduced in SQL (the smallest
// month total, profile texts cut to the judged months, the admission date only where party age can matter) and reads
// month totals only for the members that row cannot settle. Whatever the shortcut, the unpaid months must be the ones
// the dues ledger finds from the member's full records: profile changes, profiles begun years before, exemption and
// reduction decisions, the 50-year party-age exemption of 01-QĐ/TW (from 1/2/2026), good reasons, short, missing and
// late payments. Year 2026 as of 15 June: January to May are judged.

const YEAR = 2026;
const AS_OF = '2026-06-15';
const JUDGED = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const AT = '2026-01-01T00:00:00.000Z';

interface Case {
  profiles: { from: string; to: string | null; base: number; group?: DuesGroup }[];
  admittedOn?: string;
  exemption?: { from: string; to: string | null };
  reduction?: { percent: 30 | 50 | 70; from: string; to: string };
  goodReasons?: string[];
  /** [month, amount, paid on] */
  payments: [string, number, string?][];
}

const paidEvery = (amount: number, months = JUDGED): [string, number][] => months.map((m) => [m, amount]);

const CASES: Record<string, Case> = {
  allPaid: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], payments: paidEvery(50_000) },
  nothingPaid: { profiles: [{ from: '2018-06-01', to: null, base: 5_000_000 }], payments: [] },
  raisedInMarchPaidOld: {
    profiles: [
      { from: '2021-01-01', to: '2026-03-01', base: 5_000_000 },
      { from: '2026-03-01', to: null, base: 8_000_000 },
    ],
    payments: paidEvery(50_000),
  },
  raisedInMarchPaidNew: {
    profiles: [
      { from: '2021-01-01', to: '2026-03-01', base: 5_000_000 },
      { from: '2026-03-01', to: null, base: 8_000_000 },
    ],
    payments: [...paidEvery(50_000, JUDGED.slice(0, 2)), ...paidEvery(80_000, JUDGED.slice(2))],
  },
  endedInApril: { profiles: [{ from: '2019-01-01', to: '2026-04-01', base: 6_000_000 }], payments: [] },
  // Admitted 1 March 1976: 50 years of party age from March 2026, exempt under 01-QĐ/TW — only January and February owed.
  partyAgeInRange: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], admittedOn: '1976-03-01', payments: [] },
  // Admitted mid-March 1976: the 50 years are complete on 15 April, so April's 1st day is not yet exempt.
  partyAgeMidMonth: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], admittedOn: '1976-03-15', payments: [] },
  // Admitted 1975: 50 years already; the exemption exists only from 1 February 2026 (01-QĐ/TW), so January is owed.
  partyAgeBefore: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], admittedOn: '1975-01-10', payments: [] },
  partyAgeAfter: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], admittedOn: '1976-07-01', payments: [] },
  exemptedFebToApril: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], exemption: { from: '2026-02', to: '2026-04' }, payments: [] },
  exemptedOpen: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], exemption: { from: '2026-03', to: null }, payments: paidEvery(50_000, JUDGED.slice(0, 1)) },
  reducedPaidHalf: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], reduction: { percent: 50, from: '2026-02', to: '2026-05' }, payments: [['2026-01', 50_000], ...paidEvery(25_000, JUDGED.slice(1))] },
  reducedPaidLess: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], reduction: { percent: 50, from: '2026-02', to: '2026-05' }, payments: [['2026-01', 50_000], ...paidEvery(20_000, JUDGED.slice(1))] },
  missingThree: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], payments: paidEvery(50_000, ['2026-02', '2026-03']) },
  missingThreeOneExcused: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], goodReasons: ['2026-04'], payments: paidEvery(50_000, ['2026-02', '2026-03']) },
  shortThenMadeUp: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], payments: [...paidEvery(49_000), ['2026-01', 1_000], ['2026-02', 1_000]] },
  paidLate: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], payments: [...paidEvery(50_000, ['2026-01', '2026-02']), ['2026-03', 50_000, '2026-06-20'], ['2026-04', 50_000, '2026-06-16'], ['2026-05', 50_000, '2026-06-15']] },
  overpaidOneSkippedThree: { profiles: [{ from: '2020-01-01', to: null, base: 5_000_000 }], payments: [['2026-01', 200_000], ['2026-05', 50_000]] },
  noProfile: { profiles: [], payments: [] },
  studentFixed: { profiles: [{ from: '2020-01-01', to: null, base: 0, group: 'student' }], payments: paidEvery(5_000, JUDGED.slice(0, 2)) },
};

async function insertCase(db: Db, memberId: number, organizationId: number, by: number, c: Case) {
  for (const p of c.profiles) {
    await db
      .insertInto('dues_profiles')
      .values({
        member_id: memberId,
        dues_group: p.group ?? 'insured_salary',
        base_amount_vnd: p.group === 'student' ? null : p.base,
        region: null,
        on_sick_or_maternity_leave: 0,
        band_amount_vnd: null,
        past_working_age: 0,
        valid_from: p.from,
        valid_to: p.to,
        note: null,
        version: 1,
        created_by: by,
        created_at: AT,
        closed_by: null,
        closed_at: null,
      })
      .execute();
  }
  if (c.exemption) {
    await db
      .insertInto('dues_exemptions')
      .values({ member_id: memberId, reason: 'serious_illness', decision_ref: '12/QĐ-ĐU', decided_on: `${c.exemption.from}-01`, from_month: c.exemption.from, to_month: c.exemption.to, note: null, version: 1, created_by: by, created_at: AT, updated_at: AT })
      .execute();
  }
  if (c.reduction) {
    await db
      .insertInto('dues_reductions')
      .values({ member_id: memberId, percent: c.reduction.percent, reason: 'Hoàn cảnh khó khăn', decision_ref: '13/QĐ-ĐU', decided_on: `${c.reduction.from}-01`, from_month: c.reduction.from, to_month: c.reduction.to, version: 1, created_by: by, created_at: AT, updated_at: AT })
      .execute();
  }
  for (const month of c.goodReasons ?? []) {
    await db
      .insertInto('dues_good_reasons')
      .values({ member_id: memberId, month, reason: 'Ốm nằm viện', accepted_by: 'Chi bộ', accepted_on: `${month}-20`, decision_ref: null, version: 1, created_by: by, created_at: AT })
      .execute();
  }
  if (c.payments.length === 0) return;
  const batch = await db
    .insertInto('dues_payment_batches')
    .values({ idempotency_key: null, kind: 'collection', item_count: c.payments.length, recorded_by: by, recorded_at: AT })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('dues_payments')
    .values(
      c.payments.map(([month, amount, paidOn]) => ({
        batch_id: batch.id,
        member_id: memberId,
        organization_id: organizationId,
        for_month: month,
        amount_vnd: amount,
        paid_on: paidOn ?? `${month}-10`,
        method: 'cash_to_cell',
        reference: null,
        expected_vnd: null,
        reverses_payment_id: null,
        note: null,
        recorded_by: by,
      })),
    )
    .execute();
}

/** The dues ledger's answer from the member's full records: the judged months unpaid without good reason. */
function ledgerUnpaid(c: Case, rules: DuesRules): string[] {
  const facts: MemberDuesFacts = {
    profiles: c.profiles.map((p) => ({
      validFrom: p.from,
      validTo: p.to,
      group: p.group ?? 'insured_salary',
      baseAmountVnd: p.group === 'student' ? undefined : p.base,
      onSickOrMaternityLeave: false,
      pastWorkingAge: false,
    })),
    exemptions: c.exemption ? [{ reason: 'serious_illness', decisionRef: '12/QĐ-ĐU', from: c.exemption.from, to: c.exemption.to } satisfies DuesExemptionDecision] : [],
    reductions: c.reduction ? [{ percent: c.reduction.percent, decisionRef: '13/QĐ-ĐU', from: c.reduction.from, to: c.reduction.to } satisfies DuesReductionDecision] : [],
    ...(c.admittedOn ? { partyAge: { admittedOn: c.admittedOn } } : {}),
  };
  const expected = expectedByMonth(facts, JUDGED[0], JUDGED[JUDGED.length - 1], rules);
  const payments = c.payments.map(([forMonth, amountVnd, paidOn]) => ({ forMonth, amountVnd, paidOn: paidOn ?? `${forMonth}-10` })).filter((p) => p.paidOn <= AS_OF);
  return duesArrears(expected, payments, '2026-06-16')
    .map((a) => a.month)
    .filter((m) => JUDGED.includes(m) && !(c.goodReasons ?? []).includes(m));
}

describe.each(ENGINES)('a run finds the unpaid months the dues ledger finds, on %s', (engine) => {
  let tdb: TestDatabase;
  let o: Awaited<ReturnType<typeof buildTree>>;
  const memberOf = new Map<string, number>();

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    o = await buildTree(tdb.db);
    const clerk = await buildUser(tdb.db, { role: 'admin', organizationId: o.province.id, username: `clerk-dues-screening-${engine}` });
    for (const [name, c] of Object.entries(CASES)) {
      const { member } = await buildMember(tdb.db, { organizationId: o.cellA.id, person: { full_name: `Đảng viên ${name}` } });
      if (c.admittedOn) await tdb.db.updateTable('members').set({ admission_decision_date: c.admittedOn }).where('id', '=', member.id).execute();
      await insertCase(tdb.db, member.id, o.cellA.id, clerk.id, c);
      memberOf.set(name, member.id);
    }
    // A member of another cell: read with the range, never screened in the cell's run.
    const { member } = await buildMember(tdb.db, { organizationId: o.cellB.id });
    await insertCase(tdb.db, member.id, o.cellB.id, clerk.id, CASES.nothingPaid);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  async function unpaidDuesFlags(path: string) {
    const cutoff = screeningCutoff(YEAR, AS_OF);
    const params = screeningParamsInForce(GRADING_RULE_SETS, cutoff);
    const [dues, calendar, plan] = await Promise.all([loadDuesRules(tdb.db), loadWorkingCalendar(tdb.db), planChunks(tdb.db, path)]);
    const cache = makeExpectedCache(dues, YEAR, cutoff);
    const screen = memberScreener(YEAR, params, AS_OF);
    const flags: Flag[] = [];
    const screened: number[] = [];
    for (const chunk of plan.chunks) {
      const members = await loadChunkFacts(tdb.db, chunk, plan.organizations, { year: YEAR, cutoff, params, dues, calendar }, cache, (f) => screen(f, flags));
      screened.push(...members.map((m) => m.id));
    }
    return { dues, screened, months: new Map(flags.filter((f) => f.kind === 'unpaid_dues').map((f) => [f.memberId, f.evidence.months])) };
  }

  it('R-RMV-01 / R-DUE-01: the cell (read by id list) and the whole tree (read by id range) flag exactly the ledger’s months', async () => {
    for (const path of [o.cellA.path, o.province.path]) {
      const { dues, screened, months } = await unpaidDuesFlags(path);
      expect(screened.length).toBe(path === o.cellA.path ? memberOf.size : memberOf.size + 1);
      for (const [name, c] of Object.entries(CASES)) {
        const unpaid = ledgerUnpaid(c, dues);
        expect(months.get(memberOf.get(name)!), `${name} (${path})`).toEqual(unpaid.length >= 3 ? unpaid : undefined);
      }
    }
  });

  it('the cases cover both answers (a sanity check on the fixture)', async () => {
    const { dues } = await unpaidDuesFlags(o.cellA.path);
    const flagged = Object.values(CASES).filter((c) => ledgerUnpaid(c, dues).length >= 3).length;
    expect(flagged).toBeGreaterThan(4);
    expect(flagged).toBeLessThan(Object.keys(CASES).length - 4);
    expect(ledgerUnpaid(CASES.partyAgeInRange, dues)).toEqual(['2026-01', '2026-02']);
    expect(ledgerUnpaid(CASES.partyAgeBefore, dues)).toEqual(['2026-01']);
  });
});
