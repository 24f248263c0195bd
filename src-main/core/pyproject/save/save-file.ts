/**
 * Safe saving of an edited file: never overwrite what changed on disk since it was loaded, and
 * never leave a half-written file.
 *
 * The write is atomic on POSIX: a temporary file in the same folder (same file system), written
 * and fsync'ed, then rename(2)'d over the target, keeping the target's permission bits. Before
 * the rename the disk content is compared with what the caller loaded (SHA-256); a difference
 * returns a typed CONFLICT with the disk text so the caller can reload or merge (merge3.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** SHA-256 (hex) of the UTF-8 bytes of a text. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A file as loaded for editing: what `saveFile` later compares against. */
export interface LoadedFile {
  readonly path: string;
  readonly text: string;
  readonly hash: string;
  readonly mtimeMs: number;
}

/** Read a text file (UTF-8) with its hash and modification time. */
export async function loadFile(path: string): Promise<LoadedFile> {
  const [buf, st] = await Promise.all([readFile(path), stat(path)]);
  return { path, text: buf.toString('utf8'), hash: contentHash(buf), mtimeMs: st.mtimeMs };
}

export interface SaveOptions {
  /** Hash of the content the edits are based on; a different disk content is a conflict. */
  readonly expectedHash?: string;
  /**
   * Modification time seen at load, used only when no hash is given (the hash is authoritative:
   * a new time with the same content, e.g. after `touch`, is not a conflict).
   */
  readonly expectedMtimeMs?: number;
  /** Permission bits for a new file (default 0o644, before umask). */
  readonly mode?: number;
  /** Fault injection for tests: runs after the temporary file is written, before the last check. */
  readonly beforeRename?: () => void | Promise<void>;
}

export type SaveResult =
  | { readonly kind: 'saved'; readonly path: string; readonly hash: string; readonly mtimeMs: number }
  | {
      readonly kind: 'CONFLICT';
      readonly path: string;
      /** The text now on disk; null when the file was deleted. */
      readonly diskText: string | null;
      readonly diskHash: string | null;
      readonly message: string;
    };

async function readIfExists(path: string): Promise<{ buf: Buffer; mode: number; mtimeMs: number } | null> {
  try {
    const [buf, st] = await Promise.all([readFile(path), stat(path)]);
    return { buf, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function conflict(path: string, disk: { buf: Buffer } | null): SaveResult {
  return {
    kind: 'CONFLICT',
    path,
    diskText: disk ? disk.buf.toString('utf8') : null,
    diskHash: disk ? contentHash(disk.buf) : null,
    message: disk
      ? `${basename(path)} changed on disk since it was loaded; reload it or merge the changes.`
      : `${basename(path)} was deleted on disk since it was loaded; save again to recreate it or discard the edits.`,
  };
}

/**
 * Write `text` to `path` atomically, refusing with CONFLICT when the disk content is not the
 * one given by `expectedHash`. Temporary files are removed on every path out.
 */
export async function saveFile(path: string, text: string, opts: SaveOptions = {}): Promise<SaveResult> {
  // Write through symlinks to their target, as editors do, instead of replacing the link.
  const target = await realpath(path).catch(() => path);
  const before = await readIfExists(target);
  const expected = opts.expectedHash ?? (opts.expectedMtimeMs !== undefined ? 'mtime' : undefined);
  if (expected !== undefined) {
    if (!before) return conflict(path, null);
    const changed = opts.expectedHash !== undefined ? contentHash(before.buf) !== opts.expectedHash : before.mtimeMs !== opts.expectedMtimeMs;
    if (changed) return conflict(path, before);
  }
  const data = Buffer.from(text, 'utf8');
  const mode = before?.mode ?? opts.mode ?? 0o644;
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let tmpExists = false;
  try {
    const fh = await open(tmp, 'wx', mode);
    tmpExists = true;
    try {
      await fh.writeFile(data);
      await fh.chmod(mode); // open()'s mode is filtered by the umask; keep the original bits
      await fh.sync();
    } finally {
      await fh.close();
    }
    await opts.beforeRename?.();
    // Last look just before replacing: the window for a lost update is the rename itself.
    if (expected !== undefined && before) {
      const now = await readIfExists(target);
      if (!now || contentHash(now.buf) !== contentHash(before.buf)) return conflict(path, now);
    }
    await rename(tmp, target);
    tmpExists = false;
    await syncDir(dirname(target));
    const st = await stat(target);
    return { kind: 'saved', path, hash: contentHash(data), mtimeMs: st.mtimeMs };
  } finally {
    if (tmpExists) await unlink(tmp).catch(() => undefined);
  }
}

/** fsync the folder so the rename itself is durable (best effort: not supported everywhere). */
async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Windows and some file systems refuse fsync on directories; the data itself is synced.
  }
}
