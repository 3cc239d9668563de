import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits (≥ 128 required by security.md item 10), base64url in the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the SHA-256 of the token is stored: a stolen database does not yield live sessions. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
