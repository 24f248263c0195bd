/**
 * What the local index holds, for the Releases workspace: projects → releases → files, and the
 * live PEP 694 publishing sessions with their stage URLs.
 *
 * A richer projection than `describeIndex()` (core/index-server/index.ts): every digest PyPI
 * keeps, requires-python (PEP 345/503 `data-requires-python`), the PEP 592 yank state of the
 * release, and whether a PEP 658 metadata file is served (wheels whose METADATA was extracted at
 * upload). Releases are listed newest first by PEP 440 order.
 */
import type { IndexStore, StoredFile } from '../index-server/store';
import { stagedFiles, type SessionRow } from '../index-server/staging-store';
import { compareVersions } from '../index-server/std';

export interface IndexFileView {
  readonly filename: string;
  readonly packagetype: string;
  readonly pythonVersion: string;
  readonly size: number;
  readonly uploadTime: string;
  readonly hashes: { readonly sha256: string; readonly md5: string; readonly blake2_256: string };
  readonly requiresPython: string | null;
  /** PEP 658: sha256 of the served `<file>.metadata`, null when none is served. */
  readonly coreMetadataSha256: string | null;
  readonly url: string;
}

export interface IndexReleaseView {
  readonly version: string;
  readonly created: string;
  readonly yanked: boolean;
  readonly yankedReason: string | null;
  readonly files: readonly IndexFileView[];
}

export interface IndexProjectView {
  readonly name: string;
  readonly displayName: string;
  readonly status: string;
  readonly releases: readonly IndexReleaseView[];
}

export interface StagedFileView {
  readonly filename: string;
  readonly status: string;
  readonly size: number | null;
  readonly sha256: string | null;
  readonly error: string | null;
}

export interface SessionView {
  readonly id: string;
  readonly project: string;
  readonly version: string;
  readonly status: string;
  readonly created: string;
  readonly expiresAt: string;
  /** The private preview index (PEP 694 `links.stage`): `pip install --index-url <stageUrl> …`. */
  readonly stageUrl: string;
  readonly files: readonly StagedFileView[];
}

export interface IndexContentsView {
  readonly projects: readonly IndexProjectView[];
  readonly sessions: readonly SessionView[];
}

function byVersionDesc(a: { version: string; created: string }, b: { version: string; created: string }): number {
  try {
    return compareVersions(b.version, a.version);
  } catch {
    return b.created.localeCompare(a.created);
  }
}

function fileView(f: StoredFile, baseUrl: string): IndexFileView {
  return {
    filename: f.filename,
    packagetype: f.packagetype,
    pythonVersion: f.pythonVersion,
    size: f.size,
    uploadTime: f.uploadTime,
    hashes: { sha256: f.sha256, md5: f.md5, blake2_256: f.blake2_256 },
    requiresPython: f.requiresPython,
    coreMetadataSha256: f.metadataSha256,
    url: `${baseUrl}files/${f.path.split('/').map(encodeURIComponent).join('/')}`,
  };
}

/** The hosted content (mirrored read-only trees are not listed) and the live sessions. */
export function readContents(store: IndexStore, baseUrl: string, now: Date = new Date()): IndexContentsView {
  const rows = store.db.prepare('SELECT name, display_name, status FROM projects ORDER BY name').all() as { name: string; display_name: string; status: string }[];
  const projects = rows.map((p): IndexProjectView => {
    const files = store.files(p.name);
    const releases = store
      .releases(p.name)
      .map(
        (r): IndexReleaseView => ({
          version: r.version,
          created: r.created,
          yanked: r.yanked !== 0,
          yankedReason: r.yanked !== 0 ? r.yanked_reason : null,
          files: files.filter((f) => f.canonicalVersion === r.canonical_version).map((f) => fileView(f, baseUrl)),
        }),
      )
      .sort(byVersionDesc);
    return { name: p.name, displayName: p.display_name, status: p.status, releases };
  });
  const live = store.db
    .prepare("SELECT * FROM sessions WHERE status IN ('open', 'error', 'processing') ORDER BY created DESC")
    .all() as SessionRow[];
  // Expired sessions are canceled by the server on sight; here they are simply not listed.
  const sessions = live
    .filter((s) => Date.parse(s.expires) > now.getTime())
    .map(
      (s): SessionView => ({
        id: s.id,
        project: s.display_name,
        version: s.version,
        status: s.status,
        created: s.created,
        expiresAt: s.expires,
        stageUrl: `${baseUrl}stage/${s.stage_token}/simple/`,
        files: stagedFiles(store, s.id).map((f) => ({ filename: f.filename, status: f.status, size: f.size ?? f.declared_size, sha256: f.sha256, error: f.error })),
      }),
    );
  return { projects, sessions };
}
