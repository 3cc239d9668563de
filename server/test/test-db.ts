import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Config, loadConfig } from '../config.ts';
import { createDb, type Db } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** The engines every integration suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: ('sqlite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  db: Db;
  config: Config;
  engine: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own: an in-memory SQLite file, or a new PostgreSQL database
 * created for this suite and dropped afterwards (never assume the server's databases are ours).
 */
export async function createTestDatabase(engine: 'sqlite' | 'postgres', env: Record<string, string> = {}): Promise<TestDatabase> {
  // MFA=optional: suites log in with a password alone; the TOTP suite passes MFA=required where it tests it.
  const base = { LOG_LEVEL: 'silent', COOKIE_SECURE: '0', LOGIN_FAILURE_DELAY_MS: '0', MFA: 'optional', ...env };
  if (engine === 'sqlite') {
    const config = loadConfig({ ...base, SQLITE_FILE: ':memory:' });
    const db = createDb(config.database);
    await migrateToLatest(db);
    return { db, config, engine, drop: () => db.destroy() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `dv_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config = loadConfig({ ...base, DATABASE_URL: url.toString() });
  const db = createDb(config.database);
  await migrateToLatest(db);
  return {
    db,
    config,
    engine,
    async drop() {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
