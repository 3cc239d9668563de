import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { verifyAuditChain } from './audit.repo.ts';

// security.md item 23: edit, delete or reorder any row → the verifier names the first broken entry;
// the database itself refuses UPDATE and DELETE on audit rows.

describe.each(ENGINES)('audit chain on %s', (engine) => {
  let t: TestApp;
  let ids: number[];

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const tree = await buildTree(t.db);
    await buildUser(t.db, { role: 'admin', organizationId: tree.province.id, username: 'quantri' });
    for (let i = 0; i < 3; i++) await loginAs(t.app, 'quantri');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: 'sai-mat-khau-1' } });
    ids = (await t.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
  });
  afterAll(() => t.close());

  it('verifies an untouched chain', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: ids.length, firstBrokenId: null, reason: null });
  });

  it('refuses UPDATE and DELETE on audit rows', async () => {
    await expect(t.db.updateTable('audit_log').set({ outcome: 'success' }).where('id', '=', ids[0]).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').where('id', '=', ids[0]).execute()).rejects.toThrow(/append-only/);
  });

  it('lets an admin read the trail and run the verifier over the API', async () => {
    const cookie = await loginAs(t.app, 'quantri');
    const list = await t.app.inject({ url: '/api/audit?action=auth.login', headers: { cookie } });
    expect(list.json().items.length).toBeGreaterThanOrEqual(4);
    const verify = await t.app.inject({ url: '/api/audit/verify', headers: { cookie } });
    expect(verify.json().ok).toBe(true);
  });

  it('names the first broken entry when a row is edited, deleted or reordered behind the database guard', async () => {
    const d = engine === 'postgres';
    const disable = () => sql.raw(d ? 'ALTER TABLE audit_log DISABLE TRIGGER USER' : 'DROP TRIGGER audit_log_no_update').execute(t.db);
    const enable = async () => {
      if (d) await sql.raw('ALTER TABLE audit_log ENABLE TRIGGER USER').execute(t.db);
      else await sql.raw(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`).execute(t.db);
    };
    await disable();
    try {
      // 1. Flip the outcome of the third entry.
      const third = await t.db.selectFrom('audit_log').selectAll().where('id', '=', ids[2]).executeTakeFirstOrThrow();
      await t.db.updateTable('audit_log').set({ outcome: 'failure' }).where('id', '=', ids[2]).execute();
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenId: ids[2], reason: 'hash' });
      await t.db.updateTable('audit_log').set({ outcome: third.outcome }).where('id', '=', ids[2]).execute();
      expect((await verifyAuditChain(t.db)).ok).toBe(true);

      // 2. Swap two entries' contents (a reorder), hashes and all.
      const a = await t.db.selectFrom('audit_log').selectAll().where('id', '=', ids[1]).executeTakeFirstOrThrow();
      const b = await t.db.selectFrom('audit_log').selectAll().where('id', '=', ids[2]).executeTakeFirstOrThrow();
      const { id: _a, ...ra } = a;
      const { id: _b, ...rb } = b;
      await t.db.updateTable('audit_log').set(rb).where('id', '=', ids[1]).execute();
      await t.db.updateTable('audit_log').set(ra).where('id', '=', ids[2]).execute();
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenId: ids[1], reason: 'prev_hash' });
      await t.db.updateTable('audit_log').set(ra).where('id', '=', ids[1]).execute();
      await t.db.updateTable('audit_log').set(rb).where('id', '=', ids[2]).execute();
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    } finally {
      await enable();
    }
    // 3. Delete an entry in the middle (the DELETE trigger is bypassed the same way).
    if (d) await sql.raw('ALTER TABLE audit_log DISABLE TRIGGER USER').execute(t.db);
    else await sql.raw('DROP TRIGGER audit_log_no_delete').execute(t.db);
    await t.db.deleteFrom('audit_log').where('id', '=', ids[1]).execute();
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenId: ids[2], reason: 'prev_hash' });
  });
});
