/**
 * PubGrub incompatibilities: sets of terms that cannot all hold (Dart pub `doc/solver.md`
 * §Incompatibility), with the cause that makes each one true.
 *
 * External causes state facts about packages (a dependency, no version in a range, a version
 * that cannot be used on the target and why); derived ones come from conflict resolution and
 * keep both parents, which forms the derivation graph that failure explanations walk.
 */
import type { Version } from '../../standards/pep440';
import { ROOT, type PackageKey } from './package-key';
import type { Term } from './term';

/** Why versions that exist cannot be used (each turns into a hint in explanations). */
export type UnavailableReason =
  | { readonly type: 'yanked'; readonly reason: string | null }
  | { readonly type: 'requires-python'; readonly specifier: string; readonly python: string }
  | { readonly type: 'no-matching-wheel'; readonly mismatch: 'python' | 'abi' | 'platform'; readonly found: readonly string[]; readonly example: string }
  | { readonly type: 'no-wheels-no-build' }
  | { readonly type: 'no-sdist-no-binary' }
  | { readonly type: 'invalid-metadata'; readonly message: string }
  | { readonly type: 'metadata-unavailable'; readonly message: string };

/** The cause of an incompatibility. */
export type Cause =
  /** `{not root}`: the root must be selected. */
  | { readonly kind: 'root' }
  /** `{dependent ∈ V, not dependency ∈ R}`: versions V of dependent require dependency in R. */
  | { readonly kind: 'dependency'; readonly dependent: PackageKey; readonly dependency: PackageKey; readonly requirements: readonly string[] }
  /** `{p ∈ S}`: a constraint (pip's `-c`) excludes the versions in S (its complement). */
  | { readonly kind: 'constraint'; readonly requirements: readonly string[] }
  /** `{p ∈ S}`: no version of p in S exists (among those the index lists). */
  | { readonly kind: 'no-versions' }
  /** `{p ∈ S}`: the project is not known to any index. */
  | { readonly kind: 'not-found' }
  /** `{p ∈ S}`: the versions in S exist but cannot be used. */
  | { readonly kind: 'unavailable'; readonly reason: UnavailableReason; readonly versions: readonly Version[] }
  /** Derived by resolution from two incompatibilities. */
  | { readonly kind: 'derived'; readonly left: Incompatibility; readonly right: Incompatibility };

/** A set of terms (at most one per package) that cannot all be true. */
export class Incompatibility {
  readonly packages: readonly PackageKey[];
  readonly terms: readonly Term[];

  /**
   * Normalizes: terms on the same package are intersected; a derived incompatibility with more
   * than one term drops a positive root term (it always holds, solver.md §Incompatibility).
   */
  constructor(
    readonly id: number,
    entries: readonly (readonly [PackageKey, Term])[],
    readonly cause: Cause,
  ) {
    const map = new Map<PackageKey, Term>();
    for (const [p, t] of entries) {
      const prev = map.get(p);
      map.set(p, prev ? prev.intersect(t) : t);
    }
    // `not p ∈ ∅` always holds (e.g. a dependency on `b==1,==2`): it constrains nothing.
    if (map.size > 1) for (const [p, t] of map) if (!t.positive && t.set.isEmpty && map.size > 1) map.delete(p);
    if (cause.kind === 'derived' && map.size > 1) {
      const r = map.get(ROOT);
      if (r?.positive) map.delete(ROOT);
    }
    this.packages = [...map.keys()];
    this.terms = [...map.values()];
  }

  /** The term on `p`, if any. */
  term(p: PackageKey): Term | undefined {
    const i = this.packages.indexOf(p);
    return i < 0 ? undefined : this.terms[i];
  }

  /** Proof that no solution exists: no terms, or only "root is selected". */
  get isFailure(): boolean {
    if (this.terms.length === 0) return true;
    return this.terms.length === 1 && this.packages[0] === ROOT && (this.terms[0] as Term).positive;
  }

  /** True for causes that are facts rather than derivations. */
  get isExternal(): boolean {
    return this.cause.kind !== 'derived';
  }

  toString(): string {
    return `{${this.packages.map((p, i) => `${p} ${this.terms[i]?.toString()}`).join(', ')}}`;
  }
}
