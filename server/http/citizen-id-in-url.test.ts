import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/contracts/auth.contract.ts';
import { grantFor, isPolicyAction } from '../policy/policy.ts';
import { buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../test/factories.ts';
import { ENGINES } from '../test/test-db.ts';

// security.md item 25 on every route at once: each GET whose `q` may meet a citizen id refuses one in its URL and has a
// POST twin `<path>/search` under the same policy entry that takes it in the body. The module route tests check that
// each twin finds by citizen id within the caller's scope.

/** GETs with a `q` that searches no citizen id: their texts hold no personal number. */
const Q_WITHOUT_CITIZEN_ID: Record<string, string> = {
  '/api/users': 'usernames and display names (users.search_text)',
  '/api/training/classes': 'class names and institutions (training_classes.search_text)',
};

const CITIZEN_ID = '068090001234';

describe.each(ENGINES)('citizen ids stay out of URLs on %s', (engine) => {
  let t: TestApp;
  const cookies = new Map<Role, string>();
  let searches: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const tree = await buildTree(t.db);
    for (const role of ROLES) {
      await buildUser(t.db, { role, organizationId: tree.commune.id, username: `cid_${role}` });
      cookies.set(role, await loginAs(t.app, `cid_${role}`));
    }
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { parameters?: { in: string; name: string }[] } }>;
    };
    searches = Object.entries(spec.paths)
      .filter(([, ops]) => ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'q'))
      .map(([path]) => path);
  });
  afterAll(() => t.close());

  const policyOf = (method: string, url: string) => t.app.registeredRoutes.find((r) => r.method === method && r.url === url)?.policy;
  const grantedRole = (policy: string) => ROLES.find((role) => isPolicyAction(policy) && grantFor(policy, role) !== null);

  it('finds the searches of the API (the members list among them)', () => {
    expect(searches).toContain('/api/members');
    expect(searches.length).toBeGreaterThanOrEqual(9);
  });

  it('gives every GET search a POST twin under the same policy entry, or a reason it needs none', () => {
    const missing: string[] = [];
    for (const url of searches) {
      if (Q_WITHOUT_CITIZEN_ID[url]) continue;
      const policy = policyOf('GET', url);
      if (!policy || policyOf('POST', `${url}/search`) !== policy) missing.push(`${url} (${policy}) → POST ${url}/search (${policyOf('POST', `${url}/search`)})`);
    }
    expect(missing).toEqual([]);
  });

  it('refuses a citizen id in each GET, naming the POST twin; the twin takes it in the body', async () => {
    const wrong: string[] = [];
    for (const url of searches.filter((u) => !Q_WITHOUT_CITIZEN_ID[u])) {
      const role = grantedRole(policyOf('GET', url)!);
      if (!role) throw new Error(`no role may call ${url}`);
      const headers = { cookie: cookies.get(role)! };
      for (const q of [CITIZEN_ID, '068 090 001 234', `an ${CITIZEN_ID}`]) {
        const get = await t.app.inject({ method: 'GET', url: `${url}?q=${encodeURIComponent(q)}`, headers });
        const body = get.json() as { error?: { code: string; params?: unknown; fields?: unknown } };
        const expected = {
          code: 'VALIDATION',
          params: { reason: 'citizen_id_in_url', use: `POST ${url}/search` },
          fields: [{ path: 'querystring.q', code: 'citizen_id_in_url' }],
        };
        if (get.statusCode !== 400 || JSON.stringify({ ...body.error, requestId: undefined }) !== JSON.stringify({ ...expected, requestId: undefined })) {
          wrong.push(`${role} GET ${url}?q=${q} → ${get.statusCode} ${get.body}`);
        }
      }
      const post = await t.app.inject({ method: 'POST', url: `${url}/search`, payload: { q: CITIZEN_ID }, headers });
      if (post.statusCode !== 200) wrong.push(`${role} POST ${url}/search → ${post.statusCode} ${post.body}`);
      // A strict body: a field the GET does not take is refused, not ignored.
      const extra = await t.app.inject({ method: 'POST', url: `${url}/search`, payload: { q: 'an', role: 'admin' }, headers });
      if (extra.statusCode !== 400) wrong.push(`${role} POST ${url}/search with an unknown field → ${extra.statusCode}`);
      // A name, a card number (8 digits) or a year still goes by GET.
      for (const q of ['nguyen van an', '10000002', 'an 1990']) {
        const get = await t.app.inject({ method: 'GET', url: `${url}?q=${encodeURIComponent(q)}`, headers });
        if (get.statusCode !== 200) wrong.push(`${role} GET ${url}?q=${q} → ${get.statusCode} ${get.body}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
