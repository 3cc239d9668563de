import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/contracts/auth.contract.ts';
import { buildApp } from '../app.ts';
import { buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../test/factories.ts';
import { ENGINES } from '../test/test-db.ts';
import { grantFor, isPolicyAction, POLICY } from './policy.ts';

// security.md item 1: every route × every role, generated from the policy table; deny by default.

describe('policy table', () => {
  it('refuses to build an app with an /api route that has no policy entry', async () => {
    const t = await buildTestApp('sqlite');
    try {
      await expect(
        buildApp({
          db: t.db,
          config: t.config,
          extend: (app) => app.get('/api/unguarded', async () => ({ secret: true })),
        }),
      ).rejects.toThrow(/no policy entry/);
    } finally {
      await t.close();
    }
  });

  it('never grants the front officer any member record', () => {
    for (const action of Object.keys(POLICY)) {
      if (action.startsWith('member.')) expect(grantFor(action as keyof typeof POLICY, 'front_officer')).toBeNull();
    }
  });
});

describe.each(ENGINES)('every route against every role on %s', (engine) => {
  let t: TestApp;
  const cookies = new Map<Role, string>();

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const tree = await buildTree(t.db);
    for (const role of ROLES) {
      await buildUser(t.db, { role, organizationId: tree.grassroots.id, username: `u_${role}` });
      cookies.set(role, await loginAs(t.app, `u_${role}`));
    }
  });
  afterAll(() => t.close());

  const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '999999');

  it('lists every /api route with a known policy', () => {
    expect(t.app.registeredRoutes.length).toBeGreaterThan(5);
    for (const r of t.app.registeredRoutes) {
      expect(r.policy === 'public' || r.policy === 'authenticated' || isPolicyAction(r.policy), `${r.method} ${r.url}`).toBe(true);
    }
  });

  it('answers 401 without a session on every non-public route', async () => {
    for (const r of t.app.registeredRoutes.filter((x) => x.policy !== 'public')) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 exactly where the table grants nothing, for each of the roles', async () => {
    const mismatches: string[] = [];
    for (const r of t.app.registeredRoutes) {
      if (r.policy === 'public' || r.policy === 'authenticated') continue;
      if (r.url === '/api/auth/logout') continue;
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          headers: { cookie: cookies.get(role)! },
          payload: r.method === 'GET' ? undefined : {},
        });
        const granted = grantFor(r.policy, role) !== null;
        if (granted === (res.statusCode === 403)) mismatches.push(`${role} ${r.method} ${r.url} → ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('writes an audit row for each refused access', async () => {
    const before = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await t.app.inject({ url: '/api/audit', headers: { cookie: cookies.get('front_officer')! } });
    const rows = await t.db.selectFrom('audit_log').selectAll().where('id', '>', before.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'denied', username: 'u_front_officer', role: 'front_officer', action: 'audit.read' });
  });
});
