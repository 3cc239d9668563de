type T = (key: string, params?: Record<string, unknown>) => string;

/** `${key}.one` when n is 1 and the language has such a form (English), else `key`: Vietnamese has no plural forms. */
export function plural(t: T, key: string, n: number, params: Record<string, unknown> = {}): string {
  if (n === 1) {
    const one = t(`${key}.one`, { n, ...params });
    if (one !== `${key}.one`) return one;
  }
  return t(key, { n, ...params });
}
