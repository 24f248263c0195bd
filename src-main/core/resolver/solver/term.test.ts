/**
 * Term algebra checked against its meaning over a finite universe: a term is the set of
 * "selections" it admits, where a selection is one of the versions below or "not selected".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVersion, VersionSet } from '../../standards/pep440';
import { relation, Relation, Term } from './term';

const UNIVERSE = ['0.9', '1.0', '1.0.post1', '1.1a1', '1.1', '2.0', '2.0+local', '3.0'].map(parseVersion);
const SPECS = ['', '>=1.0', '<2.0', '==1.0', '!=1.1', '>1.0,<3.0', '==2.0', '>=3.1', '<0.5', '~=1.0'];

const arbSet = fc.constantFrom(...SPECS).map((s) => (s === '' ? VersionSet.any() : VersionSet.fromSpecifierSet(s)));
const arbTerm = fc.tuple(fc.boolean(), arbSet).map(([pos, set]) => (pos ? Term.pos(set) : Term.neg(set)));

/** The selections a term admits: indices of UNIVERSE, and -1 for "not selected". */
function admits(t: Term): Set<number> {
  const out = new Set<number>();
  UNIVERSE.forEach((v, i) => {
    if (t.set.contains(v) === t.positive) out.add(i);
  });
  if (!t.positive) out.add(-1);
  return out;
}
const subset = (a: Set<number>, b: Set<number>) => [...a].every((x) => b.has(x));
const disjoint = (a: Set<number>, b: Set<number>) => [...a].every((x) => !b.has(x));

describe('Term', () => {
  it('intersect, union, negate, satisfies and contradicts match set semantics', () => {
    fc.assert(
      fc.property(arbTerm, arbTerm, (a, b) => {
        const A = admits(a);
        const B = admits(b);
        expect(admits(a.intersect(b))).toEqual(new Set([...A].filter((x) => B.has(x))));
        expect(admits(a.union(b))).toEqual(new Set([...A, ...B]));
        expect(admits(a.negate())).toEqual(new Set([-1, ...UNIVERSE.keys()].filter((x) => !A.has(x))));
        // Over a finite universe these are implications (the real order is dense).
        if (a.satisfies(b)) expect(subset(A, B)).toBe(true);
        if (a.contradicts(b)) expect(disjoint(A, B)).toBe(true);
        expect(relation(undefined, b)).toBe(Relation.Inconclusive);
        const r = relation(a, b);
        if (r === Relation.Satisfied) expect(subset(A, B)).toBe(true);
        if (r === Relation.Contradicted) expect(disjoint(A, B)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a negative term is never empty; a positive one over nothing is', () => {
    expect(Term.neg(VersionSet.any()).isEmpty).toBe(false);
    expect(Term.pos(VersionSet.empty()).isEmpty).toBe(true);
    expect(Term.pos(VersionSet.fromSpecifierSet('>=1')).satisfies(Term.neg(VersionSet.fromSpecifierSet('<1')))).toBe(true);
    expect(Term.neg(VersionSet.fromSpecifierSet('<1')).satisfies(Term.pos(VersionSet.any()))).toBe(false);
  });
});
