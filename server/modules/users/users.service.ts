import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type {
  User,
  UserList,
  UserWithPassword,
  ZCreateUser,
  ZUpdateUser,
  ZUserListQuery,
} from '../../../common/contracts/users.contract.ts';
import { DomainError, fieldError } from '../../../common/errors.ts';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { deleteUserSessions } from '../auth/auth.repo.ts';
import { checkPasswordStrength, hashPassword } from '../auth/password.ts';
import { generateOneTimePassword } from './one-time-password.ts';
import * as repo from './users.repo.ts';

type Ctx = RequestContext & { actor: Actor };
/** The database or a transaction on it (repos take either). */
type Trx = Kysely<Database>;

function presentUser(row: repo.UserRow, now: Date): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    organization: { id: row.organization_id, name: row.organization_name, kind: row.organization_kind },
    person: row.person_id != null && row.person_name != null ? { id: row.person_id, fullName: row.person_name } : null,
    isDisabled: row.is_disabled === 1,
    isLocked: row.locked_until != null && row.locked_until > now.toISOString(),
    lockedUntil: row.locked_until,
    failedCount: row.failed_count,
    lastLoginAt: row.last_login_at,
    totpEnrolled: row.totp_enrolled_at != null,
    createdAt: row.created_at,
    version: row.version,
  };
}

async function loadUser(db: Trx, ctx: Ctx, id: number): Promise<repo.UserRow> {
  const row = await repo.findUserInScope(db, ctx.actor, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}

export async function listUsers(db: Db, ctx: Ctx, q: z.infer<typeof ZUserListQuery>): Promise<UserList> {
  let underPath: string | undefined;
  if (q.organizationId) {
    const org = await repo.findOrganizationPath(db, q.organizationId);
    // A filter outside the scope narrows to nothing rather than widening anything.
    underPath = org?.path ?? '/none/';
  }
  const { rows, total } = await repo.listUsers(
    db,
    ctx.actor,
    { q: q.q, role: q.role, underPath, state: q.state, now: ctx.now.toISOString() },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { items: rows.map((r) => presentUser(r, ctx.now)), total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(db: Db, ctx: Ctx, id: number): Promise<User> {
  return presentUser(await loadUser(db, ctx, id), ctx.now);
}

/**
 * The organization an account is attached to must be current and inside the administrator's subtree;
 * a member account must name a member of that organization's subtree, and one person has one account.
 */
async function checkAttachment(
  trx: Trx,
  ctx: Ctx,
  a: { role: Role; organizationId: number; personId: number | null; exceptUserId?: number },
): Promise<void> {
  const org = await repo.findActiveOrganizationInScope(trx, ctx.actor, a.organizationId);
  if (!org) throw fieldError('organizationId', 'organization_not_found');
  if (a.personId == null) {
    if (a.role === 'member') throw fieldError('personId', 'required');
    return;
  }
  const member = await repo.findMemberOfPersonInScope(trx, ctx.actor, a.personId);
  if (!member) throw fieldError('personId', 'member_not_found');
  if (a.role === 'member' && !member.org_path.startsWith(org.path)) throw fieldError('personId', 'member_outside_organization');
  const other = await repo.findAccountOfPerson(trx, a.personId);
  if (other && other.id !== a.exceptUserId) throw fieldError('personId', 'person_has_account');
}

function refuseWeak(password: string, context: string[]) {
  const problem = checkPasswordStrength(password, context);
  if (problem) throw new DomainError('WEAK_PASSWORD', { reason: problem }, [{ path: 'password', code: 'weak_password', params: { reason: problem } }]);
}

/** Creates an account; without a chosen password a random one is generated and returned once. */
export async function createUser(db: Db, ctx: Ctx, input: z.infer<typeof ZCreateUser>): Promise<UserWithPassword> {
  if (input.password !== undefined) refuseWeak(input.password, [input.username, input.displayName]);
  const oneTimePassword = input.password === undefined ? generateOneTimePassword() : null;
  // Hashing is deliberately slow (argon2id); it runs before the transaction so no write lock waits on it.
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  const at = ctx.now.toISOString();
  try {
    const id = await db.transaction().execute(async (trx) => {
      await checkAttachment(trx, ctx, input);
      if (await repo.findUsernameTaken(trx, input.username)) throw new DomainError('DUPLICATE_USERNAME', {}, [{ path: 'username', code: 'username_taken' }]);
      const newId = await repo.insertUser(trx, {
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        organization_id: input.organizationId,
        person_id: input.personId,
        is_disabled: 0,
        failed_count: 0,
        locked_until: null,
        last_login_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      const changedFields = ['username', 'displayName', 'role', 'organizationId', ...(input.personId != null ? ['personId'] : []), 'password'];
      await appendAudit(trx, ctx, { action: 'user.create', objectType: 'user', objectId: newId, changedFields });
      return newId;
    });
    return { user: await getUser(db, ctx, id), oneTimePassword };
  } catch (err) {
    // Two administrators creating the same username at once: the unique index decides.
    if (isUniqueViolation(err)) throw new DomainError('DUPLICATE_USERNAME', {}, [{ path: 'username', code: 'username_taken' }]);
    throw err;
  }
}

/**
 * Edits an account with compare-and-set on `version`. A change of role, organization or linked person,
 * or disabling, ends every session of the account in the same transaction (security.md item 5):
 * what a session may see is decided by exactly those fields.
 */
export async function updateUser(db: Db, ctx: Ctx, id: number, input: z.infer<typeof ZUpdateUser>): Promise<User> {
  await db.transaction().execute(async (trx) => {
    const row = await loadUser(trx, ctx, id);
    if (row.version !== input.version) throw new DomainError('CONFLICT');
    const changed = {
      displayName: input.displayName !== row.display_name,
      role: input.role !== row.role,
      organizationId: input.organizationId !== row.organization_id,
      personId: input.personId !== row.person_id,
      isDisabled: input.isDisabled !== (row.is_disabled === 1),
    };
    const changedFields = Object.entries(changed)
      .filter(([, v]) => v)
      .map(([k]) => k);
    if (changedFields.length === 0) return;
    // An administrator cannot lock themselves out or step outside their own reach by editing their own account.
    if (id === ctx.actor.userId) {
      for (const f of ['role', 'organizationId', 'isDisabled'] as const) if (changed[f]) throw fieldError(f, 'own_account');
    }
    if (changed.role || changed.organizationId || changed.personId) await checkAttachment(trx, ctx, { ...input, exceptUserId: id });
    const ok = await repo.updateUserIfVersion(trx, id, row.version, {
      display_name: input.displayName,
      role: input.role,
      organization_id: input.organizationId,
      person_id: input.personId,
      is_disabled: input.isDisabled ? 1 : 0,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT');
    const rescoped = changed.role || changed.organizationId || changed.personId || (changed.isDisabled && input.isDisabled);
    if (rescoped) await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx, { action: 'user.update', objectType: 'user', objectId: id, changedFields });
  });
  return getUser(db, ctx, id);
}

/** Lifts a login lockout (security.md item 7: an administrator can unlock). */
export async function unlockUser(db: Db, ctx: Ctx, id: number): Promise<User> {
  await db.transaction().execute(async (trx) => {
    const row = await loadUser(trx, ctx, id);
    const ok = await repo.updateUserIfVersion(trx, id, row.version, { failed_count: 0, locked_until: null, updated_at: ctx.now.toISOString() });
    if (!ok) throw new DomainError('CONFLICT');
    await appendAudit(trx, ctx, { action: 'user.unlock', objectType: 'user', objectId: id, changedFields: ['failedCount', 'lockedUntil'] });
  });
  return getUser(db, ctx, id);
}

/** Sets a new random password, returned once; ends the account's sessions and lifts any lockout. */
export async function resetUserPassword(db: Db, ctx: Ctx, id: number): Promise<UserWithPassword> {
  const before = await loadUser(db, ctx, id);
  // Administrators change their own password with their current one (/api/auth/password), not by reset.
  if (id === ctx.actor.userId) throw fieldError('id', 'own_account');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction().execute(async (trx) => {
    await loadUser(trx, ctx, id);
    const ok = await repo.updateUserIfVersion(trx, id, before.version, {
      password_hash: passwordHash,
      failed_count: 0,
      locked_until: null,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT');
    await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx, { action: 'user.reset_password', objectType: 'user', objectId: id, changedFields: ['password'] });
  });
  return { user: await getUser(db, ctx, id), oneTimePassword };
}

/**
 * Removes an account's TOTP factor (a lost phone): the next login with the password enrols a new one where MFA=required.
 * Ends the account's sessions; audited with the field name only (security.md item 24: never the seed).
 */
export async function resetUserTotp(db: Db, ctx: Ctx, id: number): Promise<User> {
  // Another administrator resets it: one who lost their own factor cannot prove it is them with a session alone.
  if (id === ctx.actor.userId) throw fieldError('id', 'own_account');
  await db.transaction().execute(async (trx) => {
    const row = await loadUser(trx, ctx, id);
    const ok = await repo.updateUserIfVersion(trx, id, row.version, {
      totp_secret: null,
      totp_enrolled_at: null,
      totp_last_step: null,
      totp_pending_secret: null,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT');
    await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx, { action: 'user.reset_totp', objectType: 'user', objectId: id, changedFields: ['totp'] });
  });
  return getUser(db, ctx, id);
}
