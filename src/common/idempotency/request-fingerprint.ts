import { createHash } from 'node:crypto';

/**
 * What makes two requests "the same request" for an Idempotency-Key: method, path with its query,
 * and body. Objects are compared by content, not key order, so a client that rebuilds the same
 * body for its retry is not refused.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${url}\n`)
    .update(canonicalJson(body))
    .digest('base64url');
}

/** JSON with object keys sorted at every level; `undefined` (no body) as the empty string. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return `buffer:${value.toString('base64')}`;
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}

/** 1–255 visible ASCII characters: a UUID, a ULID or any client's own scheme. */
export function isIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}
