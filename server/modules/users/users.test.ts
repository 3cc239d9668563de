import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User, UserList, UserWithPassword } from '../../../common/contracts/users.contract.ts';
import { sql } from 'kysely';
import { up as addUserSearchText } from '../../db/migrations/0015-users-search.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, TEST_PASSWORD, type TestApp } from '../../test/factories.ts';
import { createTestDatabase, ENGINES } from '../../test/test-db.ts';
import { userSearchText } from './users.repo.ts';

describe.each(ENGINES)('user accounts on %s', (engine) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  /** Administrator of the commune: sees the commune's whole subtree. */
  let communeAdmin: string;
  /** Administrator of the school's grassroots committee: sees only the school. */
  let schoolAdmin: string;
  let schoolAdminId: number;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    tree = await buildTree(t.db);
    await buildUser(t.db, { role: 'admin', organizationId: tree.commune.id, username: 'qt_xa' });
    const sa = await buildUser(t.db, { role: 'admin', organizationId: tree.grassroots.id, username: 'qt_truong' });
    schoolAdminId = sa.id;
    communeAdmin = await loginAs(t.app, 'qt_xa');
    schoolAdmin = await loginAs(t.app, 'qt_truong');
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, payload: method === 'GET' ? undefined : (payload ?? {}) });
  const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
  const sessionsOf = async (userId: number) =>
    (await t.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;
  const auditAfter = async (id: number) => t.db.selectFrom('audit_log').selectAll().where('id', '>', id).orderBy('id').execute();
  const auditHead = async () => (await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0;

  it('creates an account with a one-time password the new user can log in with, audited once without the password', async () => {
    const head = await auditHead();
    const res = await call(schoolAdmin, 'POST', '/api/users', {
      username: '  Bithu.GiaoVien ',
      displayName: 'Bí thư chi bộ Giáo viên',
      role: 'cell_secretary',
      organizationId: tree.cellA.id,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as UserWithPassword;
    expect(body.user).toMatchObject({
      username: 'bithu.giaovien',
      role: 'cell_secretary',
      organization: { id: tree.cellA.id, name: 'Chi bộ Giáo viên' },
      isDisabled: false,
      isLocked: false,
      lastLoginAt: null,
      version: 1,
    });
    expect(body.oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect((await login('bithu.giaovien', body.oneTimePassword!)).statusCode).toBe(200);

    const rows = await auditAfter(head);
    const created = rows.filter((r) => r.action === 'user.create');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ username: 'qt_truong', object_type: 'user', object_id: String(body.user.id), outcome: 'success' });
    expect(JSON.parse(created[0].changed_fields!)).toContain('password');
    expect(JSON.stringify(rows)).not.toContain(body.oneTimePassword);

    const listed = (await call(schoolAdmin, 'GET', '/api/users?q=giaovien')).json() as UserList;
    expect(listed.items.map((u) => u.username)).toEqual(['bithu.giaovien']);
    expect(listed.items[0].lastLoginAt).toBe(t.clock.now.toISOString());
  });

  it('accepts a password chosen by the administrator, and refuses a weak one', async () => {
    const weak = await call(schoolAdmin, 'POST', '/api/users', {
      username: 'yeu',
      displayName: 'Mật khẩu yếu',
      role: 'training_officer',
      organizationId: tree.grassroots.id,
      password: 'matkhau123',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', params: { reason: 'common' } });
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'yeu').executeTakeFirst()).toBeUndefined();

    const named = await call(schoolAdmin, 'POST', '/api/users', {
      username: 'tuyengiao',
      displayName: 'Cán bộ tuyên giáo',
      role: 'training_officer',
      organizationId: tree.grassroots.id,
      password: 'đồi thông hai mộ 1975',
    });
    expect(named.statusCode).toBe(201);
    expect(named.json().oneTimePassword).toBeNull();
    expect((await login('tuyengiao', 'đồi thông hai mộ 1975')).statusCode).toBe(200);
  });

  it('refuses a malformed or taken username, and fields the route does not take', async () => {
    const base = { displayName: 'Thử', role: 'cell_secretary', organizationId: tree.cellA.id };
    const bad = await call(schoolAdmin, 'POST', '/api/users', { ...base, username: 'có dấu' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.username');
    expect((await call(schoolAdmin, 'POST', '/api/users', { ...base, username: 'ab' })).statusCode).toBe(400);
    const taken = await call(schoolAdmin, 'POST', '/api/users', { ...base, username: 'QT_XA' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('DUPLICATE_USERNAME');
    const extra = await call(schoolAdmin, 'POST', '/api/users', { ...base, username: 'thua', failedCount: 0 });
    expect(extra.statusCode).toBe(400);
  });

  it('links a member account to a member of its organization, one account per person', async () => {
    const { person } = await buildMember(t.db, { organizationId: tree.cellB.id, person: { full_name: 'Trần Thị Mai' } });
    const other = await buildMember(t.db, { organizationId: tree.otherCell.id });
    const base = { displayName: 'Trần Thị Mai', role: 'member', organizationId: tree.cellB.id };

    const missing = await call(schoolAdmin, 'POST', '/api/users', { ...base, username: 'mai.tt' });
    expect(missing.json().error.fields).toEqual([{ path: 'personId', code: 'required' }]);
    // A member outside the administrator's subtree is not found, even by a valid id.
    const foreign = await call(schoolAdmin, 'POST', '/api/users', { ...base, username: 'mai.tt', personId: other.person.id });
    expect(foreign.json().error.fields).toEqual([{ path: 'personId', code: 'member_not_found' }]);
    const elsewhere = await call(schoolAdmin, 'POST', '/api/users', { ...base, organizationId: tree.cellA.id, username: 'mai.tt', personId: person.id });
    expect(elsewhere.json().error.fields).toEqual([{ path: 'personId', code: 'member_outside_organization' }]);

    const ok = await call(schoolAdmin, 'POST', '/api/users', { ...base, username: 'mai.tt', personId: person.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user.person).toEqual({ id: person.id, fullName: 'Trần Thị Mai' });
    const twice = await call(schoolAdmin, 'POST', '/api/users', { ...base, username: 'mai.tt2', personId: person.id });
    expect(twice.json().error.fields).toEqual([{ path: 'personId', code: 'person_has_account' }]);
  });

  it('disabling an account ends all its sessions at once (security.md item 5)', async () => {
    const u = await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellA.id, username: 'tat.di' });
    const a = await loginAs(t.app, 'tat.di');
    const b = await loginAs(t.app, 'tat.di');
    expect(await sessionsOf(u.id)).toBe(2);
    const res = await call(schoolAdmin, 'PUT', `/api/users/${u.id}`, {
      displayName: u.display_name,
      role: 'cell_secretary',
      organizationId: tree.cellA.id,
      isDisabled: true,
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isDisabled: true, version: 2 });
    expect(await sessionsOf(u.id)).toBe(0);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await login('tat.di', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('moving an account to another organization or changing its role ends its sessions; renaming does not', async () => {
    const u = await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellA.id, username: 'chuyen.di' });
    const edit = (version: number, over: object) =>
      call(communeAdmin, 'PUT', `/api/users/${u.id}`, {
        displayName: 'Người chuyển',
        role: 'cell_secretary',
        organizationId: tree.cellA.id,
        isDisabled: false,
        version,
        ...over,
      });

    const keep = await loginAs(t.app, 'chuyen.di');
    expect((await edit(1, {})).statusCode).toBe(200);
    expect((await me(keep)).statusCode).toBe(200);

    const rescoped = await edit(2, { organizationId: tree.otherCell.id });
    expect(rescoped.statusCode).toBe(200);
    expect(rescoped.json().organization.id).toBe(tree.otherCell.id);
    expect((await me(keep)).statusCode).toBe(401);
    const after = await loginAs(t.app, 'chuyen.di');
    expect((await me(after)).json().organization.id).toBe(tree.otherCell.id);

    expect((await edit(3, { organizationId: tree.otherCell.id, role: 'front_officer' })).statusCode).toBe(200);
    expect((await me(after)).statusCode).toBe(401);
    expect(await sessionsOf(u.id)).toBe(0);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const u = await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellB.id, username: 'hai.nguoi.sua' });
    const body = { displayName: 'Bản thứ nhất', role: 'cell_secretary', organizationId: tree.cellB.id, isDisabled: false, version: 1 };
    expect((await call(schoolAdmin, 'PUT', `/api/users/${u.id}`, body)).statusCode).toBe(200);
    const head = await auditHead();
    const stale = await call(schoolAdmin, 'PUT', `/api/users/${u.id}`, { ...body, displayName: 'Bản thứ hai', isDisabled: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ display_name: 'Bản thứ nhất', is_disabled: 0, version: 2 });
    expect(await auditAfter(head)).toHaveLength(0);
  });

  it('unlocks an account locked by 5 wrong passwords (security.md item 7)', async () => {
    const u = await buildUser(t.db, { role: 'committee_member', organizationId: tree.grassroots.id, username: 'quen.mat.khau' });
    for (let i = 0; i < 5; i++) await login('quen.mat.khau', 'sai-mat-khau-roi');
    expect((await login('quen.mat.khau', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');

    const locked = (await call(schoolAdmin, 'GET', '/api/users?state=locked')).json() as UserList;
    expect(locked.items.map((x) => x.username)).toEqual(['quen.mat.khau']);
    expect(locked.items[0].isLocked).toBe(true);

    const head = await auditHead();
    const res = await call(schoolAdmin, 'POST', `/api/users/${u.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isLocked: false, lockedUntil: null, failedCount: 0 });
    expect((await auditAfter(head)).map((r) => r.action)).toEqual(['user.unlock']);
    expect((await login('quen.mat.khau', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('resets a password: a new one returned once, the old one and every old session dead', async () => {
    const u = await buildUser(t.db, { role: 'inspection_officer', organizationId: tree.grassroots.id, username: 'cap.lai' });
    const old = await loginAs(t.app, 'cap.lai');
    const head = await auditHead();
    const res = await call(schoolAdmin, 'POST', `/api/users/${u.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { oneTimePassword } = res.json() as UserWithPassword;
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect((await me(old)).statusCode).toBe(401);
    expect((await login('cap.lai', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('cap.lai', oneTimePassword!)).statusCode).toBe(200);
    const rows = (await auditAfter(head)).filter((r) => r.action === 'user.reset_password');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(oneTimePassword);
  });

  it('keeps administrators from locking themselves out', async () => {
    const self = await call(schoolAdmin, 'PUT', `/api/users/${schoolAdminId}`, {
      displayName: 'Quản trị trường',
      role: 'admin',
      organizationId: tree.grassroots.id,
      isDisabled: true,
      version: 1,
    });
    expect(self.json().error.fields).toEqual([{ path: 'isDisabled', code: 'own_account' }]);
    expect((await call(schoolAdmin, 'POST', `/api/users/${schoolAdminId}/reset-password`)).statusCode).toBe(400);
    expect((await me(schoolAdmin)).statusCode).toBe(200);
  });

  it('hides accounts outside the administrator’s subtree: 404 by id, absent from the list', async () => {
    const outside = await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.otherCell.id, username: 'thon.bon.dung' });
    const before = await t.db.selectFrom('users').selectAll().where('id', '=', outside.id).executeTakeFirstOrThrow();
    const attempts = [
      call(schoolAdmin, 'GET', `/api/users/${outside.id}`),
      call(schoolAdmin, 'PUT', `/api/users/${outside.id}`, {
        displayName: 'x',
        role: 'cell_secretary',
        organizationId: tree.cellA.id,
        isDisabled: true,
        version: 1,
      }),
      call(schoolAdmin, 'POST', `/api/users/${outside.id}/unlock`),
      call(schoolAdmin, 'POST', `/api/users/${outside.id}/reset-password`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('thon.bon.dung');
    }
    expect(await t.db.selectFrom('users').selectAll().where('id', '=', outside.id).executeTakeFirstOrThrow()).toEqual(before);

    const all = (await call(schoolAdmin, 'GET', '/api/users?pageSize=200')).json() as UserList;
    expect(all.items.map((u) => u.username)).not.toContain('thon.bon.dung');
    expect(all.items.map((u) => u.username)).not.toContain('qt_xa');
    expect(all.items.every((u: User) => [tree.grassroots.id, tree.cellA.id, tree.cellB.id].includes(u.organization.id))).toBe(true);
    const filtered = (await call(schoolAdmin, 'GET', `/api/users?organizationId=${tree.otherCell.id}`)).json() as UserList;
    expect(filtered.items).toEqual([]);
    expect((await call(communeAdmin, 'GET', `/api/users/${outside.id}`)).statusCode).toBe(200);

    // Nor may an account be created in, or moved to, an organization outside the subtree.
    const create = await call(schoolAdmin, 'POST', '/api/users', {
      username: 'lan.ra.ngoai',
      displayName: 'x',
      role: 'cell_secretary',
      organizationId: tree.otherCell.id,
    });
    expect(create.json().error.fields).toEqual([{ path: 'organizationId', code: 'organization_not_found' }]);
  });

  it('searches display names without diacritics or case, đ and d alike, as member search does', async () => {
    const created: Record<string, number> = {};
    for (const [username, displayName] of [
      ['an.nv', 'Nguyễn Văn An'],
      ['ha.nt', 'Nguyễn Thị Hà'],
      ['dung.dd', 'Đàm Đức Dũng'],
      // Typed without marks by whoever created it.
      ['thang.dd', 'Dam Duc Thang'],
    ]) {
      const res = await call(schoolAdmin, 'POST', '/api/users', { username, displayName, role: 'cell_secretary', organizationId: tree.cellB.id });
      expect(res.statusCode, res.body).toBe(201);
      created[username] = (res.json() as UserWithPassword).user.id;
    }
    await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.otherCell.id, username: 'an.ngoai', displayName: 'Nguyễn Văn An' });
    const found = async (q: string, cookie = schoolAdmin) => {
      const res = await call(cookie, 'GET', `/api/users?pageSize=200&q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as UserList).items.map((u) => u.username);
    };

    expect(await found('nguyen van an')).toEqual(['an.nv']);
    expect(await found('NGUYỄN')).toEqual(['an.nv', 'ha.nt']);
    expect(await found('  Nguyen   THI ')).toEqual(['ha.nt']);
    // đ typed finds d stored, d typed finds đ stored.
    expect(await found('đàm đức')).toEqual(['dung.dd', 'thang.dd']);
    expect(await found('dam duc')).toEqual(['dung.dd', 'thang.dd']);
    expect(await found('Đức Thắng')).toEqual(['thang.dd']);
    expect(await found('duc dung')).toEqual(['dung.dd']);
    // Usernames still match, typed in any case; LIKE metacharacters are taken literally.
    expect(await found('AN.NV')).toEqual(['an.nv']);
    expect(await found('%')).toEqual([]);
    // Scope: the commune administrator also sees the account in the other cell; the school administrator does not.
    expect(await found('nguyen van an', communeAdmin)).toEqual(['an.ngoai', 'an.nv']);

    // Renaming keeps the search in step.
    const renamed = await call(schoolAdmin, 'PUT', `/api/users/${created['ha.nt']}`, {
      displayName: 'Trần Thị Hà',
      role: 'cell_secretary',
      organizationId: tree.cellB.id,
      isDisabled: false,
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await found('nguyen thi ha')).toEqual([]);
    expect(await found('tran thi ha')).toEqual(['ha.nt']);
  });

  it('answers 403 to every role but the administrator', async () => {
    const u = await buildUser(t.db, { role: 'organization_officer', organizationId: tree.commune.id, username: 'ban.to.chuc' });
    const officer = await loginAs(t.app, 'ban.to.chuc');
    const routes: [method: 'GET' | 'POST' | 'PUT', url: string][] = [
      ['GET', '/api/users'],
      ['GET', `/api/users/${u.id}`],
      ['POST', '/api/users'],
      ['PUT', `/api/users/${u.id}`],
      ['POST', `/api/users/${u.id}/unlock`],
      ['POST', `/api/users/${u.id}/reset-password`],
    ];
    for (const [method, url] of routes) expect((await call(officer, method, url)).statusCode, `${method} ${url}`).toBe(403);
    expect((await t.app.inject({ url: '/api/users' })).statusCode).toBe(401);
  });
});

describe.each(ENGINES)('migration 0015 (users.search_text) on %s', (engine) => {
  it('fills the search text of accounts that existed before it', async () => {
    const t = await createTestDatabase(engine);
    try {
      const tree = await buildTree(t.db);
      for (const [username, displayName] of [
        ['an.nv', 'Nguyễn Văn An'],
        ['dung.dd', 'ĐÀM ĐỨC DŨNG'],
      ]) {
        await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellA.id, username, displayName });
      }
      // Back to the table as it was before 0015, then the migration again.
      await sql`ALTER TABLE users DROP COLUMN search_text`.execute(t.db);
      await addUserSearchText(t.db);
      const rows = await t.db.selectFrom('users').select(['username', 'display_name', 'search_text']).orderBy('username').execute();
      expect(rows.map((r) => [r.username, r.search_text])).toEqual([
        ['an.nv', 'nguyen van an'],
        ['dung.dd', 'dam duc dung'],
      ]);
      expect(rows.every((r) => r.search_text === userSearchText(r.display_name))).toBe(true);
    } finally {
      await t.drop();
    }
  });
});
