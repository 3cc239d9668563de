import { renderSVG } from 'uqr';
import type { TotpEnrollment } from '../../../common/contracts/auth.contract.ts';
import { DomainError } from '../../../common/errors.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/create-db.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import * as repo from './auth.repo.ts';
import { type MfaPending, slowDownAfterFailure, startSession } from './auth.service.ts';
import { checkTotp, generateTotpSecret, otpauthUri } from './totp.ts';

// The TOTP second factor (security.md "Passwords", item 9): the code step of a login, enrolment, confirmation.
// The secret leaves the server once, in the answer that starts enrolment; it is never in an audit row (only the
// names of changed fields are) nor in a log line (request logs carry method, path and id only, app.ts).

type Ctx = RequestContext & { actor: Actor };
type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = 'dangvien';

async function loadUser(db: Db, ctx: Ctx): Promise<UserRow> {
  const user = await repo.findUserById(db, ctx.actor.userId);
  if (!user || user.is_disabled) throw new DomainError('UNAUTHENTICATED');
  return user;
}

function isLocked(user: UserRow, now: Date): boolean {
  return user.locked_until != null && user.locked_until > now.toISOString();
}

/**
 * A wrong (or replayed) code: audited, counted toward the same lockout as wrong passwords (security.md item 7), and
 * slowed down. When the count reaches the limit the account locks and a pending session ends with it.
 */
async function refuseCode(
  db: Db,
  config: Config,
  ctx: Ctx,
  user: UserRow,
  action: string,
  session: { id: string; mfaPending: MfaPending | null },
): Promise<never> {
  const now = ctx.now;
  const failures = user.failed_count + 1;
  const locks = failures >= config.login.maxFailures;
  const lockedUntil = locks ? new Date(now.getTime() + config.login.lockMs).toISOString() : null;
  await repo.recordLoginFailure(db, user.id, locks ? 0 : failures, lockedUntil, now.toISOString());
  if (locks && session.mfaPending) await repo.deleteSession(db, session.id);
  await appendAuditAlone(db, ctx, { action, objectType: 'user', objectId: user.id, outcome: 'failure' });
  await slowDownAfterFailure(config, failures);
  throw locks ? new DomainError('ACCOUNT_LOCKED', { until: lockedUntil }) : new DomainError('INVALID_TOTP_CODE');
}

async function refuseLocked(db: Db, ctx: Ctx, user: UserRow, action: string, session: { id: string; mfaPending: MfaPending | null }): Promise<never> {
  if (session.mfaPending) await repo.deleteSession(db, session.id);
  await appendAuditAlone(db, ctx, { action, objectType: 'user', objectId: user.id, outcome: 'failure' });
  throw new DomainError('ACCOUNT_LOCKED', { until: user.locked_until });
}

/**
 * The second step of a login: the code for the session that passed the password. Success ends the pending session
 * and starts a full one under a new id (session rotation, security.md item 10).
 */
export async function verifyLoginTotp(
  db: Db,
  config: Config,
  ctx: Ctx,
  session: { id: string; mfaPending: MfaPending | null },
  code: string,
): Promise<{ token: string; expiresAt: Date }> {
  if (session.mfaPending !== 'verify') throw new DomainError('CONFLICT');
  const user = await loadUser(db, ctx);
  if (!user.totp_secret) {
    // The factor was reset by an administrator after the password step: start again from the password.
    await repo.deleteSession(db, session.id);
    throw new DomainError('UNAUTHENTICATED');
  }
  if (isLocked(user, ctx.now)) return refuseLocked(db, ctx, user, 'auth.login_totp', session);
  const check = checkTotp(user.totp_secret, code, ctx.now.getTime(), user.totp_last_step);
  if (!check.ok) return refuseCode(db, config, ctx, user, 'auth.login_totp', session);
  const started = await db.transaction().execute(async (trx) => {
    // Another request with the same code may have won the step meanwhile: then this one is the replay.
    if (!(await repo.acceptTotpStep(trx, user.id, check.step, ctx.now.toISOString()))) return null;
    await repo.deleteSession(trx, session.id);
    const fresh = await startSession(trx, config, user.id, ctx.now, null);
    await appendAudit(trx, ctx, { action: 'auth.login_totp', objectType: 'user', objectId: user.id });
    return fresh;
  });
  if (!started) return refuseCode(db, config, ctx, await loadUser(db, ctx), 'auth.login_totp', session);
  return started;
}

/**
 * Starts (or restarts) enrolment: a new random secret kept as pending until a code from it is confirmed. Reachable
 * from an 'enroll' session and, for an account without a factor, from a full one (MFA=optional lets anyone opt in).
 */
export async function startTotpEnrollment(db: Db, ctx: Ctx): Promise<TotpEnrollment> {
  const user = await loadUser(db, ctx);
  if (user.totp_secret) throw new DomainError('TOTP_ALREADY_ENROLLED');
  const secret = generateTotpSecret();
  await db.transaction().execute(async (trx) => {
    await repo.setPendingTotpSecret(trx, user.id, secret, ctx.now.toISOString());
    await appendAudit(trx, ctx, { action: 'auth.totp_enroll', objectType: 'user', objectId: user.id, changedFields: ['totpPendingSecret'] });
  });
  const uri = otpauthUri(TOTP_ISSUER, user.username, secret);
  // Drawn here so the web bundle carries no QR library and nothing is fetched from elsewhere (no egress).
  return { secret, otpauthUri: uri, qrSvg: renderSVG(uri, { ecc: 'M', border: 2 }) };
}

/**
 * Confirms enrolment with a code from the new secret: the factor becomes the account's, the code's step counts as
 * used, every session of the account ends and a full one starts under a new id.
 */
export async function confirmTotpEnrollment(
  db: Db,
  config: Config,
  ctx: Ctx,
  session: { id: string; mfaPending: MfaPending | null },
  code: string,
): Promise<{ token: string; expiresAt: Date }> {
  const user = await loadUser(db, ctx);
  if (user.totp_secret) throw new DomainError('TOTP_ALREADY_ENROLLED');
  const pending = user.totp_pending_secret;
  if (!pending) throw new DomainError('TOTP_ENROLLMENT_NOT_STARTED');
  if (isLocked(user, ctx.now)) return refuseLocked(db, ctx, user, 'auth.totp_confirm', session);
  const check = checkTotp(pending, code, ctx.now.getTime(), null);
  if (!check.ok) return refuseCode(db, config, ctx, user, 'auth.totp_confirm', session);
  return db.transaction().execute(async (trx) => {
    const isLogin = session.mfaPending === 'enroll';
    if (!(await repo.confirmTotpSecret(trx, user.id, pending, check.step, ctx.now.toISOString(), isLogin))) {
      throw new DomainError('CONFLICT');
    }
    await repo.deleteUserSessions(trx, user.id);
    const fresh = await startSession(trx, config, user.id, ctx.now, null);
    await appendAudit(trx, ctx, { action: 'auth.totp_confirm', objectType: 'user', objectId: user.id, changedFields: ['totpSecret'] });
    return fresh;
  });
}
