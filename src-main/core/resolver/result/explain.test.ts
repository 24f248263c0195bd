import { describe, expect, it } from 'vitest';
import type { MemoryIndex } from '../memory-provider';
import { BRANCHING, solveIndex } from '../testing/fixtures';
import { resolverTarget, targetFromStrings } from '../target';
import type { ResolveResult } from '../types';
import { explainFailure } from './explain';

function explain(r: ResolveResult) {
  if (r.ok) throw new Error('expected a failure');
  return explainFailure(r.failure);
}

describe('explainFailure', () => {
  it('numbers a shared sub-derivation and refers back to it', async () => {
    const ex = explain(await solveIndex(BRANCHING, ['foo>=1,<2']));
    const texts = ex.lines.map((l) => l.text);
    expect(texts).toEqual([
      'Because all versions of a depend on b>=2,<3 and foo<=1.0.0 depends on a>=1,<2, we can conclude that foo<=1.0.0 depends on b>=2,<3.',
      'And because foo<=1.0.0 depends on b>=1,<2, we can conclude that foo<1.1.0 cannot be used. (1)',
      '',
      'Because all versions of x depend on y>=2,<3 and foo>=1.1.0 depends on x>=1,<2, we can conclude that foo>=1.1.0 depends on y>=2,<3.',
      'And because foo>=1.1.0 depends on y>=1,<2, we can conclude that foo>=1.1.0 cannot be used.',
      'And because we know from foo<1.1.0 cannot be used (1), we can conclude that all versions of foo cannot be used.',
      'And because you require foo>=1,<2, we can conclude that your requirements are unsatisfiable.',
    ]);
    expect(ex.lines[1]?.number).toBe(1);
    expect(ex.lines.filter((l) => l.number !== undefined)).toHaveLength(1);
  });

  it('reads a linear chain as one sentence per step, the user requirement named first', async () => {
    const index: MemoryIndex = { a: { '1.0': { requiresDist: ['b==2.0'] } }, b: { '1.0': {}, '2.0': {} } };
    const ex = explain(await solveIndex(index, ['a', 'b==1.0']));
    expect(ex.text).toBe(
      'Because you require a and all versions of a depend on b==2.0, we can conclude that you require b==2.0.\n' +
        'And because you require b==1.0, we can conclude that your requirements are unsatisfiable.',
    );
  });

  it('collapses version lists into ranges over the versions that exist', async () => {
    const index: MemoryIndex = {
      a: { '1.0': { requiresDist: ['c<1'] }, '1.1': { requiresDist: ['c<1'] }, '1.2': { requiresDist: ['c<1'] }, '2.0': {} },
      c: { '0.5': {}, '1.5': {} },
    };
    const ex = explain(await solveIndex(index, ['a<2', 'c>=1']));
    expect(ex.text).toContain('a<=1.2 depends on c<1');
    expect(ex.text).not.toMatch(/a==1\.1/);
  });

  it('hints at Requires-Python, yanked versions and missing wheels', async () => {
    const index: MemoryIndex = {
      a: { '1.0': { requiresPython: '>=3.13' } },
      b: { '1.0': { yanked: 'security issue' } },
      c: { '1.0': { files: [{ filename: 'c-1.0-cp312-cp312-win_amd64.whl', kind: 'wheel' }] } },
      d: { '1.0': { files: [{ filename: 'd-1.0-py3-none-any.whl', kind: 'wheel' }] } },
    };
    const kinds = async (reqs: string[], request = {}) => explain(await solveIndex(index, reqs, request)).hints.map((h) => h.kind);
    expect(await kinds(['a'])).toEqual(['requires-python']);
    expect(explain(await solveIndex(index, ['a'])).text).toMatch(/a==1\.0 depends on Python>=3\.13 but the target Python version \(3\.12\.0\) does not satisfy it/);
    expect(await kinds(['b'])).toEqual(['yanked']);
    expect(explain(await solveIndex(index, ['b'])).hints[0]?.text).toMatch(/security issue.*`b==1\.0`/);
    expect(await kinds(['c'])).toEqual(['wheels']);
    expect(explain(await solveIndex(index, ['c'])).text).toMatch(/c==1\.0 has no wheels with a matching platform tag \(e\.g\., `manylinux_2_28_x86_64`\)/);
    expect(await kinds(['d'], { noBinary: ['d'] })).toEqual(['sdist']);
  });

  it('hints at pre-releases the policy excluded and at unknown projects', async () => {
    const index: MemoryIndex = { a: { '1.0': {}, '2.0b1': {} }, b: { '1.0': { requiresDist: ['nope'] } } };
    const ex = explain(await solveIndex(index, ['a>=1.5'], { prerelease: 'disallow' }));
    expect(ex.hints.map((h) => h.kind)).toEqual(['prerelease']);
    expect(ex.hints[0]?.text).toContain('a==2.0b1');
    const nf = explain(await solveIndex(index, ['b']));
    expect(nf.text).toMatch(/nope was not found in the package registry/);
    expect(nf.hints.map((h) => h.kind)).toEqual(['not-found']);
  });

  it('words the target Python for another target', async () => {
    const target = resolverTarget(targetFromStrings('3.9'));
    const ex = explain(await solveIndex({ a: { '1.0': { requiresPython: '>=3.10' } } }, ['a'], { target }));
    expect(ex.hints[0]?.text).toContain('CPython 3.9');
  });
});
