/**
 * Writes to the hosted index: committing an uploaded file, yank/unyank, delete, project status.
 *
 * File-level upload rules follow warehouse's forklift in its order (reference index-apis.md §7 G):
 * 5. a file with the same name or the same blake2b-256 exists → identical (name, sha256 and
 *    blake2 match) is a no-op 200, anything else "File already exists …";
 * 6. a deleted filename can never be used again;
 * 7. no new files in releases older than 14 days (pypi/warehouse#19727);
 * 8. one sdist per release.
 * They run once before the (slow) archive validation and again inside the committing
 * transaction, which makes them authoritative under concurrent uploads.
 */
import { placeBlob, removeBlob } from './blobs';
import { blobPath, type FileDigests } from './digests';
import { nowIso } from './db';
import type { IndexStore, ReleaseMetadata } from './store';

export const HELP = 'https://pypi.org/help/';

// Crash-safety tests kill the server between placing a blob and committing its row
// (PACKWRIGHT_INDEX_CRASH_AT=after-place); unset in normal use.
const CRASH_AT = process.env.PACKWRIGHT_INDEX_CRASH_AT;
function crashPoint(name: string): void {
  if (CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}

/** An upload refused with an HTTP status and PyPI's message. */
export class UploadRejection extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRejection';
  }
}

/** The project and release a file is uploaded to. */
export interface UploadTarget {
  /** Normalized project name. */
  readonly project: string;
  readonly displayName: string;
  /** Normalized version (`str(Version)`). */
  readonly version: string;
  readonly canonicalVersion: string;
  /** Used only when this upload creates the release. */
  readonly releaseMetadata: ReleaseMetadata;
}

/** A validated file waiting in `tmp/`. */
export interface NewFile {
  readonly filename: string;
  readonly packagetype: 'sdist' | 'bdist_wheel';
  readonly pythonVersion: string;
  readonly requiresPython: string | null;
  readonly size: number;
  readonly digests: FileDigests;
  readonly tmpPath: string;
  /** PEP 658 metadata (wheels), null when none is served. */
  readonly coreMetadata: Buffer | null;
  readonly metadataSha256: string | null;
  readonly comment: string | null;
}

export interface WritePolicy {
  /** PyPI refuses new files in releases older than this many days (0 disables). */
  readonly maxReleaseAgeDays: number;
}

export const DEFAULT_POLICY: WritePolicy = { maxReleaseAgeDays: 14 };

/** "File already exists …" — twine's --skip-existing keys on this prefix. */
export function fileExistsMessage(filename: string, blake2: string): string {
  return `File already exists ('${filename}', with blake2_256 hash '${blake2}'). See ${HELP}#file-name-reuse for more information.`;
}

/**
 * Checks 5–8 against the public index. Returns 'identical' for a byte-identical re-upload,
 * null when the file may be added; throws UploadRejection otherwise.
 */
export function checkFileConflicts(store: IndexStore, target: UploadTarget, file: Pick<NewFile, 'filename' | 'digests' | 'packagetype'>, policy: WritePolicy): 'identical' | null {
  const db = store.db;
  const existing = db.prepare('SELECT filename, sha256, blake2_256 FROM files WHERE filename = ? OR blake2_256 = ? LIMIT 1').get(file.filename, file.digests.blake2_256) as
    | { filename: string; sha256: string; blake2_256: string }
    | undefined;
  if (existing) {
    if (existing.filename === file.filename && existing.sha256 === file.digests.sha256 && existing.blake2_256 === file.digests.blake2_256) return 'identical';
    throw new UploadRejection(400, fileExistsMessage(file.filename, file.digests.blake2_256));
  }
  if (db.prepare('SELECT 1 FROM deleted_filenames WHERE filename = ?').get(file.filename)) {
    throw new UploadRejection(
      400,
      `This filename was previously used by a file that has since been deleted. Use a different version. See ${HELP}#file-name-reuse for more information.`,
    );
  }
  const release = store.release(target.project, target.canonicalVersion);
  if (release && policy.maxReleaseAgeDays > 0 && Date.now() - Date.parse(release.created) > policy.maxReleaseAgeDays * 86_400_000) {
    throw new UploadRejection(400, `Uploading new files to releases older than ${policy.maxReleaseAgeDays} days is not allowed.`);
  }
  if (
    file.packagetype === 'sdist' &&
    db.prepare("SELECT 1 FROM files WHERE project = ? AND canonical_version = ? AND packagetype = 'sdist'").get(target.project, target.canonicalVersion)
  ) {
    throw new UploadRejection(400, 'Only one sdist may be uploaded per release.');
  }
  return null;
}

/** Create the project and release rows when missing (inside a transaction). */
export function ensureRelease(store: IndexStore, target: UploadTarget, at: string): void {
  const db = store.db;
  const project = store.project(target.project);
  if (!project) {
    db.prepare('INSERT INTO projects(name, display_name, created) VALUES (?, ?, ?)').run(target.project, target.displayName, at);
    store.journal(target.project, 'create');
  } else if (project.display_name !== target.displayName) {
    // warehouse: "Update name if it differs but is still equivalent".
    db.prepare('UPDATE projects SET display_name = ? WHERE name = ?').run(target.displayName, target.project);
  }
  if (!store.release(target.project, target.canonicalVersion)) {
    db.prepare('INSERT INTO releases(project, version, canonical_version, created, metadata) VALUES (?, ?, ?, ?, ?)').run(
      target.project,
      target.version,
      target.canonicalVersion,
      at,
      JSON.stringify(target.releaseMetadata),
    );
    store.journal(target.project, 'new release', target.version);
  }
}

/** Insert a file row (+ PEP 658 metadata) and move its blob into place (inside a transaction). */
export function insertFile(store: IndexStore, target: UploadTarget, file: Omit<NewFile, 'tmpPath'>, at: string, blob: { tmpPath: string } | { path: string }): void {
  const path = 'path' in blob ? blob.path : blobPath(file.digests.blake2_256, file.filename);
  store.db
    .prepare(
      `INSERT INTO files(filename, project, canonical_version, packagetype, python_version, requires_python, size, md5, sha256,
        blake2_256, upload_time, path, metadata_sha256, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      file.filename,
      target.project,
      target.canonicalVersion,
      file.packagetype,
      file.pythonVersion,
      file.requiresPython,
      file.size,
      file.digests.md5,
      file.digests.sha256,
      file.digests.blake2_256,
      at,
      path,
      file.metadataSha256,
      file.comment,
    );
  if (file.coreMetadata) store.db.prepare('INSERT INTO core_metadata(filename, data) VALUES (?, ?)').run(file.filename, file.coreMetadata);
  store.journal(target.project, `add ${file.pythonVersion} file ${file.filename}`, target.version, file.filename);
  // Last step before COMMIT: the blob becomes visible at its final path only now.
  if ('tmpPath' in blob) {
    placeBlob(store.layout, blob.tmpPath, path);
    crashPoint('after-place');
  }
}

/** Commit an uploaded file to the public index; 'identical' means nothing changed. */
export function commitPublicUpload(store: IndexStore, target: UploadTarget, file: NewFile, policy: WritePolicy = DEFAULT_POLICY): 'stored' | 'identical' {
  const outcome = store.db.transaction(() => {
    if (checkFileConflicts(store, target, file, policy) === 'identical') return 'identical' as const;
    const at = nowIso();
    ensureRelease(store, target, at);
    insertFile(store, target, file, at, { tmpPath: file.tmpPath });
    return 'stored' as const;
  }).immediate();
  if (outcome === 'stored') store.changed([target.project]);
  return outcome;
}

/** PEP 592: yank (or unyank) every file of a release; false when there is no such release. */
export function setYanked(store: IndexStore, project: string, canonicalVersion: string, yanked: boolean, reason: string | null = null): boolean {
  const changed = store.db.transaction(() => {
    const r = store.db
      .prepare('UPDATE releases SET yanked = ?, yanked_reason = ? WHERE project = ? AND canonical_version = ?')
      .run(yanked ? 1 : 0, yanked ? reason ?? '' : null, project, canonicalVersion);
    if (r.changes === 0) return false;
    store.journal(project, yanked ? 'yank release' : 'unyank release', canonicalVersion);
    return true;
  })();
  if (changed) store.changed([project]);
  return changed;
}

/** PEP 792: set the project status ('active', 'archived', 'quarantined', 'deprecated'). */
export function setProjectStatus(store: IndexStore, project: string, status: string, reason: string | null = null): boolean {
  const changed = store.db.transaction(() => {
    const r = store.db.prepare('UPDATE projects SET status = ?, status_reason = ? WHERE name = ?').run(status, reason, project);
    if (r.changes) store.journal(project, `set status ${status}`);
    return r.changes > 0;
  })();
  if (changed) store.changed([project]);
  return changed;
}

/**
 * Delete files (a whole release when `filenames` is null); their names are remembered forever.
 * Returns the deleted filenames. Blobs are removed after the commit (orphans are swept at start).
 */
export function deleteFiles(store: IndexStore, project: string, canonicalVersion: string, filenames: readonly string[] | null): string[] {
  const removed: { filename: string; path: string }[] = [];
  store.db.transaction(() => {
    const rows = store.db.prepare('SELECT filename, path FROM files WHERE project = ? AND canonical_version = ?').all(project, canonicalVersion) as {
      filename: string;
      path: string;
    }[];
    const at = nowIso();
    for (const row of rows) {
      if (filenames && !filenames.includes(row.filename)) continue;
      store.db.prepare('DELETE FROM core_metadata WHERE filename = ?').run(row.filename);
      store.db.prepare('DELETE FROM files WHERE filename = ?').run(row.filename);
      store.db.prepare('INSERT OR IGNORE INTO deleted_filenames(filename, deleted) VALUES (?, ?)').run(row.filename, at);
      store.journal(project, `remove file ${row.filename}`, canonicalVersion, row.filename);
      removed.push(row);
    }
    if (filenames === null) {
      store.db.prepare('DELETE FROM releases WHERE project = ? AND canonical_version = ?').run(project, canonicalVersion);
      store.journal(project, 'remove release', canonicalVersion);
    }
  })();
  for (const r of removed) removeBlob(store.layout, r.path);
  if (removed.length || filenames === null) store.changed([project]);
  return removed.map((r) => r.filename);
}
