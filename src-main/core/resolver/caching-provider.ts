/**
 * A provider wrapper that remembers every answer, for runs of several resolutions over the same
 * data (the multi-environment check, suggestion re-solves, "what if" edits). Listings and core
 * metadata do not depend on the target, so one cache serves every target. Failed calls are not
 * kept (a cancelled or failed fetch is retried next time).
 */
import type { NormalizedName } from '../standards/names';
import type { Version } from '../standards/pep440';
import type { MetadataProvider, ProjectListing, ProviderCallOptions, VersionMetadata } from './provider';

/** Memoizes `listVersions` and `getMetadata` of another provider. */
export class CachingProvider implements MetadataProvider {
  private readonly listings = new Map<string, Promise<ProjectListing | null>>();
  private readonly metadata = new Map<string, Promise<VersionMetadata>>();

  constructor(readonly inner: MetadataProvider) {}

  listVersions(name: NormalizedName, opts?: ProviderCallOptions): Promise<ProjectListing | null> {
    return this.memo(this.listings, name, () => this.inner.listVersions(name, opts));
  }

  getMetadata(name: NormalizedName, version: Version, opts?: ProviderCallOptions): Promise<VersionMetadata> {
    return this.memo(this.metadata, `${name} ${version.toString()}`, () => this.inner.getMetadata(name, version, opts));
  }

  private memo<T>(map: Map<string, Promise<T>>, key: string, f: () => Promise<T>): Promise<T> {
    let p = map.get(key);
    if (!p) {
      p = f();
      map.set(key, p);
      p.catch(() => map.delete(key));
    }
    return p;
  }
}
