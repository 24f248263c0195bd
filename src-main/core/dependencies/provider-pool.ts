/**
 * Index providers kept between resolutions, so a "what if" re-resolve or a suggestion search
 * reuses the listings and metadata already read (the on-disk HTTP cache covers restarts).
 *
 * One provider per (indexes, find-links, strategy, offline, target tags): the target's tags
 * decide which wheel's metadata is read. A provider older than `ttlMs` is replaced so that
 * newly published versions show up on the next resolution.
 */
import { CachingProvider } from '../resolver/caching-provider';
import { IndexProvider } from '../resolver/providers/index-provider';
import type { IndexStrategy } from '../resolver/providers/package-finder';
import type { Tag } from '../standards/tags';

/** Where packages come from, after defaults and local-index discovery. */
export interface IndexSetup {
  readonly indexes: readonly string[];
  readonly findLinks: readonly string[];
  readonly strategy: IndexStrategy;
  readonly offline: boolean;
  /** Folder of the HTTP cache (null: none). */
  readonly cacheDir: string | null;
}

/** A pooled provider: the memoizing wrapper the solver uses, and the index provider beneath. */
export interface PooledProvider {
  readonly provider: CachingProvider;
  readonly index: IndexProvider;
}

interface Entry extends PooledProvider {
  readonly created: number;
}

/** Warm providers by index setup and target tags, replaced after `ttlMs`. */
export class ProviderPool {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The provider for `setup`, for a target with `tags` (null: any wheel). */
  get(setup: IndexSetup, tags: readonly Tag[] | null, tagsKey: string): PooledProvider {
    const key = JSON.stringify([setup.indexes, setup.findLinks, setup.strategy, setup.offline, setup.cacheDir, tagsKey]);
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.created < this.ttlMs) return hit;
    for (const [k, e] of this.entries) if (this.now() - e.created >= this.ttlMs) this.entries.delete(k);
    const index = new IndexProvider({
      indexes: setup.indexes,
      findLinks: setup.findLinks,
      strategy: setup.strategy,
      offline: setup.offline,
      cacheDir: setup.cacheDir,
      tags,
    });
    const entry: Entry = { provider: new CachingProvider(index), index, created: this.now() };
    this.entries.set(key, entry);
    return entry;
  }

  /** Forget every provider (the next resolution reads the indexes again). */
  clear(): void {
    this.entries.clear();
  }
}
