/**
 * The workspace's current run as react-query data: starting a resolution or a check returns an
 * operation id at once; its events (progress, counters, result, suggestions, per-target
 * outcomes) are folded into the cached state as they arrive. Following the stream does not
 * depend on a component staying mounted, so a run survives a visit to another workspace.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CheckInput, ResolveInput, RootRequirement } from '@contract';
import { client } from '../../../api/client';
import { prefetchLayout } from '../graph/graph-view';
import { failed, IDLE, reduce, started, starting, type RunState } from './run-state';

/** Query key of the current run. */
export const runKey = ['dependencies', 'run'] as const;

let following: AbortController | null = null;

async function follow(qc: QueryClient, opId: string, signal: AbortSignal): Promise<void> {
  const update = (f: (s: RunState) => RunState) => {
    if (!signal.aborted) qc.setQueryData<RunState>(runKey, (s) => f(s ?? IDLE));
  };
  try {
    const events = await client.ops.events({ opId, after: -1 }, { signal });
    for await (const ev of events) {
      update((s) => reduce(s, ev, performance.now()));
      if (ev.kind === 'data' && (ev.payload as { type?: unknown }).type === 'result') startLayout(qc);
      if (ev.kind === 'done' || ev.kind === 'error') break;
    }
  } catch (err) {
    update((s) => (s.status === 'running' ? failed(s, err) : s));
  }
}

/** Lay out a new result's graph right away, before the view renders it. */
function startLayout(qc: QueryClient): void {
  performance.mark('pw-graph:result');
  const s = qc.getQueryData<RunState>(runKey);
  if (s?.outcome) prefetchLayout(s.outcome.graph.nodes, s.outcome.graph.edges);
}

type Start = { kind: 'resolve'; input: ResolveInput; dropped?: readonly RootRequirement[] } | { kind: 'check'; input: CheckInput };

/** Start a run (a previous one still running is cancelled). */
export async function startRun(qc: QueryClient, start: Start): Promise<void> {
  const prev = qc.getQueryData<RunState>(runKey) ?? IDLE;
  following?.abort();
  if (prev.opId && (prev.status === 'running' || prev.status === 'starting')) void client.ops.cancel({ opId: prev.opId }).catch(() => undefined);
  const ac = new AbortController();
  following = ac;
  qc.setQueryData<RunState>(runKey, starting(prev, start.kind === 'resolve' ? { kind: 'resolve', input: start.input, dropped: start.dropped ?? [] } : start));
  try {
    const { opId } = start.kind === 'resolve' ? await client.dependencies.resolve(start.input) : await client.dependencies.check(start.input);
    if (ac.signal.aborted) {
      void client.ops.cancel({ opId }).catch(() => undefined);
      return;
    }
    qc.setQueryData<RunState>(runKey, (s) => started(s ?? IDLE, opId));
    await follow(qc, opId, ac.signal);
  } catch (err) {
    if (!ac.signal.aborted) qc.setQueryData<RunState>(runKey, (s) => failed(s ?? IDLE, err));
  }
}

/** The current run, and functions to start and cancel one. */
export function useDependencyRun() {
  const qc = useQueryClient();
  const { data } = useQuery({ queryKey: runKey, queryFn: () => IDLE, initialData: IDLE, staleTime: Infinity, gcTime: Infinity });
  const start = useCallback((s: Start) => void startRun(qc, s), [qc]);
  const cancel = useCallback(() => {
    const s = qc.getQueryData<RunState>(runKey);
    if (s?.opId) void client.ops.cancel({ opId: s.opId }).catch(() => undefined);
  }, [qc]);
  return { state: data, start, cancel };
}
