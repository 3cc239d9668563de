import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSearchText, normalizeVi } from './normalize-vi.ts';

describe('normalizeVi (architecture principle 9: search_text)', () => {
  it('folds accents, case, đ and spacing', () => {
    expect(normalizeVi('Nguyễn Văn An')).toBe('nguyen van an');
    expect(normalizeVi('  NGUYEN  van an ')).toBe('nguyen van an');
    expect(normalizeVi('Đỗ Thị Dũng')).toBe('do thi dung');
    expect(normalizeVi('ĐẶNG ĐỨC ĐẠT')).toBe('dang duc dat');
    expect(normalizeVi('Trương Ưng Ơn')).toBe('truong ung on');
    expect(normalizeVi('Ksor H\u2019Bia')).toBe('ksor h\u2019bia');
    expect(normalizeVi('Y Moan Ênuôl')).toBe('y moan enuol');
  });

  it('treats precomposed (NFC) and decomposed (NFD) input alike', () => {
    const nfc = 'Phạm Thị Hoà Bình'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(normalizeVi(nfd)).toBe(normalizeVi(nfc));
  });

  it('maps the legacy-encoding eth (U+00D0) to d', () => {
    expect(normalizeVi('\u00D0ào')).toBe('dao');
  });

  it('leaves no mark from capitals whose lower case carries one', () => {
    expect(normalizeVi('İSTANBUL')).toBe('istanbul');
  });

  it('collapses tabs, newlines and no-break spaces', () => {
    expect(normalizeVi('Lê\tVăn\n\u00A0Tám')).toBe('le van tam');
  });

  it('is idempotent and yields no combining marks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeVi(s);
        expect(normalizeVi(once)).toBe(once);
        expect(/\p{M}/u.test(once)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('buildSearchText', () => {
  it('joins normalized non-empty parts with one space', () => {
    expect(buildSearchText(['Nguyễn Văn An', null, '  ', undefined, '001089012345', 'Chi bộ Khu phố 3'])).toBe(
      'nguyen van an 001089012345 chi bo khu pho 3',
    );
    expect(buildSearchText([])).toBe('');
    expect(buildSearchText([null, ''])).toBe('');
  });
});
