/**
 * The provider interface: what the resolver asks of a package source.
 *
 * A provider lists a project's candidate versions (with the facts the solver needs to accept or
 * reject a version without downloading it: yanked state, Requires-Python, and the distribution
 * files offered, so "no compatible wheel" can be explained) and returns one version's core
 * metadata (Requires-Dist, Requires-Python, Provides-Extra). Implementations: the index and
 * file-tree clients in `providers/` (PEP 503/691/658), `MemoryProvider` for tests.
 *
 * Both calls are async and take an AbortSignal; the solver may call them concurrently (it
 * prefetches metadata of likely candidates) and caches every answer for the length of one
 * resolution, so providers need no cache of their own for correctness.
 * Specs: PEP 503/691 (listings), PEP 592 (yanked), PEP 345/566/643 (metadata fields),
 * PEP 427/425 (wheel file names and tags), PEP 625 (sdist file names).
 */
import type { NormalizedName } from '../standards/names';
import type { Version } from '../standards/pep440';

/** One distribution file of a version, as the index lists it. */
export interface DistributionFile {
  /** The file name (`a-1.0-py3-none-any.whl`, `a-1.0.tar.gz`); wheel tags are read from it. */
  readonly filename: string;
  readonly kind: 'wheel' | 'sdist';
  /** The file's `data-requires-python` / `requires-python` (PEP 503/691), when the index gives one. */
  readonly requiresPython?: string | null;
  /** PEP 592: false, true, or the reason text (a reason means yanked). */
  readonly yanked?: boolean | string;
}

/** One candidate version of a project. */
export interface CandidateVersion {
  readonly version: Version;
  /**
   * PEP 592 at the version level: yanked when every file is yanked (as pip and uv decide).
   * A string is the reason given by the index.
   */
  readonly yanked: boolean | string;
  /** Requires-Python known from the listing (may be refined by the metadata); null = none. */
  readonly requiresPython: string | null;
  /** The files offered; empty when the source does not list files (then the version is usable). */
  readonly files: readonly DistributionFile[];
}

/** A project's listing. `versions` in any order; the solver sorts. */
export interface ProjectListing {
  readonly name: NormalizedName;
  readonly versions: readonly CandidateVersion[];
}

/** The core metadata the solver needs from one version (raw strings; the solver parses them). */
export interface VersionMetadata {
  /** Requires-Dist entries, PEP 508 strings (legacy `name (>=1)` forms allowed). */
  readonly requiresDist: readonly string[];
  /** Requires-Python, or null when absent/empty. */
  readonly requiresPython: string | null;
  /** Provides-Extra names as written. */
  readonly providesExtra: readonly string[];
}

/** Options of each provider call. */
export interface ProviderCallOptions {
  readonly signal?: AbortSignal;
}

/**
 * A package source the resolver reads from.
 *
 * `listVersions` returns null when the project does not exist in the source (the solver then
 * says "was not found in the package registry"); it throws on transport errors. `getMetadata`
 * is called only for versions `listVersions` returned. Names are PEP 503-normalized.
 */
export interface MetadataProvider {
  listVersions(name: NormalizedName, opts?: ProviderCallOptions): Promise<ProjectListing | null>;
  getMetadata(name: NormalizedName, version: Version, opts?: ProviderCallOptions): Promise<VersionMetadata>;
}

/** Thrown by providers when a version's metadata cannot be obtained or read. */
export class MetadataUnavailableError extends Error {
  override readonly name = 'MetadataUnavailableError';
  constructor(
    readonly project: string,
    readonly version: string,
    message: string,
  ) {
    super(message);
  }
}

/** Rejects with the signal's reason when it is aborted (helper for providers and the solver). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted', 'AbortError');
}
