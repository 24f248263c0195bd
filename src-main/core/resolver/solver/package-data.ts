/**
 * The solver's view of the provider: cached listings (sorted once) and metadata, fetched with
 * bounded concurrency so prefetching likely candidates never floods an index. Every answer is
 * cached for the resolution, as a promise, so a prefetch and a later demand share one call.
 */
import type { NormalizedName } from '../../standards/names';
import { compareVersions, type Version } from '../../standards/pep440';
import type { CandidateVersion, MetadataProvider, VersionMetadata } from '../provider';

/** One version of a project, with what the solver derives from it once. */
export interface VersionEntry {
  readonly version: Version;
  readonly key: string;
  readonly info: CandidateVersion;
  readonly stable: boolean;
}

/** A project's versions, ascending. */
export interface ProjectData {
  readonly name: NormalizedName;
  readonly versions: readonly VersionEntry[];
  readonly byKey: ReadonlyMap<string, VersionEntry>;
}

/** A counting semaphore. */
class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** Cached, concurrency-bounded access to a provider for one resolution. */
export class PackageData {
  private readonly listings = new Map<NormalizedName, Promise<ProjectData | null>>();
  private readonly settledListings = new Map<NormalizedName, ProjectData | null>();
  private readonly metadataCache = new Map<string, Promise<VersionMetadata>>();
  private readonly limiter: Limiter;
  readonly counts = { listed: 0, metadata: 0 };

  constructor(
    private readonly provider: MetadataProvider,
    concurrency: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.limiter = new Limiter(Math.max(1, concurrency));
  }

  /** The project's versions (null when the project is unknown). */
  listing(name: NormalizedName): Promise<ProjectData | null> {
    let p = this.listings.get(name);
    if (!p) {
      p = this.limiter
        .run(() => this.provider.listVersions(name, { signal: this.signal }))
        .then((l) => {
          this.counts.listed++;
          const data = l ? toProjectData(name, l.versions) : null;
          this.settledListings.set(name, data);
          return data;
        });
      p.catch(() => undefined);
      this.listings.set(name, p);
    }
    return p;
  }

  /** A listing already fetched, or undefined (no waiting). */
  listingIfReady(name: NormalizedName): ProjectData | null | undefined {
    return this.settledListings.get(name);
  }

  /** Core metadata of one version. */
  metadata(name: NormalizedName, version: Version): Promise<VersionMetadata> {
    const key = `${name} ${version.toString()}`;
    let p = this.metadataCache.get(key);
    if (!p) {
      p = this.limiter.run(() => this.provider.getMetadata(name, version, { signal: this.signal })).then((m) => {
        this.counts.metadata++;
        return m;
      });
      p.catch(() => undefined);
      this.metadataCache.set(key, p);
    }
    return p;
  }

  /** True when the metadata of this version was requested already. */
  hasMetadata(name: NormalizedName, version: Version): boolean {
    return this.metadataCache.has(`${name} ${version.toString()}`);
  }
}

function toProjectData(name: NormalizedName, list: readonly CandidateVersion[]): ProjectData {
  const byKey = new Map<string, VersionEntry>();
  for (const info of list) {
    const key = info.version.toString();
    if (!byKey.has(key)) byKey.set(key, { version: info.version, key, info, stable: !info.version.isPrerelease });
  }
  const versions = [...byKey.values()].sort((a, b) => compareVersions(a.version, b.version));
  return { name, versions, byKey };
}
