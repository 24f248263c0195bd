/**
 * Paths in the dependency and conflict graphs: what to highlight when a node is selected (the
 * path from the root requirement to a package, like `npm explain`; what a requirement brings
 * in; the derivation under a conclusion), and the explicit chains a "why" panel lists.
 */

/** The edge fields these functions need. */
export interface PathEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: string;
}

/** Nodes and edges to highlight. */
export interface Highlight {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

/** Nothing highlighted. */
export const EMPTY_HIGHLIGHT: Highlight = { nodes: new Set(), edges: new Set() };

/** Edges by endpoint, for one or more edge kinds. */
export class EdgeIndex {
  private readonly outgoing = new Map<string, PathEdge[]>();
  private readonly incoming = new Map<string, PathEdge[]>();

  constructor(edges: readonly PathEdge[]) {
    for (const e of edges) {
      push(this.outgoing, e.from, e);
      push(this.incoming, e.to, e);
    }
  }

  out(id: string, kinds: ReadonlySet<string>): PathEdge[] {
    return (this.outgoing.get(id) ?? []).filter((e) => kinds.has(e.kind));
  }

  in(id: string, kinds: ReadonlySet<string>): PathEdge[] {
    return (this.incoming.get(id) ?? []).filter((e) => kinds.has(e.kind));
  }
}

function push(m: Map<string, PathEdge[]>, k: string, e: PathEdge): void {
  const list = m.get(k);
  if (list) list.push(e);
  else m.set(k, [e]);
}

/** Everything reachable from `start` along `kinds` edges (forward or backward), start included. */
export function reach(index: EdgeIndex, start: string, kinds: ReadonlySet<string>, backward: boolean): Highlight {
  const nodes = new Set([start]);
  const edges = new Set<string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i] as string;
    for (const e of backward ? index.in(at, kinds) : index.out(at, kinds)) {
      edges.add(e.id);
      const next = backward ? e.from : e.to;
      if (!nodes.has(next)) {
        nodes.add(next);
        queue.push(next);
      }
    }
  }
  return { nodes, edges };
}

/** Merge highlights. */
export function union(...hs: Highlight[]): Highlight {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const h of hs) {
    for (const n of h.nodes) nodes.add(n);
    for (const e of h.edges) edges.add(e);
  }
  return { nodes, edges };
}

const DEPENDS = new Set(['depends-on']);
const DERIVED = new Set(['derived-from']);
const ABOUT = new Set(['about']);

/**
 * What selecting a node highlights. A package: every path from the root (or the user's
 * requirements) down to it. A requirement or the root: what it brings in. An incompatibility:
 * the derivation under it and the packages each step is about.
 */
export function highlightFor(index: EdgeIndex, id: string): Highlight {
  if (id.startsWith('pkg:')) return reach(index, id, DEPENDS, true);
  if (id.startsWith('req:') || id === 'root') return reach(index, id, DEPENDS, false);
  if (id.startsWith('inc:')) {
    const derivation = reach(index, id, DERIVED, false);
    const about = [...derivation.nodes].map((n) => {
      const es = index.out(n, ABOUT);
      return { nodes: new Set(es.map((e) => e.to)), edges: new Set(es.map((e) => e.id)) };
    });
    return union(derivation, ...about);
  }
  return { nodes: new Set([id]), edges: new Set() };
}

/**
 * Chains from a root (a node nothing points at along depends-on edges) to `target`, shortest
 * first, at most `limit` of them: the `npm explain` view. Each chain lists node ids from the
 * root down to the target.
 */
export function chainsTo(index: EdgeIndex, target: string, limit = 12): string[][] {
  const out: string[][] = [];
  let budget = 20_000;
  // Depth-first from the target backwards; a node already on the chain closes a cycle. The
  // budget bounds the walk in graphs with very many paths.
  const walk = (at: string, chain: string[]): void => {
    if (out.length >= limit * 4 || --budget < 0) return;
    const parents = index.in(at, DEPENDS);
    if (parents.length === 0) {
      out.push([...chain].reverse());
      return;
    }
    for (const e of parents) if (!chain.includes(e.from)) walk(e.from, [...chain, e.from]);
  };
  walk(target, [target]);
  return out.sort((a, b) => a.length - b.length || a.join('>').localeCompare(b.join('>'))).slice(0, limit);
}

/** Ids of nodes whose label contains `query` (case-insensitive); empty query → none. */
export function searchNodes(nodes: readonly { readonly id: string; readonly label: string }[], query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return nodes.filter((n) => n.label.toLowerCase().includes(q)).map((n) => n.id);
}
