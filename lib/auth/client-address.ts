/**
 * The caller's address for rate limiting and the audit trail.
 *
 * `next start` sets X-Forwarded-For to the socket address only when the request
 * has none, so without a proxy a client can name its own address. Behind
 * TRUSTED_PROXY_HOPS reverse proxies that append to the header, the entry each
 * proxy added is trustworthy and we take the one the outermost proxy saw.
 * Per-account rate limits do not depend on this value.
 */
export function clientAddress(forwardedFor: string | null, trustedProxyHops: number): string | null {
  if (!forwardedFor) return null;
  const entries = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const index = Math.max(0, entries.length - Math.max(1, trustedProxyHops));
  return normalizeAddress(entries[index] ?? entries[0]!);
}

function normalizeAddress(address: string): string {
  // IPv4-mapped IPv6 ("::ffff:127.0.0.1") is the same client as "127.0.0.1".
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
