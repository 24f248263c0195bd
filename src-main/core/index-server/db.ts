/**
 * The index's metadata store: one SQLite file (better-sqlite3) in WAL mode.
 *
 * Crash safety: every state change is one SQLite transaction with synchronous=FULL, and a
 * distribution file only becomes referenced by a committed row after it was fsynced and
 * renamed into place (see blobs.ts). A SIGKILL therefore leaves either the old or the new
 * state, never a row pointing at a partial file. `journal` mirrors PyPI's journal: its
 * autoincrement serial is the `_last-serial` / `X-PyPI-Last-Serial` of the Simple API.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS projects (
  name TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  created TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  status_reason TEXT
);
CREATE TABLE IF NOT EXISTS releases (
  project TEXT NOT NULL REFERENCES projects(name),
  version TEXT NOT NULL,
  canonical_version TEXT NOT NULL,
  created TEXT NOT NULL,
  yanked INTEGER NOT NULL DEFAULT 0,
  yanked_reason TEXT,
  metadata TEXT NOT NULL,
  PRIMARY KEY (project, canonical_version)
);
CREATE TABLE IF NOT EXISTS files (
  filename TEXT PRIMARY KEY,
  project TEXT NOT NULL,
  canonical_version TEXT NOT NULL,
  packagetype TEXT NOT NULL,
  python_version TEXT NOT NULL,
  requires_python TEXT,
  size INTEGER NOT NULL,
  md5 TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  blake2_256 TEXT NOT NULL UNIQUE,
  upload_time TEXT NOT NULL,
  path TEXT NOT NULL,
  metadata_sha256 TEXT,
  comment TEXT,
  FOREIGN KEY (project, canonical_version) REFERENCES releases(project, canonical_version)
);
CREATE INDEX IF NOT EXISTS files_by_project ON files(project);
CREATE TABLE IF NOT EXISTS core_metadata (filename TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS deleted_filenames (filename TEXT PRIMARY KEY, deleted TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS journal (
  serial INTEGER PRIMARY KEY AUTOINCREMENT,
  project TEXT NOT NULL,
  version TEXT,
  filename TEXT,
  action TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS journal_by_project ON journal(project);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  salt BLOB NOT NULL,
  hash BLOB NOT NULL,
  projects TEXT,
  session_id TEXT,
  description TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  revoked TEXT,
  last_used TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  stage_token TEXT NOT NULL UNIQUE,
  project TEXT NOT NULL,
  display_name TEXT NOT NULL,
  version TEXT NOT NULL,
  canonical_version TEXT NOT NULL,
  status TEXT NOT NULL,
  created TEXT NOT NULL,
  expires TEXT NOT NULL,
  legacy_token_id TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_release ON sessions(project, canonical_version);
CREATE TABLE IF NOT EXISTS staged_files (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  filename TEXT NOT NULL,
  status TEXT NOT NULL,
  declared_size INTEGER,
  declared_hashes TEXT,
  expires TEXT NOT NULL,
  error TEXT,
  packagetype TEXT,
  python_version TEXT,
  requires_python TEXT,
  size INTEGER,
  md5 TEXT,
  sha256 TEXT,
  blake2_256 TEXT,
  upload_time TEXT,
  path TEXT,
  metadata_sha256 TEXT,
  core_metadata BLOB,
  release_metadata TEXT,
  UNIQUE (session_id, filename)
);
CREATE TABLE IF NOT EXISTS mirror_metadata (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  sha256 TEXT,
  data BLOB
);
`;

/** Open (creating if needed) the store database at `file`. */
export function openDb(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is durable once it returns (WAL + NORMAL could lose the last commits on power loss).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema_version') as { value: string } | undefined;
    if (!row) db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    else if (Number(row.value) > SCHEMA_VERSION) {
      db.close();
      throw new Error(`index database ${file} was written by a newer Packwright (schema ${row.value})`);
    }
  }
  return db;
}

/** ISO 8601 UTC with microseconds, the Simple API `upload-time` format (PEP 700). */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
