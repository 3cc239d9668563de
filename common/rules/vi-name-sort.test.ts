import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitVietnameseName, vietnameseSortKey } from './vi-name-sort.ts';

/** Sorts as a database would with BINARY / COLLATE "C": plain code-unit comparison of the stored key. */
function sortByKey(names: string[]): string[] {
  return [...names].sort((a, b) => {
    const ka = vietnameseSortKey(a);
    const kb = vietnameseSortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

describe('splitVietnameseName', () => {
  it('reads family + middle names + given name', () => {
    expect(splitVietnameseName('Nguyễn Văn An')).toEqual({ family: 'Nguyễn', middle: 'Văn', given: 'An' });
    expect(splitVietnameseName('  Tôn Nữ Thị   Minh  Khai ')).toEqual({ family: 'Tôn', middle: 'Nữ Thị Minh', given: 'Khai' });
  });

  it('handles two-word, one-word and empty names', () => {
    expect(splitVietnameseName('Ha Sen')).toEqual({ family: 'Ha', middle: '', given: 'Sen' });
    expect(splitVietnameseName("Ksor H'Bia")).toEqual({ family: 'Ksor', middle: '', given: "H'Bia" });
    expect(splitVietnameseName("H'Hen")).toEqual({ family: '', middle: '', given: "H'Hen" });
    expect(splitVietnameseName('   ')).toEqual({ family: '', middle: '', given: '' });
  });

  it('splits Central Highlands names by position', () => {
    expect(splitVietnameseName('Rơ Mah Lan')).toEqual({ family: 'Rơ', middle: 'Mah', given: 'Lan' });
    expect(splitVietnameseName('Kpă Thị Hoa')).toEqual({ family: 'Kpă', middle: 'Thị', given: 'Hoa' });
    // Ê-đê names carry the clan last; the positional split still treats the last word as the one lists sort by
    expect(splitVietnameseName('Y Moan Ênuôl')).toEqual({ family: 'Y', middle: 'Moan', given: 'Ênuôl' });
  });

  it('ignores stray punctuation tokens', () => {
    expect(splitVietnameseName('Nguyễn Văn - An')).toEqual({ family: 'Nguyễn', middle: 'Văn', given: 'An' });
  });
});

describe('vietnameseSortKey', () => {
  it('orders by given name, then middle names, then family name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An', 'Nguyễn Văn Ánh', 'Phạm Đức Dũng', 'Đỗ Thị Dung'];
    // Given names equal (An), so the middle names decide: 'Thị' < 'Văn'. 'Dũng' precedes 'Dung' here because
    // the middle names already differ in base letters ('Đức' < 'Thị'); the tone only breaks ties of whole names.
    expect(sortByKey(names)).toEqual([
      'Nguyễn Thị An',
      'Lê Văn An',
      'Nguyễn Văn Ánh',
      'Trần Văn Bình',
      'Phạm Đức Dũng',
      'Đỗ Thị Dung',
    ]);
  });

  it('breaks ties by tone: ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(sortByKey(['Đỗ Thị Dũng', 'Đỗ Thị Dung'])).toEqual(['Đỗ Thị Dung', 'Đỗ Thị Dũng']);
    const tones = ['Lê Văn Mạ', 'Lê Văn Má', 'Lê Văn Mã', 'Lê Văn Mả', 'Lê Văn Mà', 'Lê Văn Ma'];
    expect(sortByKey(tones)).toEqual([...tones].reverse());
    // the given name's tone outranks the family name's
    expect(sortByKey(['Lê Văn Mà', 'Lé Văn Ma'])).toEqual(['Lé Văn Ma', 'Lê Văn Mà']);
  });

  it('puts every Đ after every D, and ư after u', () => {
    const names = ['Lê Thị Đào', 'Trần Đình Đạt', 'Mai Văn Dương', 'Vũ Văn Dũng', 'Hà Thị Duyên'];
    expect(sortByKey(names)).toEqual(['Vũ Văn Dũng', 'Hà Thị Duyên', 'Mai Văn Dương', 'Lê Thị Đào', 'Trần Đình Đạt']);
  });

  it('follows the alphabet a ă â … o ô ơ … u ư', () => {
    const names = ['Lê Ơn', 'Lê Ôn', 'Lê On', 'Lê Ân', 'Lê Ăn', 'Lê An', 'Lê Ưng', 'Lê Ung', 'Lê Em', 'Lê Ênh'];
    expect(sortByKey(names)).toEqual(['Lê An', 'Lê Ăn', 'Lê Ân', 'Lê Em', 'Lê Ênh', 'Lê On', 'Lê Ôn', 'Lê Ơn', 'Lê Ung', 'Lê Ưng']);
  });

  it('sorts a shorter word or field before a longer one that begins with it', () => {
    expect(sortByKey(['Lê Văn Anh', 'Lê Văn An'])).toEqual(['Lê Văn An', 'Lê Văn Anh']);
    expect(sortByKey(['Lê Văn Minh An', 'Lê Văn An', 'Lê Vănh An'])).toEqual(['Lê Văn An', 'Lê Văn Minh An', 'Lê Vănh An']);
    expect(sortByKey(['Nguyễn An', 'An', 'Nguyễn Văn An'])).toEqual(['An', 'Nguyễn An', 'Nguyễn Văn An']);
  });

  it('sorts Central Highlands names with the rest', () => {
    const names = ['Ha Sen', 'Nguyễn Thị Lan', "Ksor H'Bia", 'Rơ Mah Lan', 'Kpă Thị Hoa', 'Y Moan Ênuôl', "H'Hen"];
    expect(sortByKey(names)).toEqual([
      'Y Moan Ênuôl',
      "Ksor H'Bia",
      "H'Hen",
      'Kpă Thị Hoa',
      'Rơ Mah Lan',
      'Nguyễn Thị Lan',
      'Ha Sen',
    ]);
  });

  it('ignores case, spacing, apostrophe style, Unicode form and old/new tone placement', () => {
    const same = (a: string, b: string) => expect(vietnameseSortKey(a)).toBe(vietnameseSortKey(b));
    same('Nguyễn Văn An', '  nguyễn   VĂN an ');
    same("Ksor H'Bia", 'Ksor H\u2019Bia');
    same('Trần Thị Hòa', 'Trần Thị Hoà');
    same('Phạm Thị Thúy', 'Phạm Thị Thuý');
    same('Đặng Quốc Việt'.normalize('NFD'), 'Đặng Quốc Việt'.normalize('NFC'));
  });

  it('is ASCII and its byte order equals a field-by-field reference comparison', () => {
    const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
    const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
    const syllable = fc.record({
      onset: fc.constantFrom('', 'Ng', 'Đ', 'D', 'Th', 'Tr', 'H', 'K', 'L', 'Kp'),
      vowel: fc.constantFrom('a', 'ă', 'â', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'i', 'y', 'uyê', 'ươ'),
      tone: fc.integer({ min: 0, max: 5 }),
      coda: fc.constantFrom('', 'n', 'ng', 'nh', 't', 'c'),
    });
    const nameArb = fc.array(syllable, { minLength: 1, maxLength: 5 });
    type Syllable = { onset: string; vowel: string; tone: number; coda: string };
    const text = (ws: Syllable[]) =>
      ws.map((w) => (w.onset + w.vowel[0] + TONES[w.tone] + w.vowel.slice(1) + w.coda).normalize('NFC')).join(' ');
    const compareArrays = (a: number[], b: number[]) => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
      return a.length - b.length;
    };
    // given, middle, family; each word as alphabet positions; then all tones in the same word order
    const reference = (ws: Syllable[]) => {
      const fields = ws.length === 1 ? [ws, [], []] : [ws.slice(-1), ws.slice(1, -1), ws.slice(0, 1)];
      const letters = (w: Syllable) => [...(w.onset + w.vowel + w.coda).toLowerCase()].map((c) => ALPHABET.indexOf(c) + 1);
      return { fields: fields.map((f) => f.map(letters)), tones: fields.flat().map((w) => w.tone) };
    };
    const compareReference = (a: Syllable[], b: Syllable[]) => {
      const ra = reference(a);
      const rb = reference(b);
      for (let f = 0; f < 3; f++) {
        const wa = ra.fields[f];
        const wb = rb.fields[f];
        for (let i = 0; i < Math.min(wa.length, wb.length); i++) {
          const c = compareArrays(wa[i], wb[i]);
          if (c !== 0) return Math.sign(c);
        }
        if (wa.length !== wb.length) return Math.sign(wa.length - wb.length);
      }
      return Math.sign(compareArrays(ra.tones, rb.tones));
    };
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        const ka = vietnameseSortKey(text(a));
        const kb = vietnameseSortKey(text(b));
        expect(/^[0-9]*$/.test(ka)).toBe(true);
        expect(ka < kb ? -1 : ka > kb ? 1 : 0).toBe(compareReference(a, b));
      }),
      { numRuns: 1000 },
    );
  });
});
