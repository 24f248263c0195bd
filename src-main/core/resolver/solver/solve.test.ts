import { describe, expect, it } from 'vitest';
import { normalizeName, type NormalizedName } from '../../standards/names';
import type { Version } from '../../standards/pep440';
import { MemoryProvider, type MemoryIndex } from '../memory-provider';
import type { MetadataProvider, ProjectListing, VersionMetadata } from '../provider';
import { conflictGraph } from '../result/graph';
import { explainFailure } from '../result/explain';
import { pinsOf, solveIndex, TARGET_312 } from '../testing/fixtures';
import { BadRequirementError } from './dependencies';
import { resolve, ResolutionLimitError } from './solve';

const basic: MemoryIndex = {
  a: { '1.0': { requiresDist: ['b>=1'] }, '2.0': { requiresDist: ['b>=2', 'c'] } },
  b: { '1.0': {}, '2.0': {}, '3.0': {} },
  c: { '1.0': { requiresDist: ['B<3'] } },
};

/** A provider that answers after pseudo-random delays and records concurrency. */
class JitterProvider implements MetadataProvider {
  private readonly inner: MemoryProvider;
  private state: number;
  active = 0;
  maxActive = 0;
  constructor(index: MemoryIndex, seed: number) {
    this.inner = new MemoryProvider(index);
    this.state = seed;
  }
  private async delay<T>(f: () => Promise<T>): Promise<T> {
    this.state = (this.state * 1103515245 + 12345) % 2147483648;
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    await new Promise((r) => setTimeout(r, this.state % 7));
    try {
      return await f();
    } finally {
      this.active--;
    }
  }
  listVersions(name: NormalizedName): Promise<ProjectListing | null> {
    return this.delay(() => this.inner.listVersions(name));
  }
  getMetadata(name: NormalizedName, v: Version): Promise<VersionMetadata> {
    return this.delay(() => this.inner.getMetadata(name, v));
  }
}

describe('resolve', () => {
  it('picks the newest compatible versions and records parents with their requirement strings', async () => {
    const r = await solveIndex(basic, ['a']);
    expect(pinsOf(r)).toEqual(['a==2.0', 'b==2.0', 'c==1.0']);
    if (!r.ok) return;
    const b = r.pins.find((p) => p.name === 'b');
    expect(b?.direct).toBe(false);
    expect(b?.parents).toEqual([
      { parent: 'a', parentVersion: '2.0', viaExtra: null, requirements: ['b>=2'] },
      { parent: 'c', parentVersion: '1.0', viaExtra: null, requirements: ['B<3'] },
    ]);
    expect(r.pins.find((p) => p.name === 'a')?.parents).toEqual([{ parent: null, parentVersion: null, viaExtra: null, requirements: ['a'] }]);
  });

  it('backtracks to an older version when the newest conflicts', async () => {
    const index: MemoryIndex = { a: { '1.0': {}, '2.0': { requiresDist: ['b==1.0'] } }, b: { '1.0': {}, '2.0': {} } };
    expect(pinsOf(await solveIndex(index, ['a', 'b==2.0']))).toEqual(['a==1.0', 'b==2.0']);
  });

  it('models extras as virtual packages and reports them on the pin', async () => {
    const index: MemoryIndex = {
      a: { '1.0': { requiresDist: ['b ; extra == "X-Y"', 'c ; python_version < "3"'], providesExtra: ['x_y'] } },
      b: { '1.0': {} },
      c: { '1.0': {} },
    };
    const r = await solveIndex(index, ['a[x.y]']);
    expect(pinsOf(r)).toEqual(['a==1.0', 'b==1.0']);
    if (!r.ok) return;
    expect(r.pins[0]?.extras).toEqual(['x-y']);
    expect(r.pins[1]?.parents).toEqual([{ parent: 'a', parentVersion: '1.0', viaExtra: 'x-y', requirements: ['b ; extra == "X-Y"'] }]);
  });

  it('warns about a missing extra and goes on', async () => {
    const r = await solveIndex({ a: { '1.0': {} } }, ['a[nope]']);
    expect(pinsOf(r)).toEqual(['a==1.0']);
    expect(r.warnings).toEqual(["a 1.0 does not provide the extra 'nope'"]);
  });

  it('evaluates markers for the target environment', async () => {
    const index: MemoryIndex = { a: { '1.0': { requiresDist: ['w ; sys_platform == "win32"', 'l ; sys_platform == "linux"'] } }, w: { '1.0': {} }, l: { '1.0': {} } };
    expect(pinsOf(await solveIndex(index, ['a', 'x ; os_name == "nt"']))).toEqual(['a==1.0', 'l==1.0']);
  });

  it('applies resolution strategies', async () => {
    const index: MemoryIndex = { a: { '1.0': { requiresDist: ['b>=1'] }, '2.0': { requiresDist: ['b>=1'] } }, b: { '1.0': {}, '2.0': {} } };
    expect(pinsOf(await solveIndex(index, ['a'], { resolution: 'lowest' }))).toEqual(['a==1.0', 'b==1.0']);
    expect(pinsOf(await solveIndex(index, ['a'], { resolution: 'lowest-direct' }))).toEqual(['a==1.0', 'b==2.0']);
    expect(pinsOf(await solveIndex(index, ['a'], { resolution: 'highest' }))).toEqual(['a==2.0', 'b==2.0']);
  });

  it('applies the pre-release policies', async () => {
    const index: MemoryIndex = { a: { '1.0': {}, '2.0b1': {} }, p: { '1.0a1': {}, '1.0a2': {} } };
    expect(pinsOf(await solveIndex(index, ['a>=1.0a1', 'p']))).toEqual(['a==1.0', 'p==1.0a2']);
    expect(pinsOf(await solveIndex(index, ['a', 'p'], { prerelease: 'allow' }))).toEqual(['a==2.0b1', 'p==1.0a2']);
    expect(pinsOf(await solveIndex(index, ['a>=2.0a1'], {}))).toEqual(['a==2.0b1']);
    expect((await solveIndex(index, ['a>=2.0a1'], { prerelease: 'disallow' })).ok).toBe(false);
  });

  it('uses a yanked version only when the root pins it exactly', async () => {
    const index: MemoryIndex = { a: { '1.0': { requiresDist: ['b==2.0'] } }, b: { '1.0': {}, '2.0': { yanked: 'broken' } } };
    expect((await solveIndex(index, ['a'])).ok).toBe(false);
    expect(pinsOf(await solveIndex(index, ['a', 'b==2.0']))).toEqual(['a==1.0', 'b==2.0']);
    const r = await solveIndex(index, ['a', 'b==2.0']);
    expect(r.ok && r.pins[1]?.yanked).toBe(true);
  });

  it('checks Requires-Python from the listing and from the metadata', async () => {
    const index: MemoryIndex = { a: { '1.0': {}, '2.0': { requiresPython: '>=3.13' } } };
    expect(pinsOf(await solveIndex(index, ['a']))).toEqual(['a==1.0']);
    const provider = new MemoryProvider(index);
    const hidden: MetadataProvider = {
      listVersions: async (n) => {
        const l = await provider.listVersions(n);
        return l && { ...l, versions: l.versions.map((v) => ({ ...v, requiresPython: null })) };
      },
      getMetadata: (n, v) => provider.getMetadata(n, v),
    };
    expect(pinsOf(await resolve(hidden, { requirements: ['a'], target: TARGET_312 }))).toEqual(['a==1.0']);
  });

  it('skips a version with unparsable metadata', async () => {
    const index: MemoryIndex = { a: { '1.0': {}, '2.0': { requiresDist: ['b >= = 1'] } } };
    expect(pinsOf(await solveIndex(index, ['a']))).toEqual(['a==1.0']);
  });

  it('applies constraints without adding packages', async () => {
    expect(pinsOf(await solveIndex(basic, ['a'], { constraints: ['b<2', 'zzz==1'] }))).toEqual(['a==1.0', 'b==1.0']);
  });

  it('rejects bad root requirements', async () => {
    await expect(solveIndex(basic, ['a >= = 1'])).rejects.toBeInstanceOf(BadRequirementError);
    await expect(solveIndex(basic, ['a @ https://example.invalid/a.whl'])).rejects.toBeInstanceOf(BadRequirementError);
  });

  it('is deterministic whatever the provider timing', async () => {
    const index: MemoryIndex = {
      ...basic,
      d: { '1.0': { requiresDist: ['a<2', 'e'] }, '2.0': { requiresDist: ['a>=2', 'e>=2'] } },
      e: { '1.0': {}, '2.0': { requiresDist: ['b<2'] } },
    };
    const outputs = new Set<string>();
    for (const seed of [1, 7, 42, 1234]) {
      for (const reqs of [['a', 'd'], ['a>=2', 'd>=2', 'b>=2']]) {
        const r = await resolve(new JitterProvider(index, seed), { requirements: reqs, target: TARGET_312 }, { concurrency: 3 });
        const summary = r.ok ? pinsOf(r).join(' ') : `${explainFailure(r.failure).text}\n${JSON.stringify(conflictGraph(r.failure).nodes)}`;
        outputs.add(`${reqs.join(',')}:${summary}`);
      }
    }
    expect(outputs.size).toBe(2);
  });

  it('bounds provider concurrency and prefetches', async () => {
    const index: MemoryIndex = { root: { '1.0': { requiresDist: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] } } };
    for (let i = 1; i <= 6; i++) (index as Record<string, unknown>)[`p${i}`] = { '1.0': {}, '2.0': {} };
    const p = new JitterProvider(index, 3);
    await resolve(p, { requirements: ['root'], target: TARGET_312 }, { concurrency: 2 });
    expect(p.maxActive).toBe(2);
  });

  it('reports progress and can be cancelled', async () => {
    const seen: number[] = [];
    const r = await solveIndex(basic, ['a'], {}, { onProgress: (s) => seen.push(s.decisions), progressIntervalMs: 0 });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(r.stats.decisions);
    const ctl = new AbortController();
    const pending = solveIndex(basic, ['a'], {}, { signal: ctl.signal, provider: { delayMs: 50 } });
    setTimeout(() => ctl.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(solveIndex(basic, ['a'], {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops at its step budget with a clear error', async () => {
    await expect(solveIndex(basic, ['a'], {}, { maxSteps: 2 })).rejects.toBeInstanceOf(ResolutionLimitError);
    await expect(solveIndex(basic, ['a'], {}, { maxSteps: 2 })).rejects.toThrow(/stopped after 2 steps/);
  });

  it('normalizes names everywhere', () => {
    expect(normalizeName('B')).toBe('b');
  });
});
