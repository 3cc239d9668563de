import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Time-based one-time passwords, RFC 6238 over RFC 4226 (HOTP): HMAC-SHA1, 30-second steps from the Unix epoch,
// 6 digits. Pure functions of (secret, time); the clock is a parameter (architecture principle 6). node:crypto is
// why this lives on the server and not in common/rules.

/** RFC 6238 §4: X = 30 s, T0 = 0. */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** security.md item 9: a code is valid for the previous, the current and the next step only (clock drift). */
export const TOTP_WINDOW = 1;
/** RFC 4226 §4 R6: a shared secret of at least 128 bits; 160 bits is the length of an HMAC-SHA1 key. */
export const TOTP_SECRET_BYTES = 20;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 §6 base32 without padding (what authenticator apps expect in an otpauth:// URI). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces and padding (a secret typed by hand in groups of four). */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error('invalid base32');
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new shared secret: 20 random bytes, base32 (32 characters). */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES));
}

/** RFC 6238 §4.2: T = floor((unix time − T0) / X). */
export function totpStepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS);
}

/** RFC 4226 §5.3: HOTP(K, C) = Truncate(HMAC-SHA-1(K, C)) mod 10^digits, C as an 8-byte big-endian counter. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code of a base32 secret at one time step. */
export function totpCode(secretBase32: string, step: number, digits = TOTP_DIGITS): string {
  return hotp(base32Decode(secretBase32), step, digits);
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'mismatch' | 'replayed' };

/**
 * Checks a code against the steps now−1, now and now+1 (security.md item 9). A code is accepted once: a step at or
 * below `lastStep` (the last one accepted for this account) is a replay and refused, so neither the same code nor
 * an older one still inside the window can be used after a newer one was.
 */
export function checkTotp(secretBase32: string, code: string, nowMs: number, lastStep: number | null): TotpCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'mismatch' };
  const key = base32Decode(secretBase32);
  const now = totpStepAt(nowMs);
  const given = Buffer.from(code);
  let replayed = false;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    if (!timingSafeEqual(Buffer.from(hotp(key, step)), given)) continue;
    if (lastStep !== null && step <= lastStep) {
      replayed = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: replayed ? 'replayed' : 'mismatch' };
}

/**
 * The Key Uri Format authenticator apps read from a QR code (otpauth://totp/Issuer:account?secret=…&issuer=…).
 * The parameters are the defaults spelled out, so every app agrees on them.
 */
export function otpauthUri(issuer: string, account: string, secretBase32: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const q = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${q.toString()}`;
}
