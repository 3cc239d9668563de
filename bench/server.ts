import SQLite from 'better-sqlite3';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createDb } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

// The app under test, in a child process of bench/run.ts so the load client does not share its event loop:
// the real buildApp on the benchmark file, plus one bare route as the baseline (no auth, no Zod, no scope).
// Started with `node --import tsx bench/server.ts <sqlite file>`; reports its port over IPC.

const file = process.argv[2];
if (!file || !process.send) throw new Error('usage: forked by bench/run.ts with the SQLite file as argument');

const config = loadConfig({
  SQLITE_FILE: file,
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'silent',
  COOKIE_SECURE: '0',
  LOGIN_FAILURE_DELAY_MS: '0',
  // The load client logs in with a password alone (no TOTP code).
  MFA: 'optional',
  // A whole run lasts longer than the 15-minute idle timeout would allow between phases.
  SESSION_IDLE_MINUTES: '600',
});
const db = createDb(config.database);
await migrateToLatest(db);

// The baseline reads the same database file through its own connection, as raw as it gets.
const raw = new SQLite(file, { readonly: true, fileMustExist: true });
const memberById = raw.prepare('SELECT * FROM members WHERE id = ?');

const app = await buildApp({
  db,
  config,
  extend: (a) => {
    a.get<{ Params: { id: string } }>('/bench/bare/:id', async (req, reply) => {
      const row = memberById.get(Number(req.params.id));
      if (!row) return reply.code(404).send({ code: 'NOT_FOUND' });
      return row;
    });
  },
});
await app.listen({ host: config.host, port: 0 });
const address = app.server.address();
process.send({ port: typeof address === 'object' && address ? address.port : 0 });

process.on('disconnect', async () => {
  await app.close();
  raw.close();
  await db.destroy();
  process.exit(0);
});
