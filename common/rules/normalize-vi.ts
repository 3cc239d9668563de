// The search_text form of architecture principle 9: one accent- and case-insensitive spelling that
// both SQLite and PostgreSQL can match with plain LIKE, so 'nguyen van an' finds 'Nguyễn Văn An'.

const COMBINING_MARKS = /\p{M}/gu;
// Đ/đ are letters of their own and do not decompose under NFD. Ð/ð (U+00D0/U+00F0, the Icelandic eth) are
// included because text converted from legacy Vietnamese encodings (VNI, TCVN3) often carries them for Đ/đ.
const D_WITH_STROKE = /[đð]/g;
const WHITESPACE_RUN = /\s+/g;

export function normalizeVi(s: string): string {
  // Lower-case first: some capitals lower-case to a letter plus a combining mark ('İ' → 'i̇').
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_WITH_STROKE, 'd')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** Normalized, non-empty parts joined by one space: the value stored in a `search_text` column. */
export function buildSearchText(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((part) => (part == null ? '' : normalizeVi(part)))
    .filter((part) => part !== '')
    .join(' ');
}
