import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { forgetSession, forgetUserSessions } from './session-cache.ts';

type Q = Kysely<Database>;

export function findUserByUsername(db: Q, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Q, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSessionUser(db: Q, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.mfa_pending',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.organization_id',
      'users.person_id',
      'users.is_disabled',
      'organizations.path as org_path',
      'organizations.name as org_name',
      'organizations.kind as org_kind',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export async function insertSession(db: Q, row: Database['sessions']) {
  await db.insertInto('sessions').values(row).execute();
}

export async function touchSession(db: Q, sessionId: string, at: string) {
  forgetSession(sessionId);
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Q, sessionId: string) {
  forgetSession(sessionId);
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Q, userId: number) {
  forgetUserSessions(userId);
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function recordLoginFailure(db: Q, userId: number, failedCount: number, lockedUntil: string | null, at: string) {
  await db
    .updateTable('users')
    .set({ failed_count: failedCount, locked_until: lockedUntil, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

export async function recordLoginSuccess(db: Q, userId: number, at: string) {
  await db
    .updateTable('users')
    .set({ failed_count: 0, locked_until: null, last_login_at: at })
    .where('id', '=', userId)
    .execute();
}

/** A correct password while a second factor is still owed: the failure counter stays as it is (see login). */
export async function resetLoginFailures(db: Q, userId: number) {
  await db.updateTable('users').set({ failed_count: 0, locked_until: null }).where('id', '=', userId).execute();
}

/**
 * Records an accepted TOTP step and completes the login, compare-and-set on the last accepted step: of two requests
 * carrying the same code at once, exactly one succeeds (security.md item 9: a code works once).
 */
export async function acceptTotpStep(db: Q, userId: number, step: number, at: string): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_last_step: step, failed_count: 0, locked_until: null, last_login_at: at })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function setPendingTotpSecret(db: Q, userId: number, secret: string, at: string) {
  await db.updateTable('users').set({ totp_pending_secret: secret, updated_at: at }).where('id', '=', userId).execute();
}

/** Turns the pending secret into the account's factor, if it is still the one the code was checked against. */
export async function confirmTotpSecret(db: Q, userId: number, pendingSecret: string, step: number, at: string, isLogin: boolean): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({
      totp_secret: pendingSecret,
      totp_pending_secret: null,
      totp_enrolled_at: at,
      totp_last_step: step,
      failed_count: 0,
      locked_until: null,
      updated_at: at,
      ...(isLogin ? { last_login_at: at } : {}),
    })
    .where('id', '=', userId)
    .where('totp_secret', 'is', null)
    .where('totp_pending_secret', '=', pendingSecret)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
