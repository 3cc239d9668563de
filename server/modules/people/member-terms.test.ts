import { describe, expect, it } from 'vitest';
import { memberTermKeysOf, storedTermsOf } from './member-terms.ts';

describe('member terms', () => {
  it('stores words, and pairs and triples of adjacent non-digit words marked by leading spaces', () => {
    expect(storedTermsOf('nguyen van an 068090001234 12345678').sort()).toEqual(
      ['  nguyen van an', ' nguyen van', ' van an', '068090001234', '12345678', 'an', 'nguyen', 'van'].sort(),
    );
  });

  it('needs, for a full name, the triple with the last word as a prefix, covering the whole query', () => {
    expect(memberTermKeysOf('nguyen van an')).toEqual([{ term: '  nguyen van an', isPrefix: true, coversQuery: true }]);
    expect(memberTermKeysOf('an')).toEqual([{ term: 'an', isPrefix: true, coversQuery: true }]);
    expect(memberTermKeysOf('068090001234')).toEqual([{ term: '068090001234', isPrefix: true, coversQuery: true }]);
  });

  it('needs every triple of a longer name, and digits words on their own', () => {
    expect(memberTermKeysOf('nguyen thi thu ha')).toEqual([
      { term: '  nguyen thi thu', isPrefix: false, coversQuery: false },
      { term: '  thi thu ha', isPrefix: true, coversQuery: false },
    ]);
    expect(memberTermKeysOf('an 0680 le')).toEqual([
      { term: 'an', isPrefix: false, coversQuery: false },
      { term: '0680', isPrefix: false, coversQuery: false },
      { term: 'le', isPrefix: true, coversQuery: false },
    ]);
  });

  it('every key of a query is a stored term (or a prefix of one) of any text that matches the query', () => {
    const text = 'ksor h\'bia thi thu ha 068090001234 0042';
    for (const q of ["ksor h'bia", "h'bia thi th", 'thi thu ha 0680', '0042', 'ha 068090001234 00']) {
      for (const key of memberTermKeysOf(q)) {
        const stored = storedTermsOf(text);
        expect(stored.some((t) => (key.isPrefix ? t.startsWith(key.term) : t === key.term))).toBe(true);
      }
    }
  });
});
