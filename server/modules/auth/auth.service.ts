import { setTimeout as sleep } from 'node:timers/promises';
import type { Me, Role } from '../../../common/contracts/auth.contract.ts';
import { DomainError } from '../../../common/errors.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/create-db.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import * as repo from './auth.repo.ts';
import { cachedSession, rememberSession } from './session-cache.ts';
import { checkPasswordStrength, dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { newSessionToken, sessionIdOf } from './session-token.ts';

/** What a session still owes before it reaches anything else (sessions.mfa_pending, migration 0016). */
export type MfaPending = 'verify' | 'enroll';

export interface SessionUser {
  sessionId: string;
  actor: Omit<Actor, 'reach'>;
  displayName: string;
  organization: { id: number; name: string; kind: string };
  /** null = a full session; otherwise only the routes that name this state in `config.mfaPending` answer (app.ts). */
  mfaPending: MfaPending | null;
}

/** security.md "Passwords": a TOTP factor is required for officials, i.e. every role but `member`, when MFA=required. */
export function mustEnrollTotp(config: Config, role: string): boolean {
  return config.mfa === 'required' && role !== 'member';
}

/** A session that has passed the password only is short-lived: 5 minutes to type the code, 15 to enrol a new factor. */
const PENDING_MS: Record<MfaPending, number> = { verify: 5 * 60_000, enroll: 15 * 60_000 };

/** Failed attempts (password or code) are slowed down progressively, up to 4 s (security.md item 7). */
export async function slowDownAfterFailure(config: Config, failures: number): Promise<void> {
  if (failures > 0 && config.login.failureDelayMs > 0) {
    await sleep(Math.min(config.login.failureDelayMs * 2 ** (failures - 1), 4000));
  }
}

/** A new session row; the token goes to the cookie, only its SHA-256 to the database (session-token.ts). */
export async function startSession(
  trx: Db,
  config: Config,
  userId: number,
  now: Date,
  mfaPending: MfaPending | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const lifetime = mfaPending ? Math.min(PENDING_MS[mfaPending], config.session.absoluteMs) : config.session.absoluteMs;
  const expiresAt = new Date(now.getTime() + lifetime);
  await repo.insertSession(trx, {
    id: sessionIdOf(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    mfa_pending: mfaPending,
  });
  return { token, expiresAt };
}

/**
 * Logs in; returns a fresh session token (a new id at every login: session rotation, security.md item 10).
 * Failures are audited, slowed down progressively, and lock the account for a while after
 * `maxFailures` (security.md item 7): a locked account refuses even the right password until the lock ends.
 *
 * With a TOTP factor enrolled, a correct password yields only a pending session ('verify') that can do nothing
 * but give the code (totp.service.ts); the failure counter is not reset then, so wrong codes and wrong passwords
 * add up to the same lockout and a known password cannot buy fresh code guesses. An official without a factor
 * where MFA=required gets an 'enroll' session that reaches the enrolment routes only.
 */
export async function login(
  db: Db,
  config: Config,
  ctx: RequestContext,
  input: { username: string; password: string; previousToken?: string },
): Promise<{ token: string; expiresAt: Date; mfaPending: MfaPending | null }> {
  const now = ctx.now;
  const user = await repo.findUserByUsername(db, input.username);
  const refuse = async (code: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'ACCOUNT_DISABLED', failures: number, params = {}) => {
    await appendAuditAlone(db, ctx, {
      action: 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      username: input.username.toLowerCase(),
      outcome: 'failure',
    });
    await slowDownAfterFailure(config, failures);
    throw new DomainError(code, params);
  };

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    return refuse('INVALID_CREDENTIALS', 1);
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    return refuse('ACCOUNT_LOCKED', 0, { until: user.locked_until });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_count + 1;
    const locks = failures >= config.login.maxFailures;
    const lockedUntil = locks ? new Date(now.getTime() + config.login.lockMs).toISOString() : null;
    await repo.recordLoginFailure(db, user.id, locks ? 0 : failures, lockedUntil, now.toISOString());
    return locks ? refuse('ACCOUNT_LOCKED', failures, { until: lockedUntil }) : refuse('INVALID_CREDENTIALS', failures);
  }
  if (user.is_disabled) return refuse('ACCOUNT_DISABLED', 0);

  const mfaPending: MfaPending | null = user.totp_secret ? 'verify' : mustEnrollTotp(config, user.role) ? 'enroll' : null;
  const session = await db.transaction().execute(async (trx) => {
    if (input.previousToken) await repo.deleteSession(trx, sessionIdOf(input.previousToken));
    const started = await startSession(trx, config, user.id, now, mfaPending);
    if (mfaPending === null) await repo.recordLoginSuccess(trx, user.id, now.toISOString());
    else if (mfaPending === 'enroll') await repo.resetLoginFailures(trx, user.id);
    const actor = { ...ctx, actor: null };
    // 'auth.login': in with the password alone; 'auth.login_password': password right, TOTP code awaited;
    // 'auth.login_enrollment': password right, a factor must be enrolled first.
    const action = mfaPending === 'verify' ? 'auth.login_password' : mfaPending === 'enroll' ? 'auth.login_enrollment' : 'auth.login';
    await appendAudit(trx, actor, { action, objectType: 'user', objectId: user.id, username: user.username });
    return started;
  });
  return { ...session, mfaPending };
}

// Writing last_seen_at on every request would make every read a write; a minute of slack on a 15-minute idle timeout is fine.
const TOUCH_EVERY_MS = 60_000;

/** The session's user, or null when unknown, idle too long, past its absolute end, or the account is disabled. */
export async function resolveSession(db: Db, config: Config, token: string, now: Date): Promise<SessionUser | null> {
  const id = sessionIdOf(token);
  const cached = cachedSession(id, now.getTime());
  const row = cached ?? (await repo.findSessionUser(db, id));
  if (!row) return null;
  const idleEnd = new Date(row.last_seen_at).getTime() + config.session.idleMs;
  if (row.is_disabled || now.getTime() >= idleEnd || now.toISOString() >= row.expires_at) {
    await repo.deleteSession(db, id);
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(db, id, now.toISOString());
    rememberSession({ ...row, last_seen_at: now.toISOString() }, now.getTime());
  } else if (!cached) rememberSession(row, now.getTime());
  return {
    sessionId: id,
    displayName: row.display_name,
    organization: { id: row.organization_id, name: row.org_name, kind: row.org_kind },
    mfaPending: row.mfa_pending === 'verify' || row.mfa_pending === 'enroll' ? row.mfa_pending : null,
    actor: {
      userId: row.user_id,
      username: row.username,
      role: row.role as Role,
      organizationId: row.organization_id,
      orgPath: row.org_path,
      personId: row.person_id,
    },
  };
}

export async function logout(db: Db, ctx: RequestContext, sessionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await appendAudit(trx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor?.userId });
  });
}

export async function describeMe(db: Db, s: SessionUser): Promise<Me> {
  const member = s.actor.personId
    ? await db.selectFrom('members').select('id').where('person_id', '=', s.actor.personId).executeTakeFirst()
    : undefined;
  return {
    id: s.actor.userId,
    username: s.actor.username,
    displayName: s.displayName,
    role: s.actor.role,
    organization: s.organization,
    personId: s.actor.personId,
    memberId: member?.id ?? null,
  };
}

/** Changing the password ends every session of the account (security.md item 5) and starts a new one. */
export async function changePassword(
  db: Db,
  config: Config,
  ctx: RequestContext & { actor: Actor },
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; expiresAt: Date }> {
  const user = await repo.findUserByUsername(db, ctx.actor.username);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new DomainError('INVALID_CREDENTIALS');
  }
  const problem = checkPasswordStrength(input.newPassword, [user.username, user.display_name]);
  if (problem) throw new DomainError('WEAK_PASSWORD', { reason: problem });
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: ctx.now.toISOString(), version: user.version + 1 })
      .where('id', '=', user.id)
      .execute();
    await repo.deleteUserSessions(trx, user.id);
    const session = await startSession(trx, config, user.id, ctx.now, null);
    await appendAudit(trx, ctx, { action: 'auth.change_password', objectType: 'user', objectId: user.id, changedFields: ['password'] });
    return session;
  });
}
