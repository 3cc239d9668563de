import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import { type FrontOpinion, type MemberConduct, PARTY_DISCIPLINE_OUTCOMES, type ViolationRecord } from '../../../common/contracts/conduct.contract.ts';
import { DISCIPLINE_OUTCOMES } from '../../../common/contracts/removal.contract.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { conductOfYear } from './conduct.service.ts';

// Route tests on every engine (architecture principle 10): violations of state discipline and of the law, the
// Front's yearly opinions, the member's party discipline read from the referrals, and each refusal. The app's clock:
// 2026-06-15 in Vietnam. In buildTree cell A and cell B sit under one grassroots committee.

type ErrorBody = { error: { code: string; params?: Record<string, unknown>; fields?: { path: string; code: string; params?: Record<string, unknown> }[] } };

const STAMP = '2026-06-15T03:00:00.000Z';

const VIOLATION = {
  kind: 'state_discipline',
  decidedOn: '2026-03-10',
  decidedBy: 'UBND xã Lạc Dương',
  reference: '125/QĐ-UBND',
  form: 'reprimand',
  description: 'Chậm giải quyết hồ sơ đất đai của công dân quá thời hạn quy định.',
};
const OPINION = { year: 2025, rating: 'good', comments: 'Gương mẫu nơi cư trú.', givenOn: '2025-12-05', givenBy: 'Ban công tác Mặt trận khu dân cư thôn 2' };

describe.each(ENGINES)('conduct on %s', (engine) => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof buildTree>>;
  let clerkId: number;
  let n = 0;
  const cookie = {} as Record<'secA' | 'secB' | 'committee' | 'inspector' | 'training' | 'front' | 'memberSelf', string>;
  let memberA: number;
  let memberA2: number;

  async function as(role: Role, organizationId: number, personId: number | null = null) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username, personId });
    return loginAs(t.app, username);
  }
  async function call<T>(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as object, headers: { cookie: who } });
    return { status: res.statusCode, body: res.json() as T & ErrorBody };
  }
  async function lastAuditId() {
    const row = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.id ?? 0;
  }
  const auditSince = (id: number) => t.db.selectFrom('audit_log').select(['action', 'object_type', 'object_id', 'changed_fields']).where('id', '>', id).orderBy('id').execute();

  async function referral(memberId: number, o2: { referredOn: string; concludedOn?: string; outcome?: string; conclusionRef?: string }) {
    await t.db
      .insertInto('discipline_referrals')
      .values({
        member_id: memberId,
        organization_id: o.cellA.id,
        flag_id: null,
        referred_on: o2.referredOn,
        reference: `BB-${o2.referredOn}`,
        description: 'Vi phạm quy định về những điều đảng viên không được làm',
        warrants_expulsion: 0,
        concluded_on: o2.concludedOn ?? null,
        outcome: o2.outcome ?? null,
        conclusion_ref: o2.conclusionRef ?? null,
        version: 1,
        created_by: clerkId,
        created_at: STAMP,
        updated_at: STAMP,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    o = await buildTree(t.db);
    clerkId = (await buildUser(t.db, { role: 'admin', organizationId: o.province.id, username: `clerk-${engine}` })).id;
    const a = await buildMember(t.db, { organizationId: o.cellA.id, person: { full_name: 'Trần Thị Hoa' } });
    memberA = a.member.id;
    memberA2 = (await buildMember(t.db, { organizationId: o.cellA.id, person: { full_name: 'Lê Văn Nam' } })).member.id;
    cookie.secA = await as('cell_secretary', o.cellA.id);
    cookie.secB = await as('cell_secretary', o.cellB.id);
    cookie.committee = await as('committee_member', o.grassroots.id);
    cookie.inspector = await as('inspection_officer', o.commune.id);
    cookie.training = await as('training_officer', o.grassroots.id);
    cookie.front = await as('front_officer', o.grassroots.id);
    cookie.memberSelf = await as('member', o.cellA.id, a.person.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the party-discipline outcomes the same as the referrals (R-DIS-01)', () => {
    expect([...PARTY_DISCIPLINE_OUTCOMES]).toEqual([...DISCIPLINE_OUTCOMES]);
  });

  it('records a violation, lists it on the member with party discipline, corrects it by compare-and-set, all audited', async () => {
    await referral(memberA, { referredOn: '2025-09-01', concludedOn: '2025-10-15', outcome: 'warning', conclusionRef: '08-QĐ/ĐU' });
    await referral(memberA, { referredOn: '2026-05-20' });

    const before = await lastAuditId();
    const created = await call<ViolationRecord>(cookie.secA, 'POST', `/api/members/${memberA}/violations`, VIOLATION);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ memberId: memberA, organization: { id: o.cellA.id, name: 'Chi bộ Giáo viên' }, ...VIOLATION, version: 1 });
    const audit = await auditSince(before);
    expect(audit.map((a) => [a.action, a.object_type, a.object_id])).toEqual([['conduct.violation', 'violation_record', String(created.body.id)]]);
    expect(JSON.parse(audit[0].changed_fields!)).toContain('form');

    // A court's judgment, recorded by inspection from above; a law sanction takes a law form.
    const law = await call<ViolationRecord>(cookie.inspector, 'POST', `/api/members/${memberA}/violations`, {
      ...VIOLATION,
      kind: 'law_violation',
      form: 'administrative_sanction',
      decidedOn: '2025-11-02',
      decidedBy: 'Công an huyện Lạc Dương',
      reference: '47/QĐ-XPHC',
      description: 'Điều khiển xe mô tô khi trong hơi thở có nồng độ cồn.',
    });
    expect(law.status, JSON.stringify(law.body)).toBe(201);

    const readBefore = await lastAuditId();
    const conduct = await call<MemberConduct>(cookie.committee, 'GET', `/api/members/${memberA}/conduct`);
    expect(conduct.status).toBe(200);
    expect(conduct.body.member).toEqual({ id: memberA, fullName: 'Trần Thị Hoa' });
    expect(conduct.body.violations.map((v) => [v.decidedOn, v.kind, v.form])).toEqual([
      ['2026-03-10', 'state_discipline', 'reprimand'],
      ['2025-11-02', 'law_violation', 'administrative_sanction'],
    ]);
    expect(conduct.body.partyDiscipline).toEqual([
      expect.objectContaining({ referredOn: '2026-05-20', status: 'pending', concludedOn: null, outcome: null }),
      expect.objectContaining({ referredOn: '2025-09-01', status: 'concluded', concludedOn: '2025-10-15', outcome: 'warning', conclusionRef: '08-QĐ/ĐU' }),
    ]);
    expect((await auditSince(readBefore)).map((a) => [a.action, a.object_type, a.object_id])).toEqual([['conduct.member.read', 'member', String(memberA)]]);

    // Correcting: the form becomes a warning; the audit names the changed fields only.
    const fixBefore = await lastAuditId();
    const fixed = await call<ViolationRecord>(cookie.secA, 'PUT', `/api/violations/${created.body.id}`, { ...VIOLATION, form: 'warning', version: 1 });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ form: 'warning', version: 2 });
    const fixAudit = await auditSince(fixBefore);
    expect(fixAudit.map((a) => a.action)).toEqual(['conduct.update_violation']);
    expect(JSON.parse(fixAudit[0].changed_fields!)).toEqual(['form']);

    // A stale version is a conflict, and changes nothing.
    const stale = await call(cookie.secA, 'PUT', `/api/violations/${created.body.id}`, { ...VIOLATION, form: 'dismissal', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect((await call<MemberConduct>(cookie.secA, 'GET', `/api/members/${memberA}/conduct`)).body.violations[0].form).toBe('warning');
  });

  it('refuses a decision in the future and a form of the other kind, naming the field', async () => {
    const future = await call(cookie.secA, 'POST', `/api/members/${memberA2}/violations`, { ...VIOLATION, decidedOn: '2026-06-16' });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([{ path: 'decidedOn', code: 'date_in_future', params: { today: '2026-06-15' } }]);

    const mismatch = await call(cookie.secA, 'POST', `/api/members/${memberA2}/violations`, { ...VIOLATION, kind: 'law_violation', form: 'reprimand' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.fields).toEqual([
      { path: 'form', code: 'violation_form_not_of_kind', params: { kind: 'law_violation', form: 'reprimand', allowed: 'administrative_sanction, criminal_conviction' } },
    ]);
    const unknownForm = await call(cookie.secA, 'POST', `/api/members/${memberA2}/violations`, { ...VIOLATION, form: 'exile' });
    expect(unknownForm.status).toBe(400);

    // The same checks on a correction.
    const ok = await call<ViolationRecord>(cookie.secA, 'POST', `/api/members/${memberA2}/violations`, { ...VIOLATION, kind: 'law_violation', form: 'criminal_conviction' });
    expect(ok.status).toBe(201);
    const bad = await call(cookie.secA, 'PUT', `/api/violations/${ok.body.id}`, { ...VIOLATION, version: 1, kind: 'state_discipline', form: 'criminal_conviction' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]).toMatchObject({ path: 'form', code: 'violation_form_not_of_kind' });
    expect((await t.db.selectFrom('violation_records').select('member_id').where('member_id', '=', memberA2).execute()).length).toBe(1);
  });

  it('records one Front opinion per member and year: a second is 409, a correction is compare-and-set', async () => {
    const before = await lastAuditId();
    const op = await call<FrontOpinion>(cookie.secA, 'POST', `/api/members/${memberA2}/front-opinions`, OPINION);
    expect(op.status, JSON.stringify(op.body)).toBe(201);
    expect(op.body).toMatchObject({ memberId: memberA2, organization: { id: o.cellA.id }, ...OPINION, version: 1 });
    expect((await auditSince(before)).map((a) => [a.action, a.object_type])).toEqual([['conduct.front_opinion', 'front_opinion']]);

    const dup = await call(cookie.secA, 'POST', `/api/members/${memberA2}/front-opinions`, { ...OPINION, rating: 'low', givenOn: '2026-01-10' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'year', code: 'front_opinion_exists_for_year', params: { year: 2025 } }] });

    const other = await call<FrontOpinion>(cookie.secA, 'POST', `/api/members/${memberA2}/front-opinions`, { ...OPINION, year: 2024, rating: 'average', givenOn: '2024-12-01', comments: '' });
    expect(other.status).toBe(201);
    expect(other.body.comments).toBeNull();
    // Moving 2024's opinion onto 2025 collides with the one on record.
    const onto = await call(cookie.secA, 'PUT', `/api/front-opinions/${other.body.id}`, { ...OPINION, version: 1 });
    expect(onto.status).toBe(409);
    expect(onto.body.error.fields?.[0]).toMatchObject({ code: 'front_opinion_exists_for_year' });

    const fixed = await call<FrontOpinion>(cookie.secA, 'PUT', `/api/front-opinions/${op.body.id}`, { ...OPINION, rating: 'low', version: 1 });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ rating: 'low', version: 2 });
    const stale = await call(cookie.secA, 'PUT', `/api/front-opinions/${op.body.id}`, { ...OPINION, rating: 'average', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');

    const list = await call<MemberConduct>(cookie.secA, 'GET', `/api/members/${memberA2}/conduct`);
    expect(list.body.frontOpinions.map((f) => [f.year, f.rating])).toEqual([
      [2025, 'low'],
      [2024, 'average'],
    ]);
  });

  it('refuses a Front opinion for a future year, given in the future or before its year', async () => {
    const url = `/api/members/${memberA2}/front-opinions`;
    const nextYear = await call(cookie.secA, 'POST', url, { ...OPINION, year: 2027, givenOn: '2026-06-01' });
    expect(nextYear.status).toBe(400);
    expect(nextYear.body.error.fields).toEqual([
      { path: 'year', code: 'year_after_current', params: { year: 2026 } },
      { path: 'givenOn', code: 'before_year_opinion', params: { year: 2027 } },
    ]);
    const future = await call(cookie.secA, 'POST', url, { ...OPINION, year: 2026, givenOn: '2026-12-10' });
    expect(future.body.error.fields).toEqual([{ path: 'givenOn', code: 'date_in_future', params: { today: '2026-06-15' } }]);
    const early = await call(cookie.secA, 'POST', url, { ...OPINION, year: 2023, givenOn: '2022-12-10' });
    expect(early.body.error.fields).toEqual([{ path: 'givenOn', code: 'before_year_opinion', params: { year: 2023 } }]);
    const tooOld = await call(cookie.secA, 'POST', url, { ...OPINION, year: 1929 });
    expect(tooOld.status).toBe(400);
    expect(tooOld.body.error.fields?.[0].path).toBe('body.year');
  });

  it('answers 404 outside the scope and 403 to roles without the grant', async () => {
    const v = (await call<MemberConduct>(cookie.secA, 'GET', `/api/members/${memberA}/conduct`)).body.violations[0];
    const f = (await call<MemberConduct>(cookie.secA, 'GET', `/api/members/${memberA2}/conduct`)).body.frontOpinions[0];

    // Cell B's secretary: the members, the violation and the opinion of cell A do not exist for them.
    const before = await lastAuditId();
    expect((await call(cookie.secB, 'GET', `/api/members/${memberA}/conduct`)).status).toBe(404);
    expect((await call(cookie.secB, 'POST', `/api/members/${memberA}/violations`, VIOLATION)).status).toBe(404);
    expect((await call(cookie.secB, 'PUT', `/api/violations/${v.id}`, { ...VIOLATION, version: v.version })).status).toBe(404);
    expect((await call(cookie.secB, 'POST', `/api/members/${memberA}/front-opinions`, { ...OPINION, year: 2020, givenOn: '2020-12-01' })).status).toBe(404);
    expect((await call(cookie.secB, 'PUT', `/api/front-opinions/${f.id}`, { ...OPINION, version: f.version })).status).toBe(404);
    const refused = await auditSince(before);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.action !== 'conduct.member.read' && a.action !== 'conduct.violation')).toBe(true);

    // The committee reads but does not keep; the training and front officers and the member see nothing of it.
    expect((await call(cookie.committee, 'POST', `/api/members/${memberA}/violations`, VIOLATION)).status).toBe(403);
    expect((await call(cookie.committee, 'PUT', `/api/front-opinions/${f.id}`, { ...OPINION, version: f.version })).status).toBe(403);
    for (const who of [cookie.training, cookie.front, cookie.memberSelf]) {
      expect((await call(who, 'GET', `/api/members/${memberA}/conduct`)).status).toBe(403);
      expect((await call(who, 'POST', `/api/members/${memberA}/violations`, VIOLATION)).status).toBe(403);
    }
    expect((await call(cookie.secA, 'GET', '/api/members/999999/conduct')).status).toBe(404);
  });

  it('gives grading the conduct of a year: discipline concluded in it, violations decided in it, its Front opinion', async () => {
    const m = (await buildMember(t.db, { organizationId: o.cellA.id })).member.id;
    const quiet = (await buildMember(t.db, { organizationId: o.cellA.id })).member.id;
    await referral(m, { referredOn: '2025-11-01', concludedOn: '2026-02-01', outcome: 'reprimand', conclusionRef: '02-QĐ/ĐU' });
    await referral(m, { referredOn: '2026-03-01', concludedOn: '2026-04-01', outcome: 'no_discipline' });
    await referral(m, { referredOn: '2026-05-01' });
    await referral(m, { referredOn: '2024-05-01', concludedOn: '2025-06-01', outcome: 'warning' });
    expect((await call(cookie.secA, 'POST', `/api/members/${m}/violations`, { ...VIOLATION, decidedOn: '2026-01-01' })).status).toBe(201);
    expect((await call(cookie.secA, 'POST', `/api/members/${m}/violations`, { ...VIOLATION, decidedOn: '2025-12-31' })).status).toBe(201);
    expect((await call(cookie.secA, 'POST', `/api/members/${m}/front-opinions`, { ...OPINION, year: 2026, givenOn: '2026-06-01' })).status).toBe(201);
    expect((await call(cookie.secA, 'POST', `/api/members/${m}/front-opinions`, OPINION)).status).toBe(201);

    const of2026 = await conductOfYear(t.db, [m, quiet], 2026);
    expect(of2026.get(quiet)).toEqual({ year: 2026, partyDiscipline: [], violations: [], frontOpinion: null });
    const c = of2026.get(m)!;
    expect(c.partyDiscipline.map((d) => [d.concludedOn, d.outcome, d.conclusionRef])).toEqual([['2026-02-01', 'reprimand', '02-QĐ/ĐU']]);
    expect(c.violations.map((v) => v.decidedOn)).toEqual(['2026-01-01']);
    expect(c.frontOpinion).toMatchObject({ year: 2026, givenOn: '2026-06-01' });
    const of2025 = (await conductOfYear(t.db, [m], 2025)).get(m)!;
    expect(of2025.partyDiscipline.map((d) => d.outcome)).toEqual(['warning']);
    expect(of2025.violations.map((v) => v.decidedOn)).toEqual(['2025-12-31']);
    expect(of2025.frontOpinion?.year).toBe(2025);
    expect((await conductOfYear(t.db, [], 2026)).size).toBe(0);
  });
});
