import type { ErrorBody, ErrorCode, FieldIssue } from '../../common/errors.ts';

/** A refusal from the API: the code, its params and field issues; the UI turns them into words (i18n). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldIssue[] = [],
  ) {
    super(code);
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${url}?${s}` : url;
}

/** Listeners told when the session is gone (401), so the shell can send the user to the login page. */
const unauthenticated = new Set<() => void>();
export function onUnauthenticated(fn: () => void) {
  unauthenticated.add(fn);
  return () => unauthenticated.delete(fn);
}

async function request<T>(method: string, url: string, body?: unknown, query?: Query): Promise<T> {
  const res = await fetch(withQuery(url, query), {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.ok) {
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('application/json') ? res.json() : res.blob()) as Promise<T>;
  }
  let err: ErrorBody['error'] = { code: 'INTERNAL' };
  try {
    err = ((await res.json()) as ErrorBody).error ?? err;
  } catch {
    /* a non-JSON error page: keep INTERNAL */
  }
  if (res.status === 401 && url !== '/api/auth/login') for (const fn of unauthenticated) fn();
  throw new ApiError(res.status, err.code, err.params ?? {}, err.fields ?? []);
}

export const api = {
  get: <T>(url: string, query?: Query) => request<T>('GET', url, undefined, query),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};
