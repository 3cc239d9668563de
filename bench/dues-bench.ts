import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import { monthlyDues, type DuesProfile } from '../common/rules/dues.ts';
import { DUES_RULE_SETS, REGIONAL_MINIMUM_WAGES, type DuesGroup, type WageRegion } from '../common/rules/dues-rule-sets.ts';
import { buildSearchText } from '../common/rules/normalize-vi.ts';
import { vietnameseSortKey } from '../common/rules/vi-name-sort.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createDb, type Db } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Database } from '../server/db/schema.ts';
import { Rng } from '../server/demo/prng.ts';
import type { Actor } from '../server/http/actor.ts';
import { hashPassword } from '../server/modules/auth/password.ts';
import { insertBatch, insertPayments, PAYMENT_ROWS_PER_STATEMENT } from '../server/modules/dues/dues.repo.ts';
import { getCollectionSheet, getMonthlySeries } from '../server/modules/dues/dues.service.ts';

// `npx tsx bench/dues-bench.ts [--n=1000000] [--chunk=20000] [--samples=200] [--keep]`
//
// Party dues at scale (issue 4, "Tests and measurements"): 12 months of dues payments for N members stored on on-disk
// SQLite files under bench/out (git-ignored), written twice in the same run, chunk by chunk and alternately, so both
// paths see the same rows and the same file sizes:
//   A. the app's bulk path: one dues_payment_batches row + repo.insertPayments (Kysely multi-row INSERTs) per chunk,
//      one transaction per chunk, on a connection made by createDb (WAL, synchronous=FULL, foreign_keys=ON);
//   B. a raw better-sqlite3 prepared statement, one row per run(), same transactions, same pragmas, same schema.
// Then the latency of one cell's collection sheet (the service call, and GET …/collection through the whole app),
// and of a commune's collected-vs-expected chart, on file A. No ANALYZE is run (an installed app has none either).

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    chunk: { type: 'string', default: '20000' },
    samples: { type: 'string', default: '200' },
    /** Keep the two database files (≈ 2.4 GB each at 1,000,000 members) instead of removing them at the end. */
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.n.replace(/_/g, ''));
const CHUNK = Number(values.chunk);
const SAMPLES = Math.min(2000, Number(values.samples));
if (!Number.isInteger(N) || N < 1000 || N > 2_000_000) throw new Error(`--n=${values.n}: 1,000 … 2,000,000 members`);
if (!Number.isInteger(CHUNK) || CHUNK < 100 || CHUNK > 200_000) throw new Error(`--chunk=${values.chunk}: 100 … 200,000 rows`);

const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const MEMBERS_PER_CELL = 30;
const CELLS_PER_COMMUNE = 270; // ≈ 8,000 members a commune, as bench/generate.ts
const CREATED_AT = '2026-11-27T00:00:00.000Z';
const OUT = resolve('bench/out');
const FILE_A = join(OUT, `dues-${N}-app.sqlite`);
const FILE_B = join(OUT, `dues-${N}-raw.sqlite`);
const log = (s: string) => process.stdout.write(`${s}\n`);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', "K'", 'Ka'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Thanh', 'Ngọc', 'Quang', 'Thu', 'Hữu', 'Xuân', 'Kim', 'Công'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Yến'];

function removeFile(f: string) {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(f + s, { force: true });
}

interface MemberFacts {
  id: number;
  cellId: number;
  amountBefore: number;
  amountAfter: number;
}

/** The schema by the app's own migrations, then the tree, members and dues profiles through raw statements (not measured). */
async function setUp(): Promise<{ members: MemberFacts[]; cells: number[]; communes: { id: number; path: string }[]; seconds: number }> {
  const started = Date.now();
  mkdirSync(OUT, { recursive: true });
  removeFile(FILE_A);
  removeFile(FILE_B);
  const db = createDb(loadConfig({ SQLITE_FILE: FILE_A, LOG_LEVEL: 'silent' }).database);
  await migrateToLatest(db);
  await db.destroy();

  const sqlite = new SQLite(FILE_A);
  // Bulk load without a journal (createDb left the file in WAL mode, which must be left through DELETE first).
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -262144');
  const rng = new Rng(`dues-bench-${N}`);
  const members: MemberFacts[] = [];
  const cells: number[] = [];
  const communes: { id: number; path: string }[] = [];
  const authority = JSON.stringify({ admission: false, recognition: false, removal: false });
  const org = sqlite.prepare(
    `INSERT INTO organizations (id, code, kind, name, parent_id, path, valid_from, valid_to, authority, version, created_at) VALUES (?, ?, ?, ?, ?, ?, '2015-01-01', NULL, ?, 1, ?)`,
  );
  const person = sqlite.prepare(
    `INSERT INTO persons (id, full_name, gender, birth_date, ethnicity_code, religion_code, search_text, sort_key, version, created_at, updated_at) VALUES (?, ?, ?, ?, '01', 'none', ?, ?, 1, ?, ?)`,
  );
  const member = sqlite.prepare(
    `INSERT INTO members (id, person_id, status, organization_id, org_path, admission_decision_date, posts, search_text, sort_key, version, created_at, updated_at) VALUES (?, ?, 'official', ?, ?, ?, '[]', ?, ?, 1, ?, ?)`,
  );
  const profile = sqlite.prepare(
    `INSERT INTO dues_profiles (member_id, dues_group, base_amount_vnd, region, on_sick_or_maternity_leave, band_amount_vnd, past_working_age, valid_from, valid_to, note, version, created_by, created_at) VALUES (?, ?, ?, ?, 0, ?, 0, '2025-12-01', NULL, NULL, 1, 1, ?)`,
  );
  const passwordHash = await hashPassword('bench-mat-khau-dai-2026');
  sqlite.transaction(() => {
    org.run(1, 'B', 'provincial_committee', 'Đảng bộ tỉnh Lâm Đồng', null, '/1/', authority, CREATED_AT);
    sqlite
      .prepare(
        `INSERT INTO users (id, username, display_name, password_hash, role, organization_id, person_id, is_disabled, failed_count, version, created_at, updated_at) VALUES (1, 'bench_dues', 'Bench', ?, 'organization_officer', 1, NULL, 0, 0, 1, ?, ?)`,
      )
      .run(passwordHash, CREATED_AT, CREATED_AT);
  })();
  const cellCount = Math.ceil(N / MEMBERS_PER_CELL);
  let orgId = 1;
  let commune = { id: 0, path: '' };
  const write = sqlite.transaction((from: number, to: number) => {
    for (let c = from; c < to; c++) {
      if (c % CELLS_PER_COMMUNE === 0) {
        const id = ++orgId;
        commune = { id, path: `/1/${id}/` };
        communes.push(commune);
        org.run(id, `B.${communes.length}`, 'commune_committee', `Đảng bộ xã Bình Minh ${communes.length}`, 1, commune.path, authority, CREATED_AT);
      }
      const cellId = ++orgId;
      const path = `${commune.path}${cellId}/`;
      org.run(cellId, `B.${communes.length}.${c}`, 'grassroots_cell', `Chi bộ Thôn ${c + 1}`, commune.id, path, authority, CREATED_AT);
      cells.push(cellId);
      for (let k = 0; k < MEMBERS_PER_CELL && members.length < N; k++) {
        const id = members.length + 1;
        const name = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
        person.run(id, name, rng.chance(0.6) ? 'male' : 'female', '1980-05-01', buildSearchText([name]), vietnameseSortKey(name), CREATED_AT, CREATED_AT);
        member.run(id, id, cellId, path, `20${String(rng.int(0, 24)).padStart(2, '0')}-03-02`, buildSearchText([name]), vietnameseSortKey(name), CREATED_AT, CREATED_AT);
        // The mix of a rural commune: salaried, pensioners, members without insurance, a few students.
        const r = rng.next();
        const group: DuesGroup = r < 0.35 ? 'insured_salary' : r < 0.6 ? 'pension' : r < 0.85 ? 'no_insurance_below_retirement' : r < 0.97 ? 'no_insurance_at_retirement' : 'student';
        const base = group === 'insured_salary' ? rng.int(50, 250) * 100_000 : group === 'pension' ? rng.int(30, 120) * 100_000 : null;
        const region: WageRegion | null = group.startsWith('no_insurance') ? rng.pick(['III', 'IV'] as const) : null;
        const band = group.startsWith('no_insurance') || group === 'student' ? rng.int(2, 10) * 1_000 : null;
        profile.run(id, group, base, region, band, CREATED_AT);
        const p: DuesProfile = { validFrom: '2025-12-01', validTo: null, group, baseAmountVnd: base ?? undefined, region: region ?? undefined, bandAmountVnd: band ?? undefined };
        members.push({
          id,
          cellId,
          amountBefore: monthlyDues(p, '2026-01', DUES_RULE_SETS, REGIONAL_MINIMUM_WAGES).amount,
          amountAfter: monthlyDues(p, '2026-02', DUES_RULE_SETS, REGIONAL_MINIMUM_WAGES).amount,
        });
      }
    }
  });
  for (let c = 0; c < cellCount; c += 2000) write(c, Math.min(cellCount, c + 2000));
  sqlite.pragma('journal_mode = WAL');
  // An identical second file for the raw path (VACUUM INTO: a consistent copy made by SQLite itself).
  sqlite.exec(`VACUUM INTO '${FILE_B.replace(/'/g, "''")}'`);
  sqlite.close();
  const b = new SQLite(FILE_B);
  b.pragma('journal_mode = WAL');
  b.close();
  return { members, cells, communes, seconds: (Date.now() - started) / 1000 };
}

type PaymentRow = Insertable<Database['dues_payments']>;

/** Twelve months of payments, a chunk at a time: most members pay on the 10th, some late, a few not at all. */
function* paymentChunks(members: readonly MemberFacts[]): Generator<PaymentRow[]> {
  const rng = new Rng(`dues-bench-payments-${N}`);
  let rows: PaymentRow[] = [];
  for (const month of MONTHS) {
    for (const m of members) {
      const r = rng.next();
      if (r < 0.03) continue; // unpaid
      const late = r > 0.95;
      const amount = month < '2026-02' ? m.amountBefore : m.amountAfter;
      rows.push({
        batch_id: 0,
        member_id: m.id,
        organization_id: m.cellId,
        for_month: month,
        amount_vnd: amount,
        paid_on: late ? `${month}-28` : `${month}-10`,
        method: r < 0.2 ? 'online' : 'cash_to_cell',
        reference: r < 0.2 ? `FT${m.id}${month.replace('-', '')}` : null,
        expected_vnd: amount,
        reverses_payment_id: null,
        note: null,
        recorded_by: 1,
      });
      if (rows.length === CHUNK) {
        yield rows;
        rows = [];
      }
    }
  }
  if (rows.length) yield rows;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeIt(samples: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, samples); i++) await run(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    await run(i);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: ms[ms.length - 1], samples };
}

async function main() {
  log(`dues bench: N = ${N.toLocaleString('en')} members, ${MONTHS.length} months, chunks of ${CHUNK.toLocaleString('en')} rows`);
  const setup = await setUp();
  log(`  set-up (schema, ${setup.cells.length.toLocaleString('en')} cells, members, profiles; not measured): ${setup.seconds.toFixed(1)} s`);

  const dbA: Db = createDb(loadConfig({ SQLITE_FILE: FILE_A, LOG_LEVEL: 'silent' }).database);
  const rawB = new SQLite(FILE_B);
  // The pragmas createDb sets, so the raw path pays the same durability and integrity costs.
  rawB.pragma('journal_mode = WAL');
  rawB.pragma('synchronous = FULL');
  rawB.pragma('foreign_keys = ON');
  rawB.pragma('busy_timeout = 5000');
  rawB.pragma('cache_size = -65536');
  const rawBatch = rawB.prepare(`INSERT INTO dues_payment_batches (idempotency_key, kind, item_count, recorded_by, recorded_at) VALUES (NULL, 'collection', ?, 1, ?)`);
  const rawPayment = rawB.prepare(
    `INSERT INTO dues_payments (batch_id, member_id, organization_id, for_month, amount_vnd, paid_on, method, reference, expected_vnd, reverses_payment_id, note, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`,
  );
  const rawChunk = rawB.transaction((rows: PaymentRow[]) => {
    const batchId = Number(rawBatch.run(rows.length, CREATED_AT).lastInsertRowid);
    for (const r of rows) rawPayment.run(batchId, r.member_id, r.organization_id, r.for_month, r.amount_vnd, r.paid_on, r.method, r.reference, r.expected_vnd, r.recorded_by);
  });

  let rows = 0;
  let nsApp = 0n;
  let nsRaw = 0n;
  let chunkNo = 0;
  for (const chunk of paymentChunks(setup.members)) {
    // Alternate which path goes first, so neither always meets the warmer page cache.
    const app = async () => {
      const t0 = process.hrtime.bigint();
      await dbA.transaction().execute(async (trx) => {
        const batch = await insertBatch(trx, { idempotency_key: null, kind: 'collection', item_count: chunk.length, recorded_by: 1, recorded_at: CREATED_AT });
        await insertPayments(
          trx,
          chunk.map((r) => ({ ...r, batch_id: batch.id })),
        );
      });
      nsApp += process.hrtime.bigint() - t0;
    };
    const raw = () => {
      const t0 = process.hrtime.bigint();
      rawChunk(chunk);
      nsRaw += process.hrtime.bigint() - t0;
    };
    if (chunkNo % 2 === 0) {
      await app();
      raw();
    } else {
      raw();
      await app();
    }
    rows += chunk.length;
    chunkNo++;
    if (chunkNo % 50 === 0) log(`  … ${rows.toLocaleString('en')} rows`);
  }
  rawB.close();
  const appSeconds = Number(nsApp) / 1e9;
  const rawSeconds = Number(nsRaw) / 1e9;
  const appRps = rows / appSeconds;
  const rawRps = rows / rawSeconds;
  log(`  stored ${rows.toLocaleString('en')} payment rows on each file`);

  // ── latency on file A ────────────────────────────────────────────────────────────────────────────
  const rng = new Rng(`dues-bench-cells-${N}`);
  const sampleCells = Array.from({ length: SAMPLES }, () => rng.pick(setup.cells));
  const actor: Actor = { userId: 1, username: 'bench_dues', role: 'organization_officer', organizationId: 1, orgPath: '/1/', personId: null, reach: 'subtree' };
  const ctx = { requestId: 'bench', actor, now: new Date('2026-11-27T03:00:00Z') };
  const sheet = await timeIt(SAMPLES, (i) => getCollectionSheet(dbA, ctx, sampleCells[i % sampleCells.length], '2026-10'));
  const config = loadConfig({ SQLITE_FILE: FILE_A, LOG_LEVEL: 'silent', COOKIE_SECURE: '0', MFA: 'optional' });
  const app = await buildApp({ db: dbA, config, clock: () => new Date() });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench_dues', password: 'bench-mat-khau-dai-2026' } });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const cookie = `${login.cookies[0].name}=${login.cookies[0].value}`;
  const route = await timeIt(SAMPLES, async (i) => {
    const res = await app.inject({ method: 'GET', url: `/api/dues/organizations/${sampleCells[i % sampleCells.length]}/collection?month=2026-10`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`collection: ${res.statusCode} ${res.body.slice(0, 200)}`);
  });
  const communeSamples = Math.min(20, SAMPLES);
  const chart = await timeIt(communeSamples, (i) => getMonthlySeries(dbA, ctx, setup.communes[i % setup.communes.length].id, { from: '2025-12', to: '2026-11', subtree: true }));
  await app.close();
  await dbA.destroy();
  const sizeA = statSync(FILE_A).size + (existsSync(`${FILE_A}-wal`) ? statSync(`${FILE_A}-wal`).size : 0);

  const f = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  const n = (x: number) => Math.round(x).toLocaleString('en');
  log('');
  log(`### Party dues, N = ${n(N)} members (${n(rows)} payment rows, 12 months), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  log('');
  log('| Insert path | rows | seconds | rows/s | vs raw |');
  log('|---|---:|---:|---:|---:|');
  log(`| app: \`insertBatch\` + \`repo.insertPayments\` (Kysely, ${n(PAYMENT_ROWS_PER_STATEMENT)}-row INSERTs, 1 tx / ${n(CHUNK)} rows) | ${n(rows)} | ${appSeconds.toFixed(1)} | ${n(appRps)} | ${((appRps / rawRps) * 100).toFixed(0)} % |`);
  log(`| raw: better-sqlite3 prepared statement, 1 row per run() (1 tx / ${n(CHUNK)} rows) | ${n(rows)} | ${rawSeconds.toFixed(1)} | ${n(rawRps)} | 100 % |`);
  log('');
  log('| Read (on the app file) | samples | p50 ms | p95 ms | p99 ms | max ms |');
  log('|---|---:|---:|---:|---:|---:|');
  log(`| one cell's collection sheet, service (\`getCollectionSheet\`, ${MEMBERS_PER_CELL} members, month 10/2026) | ${sheet.samples} | ${f(sheet.p50)} | ${f(sheet.p95)} | ${f(sheet.p99)} | ${f(sheet.max)} |`);
  log(`| the same through the app (\`GET /api/dues/organizations/:id/collection\`, session + policy + Zod) | ${route.samples} | ${f(route.p50)} | ${f(route.p95)} | ${f(route.p99)} | ${f(route.max)} |`);
  log(`| a commune's chart, 12 months, subtree (~${n(CELLS_PER_COMMUNE * MEMBERS_PER_CELL)} members, \`getMonthlySeries\`) | ${chart.samples} | ${f(chart.p50)} | ${f(chart.p95)} | ${f(chart.p99)} | ${f(chart.max)} |`);
  log('');
  log(`Files: ${FILE_A.replace(`${resolve('.')}/`, '')} (${(sizeA / 1024 ** 2).toFixed(0)} MiB) and ${FILE_B.replace(`${resolve('.')}/`, '')}; set-up ${setup.seconds.toFixed(0)} s (not measured). Both paths: WAL, synchronous=FULL, foreign_keys=ON, all indexes and append-only triggers in place; chunks alternate which path writes first.`);
  if (!values.keep) {
    removeFile(FILE_A);
    removeFile(FILE_B);
  }
}

await main();
