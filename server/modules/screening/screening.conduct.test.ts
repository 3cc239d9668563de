import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlagList, ScreeningRun } from '../../../common/contracts/screening.contract.ts';
import type { FlagEvidence } from '../../../common/rules/screening-engine.ts';
import type { Db } from '../../db/create-db.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildAssignment } from './screening.fixtures.ts';
import { runsInFlight } from './screening.service.ts';

// R-RMV-06 (Kế hoạch 99 II.4): a run reads the conduct recorded outside the party's own discipline — state discipline
// and law violations (violation_records, R-DIS-07) and the Fatherland Front's yearly opinion on the member's prestige
// (front_opinions, 124-QĐ/TW) — with the same windows as party discipline and the residence cell's opinion: decided in
// the screened year up to the cut-off, an opinion on the screened year. The evidence names the record by its table.
// The app's clock is 2026-06-15 (Vietnam): the 2026 screening is judged up to that day.

const YEAR = 2026;
const AT = '2026-01-01T00:00:00.000Z';

async function buildViolation(db: Db, o: { memberId: number; organizationId: number; createdBy: number; kind: 'state_discipline' | 'law_violation'; decidedOn: string }) {
  const r = await db
    .insertInto('violation_records')
    .values({
      member_id: o.memberId,
      organization_id: o.organizationId,
      kind: o.kind,
      decided_on: o.decidedOn,
      decided_by: o.kind === 'law_violation' ? 'Công an huyện Bình Minh' : 'UBND xã Bình Minh',
      reference: o.kind === 'law_violation' ? '15/QĐ-XPHC' : '125/QĐ-UBND',
      form: o.kind === 'law_violation' ? 'administrative_sanction' : 'warning',
      description: 'Vi phạm được cơ quan có thẩm quyền xử lý',
      created_by: o.createdBy,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function buildFrontOpinion(db: Db, o: { memberId: number; organizationId: number; createdBy: number; year: number; rating: 'good' | 'average' | 'low'; givenOn: string }) {
  const r = await db
    .insertInto('front_opinions')
    .values({
      member_id: o.memberId,
      organization_id: o.organizationId,
      year: o.year,
      rating: o.rating,
      comments: null,
      given_on: o.givenOn,
      given_by: 'Ban công tác Mặt trận khu dân cư thôn 2',
      created_by: o.createdBy,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

describe.each(ENGINES)('screening reads state discipline, law violations and Front opinions on %s', (engine) => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof buildTree>>;
  let cookie: string;
  const m = {} as Record<'law' | 'state' | 'lawLastYear' | 'lawAfterCutoff' | 'frontLow' | 'frontAverage' | 'frontLastYear', number>;
  const record = {} as Record<'law' | 'state' | 'frontLow', number>;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    o = await buildTree(t.db);
    const clerk = await buildUser(t.db, { role: 'admin', organizationId: o.province.id, username: `clerk-conduct-${engine}` });
    await buildUser(t.db, { role: 'cell_secretary', organizationId: o.cellA.id, username: `secretary-conduct-${engine}` });
    cookie = await loginAs(t.app, `secretary-conduct-${engine}`);
    for (const key of Object.keys({ law: 0, state: 0, lawLastYear: 0, lawAfterCutoff: 0, frontLow: 0, frontAverage: 0, frontLastYear: 0 }) as (keyof typeof m)[]) {
      m[key] = (await buildMember(t.db, { organizationId: o.cellA.id, person: { full_name: `Đảng viên ${key} ${engine}` } })).member.id;
      // Every member holds a work assignment: no R-MGT-01 flag gets in the way.
      await buildAssignment(t.db, { memberId: m[key], organizationId: o.cellA.id, createdBy: clerk.id });
    }
    const base = { organizationId: o.cellA.id, createdBy: clerk.id };
    record.law = await buildViolation(t.db, { ...base, memberId: m.law, kind: 'law_violation', decidedOn: '2026-03-10' });
    record.state = await buildViolation(t.db, { ...base, memberId: m.state, kind: 'state_discipline', decidedOn: '2026-01-20' });
    // Decided in the year before, and decided in the year but after the cut-off (15 June): not this run's.
    await buildViolation(t.db, { ...base, memberId: m.lawLastYear, kind: 'law_violation', decidedOn: '2025-12-31' });
    await buildViolation(t.db, { ...base, memberId: m.lawAfterCutoff, kind: 'law_violation', decidedOn: '2026-06-16' });
    record.frontLow = await buildFrontOpinion(t.db, { ...base, memberId: m.frontLow, year: 2026, rating: 'low', givenOn: '2026-05-20' });
    await buildFrontOpinion(t.db, { ...base, memberId: m.frontAverage, year: 2026, rating: 'average', givenOn: '2026-05-20' });
    // A low opinion on the year before (given in January of the screened year): it speaks of 2025, not of 2026.
    await buildFrontOpinion(t.db, { ...base, memberId: m.frontLastYear, year: 2025, rating: 'low', givenOn: '2026-01-12' });

    const started = await t.app.inject({ method: 'POST', url: '/api/screening/runs', headers: { cookie }, payload: { organizationId: o.cellA.id, year: YEAR } });
    expect(started.statusCode).toBe(202);
    await runsInFlight();
    const run = await t.app.inject({ method: 'GET', url: `/api/screening/runs/${(started.json() as ScreeningRun).id}`, headers: { cookie } });
    expect(run.json()).toMatchObject({ status: 'succeeded', membersTotal: 7 });
  });
  afterAll(async () => {
    await runsInFlight();
    await t.close();
  });

  const flagsOf = async (kind: string) => {
    const r = await t.app.inject({ method: 'GET', url: `/api/screening/flags?organizationId=${o.cellA.id}&year=${YEAR}&kind=${kind}`, headers: { cookie } });
    expect(r.statusCode).toBe(200);
    return (r.json() as FlagList).items;
  };
  /** The evidence as recorded on the flag (the reviewer's page shows it from there). */
  const storedEvidence = async (memberId: number, kind: string): Promise<FlagEvidence> => {
    const row = await t.db.selectFrom('screening_flags').select('evidence').where('member_id', '=', memberId).where('kind', '=', kind).executeTakeFirstOrThrow();
    return JSON.parse(row.evidence) as FlagEvidence;
  };

  it('R-RMV-06: a law violation or a state discipline decided in the year raises discipline_or_violation, naming the record', async () => {
    const flags = await flagsOf('discipline_or_violation');
    expect(flags.map((f) => f.member.id).sort((a, b) => a - b)).toEqual([m.law, m.state].sort((a, b) => a - b));
    expect(flags.every((f) => f.ruleId === 'R-RMV-06' && f.period === '2026')).toBe(true);
    expect(await storedEvidence(m.law, 'discipline_or_violation')).toEqual({ violationRecordIds: [record.law] });
    expect(await storedEvidence(m.state, 'discipline_or_violation')).toEqual({ violationRecordIds: [record.state] });
    // The reviewer's page gets the record itself: form, document, deciding body, date.
    const law = flags.find((f) => f.member.id === m.law)!;
    expect(law.evidence.violationRecordIds).toEqual([record.law]);
    expect(law.violationRecords).toEqual([
      { id: record.law, kind: 'law_violation', form: 'administrative_sanction', decidedOn: expect.any(String), decidedBy: 'Công an huyện Bình Minh', reference: '15/QĐ-XPHC' },
    ]);
  });

  it('R-RMV-06: a violation decided in the year before, or after the cut-off, raises nothing', async () => {
    const flagged = new Set((await flagsOf('discipline_or_violation')).map((f) => f.member.id));
    expect(flagged.has(m.lawLastYear)).toBe(false);
    expect(flagged.has(m.lawAfterCutoff)).toBe(false);
  });

  it('R-RMV-06 with 124-QĐ/TW: a low Front opinion on the year raises low_prestige, naming the opinion; average or last year’s does not', async () => {
    const flags = await flagsOf('low_prestige');
    expect(flags.map((f) => f.member.id)).toEqual([m.frontLow]);
    expect(await storedEvidence(m.frontLow, 'low_prestige')).toEqual({ frontOpinionIds: [record.frontLow] });
    expect(flags[0].frontOpinions).toEqual([expect.objectContaining({ id: record.frontLow, year: YEAR, rating: 'low' })]);
  });

  it('nothing else is raised for these members', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/screening/flags?organizationId=${o.cellA.id}&year=${YEAR}`, headers: { cookie } });
    expect((r.json() as FlagList).items.map((f) => f.kind).sort()).toEqual(['discipline_or_violation', 'discipline_or_violation', 'low_prestige']);
  });
});
