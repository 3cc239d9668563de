import type { Role } from '../../common/contracts/auth.contract.ts';
import type { Authority, OrganizationKind } from '../../common/contracts/organizations.contract.ts';
import type { MemberStatus } from '../../common/contracts/members.contract.ts';
import { buildSearchText } from '../../common/rules/normalize-vi.ts';
import { vietnameseSortKey } from '../../common/rules/vi-name-sort.ts';
import { buildApp, type App, type AppDeps } from '../app.ts';
import type { Db } from '../db/create-db.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { userSearchText } from '../modules/users/users.repo.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

// Factories insert rows directly (not through services) so a suite can set up any state cheaply.
// Each takes overrides; defaults are plausible.

const NOW = '2026-06-15T03:00:00.000Z';
let seq = 0;
const next = () => ++seq;

export async function buildOrganization(
  db: Db,
  o: { kind?: OrganizationKind; name?: string; code?: string; parentId?: number | null; validFrom?: string; authority?: Partial<Authority> } = {},
) {
  const n = next();
  const parent = o.parentId ? await db.selectFrom('organizations').select('path').where('id', '=', o.parentId).executeTakeFirstOrThrow() : null;
  const authority = JSON.stringify({ admission: false, recognition: false, removal: false, ...o.authority });
  const validFrom = o.validFrom ?? '2020-01-01';
  const row = await db
    .insertInto('organizations')
    .values({
      code: o.code ?? `ORG${n}`,
      kind: o.kind ?? 'cell',
      name: o.name ?? `Chi bộ ${n}`,
      parent_id: o.parentId ?? null,
      path: '/',
      valid_from: validFrom,
      valid_to: null,
      authority,
      version: 1,
      created_at: NOW,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? '/'}${row.id}/`;
  await db.updateTable('organizations').set({ path }).where('id', '=', row.id).execute();
  await db
    .insertInto('organization_versions')
    .values({
      organization_id: row.id,
      kind: o.kind ?? 'cell',
      name: o.name ?? `Chi bộ ${n}`,
      parent_id: o.parentId ?? null,
      authority,
      valid_from: validFrom,
      valid_to: null,
      event_id: null,
    })
    .execute();
  return db.selectFrom('organizations').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
}

/** A province → commune → grassroots committee → two cells, plus a sibling grassroots cell. */
export async function buildTree(db: Db) {
  const province = await buildOrganization(db, { kind: 'provincial_committee', name: 'Đảng bộ tỉnh Lâm Đồng', code: 'T' + next() });
  const commune = await buildOrganization(db, {
    kind: 'commune_committee',
    name: 'Đảng bộ xã Lạc Dương',
    parentId: province.id,
    authority: { admission: true, recognition: true, removal: true },
  });
  const grassroots = await buildOrganization(db, { kind: 'grassroots_committee', name: 'Đảng bộ Trường THPT Lang Biang', parentId: commune.id });
  const cellA = await buildOrganization(db, { kind: 'cell', name: 'Chi bộ Giáo viên', parentId: grassroots.id });
  const cellB = await buildOrganization(db, { kind: 'cell', name: 'Chi bộ Hành chính', parentId: grassroots.id });
  const otherCell = await buildOrganization(db, { kind: 'grassroots_cell', name: 'Chi bộ Thôn Bon Đưng', parentId: commune.id });
  return { province, commune, grassroots, cellA, cellB, otherCell };
}

export async function buildPerson(db: Db, o: Partial<Insertable<Database['persons']>> = {}) {
  const n = next();
  const fullName = o.full_name ?? `Nguyễn Văn Thử ${n}`;
  return db
    .insertInto('persons')
    .values({
      full_name: fullName,
      birth_name: null,
      gender: 'male',
      birth_date: '1990-05-01',
      birthplace: 'Lâm Đồng',
      hometown: 'Lâm Đồng',
      permanent_address: null,
      temporary_address: null,
      ethnicity_code: '01',
      religion_code: 'none',
      citizen_id: null,
      phone: null,
      general_education: '12/12',
      professional_qualification: null,
      political_theory: null,
      occupation: null,
      search_text: buildSearchText([fullName, o.citizen_id ?? null]),
      sort_key: vietnameseSortKey(fullName),
      version: 1,
      created_at: NOW,
      updated_at: NOW,
      ...o,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildMember(
  db: Db,
  o: { organizationId: number; status?: MemberStatus; cardNumber?: string | null; person?: Partial<Insertable<Database['persons']>> },
) {
  const person = await buildPerson(db, o.person);
  const org = await db.selectFrom('organizations').select('path').where('id', '=', o.organizationId).executeTakeFirstOrThrow();
  const status = o.status ?? 'official';
  const member = await db
    .insertInto('members')
    .values({
      person_id: person.id,
      status,
      organization_id: o.organizationId,
      org_path: org.path,
      history_number: null,
      card_number: o.cardNumber ?? null,
      admission_decision_date: '2015-03-02',
      ceremony_date: '2015-03-20',
      official_date: status === 'probationary' ? null : '2016-03-20',
      left_date: null,
      posts: '[]',
      search_text: buildSearchText([person.full_name, person.citizen_id, o.cardNumber ?? null]),
      sort_key: person.sort_key,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('member_events')
    .values({
      member_id: member.id,
      kind: 'registered',
      event_date: '2015-03-02',
      from_status: null,
      to_status: status,
      from_organization_id: null,
      to_organization_id: o.organizationId,
      decision_ref: null,
      note: null,
      actor_user_id: null,
      created_at: NOW,
    })
    .execute();
  return { member, person };
}

export const TEST_PASSWORD = 'mật-khẩu-thử-2026';
let cachedHash: Promise<string> | null = null;

export async function buildUser(
  db: Db,
  o: { role: Role; organizationId: number; username?: string; displayName?: string; personId?: number | null; isDisabled?: boolean },
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const n = next();
  const displayName = o.displayName ?? o.username ?? `Người dùng ${n}`;
  return db
    .insertInto('users')
    .values({
      username: (o.username ?? `user${n}`).toLowerCase(),
      display_name: displayName,
      search_text: userSearchText(displayName),
      password_hash: await cachedHash,
      role: o.role,
      organization_id: o.organizationId,
      person_id: o.personId ?? null,
      is_disabled: o.isDisabled ? 1 : 0,
      failed_count: 0,
      locked_until: null,
      last_login_at: null,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface TestApp extends TestDatabase {
  app: App;
  /** The fixed clock the app reads; tests move it forward by assigning to `clock.now`. */
  clock: { now: Date };
  close(): Promise<void>;
}

export async function buildTestApp(
  engine: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  deps: Pick<AppDeps, 'logStream'> = {},
): Promise<TestApp> {
  const tdb = await createTestDatabase(engine, env);
  const clock = { now: new Date(NOW) };
  const app = await buildApp({ db: tdb.db, config: tdb.config, clock: () => clock.now, ...deps });
  return {
    ...tdb,
    app,
    clock,
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}

/** Logs in through the API and returns the Cookie header to send with later requests. */
export async function loginAs(app: App, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies[0];
  return `${set.name}=${set.value}`;
}

import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.ts';
