/** Lay out a graph in the worker whenever it changes; positions are null until the answer arrives. */
import { useEffect, useMemo, useState } from 'react';
import type { LayoutEdgeIn, LayoutNodeIn, Placed } from './elk-graph';
import { layoutGraph, layoutKey } from './layout-client';

export interface LayoutState {
  readonly key: string;
  readonly positions: Readonly<Record<string, Placed>> | null;
  readonly ms: number | null;
  readonly error: string | null;
}

export function useLayout(nodes: readonly LayoutNodeIn[], edges: readonly LayoutEdgeIn[]): LayoutState {
  const key = useMemo(() => layoutKey(nodes, edges), [nodes, edges]);
  const [state, setState] = useState<LayoutState>({ key: '', positions: null, ms: null, error: null });
  useEffect(() => {
    let live = true;
    const t0 = performance.now();
    void layoutGraph(key, nodes, edges).then((r) => {
      if (!live) return;
      if (r.ok) setState({ key, positions: r.positions, ms: performance.now() - t0, error: null });
      else setState({ key, positions: null, ms: null, error: r.error });
    });
    return () => {
      live = false;
    };
    // key captures nodes and edges
  }, [key]);
  return state.key === key ? state : { key, positions: null, ms: null, error: null };
}
