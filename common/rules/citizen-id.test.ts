import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CITIZEN_ID_PROVINCE_CODES, centuryGenderDigit, maskCitizenId, validateCitizenId } from './citizen-id.ts';
import { formatIsoDate } from './iso-date.ts';

const provinceCode = fc.constantFrom(...Object.keys(CITIZEN_ID_PROVINCE_CODES));
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

describe('province codes (Thông tư 07/2016/TT-BCA Phụ lục 1; Thông tư 59/2021/TT-BCA)', () => {
  it('lists the 63 provinces with three-digit codes from 001 to 096', () => {
    const codes = Object.keys(CITIZEN_ID_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(new Set(Object.values(CITIZEN_ID_PROVINCE_CODES)).size).toBe(63);
    expect(codes.every((c) => /^0[0-9]{2}$/.test(c))).toBe(true);
    expect(codes[0]).toBe('001');
    expect(codes[codes.length - 1]).toBe('096');
    expect(CITIZEN_ID_PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
    expect(CITIZEN_ID_PROVINCE_CODES['066']).toBe('Đắk Lắk');
    expect(CITIZEN_ID_PROVINCE_CODES['064']).toBe('Gia Lai');
    expect(CITIZEN_ID_PROVINCE_CODES['003']).toBeUndefined();
  });
});

describe('validateCitizenId (Nghị định 137/2015/NĐ-CP Art. 7; Thông tư 07/2016/TT-BCA)', () => {
  it('accepts a well-formed number', () => {
    expect(validateCitizenId('001089012345')).toEqual({ ok: true });
    expect(validateCitizenId('079303000123')).toEqual({ ok: true });
  });

  it('rejects anything but exactly 12 ASCII digits', () => {
    for (const id of ['', '00108901234', '0010890123456', '001 089 012 345', '00108901234a', '００１０８９０１２３４５', ' 001089012345']) {
      expect(validateCitizenId(id)).toEqual({ ok: false, code: 'CITIZEN_ID_FORMAT' });
    }
  });

  it('rejects a code that is no province', () => {
    expect(validateCitizenId('003089012345')).toEqual({ ok: false, code: 'CITIZEN_ID_PROVINCE' });
    expect(validateCitizenId('000089012345')).toEqual({ ok: false, code: 'CITIZEN_ID_PROVINCE' });
    expect(validateCitizenId('097089012345')).toEqual({ ok: false, code: 'CITIZEN_ID_PROVINCE' });
  });

  it('checks gender and century against the person', () => {
    // 0 = man born 1900–1999, 1 = woman 1900–1999, 2 = man 2000–2099, 3 = woman 2000–2099
    expect(validateCitizenId('001089012345', { birthDate: '1989-05-01', gender: 'male' })).toEqual({ ok: true });
    expect(validateCitizenId('001189012345', { birthDate: '1989-05-01', gender: 'female' })).toEqual({ ok: true });
    expect(validateCitizenId('001205012345', { birthDate: '2005-12-31', gender: 'male' })).toEqual({ ok: true });
    expect(validateCitizenId('001305012345', { birthDate: '2005-12-31', gender: 'female' })).toEqual({ ok: true });
    expect(validateCitizenId('001089012345', { gender: 'female' })).toEqual({ ok: false, code: 'CITIZEN_ID_CENTURY_GENDER' });
    expect(validateCitizenId('001189012345', { gender: 'male' })).toEqual({ ok: false, code: 'CITIZEN_ID_CENTURY_GENDER' });
    expect(validateCitizenId('001289012345', { birthDate: '1989-05-01' })).toEqual({ ok: false, code: 'CITIZEN_ID_CENTURY_GENDER' });
    expect(validateCitizenId('001005012345', { birthDate: '2005-05-01' })).toEqual({ ok: false, code: 'CITIZEN_ID_CENTURY_GENDER' });
  });

  it('checks the two year digits against the birth date', () => {
    expect(validateCitizenId('001090012345', { birthDate: '1989-05-01' })).toEqual({ ok: false, code: 'CITIZEN_ID_BIRTH_YEAR' });
    expect(validateCitizenId('001100012345', { birthDate: '1900-01-01', gender: 'female' })).toEqual({ ok: true });
  });

  it('accepts every generated valid number, also against its own birth date and gender', () => {
    fc.assert(
      fc.property(
        provinceCode,
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom('male' as const, 'female' as const),
        digits(6),
        (province, year, gender, serial) => {
          const id = `${province}${centuryGenderDigit(year, gender)}${String(year % 100).padStart(2, '0')}${serial}`;
          expect(validateCitizenId(id)).toEqual({ ok: true });
          expect(validateCitizenId(id, { birthDate: formatIsoDate(year, 6, 15), gender })).toEqual({ ok: true });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects every string that is not 12 digits', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), digits(11), digits(13), fc.string({ minLength: 12, maxLength: 12 })),
        (s) => {
          fc.pre(!/^[0-9]{12}$/.test(s));
          expect(validateCitizenId(s)).toEqual({ ok: false, code: 'CITIZEN_ID_FORMAT' });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('centuryGenderDigit', () => {
  it('covers the 20th to the 24th century', () => {
    expect(centuryGenderDigit(1999, 'male')).toBe(0);
    expect(centuryGenderDigit(2000, 'female')).toBe(3);
    expect(centuryGenderDigit(2100, 'male')).toBe(4);
    expect(centuryGenderDigit(2399, 'female')).toBe(9);
    expect(centuryGenderDigit(1899, 'male')).toBeNull();
    expect(centuryGenderDigit(2400, 'male')).toBeNull();
  });
});

describe('maskCitizenId', () => {
  it('keeps only the last 4 digits', () => {
    expect(maskCitizenId('001089012345')).toBe('••••••••2345');
    expect(maskCitizenId('123')).toBe('•••');
    expect(maskCitizenId('')).toBe('');
  });
});
