/** Lay out a graph in the worker whenever it changes; positions are null until the answer arrives. */
import { useEffect, useMemo, useState } from 'react';
import type { LayoutEdgeIn, LayoutNodeIn, Placed } from './elk-graph';
import { layoutGraph, layoutKey } from './layout-client';

/** A graph's layout (positions null while it is computed). */
export interface LayoutState {
  readonly key: string;
  readonly positions: Readonly<Record<string, Placed>> | null;
  /** The laid-out graph's size. */
  readonly width: number;
  readonly height: number;
  /** ELK's own time in the worker. */
  readonly ms: number | null;
  readonly error: string | null;
}

const EMPTY = { positions: null, width: 0, height: 0, ms: null, error: null };

/** The layout of `nodes` and `edges`, recomputed when they change (cached by key). */
export function useLayout(nodes: readonly LayoutNodeIn[], edges: readonly LayoutEdgeIn[]): LayoutState {
  const key = useMemo(() => layoutKey(nodes, edges), [nodes, edges]);
  const [state, setState] = useState<LayoutState>({ key: '', ...EMPTY });
  useEffect(() => {
    let live = true;
    void layoutGraph(key, nodes, edges).then((r) => {
      if (!live) return;
      performance.mark('pw-graph:laid-out');
      if (r.ok) setState({ key, positions: r.positions, width: r.width, height: r.height, ms: r.ms, error: null });
      else setState({ key, ...EMPTY, error: r.error });
    });
    return () => {
      live = false;
    };
    // key captures nodes and edges
  }, [key]);
  return state.key === key ? state : { key, ...EMPTY };
}
