import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, checkTotp, generateTotpSecret, hotp, otpauthUri, totpCode, totpStepAt } from './totp.ts';

// RFC 6238 Appendix B (SHA-1 rows) and RFC 4226 Appendix D: the secret is the ASCII string "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_KEY_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238, security.md item 9)', () => {
  it('encodes and decodes base32 (RFC 4648 §10 vectors, no padding)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('fooba'))).toBe('MZXW6YTB');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi==').toString()).toBe('foobar');
    expect(base32Encode(RFC_KEY)).toBe(RFC_KEY_BASE32);
    expect(() => base32Decode('ABC1')).toThrow();
  });

  it('matches the HOTP values of RFC 4226 Appendix D', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, c) => hotp(RFC_KEY, c))).toEqual(expected);
  });

  it('matches the SHA-1 test vectors of RFC 6238 Appendix B (8 digits, and their last 6)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) {
      const step = totpStepAt(seconds * 1000);
      expect(hotp(RFC_KEY, step, 8), `T=${seconds}`).toBe(code);
      expect(totpCode(RFC_KEY_BASE32, step), `T=${seconds}`).toBe(code.slice(2));
    }
  });

  it('makes 32-character secrets of 160 random bits', () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(a);
  });

  it('accepts the previous, current and next step, refuses two steps away', () => {
    const now = 1_781_000_000_000;
    const step = totpStepAt(now);
    for (const d of [-1, 0, 1]) expect(checkTotp(RFC_KEY_BASE32, totpCode(RFC_KEY_BASE32, step + d), now, null)).toEqual({ ok: true, step: step + d });
    for (const d of [-2, 2]) expect(checkTotp(RFC_KEY_BASE32, totpCode(RFC_KEY_BASE32, step + d), now, null)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a replay: the accepted step and every earlier one', () => {
    const now = 1_781_000_000_000;
    const step = totpStepAt(now);
    const code = totpCode(RFC_KEY_BASE32, step);
    expect(checkTotp(RFC_KEY_BASE32, code, now, step - 1)).toEqual({ ok: true, step });
    expect(checkTotp(RFC_KEY_BASE32, code, now, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotp(RFC_KEY_BASE32, totpCode(RFC_KEY_BASE32, step - 1), now, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotp(RFC_KEY_BASE32, totpCode(RFC_KEY_BASE32, step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses anything but six digits', () => {
    const now = 1_781_000_000_000;
    const code = totpCode(RFC_KEY_BASE32, totpStepAt(now));
    for (const bad of ['', `${code}0`, code.slice(1), ` ${code}`, '12345a', '１２３４５６']) {
      expect(checkTotp(RFC_KEY_BASE32, bad, now, null).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('writes the otpauth:// URI authenticator apps read', () => {
    expect(otpauthUri('dangvien', 'bi.thu', RFC_KEY_BASE32)).toBe(
      `otpauth://totp/dangvien:bi.thu?secret=${RFC_KEY_BASE32}&issuer=dangvien&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
