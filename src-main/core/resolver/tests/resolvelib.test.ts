/**
 * resolvelib's functional cases (shared/corpus/resolvelib) against their real PyPI snapshots.
 *
 * Markers follow resolvelib's harness (testing/resolvelib-cases.ts): the expected pins were
 * computed that way. `unvisited` versions must never be tried (pinned or rejected); we check
 * them for every case, `needs_optimistic` ones included (PubGrub's backjumping needs no
 * optimism). pyrex-1.9.8, which resolvelib gives up on ("Too many rounds"), must end within a
 * bounded time with an answer: pins, or an explanation.
 */
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/shared-dir';
import { normalizeName } from '../../standards/names';
import { compareVersions, parseVersion } from '../../standards/pep440';
import { MemoryProvider } from '../memory-provider';
import { explainFailure } from '../result/explain';
import { resolve } from '../solver/solve';
import { resolverTarget, targetFromStrings } from '../target';
import { expectedPins, loadResolvelibCases, loadResolvelibIndex } from '../testing/resolvelib-cases';

const inputs = sharedPath('corpus', 'resolvelib', 'inputs');
const cases = loadResolvelibCases(inputs);
const target = resolverTarget(targetFromStrings('3.11'));

describe('resolvelib cases', () => {
  it.each(cases.filter((c) => !c.name.startsWith('pyrex')).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const visited = new Set<string>();
    const provider = new MemoryProvider(loadResolvelibIndex(inputs, c.index, { harness: true }));
    const res = await resolve(provider, { requirements: c.requested, target }, { onCandidate: (pkg, v) => visited.add(`${pkg} ${v}`) });
    if (c.conflicted) {
      expect(res.ok).toBe(false);
      if (!res.ok) {
        const named = new Set([...res.failure.tree.nodes.values()].flatMap((n) => n.terms.map((t) => t.pkg)).filter((p) => p !== '<root>').map((p) => p.replace(/\[.*$/, '')));
        for (const n of c.conflicted) expect(named.has(normalizeName(n))).toBe(true);
      }
    } else {
      expect(res.ok).toBe(true);
      if (res.ok) {
        const want = expectedPins(c);
        const got = new Map<string, string>(res.pins.map((p) => [p.name, p.version]));
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [n, v] of want) expect(compareVersions(parseVersion(got.get(n) as string), parseVersion(v)), `${n}: ${got.get(n)} vs ${v}`).toBe(0);
      }
    }
    for (const [name, versions] of Object.entries(c.unvisited ?? {})) {
      for (const v of versions) expect(visited.has(`${normalizeName(name) as string} ${parseVersion(v).toString()}`), `${name} ${v} was visited`).toBe(false);
    }
  });

  it('pyrex-1.9.8 ends within a bounded time with pins or an explanation', async () => {
    const c = cases.find((x) => x.name.startsWith('pyrex'));
    expect(c).toBeDefined();
    if (!c) return;
    const provider = new MemoryProvider(loadResolvelibIndex(inputs, c.index, { harness: true }));
    const started = performance.now();
    const res = await resolve(provider, { requirements: c.requested, target }, { timeoutMs: 30_000 });
    expect(performance.now() - started).toBeLessThan(30_000);
    if (!res.ok) {
      const text = explainFailure(res.failure).text;
      expect(text).toMatch(/you require pyrax==1\.9\.8/);
      expect(text).toMatch(/your requirements are unsatisfiable\.$/m);
    }
  });

  it('resolves every case with real marker evaluation too (no harness quirk)', async () => {
    for (const c of cases) {
      const provider = new MemoryProvider(loadResolvelibIndex(inputs, c.index));
      const res = await resolve(provider, { requirements: c.requested, target }, { timeoutMs: 30_000 });
      expect(typeof res.ok).toBe('boolean');
    }
  });
});
