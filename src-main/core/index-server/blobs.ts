/**
 * Distribution files on disk: write to a temp name, fsync, rename into place.
 *
 * Layout under the store root: `files/<blake2 path>` (PyPI's `b[0:2]/b[2:4]/b[4:]/<filename>`)
 * and `tmp/` for uploads in flight. A file is renamed into `files/` inside the SQLite
 * transaction that references it, just before the commit: a crash before the commit leaves an
 * unreferenced file (removed by `cleanOrphans` at the next start), a crash after it leaves a
 * complete, fsynced file. Temp files are on the same filesystem, so the rename is atomic.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, rmdirSync, unlinkSync } from 'node:fs';
import { open as openAsync, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export interface BlobLayout {
  readonly root: string;
  readonly filesDir: string;
  readonly tmpDir: string;
}

/** The folders of a store root (created if missing). */
export function blobLayout(root: string): BlobLayout {
  const layout = { root, filesDir: join(root, 'files'), tmpDir: join(root, 'tmp') };
  mkdirSync(layout.filesDir, { recursive: true });
  mkdirSync(layout.tmpDir, { recursive: true });
  return layout;
}

/** A temp file being written; `finish()` fsyncs and closes it. */
export interface TempFile {
  readonly path: string;
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<void>;
  discard(): Promise<void>;
}

/** Open a new temp file under `tmp/` (exclusive create, owner-only permissions). */
export async function createTemp(layout: BlobLayout): Promise<TempFile> {
  const path = join(layout.tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  const handle: FileHandle = await openAsync(path, 'wx', 0o600);
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  return {
    path,
    async write(chunk) {
      let off = 0;
      while (off < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, off, chunk.length - off);
        off += bytesWritten;
      }
    },
    async finish() {
      await handle.sync();
      await close();
    },
    async discard() {
      await close().catch(() => undefined);
      rmSync(path, { force: true });
    },
  };
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename itself is still atomic.
  }
}

/** Move a finished temp file to `files/<rel>` (synchronous: runs inside a DB transaction). */
export function placeBlob(layout: BlobLayout, tmpPath: string, rel: string): void {
  const dest = resolveBlob(layout, rel);
  mkdirSync(dirname(dest), { recursive: true });
  renameSync(tmpPath, dest);
  fsyncDir(dirname(dest));
}

/** Absolute path of a stored blob; refuses paths escaping `files/`. */
export function resolveBlob(layout: BlobLayout, rel: string): string {
  const abs = join(layout.filesDir, rel);
  const back = relative(layout.filesDir, abs);
  if (back.startsWith('..') || back === '' || back.split(sep).includes('..')) throw new Error(`blob path escapes the store: ${rel}`);
  return abs;
}

/** Remove a stored blob and its now-empty parent folders (best effort). */
export function removeBlob(layout: BlobLayout, rel: string): void {
  const abs = resolveBlob(layout, rel);
  try {
    unlinkSync(abs);
  } catch {
    return;
  }
  let dir = dirname(abs);
  while (dir.startsWith(layout.filesDir) && dir !== layout.filesDir) {
    try {
      rmdirSync(dir);
    } catch {
      break;
    }
    dir = dirname(dir);
  }
}

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/**
 * Startup recovery: delete every temp file and every blob no row references.
 *
 * Returns what was removed (for the log). `referenced` holds `files/`-relative paths.
 */
export function cleanOrphans(layout: BlobLayout, referenced: ReadonlySet<string>): { temps: number; orphans: string[] } {
  let temps = 0;
  for (const p of walk(layout.tmpDir)) {
    rmSync(p, { force: true });
    temps++;
  }
  const orphans: string[] = [];
  for (const p of walk(layout.filesDir)) {
    const rel = relative(layout.filesDir, p).split(sep).join('/');
    if (!referenced.has(rel)) {
      orphans.push(rel);
      removeBlob(layout, rel);
    }
  }
  return { temps, orphans };
}
