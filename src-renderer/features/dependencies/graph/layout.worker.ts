/**
 * The layout worker: ELK's layered layout off the UI thread (CSP `worker-src 'self' blob:`).
 * Receives a LayoutRequest, answers with node positions and the time ELK took.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { positionsOf, toElkGraph, type LayoutRequest, type LayoutResponse } from './elk-graph';

interface WorkerScope {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
}

const scope = self as unknown as WorkerScope;
// elkjs's bundle installs its own message handler when it finds itself in a worker (at
// construction); ours is assigned afterwards and replaces it.
const elk = new ELK();

scope.onmessage = (e) => {
  const req = e.data;
  const t0 = performance.now();
  elk.layout(toElkGraph(req.nodes, req.edges)).then(
    (laid) => scope.postMessage({ id: req.id, ok: true, ...positionsOf(laid), ms: performance.now() - t0 }),
    (err: unknown) => scope.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
};
