/**
 * PubGrub terms: a statement about one package (PubGrub, Dart pub `doc/solver.md` §Term).
 *
 * A positive term `a ∈ S` holds when a version of `a` in S is selected. A negative term
 * `not a ∈ S` holds when `a` is not selected or its version is outside S. Terms are kept in
 * this normal form so intersection stays closed:
 *   pos(A) ∩ pos(B) = pos(A ∩ B); pos(A) ∩ neg(B) = pos(A \ B); neg(A) ∩ neg(B) = neg(A ∪ B).
 * Versions sets are exact PEP 440 interval unions (standards/pep440 VersionSet).
 */
import type { VersionSet } from '../../standards/pep440';

/** An immutable term over one package's versions. */
export class Term {
  private constructor(
    readonly positive: boolean,
    readonly set: VersionSet,
  ) {}

  /** `a ∈ set`. */
  static pos(set: VersionSet): Term {
    return new Term(true, set);
  }
  /** `not a ∈ set`. */
  static neg(set: VersionSet): Term {
    return new Term(false, set);
  }

  /** The opposite statement. */
  negate(): Term {
    return new Term(!this.positive, this.set);
  }

  /** Both statements at once. */
  intersect(o: Term): Term {
    if (this.positive && o.positive) return Term.pos(this.set.intersect(o.set));
    if (this.positive) return Term.pos(this.set.minus(o.set));
    if (o.positive) return Term.pos(o.set.minus(this.set));
    return Term.neg(this.set.union(o.set));
  }

  /** Either statement. */
  union(o: Term): Term {
    return this.negate().intersect(o.negate()).negate();
  }

  /** This minus o (`this ∩ ¬o`). */
  difference(o: Term): Term {
    return this.intersect(o.negate());
  }

  /** True when no selection satisfies the term (only a positive term over no version). */
  get isEmpty(): boolean {
    return this.positive && this.set.isEmpty;
  }

  /** Every selection satisfying this also satisfies `o` (this ⊆ o). */
  satisfies(o: Term): boolean {
    if (this.positive) return o.positive ? this.set.isSubsetOf(o.set) : this.set.isDisjoint(o.set);
    // A negative term admits "not selected", which no positive term admits.
    return !o.positive && o.set.isSubsetOf(this.set);
  }

  /** No selection satisfies both. */
  contradicts(o: Term): boolean {
    if (this.positive) return o.positive ? this.set.isDisjoint(o.set) : this.set.isSubsetOf(o.set);
    return o.positive && o.set.isSubsetOf(this.set);
  }

  /** Same statement. */
  equals(o: Term): boolean {
    return this.positive === o.positive && this.set.equals(o.set);
  }

  toString(): string {
    return `${this.positive ? '' : 'not '}${this.set.toString()}`;
  }
}

/** How a set of assignments relates to a term. */
export const Relation = { Satisfied: 0, Contradicted: 1, Inconclusive: 2 } as const;
/** One of the `Relation` values. */
export type Relation = (typeof Relation)[keyof typeof Relation];

/** The relation of an accumulated assignment (undefined = nothing known) to a term. */
export function relation(assigned: Term | undefined, t: Term): Relation {
  if (assigned === undefined) return Relation.Inconclusive;
  if (assigned.satisfies(t)) return Relation.Satisfied;
  if (assigned.contradicts(t)) return Relation.Contradicted;
  return Relation.Inconclusive;
}
