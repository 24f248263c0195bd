/**
 * The resolver host: where the thread's entry is found, the in-process fallback, and a thread
 * that ignores `cancel` being terminated after the grace period (the job still ends).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DependenciesEvent } from '../../contract';
import type { OpContext } from '../ops/registry';
import { buildIndexTree } from '../resolver/providers/testing/build-tree';
import type { ResolveJob } from './job';
import { locateWorker, ResolverHost } from './resolver-host';

function sink(signal: AbortSignal) {
  const events: DependenciesEvent[] = [];
  const ctx: OpContext = { signal, progress: () => undefined, log: () => undefined, data: (p) => void events.push(p as DependenciesEvent) };
  return { ctx, events };
}

const job = (indexUrl: string, requirements: string[]): ResolveJob => ({
  kind: 'resolve',
  requirements: requirements.map((text) => ({ text, origin: null })),
  constraints: [],
  index: { indexes: [indexUrl], findLinks: [], strategy: 'first-index', offline: false, cacheDir: null },
  prerelease: 'prefer-stable',
  strategy: 'highest',
  warnings: [],
  projectRequiresPython: null,
  target: { kind: 'named', id: 'cp312-manylinux_2_28_x86_64' },
  suggest: false,
});

describe('locateWorker', () => {
  it('uses the source entry through tsx when running from source', () => {
    expect(locateWorker('file:///x/core/dependencies/resolver-host.ts', {})).toEqual({ kind: 'tsx', url: 'file:///x/core/dependencies/resolve-worker.ts' });
  });

  it('finds the bundle entry next to a chunk, and honours PACKWRIGHT_RESOLVER_IN_PROCESS', () => {
    const out = mkdtempSync(join(tmpdir(), 'pw-out-'));
    mkdirSync(join(out, 'chunks'));
    writeFileSync(join(out, 'resolve-worker.js'), '');
    const chunk = pathToFileURL(join(out, 'chunks', 'index-abc.js')).href;
    expect(locateWorker(chunk, {})).toEqual({ kind: 'file', path: join(out, 'resolve-worker.js') });
    expect(locateWorker(chunk, { PACKWRIGHT_RESOLVER_IN_PROCESS: '1' })).toBeNull();
    expect(locateWorker(pathToFileURL(join(tmpdir(), 'nowhere', 'x.js')).href, {})).toBeNull();
  });
});

describe('ResolverHost', () => {
  it('runs jobs in-process when there is no thread entry', async () => {
    const tree = await buildIndexTree(mkdtempSync(join(tmpdir(), 'pw-host-')), [{ name: 'pw-x', version: '1.0' }]);
    const host = new ResolverHost({ worker: null });
    expect(host.threaded).toBe(false);
    const { ctx, events } = sink(new AbortController().signal);
    expect(await host.run(job(tree.simpleUrl, ['pw-x']), ctx)).toEqual({ ok: true, pins: 1 });
    expect(events.find((e) => e.type === 'result')).toMatchObject({ outcome: { ok: true, pins: [{ name: 'pw-x', version: '1.0' }] } });
  });

  it('falls back to in-process when the thread cannot start, the waiting job included', async () => {
    const tree = await buildIndexTree(mkdtempSync(join(tmpdir(), 'pw-host-')), [{ name: 'pw-y', version: '2.0' }]);
    const host = new ResolverHost({ worker: { kind: 'file', path: join(tmpdir(), 'no-such-worker.mjs') } });
    const { ctx } = sink(new AbortController().signal);
    expect(await host.run(job(tree.simpleUrl, ['pw-y']), ctx)).toEqual({ ok: true, pins: 1 });
    expect(host.threaded).toBe(false);
  });

  it('terminates a thread that does not stop when cancelled, and starts a fresh one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-host-'));
    const stuck = join(dir, 'stuck-worker.mjs');
    writeFileSync(stuck, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\nparentPort.postMessage({ type: 'ready' });\n");
    const host = new ResolverHost({ worker: { kind: 'file', path: stuck }, cancelGraceMs: 100 });
    const ac = new AbortController();
    const running = host.run(job('file:///nowhere/', ['x']), sink(ac.signal).ctx);
    setTimeout(() => ac.abort(new Error('stop')), 50);
    const t0 = performance.now();
    await expect(running).rejects.toThrow('stop');
    expect(performance.now() - t0).toBeLessThan(2000);
    const again = new AbortController();
    const second = host.run(job('file:///nowhere/', ['x']), sink(again.signal).ctx);
    expect(host.threadsStarted).toBe(2);
    again.abort(new Error('done'));
    await expect(second).rejects.toThrow('done');
    await host.dispose();
  });
});

