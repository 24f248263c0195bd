import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { listLocalIndexFiles } from './local-wheels';
import { RECORD_FAILURES } from './record';
import type { WheelSummary } from './local-index.worker';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const files = (await listLocalIndexFiles()).filter((f) => f.filename.endsWith('.whl'));
if (files.length === 0) {
  if (CI) throw new Error('CI=true but no local package index was found (PACKWRIGHT_LOCAL_INDEX or pip config)');
  console.warn('skipped: no local package index (set PACKWRIGHT_LOCAL_INDEX or configure pip with a file:// index)');
}

/** Verify every wheel on all cores (worker threads), biggest first so the tail is short. */
async function verifyAll(paths: string[]): Promise<WheelSummary[]> {
  const queue = [...paths];
  const results: WheelSummary[] = [];
  const workers = Math.max(1, Math.min(2, availableParallelism()));
  await Promise.all(
    Array.from({ length: workers }, () => {
      // Register tsx inside the worker (vitest's transform does not reach worker threads).
      const entry = JSON.stringify(new URL('./local-index.worker.ts', import.meta.url).href);
      const w = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`, { eval: true });
      return new Promise<void>((resolve, reject) => {
        const next = (): void => void w.postMessage(queue.shift() ?? null);
        w.on('message', (r: WheelSummary) => {
          results.push(r);
          next();
        });
        w.on('error', reject);
        w.on('exit', () => resolve());
        next();
      });
    }),
  );
  return results;
}

describe('every wheel of the local package index', () => {
  it.skipIf(files.length === 0)('opens; filename, tags, WHEEL, METADATA and RECORD parse; every RECORD hash verifies', { timeout: 600_000 }, async () => {
    const t0 = performance.now();
    const paths = files.map((f) => f.path).sort((a, b) => statSync(b).size - statSync(a).size);
    const results = await verifyAll(paths);
    const seconds = (performance.now() - t0) / 1000;
    expect(results).toHaveLength(paths.length);
    const verifyFailure = (p: string): boolean => RECORD_FAILURES.has(p.split(' ')[0] as string);
    const failures = results.filter((r) => r.error || r.filenameError || !r.name || !r.version || !r.tags || r.problems?.some(verifyFailure));
    expect(failures.map((f) => ({ path: f.path, error: f.error, filenameError: f.filenameError, problems: f.problems?.filter(verifyFailure).slice(0, 5) }))).toEqual([]);
    const bytes = results.reduce((n, r) => n + (r.bytes ?? 0), 0);
    const members = results.reduce((n, r) => n + (r.files ?? 0), 0);
    const invalidMetadata = results.filter((r) => (r.metadataProblems?.length ?? 0) > 0).length;
    const warnings = results.flatMap((r) => (r.problems ?? []).map((p) => `${r.path.slice(r.path.lastIndexOf('/') + 1)}: ${p}`));
    console.log(
      `local index: ${results.length} wheels verified (${members} members, ${(bytes / 1e9).toFixed(2)} GB hashed) in ${seconds.toFixed(1)} s; ` +
        `${invalidMetadata} have METADATA that packaging's validation also rejects; ${warnings.length} warning(s):\n  ${warnings.join('\n  ')}`,
    );
  });
});
