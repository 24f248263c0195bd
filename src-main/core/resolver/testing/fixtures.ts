/**
 * Test helper: resolve hand-made indexes for one default target (CPython 3.12,
 * manylinux_2_28 x86_64).
 */
import { MemoryProvider, type MemoryIndex, type MemoryProviderOptions } from '../memory-provider';
import { resolve } from '../solver/solve';
import { resolverTarget, targetFromStrings, type ResolverTarget } from '../target';
import type { ResolveOptions, ResolveRequest, ResolveResult } from '../types';

/** CPython 3.12 on manylinux_2_28 x86_64. */
export const TARGET_312: ResolverTarget = resolverTarget(targetFromStrings('3.12'));

/** Resolve `requirements` against `index`. */
export function solveIndex(
  index: MemoryIndex,
  requirements: readonly string[],
  request: Partial<Omit<ResolveRequest, 'requirements'>> = {},
  options: ResolveOptions & { provider?: MemoryProviderOptions } = {},
): Promise<ResolveResult> {
  return resolve(new MemoryProvider(index, options.provider), { target: TARGET_312, ...request, requirements }, options);
}

/** `name==version` lines of a successful result (throws on failure). */
export function pinsOf(r: ResolveResult): string[] {
  if (!r.ok) throw new Error('expected a resolution');
  return r.pins.map((p) => `${p.name}==${p.version}`);
}

/** Dart pub's "branching error reporting" example (doc/solver.md). */
export const BRANCHING: MemoryIndex = {
  foo: { '1.0.0': { requiresDist: ['a>=1,<2', 'b>=1,<2'] }, '1.1.0': { requiresDist: ['x>=1,<2', 'y>=1,<2'] } },
  a: { '1.0.0': { requiresDist: ['b>=2,<3'] } },
  b: { '1.0.0': {}, '2.0.0': {} },
  x: { '1.0.0': { requiresDist: ['y>=2,<3'] } },
  y: { '1.0.0': {}, '2.0.0': {} },
};
