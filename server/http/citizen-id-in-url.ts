import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors.ts';
import { mayCarryCitizenId } from '../../common/rules/sensitive-search.ts';

/**
 * security.md item 25: a GET whose `q` searches a text holding citizen ids (persons.search_text, members.search_text)
 * refuses a `q` that may carry one: a URL lands in browser history, proxy logs and Referer headers. The same search
 * is `POST <the GET's path>/search` with the filters in a strict body, same policy entry, same service function.
 *
 * A route-level preHandler: it runs after the policy hook and the querystring's validation (so `q` is trimmed).
 *   r.get('/api/x', { schema, config, preHandler: refuseCitizenIdInUrl }, handler)
 */
export async function refuseCitizenIdInUrl(req: FastifyRequest): Promise<void> {
  const q = (req.query as { q?: unknown } | undefined)?.q;
  if (typeof q === 'string' && mayCarryCitizenId(q)) {
    throw new DomainError('VALIDATION', { reason: 'citizen_id_in_url', use: searchTwinOf(req.routeOptions.url ?? req.url) }, [
      { path: 'querystring.q', code: 'citizen_id_in_url' },
    ]);
  }
}

/** The POST route that takes the same search in its body: 'GET /api/candidates' → 'POST /api/candidates/search'. */
export function searchTwinOf(getPath: string): string {
  return `POST ${getPath}/search`;
}
