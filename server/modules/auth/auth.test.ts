import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, buildTree, buildUser, loginAs, TEST_PASSWORD, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { checkPasswordStrength } from './password.ts';

describe('password strength (security.md item 8)', () => {
  it('refuses short, common and context passwords, accepts long Vietnamese ones', () => {
    expect(checkPasswordStrength('abc')).toBe('too_short');
    expect(checkPasswordStrength('12345678')).toBe('common');
    expect(checkPasswordStrength('Đảng viên 2026!')).toBe('contains_context');
    expect(checkPasswordStrength('chi-bo-thon-bon-dung', ['Chi bộ Thôn Bon Đưng'])).toBe('contains_context');
    expect(checkPasswordStrength('hoa mai nở sớm trên đồi')).toBeNull();
    expect(checkPasswordStrength('x'.repeat(129))).toBe('too_long');
  });
});

describe.each(ENGINES)('auth on %s', (engine) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    tree = await buildTree(t.db);
    await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellA.id, username: 'bithu' });
    await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellA.id, username: 'khoa' });
    await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellA.id, username: 'tat', isDisabled: true });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

  it('logs in with an HttpOnly SameSite cookie carrying ≥128 random bits, and /me answers', async () => {
    const res = await login('bithu', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies[0];
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(Buffer.from(c.value, 'base64url').length).toBeGreaterThanOrEqual(16);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `${c.name}=${c.value}` } });
    expect(me.json()).toMatchObject({ username: 'bithu', role: 'cell_secretary', organization: { id: tree.cellA.id } });
  });

  it('rotates the session at login: the cookie presented before logging in stops working', async () => {
    const first = await loginAs(t.app, 'bithu');
    const again = await login('bithu', TEST_PASSWORD, { cookie: first });
    expect(again.statusCode).toBe(200);
    expect(`${again.cookies[0].name}=${again.cookies[0].value}`).not.toBe(first);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: first } })).statusCode).toBe(401);
  });

  it('destroys the session at logout: the same cookie is refused afterwards', async () => {
    const cookie = await loginAs(t.app, 'bithu');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('enforces the idle and absolute timeouts on the server', async () => {
    const cookie = await loginAs(t.app, 'bithu');
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 14 * 60_000);
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
      t.clock.now = new Date(start.getTime() + 30 * 60_000); // 16 idle minutes after the last touch
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);

      t.clock.now = start;
      const busy = await loginAs(t.app, 'bithu');
      // Active every 10 minutes, still cut off at 10 hours.
      for (let m = 10; m < 600; m += 10) {
        t.clock.now = new Date(start.getTime() + m * 60_000);
        expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: busy } })).statusCode).toBe(200);
      }
      t.clock.now = new Date(start.getTime() + 600 * 60_000);
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: busy } })).statusCode).toBe(401);
    } finally {
      t.clock.now = start;
    }
  });

  it('locks the account after 5 failures: the right password is refused until the lock ends (security.md item 7)', async () => {
    for (let i = 0; i < 4; i++) expect((await login('khoa', 'sai-mat-khau')).json().error.code).toBe('INVALID_CREDENTIALS');
    const fifth = await login('khoa', 'sai-mat-khau');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await login('khoa', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 16 * 60_000);
      expect((await login('khoa', TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      t.clock.now = start;
    }
  });

  it('refuses a disabled account and an unknown user with the same care', async () => {
    expect((await login('tat', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await login('khong-co', TEST_PASSWORD)).json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a state-changing request from a foreign Origin, accepts its own', async () => {
    const cookie = await loginAs(t.app, 'bithu');
    const foreign = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('FOREIGN_ORIGIN');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const own = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'http://localhost:80', host: 'localhost:80' } });
    expect(own.statusCode).toBe(200);
  });

  it('audits every login, failed or not, without the password', async () => {
    const before = await t.db.selectFrom('audit_log').select(['id']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    await login('bithu', 'mat-khau-sai-123');
    await login('bithu', TEST_PASSWORD);
    const rows = await t.db.selectFrom('audit_log').selectAll().where('id', '>', before?.id ?? 0).where('action', '=', 'auth.login').execute();
    expect(rows.map((r) => r.outcome)).toEqual(['failure', 'success']);
    expect(JSON.stringify(rows)).not.toContain('mat-khau-sai-123');
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
    expect(rows.every((r) => r.request_id && r.at.endsWith('Z'))).toBe(true);
  });

  it('changing the password ends the other sessions and refuses weak passwords', async () => {
    const a = await loginAs(t.app, 'bithu');
    const b = await loginAs(t.app, 'bithu');
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: a }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'password1' } });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: a }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'hoa mai nở sớm trên đồi' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: b } })).statusCode).toBe(401);
    expect((await login('bithu', 'hoa mai nở sớm trên đồi')).statusCode).toBe(200);
  });
});
