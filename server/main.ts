import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDb } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startSweepScheduler } from './jobs/sweeps.ts';
import { ensureFirstAdmin } from './modules/users/first-admin.ts';

// `npm start`: migrate, create the first admin on an empty database, serve API and web on one port.
const config = loadConfig();
const db = createDb(config.database);
await migrateToLatest(db);
const created = await ensureFirstAdmin(db, new Date());
if (created) {
  // Printed once, to the operator's terminal only (never to the log file): there are no default passwords.
  const mfa =
    config.mfa === 'required'
      ? '\n  (lần đăng nhập đầu: cài ứng dụng xác thực và bật xác thực hai lớp / first login: set up the authenticator app)'
      : '';
  process.stdout.write(
    `\n  Tài khoản quản trị đầu tiên / first administrator account\n  username: admin\n  password: ${created.password}\n  (đổi mật khẩu sau khi đăng nhập / change it after logging in)${mfa}\n\n`,
  );
}
const app = await buildApp({ db, config });
await app.listen({ port: config.port, host: config.host });
// Deadline sweeps: once now, then every hour, in this process (server/jobs/sweeps.ts lists them).
const scheduler = startSweepScheduler({ db, log: app.log });
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, async () => {
    await scheduler.stop();
    await app.close();
    await db.destroy();
    process.exit(0);
  });
}
