/**
 * Graphs to ELK's layered layout (Sugiyama) and back: node sizes estimated from their labels,
 * options chosen by graph size, positions out. Pure (no DOM, no imports of app code), so the
 * layout worker, the unit tests and the layout benchmark in Node all use the same code.
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';

/** What the layout needs of a node. */
export interface LayoutNodeIn {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** What the layout needs of an edge. */
export interface LayoutEdgeIn {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** A laid-out node: top-left corner. */
export interface Placed {
  readonly x: number;
  readonly y: number;
}

/** A layout request, as posted to the worker. */
export interface LayoutRequest {
  readonly id: number;
  readonly nodes: readonly LayoutNodeIn[];
  readonly edges: readonly LayoutEdgeIn[];
}

/** A layout answer. */
export type LayoutResponse =
  | { readonly id: number; readonly ok: true; readonly positions: Readonly<Record<string, Placed>>; readonly width: number; readonly height: number; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Graphs above this many nodes get the cheaper options (fewer crossing-minimization sweeps). */
export const BIG_GRAPH = 250;

// Matches .dep-node in dependencies.css: 12px monospace (about 7.2px a character), 11px
// padding and a 1.5px border on each side (border-box), 17px lines; a margin for wider fonts.
const CHAR_WIDTH = 7.4;
const LINE_HEIGHT = 17;
const PAD_X = 30;
const PAD_Y = 18;

/** A node's box from its label (and a second line of detail), wrapping long labels. */
export function estimateSize(label: string, detail: string | null, maxWidth: number): { width: number; height: number } {
  const longest = Math.max(label.length, detail?.length ?? 0);
  const width = Math.min(maxWidth, Math.max(60, Math.ceil(longest * CHAR_WIDTH) + PAD_X));
  const perLine = Math.max(1, Math.floor((width - PAD_X) / CHAR_WIDTH));
  const lines = Math.ceil(label.length / perLine) + (detail ? Math.ceil(detail.length / perLine) : 0);
  return { width, height: lines * LINE_HEIGHT + PAD_Y };
}

/**
 * ELK options: layered (Sugiyama), top to bottom; network-simplex layering keeps edges short.
 * Big graphs use one crossing-minimization sweep and simple node placement.
 */
export function layoutOptions(nodeCount: number): LayoutOptions {
  const big = nodeCount > BIG_GRAPH;
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.spacing.nodeNode': '24',
    'elk.layered.spacing.nodeNodeBetweenLayers': '48',
    'elk.spacing.componentComponent': '40',
    // Edges are drawn by the renderer; only node positions are used.
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.layering.strategy': 'NETWORK_SIMPLEX',
    'elk.layered.nodePlacement.strategy': big ? 'SIMPLE' : 'BRANDES_KOEPF',
    'elk.layered.thoroughness': big ? '1' : '7',
  };
}

/**
 * The edges that shape the layout. Small graphs: all of them. Big graphs: a breadth-first
 * spanning forest from the nodes nothing points at (each node under its nearest parent), so
 * layers read as "distance from your requirements" and the layout stays fast; every edge is
 * still drawn.
 */
export function layoutEdges(nodes: readonly LayoutNodeIn[], edges: readonly LayoutEdgeIn[]): LayoutEdgeIn[] {
  const ids = new Set(nodes.map((n) => n.id));
  const seen = new Set<string>();
  const usable: LayoutEdgeIn[] = [];
  for (const e of edges) {
    if (!ids.has(e.from) || !ids.has(e.to) || e.from === e.to) continue;
    const key = `${e.from}\u0000${e.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    usable.push(e);
  }
  if (nodes.length <= BIG_GRAPH) return usable;
  const out = new Map<string, LayoutEdgeIn[]>();
  const hasParent = new Set<string>();
  for (const e of usable) {
    let list = out.get(e.from);
    if (!list) out.set(e.from, (list = []));
    list.push(e);
    hasParent.add(e.to);
  }
  const visited = new Set<string>();
  const tree: LayoutEdgeIn[] = [];
  const walk = (start: string): void => {
    visited.add(start);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const e of out.get(queue[i] as string) ?? []) {
        if (visited.has(e.to)) continue;
        visited.add(e.to);
        tree.push(e);
        queue.push(e.to);
      }
    }
  };
  for (const n of nodes) if (!hasParent.has(n.id)) walk(n.id);
  // Nodes only reachable through a cycle.
  for (const n of nodes) if (!visited.has(n.id)) walk(n.id);
  return tree;
}

/** The ELK graph for nodes and edges (edges to unknown nodes and self-loops are left out). */
export function toElkGraph(nodes: readonly LayoutNodeIn[], edges: readonly LayoutEdgeIn[]): ElkNode {
  const elkEdges: ElkExtendedEdge[] = layoutEdges(nodes, edges).map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] }));
  return {
    id: 'root',
    layoutOptions: layoutOptions(nodes.length),
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: elkEdges,
  };
}

/** Node positions of a laid-out ELK graph, and its size. */
export function positionsOf(laid: ElkNode): { positions: Record<string, Placed>; width: number; height: number } {
  const positions: Record<string, Placed> = {};
  for (const c of laid.children ?? []) positions[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  return { positions, width: laid.width ?? 0, height: laid.height ?? 0 };
}
