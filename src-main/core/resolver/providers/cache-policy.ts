/**
 * HTTP caching rules for a private client cache (RFC 9111): Cache-Control `max-age`,
 * `no-cache`, `no-store`, `immutable` (RFC 8246), `Expires`, and validators for conditional
 * requests (`ETag` → If-None-Match, `Last-Modified` → If-Modified-Since, RFC 9110 §13).
 *
 * A response without explicit freshness is stored but revalidated on every use (no heuristic
 * freshness: an index page must not go stale silently). Offline mode ignores freshness.
 */

export interface CacheDirectives {
  readonly maxAge: number | null;
  readonly noCache: boolean;
  readonly noStore: boolean;
  readonly immutable: boolean;
}

/** What is kept with a cached body. */
export interface StoredResponse {
  /** Final URL (after redirects), the base for relative links. */
  readonly url: string;
  readonly status: number;
  /** Lower-cased response headers that matter for caching and parsing. */
  readonly headers: Readonly<Record<string, string>>;
  /** When it was stored or last revalidated (ms since the epoch). */
  readonly storedAt: number;
}

/** The response headers worth keeping. */
export const KEPT_HEADERS = ['content-type', 'etag', 'last-modified', 'cache-control', 'expires', 'date', 'age', 'content-range'] as const;

/** Parse Cache-Control (case-insensitive directive names; unknown ones ignored). */
export function parseCacheControl(value: string | undefined): CacheDirectives {
  let maxAge: number | null = null;
  let noCache = false;
  let noStore = false;
  let immutable = false;
  for (const part of (value ?? '').split(',')) {
    const [rawName, rawArg] = part.split('=', 2) as [string, string | undefined];
    const name = rawName.trim().toLowerCase();
    const arg = rawArg?.trim().replace(/^"|"$/g, '');
    if (name === 'max-age' && arg !== undefined && /^\d+$/.test(arg)) maxAge = Number(arg);
    else if (name === 'no-cache') noCache = true;
    else if (name === 'no-store') noStore = true;
    else if (name === 'immutable') immutable = true;
  }
  return { maxAge, noCache, noStore, immutable };
}

/** Keep the headers that matter. */
export function keptHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of KEPT_HEADERS) if (headers[k] !== undefined) out[k] = headers[k];
  return out;
}

/**
 * May this response be stored? Complete 200s, and 404/410 (RFC 9111 §4.2.2 lets them be
 * cached: "this index has no such project" must survive offline), without `no-store`.
 */
export function isStorable(status: number, headers: Readonly<Record<string, string>>): boolean {
  return (status === 200 || status === 404 || status === 410) && !parseCacheControl(headers['cache-control']).noStore;
}

/** Freshness lifetime in seconds (null: none given, i.e. revalidate every time). */
function lifetime(headers: Readonly<Record<string, string>>): number | null {
  const cc = parseCacheControl(headers['cache-control']);
  if (cc.noCache) return 0;
  if (cc.maxAge !== null) return cc.maxAge;
  if (cc.immutable) return Number.POSITIVE_INFINITY;
  if (headers.expires !== undefined) {
    const expires = Date.parse(headers.expires);
    const date = headers.date !== undefined ? Date.parse(headers.date) : NaN;
    // RFC 9111 §5.3: an invalid Expires (e.g. "0") means already expired.
    if (Number.isNaN(expires)) return 0;
    return Math.max(0, (expires - (Number.isNaN(date) ? expires : date)) / 1000);
  }
  return null;
}

/** Is the stored response fresh at `now` (ms)? */
export function isFresh(stored: StoredResponse, now: number): boolean {
  const life = lifetime(stored.headers);
  if (life === null || life <= 0) return false;
  const initialAge = Number(stored.headers.age ?? 0) || 0;
  const age = initialAge + Math.max(0, now - stored.storedAt) / 1000;
  return age < life;
}

/** Headers that turn a request into a conditional one, from the stored validators. */
export function conditionalHeaders(stored: StoredResponse): Record<string, string> {
  const out: Record<string, string> = {};
  if (stored.headers.etag !== undefined) out['if-none-match'] = stored.headers.etag;
  if (stored.headers['last-modified'] !== undefined) out['if-modified-since'] = stored.headers['last-modified'];
  return out;
}

/** RFC 9111 §4.3.4: a 304 updates the stored headers it carries. */
export function mergeRevalidated(stored: StoredResponse, headers: Readonly<Record<string, string>>, now: number): StoredResponse {
  return { ...stored, headers: { ...stored.headers, ...keptHeaders(headers), 'content-type': stored.headers['content-type'] ?? '' }, storedAt: now };
}
