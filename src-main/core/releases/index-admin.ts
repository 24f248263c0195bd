/**
 * Administration of the local index from the app: yank/unyank (PEP 592), delete (filenames are
 * never reusable, as on PyPI), API tokens (shown once, stored hashed), and publishing or canceling
 * PEP 694 sessions. Thin wrappers over core/index-server that turn its outcomes into
 * ReleasesErrors with contract codes.
 */
import { createToken, deleteFiles, listTokens, revokeToken, setYanked, type TokenInfo } from '../index-server';
import { UploadRejection } from '../index-server/store-write';
import { cancelSession, getSession, isLive, publishSession } from '../index-server/staging-store';
import type { IndexStore } from '../index-server/store';
import { canonicalizeVersion, normalizeName } from '../index-server/std';
import { isValidName } from '../standards/names';
import { ReleasesError } from './errors';

function release(store: IndexStore, project: string, version: string): { name: string; canonical: string } {
  const name = normalizeName(project);
  let canonical: string;
  try {
    canonical = canonicalizeVersion(version);
  } catch {
    throw new ReleasesError('BAD_REQUEST', `'${version}' is not a valid version.`);
  }
  if (!store.release(name, canonical)) throw new ReleasesError('NOT_FOUND', `There is no release ${project} ${version} in the local index.`);
  return { name, canonical };
}

/** PEP 592: yank a whole release (as PyPI does), with an optional reason shown by installers. */
export function yankRelease(store: IndexStore, project: string, version: string, reason: string | null): void {
  const r = release(store, project, version);
  setYanked(store, r.name, r.canonical, true, reason?.trim() || null);
}

/** Undo a yank. */
export function unyankRelease(store: IndexStore, project: string, version: string): void {
  const r = release(store, project, version);
  setYanked(store, r.name, r.canonical, false);
}

/**
 * Delete a release (`filenames` null) or some of its files. Their filenames can never be
 * uploaded again (PyPI's file-name-reuse rule). Returns the deleted filenames.
 */
export function deleteFromIndex(store: IndexStore, project: string, version: string, filenames: readonly string[] | null): string[] {
  const r = release(store, project, version);
  if (filenames) {
    const known = new Set(store.files(r.name).filter((f) => f.canonicalVersion === r.canonical).map((f) => f.filename));
    const unknown = filenames.filter((f) => !known.has(f));
    if (unknown.length) throw new ReleasesError('NOT_FOUND', `Not a file of ${project} ${version}: ${unknown.join(', ')}.`);
  }
  return deleteFiles(store, r.name, r.canonical, filenames);
}

/** A token's public description (never the secret): TokenInfo carries no secret either. */
export type TokenView = TokenInfo;

function view(t: TokenInfo): TokenView {
  return { id: t.id, projects: t.projects, sessionId: t.sessionId, description: t.description, created: t.created, revoked: t.revoked, lastUsed: t.lastUsed };
}

/**
 * Create an upload token for every project (`projects` empty) or the listed ones (normalized).
 * The returned `token` is the only time the secret exists in clear; callers must not keep it.
 */
export function createUploadToken(store: IndexStore, projects: readonly string[], description: string): { token: string; info: TokenView } {
  const bad = projects.filter((p) => !isValidName(p.trim()));
  if (bad.length) throw new ReleasesError('BAD_REQUEST', `Not a valid project name: ${bad.map((b) => `'${b}'`).join(', ')}.`);
  const { token, info } = createToken(store.db, { projects: projects.map((p) => normalizeName(p.trim())), description: description.trim() });
  return { token, info: view(info) };
}

export function listUploadTokens(store: IndexStore): TokenView[] {
  return listTokens(store.db).map(view);
}

/** Revoke a token by its public id. */
export function revokeUploadToken(store: IndexStore, id: string): void {
  if (!revokeToken(store.db, id)) throw new ReleasesError('NOT_FOUND', `No active token with id ${id}.`);
}

function liveSession(store: IndexStore, id: string) {
  const s = getSession(store, id);
  if (!s) throw new ReleasesError('NOT_FOUND', `No publishing session ${id}.`);
  if (!isLive(s) || Date.parse(s.expires) <= Date.now()) throw new ReleasesError('BAD_REQUEST', `The session for ${s.display_name} ${s.version} is no longer open (${s.status}).`);
  return s;
}

/** PEP 694 publish: every staged file becomes public at once, or nothing changes. */
export function publishStagedRelease(store: IndexStore, sessionId: string): void {
  const s = liveSession(store, sessionId);
  try {
    publishSession(store, s);
  } catch (err) {
    if (err instanceof UploadRejection) throw new ReleasesError('BAD_REQUEST', err.message, 'Nothing was published.');
    throw err;
  }
}

/** PEP 694 cancel: the staged files are deleted and the session's tokens revoked. */
export function cancelStagedRelease(store: IndexStore, sessionId: string): void {
  const s = liveSession(store, sessionId);
  if (s.status === 'processing') throw new ReleasesError('BAD_REQUEST', 'The session is being processed and cannot be canceled now.');
  cancelSession(store, s);
}
