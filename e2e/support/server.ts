import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createDb, type Db } from '../../server/db/create-db.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { seedDemoActivity } from '../../server/demo/activity-seed.ts';
import { seedDemoAdmissionsAndGrading } from '../../server/demo/admission-grading-seed.ts';
import { seedDemo } from '../../server/demo/demo-seed.ts';

export interface E2eServer {
  url: string;
  app: App;
  db: Db;
  close(): Promise<void>;
}

/**
 * The real app on a fresh SQLite file seeded with the deterministic demo, served with the built web app.
 * MFA=optional as in `npm run demo` (password-only logins); `env` overrides (the TOTP journey sets MFA=required).
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dv-e2e-'));
  const config = loadConfig({
    SQLITE_FILE: join(dir, 'e2e.sqlite'),
    COOKIE_SECURE: '0',
    LOG_LEVEL: 'silent',
    WEB_DIST: 'dist/web',
    LOGIN_FAILURE_DELAY_MS: '0',
    MFA: 'optional',
    ...env,
  });
  const db = createDb(config.database);
  await migrateToLatest(db);
  await seedDemo(db, { now: new Date() });
  await seedDemoActivity(db, { now: new Date() });
  await seedDemoAdmissionsAndGrading(db, { now: new Date() });
  const app = await buildApp({ db, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    async close() {
      await app.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
