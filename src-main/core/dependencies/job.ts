/**
 * A Dependencies job as plain data: what the resolver thread receives (structured-cloneable,
 * no class instances), and the sink it reports to.
 */
import type { DependenciesEvent, RootRequirement, TargetInput } from '../../contract';
import type { PrereleasePolicy, ResolutionStrategy } from '../resolver';
import type { IndexSetup } from './provider-pool';

interface JobBase {
  readonly requirements: readonly RootRequirement[];
  readonly constraints: readonly string[];
  readonly index: IndexSetup;
  readonly prerelease: PrereleasePolicy;
  readonly strategy: ResolutionStrategy;
  /** Notes gathered while preparing the input (ignored lines, missing extras). */
  readonly warnings: readonly string[];
  /** The project's Requires-Python, to warn when a target's Python is outside it. */
  readonly projectRequiresPython: string | null;
}

/** Resolve for one target, then (on failure) look for verified fixes. */
export interface ResolveJob extends JobBase {
  readonly kind: 'resolve';
  readonly target: TargetInput;
  readonly suggest: boolean;
  /** Time budget of the suggestion search (ms). */
  readonly suggestBudgetMs?: number;
}

/** Resolve for several targets. */
export interface CheckJob extends JobBase {
  readonly kind: 'check';
  readonly targets: readonly TargetInput[];
}

/** Either job. */
export type DependenciesJob = ResolveJob | CheckJob;

/** Where a job reports (the operation's context, or messages to the main thread). */
export interface JobSink {
  progress(title: string): void;
  data(payload: DependenciesEvent): void;
}

/** What a finished job returns (the operation's `done` result). */
export interface JobSummary {
  readonly ok: boolean;
  readonly pins?: number;
  readonly failing?: number;
}
