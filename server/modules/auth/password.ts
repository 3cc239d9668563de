import { hash, verify } from '@node-rs/argon2';
import { normalizeVi } from '../../../common/rules/normalize-vi.ts';

// argon2id at OWASP's minimum (m = 19 MiB, t = 2, p = 1): security.md "Passwords", ASVS V11.4.2.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS as never);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A hash of a random secret, verified against when the username is unknown, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-user-${Math.random()}`);
  return dummyHash;
}

// The most common passwords (top of public breach lists) and words of this context (security.md item 8).
const COMMON = `123456 123456789 12345678 password qwerty123 qwerty 12345 1234567 111111 1234567890 123123 abc123 1234
password1 iloveyou 1q2w3e4r 000000 qwertyuiop 123321 654321 666666 987654321 123qwe 7777777 1qaz2wsx 123abc 88888888
11111111 12341234 112233 121212 aaaaaa 159753 asdfgh zxcvbnm passw0rd trustno1 dragon monkey letmein football
sunshine princess welcome shadow superman michael master admin admin123 administrator root toor changeme default
anhyeuem matkhau matkhau123 vietnam vietnam123 hanoi saigon hochiminh 11223344 abcd1234 a123456 123456a 1234qwer
qwer1234 zaq12wsx 147258369 147258 258369 789456 456789 999999 555555 222222 333333 444444 101010 696969 00000000
giadinh yeuem emyeuanh thanhcong tuonglai hanhphuc hoilamgi`.split(/\s+/);
const CONTEXT = ['dangvien', 'dangcongsan', 'dangcongsanvietnam', 'chibo', 'dangbo', 'dangphi', 'thunghiem', 'bithu'];

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_context';

/** ≥ 8 and ≤ 128 characters, no composition rules, common and context words refused (security.md item 8). */
export function checkPasswordStrength(password: string, context: string[] = []): PasswordProblem | null {
  const chars = [...password.normalize('NFC')].length;
  if (chars < 8) return 'too_short';
  if (chars > 128) return 'too_long';
  const flat = normalizeVi(password).replace(/[^a-z0-9]/g, '');
  if (COMMON.includes(password.toLowerCase()) || COMMON.includes(flat)) return 'common';
  const words = [...CONTEXT, ...context.map((c) => normalizeVi(c).replace(/[^a-z0-9]/g, ''))].filter((w) => w.length >= 4);
  if (words.some((w) => flat.includes(w))) return 'contains_context';
  return null;
}
