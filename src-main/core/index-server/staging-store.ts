/**
 * PEP 694 publishing sessions in the store: stage files privately, then publish atomically.
 *
 * A session targets one project + version. Its files live in `staged_files` (blobs already in
 * `files/`, referenced by their row, so crash recovery keeps them) and are visible only through
 * the session's unguessable stage URL. Publishing moves every completed file into `files` in ONE
 * SQLite transaction, re-checking conflicts with the public index (PEP 694 "Atomic Publication
 * and Conflicts"); canceling deletes the rows and then the blobs. Choices where the draft is
 * ambiguous are in pep694-decisions.md.
 */
import { randomBytes } from 'node:crypto';
import { removeBlob } from './blobs';
import { nowIso } from './db';
import type { FileDigests } from './digests';
import { ensureRelease, fileExistsMessage, HELP, insertFile, UploadRejection, type UploadTarget } from './store-write';
import type { IndexStore, ReleaseMetadata } from './store';
import { revokeSessionTokens } from './tokens';

export type SessionStatus = 'open' | 'processing' | 'published' | 'error' | 'canceled';
export type StagedStatus = 'pending' | 'processing' | 'completed' | 'error';

export interface SessionRow {
  id: string;
  stage_token: string;
  project: string;
  display_name: string;
  version: string;
  canonical_version: string;
  status: SessionStatus;
  created: string;
  expires: string;
  legacy_token_id: string | null;
}

export interface StagedRow {
  id: string;
  session_id: string;
  filename: string;
  status: StagedStatus;
  declared_size: number | null;
  declared_hashes: string | null;
  expires: string;
  error: string | null;
  packagetype: string | null;
  python_version: string | null;
  requires_python: string | null;
  size: number | null;
  md5: string | null;
  sha256: string | null;
  blake2_256: string | null;
  upload_time: string | null;
  path: string | null;
  metadata_sha256: string | null;
  core_metadata: Buffer | null;
  release_metadata: string | null;
}

/** Default session lifetime: one week, as the draft recommends. */
export const SESSION_SECONDS = 7 * 86_400;
/** Longest lifetime `extend` may reach. */
export const MAX_SESSION_SECONDS = 30 * 86_400;

/** RFC 3339 UTC with whole seconds and `Z` (PEP 694 `expires-at`). */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function getSession(store: IndexStore, id: string): SessionRow | null {
  return (store.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined) ?? null;
}

/** A live (open or error) session by its stage token; expired ones are canceled on sight. */
export function sessionByStageToken(store: IndexStore, token: string): SessionRow | null {
  const s = (store.db.prepare('SELECT * FROM sessions WHERE stage_token = ?').get(token) as SessionRow | undefined) ?? null;
  if (!s || !isLive(s)) return null;
  if (expireIfDue(store, s)) return null;
  return s;
}

export function isLive(s: SessionRow): boolean {
  return s.status === 'open' || s.status === 'error' || s.status === 'processing';
}

/** Cancel a session whose `expires-at` has passed; true when it was expired. */
export function expireIfDue(store: IndexStore, s: SessionRow): boolean {
  if (!isLive(s) || Date.parse(s.expires) > Date.now()) return false;
  cancelSession(store, s, 'expired');
  return true;
}

/** Cancel every expired session (run at startup). */
export function expireSessions(store: IndexStore): number {
  const rows = store.db.prepare("SELECT * FROM sessions WHERE status IN ('open', 'error', 'processing') AND expires <= ?").all(rfc3339(Date.now())) as SessionRow[];
  for (const s of rows) cancelSession(store, s, 'expired');
  return rows.length;
}

/**
 * Create a session, or return the live one for the same project + version (`created: false`,
 * the caller answers 409 with its Location).
 */
export function createSession(store: IndexStore, project: string, displayName: string, version: string, canonicalVersion: string): { session: SessionRow; created: boolean } {
  return store.db.transaction(() => {
    const live = store.db
      .prepare("SELECT * FROM sessions WHERE project = ? AND canonical_version = ? AND status IN ('open', 'error', 'processing')")
      .all(project, canonicalVersion) as SessionRow[];
    for (const s of live) if (!expireIfDue(store, s)) return { session: s, created: false };
    const now = Date.now();
    const row: SessionRow = {
      id: randomBytes(16).toString('hex'),
      // PEP 694: the session token and stage URL MUST be cryptographically unguessable.
      stage_token: randomBytes(24).toString('base64url'),
      project,
      display_name: displayName,
      version,
      canonical_version: canonicalVersion,
      status: 'open',
      created: nowIso(new Date(now)),
      expires: rfc3339(now + SESSION_SECONDS * 1000),
      legacy_token_id: null,
    };
    store.db
      .prepare('INSERT INTO sessions(id, stage_token, project, display_name, version, canonical_version, status, created, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, row.stage_token, row.project, row.display_name, row.version, row.canonical_version, row.status, row.created, row.expires);
    return { session: row, created: true };
  }).immediate();
}

export function setLegacyToken(store: IndexStore, sessionId: string, tokenId: string): void {
  store.db.prepare('UPDATE sessions SET legacy_token_id = ? WHERE id = ?').run(tokenId, sessionId);
}

/** Extend the lifetime; never shortens it (PEP 694 `extend-for`). Returns the new expiry. */
export function extendSession(store: IndexStore, s: SessionRow, seconds: number): string {
  const wanted = Math.min(Date.now() + Math.max(0, seconds) * 1000, Date.parse(s.created) + MAX_SESSION_SECONDS * 1000);
  const expires = rfc3339(Math.max(Date.parse(s.expires), wanted));
  store.db.prepare('UPDATE sessions SET expires = ? WHERE id = ?').run(expires, s.id);
  return expires;
}

export function stagedFiles(store: IndexStore, sessionId: string): StagedRow[] {
  return store.db.prepare('SELECT * FROM staged_files WHERE session_id = ? ORDER BY upload_time, filename').all(sessionId) as StagedRow[];
}

export function stagedFile(store: IndexStore, sessionId: string, fileId: string): StagedRow | null {
  return (store.db.prepare('SELECT * FROM staged_files WHERE session_id = ? AND id = ?').get(sessionId, fileId) as StagedRow | undefined) ?? null;
}

export function stagedByFilename(store: IndexStore, sessionId: string, filename: string): StagedRow | null {
  return (store.db.prepare('SELECT * FROM staged_files WHERE session_id = ? AND filename = ?').get(sessionId, filename) as StagedRow | undefined) ?? null;
}

/** Public-index conflicts for a filename (publish-time and start-time checks). */
export function publicConflict(store: IndexStore, filename: string, blake2: string | null): string | null {
  const f = store.db.prepare('SELECT filename, blake2_256 FROM files WHERE filename = ? OR blake2_256 = ?').get(filename, blake2 ?? '') as
    | { filename: string; blake2_256: string }
    | undefined;
  if (f) return fileExistsMessage(filename, blake2 ?? f.blake2_256);
  if (store.db.prepare('SELECT 1 FROM deleted_filenames WHERE filename = ?').get(filename)) {
    return `This filename was previously used by a file that has since been deleted. Use a different version. See ${HELP}#file-name-reuse for more information.`;
  }
  return null;
}

/** Remove a staged file row (and its blob after the commit). */
export function removeStaged(store: IndexStore, row: StagedRow): void {
  store.db.prepare('DELETE FROM staged_files WHERE id = ?').run(row.id);
  if (row.path) removeBlob(store.layout, row.path);
  store.changed([]);
}

/** A staged file ready to be committed (validated and its blob placed). */
export interface StagedFileInput {
  readonly filename: string;
  readonly packagetype: 'sdist' | 'bdist_wheel';
  readonly pythonVersion: string;
  readonly requiresPython: string | null;
  readonly size: number;
  readonly digests: FileDigests;
  readonly path: string;
  readonly coreMetadata: Buffer | null;
  readonly metadataSha256: string | null;
  readonly releaseMetadata: ReleaseMetadata;
}

/** Mark a staged file completed with its validated data (replacing its pending row). */
export function completeStaged(store: IndexStore, rowId: string, f: StagedFileInput): void {
  store.db
    .prepare(
      `UPDATE staged_files SET status = 'completed', error = NULL, packagetype = ?, python_version = ?, requires_python = ?, size = ?, md5 = ?,
       sha256 = ?, blake2_256 = ?, upload_time = ?, path = ?, metadata_sha256 = ?, core_metadata = ?, release_metadata = ? WHERE id = ?`,
    )
    .run(
      f.packagetype,
      f.pythonVersion,
      f.requiresPython,
      f.size,
      f.digests.md5,
      f.digests.sha256,
      f.digests.blake2_256,
      nowIso(),
      f.path,
      f.metadataSha256,
      f.coreMetadata,
      JSON.stringify(f.releaseMetadata),
      rowId,
    );
  store.changed([]);
}

/** Insert a pending staged file row (PEP 694 file upload session). */
export function insertPending(store: IndexStore, s: SessionRow, filename: string, size: number | null, hashes: Record<string, string> | null): StagedRow {
  const id = randomBytes(12).toString('hex');
  store.db
    .prepare("INSERT INTO staged_files(id, session_id, filename, status, declared_size, declared_hashes, expires) VALUES (?, ?, ?, 'pending', ?, ?, ?)")
    .run(id, s.id, filename, size, hashes ? JSON.stringify(hashes) : null, s.expires);
  return stagedFile(store, s.id, id)!;
}

/**
 * Publish: every file must be `completed`; all of them become public in one transaction.
 * Throws UploadRejection(409) naming the first blocking file; an empty session only registers
 * the project name (PEP 694).
 */
export function publishSession(store: IndexStore, s: SessionRow): void {
  store.db.transaction(() => {
    const files = stagedFiles(store, s.id);
    for (const f of files) {
      if (f.status !== 'completed') throw new UploadRejection(409, `File '${f.filename}' is not completed (status: ${f.status}).`);
      const conflict = publicConflict(store, f.filename, f.blake2_256);
      if (conflict) throw new UploadRejection(409, conflict);
    }
    if (files.filter((f) => f.packagetype === 'sdist').length > 1 || (files.some((f) => f.packagetype === 'sdist') && store.db.prepare("SELECT 1 FROM files WHERE project = ? AND canonical_version = ? AND packagetype = 'sdist'").get(s.project, s.canonical_version))) {
      throw new UploadRejection(409, 'Only one sdist may be uploaded per release.');
    }
    const at = nowIso();
    if (files.length === 0) {
      if (!store.project(s.project)) {
        store.db.prepare('INSERT INTO projects(name, display_name, created) VALUES (?, ?, ?)').run(s.project, s.display_name, at);
        store.journal(s.project, 'create');
      }
    }
    for (const f of files) {
      const meta = JSON.parse(f.release_metadata ?? 'null') as ReleaseMetadata | null;
      const target: UploadTarget = {
        project: s.project,
        displayName: meta?.name ?? s.display_name,
        version: s.version,
        canonicalVersion: s.canonical_version,
        releaseMetadata: meta ?? { name: s.display_name, version: s.version },
      };
      ensureRelease(store, target, at);
      insertFile(
        store,
        target,
        {
          filename: f.filename,
          packagetype: f.packagetype as 'sdist' | 'bdist_wheel',
          pythonVersion: f.python_version ?? '',
          requiresPython: f.requires_python,
          size: f.size ?? 0,
          digests: { md5: f.md5 ?? '', sha256: f.sha256 ?? '', blake2_256: f.blake2_256 ?? '' },
          coreMetadata: f.core_metadata,
          metadataSha256: f.metadata_sha256,
          comment: null,
        },
        at,
        { path: f.path! },
      );
    }
    store.db.prepare('DELETE FROM staged_files WHERE session_id = ?').run(s.id);
    store.db.prepare("UPDATE sessions SET status = 'published' WHERE id = ?").run(s.id);
    revokeSessionTokens(store.db, s.id);
    store.journal(s.project, `publish session ${s.id}`, s.version);
  }).immediate();
  store.changed([s.project]);
}

/** Cancel: nothing of the session remains (rows in one transaction, then the blobs). */
export function cancelSession(store: IndexStore, s: SessionRow, _why = 'canceled'): void {
  const files = store.db.transaction(() => {
    const rows = stagedFiles(store, s.id);
    store.db.prepare('DELETE FROM staged_files WHERE session_id = ?').run(s.id);
    store.db.prepare("UPDATE sessions SET status = 'canceled' WHERE id = ?").run(s.id);
    revokeSessionTokens(store.db, s.id);
    return rows;
  }).immediate();
  for (const f of files) if (f.path) removeBlob(store.layout, f.path);
  store.changed([s.project]);
}
