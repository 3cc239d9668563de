import { type Kysely, sql } from 'kysely';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import { buildSearchText, normalizeVi } from '../../../common/rules/normalize-vi.ts';
import type { Database } from '../../db/schema.ts';
import { toNumber } from '../../db/dialect.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern } from '../../policy/scope.ts';

type Q = Kysely<Database>;
type Scope = Pick<Actor, 'orgPath'>;

export interface UserFilter {
  q?: string;
  role?: Role;
  /** Materialized path of an organization: its accounts and those of its subtree. */
  underPath?: string;
  state: 'all' | 'active' | 'disabled' | 'locked';
  now: string;
}

/**
 * users.search_text (migration 0015, architecture principle 9): the display name without marks, đ→d, lower-case,
 * so 'nguyen van an' finds 'Nguyễn Văn An'. Every writer of `users` stores it with the display name.
 */
export function userSearchText(displayName: string): string {
  return buildSearchText([displayName]);
}

/** `%…%` LIKE pattern with the LIKE metacharacters of the user's text escaped (paired with ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function usersInScope(db: Q, scope: Scope) {
  // Scope is the account's organization subtree (server/policy/scope.ts): anything else is simply not found.
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .leftJoin('persons', 'persons.id', 'users.person_id')
    .where('organizations.path', 'like', subtreePattern(scope.orgPath));
}

const USER_COLUMNS = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.organization_id',
  'users.person_id',
  'users.is_disabled',
  'users.failed_count',
  'users.locked_until',
  'users.last_login_at',
  'users.totp_enrolled_at',
  'users.created_at',
  'users.version',
  'organizations.name as organization_name',
  'organizations.kind as organization_kind',
  'persons.full_name as person_name',
] as const;

export async function listUsers(db: Q, scope: Scope, f: UserFilter, page: { limit: number; offset: number }) {
  let base = usersInScope(db, scope);
  const text = f.q ? normalizeVi(f.q) : '';
  if (text) {
    // Usernames are lower-case ASCII ([a-z0-9._-]), so the normalized text matches them as typed.
    const pattern = containsPattern(text);
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('users.username')} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('users.search_text')} like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (f.role) base = base.where('users.role', '=', f.role);
  if (f.underPath) base = base.where('organizations.path', 'like', subtreePattern(f.underPath));
  if (f.state === 'active') base = base.where('users.is_disabled', '=', 0);
  if (f.state === 'disabled') base = base.where('users.is_disabled', '=', 1);
  if (f.state === 'locked') base = base.where('users.locked_until', '>', f.now);
  const [rows, count] = await Promise.all([
    base.select(USER_COLUMNS).orderBy('users.username').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toNumber(count.n) };
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserInScope>>>;

export function findUserInScope(db: Q, scope: Scope, id: number) {
  return usersInScope(db, scope).select(USER_COLUMNS).where('users.id', '=', id).executeTakeFirst();
}

export function findUsernameTaken(db: Q, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

/** A current (not ended) organization inside the scope. */
export function findActiveOrganizationInScope(db: Q, scope: Scope, id: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'path', 'name'])
    .where('id', '=', id)
    .where('valid_to', 'is', null)
    .where('organizations.path', 'like', subtreePattern(scope.orgPath))
    .executeTakeFirst();
}

export function findOrganizationPath(db: Q, id: number) {
  return db.selectFrom('organizations').select(['id', 'path']).where('id', '=', id).executeTakeFirst();
}

/** The member record of a person, when it lies inside the scope. */
export function findMemberOfPersonInScope(db: Q, scope: Scope, personId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'person_id', 'org_path', 'status'])
    .where('person_id', '=', personId)
    .where('org_path', 'like', subtreePattern(scope.orgPath))
    .executeTakeFirst();
}

export function findAccountOfPerson(db: Q, personId: number) {
  return db.selectFrom('users').select('id').where('person_id', '=', personId).executeTakeFirst();
}

/** A new account has no TOTP factor yet (its columns start null: migration 0016). */
type NewUser = Omit<Database['users'], 'id' | 'search_text' | 'totp_secret' | 'totp_enrolled_at' | 'totp_last_step' | 'totp_pending_secret'>;

export async function insertUser(db: Q, row: NewUser): Promise<number> {
  const created = await db
    .insertInto('users')
    .values({ ...row, search_text: userSearchText(row.display_name) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

/** Compare-and-set on version: false when someone else changed the account first. */
export async function updateUserIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Partial<
    Pick<
      Database['users'],
      | 'display_name'
      | 'role'
      | 'organization_id'
      | 'person_id'
      | 'is_disabled'
      | 'password_hash'
      | 'failed_count'
      | 'locked_until'
      | 'totp_secret'
      | 'totp_enrolled_at'
      | 'totp_last_step'
      | 'totp_pending_secret'
    >
  > & {
    updated_at: string;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ ...set, ...(set.display_name === undefined ? {} : { search_text: userSearchText(set.display_name) }), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
