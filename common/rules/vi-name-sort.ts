// Vietnamese name order for lists (architecture principle 9: a stored `sort_key`). Official lists of
// people are ordered by given name (tên), then middle names (đệm), then family name (họ), letter by
// letter in the Vietnamese alphabet, with the tone only breaking ties between otherwise equal names.
// The key is ASCII so that plain byte comparison (SQLite BINARY, PostgreSQL COLLATE "C", JS `<`) sorts
// correctly on every engine without an ICU collation.

export interface VietnameseName {
  family: string;
  middle: string;
  given: string;
}

// The 29 letters of the Vietnamese alphabet, with f, j, w, z placed in Latin order because they occur in
// ethnic-minority names (H'Wen, Y Jut, …) and foreign names; digits sort before letters.
const ALPHABET = [
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
  'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];
// Fixed two-digit codes 20…62; any other letter (ø, ß, ł, Han characters …) sorts after them all.
const LETTER_CODE = new Map(ALPHABET.map((letter, i) => [letter, String(20 + i)]));
const OTHER_LETTER_CODE = '99';
// One-character separators, lower than the first digit of every letter code, so a shorter word or field
// sorts before a longer one that begins with it ('An' < 'Anh', middle 'Văn' < 'Văn Minh').
const FIELD_END = '0';
const WORD_SEPARATOR = '1';

// NFD splits 'ặ' into 'a' + dot below + breve: the breve, circumflex and horn make a different letter …
const LETTER_MODIFIERS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031B': { o: 'ơ', u: 'ư' },
};
// … while the five tone marks only break ties, in the order ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_OF_MARK: Record<string, string> = {
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/** Words of the name: whitespace-separated tokens that contain a letter or digit (a stray '-' is not a word). */
function nameWords(full: string): string[] {
  return full
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter((word) => LETTER_OR_DIGIT.test(word));
}

/**
 * Positional split: first word = family name, last word = given name, the rest = middle names.
 * It cannot know naming systems that put the clan name last (Ê-đê, Mnông: 'Y Moan Ênuôl' has the clan
 * Ênuôl last), so such names sort by their last word, as they do in lists typed in practice.
 */
export function splitVietnameseName(full: string): VietnameseName {
  const words = nameWords(full);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] };
  return { family: words[0], middle: words.slice(1, -1).join(' '), given: words[words.length - 1] };
}

/** Base letters of one word as codes, and the word's tone digit (one tone per syllable, wherever it is placed: 'Hòa' = 'Hoà'). */
function encodeWord(word: string): { letters: string; tone: string } {
  const letters: string[] = [];
  let tone = '0';
  let last: string | null = null; // the letter the next combining marks belong to
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (MARK.test(ch)) {
      const modified: string | undefined = last === null ? undefined : LETTER_MODIFIERS[ch]?.[last];
      if (modified !== undefined) {
        last = modified;
        letters[letters.length - 1] = modified;
      } else if (tone === '0' && TONE_OF_MARK[ch] !== undefined) {
        tone = TONE_OF_MARK[ch];
      }
    } else if (LETTER_OR_DIGIT.test(ch)) {
      last = ch === 'ð' ? 'đ' : ch; // ð: Đ as converted from legacy encodings (see normalize-vi.ts)
      letters.push(last);
    } else {
      last = null; // apostrophes and hyphens (H'Bia, K'Brơi) are ignored in the order
    }
  }
  return { letters: letters.map((l) => LETTER_CODE.get(l) ?? OTHER_LETTER_CODE).join(''), tone };
}

/**
 * An ASCII key whose byte order is Vietnamese list order: given name, then middle names, then family name
 * by base letters (a ă â b c d đ e ê … ư v x y), then the tones of the words in the same order.
 */
export function vietnameseSortKey(full: string): string {
  const { family, middle, given } = splitVietnameseName(full);
  let base = '';
  let tones = '';
  for (const field of [given, middle, family]) {
    const words = field === '' ? [] : field.split(' ').map(encodeWord);
    base += words.map((w) => w.letters).join(WORD_SEPARATOR) + FIELD_END;
    tones += words.map((w) => w.tone).join('');
  }
  // Tones are compared only when every base letter is equal, so both keys then have one digit per word.
  return base + tones;
}
