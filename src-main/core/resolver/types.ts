/**
 * The resolver's request, options and results (plain data, serializable except where noted).
 */
import type { NormalizedName } from '../standards/names';
import type { PrereleasePolicy, ResolutionStrategy } from './policy';
import type { ResolverTarget } from './target';
import type { FailureReport } from './result/failure';

/** What to resolve, and for which environment. */
export interface ResolveRequest {
  /** The user's PEP 508 requirements (markers evaluated for the target). */
  readonly requirements: readonly string[];
  /** Constraints (pip's `-c`): limit versions of a package if it is needed, never add it. */
  readonly constraints?: readonly string[];
  readonly target: ResolverTarget;
  readonly prerelease?: PrereleasePolicy;
  readonly resolution?: ResolutionStrategy;
  /** Projects that may not use wheels (`true` = all), like `--no-binary`. */
  readonly noBinary?: readonly string[] | true;
  /** Projects that may not be built from source (`true` = all), like `--no-build`/`--only-binary`. */
  readonly noBuild?: readonly string[] | true;
}

/** Counters, reported while resolving and in the result. */
export interface ResolveStats {
  readonly steps: number;
  readonly decisions: number;
  readonly backtracks: number;
  readonly conflicts: number;
  readonly incompatibilities: number;
  readonly packagesListed: number;
  readonly metadataFetched: number;
  readonly elapsedMs: number;
}

/** How to run a resolution. */
export interface ResolveOptions {
  readonly signal?: AbortSignal;
  /** Called at most every `progressIntervalMs` (default 100) and once at the end. */
  readonly onProgress?: (stats: ResolveStats) => void;
  readonly progressIntervalMs?: number;
  /** Parallel provider calls (default 8). */
  readonly concurrency?: number;
  /** Prefetch metadata of likely candidates (default true). */
  readonly prefetch?: boolean;
  /** Called each time a version is chosen as the candidate to try (then pinned or rejected). */
  readonly onCandidate?: (pkg: string, version: string) => void;
  /** Give up after this many solver steps (default 100 000). */
  readonly maxSteps?: number;
  /** Give up after this long (ms; default none). */
  readonly timeoutMs?: number;
}

/** Why a pinned package is in the resolution: one parent (null = the user's requirements). */
export interface PinParent {
  readonly parent: NormalizedName | null;
  readonly parentVersion: string | null;
  /** The parent's extra through which the requirement applies. */
  readonly viaExtra: string | null;
  readonly requirements: readonly string[];
}

/** One package of a resolution. */
export interface Pin {
  readonly name: NormalizedName;
  readonly version: string;
  /** The extras of this package that are active. */
  readonly extras: readonly string[];
  /** Required directly by the user. */
  readonly direct: boolean;
  readonly yanked: boolean;
  readonly parents: readonly PinParent[];
}

/** A successful resolution; pins sorted by name. */
export interface ResolutionSuccess {
  readonly ok: true;
  readonly pins: readonly Pin[];
  readonly warnings: readonly string[];
  readonly stats: ResolveStats;
}

/** An unsatisfiable request, with the derivation tree and what explanations need. */
export interface ResolutionFailure {
  readonly ok: false;
  readonly failure: FailureReport;
  readonly warnings: readonly string[];
  readonly stats: ResolveStats;
}

/** Either outcome. Errors (bad input, transport, cancellation, limits) are thrown instead. */
export type ResolveResult = ResolutionSuccess | ResolutionFailure;
