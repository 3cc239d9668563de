import type { findSessionUser } from './auth.repo.ts';

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

/**
 * A short-lived in-process copy of session rows, so a logged-in request does not pay a database round trip
 * for its session (bench/RESULTS.md: the session lookup was most of a cheap route's cost). Timeouts are still
 * checked on every request against the cached times; every deletion of a session in this process forgets it
 * at once (logout, password change, disabling or re-scoping an account). Another process sharing a
 * PostgreSQL database sees such a change at most TTL_MS later.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const entries = new Map<string, { row: SessionRow; cachedAt: number }>();

export function cachedSession(id: string, nowMs: number): SessionRow | null {
  const e = entries.get(id);
  if (!e) return null;
  if (nowMs - e.cachedAt > TTL_MS || nowMs < e.cachedAt) {
    entries.delete(id);
    return null;
  }
  return e.row;
}

export function rememberSession(row: SessionRow, nowMs: number): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(row.session_id, { row, cachedAt: nowMs });
}

export function forgetSession(id: string): void {
  entries.delete(id);
}

export function forgetUserSessions(userId: number): void {
  for (const [id, e] of entries) if (e.row.user_id === userId) entries.delete(id);
}
