import ExcelJS from 'exceljs';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { ClassDetail, ClassList, Enrolment } from '../../../common/contracts/training.contract.ts';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { buildMember, buildPerson, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { findCertificates } from './training.repo.ts';

// Route tests on a real database, on every engine. The app's clock is fixed at 2026-06-15T03:00Z (today 2026-06-15).

/** A candidacy row inserted directly (factories do not go through services). */
async function buildCandidate(db: Db, o: { organizationId: number; introducedBy: number; person?: Partial<Insertable<Database['persons']>>; status?: string }) {
  const person = await buildPerson(db, o.person);
  const at = '2026-06-01T00:00:00.000Z';
  const row = await db
    .insertInto('candidates')
    .values({
      person_id: person.id,
      organization_id: o.organizationId,
      mass_organization: 'youth_union',
      mass_organization_name: null,
      reason: 'Đoàn viên tiêu biểu',
      introduced_on: '2026-03-01',
      introduced_by_user_id: o.introducedBy,
      status: o.status ?? 'introduced',
      status_changed_on: '2026-03-01',
      helper_member_id: null,
      helper_assigned_on: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { candidate: row, person };
}

describe.each(ENGINES)('training on %s', (engine) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  let n = 0;
  let trainer: string;
  let trainerId: number;
  let secretaryA: string;
  let secretaryOther: string;
  let officer: string;

  async function as(role: Role, organizationId: number) {
    const username = `${role}-${engine}-${++n}`;
    const user = await buildUser(t.db, { role, organizationId, username });
    return { cookie: await loginAs(t.app, username), id: user.id };
  }

  async function call<T = any>(cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T };
  }

  async function lastAuditId() {
    const row = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.id ?? 0;
  }
  const auditSince = (id: number) => t.db.selectFrom('audit_log').select(['action', 'changed_fields', 'outcome']).where('id', '>', id).orderBy('id').execute();

  const newClass = (o: Record<string, unknown> = {}) => ({
    courseKind: 'party_awareness',
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I/2026',
    organizationId: tree.commune.id,
    institution: 'Trung tâm Chính trị xã Lạc Dương',
    startDate: '2026-06-01',
    endDate: '2026-06-10',
    sessionCount: 10,
    ...o,
  });

  beforeAll(async () => {
    t = await buildTestApp(engine);
    tree = await buildTree(t.db);
    const tr = await as('training_officer', tree.commune.id);
    trainer = tr.cookie;
    trainerId = tr.id;
    secretaryA = (await as('cell_secretary', tree.cellA.id)).cookie;
    secretaryOther = (await as('cell_secretary', tree.otherCell.id)).cookie;
    officer = (await as('organization_officer', tree.commune.id)).cookie;
  });
  afterAll(async () => {
    await t?.close();
  });

  const enrolment = (k: ClassDetail, personId: number) => k.enrolments.find((e) => e.personId === personId)!;
  const assess = (e: Enrolment, body: Record<string, unknown>) => call(trainer, 'PATCH', `/api/training/enrolments/${e.id}`, { ...body, version: e.version });

  it('runs a class: enrol, attendance, score, pass/fail by the thresholds, numbered certificates valid 60 months', async () => {
    const created = await call<ClassDetail>(trainer, 'POST', '/api/training/classes', newClass());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sessionCount: 10, certificateValidityMonths: 60, passRule: { minScore: 5, minAttendancePercent: 80, confidence: 'U' } });
    const classId = created.body.id;

    const c1 = await buildCandidate(t.db, { organizationId: tree.cellA.id, introducedBy: trainerId, person: { full_name: 'Nguyễn Thị Lan' } });
    const c2 = await buildCandidate(t.db, { organizationId: tree.cellA.id, introducedBy: trainerId, person: { full_name: 'Trần Văn Minh' } });
    const c3 = await buildCandidate(t.db, { organizationId: tree.cellB.id, introducedBy: trainerId, person: { full_name: 'Lê Thị Bích' } });
    const m1 = await buildMember(t.db, { organizationId: tree.cellB.id, person: { full_name: 'Phan Văn Quang' } });

    // Learners are searched by name, without diacritics.
    const found = await call<{ items: { personId: number; learnerKind: string }[] }>(trainer, 'GET', '/api/training/learners?q=thi%20lan');
    expect(found.body.items).toEqual([expect.objectContaining({ personId: c1.person.id, learnerKind: 'candidate' })]);

    const before = await lastAuditId();
    let k = (await call<ClassDetail>(trainer, 'POST', `/api/training/classes/${classId}/enrolments`, { personId: c1.person.id })).body;
    const audit = await auditSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'training.enrol', changed_fields: JSON.stringify(['enrolment', 'candidate.status']) });
    // Enrolment in the party-awareness course puts the candidate in training, with a line in the status history.
    const cand = await t.db.selectFrom('candidates').selectAll().where('id', '=', c1.candidate.id).executeTakeFirstOrThrow();
    expect(cand).toMatchObject({ status: 'in_training', status_changed_on: '2026-06-15', version: 2 });
    for (const p of [c2.person.id, c3.person.id, m1.person.id]) {
      const res = await call<ClassDetail>(trainer, 'POST', `/api/training/classes/${classId}/enrolments`, { personId: p });
      expect(res.status).toBe(201);
      k = res.body;
    }
    expect(k.enrolments.map((e) => e.fullName)).toEqual(['Lê Thị Bích', 'Nguyễn Thị Lan', 'Trần Văn Minh', 'Phan Văn Quang']);
    expect(enrolment(k, m1.person.id)).toMatchObject({ learnerKind: 'member', organizationName: 'Chi bộ Hành chính', result: null });
    const twice = await call(trainer, 'POST', `/api/training/classes/${classId}/enrolments`, { personId: c1.person.id });
    expect(twice.body.error.code).toBe('ALREADY_ENROLLED');

    // 8/10 sessions and 5.0 passes; 7/10 with 9.5 fails; 10/10 with 4.9 fails.
    let e = (await assess(enrolment(k, c1.person.id), { attendedSessions: 8 })).body;
    expect(e.result).toBeNull();
    const beforeScore = await lastAuditId();
    e = (await assess(e, { score: 5 })).body;
    expect(e).toMatchObject({ attendedSessions: 8, score: 5, result: 'pass' });
    expect(await auditSince(beforeScore)).toEqual([{ action: 'training.assess', changed_fields: JSON.stringify(['score', 'result']), outcome: 'success' }]);
    expect((await assess(enrolment(k, c2.person.id), { attendedSessions: 7, score: 9.5 })).body).toMatchObject({ score: 9.5, result: 'fail' });
    expect((await assess(enrolment(k, c3.person.id), { attendedSessions: 10, score: 4.9 })).body.result).toBe('fail');
    expect((await assess(enrolment(k, m1.person.id), { attendedSessions: 10, score: 8.5 })).body.result).toBe('pass');
    const tooMany = await assess(enrolment(k, c3.person.id), { attendedSessions: 11 });
    expect(tooMany.status).toBe(409); // stale version: the enrolment was assessed meanwhile
    const fresh = (await call<ClassDetail>(trainer, 'GET', `/api/training/classes/${classId}`)).body;
    expect((await assess(enrolment(fresh, c3.person.id), { attendedSessions: 11 })).body.error.fields).toEqual([
      { path: 'attendedSessions', code: 'ATTENDED_EXCEEDS_SESSIONS', params: { sessionCount: 10 } },
    ]);
    expect((await assess(enrolment(fresh, c3.person.id), { score: 5.55 })).status).toBe(400);

    // Certificates: not before the class ends; numbered in list order from the next free number of the year.
    expect((await call(trainer, 'POST', `/api/training/classes/${classId}/certificates`, { issuedOn: '2026-06-09', suffix: 'GCN-TTCT' })).status).toBe(400);
    const notPassed = await call(trainer, 'POST', `/api/training/classes/${classId}/certificates`, {
      issuedOn: '2026-06-12',
      suffix: 'GCN-TTCT',
      enrolmentIds: [enrolment(fresh, c2.person.id).id],
    });
    expect(notPassed.body.error.code).toBe('LEARNER_NOT_PASSED');
    const next = await call(trainer, 'GET', `/api/training/classes/${classId}/next-certificate-number?issuedOn=2026-06-12`);
    expect(next.body).toEqual({ year: 2026, nextNumber: 1 });
    const beforeIssue = await lastAuditId();
    const issued = await call<ClassDetail>(trainer, 'POST', `/api/training/classes/${classId}/certificates`, { issuedOn: '2026-06-12', suffix: 'GCN-TTCT', firstNumber: 124 });
    expect(issued.status).toBe(200);
    expect((await auditSince(beforeIssue)).map((a) => a.action)).toEqual(['training.issue_certificates']);
    expect(enrolment(issued.body, c1.person.id).certificate).toMatchObject({ number: '124/GCN-TTCT', issuedOn: '2026-06-12', validUntil: '2031-06-12' });
    expect(enrolment(issued.body, m1.person.id).certificate).toMatchObject({ number: '125/GCN-TTCT' });
    expect(enrolment(issued.body, c2.person.id).certificate).toBeNull();

    // A certified result is frozen.
    const frozen = await assess(enrolment(issued.body, c1.person.id), { score: 6 });
    expect(frozen.body.error.code).toBe('CERTIFICATE_ALREADY_ISSUED');

    // Numbers are unique per institution (however it is capitalised) and year.
    const second = (await call<ClassDetail>(trainer, 'POST', '/api/training/classes', newClass({ name: 'Lớp khóa II/2026', institution: 'trung tâm chính trị xã Lạc Dương', sessionCount: 5 }))).body;
    const c4 = await buildCandidate(t.db, { organizationId: tree.cellA.id, introducedBy: trainerId, person: { full_name: 'Vũ Thị Hạnh' } });
    const k2 = (await call<ClassDetail>(trainer, 'POST', `/api/training/classes/${second.id}/enrolments`, { personId: c4.person.id })).body;
    await assess(enrolment(k2, c4.person.id), { attendedSessions: 4, score: 7 });
    const clash = await call(trainer, 'POST', `/api/training/classes/${second.id}/certificates`, { issuedOn: '2026-06-12', suffix: 'GCN-TTCT', firstNumber: 125 });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'DUPLICATE_CERTIFICATE_NUMBER', params: { number: '125/GCN-TTCT' } });
    expect((await call(trainer, 'GET', `/api/training/classes/${second.id}/next-certificate-number?issuedOn=2026-06-14`)).body.nextNumber).toBe(126);
    const k2done = (await call<ClassDetail>(trainer, 'POST', `/api/training/classes/${second.id}/certificates`, { issuedOn: '2026-06-14', suffix: 'GCN-TTCT' })).body;
    expect(enrolment(k2done, c4.person.id).certificate?.number).toBe('126/GCN-TTCT');

    // Other kinds of course do not expire.
    const nm = (await call<ClassDetail>(trainer, 'POST', '/api/training/classes', newClass({ courseKind: 'new_member', name: 'Lớp đảng viên mới 2026' }))).body;
    expect(nm.certificateValidityMonths).toBeNull();
    const k3 = (await call<ClassDetail>(trainer, 'POST', `/api/training/classes/${nm.id}/enrolments`, { personId: m1.person.id })).body;
    await assess(enrolment(k3, m1.person.id), { attendedSessions: 10, score: 9 });
    const k3done = (await call<ClassDetail>(trainer, 'POST', `/api/training/classes/${nm.id}/certificates`, { issuedOn: '2026-06-15', suffix: 'GCN-TTCT' })).body;
    expect(enrolment(k3done, m1.person.id).certificate).toMatchObject({ number: '127/GCN-TTCT', validUntil: null });

    // The person's record carries the certificates; the admission module reads them through findCertificates().
    expect(await findCertificates(t.db, c1.person.id)).toEqual([
      { kind: 'party_awareness', number: '124/GCN-TTCT', issuedOn: '2026-06-12', validUntil: '2031-06-12', institution: 'Trung tâm Chính trị xã Lạc Dương' },
    ]);
    const onRecord = await call<{ items: { number: string }[] }>(secretaryA, 'GET', `/api/persons/${c1.person.id}/certificates`);
    expect(onRecord.status).toBe(200);
    expect(onRecord.body.items.map((c) => c.number)).toEqual(['124/GCN-TTCT']);
    const memberRecord = await call<{ items: { number: string }[] }>(officer, 'GET', `/api/persons/${m1.person.id}/certificates`);
    expect(memberRecord.body.items.map((c) => c.number)).toEqual(['127/GCN-TTCT', '125/GCN-TTCT']);
    expect((await call(secretaryOther, 'GET', `/api/persons/${c1.person.id}/certificates`)).status).toBe(404);
    const strangerPerson = await buildPerson(t.db);
    expect((await call(officer, 'GET', `/api/persons/${strangerPerson.id}/certificates`)).status).toBe(404);

    // The class list shows the counts.
    const list = await call<ClassList>(officer, 'GET', '/api/training/classes?q=khoa%20i%2F2026');
    expect(list.body.items).toEqual([expect.objectContaining({ id: classId, enrolled: 4, passed: 2, certified: 2 })]);
  });

  it('refuses certificate issuing and class changes to roles other than training (403), and out-of-scope classes (404)', async () => {
    const k = (await call<ClassDetail>(trainer, 'POST', '/api/training/classes', newClass({ name: 'Lớp kiểm tra quyền' }))).body;
    for (const cookie of [secretaryA, officer]) {
      const res = await call(cookie, 'POST', `/api/training/classes/${k.id}/certificates`, { issuedOn: '2026-06-12', suffix: 'GCN-TTCT' });
      expect(res.status).toBe(403);
      expect((await call(cookie, 'POST', '/api/training/classes', newClass())).status).toBe(403);
    }
    // A cell secretary reads classes of the subtree only: a class of the commune is outside a cell's subtree.
    expect((await call(secretaryA, 'GET', `/api/training/classes/${k.id}`)).status).toBe(404);
    expect((await call(officer, 'GET', `/api/training/classes/${k.id}`)).status).toBe(200);
    // A training officer of another branch cannot see or touch the class, nor enrol people outside their subtree,
    // while the commune's training officer enrols members of any cell of the commune.
    const far = await as('training_officer', tree.otherCell.id);
    expect((await call(far.cookie, 'GET', `/api/training/classes/${k.id}`)).status).toBe(404);
    expect((await call(far.cookie, 'POST', `/api/training/classes/${k.id}/certificates`, { issuedOn: '2026-06-12', suffix: 'GCN-TTCT' })).status).toBe(404);
    const outsider = await buildMember(t.db, { organizationId: tree.otherCell.id });
    const res = await call(trainer, 'POST', `/api/training/classes/${k.id}/enrolments`, { personId: outsider.person.id });
    expect(res.status).toBe(201);
    const own = (await call<ClassDetail>(far.cookie, 'POST', '/api/training/classes', newClass({ organizationId: tree.otherCell.id, name: 'Lớp chi bộ thôn' }))).body;
    const member = await buildMember(t.db, { organizationId: tree.cellA.id });
    expect((await call(far.cookie, 'POST', `/api/training/classes/${own.id}/enrolments`, { personId: member.person.id })).status).toBe(404);
    // Editing with a stale version changes nothing.
    const edit = { name: 'Lớp đổi tên', institution: k.institution, startDate: k.startDate, endDate: k.endDate, sessionCount: 8, version: 1 };
    expect((await call<ClassDetail>(trainer, 'PUT', `/api/training/classes/${k.id}`, edit)).body.sessionCount).toBe(8);
    expect((await call(trainer, 'PUT', `/api/training/classes/${k.id}`, edit)).status).toBe(409);
  });

  it('exports the results to Excel with formula injection neutralised', async () => {
    const k = (await call<ClassDetail>(trainer, 'POST', '/api/training/classes', newClass({ name: '=cmd|"/c calc"!A1' }))).body;
    const evil = await buildMember(t.db, { organizationId: tree.cellA.id, person: { full_name: '=HYPERLINK("http://example.invalid","Bấm vào")' } });
    const kk = (await call<ClassDetail>(trainer, 'POST', `/api/training/classes/${k.id}/enrolments`, { personId: evil.person.id })).body;
    await assess(enrolment(kk, evil.person.id), { attendedSessions: 9, score: 7.5 });

    const before = await lastAuditId();
    const res = await t.app.inject({ method: 'GET', url: `/api/training/classes/${k.id}/results.xlsx`, headers: { cookie: officer } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((await auditSince(before)).map((a) => a.action)).toEqual(['training.export']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain('\'=HYPERLINK("http://example.invalid","Bấm vào")');
    expect(values.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(values).toContain(7.5);
    expect(values).toContain('Đạt');

    expect((await t.app.inject({ method: 'GET', url: `/api/training/classes/${k.id}/results.xlsx`, headers: { cookie: secretaryOther } })).statusCode).toBe(404);
  });
  it('finds a learner by citizen id only in a POST body, within scope (security.md item 25)', async () => {
    const idC = '068301733001';
    const idM = '068090733002';
    const { person: c } = await buildCandidate(t.db, { organizationId: tree.cellA.id, introducedBy: trainerId, person: { full_name: 'Ksor Thị Cúc', citizen_id: idC, gender: 'female' } });
    const { person: m } = await buildMember(t.db, { organizationId: tree.otherCell.id, person: { full_name: 'Ksor Văn Minh', citizen_id: idM } });
    const grassrootsTrainer = (await as('training_officer', tree.grassroots.id)).cookie;
    const learners = async (cookie: string, q: string) => {
      const res = await call<{ items: { personId: number; learnerKind: string }[] }>(cookie, 'POST', '/api/training/learners/search', { q });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((i) => [i.personId, i.learnerKind]);
    };
    expect(await learners(trainer, idC)).toEqual([[c.id, 'candidate']]);
    expect(await learners(trainer, idM)).toEqual([[m.id, 'member']]);
    expect(await learners(grassrootsTrainer, idC.slice(0, 9))).toEqual([[c.id, 'candidate']]);
    // The other cell is outside the grassroots committee: its member's citizen id finds nobody.
    expect(await learners(grassrootsTrainer, idM)).toEqual([]);
    expect((await call(secretaryA, 'POST', '/api/training/learners/search', { q: idC })).status).toBe(403);
    expect((await call(trainer, 'POST', '/api/training/learners/search', { q: '' })).status).toBe(400);
    expect((await call(trainer, 'POST', '/api/training/learners/search', { q: idC, classId: 1 })).status).toBe(400);
    expect((await call(trainer, 'POST', '/api/training/learners/search', { q: 'ksor' })).body).toEqual((await call(trainer, 'GET', '/api/training/learners?q=ksor')).body);

    const refused = await call(trainer, 'GET', `/api/training/learners?q=${idC}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION',
      params: { reason: 'citizen_id_in_url', use: 'POST /api/training/learners/search' },
      fields: [{ path: 'querystring.q', code: 'citizen_id_in_url' }],
    });
  });
});
