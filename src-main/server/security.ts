/**
 * Browser-mode request checks: per-launch token, Host allow-list and Origin check.
 *
 * The server binds loopback only, but any web page the user visits can still reach loopback;
 * the token stops other pages (and other local users' browsers) from calling the API, the
 * Host allow-list stops DNS rebinding (a foreign name resolving to 127.0.0.1), and the Origin
 * check stops cross-site WebSockets, which browsers do not guard with CORS.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `Authorization: Bearer <token>` → token, else null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9._~-]+)$/.exec(header ?? '');
  return m?.[1] ?? null;
}

/** The Host values a loopback server on `port` accepts. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/** Same-origin only: the page served by this very server. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (!origin) return false;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  return u.protocol === 'http:' && allowedHosts(port).has(u.host);
}

/** WebSocket clients send the token as a sub-protocol (browsers cannot set headers on a socket). */
export const WS_TOKEN_PREFIX = 'packwright.token.';

export function tokenFromProtocols(header: string | undefined): string | null {
  for (const p of (header ?? '').split(',')) {
    const v = p.trim();
    if (v.startsWith(WS_TOKEN_PREFIX)) return v.slice(WS_TOKEN_PREFIX.length);
  }
  return null;
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";
