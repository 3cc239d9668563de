import { normalizeVi } from '../../../../common/rules/normalize-vi.ts';

// One character at a time, so a match found in the folded text maps back onto the original characters.
const fold = (c: string) => c.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd');

/** Marks the first place `query` occurs in `text`, ignoring case and diacritics ('dang bo' marks 'Đảng bộ'). */
export function HighlightMatch({ text, query }: { text: string; query: string }) {
  const q = normalizeVi(query);
  if (!q) return <>{text}</>;
  const chars = Array.from(text);
  const folded = chars.map(fold);
  const starts: number[] = [];
  let flat = '';
  for (const f of folded) {
    starts.push(flat.length);
    flat += f;
  }
  const at = flat.indexOf(q);
  if (at < 0) return <>{text}</>;
  const from = starts.findIndex((s, i) => s <= at && at < s + Math.max(folded[i].length, 1));
  let to = from;
  while (to < chars.length && starts[to] < at + q.length) to++;
  return (
    <>
      {chars.slice(0, from).join('')}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{chars.slice(from, to).join('')}</mark>
      {chars.slice(to).join('')}
    </>
  );
}
