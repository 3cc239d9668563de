/**
 * A random key for one submission (the server records it once, security.md item 21). crypto.randomUUID exists only in
 * secure contexts; getRandomValues also works on a plain-http intranet address.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
