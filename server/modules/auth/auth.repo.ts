import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { forgetSession, forgetUserSessions } from './session-cache.ts';

type Q = Kysely<Database>;

export function findUserByUsername(db: Q, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
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
