/**
 * Metadata from a source distribution without building it (PEP 643): read
 * `{name}-{version}/PKG-INFO` from the archive; it is trustworthy only when Metadata-Version
 * is at least 2.2 and none of the fields a resolver needs (Requires-Dist, Requires-Python,
 * Provides-Extra) is listed as Dynamic. Otherwise the version "needs a build" — which this
 * module reports and never does.
 *
 * Archives are read defensively: gzip+tar streamed with a cap on decompressed bytes and on
 * PKG-INFO's size; zip sdists through the standards core's ZipArchive.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { ZipArchive } from '../../standards/dist';
import { metadataVersionIndex } from '../../standards/metadata';
import type { ParsedCoreMetadata } from '../../standards/metadata';
import { IndexError } from './errors';

/** Fields whose Dynamic listing makes PKG-INFO unusable for resolution. */
const NEEDED = ['requires-dist', 'requires-python', 'provides-extra'];

/** Null when PKG-INFO can be used; else why a build would be needed. */
export function whyNeedsBuild(md: ParsedCoreMetadata): string | null {
  const version = md.fields.metadataVersion ?? '';
  if (metadataVersionIndex(version) < metadataVersionIndex('2.2')) {
    return `PKG-INFO has Metadata-Version ${version || '(none)'}; only 2.2+ (PEP 643) can be trusted without a build`;
  }
  const dynamic = (md.fields.dynamic ?? []).map((d) => d.trim().toLowerCase());
  const hit = NEEDED.filter((f) => dynamic.includes(f));
  return hit.length ? `PKG-INFO marks ${hit.join(', ')} as Dynamic (PEP 643)` : null;
}

const isPkgInfo = (name: string): boolean => /^[^/]+\/PKG-INFO$/.test(name.replace(/^\.\//, ''));

async function fromTarGz(path: string, url: string, maxBytes: number, maxTotal: number): Promise<Buffer> {
  const extract = tar.extract();
  let found: Buffer | null = null;
  let total = 0;
  const gunzip = createGunzip();
  gunzip.on('data', (c: Buffer) => {
    total += c.length;
    if (total > maxTotal) gunzip.destroy(new IndexError('TOO_LARGE', url, `sdist unpacks to more than ${maxTotal} bytes before PKG-INFO`));
  });
  extract.on('entry', (header, stream, next) => {
    if (found === null && header.type === 'file' && isPkgInfo(header.name)) {
      if ((header.size ?? 0) > maxBytes) {
        extract.destroy(new IndexError('TOO_LARGE', url, `PKG-INFO declares ${header.size} bytes, over the limit`));
        return;
      }
      const parts: Buffer[] = [];
      stream.on('data', (c: unknown) => {
        parts.push(c as Buffer);
      });
      stream.on('end', () => {
        found = Buffer.concat(parts);
        // Stop reading the rest of the archive.
        extract.destroy();
        next();
      });
      return;
    }
    stream.on('end', () => next());
    stream.resume();
  });
  try {
    await pipeline(createReadStream(path), gunzip, extract);
  } catch (e) {
    if (found !== null) return found;
    if (e instanceof IndexError) throw e;
    throw new IndexError('BAD_DISTRIBUTION', url, `Cannot read the sdist: ${(e as Error).message}`, { cause: e });
  }
  if (found === null) throw new IndexError('BAD_DISTRIBUTION', url, 'The sdist has no {name}-{version}/PKG-INFO');
  return found;
}

async function fromZip(path: string, url: string, maxBytes: number): Promise<Buffer> {
  const zip = await ZipArchive.open(path, { limits: { maxInMemory: maxBytes } }).catch((e: unknown) => {
    throw new IndexError('BAD_DISTRIBUTION', url, `Cannot read the sdist: ${(e as Error).message}`, { cause: e });
  });
  try {
    const entry = zip.entries.find((e) => isPkgInfo(e.name));
    if (!entry) throw new IndexError('BAD_DISTRIBUTION', url, 'The sdist has no {name}-{version}/PKG-INFO');
    return await zip.read(entry, maxBytes);
  } finally {
    zip.close();
  }
}

/** PKG-INFO bytes of the sdist at `path` (a `.zip` or a gzipped tar). Throws IndexError. */
export function readSdistPkgInfo(path: string, filename: string, url: string, maxBytes: number, maxTotal = 4 * 1024 ** 3): Promise<Buffer> {
  return filename.toLowerCase().endsWith('.zip') ? fromZip(path, url, maxBytes) : fromTarGz(path, url, maxBytes, maxTotal);
}
