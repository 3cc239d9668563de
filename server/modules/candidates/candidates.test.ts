import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { CandidateDetail, CandidateLimited, CandidateList } from '../../../common/contracts/candidates.contract.ts';
import { buildMember, buildPerson, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { canMoveCandidate } from '../../../common/rules/candidate-status.ts';

// Route tests on a real database, on every engine. The app's clock is fixed at 2026-06-15T03:00Z (today 2026-06-15).

/** A valid CCCD for a birth year and gender (Lâm Đồng, 068): digit 4 = century × 2 (+1 for women), then the year. */
function citizenId(birthYear: number, gender: 'male' | 'female', serial: number): string {
  const digit = Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
  return `068${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

const CITIZEN_ID_IN_URL = {
  code: 'VALIDATION',
  params: { reason: 'citizen_id_in_url' },
  fields: [{ path: 'querystring.q', code: 'citizen_id_in_url' }],
};

describe('candidate status transitions', () => {
  it('goes introduced → in_training → applied → admitted, and never back', () => {
    expect(canMoveCandidate('introduced', 'in_training')).toBe(true);
    expect(canMoveCandidate('in_training', 'applied')).toBe(true);
    expect(canMoveCandidate('applied', 'admitted')).toBe(true);
    expect(canMoveCandidate('applied', 'not_admitted')).toBe(true);
    expect(canMoveCandidate('in_training', 'introduced')).toBe(false);
    expect(canMoveCandidate('admitted', 'withdrawn')).toBe(false);
    expect(canMoveCandidate('withdrawn', 'in_training')).toBe(false);
  });
});

describe.each(ENGINES)('candidates on %s', (engine) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  let n = 0;
  const cookies: Record<string, string> = {};

  /** Fields a front officer may see of a candidate (security.md item 4): nothing else. */
  const LIMITED_KEYS = ['fullName', 'id', 'introducedOn', 'organization', 'status', 'statusChangedOn', 'view'];

  async function as(role: Role, organizationId: number) {
    const username = `${role}-${engine}-${++n}`;
    const user = await buildUser(t.db, { role, organizationId, username });
    return { cookie: await loginAs(t.app, username), user };
  }

  async function call<T = any>(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T };
  }

  async function lastAuditId() {
    const row = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.id ?? 0;
  }
  const auditSince = (id: number) =>
    t.db.selectFrom('audit_log').select(['action', 'object_id', 'outcome', 'changed_fields']).where('id', '>', id).orderBy('id').execute();

  const newPerson = (o: Record<string, unknown> = {}) => ({
    fullName: 'Nguyễn Thị Hương',
    gender: 'female',
    birthDate: '2001-04-12',
    ethnicityCode: '01',
    religionCode: 'none',
    citizenId: null,
    generalEducation: '12/12',
    occupation: 'Giáo viên hợp đồng',
    ...o,
  });
  const introduction = (organizationId: number, person: Record<string, unknown> = newPerson()) => ({
    organizationId,
    massOrganization: 'youth_union',
    massOrganizationName: 'Đoàn TNCS Hồ Chí Minh xã Lạc Dương',
    reason: 'Bí thư chi đoàn, nhiều năm liền hoàn thành xuất sắc nhiệm vụ',
    introducedOn: '2026-05-20',
    person,
  });

  beforeAll(async () => {
    t = await buildTestApp(engine);
    tree = await buildTree(t.db);
    cookies.front1 = (await as('front_officer', tree.commune.id)).cookie;
    cookies.front2 = (await as('front_officer', tree.commune.id)).cookie;
    cookies.secretaryA = (await as('cell_secretary', tree.cellA.id)).cookie;
    cookies.secretaryOther = (await as('cell_secretary', tree.otherCell.id)).cookie;
    cookies.officer = (await as('organization_officer', tree.commune.id)).cookie;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets a front officer introduce a person and see only their own candidates, with only the allowed fields', async () => {
    const before = await lastAuditId();
    const res = await call<CandidateLimited>(cookies.front1, 'POST', '/api/candidates', introduction(tree.cellA.id));
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(LIMITED_KEYS);
    expect(res.body).toMatchObject({ view: 'limited', fullName: 'Nguyễn Thị Hương', status: 'introduced', organization: { id: tree.cellA.id, name: 'Chi bộ Giáo viên' } });
    const audit = await auditSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'candidate.introduce', object_id: String(res.body.id), outcome: 'success' });
    expect(JSON.parse(audit[0].changed_fields!)).toContain('reason');

    // A candidate introduced by someone else in the same cell: the front officer never sees it.
    const bySecretary = await call<CandidateDetail>(cookies.secretaryA, 'POST', '/api/candidates', introduction(tree.cellA.id, newPerson({ fullName: 'Trần Văn Bình', gender: 'male' })));
    expect(bySecretary.status).toBe(201);
    expect(bySecretary.body.view).toBe('full');

    const list = await call<CandidateList>(cookies.front1, 'GET', '/api/candidates');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.id)).toEqual([res.body.id]);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(LIMITED_KEYS);
    const raw = JSON.stringify(list.body);
    for (const forbidden of ['birthDate', 'citizenId', 'reason', 'helper', 'introducer', 'personId', 'history']) expect(raw).not.toContain(forbidden);

    const one = await call<CandidateLimited>(cookies.front1, 'GET', `/api/candidates/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual(LIMITED_KEYS);
    expect((await call(cookies.front1, 'GET', `/api/candidates/${bySecretary.body.id}`)).status).toBe(404);

    // Another front officer of the same commune sees none of them.
    const other = await call<CandidateList>(cookies.front2, 'GET', '/api/candidates');
    expect(other.body.items).toEqual([]);
    expect((await call(cookies.front2, 'GET', `/api/candidates/${res.body.id}`)).status).toBe(404);

    // The cell's secretary and the commune's officials see both, in full.
    const full = await call<CandidateDetail>(cookies.secretaryA, 'GET', `/api/candidates/${res.body.id}`);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({
      view: 'full',
      massOrganization: 'youth_union',
      reason: 'Bí thư chi đoàn, nhiều năm liền hoàn thành xuất sắc nhiệm vụ',
      person: { fullName: 'Nguyễn Thị Hương', birthDate: '2001-04-12', occupation: 'Giáo viên hợp đồng' },
      history: [{ kind: 'introduced', toStatus: 'introduced', eventDate: '2026-05-20' }],
    });
    expect(full.body.introducer.role).toBe('front_officer');
    const officerList = await call<CandidateList>(cookies.officer, 'GET', '/api/candidates');
    expect(officerList.body.items.map((i) => i.id).sort((a, b) => a - b)).toEqual([res.body.id, bySecretary.body.id].sort((a, b) => a - b));
  });

  it('answers 404 to a cell secretary of another branch, and writes nothing', async () => {
    const created = await call<CandidateDetail>(cookies.secretaryA, 'POST', '/api/candidates', introduction(tree.cellA.id, newPerson({ fullName: 'Lê Văn Cường', gender: 'male' })));
    const id = created.body.id;
    const before = await lastAuditId();
    expect((await call(cookies.secretaryOther, 'GET', `/api/candidates/${id}`)).status).toBe(404);
    expect((await call(cookies.secretaryOther, 'GET', `/api/candidates/${id}/helper-options`)).status).toBe(404);
    const status = await call(cookies.secretaryOther, 'POST', `/api/candidates/${id}/status`, { status: 'withdrawn', date: '2026-06-01', version: 1 });
    expect(status.status).toBe(404);
    expect(JSON.stringify(status.body)).not.toContain('Cường');
    // Introducing into a cell outside the subtree is refused the same way.
    expect((await call(cookies.secretaryOther, 'POST', '/api/candidates', introduction(tree.cellA.id))).status).toBe(404);
    const row = await t.db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'introduced', version: 1 });
    expect((await auditSince(before)).every((a) => a.outcome === 'denied')).toBe(true);
    const list = await call<CandidateList>(cookies.secretaryOther, 'GET', '/api/candidates');
    expect(list.body.items).toEqual([]);
  });

  it('assigns as helper only an official member of the candidate\'s own cell', async () => {
    const created = await call<CandidateDetail>(cookies.secretaryA, 'POST', '/api/candidates', introduction(tree.cellA.id, newPerson({ fullName: 'Phạm Thị Dung' })));
    const id = created.body.id;
    const probationary = await buildMember(t.db, { organizationId: tree.cellA.id, status: 'probationary' });
    const elsewhere = await buildMember(t.db, { organizationId: tree.cellB.id, status: 'official' });
    const official = await buildMember(t.db, { organizationId: tree.cellA.id, status: 'official', person: { full_name: 'Hoàng Văn Em' } });

    for (const m of [probationary, elsewhere]) {
      const res = await call(cookies.secretaryA, 'POST', `/api/candidates/${id}/helper`, { memberId: m.member.id, assignedOn: '2026-06-01', version: 1 });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('HELPER_NOT_OFFICIAL_MEMBER');
    }
    const options = await call<{ items: { memberId: number }[] }>(cookies.secretaryA, 'GET', `/api/candidates/${id}/helper-options`);
    expect(options.body.items.map((o) => o.memberId)).toContain(official.member.id);
    expect(options.body.items.map((o) => o.memberId)).not.toContain(probationary.member.id);

    const before = await lastAuditId();
    const ok = await call<CandidateDetail>(cookies.secretaryA, 'POST', `/api/candidates/${id}/helper`, { memberId: official.member.id, assignedOn: '2026-06-01', version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.helper).toEqual({ memberId: official.member.id, fullName: 'Hoàng Văn Em', assignedOn: '2026-06-01' });
    expect(ok.body.version).toBe(2);
    expect(ok.body.history.map((h) => h.kind)).toEqual(['introduced', 'helper_assigned']);
    const audit = await auditSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'candidate.assign_helper', changed_fields: JSON.stringify(['helperMemberId', 'helperAssignedOn']) });

    // A stale version changes nothing.
    const stale = await call(cookies.secretaryA, 'POST', `/api/candidates/${id}/helper`, { memberId: official.member.id, assignedOn: '2026-06-02', version: 1 });
    expect(stale.status).toBe(409);
    expect((await t.db.selectFrom('candidates').select('helper_assigned_on').where('id', '=', id).executeTakeFirstOrThrow()).helper_assigned_on).toBe('2026-06-01');
    // A front officer may not manage candidates at all.
    expect((await call(cookies.front1, 'POST', `/api/candidates/${id}/helper`, { memberId: official.member.id, assignedOn: '2026-06-01', version: 2 })).status).toBe(403);
  });

  it('validates the identity like the people module and refuses mass assignment', async () => {
    const bad = await call(cookies.front1, 'POST', '/api/candidates', introduction(tree.cellA.id, newPerson({ citizenId: '068201000123' })));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'person.citizenId', code: 'CITIZEN_ID_CENTURY_GENDER' }]);
    const okId = '068301000124'; // Lâm Đồng, woman born 2001
    expect((await call(cookies.front1, 'POST', '/api/candidates', introduction(tree.cellA.id, newPerson({ fullName: 'Đặng Thị Giang', citizenId: okId })))).status).toBe(201);
    const dup = await call(cookies.front2, 'POST', '/api/candidates', introduction(tree.cellB.id, newPerson({ fullName: 'Người khác', citizenId: okId })));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toEqual({ code: 'DUPLICATE_CITIZEN_ID', requestId: expect.any(String) });
    const future = await call(cookies.front1, 'POST', '/api/candidates', { ...introduction(tree.cellA.id), introducedOn: '2026-07-01' });
    expect(future.status).toBe(400);
    const withStatus = await call(cookies.front1, 'POST', '/api/candidates', { ...introduction(tree.cellA.id), status: 'admitted' });
    expect(withStatus.status).toBe(400);
    const notACell = await call(cookies.front1, 'POST', '/api/candidates', introduction(tree.grassroots.id));
    expect(notACell.status).toBe(400);
    expect(notACell.body.error.fields).toEqual([{ path: 'organizationId', code: 'NOT_A_CELL' }]);
  });

  it('searches without diacritics, filters by status and cell, and records withdrawals in the history', async () => {
    const o = await buildTree(t.db);
    const { cookie } = await as('cell_secretary', o.grassroots.id);
    const a = await call<CandidateDetail>(cookie, 'POST', '/api/candidates', introduction(o.cellA.id, newPerson({ fullName: 'Võ Thị Ánh Tuyết' })));
    const b = await call<CandidateDetail>(cookie, 'POST', '/api/candidates', introduction(o.cellB.id, newPerson({ fullName: 'Đỗ Đức Anh', gender: 'male' })));
    const search = async (qs: string) => (await call<CandidateList>(cookie, 'GET', `/api/candidates?${qs}`)).body.items.map((i) => i.id);
    expect(await search('q=anh%20tuyet')).toEqual([a.body.id]);
    expect(await search('q=do%20duc')).toEqual([b.body.id]);
    expect(await search(`organizationId=${o.cellB.id}`)).toEqual([b.body.id]);
    // Vietnamese name order: by given name (Anh before Tuyết).
    expect(await search('')).toEqual([b.body.id, a.body.id]);

    const w = await call<CandidateDetail>(cookie, 'POST', `/api/candidates/${a.body.id}/status`, { status: 'withdrawn', date: '2026-06-10', note: 'Chuyển công tác', version: 1 });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ status: 'withdrawn', statusChangedOn: '2026-06-10' });
    expect(w.body.history.at(-1)).toMatchObject({ kind: 'status_changed', fromStatus: 'introduced', toStatus: 'withdrawn', note: 'Chuyển công tác' });
    expect(await search('status=open')).toEqual([b.body.id]);
    expect(await search('status=withdrawn')).toEqual([a.body.id]);
    const again = await call(cookie, 'POST', `/api/candidates/${a.body.id}/status`, { status: 'in_training', date: '2026-06-11', version: 2 });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('INVALID_STATUS_TRANSITION');

    // A withdrawn candidate may be introduced again (existing person); an open candidacy or an active member may not.
    const options = await call<{ items: { personId: number }[] }>(cookie, 'GET', '/api/candidates/person-options?q=tuyet');
    expect(options.body.items.map((i) => i.personId)).toEqual([a.body.person.id]);
    const { person: _p, ...base } = introduction(o.cellA.id);
    const re = await call<CandidateDetail>(cookie, 'POST', '/api/candidates', { ...base, personId: a.body.person.id });
    expect(re.status).toBe(201);
    expect(re.body.person.fullName).toBe('Võ Thị Ánh Tuyết');
    const twice = await call(cookie, 'POST', '/api/candidates', { ...base, personId: a.body.person.id });
    expect(twice.body.error.code).toBe('CANDIDATE_ALREADY_OPEN');
    const member = await buildMember(t.db, { organizationId: o.cellA.id });
    const asMember = await call(cookie, 'POST', '/api/candidates', { ...base, personId: member.person.id });
    expect(asMember.body.error.code).toBe('PERSON_IS_MEMBER');
    const stranger = await buildPerson(t.db);
    expect((await call(cookie, 'POST', '/api/candidates', { ...base, personId: stranger.id })).status).toBe(404);
  });

  it('finds a candidate and a person to introduce again by citizen id only in a POST body, within scope (security.md item 25)', async () => {
    const o = await buildTree(t.db);
    const { cookie: upper } = await as('cell_secretary', o.grassroots.id);
    const { cookie: cellB } = await as('cell_secretary', o.cellB.id);
    const idA = citizenId(2001, 'female', 425001);
    const idB = citizenId(2001, 'male', 425002);
    const a = await call<CandidateDetail>(upper, 'POST', '/api/candidates', introduction(o.cellA.id, newPerson({ fullName: 'Lò Thị Sen', citizenId: idA })));
    const b = await call<CandidateDetail>(upper, 'POST', '/api/candidates', introduction(o.cellB.id, newPerson({ fullName: 'Lò Văn Sáng', gender: 'male', citizenId: idB })));
    expect([a.status, b.status]).toEqual([201, 201]);

    const search = async (cookie: string, body: Record<string, unknown>) => {
      const res = await call<CandidateList>(cookie, 'POST', '/api/candidates/search', body);
      expect(res.status).toBe(200);
      return res.body.items.map((i) => i.id);
    };
    expect(await search(upper, { q: idA })).toEqual([a.body.id]);
    expect(await search(upper, { q: idB.slice(0, 9), status: 'open' })).toEqual([b.body.id]);
    expect(await search(upper, { q: idA, organizationId: o.cellB.id })).toEqual([]);
    // Another cell's secretary: the citizen id of a candidate outside the cell finds nothing.
    expect(await search(cellB, { q: idA })).toEqual([]);
    expect(await search(cellB, { q: idB })).toEqual([b.body.id]);
    // The same answer as the GET for the same filters.
    expect((await call<CandidateList>(upper, 'POST', '/api/candidates/search', { q: 'lo thi', pageSize: 5 })).body).toEqual(
      (await call<CandidateList>(upper, 'GET', '/api/candidates?q=lo%20thi&pageSize=5')).body,
    );
    expect((await call(upper, 'POST', '/api/candidates/search', { q: idA, view: 'full' })).status).toBe(400);

    const refused = await call(upper, 'GET', `/api/candidates?q=${idA}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ ...CITIZEN_ID_IN_URL, params: { ...CITIZEN_ID_IN_URL.params, use: 'POST /api/candidates/search' } });

    // A withdrawn candidate is a person to introduce again: found by citizen id in the body, in scope only.
    await call(upper, 'POST', `/api/candidates/${a.body.id}/status`, { status: 'withdrawn', date: '2026-06-10', version: 1 });
    const options = async (cookie: string, q: string) => {
      const res = await call<{ items: { personId: number }[] }>(cookie, 'POST', '/api/candidates/person-options/search', { q });
      expect(res.status).toBe(200);
      return res.body.items.map((i) => i.personId);
    };
    expect(await options(upper, idA)).toEqual([a.body.person.id]);
    expect(await options(cellB, idA)).toEqual([]);
    const refusedOptions = await call(upper, 'GET', `/api/candidates/person-options?q=${encodeURIComponent(idA.replace(/(\d{3})(?=\d)/g, '$1 '))}`);
    expect(refusedOptions.status).toBe(400);
    expect(refusedOptions.body.error).toMatchObject({ ...CITIZEN_ID_IN_URL, params: { ...CITIZEN_ID_IN_URL.params, use: 'POST /api/candidates/person-options/search' } });
    expect((await call(upper, 'POST', '/api/candidates/person-options/search', { q: idA, limit: 1 })).status).toBe(400);
    // Neither a front officer (who introduces but never picks a person on file) nor a member may use the twin.
    expect((await call(cookies.front1, 'POST', '/api/candidates/person-options/search', { q: idA })).status).toBe(403);
  });

  it('edits the introduction with compare-and-set and names the changed fields in the audit row', async () => {
    const created = await call<CandidateDetail>(cookies.secretaryA, 'POST', '/api/candidates', introduction(tree.cellA.id, newPerson({ fullName: 'Mai Văn Hùng', gender: 'male' })));
    const body = { massOrganization: 'womens_union', massOrganizationName: null, reason: created.body.reason, introducedOn: '2026-05-20', version: 1 };
    const before = await lastAuditId();
    const res = await call<CandidateDetail>(cookies.secretaryA, 'PUT', `/api/candidates/${created.body.id}`, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ massOrganization: 'womens_union', massOrganizationName: null, version: 2 });
    const audit = await auditSince(before);
    expect(audit.map((a) => a.action)).toEqual(['candidate.update']);
    expect(JSON.parse(audit[0].changed_fields!)).toEqual(['massOrganization', 'massOrganizationName']);
    expect((await call(cookies.secretaryA, 'PUT', `/api/candidates/${created.body.id}`, body)).status).toBe(409);
  });
});
