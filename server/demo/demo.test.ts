import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCitizenId } from '../../common/rules/citizen-id.ts';
import { buildApp } from '../app.ts';
import { verifyAuditChain } from '../modules/audit/audit.repo.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../test/test-db.ts';
import {
  BITHU1_CELL_CODE,
  BITHU2_CELL_CODE,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  demoCellNames,
  PLANTED_MEMBERS,
} from './demo-accounts.ts';
import { buildDemoPlan, DEMO_REFERENCE_DATE, type DemoPlan } from './demo-plan.ts';
import { hasData, seedDemo } from './demo-seed.ts';
import { checkMemberTimeline } from './member-timeline-check.ts';

let plan: DemoPlan;
let passwordHash: string;
beforeAll(async () => {
  plan = buildDemoPlan();
  passwordHash = await hashPassword(DEMO_PASSWORD);
});

describe('demo plan', () => {
  it('is the same on every run', () => {
    const again = buildDemoPlan();
    expect(again.members.map((m) => [m.person.full_name, m.person.citizen_id, m.card_number, m.org])).toEqual(
      plan.members.map((m) => [m.person.full_name, m.person.citizen_id, m.card_number, m.org]),
    );
    expect(again).toEqual(plan);
  });

  it('has at least 1,500 members, mostly official, about 5 % on probation, and some who left', () => {
    const count = (s: string) => plan.members.filter((m) => m.status === s).length;
    expect(plan.members.length).toBeGreaterThanOrEqual(1500);
    const active = count('official') + count('probationary');
    expect(count('official') / active).toBeGreaterThan(0.9);
    expect(count('probationary') / active).toBeGreaterThan(0.03);
    expect(count('probationary') / active).toBeLessThan(0.08);
    for (const s of ['struck_off', 'released', 'deceased']) expect(count(s)).toBeGreaterThan(0);
  });

  it('timeline check catches a projection that disagrees with the events', () => {
    const member = {
      id: 7, status: 'official', organization_id: 3, birth_date: '1990-01-01', admission_decision_date: '2015-03-02',
      ceremony_date: '2015-03-20', official_date: '2016-03-20', left_date: null, card_number: '68000001',
    };
    const events = [
      { id: 1, kind: 'admitted', event_date: '2015-03-02', from_status: null, to_status: 'probationary', from_organization_id: null, to_organization_id: 3 },
      { id: 2, kind: 'recognized', event_date: '2016-03-20', from_status: 'probationary', to_status: 'official', from_organization_id: 3, to_organization_id: 3 },
    ];
    expect(checkMemberTimeline(member, events, DEMO_REFERENCE_DATE)).toEqual([]);
    expect(checkMemberTimeline({ ...member, organization_id: 4 }, events, DEMO_REFERENCE_DATE)).toHaveLength(1);
    expect(checkMemberTimeline({ ...member, status: 'probationary' }, events, DEMO_REFERENCE_DATE).length).toBeGreaterThan(0);
    expect(checkMemberTimeline(member, [events[1], { ...events[0], event_date: '2016-04-01' }], DEMO_REFERENCE_DATE).length).toBeGreaterThan(0);
    expect(checkMemberTimeline({ ...member, birth_date: '2000-01-01' }, events, DEMO_REFERENCE_DATE)).toEqual(['member 7: admitted at 15']);
  });

  it('names the cells of bithu1 and bithu2', () => {
    expect(demoCellNames()).toEqual({ bithu1: 'Chi bộ Khoa Khám bệnh – Cấp cứu', bithu2: 'Chi bộ Tổ Xã hội' });
  });
});

describe.each(ENGINES)('demo database on %s', (engine) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedDemo(t.db, { now: new Date('2026-11-27T02:00:00.000Z'), plan, passwordHash });
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('holds the plan, with ids in plan order', async () => {
    expect(await hasData(t.db)).toBe(true);
    const persons = await t.db.selectFrom('persons').select(['id', 'full_name', 'citizen_id']).orderBy('id').execute();
    expect(persons.length).toBe(plan.members.length);
    expect(persons.length).toBeGreaterThanOrEqual(1500);
    expect(persons.map((p) => [p.id, p.full_name, p.citizen_id])).toEqual(plan.members.map((m, i) => [i + 1, m.person.full_name, m.person.citizen_id]));
  });

  it('gives every person a valid citizen id matching birth year and gender', async () => {
    const persons = await t.db.selectFrom('persons').select(['id', 'citizen_id', 'birth_date', 'gender']).execute();
    const invalid = persons.filter((p) => !validateCitizenId(p.citizen_id ?? '', { birthDate: p.birth_date, gender: p.gender as 'male' | 'female' }).ok);
    expect(invalid).toEqual([]);
  });

  it('keeps every member timeline consistent with its projection, in organizations that existed on each date', async () => {
    const members = await t.db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select([
        'members.id',
        'members.status',
        'members.organization_id',
        'members.org_path',
        'members.admission_decision_date',
        'members.ceremony_date',
        'members.official_date',
        'members.left_date',
        'members.card_number',
        'persons.birth_date',
      ])
      .execute();
    const events = await t.db.selectFrom('member_events').selectAll().execute();
    const versions = await t.db.selectFrom('organization_versions').selectAll().execute();
    const orgs = await t.db.selectFrom('organizations').select(['id', 'path', 'kind']).execute();
    const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
    const byMember = new Map<number, typeof events>();
    for (const e of events) byMember.set(e.member_id, [...(byMember.get(e.member_id) ?? []), e]);

    const problems: string[] = [];
    for (const m of members) {
      const timeline = byMember.get(m.id) ?? [];
      problems.push(...checkMemberTimeline(m, timeline, DEMO_REFERENCE_DATE));
      if (m.org_path !== pathOf.get(m.organization_id)) problems.push(`member ${m.id}: org_path ${m.org_path}`);
      for (const e of timeline) {
        if (e.to_organization_id === null) continue;
        const held = versions.some(
          (v) =>
            v.organization_id === e.to_organization_id &&
            v.valid_from <= e.event_date &&
            (v.valid_to === null || e.event_date < v.valid_to) &&
            (v.kind === 'cell' || v.kind === 'grassroots_cell'),
        );
        if (!held) problems.push(`member ${m.id}: ${e.kind} on ${e.event_date} into organization ${e.to_organization_id}, not a cell on that date`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('shows the district committee on the tree of 2025-06-01 and not on that of 2025-08-01', async () => {
    const asOf = (date: string) =>
      t.db
        .selectFrom('organization_versions as v')
        .innerJoin('organizations as o', 'o.id', 'v.organization_id')
        .select(['o.code', 'v.name', 'v.kind', 'v.parent_id'])
        .where('v.valid_from', '<=', date)
        .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', date)]))
        .execute();
    const before = await asOf('2025-06-01');
    const after = await asOf('2025-08-01');
    const district = before.find((v) => v.kind === 'district_committee');
    expect(district?.name).toBe('Đảng bộ huyện Lạc Dương');
    expect(after.some((v) => v.kind === 'district_committee')).toBe(false);
    expect(after.filter((v) => v.kind === 'commune_committee').length).toBeGreaterThanOrEqual(5);
    expect(after.filter((v) => v.kind === 'commune_committee').length).toBeLessThanOrEqual(8);
    // Each organization has exactly one version on any date.
    for (const rows of [before, after]) expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);

    const dissolved = await t.db
      .selectFrom('organization_events as e')
      .innerJoin('organization_event_links as l', 'l.event_id', 'e.id')
      .innerJoin('organizations as o', 'o.id', 'l.organization_id')
      .select(['e.kind', 'e.effective_date', 'l.role', 'o.code', 'o.valid_to'])
      .where('o.kind', '=', 'district_committee')
      .execute();
    expect(dissolved).toEqual([{ kind: 'dissolved', effective_date: '2025-07-01', role: 'subject', code: 'LD.HLD', valid_to: '2025-07-01' }]);
    const merged = await t.db
      .selectFrom('organization_event_links as l')
      .innerJoin('organization_events as e', 'e.id', 'l.event_id')
      .innerJoin('organizations as o', 'o.id', 'l.organization_id')
      .select(['l.role', 'o.code'])
      .where('e.kind', '=', 'merged')
      .where('o.kind', '=', 'commune_committee')
      .execute();
    expect(merged.filter((l) => l.role === 'predecessor').length).toBeGreaterThanOrEqual(2);
    expect(merged.some((l) => l.role === 'successor' && l.code === 'LD.XLD')).toBe(true);
  });

  it('sets authority as data: communes decide, one hospital admits for itself', async () => {
    const rows = await t.db.selectFrom('organizations').select(['code', 'kind', 'authority', 'valid_to']).where('valid_to', 'is', null).execute();
    const authority = (code: string) => JSON.parse(rows.find((r) => r.code === code)!.authority);
    for (const r of rows.filter((r) => r.kind === 'commune_committee')) expect(JSON.parse(r.authority)).toEqual({ admission: true, recognition: true, removal: true });
    expect(authority('LD.HLD.TTYT').admission).toBe(true);
    expect(rows.filter((r) => r.kind === 'grassroots_committee' && JSON.parse(r.authority).admission).map((r) => r.code)).toEqual(['LD.HLD.TTYT']);
  });

  it('places the planted members and the two secretaries in cells of different grassroots organizations', async () => {
    const inCell = async (code: string) =>
      (
        await t.db
          .selectFrom('members')
          .innerJoin('organizations', 'organizations.id', 'members.organization_id')
          .innerJoin('persons', 'persons.id', 'members.person_id')
          .select(['persons.full_name', 'members.status'])
          .where('organizations.code', '=', code)
          .execute()
      ).map((r) => r.full_name);
    expect(await inCell(BITHU1_CELL_CODE)).toContain(PLANTED_MEMBERS.bithu1Member);
    expect(await inCell(BITHU1_CELL_CODE)).toContain(PLANTED_MEMBERS.dangvien1);
    expect(await inCell(BITHU2_CELL_CODE)).toContain(PLANTED_MEMBERS.bithu2Member);
    expect(await inCell(BITHU2_CELL_CODE)).not.toContain(PLANTED_MEMBERS.bithu1Member);
    const everyone = await t.db.selectFrom('persons').select('full_name').where('full_name', 'in', Object.values(PLANTED_MEMBERS)).execute();
    expect(everyone.length).toBe(3);

    const users = await t.db
      .selectFrom('users')
      .innerJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.username', 'users.person_id', 'organizations.parent_id', 'organizations.code'])
      .execute();
    const bithu1 = users.find((u) => u.username === 'bithu1')!;
    const bithu2 = users.find((u) => u.username === 'bithu2')!;
    expect(bithu1.parent_id).not.toBe(bithu2.parent_id);
    const dangvien1 = users.find((u) => u.username === 'dangvien1')!;
    const person = await t.db.selectFrom('persons').select('full_name').where('id', '=', dangvien1.person_id!).executeTakeFirstOrThrow();
    expect(person.full_name).toBe(PLANTED_MEMBERS.dangvien1);
  });

  it('lets every demo account log in, and the audit chain verifies', async () => {
    const app = await buildApp({ db: t.db, config: t.config });
    try {
      for (const a of DEMO_ACCOUNTS) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: a.username, password: DEMO_PASSWORD } });
        expect(res.statusCode, a.username).toBe(200);
        expect(res.json()).toMatchObject({ username: a.username, role: a.role });
      }
      const me = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dangvien1', password: DEMO_PASSWORD } });
      expect(me.json().memberId).toEqual(expect.any(Number));
    } finally {
      await app.close();
    }
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, firstBrokenId: null });
    expect(report.checked).toBeGreaterThanOrEqual(1 + DEMO_ACCOUNTS.length);
  });
});
