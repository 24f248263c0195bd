/**
 * Reading source distributions: a gzipped tar with one top-level `{name}-{version}/` folder
 * holding PKG-INFO (core metadata) — the source distribution format spec,
 * https://packaging.python.org/en/latest/specifications/source-distribution-format/ — and, for
 * legacy sdists, a zip with the same layout.
 *
 * Streamed (gunzip → tar-stream), with the same bounds as wheels: total and per-member size,
 * PyPI's compression-ratio rule, member count; unsafe paths, duplicates, links (symbolic or
 * hard) and special files are refused with a typed ArchiveError.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { parseCoreMetadata } from '../metadata';
import type { ParsedCoreMetadata } from '../metadata';
import { ArchiveError, checkMemberPath, resolveLimits } from './archive-error';
import type { ArchiveLimits } from './archive-error';
import { ZipArchive, toArchiveError } from './zip';

export interface SdistMember {
  readonly name: string;
  readonly size: number;
  readonly type: 'file' | 'directory';
}

export interface SdistContents {
  readonly format: 'tar.gz' | 'zip';
  /** The top-level folders (the spec requires exactly one). */
  readonly topLevel: readonly string[];
  /** `<top>/PKG-INFO` as stored, or null when absent. */
  readonly pkgInfoBytes: Buffer | null;
  readonly pkgInfo: ParsedCoreMetadata | null;
  /** Every member (only those before PKG-INFO with `stopAtPkgInfo`). */
  readonly members: readonly SdistMember[];
  /** Layout findings: not exactly one top-level folder, no PKG-INFO. */
  readonly problems: readonly string[];
}

export interface ReadSdistOptions {
  readonly limits?: Partial<ArchiveLimits>;
  /** Stop reading once PKG-INFO is found (cheap metadata read; later members unchecked). */
  readonly stopAtPkgInfo?: boolean;
}

/** Counts decompressed bytes and fails past the limits (total, and PyPI's ratio rule). */
class Meter extends Transform {
  total = 0;
  constructor(
    private readonly limits: ArchiveLimits,
    private readonly compressedSize: number,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.total += chunk.length;
    if (this.total > this.limits.maxTotalUncompressed) return cb(new ArchiveError('ZIP_BOMB', `Decompresses to more than ${this.limits.maxTotalUncompressed} bytes`));
    if (this.total > this.limits.ratioThreshold && this.total / Math.max(this.compressedSize, 1) > this.limits.maxRatio) {
      return cb(new ArchiveError('ZIP_BOMB', `File exceeds compression ratio of ${this.limits.maxRatio}`));
    }
    cb(null, chunk);
  }
}

function tarError(err: unknown): ArchiveError {
  if (err instanceof ArchiveError) return err;
  const msg = String((err as Error)?.message ?? err);
  if (/unexpected end/i.test(msg)) return new ArchiveError('TRUNCATED', `Archive ends early: ${msg}`);
  if (/incorrect header check|Invalid tar header|unknown format/i.test(msg)) return new ArchiveError('NOT_A_TAR', `Not a gzipped tar file: ${msg}`);
  return new ArchiveError('CORRUPT', msg);
}

function layout(members: readonly SdistMember[], pkgInfo: boolean): { topLevel: string[]; problems: string[] } {
  const topLevel = [...new Set(members.map((m) => m.name.split('/')[0] as string))].sort();
  const problems: string[] = [];
  if (topLevel.length !== 1) problems.push(`Incorrect number of top-level directories in sdist (${topLevel.length})`);
  if (!pkgInfo) problems.push(`PKG-INFO not found at ${topLevel[0] ?? '<top>'}/PKG-INFO`);
  return { topLevel, problems };
}

async function readTarGz(input: Readable, size: number, limits: ArchiveLimits, stopAtPkgInfo: boolean): Promise<SdistContents> {
  const meter = new Meter(limits, size);
  const ex = extract();
  const gunzip = createGunzip();
  const fail = (e: unknown): void => void ex.destroy(tarError(e));
  input.on('error', fail);
  gunzip.on('error', fail);
  meter.on('error', fail);
  input.pipe(gunzip).pipe(meter).pipe(ex);
  const members: SdistMember[] = [];
  const seen = new Set<string>();
  let pkgInfoBytes: Buffer | null = null;
  try {
    for await (const entry of ex) {
      const { name, type, size: entrySize } = entry.header;
      const clean = name.replace(/\/+$/, '');
      if (type === 'symlink' || type === 'link') throw new ArchiveError('SYMLINK', `${type === 'link' ? 'Hard' : 'Symbolic'} link to ${JSON.stringify(entry.header.linkname)}`, name);
      if (type !== 'file' && type !== 'directory' && type !== 'contiguous-file') throw new ArchiveError('SPECIAL_FILE', `Member of type ${type ?? 'unknown'} (sparse, device or fifo)`, name);
      const pathError = checkMemberPath(type === 'directory' ? `${clean}/` : name);
      if (pathError) throw pathError;
      if (seen.has(clean)) throw new ArchiveError('DUPLICATE_ENTRY', 'Duplicate member name', name);
      seen.add(clean);
      if (members.length >= limits.maxEntries) throw new ArchiveError('TOO_MANY_ENTRIES', `More than ${limits.maxEntries} members`);
      if ((entrySize ?? 0) > limits.maxEntryUncompressed) throw new ArchiveError('ZIP_BOMB', `Member declares ${entrySize} bytes`, name);
      members.push({ name: clean, size: entrySize ?? 0, type: type === 'directory' ? 'directory' : 'file' });
      const isPkgInfo = type !== 'directory' && /^[^/]+\/PKG-INFO$/.test(clean) && clean.split('/')[0] === members[0]?.name.split('/')[0];
      if (isPkgInfo && pkgInfoBytes === null) {
        if ((entrySize ?? 0) > limits.maxInMemory) throw new ArchiveError('ENTRY_TOO_LARGE', `PKG-INFO has ${entrySize} bytes`, name);
        const parts: Buffer[] = [];
        for await (const chunk of entry) parts.push(chunk as Buffer);
        pkgInfoBytes = Buffer.concat(parts);
        if (stopAtPkgInfo) break;
      } else {
        entry.resume();
      }
    }
  } catch (e) {
    throw tarError(e);
  } finally {
    input.destroy();
    gunzip.destroy();
    ex.destroy();
  }
  const { topLevel, problems } = layout(members, pkgInfoBytes !== null);
  return { format: 'tar.gz', topLevel, pkgInfoBytes, pkgInfo: pkgInfoBytes ? parseCoreMetadata(pkgInfoBytes) : null, members, problems };
}

async function readZipSdist(source: string | Buffer, limits: ArchiveLimits): Promise<SdistContents> {
  const zip = await ZipArchive.open(source, { limits });
  try {
    for (const e of zip.entries) if (e.isSymlink) throw new ArchiveError('SYMLINK', 'Symbolic link', e.name);
    const members: SdistMember[] = zip.entries.map((e) => ({ name: e.name.replace(/\/+$/, ''), size: e.uncompressedSize, type: e.isDirectory ? 'directory' : 'file' }));
    const top = members[0]?.name.split('/')[0];
    const entry = top === undefined ? undefined : zip.get(`${top}/PKG-INFO`);
    const pkgInfoBytes = entry ? await zip.read(entry) : null;
    const { topLevel, problems } = layout(members, pkgInfoBytes !== null);
    return { format: 'zip', topLevel, pkgInfoBytes, pkgInfo: pkgInfoBytes ? parseCoreMetadata(pkgInfoBytes) : null, members, problems };
  } finally {
    await zip.close();
  }
}

/**
 * Read an sdist (path or bytes; gzipped tar, or zip for legacy sdists): its members and
 * `<top>/PKG-INFO`. Throws ArchiveError for hostile or broken archives.
 */
export async function readSdist(source: string | Buffer, opts: ReadSdistOptions = {}): Promise<SdistContents> {
  const limits = resolveLimits(opts.limits);
  let size: number;
  let magic: Buffer;
  try {
    if (typeof source === 'string') {
      size = (await stat(source)).size;
      magic = await new Promise<Buffer>((resolve, reject) => {
        const parts: Buffer[] = [];
        createReadStream(source, { start: 0, end: 3 })
          .on('data', (c) => parts.push(c as Buffer))
          .on('end', () => resolve(Buffer.concat(parts)))
          .on('error', reject);
      });
    } else {
      size = source.length;
      magic = source.subarray(0, 4);
    }
  } catch (e) {
    throw new ArchiveError('IO', (e as Error).message);
  }
  if (magic.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return readZipSdist(source, limits).catch((e: unknown) => Promise.reject(toArchiveError(e)));
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new ArchiveError('NOT_A_TAR', 'Not a gzip file');
  const input = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 20 }) : Readable.from([source]);
  return readTarGz(input, size, limits, opts.stopAtPkgInfo ?? false);
}

/** Just PKG-INFO from an sdist (stops reading once found). */
export async function readSdistMetadata(source: string | Buffer, opts: { limits?: Partial<ArchiveLimits> } = {}): Promise<{ pkgInfoBytes: Buffer | null; pkgInfo: ParsedCoreMetadata | null }> {
  const r = await readSdist(source, { ...opts, stopAtPkgInfo: true });
  return { pkgInfoBytes: r.pkgInfoBytes, pkgInfo: r.pkgInfo };
}
