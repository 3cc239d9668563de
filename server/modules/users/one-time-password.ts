import { randomInt } from 'node:crypto';
import { checkPasswordStrength } from '../auth/password.ts';

// Letters and digits an administrator can read aloud or copy by hand without confusion (no 0/O, 1/l/I).
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 16; // 16 symbols of 56 ≈ 93 bits, far above the 8-character minimum of security.md item 8

/** A random initial or reset password, shown to the administrator once and stored only as its hash. */
export function generateOneTimePassword(): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    if (checkPasswordStrength(s) === null) return s;
  }
}
