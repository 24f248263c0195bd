/**
 * The state of the workspace's current run (a resolution or a multi-environment check), built
 * from the operation's events: progress, counters, the result, suggestions, per-target
 * outcomes. Pure, so it is tested without a browser.
 */
import {
  DependenciesEventSchema,
  toErrorShape,
  type AppErrorShape,
  type CheckInput,
  type OpEvent,
  type ResolutionOutcome,
  type ResolveInput,
  type ResolveStatsDto,
  type RootRequirement,
  type SuggestionDto,
  type TargetOutcomeDto,
} from '@contract';

export type RunStatus = 'idle' | 'starting' | 'running' | 'done' | 'cancelled' | 'error';

/** Everything the workspace shows about the current run. */
export interface RunState {
  readonly status: RunStatus;
  readonly kind: 'resolve' | 'check' | null;
  readonly opId: string | null;
  /** The request, to re-run "what if" variants of it. */
  readonly resolveInput: ResolveInput | null;
  readonly checkInput: CheckInput | null;
  /** The project folder the requirements came from (kept through "what if" runs). */
  readonly projectFolder: string | null;
  /** Requirements of the project dropped in "what if" runs since the last real input. */
  readonly dropped: readonly RootRequirement[];
  readonly progress: string | null;
  readonly stats: ResolveStatsDto | null;
  readonly outcome: ResolutionOutcome | null;
  /** null until the search ends (a failure only). */
  readonly suggestions: readonly SuggestionDto[] | null;
  readonly targets: readonly TargetOutcomeDto[];
  readonly targetTotal: number;
  readonly matrix: { readonly failing: readonly string[]; readonly groups: readonly { ids: readonly string[]; pins: readonly string[] }[] } | null;
  readonly error: AppErrorShape | null;
  /** performance.now() when the result arrived (for the graph's timing). */
  readonly resultAt: number | null;
}

/** No run yet. */
export const IDLE: RunState = {
  status: 'idle',
  kind: null,
  opId: null,
  resolveInput: null,
  checkInput: null,
  projectFolder: null,
  dropped: [],
  progress: null,
  stats: null,
  outcome: null,
  suggestions: null,
  targets: [],
  targetTotal: 0,
  matrix: null,
  error: null,
  resultAt: null,
};

/** A run that is starting (the previous result is kept until the new one arrives). */
export function starting(prev: RunState, start: { kind: 'resolve'; input: ResolveInput; dropped: readonly RootRequirement[] } | { kind: 'check'; input: CheckInput }): RunState {
  const src = start.input.source;
  return {
    ...IDLE,
    projectFolder: src.kind === 'project' ? src.folder : src.kind === 'list' ? prev.projectFolder : null,
    status: 'starting',
    kind: start.kind,
    resolveInput: start.kind === 'resolve' ? start.input : prev.resolveInput,
    checkInput: start.kind === 'check' ? start.input : null,
    dropped: start.kind === 'resolve' ? start.dropped : [],
    outcome: start.kind === 'resolve' ? prev.outcome : null,
  };
}

/** The operation started. */
export function started(s: RunState, opId: string): RunState {
  return { ...s, status: 'running', opId };
}

/** Starting or following the operation failed. */
export function failed(s: RunState, err: unknown): RunState {
  return { ...s, status: 'error', error: toErrorShape(err) };
}

/** Apply one operation event. */
export function reduce(s: RunState, ev: OpEvent, now: number): RunState {
  switch (ev.kind) {
    case 'progress':
      return { ...s, progress: ev.title };
    case 'log':
      return s;
    case 'error':
      return { ...s, status: 'error', error: ev.error, progress: null };
    case 'done':
      return { ...s, status: ev.cancelled ? 'cancelled' : 'done', progress: null, suggestions: s.outcome && !s.outcome.ok && s.suggestions === null ? [] : s.suggestions };
    case 'data': {
      const parsed = DependenciesEventSchema.safeParse(ev.payload);
      if (!parsed.success) return s;
      const d = parsed.data;
      switch (d.type) {
        case 'stats':
          return { ...s, stats: d.stats };
        case 'result':
          return { ...s, outcome: d.outcome, stats: d.outcome.stats, suggestions: null, resultAt: now };
        case 'suggestions':
          return { ...s, suggestions: d.suggestions };
        case 'target':
          return { ...s, targets: [...s.targets.filter((t) => t.id !== d.outcome.id), d.outcome], targetTotal: d.total };
        case 'matrix':
          return { ...s, matrix: { failing: d.failing, groups: d.groups } };
      }
    }
  }
}

/** True while an operation is starting or running. */
export const isBusy = (s: RunState): boolean => s.status === 'starting' || s.status === 'running';
