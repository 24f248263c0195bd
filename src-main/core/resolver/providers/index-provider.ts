/**
 * The resolver's MetadataProvider over real indexes: PEP 503/691 listings from one or more
 * indexes and find-links locations (package-finder.ts), metadata by the cheapest trustworthy
 * route (metadata-fetcher.ts), cached on disk, with bounded concurrency, cancellation and
 * progress.
 *
 * Versions group the files that share a normalized version. PEP 592: a version is yanked when
 * all its files are. Metadata comes from the best file for the target: a wheel the target can
 * install (PEP 425 order, PEP 658 metadata preferred), then any wheel, then an sdist (PEP 643).
 */
import { tryParseVersion } from '../../standards/pep440';
import type { Version } from '../../standards/pep440';
import type { NormalizedName } from '../../standards/names';
import { tagKey } from '../../standards/tags';
import type { Tag } from '../../standards/tags';
import { MetadataUnavailableError } from '../provider';
import type { CandidateVersion, DistributionFile, MetadataProvider, ProjectListing, ProviderCallOptions, VersionMetadata } from '../provider';
import { IndexError } from './errors';
import { IndexClient } from './index-client';
import type { IndexClientOptions } from './index-client';
import { MetadataFetcher } from './metadata-fetcher';
import type { IndexFileEntry } from './model';
import { PackageFinder } from './package-finder';
import type { IndexSources, ProjectFiles } from './package-finder';

export interface IndexProviderOptions extends IndexClientOptions, IndexSources {
  /** The target's wheel tags, best first, to pick which wheel's metadata to read (null: any). */
  readonly tags?: readonly Tag[] | null;
  /** Use HTTP range requests for remote wheels without PEP 658 metadata (default true). */
  readonly useRanges?: boolean;
}

/** Errors that make one version unusable rather than the whole resolution fail. */
const UNAVAILABLE = ['NEEDS_BUILD', 'NO_METADATA', 'BAD_DISTRIBUTION', 'METADATA_MISMATCH'];

function toDistributionFile(f: IndexFileEntry): DistributionFile {
  return {
    filename: f.filename,
    kind: f.dist.kind === 'wheel' ? 'wheel' : 'sdist',
    requiresPython: f.requiresPython,
    yanked: f.yanked === false ? false : (f.yanked.reason ?? true),
  };
}

/** Group usable files by version into candidates. */
export function candidatesOf(files: readonly IndexFileEntry[]): { version: Version; files: IndexFileEntry[] }[] {
  const byVersion = new Map<string, { version: Version; files: IndexFileEntry[] }>();
  for (const f of files) {
    if (f.dist.kind === 'other' || f.version === null) continue;
    let group = byVersion.get(f.version);
    if (!group) {
      const version = tryParseVersion(f.version);
      if (!version) continue;
      group = { version, files: [] };
      byVersion.set(f.version, group);
    }
    group.files.push(f);
  }
  return [...byVersion.values()];
}

function toCandidate(version: Version, files: readonly IndexFileEntry[]): CandidateVersion {
  const allYanked = files.every((f) => f.yanked !== false);
  const reason = files.map((f) => (f.yanked === false ? null : f.yanked.reason)).find((r) => r !== null) ?? null;
  const pythons = new Set(files.map((f) => f.requiresPython));
  return {
    version,
    yanked: allYanked ? (reason ?? true) : false,
    // Files normally agree; when they do not, the metadata decides.
    requiresPython: pythons.size === 1 ? ([...pythons][0] ?? null) : null,
    files: files.map(toDistributionFile),
  };
}

export class IndexProvider implements MetadataProvider {
  readonly client: IndexClient;
  readonly finder: PackageFinder;
  readonly metadata: MetadataFetcher;
  private readonly listings = new Map<string, Promise<ProjectFiles>>();
  private readonly tagRank: Map<string, number> | null;

  constructor(readonly options: IndexProviderOptions) {
    this.client = new IndexClient(options);
    this.finder = new PackageFinder(this.client, options);
    this.metadata = new MetadataFetcher(this.client.fetcher, this.client.limits, { useRanges: options.useRanges ?? true });
    this.tagRank = options.tags ? new Map(options.tags.map((t, i) => [tagKey(t), i])) : null;
  }

  private files(name: string, signal?: AbortSignal): Promise<ProjectFiles> {
    let p = this.listings.get(name);
    if (!p) {
      p = this.finder.projectFiles(name, signal);
      this.listings.set(name, p);
      p.catch(() => this.listings.delete(name));
    }
    return p;
  }

  /** Start reading these projects' listings now (bounded by the client's concurrency limit). */
  prefetch(names: readonly string[], signal?: AbortSignal): void {
    for (const n of names) this.files(n, signal).catch(() => undefined);
  }

  /** Non-fatal findings of the pages read so far (newer api-versions, skipped links), de-duplicated. */
  async warnings(): Promise<string[]> {
    const all = await Promise.allSettled([...this.listings.values()]);
    return [...new Set(all.flatMap((r) => (r.status === 'fulfilled' ? r.value.warnings : [])))].sort();
  }

  async listVersions(name: NormalizedName, opts: ProviderCallOptions = {}): Promise<ProjectListing | null> {
    const found = await this.files(name, opts.signal);
    if (!found.found) return null;
    return { name, versions: candidatesOf(found.files).map((c) => toCandidate(c.version, c.files)) };
  }

  /** Rank a file for metadata: compatible wheel with PEP 658 < compatible wheel < other wheels < sdist. */
  private rank(f: IndexFileEntry): number {
    if (f.dist.kind !== 'wheel') return 3e6;
    const pep658 = f.coreMetadata !== false ? 0 : 0.5;
    if (!this.tagRank) return pep658;
    const best = Math.min(...f.dist.wheel.tags.map((t) => this.tagRank?.get(tagKey(t)) ?? Infinity));
    return Number.isFinite(best) ? best + pep658 : 1e6 + pep658;
  }

  async getMetadata(name: NormalizedName, version: Version, opts: ProviderCallOptions = {}): Promise<VersionMetadata> {
    const key = version.toString();
    const group = candidatesOf((await this.files(name, opts.signal)).files).find((c) => c.version.toString() === key);
    if (!group) throw new MetadataUnavailableError(name, key, `${name} ${key} is not listed by any index`);
    const files = [...group.files].sort((a, b) => this.rank(a) - this.rank(b) || a.filename.localeCompare(b.filename));
    let last: IndexError | null = null;
    for (const file of files) {
      try {
        const { metadata } = await this.metadata.forFile(file, opts.signal);
        const f = metadata.fields;
        return { requiresDist: f.requiresDist ?? [], requiresPython: f.requiresPython?.trim() || null, providesExtra: f.providesExtra ?? [] };
      } catch (e) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        if (!(e instanceof IndexError) || !UNAVAILABLE.includes(e.code)) throw e;
        last = e;
      }
    }
    throw new MetadataUnavailableError(name, key, last?.message ?? `${name} ${key} has no files`);
  }

  /** Counters for progress displays and tests. */
  stats(): { readonly fetch: IndexClient['fetcher']['stats']; readonly metadataRoutes: MetadataFetcher['routes']; readonly projects: number } {
    return { fetch: { ...this.client.fetcher.stats }, metadataRoutes: { ...this.metadata.routes }, projects: this.listings.size };
  }
}
