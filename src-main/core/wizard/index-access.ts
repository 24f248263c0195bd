/**
 * The configured package index, for the wizard's look-ups: is a name taken (and PyPI's "too
 * similar" rule), which versions of a dependency exist, what license a dependency declares.
 *
 * Which index: PACKWRIGHT_INDEX_URL (one or more URLs, whitespace-separated, highest priority
 * first), else the machine's local PEP 503 file indexes (core/local-index: pip's configuration).
 * Listings and metadata come from the resolver's index client (PEP 503/691 pages, PEP 658
 * metadata, METADATA from local wheels).
 */
import { pathToFileURL } from 'node:url';
import { discoverLocalIndexes } from '../local-index/discover';
import { localIndexNameLookup, type NameLookup, type NameLookupResult } from '../pyproject';
import { IndexProvider } from '../resolver/providers/index-provider';
import { normalizeName, type NormalizedName } from '../standards/names';
import { sortVersions, type Version } from '../standards/pep440';
import type { ParsedCoreMetadata } from '../standards/metadata';

/** The indexes to ask, as URLs (`file://…/simple/` or `https://…/simple/`). */
export interface IndexConfig {
  readonly urls: readonly string[];
  /** For messages: where the answers come from. */
  readonly label: string;
}

/** Read the configuration from the environment (and pip's configuration for local indexes). */
export async function configuredIndexes(env: NodeJS.ProcessEnv = process.env): Promise<IndexConfig> {
  const explicit = env.PACKWRIGHT_INDEX_URL?.split(/\s+/).filter(Boolean);
  if (explicit?.length) return { urls: explicit, label: explicit.join(', ') };
  const local = await discoverLocalIndexes(env);
  const urls = local.map((l) => `${pathToFileURL(l.simpleDir).href}/`);
  return { urls, label: urls.length ? `the local index (${local.map((l) => l.simpleDir).join(', ')})` : 'no index' };
}

/** Cached access to one configuration (pages are read once per session). */
export class IndexAccess {
  readonly provider: IndexProvider | null;
  private lookup: Promise<NameLookup | null> | null = null;

  constructor(readonly config: IndexConfig) {
    this.provider = config.urls.length ? new IndexProvider({ indexes: config.urls, strategy: 'unsafe-best-match', cacheDir: null, concurrency: 4 }) : null;
  }

  /** Name availability: the name registered, or names PyPI would call too similar. */
  async checkName(name: string): Promise<NameLookupResult | null> {
    this.lookup ??= this.makeLookup();
    const lookup = await this.lookup;
    if (lookup) return lookup(name);
    if (!this.provider) return null;
    // A remote index: ask for the project's page (similar names need the full listing).
    const listing = await this.provider.listVersions(normalizeName(name)).catch(() => null);
    return { exists: listing !== null, similar: [], indexLabel: this.config.label };
  }

  private async makeLookup(): Promise<NameLookup | null> {
    const dirs = this.config.urls.filter((u) => u.startsWith('file:')).map((u) => decodeURIComponent(new URL(u).pathname).replace(/\/$/, ''));
    if (dirs.length === 0 || dirs.length !== this.config.urls.length) return null;
    const lookups = await Promise.all(dirs.map((d) => localIndexNameLookup(d).catch(() => null)));
    const ok = lookups.filter((l): l is NameLookup => l !== null);
    if (!ok.length) return null;
    return async (name) => {
      const results = await Promise.all(ok.map((l) => l(name)));
      return {
        exists: results.some((r) => r.exists),
        similar: [...new Set(results.flatMap((r) => r.similar))],
        indexLabel: this.config.label,
      };
    };
  }

  /** Versions of a project, newest first (yanked ones left out); null when no index lists it. */
  async versions(name: string, signal?: AbortSignal): Promise<Version[] | null> {
    if (!this.provider) return null;
    const listing = await this.provider.listVersions(normalizeName(name) as NormalizedName, signal ? { signal } : {});
    if (!listing) return null;
    return sortVersions(listing.versions.filter((v) => v.yanked === false).map((v) => v.version)).reverse();
  }

  /** Core metadata of one version (the first file whose metadata can be read without building). */
  async metadata(name: string, version: Version, signal?: AbortSignal): Promise<ParsedCoreMetadata | null> {
    if (!this.provider) return null;
    const found = await this.provider.finder.projectFiles(normalizeName(name), signal);
    const key = version.toString();
    const files = found.files
      .filter((f) => f.version === key && f.dist.kind !== 'other')
      .sort((a, b) => (a.dist.kind === 'wheel' ? 0 : 1) - (b.dist.kind === 'wheel' ? 0 : 1));
    for (const f of files) {
      try {
        return (await this.provider.metadata.forFile(f, signal)).metadata;
      } catch {
        // Try the next file (an sdist without trustworthy PKG-INFO, a broken wheel …).
      }
    }
    return null;
  }
}

let shared: { key: string; access: Promise<IndexAccess> } | null = null;

/**
 * One IndexAccess per configuration, reused across calls (asking pip for its configuration takes
 * a process start, so it is read once per PACKWRIGHT_INDEX_URL / PACKWRIGHT_LOCAL_INDEX value).
 */
export function indexAccess(env: NodeJS.ProcessEnv = process.env): Promise<IndexAccess> {
  const key = `${env.PACKWRIGHT_INDEX_URL ?? ''}\n${env.PACKWRIGHT_LOCAL_INDEX ?? ''}`;
  if (!shared || shared.key !== key) {
    const access = configuredIndexes(env).then((c) => new IndexAccess(c));
    access.catch(() => {
      if (shared?.access === access) shared = null;
    });
    shared = { key, access };
  }
  return shared.access;
}
