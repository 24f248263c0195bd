/**
 * Whole-file downloads into a private temporary folder, hashed while streaming and checked
 * against the index's hash (PEP 503/691) and size (PEP 700) before anyone reads them.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { IndexError } from './errors';
import type { Fetcher } from './fetcher';
import { hasherFor, pickHash } from './hashes';

/** A temporary folder removed by `dispose`. */
export interface TempDir {
  readonly path: string;
  dispose(): Promise<void>;
}

export async function makeTempDir(prefix = 'packwright-dl-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, dispose: () => rm(path, { recursive: true, force: true }) };
}

export interface DownloadOptions {
  readonly maxBytes: number;
  readonly hashes: Readonly<Record<string, string>>;
  /** PEP 700 size, when the index gives one. */
  readonly size: number | null;
  readonly signal?: AbortSignal;
}

/** Download `url` to `dest`. Throws IndexError (HTTP status, size, hash). */
export async function downloadTo(fetcher: Fetcher, url: string, dest: string, opts: DownloadOptions): Promise<void> {
  const picked = pickHash(opts.hashes);
  const hasher = picked ? hasherFor(picked.name) : null;
  const out = createWriteStream(dest);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    out.end();
    await once(out, 'close');
  };
  try {
    const res = await fetcher.get(url, {
      maxBytes: opts.size !== null ? Math.min(opts.maxBytes, opts.size) : opts.maxBytes,
      headers: { 'accept-encoding': 'identity' },
      ...(opts.signal ? { signal: opts.signal } : {}),
      acceptStatus: (s) => s === 200,
      sink: async (chunk) => {
        hasher?.update(chunk);
        if (!out.write(chunk)) await once(out, 'drain');
      },
    });
    await close();
    if (res.status === 404 || res.status === 410) throw new IndexError('NOT_FOUND', url, `File not found (HTTP ${res.status})`);
    if (res.status !== 200) throw new IndexError('HTTP_STATUS', url, `Download answered HTTP ${res.status}`);
    if (opts.size !== null && res.bytes !== opts.size) throw new IndexError('SIZE_MISMATCH', url, `Downloaded ${res.bytes} bytes, the index says ${opts.size}`);
    if (hasher && picked) {
      const actual = hasher.digest('hex');
      if (actual !== picked.hex) throw new IndexError('HASH_MISMATCH', url, `Downloaded file has ${picked.name} ${actual}, the index says ${picked.hex}`);
    }
  } catch (e) {
    await close();
    if (e instanceof IndexError && e.code === 'TOO_LARGE' && opts.size !== null && opts.size < opts.maxBytes) {
      throw new IndexError('SIZE_MISMATCH', url, `Server sent more than the ${opts.size} bytes the index lists`, { cause: e });
    }
    throw e;
  }
}
