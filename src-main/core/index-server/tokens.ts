/**
 * API tokens: `pypi-`-style random secrets, shown once, stored only as salted hashes.
 *
 * Shape: `pypi-pw.<id>.<secret>`; `id` (public, 12 hex) finds the row, the 32-byte random
 * `secret` is checked against sha256(salt || secret) in constant time. A slow KDF is not needed
 * because the secret has 256 bits of entropy (nothing to brute-force). Scope: a list of
 * normalized project names, or null for every project; a session token (PEP 694 stage fed
 * through the legacy endpoint) is bound to one publishing session instead.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './db';
import { nowIso } from './db';

export interface TokenInfo {
  readonly id: string;
  /** Normalized project names, or null for all projects. */
  readonly projects: readonly string[] | null;
  /** Set for tokens that feed one PEP 694 publishing session through the legacy endpoint. */
  readonly sessionId: string | null;
  readonly description: string;
  readonly created: string;
  readonly revoked: string | null;
  readonly lastUsed: string | null;
}

interface TokenRow {
  id: string;
  salt: Buffer;
  hash: Buffer;
  projects: string | null;
  session_id: string | null;
  description: string;
  created: string;
  revoked: string | null;
  last_used: string | null;
}

const TOKEN_RE = /^pypi-pw\.([0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

function hashSecret(salt: Buffer, secret: string): Buffer {
  return createHash('sha256').update(salt).update(secret, 'utf8').digest();
}

function toInfo(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    projects: row.projects === null ? null : (JSON.parse(row.projects) as string[]),
    sessionId: row.session_id,
    description: row.description,
    created: row.created,
    revoked: row.revoked,
    lastUsed: row.last_used,
  };
}

export interface CreateTokenOptions {
  readonly projects?: readonly string[] | null;
  readonly sessionId?: string | null;
  readonly description?: string;
}

/** Create a token; the returned `token` string is the only time the secret exists in clear. */
export function createToken(db: Db, options: CreateTokenOptions = {}): { token: string; info: TokenInfo } {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const projects = options.projects && options.projects.length > 0 ? [...new Set(options.projects)].sort() : null;
  db.prepare(
    'INSERT INTO tokens(id, salt, hash, projects, session_id, description, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, salt, hashSecret(salt, secret), projects ? JSON.stringify(projects) : null, options.sessionId ?? null, options.description ?? '', nowIso());
  const row = db.prepare('SELECT * FROM tokens WHERE id = ?').get(id) as TokenRow;
  return { token: `pypi-pw.${id}.${secret}`, info: toInfo(row) };
}

/** The token's public id, when the string has the token shape (for logs: never the secret). */
export function tokenId(token: string): string | null {
  return TOKEN_RE.exec(token)?.[1] ?? null;
}

/** Check a presented token; null when unknown, revoked or wrong. Records the last use. */
export function verifyToken(db: Db, token: string): TokenInfo | null {
  const m = TOKEN_RE.exec(token);
  if (!m) return null;
  const row = db.prepare('SELECT * FROM tokens WHERE id = ?').get(m[1]) as TokenRow | undefined;
  if (!row || row.revoked) return null;
  const expected = hashSecret(row.salt, m[2]!);
  if (expected.length !== row.hash.length || !timingSafeEqual(expected, row.hash)) return null;
  db.prepare('UPDATE tokens SET last_used = ? WHERE id = ?').run(nowIso(), row.id);
  return toInfo(row);
}

/** Revoke by id; false when no such active token. */
export function revokeToken(db: Db, id: string): boolean {
  return db.prepare('UPDATE tokens SET revoked = ? WHERE id = ? AND revoked IS NULL').run(nowIso(), id).changes > 0;
}

/** Revoke every token bound to a publishing session (on publish or cancel). */
export function revokeSessionTokens(db: Db, sessionId: string): void {
  db.prepare('UPDATE tokens SET revoked = ? WHERE session_id = ? AND revoked IS NULL').run(nowIso(), sessionId);
}

/** All tokens (no secrets), newest first. */
export function listTokens(db: Db): TokenInfo[] {
  return (db.prepare('SELECT * FROM tokens ORDER BY created DESC, id').all() as TokenRow[]).map(toInfo);
}

/** Whether `info` may upload to the normalized project `name`. */
export function tokenAllowsProject(info: TokenInfo, name: string): boolean {
  return info.projects === null || info.projects.includes(name);
}
