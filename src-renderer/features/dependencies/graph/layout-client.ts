/**
 * The UI side of the layout worker: one worker for the page, requests matched to answers by
 * id, and a small cache so switching back to a graph does not lay it out again.
 */
import type { LayoutEdgeIn, LayoutNodeIn, LayoutRequest, LayoutResponse } from './elk-graph';
import LayoutWorker from './layout.worker?worker';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (r: LayoutResponse) => void>();
const cache = new Map<string, Promise<LayoutResponse>>();
const CACHE_SIZE = 8;

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new LayoutWorker();
  w.onmessage = (e: MessageEvent<LayoutResponse>) => {
    const done = pending.get(e.data.id);
    pending.delete(e.data.id);
    done?.(e.data);
  };
  w.onerror = (e) => {
    for (const [id, done] of pending) done({ id, ok: false, error: e.message || 'the layout worker failed' });
    pending.clear();
    worker = null;
  };
  worker = w;
  return w;
}

let warming: Promise<void> | null = null;

/**
 * Start the worker and lay out two small graphs once (one per set of options), so ELK's code is
 * loaded and compiled by the time a real graph arrives. Called when the workspace opens;
 * resolves when the worker is warm.
 */
export function warmUpLayout(): Promise<void> {
  warming ??= Promise.all(
    [40, 200].map((n) => {
      const nodes = Array.from({ length: n }, (_, i) => ({ id: `w${i}`, width: 120, height: 34 }));
      const edges = nodes.slice(1).flatMap((node, i) => [
        { id: `a${i}`, from: `w${Math.floor(i / 2)}`, to: node.id },
        { id: `b${i}`, from: `w${Math.floor(i / 3)}`, to: node.id },
      ]);
      const id = nextId++;
      return new Promise<void>((resolve) => {
        pending.set(id, () => resolve());
        ensureWorker().postMessage({ id, nodes, edges } satisfies LayoutRequest);
      });
    }),
  ).then(() => undefined);
  return warming;
}

/** A key for a graph's layout (node ids and sizes, edge endpoints). */
export function layoutKey(nodes: readonly LayoutNodeIn[], edges: readonly LayoutEdgeIn[]): string {
  return `${nodes.map((n) => `${n.id}:${n.width}x${n.height}`).join('|')}#${edges.map((e) => `${e.from}>${e.to}`).join('|')}`;
}

/** Lay out a graph in the worker (cached by key). */
export function layoutGraph(key: string, nodes: readonly LayoutNodeIn[], edges: readonly LayoutEdgeIn[]): Promise<LayoutResponse> {
  const hit = cache.get(key);
  if (hit) return hit;
  const id = nextId++;
  performance.mark('pw-graph:layout-requested');
  const req: LayoutRequest = { id, nodes: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })), edges: edges.map((e) => ({ id: e.id, from: e.from, to: e.to })) };
  const p = new Promise<LayoutResponse>((resolve) => {
    pending.set(id, resolve);
    ensureWorker().postMessage(req);
  });
  cache.set(key, p);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  void p.then((r) => {
    if (!r.ok) cache.delete(key);
  });
  return p;
}
