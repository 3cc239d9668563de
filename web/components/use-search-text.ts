import { useEffect, useState } from 'react';
import type { SetURLSearchParams } from 'react-router';
import { hasDigits } from '../../common/rules/sensitive-search.ts';

const urlText = (sp: URLSearchParams) => sp.get('q')?.trim() || undefined;

/** The URL's query string without a search text that must not be in it (for a remembered "back to list" link). */
export function linkableSearch(sp: URLSearchParams): string {
  if (!hasDigits(urlText(sp))) return sp.toString();
  const next = new URLSearchParams(sp);
  next.delete('q');
  return next.toString();
}

/**
 * The search text of a list page whose state lives in the URL (security.md item 25). A name lives in the URL (?q=),
 * so back/forward and links keep it. A text with digits (a citizen id, part of one, a card number) lives in the
 * page's memory only, never in the URL, history or storage, and goes to the server in a POST body (fetchSearch);
 * an old link carrying one hands it over and loses it from the address bar.
 */
export function useSearchText(sp: URLSearchParams, setSp: SetURLSearchParams) {
  const inUrl = urlText(sp);
  const [hidden, setHidden] = useState<string | undefined>(() => (hasDigits(inUrl) ? inUrl : undefined));

  useEffect(() => {
    if (!inUrl) return;
    if (!hasDigits(inUrl)) {
      // A name search in the URL (typed, or reached by back/forward) replaces one kept in memory.
      setHidden(undefined);
      return;
    }
    setHidden(inUrl);
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [inUrl, setSp]);

  return {
    /** What to search for: a name from the URL, else the text kept in memory. */
    q: (hasDigits(inUrl) ? undefined : inUrl) ?? hidden,
    /** A text with digits is the current search (a filter the URL does not show). */
    isHidden: hidden !== undefined,
    /** Takes what was typed; answers the value for the URL's `q` (undefined when the text stays in memory). */
    submit(value: string | undefined): string | undefined {
      const text = value?.trim() || undefined;
      const keep = hasDigits(text);
      setHidden(keep ? text : undefined);
      return keep ? undefined : text;
    },
    /** Forgets a text kept in memory (the page's "clear filters"). */
    clear: () => setHidden(undefined),
    /** The URL's query string without a text with digits, for a remembered "back to list" link. */
    linkable: linkableSearch(sp),
  };
}
