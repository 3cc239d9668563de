import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { createDb, type Db } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemoActivity } from './demo/activity-seed.ts';
import { seedDemoAdmissionsAndGrading } from './demo/admission-grading-seed.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-accounts.ts';
import { hasData, seedDemo } from './demo/demo-seed.ts';
import { sweepCommand } from './jobs/sweep-command.ts';
import { startSweepScheduler } from './jobs/sweeps.ts';
import { verifyAuditChain } from './modules/audit/audit.repo.ts';

// `tsx server/cli.ts <command>` (npm run cli -- <command>): operator commands beside `npm start` (server/main.ts).

const USAGE = `Usage: tsx server/cli.ts <command>
  migrate                 apply pending database migrations
  demo [--serve] [--reset]
                          create the demo database (data/demo.sqlite, or DATABASE_URL) with a fictional
                          province, members and one account per role; keep it if it already has data;
                          --reset recreates it (SQLite only); --serve then starts the app on it
  audit:verify            check the audit log's hash chain; exit code 1 names the first broken entry
  backup <file>           SQLite: online backup to <file> (never a file copy); PostgreSQL: use pg_dump
  sweep [name …]          run the deadline sweeps once (all, or the named ones)
`;

class CliError extends Error {}

/** Where the data lives, for messages: never print a PostgreSQL password. */
function describeDatabase(database: Config['database']): string {
  if (database.kind === 'sqlite') return `SQLite ${resolve(database.file)}`;
  const url = new URL(database.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}

async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(config.database);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** An existing SQLite file, refusing to create an empty one by accident (createDb would). */
function requireExistingSqlite(config: Config): void {
  if (config.database.kind === 'sqlite' && config.database.file !== ':memory:' && !existsSync(config.database.file)) {
    throw new CliError(`no database at ${resolve(config.database.file)}`);
  }
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  await withDb(config, migrateToLatest);
  console.log(`Migrated: ${describeDatabase(config.database)}`);
}

/** A database the demo seeded: its audit chain starts with the seeding (demo-seed.ts). */
async function isDemoDatabase(db: Db): Promise<boolean> {
  const first = await db.selectFrom('audit_log').select('action').orderBy('id').limit(1).executeTakeFirst();
  return first?.action === 'demo.seed';
}

async function demo(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { serve: { type: 'boolean', default: false }, reset: { type: 'boolean', default: false } } });
  // The demo's accounts log in with the shared demo password alone unless MFA is set (production keeps 'required').
  const config = loadConfig({ MFA: 'optional', ...process.env, DEMO: '1' });
  const where = describeDatabase(config.database);

  if (values.reset) {
    if (config.database.kind === 'postgres') {
      throw new CliError('--reset works on SQLite only: drop and recreate the PostgreSQL database (dropdb, createdb), then run `demo` again');
    }
    const file = config.database.file;
    if (file !== ':memory:' && existsSync(file)) {
      // Never delete a database the demo did not create (SQLITE_FILE may point at real data).
      const isDemo = await withDb(config, async (db) => {
        await migrateToLatest(db);
        return !(await hasData(db)) || (await isDemoDatabase(db));
      });
      if (!isDemo) throw new CliError(`${where} holds data that the demo did not create; not deleting it`);
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
      console.log(`Removed the demo database ${where}`);
    }
  }

  const db = createDb(config.database);
  await migrateToLatest(db);
  if (await hasData(db)) {
    const isDemo = await isDemoDatabase(db);
    console.log(
      isDemo
        ? `Keeping the existing demo database (${where}); \`--reset\` recreates it.`
        : `Warning: ${where} holds data that the demo did not create; serving it as it is (no demo accounts added).`,
    );
  } else {
    const started = Date.now();
    const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    const report = await seedDemo(db, { now: new Date() });
    console.log(
      `Created the demo database (${where}): ${report.organizations} organizations, ${report.members} members, ` +
        `${report.memberEvents} member events, ${report.users} accounts (${seconds()}).`,
    );
    // The other modules' demo data, each on top of the previous one; a failure leaves a partial demo: `--reset`.
    try {
      const activity = await seedDemoActivity(db, { now: new Date() });
      console.log(`  party life: ${activity.meetings} meetings, ${activity.duesPayments} dues payments, transfers and exemptions (${seconds()}).`);
      const admissions = await seedDemoAdmissionsAndGrading(db, { now: new Date() });
      console.log(`  admissions, grading and screening: ${admissions.summary} (${seconds()}).`);
    } catch (err) {
      await db.destroy();
      throw new CliError(`seeding the demo's activity failed (${err instanceof Error ? err.message : String(err)}); run \`demo --reset\` after fixing it`);
    }
  }

  if (!values.serve) {
    await db.destroy();
    return;
  }
  const app = await buildApp({ db, config });
  await app.listen({ port: config.port, host: config.host });
  // As server/main.ts: deadline sweeps now and every hour.
  const scheduler = startSweepScheduler({ db, log: app.log });
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
  process.stdout.write(
    `\n  dangvien — bản thử nghiệm / demo: http://${host}:${config.port}/\n` +
      `  Mật khẩu của mọi tài khoản / password of every account: ${DEMO_PASSWORD}\n` +
      DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(width)}  ${a.role.padEnd(20)}  ${a.description}`).join('\n') +
      '\n  (dữ liệu hư cấu, chỉ dùng để thử / fictional data, for trying the app only)\n\n',
  );
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, async () => {
      await scheduler.stop();
      await app.close();
      await db.destroy();
      process.exit(0);
    });
  }
}

async function auditVerify(): Promise<number> {
  const config = loadConfig();
  requireExistingSqlite(config);
  const report = await withDb(config, (db) => verifyAuditChain(db));
  if (report.ok) {
    console.log(`OK: ${report.checked} audit entries verified (${describeDatabase(config.database)})`);
    return 0;
  }
  const why =
    report.reason === 'prev_hash'
      ? "its prev_hash is not the previous entry's hash (an entry was removed, inserted or reordered)"
      : 'its content does not match its hash (the entry was altered)';
  console.error(`BROKEN: audit entry id ${report.firstBrokenId}: ${why}; ${report.checked} entries before it verified.`);
  return 1;
}

async function backup(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new CliError('backup needs exactly one target file: backup <file>');
  const config = loadConfig();
  if (config.database.kind === 'postgres') {
    console.error(
      'PostgreSQL: back up with pg_dump, the engine\'s own online backup tool, e.g.\n' +
        `  pg_dump --format=custom --file=${target} "$DATABASE_URL"\n` +
        'and restore with pg_restore into an empty database.',
    );
    return 1;
  }
  requireExistingSqlite(config);
  if (config.database.file === ':memory:') throw new CliError('an in-memory database cannot be backed up');
  if (existsSync(target)) throw new CliError(`${resolve(target)} already exists; choose a new file`);
  mkdirSync(dirname(resolve(target)), { recursive: true });

  // SQLite's online backup API copies a consistent snapshot while the app keeps writing (architecture "Operations").
  const source = new SQLite(config.database.file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(target);
  } finally {
    source.close();
  }
  const copy = new SQLite(target, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    const entries = (copy.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    if (integrity !== 'ok') throw new CliError(`the backup at ${resolve(target)} fails its integrity check: ${String(integrity)}`);
    console.log(`Backed up ${describeDatabase(config.database)} to ${resolve(target)} (${statSync(target).size} bytes, integrity ok, ${entries} audit entries)`);
  } finally {
    copy.close();
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'migrate':
      await migrate();
      return 0;
    case 'demo':
      await demo(args);
      return 0;
    case 'audit:verify':
      return auditVerify();
    case 'backup':
      return backup(args);
    case 'sweep':
      return sweepCommand(args);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`Unknown command: ${command}\n${USAGE}`);
      return 2;
  }
}

try {
  const code = await main(process.argv.slice(2));
  // `demo --serve` keeps running; every other command ends here.
  if (code !== 0) process.exit(code);
} catch (err) {
  console.error(err instanceof CliError ? `Error: ${err.message}` : err);
  process.exit(1);
}
