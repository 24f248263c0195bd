/**
 * Core metadata of one listed file, by the cheapest trustworthy route:
 * 1. the immutable cache (keyed by the metadata's or the file's hash, else its URL);
 * 2. PEP 658 `<file-url>.metadata` when the index offers it (hash checked when given, PEP 714);
 * 3. a file:// wheel: METADATA from the local zip;
 * 4. a remote wheel: METADATA by HTTP range requests, or a hash-checked full download when the
 *    server does not do ranges;
 * 5. an sdist: PKG-INFO when PEP 643 makes it trustworthy, else NEEDS_BUILD (never built).
 * The result is checked against the file name (name and version), as pip does.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArchiveError, WheelError, readWheelMetadata } from '../../standards/dist';
import { parseCoreMetadata } from '../../standards/metadata';
import type { ParsedCoreMetadata } from '../../standards/metadata';
import { normalizeName } from '../../standards/names';
import { tryParseVersion } from '../../standards/pep440';
import { downloadTo, makeTempDir } from './download';
import { IndexError, redactUrl } from './errors';
import type { Fetcher } from './fetcher';
import { pickHash, verifyHashes } from './hashes';
import type { ClientLimits } from './index-client';
import type { IndexFileEntry } from './model';
import { RangeUnsupported, metadataByRange } from './range-metadata';
import { readSdistPkgInfo, whyNeedsBuild } from './sdist-metadata';

export type MetadataRoute = 'cache' | 'pep658' | 'local-wheel' | 'range' | 'download' | 'sdist';

export interface FetchedMetadata {
  readonly bytes: Buffer;
  readonly metadata: ParsedCoreMetadata;
  readonly route: MetadataRoute;
  readonly file: IndexFileEntry;
}

/** The immutable-cache key of a file's metadata: by hash when known (content-addressed). */
function cacheKey(file: IndexFileEntry): string {
  if (file.coreMetadata !== false) {
    const h = pickHash(file.coreMetadata.hashes);
    if (h) return `core-metadata:${h.name}:${h.hex}`;
  }
  const h = pickHash(file.hashes);
  const kind = file.dist.kind === 'sdist' ? 'sdist-pkg-info' : 'wheel-metadata';
  // Without a hash, the URL: distribution files are never replaced in place on an index.
  return h ? `${kind}:${h.name}:${h.hex}` : `${kind}:url:${redactUrl(file.url)}`;
}

function wrapArchive(e: unknown, url: string): unknown {
  if (e instanceof ArchiveError || e instanceof WheelError) return new IndexError('BAD_DISTRIBUTION', url, `Cannot read METADATA: ${e.message}`, { cause: e });
  return e;
}

export class MetadataFetcher {
  /** How metadata was obtained, by route (for progress and tests). */
  readonly routes: Record<MetadataRoute, number> = { cache: 0, pep658: 0, 'local-wheel': 0, range: 0, download: 0, sdist: 0 };

  constructor(
    private readonly fetcher: Fetcher,
    private readonly limits: ClientLimits,
    private readonly opts: { readonly useRanges?: boolean } = {},
  ) {}

  /** Metadata of `file`. Throws IndexError (NEEDS_BUILD, HASH_MISMATCH, METADATA_MISMATCH, …). */
  async forFile(file: IndexFileEntry, signal?: AbortSignal): Promise<FetchedMetadata> {
    if (file.dist.kind === 'other') throw new IndexError('NO_METADATA', file.url, `${file.filename} is neither a wheel nor an sdist`);
    const local = file.url.startsWith('file:');
    const key = cacheKey(file);
    let bytes = local ? null : await this.fetcher.getBlob(key);
    let route: MetadataRoute = 'cache';
    if (!bytes) {
      ({ bytes, route } = await this.load(file, signal));
      if (!local) await this.fetcher.putBlob(key, bytes);
    }
    this.routes[route]++;
    const metadata = parseCoreMetadata(bytes);
    this.check(file, metadata);
    if (file.dist.kind === 'sdist') {
      const why = whyNeedsBuild(metadata);
      if (why) throw new IndexError('NEEDS_BUILD', file.url, `${file.filename}: ${why}; building is needed to know its dependencies`);
    }
    return { bytes, metadata, route, file };
  }

  private check(file: IndexFileEntry, md: ParsedCoreMetadata): void {
    const { name, version } = md.fields;
    const expectedName = file.dist.kind === 'wheel' ? file.dist.wheel.name : file.dist.kind === 'sdist' ? file.dist.sdist.name : '';
    if (name === undefined || normalizeName(name) !== expectedName) {
      throw new IndexError('METADATA_MISMATCH', file.url, `Metadata names ${JSON.stringify(name ?? null)}, the file is ${expectedName}`);
    }
    const parsed = version === undefined ? null : tryParseVersion(version);
    if (parsed === null || String(parsed) !== file.version) {
      throw new IndexError('METADATA_MISMATCH', file.url, `Metadata has version ${JSON.stringify(version ?? null)}, the file is ${file.version}`);
    }
  }

  private async load(file: IndexFileEntry, signal?: AbortSignal): Promise<{ bytes: Buffer; route: MetadataRoute }> {
    const sig = signal ? { signal } : {};
    if (file.dist.kind === 'wheel' && file.coreMetadata !== false) {
      const url = `${file.url}.metadata`;
      // Not through the HTTP cache: the bytes go to the immutable cache under their hash or URL.
      const res = await this.fetcher.get(url, { maxBytes: this.limits.maxMetadataBytes, cache: false, ...sig });
      if (res.status === 200) {
        verifyHashes(res.body, file.coreMetadata.hashes, url, 'PEP 658 metadata file');
        return { bytes: res.body, route: 'pep658' };
      }
      // An advertised but missing .metadata file: fall back to the wheel itself.
      if (res.status !== 404 && res.status !== 410) throw new IndexError('HTTP_STATUS', url, `Index answered HTTP ${res.status}`);
    }
    if (file.url.startsWith('file:')) {
      const path = fileURLToPath(file.url);
      if (file.dist.kind === 'sdist') return { bytes: await readSdistPkgInfo(path, file.url, this.limits.maxMetadataBytes), route: 'sdist' };
      try {
        const md = await readWheelMetadata(path, { filename: file.filename, limits: { maxInMemory: this.limits.maxMetadataBytes } });
        return { bytes: md.metadataBytes, route: 'local-wheel' };
      } catch (e) {
        if (e instanceof ArchiveError && e.code === 'IO') throw new IndexError('NOT_FOUND', file.url, `Cannot read the wheel: ${e.message}`, { cause: e });
        throw wrapArchive(e, file.url);
      }
    }
    if (file.dist.kind === 'wheel' && (this.opts.useRanges ?? true)) {
      try {
        const bytes = await metadataByRange(this.fetcher, file.url, file.dist.wheel, {
          maxMetadataBytes: this.limits.maxMetadataBytes,
          maxCentralDirectory: 64 * 1024 ** 2,
          maxFileBytes: this.limits.maxFileBytes,
          ...sig,
        });
        return { bytes, route: 'range' };
      } catch (e) {
        if (!(e instanceof RangeUnsupported)) throw wrapArchive(e, file.url);
      }
    }
    return this.download(file, signal);
  }

  private async download(file: IndexFileEntry, signal?: AbortSignal): Promise<{ bytes: Buffer; route: MetadataRoute }> {
    const tmp = await makeTempDir();
    try {
      const path = join(tmp.path, file.filename.replace(/[/\\]/g, '_'));
      await downloadTo(this.fetcher, file.url, path, { maxBytes: this.limits.maxFileBytes, hashes: file.hashes, size: file.size, ...(signal ? { signal } : {}) });
      if (file.dist.kind === 'sdist') return { bytes: await readSdistPkgInfo(path, file.url, this.limits.maxMetadataBytes), route: 'sdist' };
      try {
        const md = await readWheelMetadata(path, { filename: file.filename, limits: { maxInMemory: this.limits.maxMetadataBytes } });
        return { bytes: md.metadataBytes, route: 'download' };
      } catch (e) {
        throw wrapArchive(e, file.url);
      }
    } finally {
      await tmp.dispose();
    }
  }
}
