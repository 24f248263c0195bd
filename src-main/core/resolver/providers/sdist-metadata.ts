/**
 * Metadata from a source distribution without building it (PEP 643): `{name}-{version}/PKG-INFO`
 * (read by the standards core's defensive sdist reader) is trustworthy only when
 * Metadata-Version is at least 2.2 and none of the fields a resolver needs (Requires-Dist,
 * Requires-Python, Provides-Extra) is listed as Dynamic. Otherwise the version "needs a
 * build" — which this module reports and never does.
 */
import { ArchiveError, readSdistMetadata } from '../../standards/dist';
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

/** PKG-INFO bytes of the sdist at `path`. Throws IndexError (BAD_DISTRIBUTION, NOT_FOUND). */
export async function readSdistPkgInfo(path: string, url: string, maxBytes: number): Promise<Buffer> {
  try {
    const { pkgInfoBytes } = await readSdistMetadata(path, { limits: { maxInMemory: maxBytes } });
    if (!pkgInfoBytes) throw new IndexError('BAD_DISTRIBUTION', url, 'The sdist has no {name}-{version}/PKG-INFO');
    return pkgInfoBytes;
  } catch (e) {
    if (e instanceof ArchiveError) {
      throw new IndexError(e.code === 'IO' ? 'NOT_FOUND' : 'BAD_DISTRIBUTION', url, `Cannot read the sdist: ${e.message}`, { cause: e });
    }
    throw e;
  }
}
