import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { centuryGenderDigit } from '../common/rules/citizen-id.ts';
import { addDays, addMonths, parseIsoDate } from '../common/rules/iso-date.ts';
import { buildSearchText } from '../common/rules/normalize-vi.ts';
import { vietnameseSortKey } from '../common/rules/vi-name-sort.ts';
import { loadConfig } from '../server/config.ts';
import { createDb } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { hashPassword } from '../server/modules/auth/password.ts';
import {
  ETHNICITY,
  type EthnicityCode,
  type Gender,
  generateFullName,
  pickBirthProvinceCode,
  pickGeneralEducation,
  pickOccupation,
  pickProfessionalQualification,
  pickReligion,
  type UnitKind,
} from '../server/demo/name-pools.ts';
import { Rng } from '../server/demo/prng.ts';

// A tree with N members on an on-disk SQLite file, written with prepared statements through better-sqlite3
// directly (the demo's Kysely path would take many minutes at 1,000,000 rows). The schema comes from the app's
// own migrations, and the columns are filled as the app fills them: search_text = buildSearchText([...]),
// sort_key = vietnameseSortKey(fullName), materialized org paths, one organization_versions row per organization.

/** Bump when the generated data changes: cached files of older versions are not reused. */
export const GENERATOR_VERSION = 4;
export const BENCH_OUT = resolve('bench/out');
export const BENCH_USER = 'bench_officer';
/** Local benchmark account only (the file lives under bench/out, ignored by git). */
export const BENCH_PASSWORD = 'bench-mat-khau-dai-2026';

const REFERENCE_DATE = '2026-11-27';
const CREATED_AT = `${REFERENCE_DATE}T00:00:00.000Z`;
const MEMBERS_PER_CELL = 30;
const MEMBERS_PER_COMMUNE = 8_000;
const ROWS_PER_TRANSACTION = 20_000;

export interface BenchDatabase {
  file: string;
  members: number;
  generatedSeconds: number | null;
  bytes: number;
}

/**
 * A fingerprint of the app's schema (every table, index and trigger the migrations make), so a cached file is
 * regenerated when another module's migration changes what the app expects (a search index, a trigger).
 */
export async function schemaFingerprint(): Promise<string> {
  const db = createDb(loadConfig({ SQLITE_FILE: ':memory:', LOG_LEVEL: 'silent' }).database);
  try {
    await migrateToLatest(db);
    const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`.execute(db);
    return createHash('sha256').update(rows.map((r) => r.sql).join('\n')).digest('hex').slice(0, 8);
  } finally {
    await db.destroy();
  }
}

export function benchFileFor(n: number, fingerprint: string): string {
  return join(BENCH_OUT, `members-${n}-g${GENERATOR_VERSION}-${fingerprint}.sqlite`);
}

/** The cached database for N members, generated first if missing. */
export async function ensureBenchDatabase(n: number, log: (s: string) => void): Promise<BenchDatabase> {
  const file = benchFileFor(n, await schemaFingerprint());
  if (existsSync(file)) return { file, members: n, generatedSeconds: null, bytes: statSync(file).size };
  mkdirSync(BENCH_OUT, { recursive: true });
  // Files of this size for an older generator or schema are stale (1.5 GB each at 1,000,000): remove them.
  for (const name of readdirSync(BENCH_OUT)) {
    if (name.startsWith(`members-${n}-g`) && !file.endsWith(name.replace(/\.partial$|-wal$|-shm$/, ''))) {
      rmSync(join(BENCH_OUT, name), { force: true });
      log(`  removed stale ${name}`);
    }
  }
  const partial = `${file}.partial`;
  for (const s of ['', '-wal', '-shm']) rmSync(partial + s, { force: true });
  const started = Date.now();

  // The schema exactly as the app makes it.
  const db = createDb(loadConfig({ SQLITE_FILE: partial, LOG_LEVEL: 'silent' }).database);
  await migrateToLatest(db);
  await db.destroy();

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const sqlite = new SQLite(partial);
  try {
    // Bulk load: no journal, no fsync; the finished file is renamed into place only when complete.
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -262144');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('foreign_keys = OFF');
    fill(sqlite, n, passwordHash, log);
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
  renameSync(partial, file);
  const generatedSeconds = (Date.now() - started) / 1000;
  return { file, members: n, generatedSeconds, bytes: statSync(file).size };
}

interface Cell {
  id: number;
  path: string;
  unit: UnitKind;
  mix: readonly (readonly [EthnicityCode, number])[];
}

const KINH_MOSTLY = [[ETHNICITY.kinh, 80], [ETHNICITY.coho, 8], [ETHNICITY.tay, 4], [ETHNICITY.nung, 3], [ETHNICITY.ede, 3], [ETHNICITY.giarai, 2]] as const;
const HIGHLAND = [[ETHNICITY.coho, 60], [ETHNICITY.kinh, 25], [ETHNICITY.mnong, 10], [ETHNICITY.hmong, 5]] as const;

function fill(sqlite: SQLite.Database, n: number, passwordHash: string, log: (s: string) => void) {
  const rng = new Rng(`bench-${n}-g${GENERATOR_VERSION}`);

  // Secondary indexes are dropped during the load and rebuilt from their own definitions afterwards
  // (UNIQUE constraints stay: their automatic indexes cannot be dropped).
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('persons', 'members', 'member_events', 'organizations', 'organization_versions')`)
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) sqlite.exec(`DROP INDEX ${ix.name}`);

  // ── organizations: province → communes → grassroots committees (5 cells each) and village cells ───
  const insertOrg = sqlite.prepare(
    `INSERT INTO organizations (id, code, kind, name, parent_id, path, valid_from, valid_to, authority, version, created_at)
     VALUES (?, ?, ?, ?, ?, ?, '2015-01-01', NULL, ?, 1, ?)`,
  );
  const insertVersion = sqlite.prepare(
    `INSERT INTO organization_versions (organization_id, kind, name, parent_id, authority, valid_from, valid_to, event_id)
     VALUES (?, ?, ?, ?, ?, '2015-01-01', NULL, NULL)`,
  );
  const none = JSON.stringify({ admission: false, recognition: false, removal: false });
  const all = JSON.stringify({ admission: true, recognition: true, removal: true });
  let orgId = 0;
  const addOrg = (code: string, kind: string, name: string, parent: { id: number; path: string } | null, authority: string) => {
    const id = ++orgId;
    const path = `${parent?.path ?? '/'}${id}/`;
    insertOrg.run(id, code, kind, name, parent?.id ?? null, path, authority, CREATED_AT);
    insertVersion.run(id, kind, name, parent?.id ?? null, authority);
    return { id, path };
  };
  const cells: Cell[] = [];
  sqlite.transaction(() => {
    const province = addOrg('B', 'provincial_committee', 'Đảng bộ tỉnh Lâm Đồng', null, all);
    const communes = Math.max(2, Math.round(n / MEMBERS_PER_COMMUNE));
    const cellsPerCommune = Math.max(4, Math.ceil(n / communes / MEMBERS_PER_CELL));
    for (let c = 1; c <= communes; c++) {
      const commune = addOrg(`B.${c}`, 'commune_committee', `Đảng bộ xã Bình Minh ${c}`, province, all);
      const committees = Math.floor((cellsPerCommune * 0.6) / 5);
      for (let g = 1; g <= committees; g++) {
        const unit: UnitKind = rng.pick(['school', 'hospital', 'company', 'forest', 'office'] as const);
        const label = { school: 'Trường THCS', hospital: 'Trạm Y tế', company: 'Công ty Cổ phần Chè', forest: 'Ban Quản lý rừng', office: 'Cơ quan' }[unit as 'school'];
        const gc = addOrg(`B.${c}.G${g}`, 'grassroots_committee', `Đảng bộ ${label} số ${g}`, commune, none);
        for (let k = 1; k <= 5; k++) {
          cells.push({ ...addOrg(`B.${c}.G${g}.${k}`, 'cell', `Chi bộ ${k}`, gc, none), unit, mix: KINH_MOSTLY });
        }
      }
      for (let v = 1; v <= cellsPerCommune - committees * 5; v++) {
        cells.push({ ...addOrg(`B.${c}.T${v}`, 'grassroots_cell', `Chi bộ Thôn ${v}`, commune, none), unit: 'village', mix: rng.chance(0.5) ? HIGHLAND : KINH_MOSTLY });
      }
    }
  })();
  log(`  ${orgId} organizations, ${cells.length} cells`);

  // ── persons, members, member_events ───────────────────────────────────────────────────────────
  const insertPerson = sqlite.prepare(
    `INSERT INTO persons (id, full_name, birth_name, gender, birth_date, birthplace, hometown, permanent_address, temporary_address,
       ethnicity_code, religion_code, citizen_id, phone, general_education, professional_qualification, political_theory, occupation,
       search_text, sort_key, version, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertMember = sqlite.prepare(
    `INSERT INTO members (id, person_id, status, organization_id, org_path, history_number, card_number, admission_decision_date,
       ceremony_date, official_date, left_date, posts, search_text, sort_key, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '[]', ?, ?, 1, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO member_events (member_id, kind, event_date, from_status, to_status, from_organization_id, to_organization_id,
       decision_ref, note, actor_user_id, created_at)
     VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, NULL, NULL, ?)`,
  );

  const serials = new Map<string, number>();
  const citizenId = (province: string, birthYear: number, gender: Gender) => {
    const prefix = `${province}${centuryGenderDigit(birthYear, gender)}${String(birthYear % 100).padStart(2, '0')}`;
    const k = serials.get(prefix) ?? 0;
    serials.set(prefix, k + 1);
    // A bijection on 0…999,999 (738,197 is prime to 10^6): unique serials that do not look sequential.
    return prefix + String((k * 738_197 + 123_457) % 1_000_000).padStart(6, '0');
  };
  const card = (i: number) => String((i * 7_919_993 + 12_345_678) % 100_000_000).padStart(8, '0');

  const started = Date.now();
  let i = 0;
  const writeChunk = sqlite.transaction((end: number) => {
    for (; i < end; i++) {
      const id = i + 1;
      const cell = cells[i % cells.length];
      const ethnicity = rng.weighted(cell.mix);
      const gender: Gender = rng.chance(0.6) ? 'male' : 'female';
      const age = rng.int(20, 85);
      const birthDate = addDays(addMonths(REFERENCE_DATE, -12 * age), -rng.int(1, 364));
      const birthYear = parseIsoDate(birthDate).y;
      const fullName = generateFullName(rng, ethnicity, gender, birthYear);
      const province = pickBirthProvinceCode(rng, ethnicity, birthYear);
      const cid = citizenId(province, birthYear, gender);
      const occupation = pickOccupation(rng, cell.unit, age, gender);
      const qualification = pickProfessionalQualification(rng, occupation);
      insertPerson.run(
        id, fullName, gender, birthDate, 'Lâm Đồng', 'Lâm Đồng', `Thôn ${1 + (i % 40)}, xã Bình Minh, tỉnh Lâm Đồng`,
        ethnicity, pickReligion(rng, ethnicity), cid, rng.chance(0.7) ? `09${rng.digits(8)}` : null,
        pickGeneralEducation(rng, ethnicity, birthYear, occupation, qualification !== null), qualification,
        rng.chance(0.3) ? 'Sơ cấp' : null, occupation, buildSearchText([fullName, cid]), vietnameseSortKey(fullName), CREATED_AT, CREATED_AT,
      );
      const probationary = age < 45 && rng.chance(0.05);
      const admission = probationary
        ? addDays(REFERENCE_DATE, -rng.int(60, 320))
        : addDays(addMonths(birthDate, 12 * rng.int(18, Math.max(18, Math.min(age - 2, 40)))), rng.int(0, 300));
      const ceremony = addDays(admission, rng.int(7, 40));
      const official = probationary ? null : addMonths(ceremony, 12);
      const cardNumber = official ? card(id) : null;
      insertMember.run(
        id, id, probationary ? 'probationary' : 'official', cell.id, cell.path, `B${String(id).padStart(8, '0')}`, cardNumber,
        admission, ceremony, official, buildSearchText([fullName, cid, cardNumber]), vietnameseSortKey(fullName), CREATED_AT, CREATED_AT,
      );
      insertEvent.run(id, 'admitted', admission, null, 'probationary', cell.id, CREATED_AT);
      if (official) insertEvent.run(id, 'recognized', official, 'probationary', 'official', null, CREATED_AT);
    }
  });
  while (i < n) {
    writeChunk(Math.min(n, i + ROWS_PER_TRANSACTION));
    if (i % 100_000 === 0 || i === n) log(`  ${i.toLocaleString('en')} members (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }

  log('  rebuilding indexes');
  for (const ix of indexes) sqlite.exec(ix.sql);

  // The benchmark's official: organization officer of the whole tree (created directly, not through the API).
  sqlite
    .prepare(
      `INSERT INTO users (username, display_name, password_hash, role, organization_id, person_id, is_disabled, failed_count,
         locked_until, last_login_at, version, created_at, updated_at)
       VALUES (?, 'Cán bộ đo hiệu năng', ?, 'organization_officer', 1, NULL, 0, 0, NULL, NULL, 1, ?, ?)`,
    )
    .run(BENCH_USER, passwordHash, CREATED_AT, CREATED_AT);
}
