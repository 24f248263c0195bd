import { describe, expect, it } from 'vitest';
import { MemoryProvider, type MemoryIndex } from '../memory-provider';
import { resolve } from '../solver/solve';
import { resolverTarget, targetFromStrings } from '../target';
import { TARGET_312 } from '../testing/fixtures';
import type { ResolveRequest } from '../types';
import { suggestFixes } from './suggestions';

const INDEX: MemoryIndex = {
  app: { '1.0': { requiresDist: ['lib>=2'] } },
  lib: { '1.0': {}, '2.0': {}, '2.5': {} },
  tool: { '1.0': { requiresDist: ['lib<2'] } },
  new: { '1.0': { requiresPython: '>=3.13' } },
  pre: { '1.0b1': {} },
};

async function fixes(requirements: string[], extra: Partial<ResolveRequest> = {}) {
  const provider = new MemoryProvider(INDEX);
  const request: ResolveRequest = { requirements, target: TARGET_312, ...extra };
  const r = await resolve(provider, request);
  if (r.ok) throw new Error('expected a failure');
  const out = await suggestFixes(provider, request, r.failure, { retarget: (py) => resolverTarget(targetFromStrings(py)) });
  // Every suggestion really resolves.
  for (const s of out) {
    const target = s.python ? resolverTarget(targetFromStrings(s.python)) : request.target;
    const again = await resolve(provider, { ...request, requirements: s.requirements, target, prerelease: s.prerelease ?? request.prerelease });
    expect(again.ok, s.description).toBe(true);
  }
  return out;
}

describe('suggestFixes', () => {
  it('relaxes a bound to what is available, smallest change first', async () => {
    const out = await fixes(['app', 'lib<1.5']);
    expect(out[0]).toMatchObject({ kind: 'relax-upper', from: 'lib<1.5', to: 'lib<=2.5', requirementIndex: 1 });
    expect(out.map((s) => s.kind)).toContain('drop');
    expect(out[0]?.description).toBe('Change `lib<1.5` to `lib<=2.5`');
  });

  it('moves an exact pin and drops a conflicting requirement', async () => {
    const out = await fixes(['app', 'lib==1.0']);
    expect(out[0]).toMatchObject({ kind: 'change-pin', to: 'lib==2.5' });
    const two = await fixes(['app', 'tool']);
    expect(two.map((s) => `${s.kind}:${s.from}`)).toEqual(['drop:app', 'drop:tool']);
  });

  it('suggests allowing pre-releases and a newer Python', async () => {
    expect((await fixes(['pre'], { prerelease: 'disallow' })).map((s) => s.kind)).toContain('allow-prereleases');
    const py = await fixes(['new']);
    expect(py.find((s) => s.kind === 'change-python')).toMatchObject({ python: '3.13' });
  });
});
