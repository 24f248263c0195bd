/**
 * An in-memory `MetadataProvider` for tests, examples and "what if" re-solves: projects,
 * versions and their metadata given as plain data.
 */
import { normalizeName, type NormalizedName } from '../standards/names';
import { tryParseVersion, type Version } from '../standards/pep440';
import { throwIfAborted } from './provider';
import type { CandidateVersion, DistributionFile, MetadataProvider, ProjectListing, ProviderCallOptions, VersionMetadata } from './provider';

/** One version of a project, as plain data. Missing fields mean "none". */
export interface MemoryVersion {
  readonly requiresDist?: readonly string[];
  readonly requiresPython?: string | null;
  readonly providesExtra?: readonly string[];
  readonly yanked?: boolean | string;
  /** The files offered; omitted = not listed (the version is then usable on any target). */
  readonly files?: readonly DistributionFile[];
}

/** `{ project: { version: MemoryVersion } }`; names and versions as written. */
export type MemoryIndex = Readonly<Record<string, Readonly<Record<string, MemoryVersion>>>>;

/** Options: an artificial delay (to exercise concurrency and cancellation) and call counters. */
export interface MemoryProviderOptions {
  readonly delayMs?: number;
}

interface Entry {
  readonly version: Version;
  readonly data: MemoryVersion;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Serves a `MemoryIndex`. Versions that are not valid PEP 440 are skipped (as indexes skip
 * unparsable file names). `calls` counts listVersions/getMetadata calls for tests.
 */
export class MemoryProvider implements MetadataProvider {
  private readonly projects = new Map<NormalizedName, Entry[]>();
  readonly calls = { listVersions: 0, getMetadata: 0 };

  constructor(
    index: MemoryIndex,
    private readonly opts: MemoryProviderOptions = {},
  ) {
    for (const [rawName, versions] of Object.entries(index)) {
      const name = normalizeName(rawName);
      const list = this.projects.get(name) ?? [];
      for (const [rawVersion, data] of Object.entries(versions)) {
        if (typeof data !== 'object' || data === null) continue;
        const version = tryParseVersion(rawVersion);
        if (version) list.push({ version, data });
      }
      this.projects.set(name, list);
    }
  }

  /** The project names served, normalized. */
  projectNames(): NormalizedName[] {
    return [...this.projects.keys()];
  }

  async listVersions(name: NormalizedName, opts: ProviderCallOptions = {}): Promise<ProjectListing | null> {
    this.calls.listVersions++;
    if (this.opts.delayMs) await sleep(this.opts.delayMs, opts.signal);
    throwIfAborted(opts.signal);
    const list = this.projects.get(name);
    if (!list) return null;
    const versions: CandidateVersion[] = list.map(({ version, data }) => ({
      version,
      yanked: data.yanked ?? false,
      requiresPython: data.requiresPython ?? null,
      files: data.files ?? [],
    }));
    return { name, versions };
  }

  async getMetadata(name: NormalizedName, version: Version, opts: ProviderCallOptions = {}): Promise<VersionMetadata> {
    this.calls.getMetadata++;
    if (this.opts.delayMs) await sleep(this.opts.delayMs, opts.signal);
    throwIfAborted(opts.signal);
    const key = version.toString();
    const entry = this.projects.get(name)?.find((e) => e.version.toString() === key);
    if (!entry) throw new Error(`memory provider: no ${name} ${key}`);
    return {
      requiresDist: entry.data.requiresDist ?? [],
      requiresPython: entry.data.requiresPython ?? null,
      providesExtra: entry.data.providesExtra ?? [],
    };
  }
}
