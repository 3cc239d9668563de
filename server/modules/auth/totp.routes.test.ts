import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { buildTestApp, buildTree, buildUser, loginAs, TEST_PASSWORD, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { TOTP_STEP_SECONDS, totpCode, totpStepAt } from './totp.ts';

// security.md "Passwords" and item 9: TOTP required for all officials; a code works once, is valid for ±1 step of
// 30 s, a replay → 401; wrong codes count toward the lockout of item 7; item 24: no TOTP seed in logs or audit rows.

type Res = Awaited<ReturnType<App['inject']>>;
const cookieOf = (res: Res) => `${res.cookies[0].name}=${res.cookies[0].value}`;

/** Every secret handed out in this file, to look for afterwards in audit rows, logs and other answers. */
const secrets: string[] = [];

function client(t: TestApp) {
  const post = (url: string, cookie?: string, payload: unknown = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {} });
  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
  const login = (username: string, password = TEST_PASSWORD) => post('/api/auth/login', undefined, { username, password });
  const codeAt = (secret: string, stepOffset = 0) => totpCode(secret, totpStepAt(t.clock.now.getTime()) + stepOffset);
  const later = (seconds: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
  };
  /** Enrols through the API from the session a password login gives; returns the secret and a full session. */
  const enroll = async (username: string) => {
    const first = await login(username);
    const pending = cookieOf(first);
    const started = await post('/api/auth/totp/enroll', pending);
    expect(started.statusCode, started.body).toBe(200);
    const { secret } = started.json() as { secret: string };
    secrets.push(secret);
    const confirmed = await post('/api/auth/totp/confirm', pending, { code: codeAt(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return { secret, cookie: cookieOf(confirmed) };
  };
  /** Password then code; the clock moves one step on first so the code's step is newer than the last one used. */
  const loginWithCode = async (username: string, secret: string) => {
    later(TOTP_STEP_SECONDS);
    const pending = cookieOf(await login(username));
    const res = await post('/api/auth/totp', pending, { code: codeAt(secret) });
    expect(res.statusCode, res.body).toBe(200);
    return cookieOf(res);
  };
  return { post, get, login, codeAt, later, enroll, loginWithCode };
}

describe.each(ENGINES)('TOTP second factor, MFA=required, on %s', (engine) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  const logLines: string[] = [];
  let haiSecret = '';
  let adminSecret = '';

  beforeAll(async () => {
    // LOG_LEVEL=info with the lines captured: request logs are checked for secrets at the end (item 24).
    t = await buildTestApp(engine, { MFA: 'required', LOG_LEVEL: 'info' }, { logStream: { write: (line) => void logLines.push(line) } });
    c = client(t);
    tree = await buildTree(t.db);
    await buildUser(t.db, { role: 'admin', organizationId: tree.province.id, username: 'quantri' });
    for (const u of ['bithu', 'hai', 'ba', 'khoa', 'dongthoi', 'cho']) {
      await buildUser(t.db, { role: 'cell_secretary', organizationId: tree.cellA.id, username: u });
    }
    await buildUser(t.db, { role: 'member', organizationId: tree.cellA.id, username: 'dangvien' });
  });
  afterAll(() => t.close());

  it('forces an official without a factor to enrol: nothing but enrolment answers until a code is confirmed', async () => {
    const res = await c.login('bithu');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mfaEnrollmentRequired: true });
    const pending = cookieOf(res);

    for (const url of ['/api/auth/me', '/api/members', '/api/users', '/api/audit']) {
      const r = await c.get(url, pending);
      expect(r.statusCode, url).toBe(401);
      expect(r.json().error.code, url).toBe('MFA_ENROLLMENT_REQUIRED');
    }
    expect((await c.post('/api/auth/totp', pending, { code: '123456' })).json().error.code).toBe('MFA_ENROLLMENT_REQUIRED');
    expect((await c.post('/api/auth/password', pending, { currentPassword: TEST_PASSWORD, newPassword: 'hoa mai nở sớm trên đồi' })).statusCode).toBe(401);

    const notStarted = await c.post('/api/auth/totp/confirm', pending, { code: '123456' });
    expect(notStarted.statusCode).toBe(409);
    expect(notStarted.json().error.code).toBe('TOTP_ENROLLMENT_NOT_STARTED');

    const started = await c.post('/api/auth/totp/enroll', pending);
    expect(started.statusCode).toBe(200);
    const body = started.json() as { secret: string; otpauthUri: string; qrSvg: string };
    secrets.push(body.secret);
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUri).toBe(`otpauth://totp/dangvien:bithu?secret=${body.secret}&issuer=dangvien&algorithm=SHA1&digits=6&period=30`);
    expect(body.qrSvg.startsWith('<svg')).toBe(true);
    expect(body.qrSvg).not.toMatch(/<script|on\w+=/i);
    expect(started.headers['cache-control']).toBe('no-store');

    const wrong = await c.post('/api/auth/totp/confirm', pending, { code: c.codeAt(body.secret, 3) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_TOTP_CODE');

    const ok = await c.post('/api/auth/totp/confirm', pending, { code: c.codeAt(body.secret) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: 'bithu', role: 'cell_secretary' });
    const full = cookieOf(ok);
    expect(full).not.toBe(pending);
    // Rotated: the pending session is gone, the new one reaches everything the role may.
    expect((await c.get('/api/auth/me', pending)).statusCode).toBe(401);
    expect((await c.get('/api/members', full)).statusCode).toBe(200);
    // Enrolled once: a second enrolment is refused (an administrator resets a lost factor).
    expect((await c.post('/api/auth/totp/enroll', full)).json().error.code).toBe('TOTP_ALREADY_ENROLLED');
  });

  it('does not force a member to enrol', async () => {
    const res = await c.login('dangvien');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'dangvien', role: 'member' });
    expect((await c.get('/api/auth/me', cookieOf(res))).statusCode).toBe(200);
  });

  it('logs an enrolled official in in two steps, rotating the session at the code', async () => {
    const { secret } = await c.enroll('hai');
    c.later(TOTP_STEP_SECONDS);
    const res = await c.login('hai');
    expect(res.json()).toEqual({ mfaRequired: true });
    const pending = cookieOf(res);
    const me = await c.get('/api/auth/me', pending);
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('MFA_REQUIRED');
    expect((await c.post('/api/auth/totp/enroll', pending)).json().error.code).toBe('MFA_REQUIRED');

    const done = await c.post('/api/auth/totp', pending, { code: c.codeAt(secret) });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ username: 'hai' });
    const full = cookieOf(done);
    expect(full).not.toBe(pending);
    expect((await c.get('/api/auth/me', pending)).statusCode).toBe(401);
    expect((await c.get('/api/auth/me', full)).statusCode).toBe(200);
    // A full session has nothing left to prove.
    expect((await c.post('/api/auth/totp', full, { code: c.codeAt(secret) })).statusCode).toBe(409);

    haiSecret = secret;
    const audit = await t.db.selectFrom('audit_log').select(['action', 'outcome']).where('object_id', '=', String(await userId('hai'))).orderBy('id').execute();
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      'auth.login_enrollment:success',
      'auth.totp_enroll:success',
      'auth.totp_confirm:success',
      'auth.login_password:success',
      'auth.login_totp:success',
    ]);
  });

  async function userId(username: string) {
    return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  }

  it('accepts a code once: the same code again → 401, and so does an older one still inside the window', async () => {
    const { secret } = await c.enroll('ba');
    c.later(TOTP_STEP_SECONDS);
    const code = c.codeAt(secret);
    expect((await c.post('/api/auth/totp', cookieOf(await c.login('ba')), { code })).statusCode).toBe(200);

    const replay = await c.post('/api/auth/totp', cookieOf(await c.login('ba')), { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_TOTP_CODE');
    const older = await c.post('/api/auth/totp', cookieOf(await c.login('ba')), { code: c.codeAt(secret, -1) });
    expect(older.statusCode).toBe(401);
    // The next step is new: accepted.
    expect((await c.post('/api/auth/totp', cookieOf(await c.login('ba')), { code: c.codeAt(secret, 1) })).statusCode).toBe(200);
  });

  it('accepts the previous, current and next step (±30 s) and refuses ±2 steps', async () => {
    const { secret } = await c.enroll('cho');
    c.later(10 * 60);
    for (const offset of [-2, 2]) {
      const r = await c.post('/api/auth/totp', cookieOf(await c.login('cho')), { code: c.codeAt(secret, offset) });
      expect(r.statusCode, `step ${offset}`).toBe(401);
    }
    for (const offset of [-1, 0, 1]) {
      c.later(3 * TOTP_STEP_SECONDS);
      const r = await c.post('/api/auth/totp', cookieOf(await c.login('cho')), { code: c.codeAt(secret, offset) });
      expect(r.statusCode, `step ${offset}`).toBe(200);
    }
    // Spaces typed between the digits are fine (two steps on: the last code accepted was of the next step).
    c.later(2 * TOTP_STEP_SECONDS);
    const spaced = c.codeAt(secret).replace(/^(\d{3})/, '$1 ');
    expect((await c.post('/api/auth/totp', cookieOf(await c.login('cho')), { code: spaced })).statusCode).toBe(200);
  });

  it('lets exactly one of two simultaneous logins with the same code through', async () => {
    const { secret } = await c.enroll('dongthoi');
    c.later(TOTP_STEP_SECONDS);
    const a = cookieOf(await c.login('dongthoi'));
    const b = cookieOf(await c.login('dongthoi'));
    const code = c.codeAt(secret);
    const answers = await Promise.all([c.post('/api/auth/totp', a, { code }), c.post('/api/auth/totp', b, { code })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('counts wrong codes toward the lockout with wrong passwords; a right password does not buy fresh guesses', async () => {
    const { secret } = await c.enroll('khoa');
    c.later(TOTP_STEP_SECONDS);
    expect((await c.login('khoa', 'sai-mat-khau')).json().error.code).toBe('INVALID_CREDENTIALS');
    let pending = cookieOf(await c.login('khoa'));
    expect((await c.post('/api/auth/totp', pending, { code: c.codeAt(secret, 5) })).json().error.code).toBe('INVALID_TOTP_CODE');
    expect((await c.post('/api/auth/totp', pending, { code: c.codeAt(secret, 6) })).json().error.code).toBe('INVALID_TOTP_CODE');
    pending = cookieOf(await c.login('khoa'));
    expect((await c.post('/api/auth/totp', pending, { code: c.codeAt(secret, 7) })).json().error.code).toBe('INVALID_TOTP_CODE');
    const fifth = await c.post('/api/auth/totp', pending, { code: c.codeAt(secret, 8) });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    // Locked: the pending session is gone, and the right password and code are refused until the lock ends.
    expect((await c.post('/api/auth/totp', pending, { code: c.codeAt(secret) })).statusCode).toBe(401);
    expect((await c.login('khoa')).json().error.code).toBe('ACCOUNT_LOCKED');
    c.later(16 * 60);
    await c.loginWithCode('khoa', secret);
    const failures = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', String(await userId('khoa'))).where('outcome', '=', 'failure').execute();
    // The wrong password, four wrong codes, the right password while locked.
    expect(failures.map((f) => f.action).sort()).toEqual(['auth.login', 'auth.login', 'auth.login_totp', 'auth.login_totp', 'auth.login_totp', 'auth.login_totp']);
  });

  it('ends a pending login after 5 minutes', async () => {
    const pending = cookieOf(await c.login('hai'));
    c.later(6 * 60);
    const r = await c.post('/api/auth/totp', pending, { code: '000000' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lets an administrator reset a lost factor: sessions end, the next login enrols again, audited', async () => {
    const admin = await c.enroll('quantri');
    adminSecret = admin.secret;
    const hai = await userId('hai');
    const haiSession = await c.loginWithCode('hai', haiSecret);
    expect((await c.get(`/api/users/${hai}`, admin.cookie)).json()).toMatchObject({ totpEnrolled: true });

    const denied = await c.post(`/api/users/${hai}/totp-reset`, haiSession);
    expect(denied.statusCode).toBe(403);
    expect((await c.post(`/api/users/${await userId('quantri')}/totp-reset`, admin.cookie)).statusCode).toBe(400);

    const res = await c.post(`/api/users/${hai}/totp-reset`, admin.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'hai', totpEnrolled: false });
    expect((await c.get('/api/auth/me', haiSession)).statusCode).toBe(401);
    expect((await c.login('hai')).json()).toEqual({ mfaEnrollmentRequired: true });
    const row = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.reset_totp').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ object_id: String(hai), username: 'quantri', role: 'admin', outcome: 'success', changed_fields: '["totp"]' });
  });

  it('never puts a TOTP secret in an audit row, a log line or any answer but the one that starts enrolment', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    const audit = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    const logs = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    const admin = await c.loginWithCode('quantri', adminSecret);
    const users = (await c.get('/api/users', admin)).body;
    expect(users).toContain('"totpEnrolled":true');
    for (const s of secrets) {
      expect(audit).not.toContain(s);
      expect(logs).not.toContain(s);
      expect(users).not.toContain(s);
    }
  });
});

describe.each(ENGINES)('TOTP second factor, MFA=optional, on %s', (engine) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await buildTestApp(engine, { MFA: 'optional' });
    c = client(t);
    const tree = await buildTree(t.db);
    await buildUser(t.db, { role: 'organization_officer', organizationId: tree.province.id, username: 'tochuc' });
  });
  afterAll(() => t.close());

  it('lets an official without a factor in with the password, and asks for the code once one is enrolled', async () => {
    const cookie = await loginAs(t.app, 'tochuc');
    expect((await c.get('/api/members', cookie)).statusCode).toBe(200);

    // Opting in from a full session: the same enrol-then-confirm, the other sessions end.
    const started = await c.post('/api/auth/totp/enroll', cookie);
    expect(started.statusCode).toBe(200);
    const { secret } = started.json() as { secret: string };
    const confirmed = await c.post('/api/auth/totp/confirm', cookie, { code: c.codeAt(secret) });
    expect(confirmed.statusCode).toBe(200);
    expect((await c.get('/api/auth/me', cookie)).statusCode).toBe(401);
    expect((await c.get('/api/auth/me', cookieOf(confirmed))).statusCode).toBe(200);

    expect((await c.login('tochuc')).json()).toEqual({ mfaRequired: true });
    await c.loginWithCode('tochuc', secret);
  });
});
