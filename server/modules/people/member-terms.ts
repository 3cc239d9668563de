// Which member_terms keys a search text needs (the query side of server/db/search-dialect.ts, which
// derives the stored terms in SQL the same way): words, and pairs/triples of adjacent words that are not
// all digits, marked by one and two leading spaces.

export interface MemberTermKey {
  /** The stored term, or the prefix of the stored terms when `isPrefix`. */
  term: string;
  /** The key ends with the query's last word, which the user may not have finished typing. */
  isPrefix: boolean;
  /** The key is the whole query: its postings are exactly the matches, no text test needed. */
  coversQuery: boolean;
}

/** Terms longer than this many words are not stored. */
export const MAX_TERM_WORDS = 3;

const hasNonDigit = (w: string) => /[^0-9]/.test(w);

/** The words of a stored search_text or of a normalized query. */
export function searchWords(normalizedText: string): string[] {
  return normalizedText.split(' ').filter((w) => w !== '');
}

/** The stored form of a run of words. */
export function termOf(words: readonly string[]): string {
  return ' '.repeat(words.length - 1) + words.join(' ');
}

/** Every term stored for a search_text (mirrors the SQL of search-dialect.ts; the tests compare both). */
export function storedTermsOf(searchText: string): string[] {
  const words = searchWords(searchText);
  const terms = new Set(words);
  for (let size = 2; size <= MAX_TERM_WORDS; size++) {
    for (let i = 0; i + size <= words.length; i++) {
      const gram = words.slice(i, i + size);
      if (gram.every(hasNonDigit)) terms.add(termOf(gram));
    }
  }
  return [...terms];
}

/**
 * Keys every match must have: each run of non-digit words gives its windows of up to three words, each
 * all-digit word (citizen id, card number) gives itself. Every match of the whole query contains all of them,
 * so the key with the fewest postings drives the search.
 */
export function memberTermKeysOf(normalizedText: string): MemberTermKey[] {
  const words = searchWords(normalizedText);
  const last = words.length - 1;
  const keys: MemberTermKey[] = [];
  let i = 0;
  while (i < words.length) {
    if (!hasNonDigit(words[i])) {
      keys.push({ term: words[i], isPrefix: i === last, coversQuery: words.length === 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && hasNonDigit(words[j])) j++;
    const size = Math.min(MAX_TERM_WORDS, j - i);
    for (let a = i; a + size <= j; a++) {
      keys.push({ term: termOf(words.slice(a, a + size)), isPrefix: a + size - 1 === last, coversQuery: size === words.length });
    }
    i = j;
  }
  return keys;
}
