import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from './modules/users/first-admin.ts';
import { buildTestApp, type TestApp } from './test/factories.ts';
import { ENGINES } from './test/test-db.ts';

describe.each(ENGINES)('the app on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(() => t.close());

  it('reports its health and which database it runs on', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.json()).toEqual({ status: 'ok', database: engine });
  });

  it('sends the security headers of security.md: CSP without inline script, no framing, nosniff, no-store on the API', async () => {
    const res = await t.app.inject('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('describes its routes in OpenAPI', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
  });

  it('answers unknown API paths with a coded 404 and hides internals on bad JSON', async () => {
    const missing = await t.app.inject('/api/khong-co');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.ts|stack/i);
  });

  it('creates one admin with a random one-time password on an empty database, and only once', async () => {
    const first = await ensureFirstAdmin(t.db, new Date('2026-11-27T01:00:00Z'));
    expect(first?.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await ensureFirstAdmin(t.db, new Date())).toBeNull();
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: first!.password } });
    expect(login.json()).toMatchObject({ username: 'admin', role: 'admin' });
  });
});
