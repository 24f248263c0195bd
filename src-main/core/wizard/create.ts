/**
 * Write a planned project into a folder: never overwrite an existing file unless told to, and
 * write each file atomically (core/pyproject's saveFile: temp file + fsync + rename), so an
 * interrupted run leaves whole files only.
 */
import { lstat, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { contentHash, saveFile } from '../pyproject';
import type { PlannedFile } from './files';

export type FileStatus = 'new' | 'same' | 'different';

/** A planned file and what is at its path now. */
export interface FileCheck {
  readonly path: string;
  readonly role: PlannedFile['role'];
  readonly status: FileStatus;
  readonly content: string;
}

/** The absolute path of `rel` inside `folder`; throws for paths that would leave it. */
function inside(folder: string, rel: string): string {
  const abs = resolve(folder, rel);
  if (rel.startsWith('/') || rel.split('/').includes('..') || !abs.startsWith(resolve(folder) + sep)) {
    throw Object.assign(new Error(`"${rel}" is outside the project folder.`), { code: 'BAD_REQUEST' });
  }
  return abs;
}

async function statusOf(abs: string, content: string): Promise<FileStatus> {
  try {
    const st = await lstat(abs);
    if (!st.isFile()) return 'different';
    return (await readFile(abs, 'utf8')) === content ? 'same' : 'different';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    throw err;
  }
}

/** What writing `files` into `folder` would do, file by file. */
export async function checkPlannedFiles(folder: string, files: readonly PlannedFile[]): Promise<FileCheck[]> {
  return Promise.all(files.map(async (f) => ({ path: f.path, role: f.role, content: f.content, status: await statusOf(inside(folder, f.path), f.content) })));
}

export type CreateOutcome =
  | { readonly kind: 'created'; readonly written: readonly string[]; readonly unchanged: readonly string[]; readonly pyprojectHash: string | null }
  /** Nothing was written: these files exist with other content (pass `overwrite` to replace them). */
  | { readonly kind: 'exists'; readonly files: readonly string[] };

/** Write `files` into `folder` (which must exist). */
export async function writePlannedFiles(folder: string, files: readonly PlannedFile[], opts: { readonly overwrite?: boolean } = {}): Promise<CreateOutcome> {
  const checks = await checkPlannedFiles(folder, files);
  const clashes = checks.filter((c) => c.status === 'different').map((c) => c.path);
  if (clashes.length && !opts.overwrite) return { kind: 'exists', files: clashes };
  const written: string[] = [];
  let pyprojectHash: string | null = null;
  for (const c of checks) {
    if (c.status === 'same') continue;
    const abs = inside(folder, c.path);
    await mkdir(dirname(abs), { recursive: true });
    const r = await saveFile(abs, c.content);
    if (r.kind !== 'saved') throw new Error(r.message);
    if (c.path === 'pyproject.toml') pyprojectHash = r.hash;
    written.push(c.path);
  }
  if (pyprojectHash === null) {
    const py = checks.find((c) => c.path === 'pyproject.toml');
    if (py) pyprojectHash = contentHash(py.content);
  }
  return { kind: 'created', written, unchanged: checks.filter((c) => c.status === 'same').map((c) => c.path), pyprojectHash };
}
