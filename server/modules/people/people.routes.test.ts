import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';

// The test clock is 2026-06-15T03:00Z (factories.ts): today in Vietnam is 2026-06-15.

/** A valid CCCD for a birth year and gender (Lâm Đồng, 068): digit 4 = century × 2 (+1 for women), then the year. */
function citizenId(birthYear: number, gender: 'male' | 'female', serial: number): string {
  const digit = Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
  return `068${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

describe.each(ENGINES)('member records on %s', (engine) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  const cookie: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookie[who] } });
  const send = (who: string, method: 'POST' | 'PUT', url: string, payload: unknown) =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie: cookie[who] } });
  const names = (body: { items: { fullName: string }[] }) => body.items.map((i) => i.fullName);
  const list = async (who: string, query = '') => {
    const res = await get(who, `/api/members${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: number; fullName: string; citizenIdMasked: string | null }[]; total: number; totalIsLowerBound: boolean };
  };
  const auditCount = async (action: string, objectId?: number) => {
    // Successful actions only: a refused request is audited under the route's policy name with outcome 'denied'.
    let q = t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).where('outcome', '=', 'success');
    if (objectId !== undefined) q = q.where('object_id', '=', String(objectId));
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const memberRow = (id: number) => t.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await buildTestApp(engine);
    tree = await buildTree(t.db);
    const add = async (key: string, organizationId: number, person: Record<string, unknown>, extra: { status?: 'official' | 'probationary' | 'struck_off'; cardNumber?: string } = {}) => {
      const built = await buildMember(t.db, { organizationId, person: person as never, ...extra });
      ids[key] = built.member.id;
      return built;
    };
    const an = await add('an', tree.cellA.id, { full_name: 'Nguyễn Văn An', citizen_id: citizenId(1990, 'male', 1234) }, { cardNumber: '10000001' });
    await add('leAn', tree.cellB.id, { full_name: 'Lê Văn An', citizen_id: citizenId(1990, 'male', 2) }, { cardNumber: '10000002' });
    await add('binh', tree.cellB.id, { full_name: 'Nguyễn Văn Bình' });
    await add('hoa', tree.otherCell.id, { full_name: 'Trần Thị Hoa', gender: 'female', birth_date: '2000-01-10', ethnicity_code: '16' });
    await add('gone', tree.cellA.id, { full_name: 'Phạm Văn Cũ' }, { status: 'struck_off' });
    await add('young', tree.cellA.id, { full_name: 'Đỗ Thị Bích' , gender: 'female', birth_date: '2003-02-01' }, { status: 'probationary' });

    await buildUser(t.db, { role: 'organization_officer', organizationId: tree.province.id, username: 'officer' });
    await buildUser(t.db, { role: 'admin', organizationId: tree.province.id, username: 'admin' });
    await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellA.id, username: 'secA' });
    await buildUser(t.db, { role: 'front_officer', organizationId: tree.commune.id, username: 'front' });
    await buildUser(t.db, { role: 'member', organizationId: tree.cellA.id, username: 'self', personId: an.person.id });
    for (const u of ['officer', 'admin', 'secA', 'front', 'self']) cookie[u] = await loginAs(t.app, u);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/members', () => {
    it('finds names without diacritics or case: "nguyen van an" and "NGUYỄN"', async () => {
      expect(names(await list('officer', '?q=nguyen%20van%20an'))).toEqual(['Nguyễn Văn An']);
      expect(names(await list('officer', `?q=${encodeURIComponent('NGUYỄN')}`))).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Bình']);
      expect(names(await list('officer', `?q=${encodeURIComponent('  trần  THỊ hoa ')}`))).toEqual(['Trần Thị Hoa']);
    });

    it('matches at word starts, so a given name does not find names that merely contain it', async () => {
      expect(names(await list('officer', '?q=an'))).toEqual(['Lê Văn An', 'Nguyễn Văn An']);
      expect(names(await list('officer', '?q=nguyen%20van%20b'))).toEqual(['Nguyễn Văn Bình']);
    });

    it('finds a member by card number; lists show only the last digits of the citizen id', async () => {
      const byCard = await list('officer', '?q=10000001');
      expect(names(byCard)).toEqual(['Nguyễn Văn An']);
      expect(byCard.items[0].citizenIdMasked).toBe('••••••••1234');
      expect(names(await list('officer', '?q=10000002'))).toEqual(['Lê Văn An']);
      expect(JSON.stringify(byCard)).not.toContain(citizenId(1990, 'male', 1234));
    });

    it('refuses a citizen id in the URL (security.md item 25), whole, grouped, among words or as a long prefix', async () => {
      for (const q of [citizenId(1990, 'male', 1234), '068 090 001 234', `nguyen ${citizenId(1990, 'male', 1234)}`, '068090001']) {
        const res = await get('officer', `/api/members?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error).toMatchObject({
          code: 'VALIDATION',
          params: { reason: 'citizen_id_in_url', use: 'POST /api/members/search' },
          fields: [{ path: 'querystring.q', code: 'citizen_id_in_url' }],
        });
        expect(res.body).not.toContain('Nguyễn Văn An');
      }
    });

    it('sorts by given name first, then middle and family names, in Vietnamese letter order', async () => {
      const all = await list('officer');
      expect(names(all)).toEqual(['Lê Văn An', 'Nguyễn Văn An', 'Đỗ Thị Bích', 'Nguyễn Văn Bình', 'Trần Thị Hoa']);
      expect(all.total).toBe(5);
      expect(all.totalIsLowerBound).toBe(false);
    });

    it('paginates with a stable total', async () => {
      const p1 = await list('officer', '?pageSize=2&page=1');
      const p2 = await list('officer', '?pageSize=2&page=2');
      const p3 = await list('officer', '?pageSize=2&page=3');
      expect([...names(p1), ...names(p2), ...names(p3)]).toEqual(['Lê Văn An', 'Nguyễn Văn An', 'Đỗ Thị Bích', 'Nguyễn Văn Bình', 'Trần Thị Hoa']);
      expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
      expect((await list('officer', '?pageSize=2&page=9')).items).toEqual([]);
    });

    it('filters by status: active by default, all, or one status', async () => {
      expect(names(await list('officer', '?status=all'))).toContain('Phạm Văn Cũ');
      expect(names(await list('officer'))).not.toContain('Phạm Văn Cũ');
      expect(names(await list('officer', '?status=struck_off'))).toEqual(['Phạm Văn Cũ']);
      expect(names(await list('officer', '?status=probationary'))).toEqual(['Đỗ Thị Bích']);
    });

    it("filters by organization (that organization's subtree), gender and ethnicity", async () => {
      expect(names(await list('officer', `?organizationId=${tree.cellB.id}`))).toEqual(['Lê Văn An', 'Nguyễn Văn Bình']);
      expect(names(await list('officer', `?organizationId=${tree.grassroots.id}`))).toEqual(['Lê Văn An', 'Nguyễn Văn An', 'Đỗ Thị Bích', 'Nguyễn Văn Bình']);
      expect(names(await list('officer', '?gender=female'))).toEqual(['Đỗ Thị Bích', 'Trần Thị Hoa']);
      expect(names(await list('officer', '?ethnicityCode=16'))).toEqual(['Trần Thị Hoa']);
      expect(names(await list('officer', '?q=an&organizationId=' + tree.cellA.id))).toEqual(['Nguyễn Văn An']);
    });

    it('filters by age band in whole years on today (Vietnam)', async () => {
      // Trần Thị Hoa, born 2000-01-10, is 26; Đỗ Thị Bích, born 2003-02-01, is 23; the others, born 1990-05-01, are 36.
      expect(names(await list('officer', '?ageMin=20&ageMax=30'))).toEqual(['Đỗ Thị Bích', 'Trần Thị Hoa']);
      expect(names(await list('officer', '?ageMin=26&ageMax=26'))).toEqual(['Trần Thị Hoa']);
      expect(names(await list('officer', '?ageMin=36'))).toEqual(['Lê Văn An', 'Nguyễn Văn An', 'Nguyễn Văn Bình']);
      expect(names(await list('officer', '?ageMax=25'))).toEqual(['Đỗ Thị Bích']);
      const inverted = await get('officer', '/api/members?ageMin=40&ageMax=30');
      expect(inverted.statusCode).toBe(400);
    });

    it("shows a cell secretary only the cell's members, and refuses another cell as a filter (404)", async () => {
      expect(names(await list('secA'))).toEqual(['Nguyễn Văn An', 'Đỗ Thị Bích']);
      expect(names(await list('secA', '?q=an'))).toEqual(['Nguyễn Văn An']);
      expect(names(await list('secA', '?q=10000002'))).toEqual([]);
      const foreign = await get('secA', `/api/members?organizationId=${tree.cellB.id}`);
      expect(foreign.statusCode).toBe(404);
    });

    it('refuses the member role (own record only, by id) and the front officer (no member records at all)', async () => {
      expect((await get('self', '/api/members')).statusCode).toBe(403);
      expect((await get('front', '/api/members')).statusCode).toBe(403);
    });
  });

  describe('POST /api/members/search', () => {
    const search = async (who: string, body: Record<string, unknown>) => {
      const res = await send(who, 'POST', '/api/members/search', body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: number; fullName: string; citizenIdMasked: string | null }[]; total: number; page: number; pageSize: number };
    };

    it('finds a member by citizen id in the body; the list shows only its last digits', async () => {
      const byId = await search('officer', { q: citizenId(1990, 'male', 1234) });
      expect(names(byId)).toEqual(['Nguyễn Văn An']);
      expect(byId.items[0].citizenIdMasked).toBe('••••••••1234');
      expect(JSON.stringify(byId)).not.toContain(citizenId(1990, 'male', 1234));
      // A prefix of the id, as typed so far.
      expect(names(await search('officer', { q: '068090001' }))).toEqual(['Nguyễn Văn An']);
    });

    it('answers exactly as the GET for the same filters', async () => {
      for (const query of [{}, { q: 'an' }, { status: 'all', pageSize: 2, page: 2 }, { gender: 'female' }, { organizationId: tree.cellB.id }, { ageMin: 20, ageMax: 30 }]) {
        const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
        expect(await search('officer', query)).toEqual(await list('officer', qs ? `?${qs}` : ''));
      }
    });

    it("keeps a cell secretary inside the cell: another cell's citizen id finds nothing, another cell as a filter is 404", async () => {
      expect(names(await search('secA', { q: citizenId(1990, 'male', 1234) }))).toEqual(['Nguyễn Văn An']);
      expect((await search('secA', { q: citizenId(1990, 'male', 2) })).total).toBe(0);
      expect(names(await search('officer', { q: citizenId(1990, 'male', 2) }))).toEqual(['Lê Văn An']);
      const foreign = await send('secA', 'POST', '/api/members/search', { q: citizenId(1990, 'male', 2), organizationId: tree.cellB.id });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).not.toContain('Lê Văn An');
    });

    it('refuses the member role, the front officer and an anonymous caller, and audits the refusals', async () => {
      const q = { q: citizenId(1990, 'male', 1234) };
      expect((await send('self', 'POST', '/api/members/search', q)).statusCode).toBe(403);
      expect((await send('front', 'POST', '/api/members/search', q)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: '/api/members/search', payload: q })).statusCode).toBe(401);
      const denied = await t.db
        .selectFrom('audit_log')
        .select(['username', 'object_id', 'changed_fields'])
        .where('action', '=', 'member.list')
        .where('outcome', '=', 'denied')
        .where('object_id', '=', 'POST /api/members/search')
        .execute();
      expect(denied.map((d) => d.username)).toEqual(expect.arrayContaining([null, 'front', 'self']));
      // The audit trail never holds the citizen id that was searched for.
      expect(JSON.stringify(denied)).not.toContain(citizenId(1990, 'male', 1234));
    });

    it('refuses unknown keys, an inverted age band, a foreign Origin', async () => {
      expect((await send('officer', 'POST', '/api/members/search', { q: 'an', role: 'admin' })).statusCode).toBe(400);
      expect((await send('officer', 'POST', '/api/members/search', { ageMin: 40, ageMax: 30 })).statusCode).toBe(400);
      const foreign = await t.app.inject({
        method: 'POST',
        url: '/api/members/search',
        payload: { q: 'an' },
        headers: { cookie: cookie.officer, origin: 'https://evil.example' },
      });
      expect(foreign.statusCode).toBe(403);
    });
  });

  describe('GET /api/members/:id', () => {
    it('returns the record with organization, party age (R-REC-07) and timeline, and audits the read once', async () => {
      const before = await auditCount('member.read', ids.an);
      const res = await get('officer', `/api/members/${ids.an}`);
      expect(res.statusCode).toBe(200);
      const m = res.json();
      expect(m.person.fullName).toBe('Nguyễn Văn An');
      expect(m.person.citizenId).toBe(citizenId(1990, 'male', 1234));
      expect(m.organization).toEqual({ id: tree.cellA.id, name: 'Chi bộ Giáo viên', kind: 'cell' });
      // Admitted by the decision of 2015-03-02: 11 whole years on 2026-06-15.
      expect(m.partyAgeYears).toBe(11);
      expect(m.timeline.map((e: { kind: string }) => e.kind)).toEqual(['registered']);
      expect(await auditCount('member.read', ids.an)).toBe(before + 1);
      const row = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.read').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ object_type: 'member', object_id: String(ids.an), outcome: 'success', username: 'officer' });
    });

    it('answers 404 without a byte of the record for a member of another cell, and audits the refusal', async () => {
      const refusedBefore = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('outcome', '=', 'denied').executeTakeFirstOrThrow();
      const readsBefore = await auditCount('member.read');
      const res = await get('secA', `/api/members/${ids.leAn}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Lê');
      expect(res.body).not.toContain('10000002');
      expect(await auditCount('member.read')).toBe(readsBefore);
      const refusedAfter = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('outcome', '=', 'denied').executeTakeFirstOrThrow();
      expect(Number(refusedAfter.n)).toBe(Number(refusedBefore.n) + 1);
      expect((await get('secA', '/api/members/999999')).statusCode).toBe(404);
    });

    it('lets a member read their own record and nobody else', async () => {
      expect((await get('self', `/api/members/${ids.an}`)).statusCode).toBe(200);
      expect((await get('self', `/api/members/${ids.binh}`)).statusCode).toBe(404);
      expect((await get('front', `/api/members/${ids.an}`)).statusCode).toBe(403);
    });
  });

  describe('POST /api/members', () => {
    const valid = (over: Record<string, unknown> = {}) => ({
      fullName: 'Hoàng Minh Tuấn',
      gender: 'male',
      birthDate: '1995-09-12',
      ethnicityCode: '01',
      religionCode: 'none',
      citizenId: citizenId(1995, 'male', 777),
      admissionDecisionDate: '2025-05-19',
      ceremonyDate: '2025-06-01',
      posts: [{ title: 'Bí thư Chi đoàn', since: '2024-01-01' }],
      organizationId: tree.cellA.id,
      status: 'probationary',
      ...over,
    });

    it('creates person, member, the admitted event and an audit row; the new member is searchable', async () => {
      const res = await send('secA', 'POST', '/api/members', valid());
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json();
      ids.tuan = m.id;
      expect(m).toMatchObject({ status: 'probationary', organization: { id: tree.cellA.id }, version: 1, posts: [{ title: 'Bí thư Chi đoàn', since: '2024-01-01' }] });
      expect(m.timeline).toMatchObject([{ kind: 'admitted', eventDate: '2025-05-19', fromStatus: null, toStatus: 'probationary', actor: 'seca' }]);
      expect(await auditCount('member.create', m.id)).toBe(1);
      expect(names(await list('secA', '?q=hoang%20minh%20tuan'))).toEqual(['Hoàng Minh Tuấn']);
    });

    it("records an existing official member with a 'registered' event", async () => {
      const res = await send('officer', 'POST', '/api/members', valid({
        fullName: 'Vũ Đức Long',
        birthDate: '1980-04-04',
        citizenId: null,
        status: 'official',
        admissionDecisionDate: '2010-01-05',
        ceremonyDate: '2010-01-20',
        officialDate: '2011-01-20',
        organizationId: tree.otherCell.id,
      }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().timeline).toMatchObject([{ kind: 'registered', eventDate: '2011-01-20', toStatus: 'official' }]);
      expect(res.json().partyAgeYears).toBe(16);
    });

    it('refuses an invalid citizen id with a field error on citizenId, and writes nothing', async () => {
      const persons = await t.db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      for (const [cid, code] of [
        ['12345', 'CITIZEN_ID_FORMAT'],
        ['999095000777', 'CITIZEN_ID_PROVINCE'],
        [citizenId(1995, 'female', 777), 'CITIZEN_ID_CENTURY_GENDER'],
        [citizenId(1996, 'male', 777), 'CITIZEN_ID_BIRTH_YEAR'],
      ]) {
        const res = await send('secA', 'POST', '/api/members', valid({ fullName: 'Sai Số Căn Cước', citizenId: cid }));
        expect(res.statusCode).toBe(400);
        expect(res.json().error.fields).toContainEqual(expect.objectContaining({ path: 'citizenId', code }));
      }
      const after = await t.db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(persons.n));
    });

    it('reports every field problem at once: ethnicity, religion, and dates (R-ADM-01: 18 years at admission)', async () => {
      const res = await send('secA', 'POST', '/api/members', valid({
        fullName: 'Ngày Tháng Sai',
        citizenId: null,
        birthDate: '2010-03-01',
        admissionDecisionDate: '2026-01-10',
        ceremonyDate: '2025-12-01',
        officialDate: '2026-02-01',
        ethnicityCode: '99',
        religionCode: 'pastafarian',
      }));
      expect(res.statusCode).toBe(400);
      const fields = res.json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`);
      expect(fields).toEqual(
        expect.arrayContaining([
          'ethnicityCode:unknown_ethnicity',
          'religionCode:unknown_religion',
          'admissionDecisionDate:admission_age',
          'ceremonyDate:before_admission_decision',
          'officialDate:not_allowed_for_probationary',
        ]),
      );
      expect(res.json().error.fields.find((f: { path: string }) => f.path === 'admissionDecisionDate').params).toMatchObject({ rule: 'R-ADM-01' });
    });

    it('refuses a duplicate citizen id (naming the existing member only inside scope) and a duplicate card number', async () => {
      const dupOfAn = valid({ fullName: 'Trùng Căn Cước', citizenId: citizenId(1990, 'male', 1234), birthDate: '1990-02-02' });
      const inScope = await send('officer', 'POST', '/api/members', dupOfAn);
      expect(inScope.statusCode).toBe(409);
      expect(inScope.json().error).toMatchObject({ code: 'DUPLICATE_CITIZEN_ID', params: { name: 'Nguyễn Văn An', organization: 'Chi bộ Giáo viên' } });

      const leAnId = citizenId(1990, 'male', 2);
      const outOfScope = await send('secA', 'POST', '/api/members', { ...dupOfAn, citizenId: leAnId });
      expect(outOfScope.statusCode).toBe(409);
      expect(outOfScope.json().error.code).toBe('DUPLICATE_CITIZEN_ID');
      expect(outOfScope.json().error.params).toBeUndefined();
      expect(outOfScope.body).not.toContain('Lê');

      const card = await send('secA', 'POST', '/api/members', valid({ fullName: 'Trùng Thẻ', citizenId: null, cardNumber: '10000002' }));
      expect(card.statusCode).toBe(409);
      expect(card.json().error.code).toBe('DUPLICATE_CARD_NUMBER');
    });

    it('lets exactly one of two simultaneous creations with the same card number through, leaving no half-written person', async () => {
      const persons = async () => Number((await t.db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await persons();
      const racer = (name: string) => send('officer', 'POST', '/api/members', valid({ fullName: name, citizenId: null, cardNumber: '55555555' }));
      const results = await Promise.all([racer('Đua Một'), racer('Đua Hai')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('DUPLICATE_CARD_NUMBER');
      expect(await persons()).toBe(before + 1);
    });

    it('refuses an organization that does not hold members (400), is out of scope (404) or is dissolved (422)', async () => {
      const committee = await send('officer', 'POST', '/api/members', valid({ fullName: 'Sai Tổ Chức', citizenId: null, organizationId: tree.commune.id }));
      expect(committee.statusCode).toBe(400);
      expect(committee.json().error.fields).toContainEqual({ path: 'organizationId', code: 'not_member_holding' });
      const foreign = await send('secA', 'POST', '/api/members', valid({ fullName: 'Sai Tổ Chức', citizenId: null, organizationId: tree.cellB.id }));
      expect(foreign.statusCode).toBe(404);
      await t.db.updateTable('organizations').set({ valid_to: '2026-01-01' }).where('id', '=', tree.otherCell.id).execute();
      try {
        const dissolved = await send('officer', 'POST', '/api/members', valid({ fullName: 'Sai Tổ Chức', citizenId: null, organizationId: tree.otherCell.id }));
        expect(dissolved.statusCode).toBe(422);
        expect(dissolved.json().error.code).toBe('ORGANIZATION_NOT_ACTIVE');
      } finally {
        await t.db.updateTable('organizations').set({ valid_to: null }).where('id', '=', tree.otherCell.id).execute();
      }
    });

    it('is refused to roles without the grant and to unknown fields', async () => {
      expect((await send('front', 'POST', '/api/members', valid({ citizenId: null }))).statusCode).toBe(403);
      expect((await send('self', 'POST', '/api/members', valid({ citizenId: null }))).statusCode).toBe(403);
      const extra = await send('officer', 'POST', '/api/members', { ...valid({ citizenId: null }), version: 5 });
      expect(extra.statusCode).toBe(400);
    });
  });

  describe('PUT /api/members/:id', () => {
    const bodyOf = (m: Record<string, any>) => ({
      ...m.person,
      historyNumber: m.historyNumber,
      cardNumber: m.cardNumber,
      admissionDecisionDate: m.admissionDecisionDate,
      ceremonyDate: m.ceremonyDate,
      officialDate: m.officialDate,
      posts: m.posts,
      version: m.version,
    });
    const current = async (id: number) => (await get('officer', `/api/members/${id}`)).json();

    it('edits fields with compare-and-set, keeps search in step and audits the changed field names only', async () => {
      const m = await current(ids.binh);
      const res = await send('officer', 'PUT', `/api/members/${ids.binh}`, { ...bodyOf(m), fullName: 'Nguyễn Văn Bính', phone: '0912345678' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ version: m.version + 1, person: { fullName: 'Nguyễn Văn Bính', phone: '0912345678' } });
      const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.update').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.changed_fields!)).toEqual(['fullName', 'phone']);
      expect(audit.changed_fields).not.toContain('0912345678');
      expect(names(await list('officer', '?q=binh'))).toEqual(['Nguyễn Văn Bính']);
      expect(names(await list('officer', `?q=${encodeURIComponent('Nguyễn Văn Bính')}`))).toEqual(['Nguyễn Văn Bính']);
      const row = await memberRow(ids.binh);
      const person = await t.db.selectFrom('persons').selectAll().where('id', '=', row.person_id).executeTakeFirstOrThrow();
      expect(row.sort_key).toBe(person.sort_key);
      expect(row.search_text).toBe('nguyen van binh');
    });

    it('answers 409 with the current version to a stale write, and changes nothing', async () => {
      const m = await current(ids.binh);
      const before = await memberRow(ids.binh);
      const res = await send('officer', 'PUT', `/api/members/${ids.binh}`, { ...bodyOf(m), fullName: 'Tên Cũ Hơn', version: m.version - 1 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'CONFLICT', params: { currentVersion: m.version } });
      expect(await memberRow(ids.binh)).toEqual(before);
    });

    it('answers 404 to a cell secretary editing another cell, leaving the row unchanged', async () => {
      const m = await current(ids.leAn);
      const before = await memberRow(ids.leAn);
      const res = await send('secA', 'PUT', `/api/members/${ids.leAn}`, { ...bodyOf(m), fullName: 'Bị Sửa Trộm' });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Lê');
      expect(await memberRow(ids.leAn)).toEqual(before);
    });

    it('refuses status or cell in the body (they change through events), and duplicates', async () => {
      const m = await current(ids.binh);
      expect((await send('officer', 'PUT', `/api/members/${ids.binh}`, { ...bodyOf(m), status: 'official' })).statusCode).toBe(400);
      expect((await send('officer', 'PUT', `/api/members/${ids.binh}`, { ...bodyOf(m), organizationId: tree.cellA.id })).statusCode).toBe(400);
      const dup = await send('officer', 'PUT', `/api/members/${ids.binh}`, { ...bodyOf(m), cardNumber: '10000001' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('DUPLICATE_CARD_NUMBER');
      expect((await memberRow(ids.binh)).version).toBe(m.version);
    });
  });

  describe('POST /api/members/:id/events', () => {
    it("recognizes a probationary member: the timeline shows the change and the official date is the end of probation", async () => {
      const m = (await get('officer', `/api/members/${ids.young}`)).json();
      const res = await send('officer', 'POST', `/api/members/${ids.young}/events`, {
        kind: 'recognized',
        eventDate: '2026-04-02',
        decisionRef: '15-QĐ/ĐU',
        version: m.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = res.json();
      expect(after).toMatchObject({ status: 'official', officialDate: '2016-03-20', version: m.version + 1 });
      expect(after.timeline.at(-1)).toMatchObject({
        kind: 'recognized',
        eventDate: '2026-04-02',
        fromStatus: 'probationary',
        toStatus: 'official',
        decisionRef: '15-QĐ/ĐU',
        actor: 'officer',
      });
      expect(await auditCount('member.change_status', ids.young)).toBe(1);
    });

    it('refuses an illegal transition with its code and changes nothing', async () => {
      const before = await memberRow(ids.young);
      const events = await t.db.selectFrom('member_events').select((eb) => eb.fn.countAll().as('n')).where('member_id', '=', ids.young).executeTakeFirstOrThrow();
      const res = await send('officer', 'POST', `/api/members/${ids.young}/events`, { kind: 'recognized', eventDate: '2026-05-01', version: before.version });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', params: { from: 'official', kind: 'recognized' } });
      expect(await memberRow(ids.young)).toEqual(before);
      const eventsAfter = await t.db.selectFrom('member_events').select((eb) => eb.fn.countAll().as('n')).where('member_id', '=', ids.young).executeTakeFirstOrThrow();
      expect(Number(eventsAfter.n)).toBe(Number(events.n));

      const gone = await memberRow(ids.gone);
      const left = await send('officer', 'POST', `/api/members/${ids.gone}/events`, { kind: 'moved', organizationId: tree.cellB.id, eventDate: '2026-05-01', version: gone.version });
      expect(left.statusCode).toBe(422);
      expect(left.json().error.code).toBe('MEMBER_NOT_ACTIVE');
    });

    it('moves a member to another cell in scope: organization and subtree filters follow', async () => {
      const before = await memberRow(ids.tuan);
      const res = await send('officer', 'POST', `/api/members/${ids.tuan}/events`, { kind: 'moved', organizationId: tree.cellB.id, eventDate: '2026-06-01', version: before.version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().organization.id).toBe(tree.cellB.id);
      expect(res.json().timeline.at(-1)).toMatchObject({ kind: 'moved', fromOrganization: { id: tree.cellA.id }, toOrganization: { id: tree.cellB.id, name: 'Chi bộ Hành chính' } });
      expect((await memberRow(ids.tuan)).org_path).toBe(tree.cellB.path);
      expect(names(await list('officer', `?organizationId=${tree.cellB.id}&q=tuan`))).toEqual(['Hoàng Minh Tuấn']);
      expect(names(await list('secA', '?q=tuan'))).toEqual([]);
      const committee = await send('officer', 'POST', `/api/members/${ids.tuan}/events`, { kind: 'moved', organizationId: tree.commune.id, eventDate: '2026-06-02', version: before.version + 1 });
      expect(committee.statusCode).toBe(400);
    });

    it('ends membership with a leaving event (left date set), then refuses further events; stale versions get 409', async () => {
      const before = await memberRow(ids.leAn);
      const stale = await send('officer', 'POST', `/api/members/${ids.leAn}/events`, { kind: 'deceased', eventDate: '2026-06-10', version: before.version + 3 });
      expect(stale.statusCode).toBe(409);
      expect(await memberRow(ids.leAn)).toEqual(before);
      const res = await send('officer', 'POST', `/api/members/${ids.leAn}/events`, { kind: 'deceased', eventDate: '2026-06-10', version: before.version });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'deceased', leftDate: '2026-06-10' });
      expect(names(await list('officer'))).not.toContain('Lê Văn An');
    });

    it('is only for administrators and organization officers', async () => {
      const m = await memberRow(ids.an);
      expect((await send('secA', 'POST', `/api/members/${ids.an}/events`, { kind: 'deceased', eventDate: '2026-06-10', version: m.version })).statusCode).toBe(403);
    });
  });
});
