import { hasDigits } from '../../common/rules/sensitive-search.ts';
import { api, type Query } from './http.ts';

/**
 * A search on a GET route whose `q` may meet a citizen id (security.md item 25). A text with digits (a citizen id,
 * part of one, a card number) goes in the body of `POST <url>/search`, the server's twin of every such GET (same
 * filters, same scope, same answer), never in a URL; other searches stay a plain, linkable GET.
 */
export function fetchSearch<T>(url: string, params: Query): Promise<T> {
  if (!hasDigits(typeof params.q === 'string' ? params.q : undefined)) return api.get<T>(url, params);
  const body = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return api.post<T>(`${url}/search`, body);
}
