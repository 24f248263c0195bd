/**
 * The hosted index store: SQLite metadata (db.ts) plus distribution files (blobs.ts).
 *
 * Opening a store runs crash recovery: temp files from interrupted uploads and blobs that no
 * committed row references are deleted, so the index restarts consistent. Readers see only
 * committed rows, and every served file is looked up through a row, never by path.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { blobLayout, cleanOrphans, type BlobLayout } from './blobs';
import { nowIso, openDb, type Db } from './db';

/** Release metadata kept per release (PyPI: from the form fields of the first file uploaded). */
export interface ReleaseMetadata {
  readonly metadata_version?: string | null;
  readonly name: string;
  readonly version: string;
  readonly summary?: string | null;
  readonly description?: string | null;
  readonly description_content_type?: string | null;
  readonly author?: string | null;
  readonly author_email?: string | null;
  readonly maintainer?: string | null;
  readonly maintainer_email?: string | null;
  readonly license?: string | null;
  readonly license_expression?: string | null;
  readonly license_files?: readonly string[] | null;
  readonly keywords?: string | null;
  readonly classifiers?: readonly string[];
  readonly platform?: string | null;
  readonly home_page?: string | null;
  readonly download_url?: string | null;
  readonly requires_python?: string | null;
  readonly requires_dist?: readonly string[];
  readonly provides_extra?: readonly string[];
  readonly project_urls?: Readonly<Record<string, string>>;
  readonly dynamic?: readonly string[];
}

/** A committed (public) distribution file. */
export interface StoredFile {
  readonly filename: string;
  readonly project: string;
  readonly canonicalVersion: string;
  readonly version: string;
  readonly packagetype: string;
  readonly pythonVersion: string;
  readonly requiresPython: string | null;
  readonly size: number;
  readonly md5: string;
  readonly sha256: string;
  readonly blake2_256: string;
  readonly uploadTime: string;
  readonly path: string;
  readonly metadataSha256: string | null;
  readonly comment: string | null;
  readonly yanked: boolean;
  readonly yankedReason: string | null;
}

export interface FileRow {
  filename: string;
  project: string;
  canonical_version: string;
  version: string;
  packagetype: string;
  python_version: string;
  requires_python: string | null;
  size: number;
  md5: string;
  sha256: string;
  blake2_256: string;
  upload_time: string;
  path: string;
  metadata_sha256: string | null;
  comment: string | null;
  yanked: number;
  yanked_reason: string | null;
}

/** Map a `files` row joined with its release. */
export function toStoredFile(r: FileRow): StoredFile {
  return {
    filename: r.filename,
    project: r.project,
    canonicalVersion: r.canonical_version,
    version: r.version,
    packagetype: r.packagetype,
    pythonVersion: r.python_version,
    requiresPython: r.requires_python,
    size: r.size,
    md5: r.md5,
    sha256: r.sha256,
    blake2_256: r.blake2_256,
    uploadTime: r.upload_time,
    path: r.path,
    metadataSha256: r.metadata_sha256,
    comment: r.comment,
    yanked: r.yanked !== 0,
    yankedReason: r.yanked_reason,
  };
}

/** SELECT list for public files joined with their release (yank state, release version). */
export const FILE_SELECT = `SELECT f.*, r.version AS version, r.yanked AS yanked, r.yanked_reason AS yanked_reason
  FROM files f JOIN releases r ON r.project = f.project AND r.canonical_version = f.canonical_version`;

export interface ProjectRow {
  name: string;
  display_name: string;
  created: string;
  status: string;
  status_reason: string | null;
}

export interface ReleaseRow {
  project: string;
  version: string;
  canonical_version: string;
  created: string;
  yanked: number;
  yanked_reason: string | null;
  metadata: string;
}

/** The store: open with `IndexStore.open(root)`. */
export class IndexStore {
  private readonly listeners = new Set<(projects: readonly string[]) => void>();
  private dataVersion = -1;

  private constructor(
    readonly root: string,
    readonly db: Db,
    readonly layout: BlobLayout,
    /** What recovery removed when the store was opened. */
    readonly recovered: { temps: number; orphans: string[] },
  ) {}

  /** Open or create the store under `root`, running crash recovery. */
  static open(root: string): IndexStore {
    mkdirSync(root, { recursive: true });
    const db = openDb(join(root, 'index.db'));
    const layout = blobLayout(root);
    const referenced = new Set<string>();
    for (const r of db.prepare('SELECT path FROM files UNION ALL SELECT path FROM staged_files WHERE path IS NOT NULL').iterate() as Iterable<{ path: string }>) {
      referenced.add(r.path);
    }
    const recovered = cleanOrphans(layout, referenced);
    const store = new IndexStore(root, db, layout, recovered);
    store.dataVersion = store.readDataVersion();
    return store;
  }

  close(): void {
    this.db.close();
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Subscribe to changes (names of the projects touched; empty = unknown, e.g. another process). */
  onChange(fn: (projects: readonly string[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Tell subscribers that `projects` changed (called after each committed write). */
  changed(projects: readonly string[]): void {
    for (const fn of this.listeners) fn(projects);
  }

  /**
   * Detect commits by other connections (e.g. `packwright index yank` while serving).
   *
   * SQLite's `data_version` changes only for commits from other connections; cheap to poll.
   */
  pollExternalChanges(): void {
    const v = this.readDataVersion();
    if (v !== this.dataVersion) {
      this.dataVersion = v;
      this.changed([]);
    }
  }

  /** Append a journal entry (inside the caller's transaction); returns its serial. */
  journal(project: string, action: string, version: string | null = null, filename: string | null = null): number {
    return Number(
      this.db.prepare('INSERT INTO journal(project, version, filename, action, at) VALUES (?, ?, ?, ?, ?)').run(project, version, filename, action, nowIso())
        .lastInsertRowid,
    );
  }

  /** Highest journal serial overall (0 for an empty index). */
  lastSerial(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(serial), 0) AS s FROM journal').get() as { s: number }).s;
  }

  /** Highest journal serial of one project. */
  projectSerial(name: string): number {
    return (this.db.prepare('SELECT COALESCE(MAX(serial), 0) AS s FROM journal WHERE project = ?').get(name) as { s: number }).s;
  }

  project(name: string): ProjectRow | null {
    return (this.db.prepare('SELECT * FROM projects WHERE name = ?').get(name) as ProjectRow | undefined) ?? null;
  }

  /** Every project with at least one public file, with its serial. */
  listProjects(): { name: string; displayName: string; lastSerial: number }[] {
    const rows = this.db
      .prepare(
        `SELECT p.name, p.display_name, (SELECT COALESCE(MAX(serial), 0) FROM journal j WHERE j.project = p.name) AS serial
         FROM projects p WHERE EXISTS (SELECT 1 FROM files f WHERE f.project = p.name) ORDER BY p.name`,
      )
      .all() as { name: string; display_name: string; serial: number }[];
    return rows.map((r) => ({ name: r.name, displayName: r.display_name, lastSerial: r.serial }));
  }

  releases(project: string): ReleaseRow[] {
    return this.db.prepare('SELECT * FROM releases WHERE project = ?').all(project) as ReleaseRow[];
  }

  release(project: string, canonicalVersion: string): ReleaseRow | null {
    return (this.db.prepare('SELECT * FROM releases WHERE project = ? AND canonical_version = ?').get(project, canonicalVersion) as ReleaseRow | undefined) ?? null;
  }

  /** Public files of a project, in upload order. */
  files(project: string): StoredFile[] {
    return (this.db.prepare(`${FILE_SELECT} WHERE f.project = ? ORDER BY f.upload_time, f.filename`).all(project) as FileRow[]).map(toStoredFile);
  }

  /** A public file by filename. */
  file(filename: string): StoredFile | null {
    const row = this.db.prepare(`${FILE_SELECT} WHERE f.filename = ?`).get(filename) as FileRow | undefined;
    return row ? toStoredFile(row) : null;
  }

  /** The PEP 658 metadata bytes of a public file. */
  coreMetadata(filename: string): Buffer | null {
    return (this.db.prepare('SELECT data FROM core_metadata WHERE filename = ?').get(filename) as { data: Buffer } | undefined)?.data ?? null;
  }
}
