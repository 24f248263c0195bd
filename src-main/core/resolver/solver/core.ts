/**
 * The synchronous heart of PubGrub: the incompatibility store, unit propagation and conflict
 * resolution, following Dart pub's `doc/solver.md` (§Unit Propagation, §Conflict Resolution)
 * and the PubGrub paper; the asynchronous loop that makes decisions and fetches metadata is
 * in solve.ts.
 *
 * Dependency incompatibilities from different versions of one package onto the same range of
 * another are merged into one (`{a ∈ V1 ∪ V2, not b ∈ R}`), as pubgrub-rs does: fewer clauses,
 * and explanations say "a<=1.0.0 depends on b==1.0.0" once instead of once per version.
 */
import type { VersionSet } from '../../standards/pep440';
import { Incompatibility, type Cause } from './incompatibility';
import type { PackageKey } from './package-key';
import { PartialSolution, type Assignment } from './partial-solution';
import { Relation, Term } from './term';

/** Thrown when the root cannot be selected; `incompatibility` roots the derivation graph. */
export class NoSolutionError extends Error {
  override readonly name = 'NoSolutionError';
  constructor(readonly incompatibility: Incompatibility) {
    super('No solution found');
  }
}

const CONFLICT = Symbol('conflict');

/** Counters exposed through progress reports. */
export interface CoreStats {
  conflicts: number;
  backtracks: number;
  incompatibilities: number;
}

/** Incompatibility store + partial solution + propagation. */
export class SolverCore {
  readonly solution = new PartialSolution();
  readonly stats: CoreStats = { conflicts: 0, backtracks: 0, incompatibilities: 0 };
  private readonly byPkg = new Map<PackageKey, Incompatibility[]>();
  private readonly dependencyIndex = new Map<string, Incompatibility[]>();
  /** Incompatibilities known contradicted, with the decision level at which that was seen. */
  private readonly contradicted = new Map<Incompatibility, number>();
  private nextId = 0;

  /** A new incompatibility (not yet added). */
  create(entries: readonly (readonly [PackageKey, Term])[], cause: Cause): Incompatibility {
    return new Incompatibility(this.nextId++, entries, cause);
  }

  /** Add to the store, indexed by each package it mentions. */
  add(inc: Incompatibility): void {
    this.stats.incompatibilities++;
    for (const p of inc.packages) {
      let list = this.byPkg.get(p);
      if (!list) this.byPkg.set(p, (list = []));
      list.push(inc);
    }
    if (inc.cause.kind === 'dependency') {
      const key = `${inc.cause.dependent}\u0000${inc.cause.dependency}`;
      let list = this.dependencyIndex.get(key);
      if (!list) this.dependencyIndex.set(key, (list = []));
      list.push(inc);
    }
  }

  private remove(inc: Incompatibility): void {
    for (const p of inc.packages) {
      const list = this.byPkg.get(p);
      const i = list ? list.indexOf(inc) : -1;
      if (list && i >= 0) list.splice(i, 1);
    }
    if (inc.cause.kind === 'dependency') {
      const list = this.dependencyIndex.get(`${inc.cause.dependent}\u0000${inc.cause.dependency}`);
      const i = list ? list.indexOf(inc) : -1;
      if (list && i >= 0) list.splice(i, 1);
    }
  }

  /**
   * Add "versions `versions` of `dependent` require `dependency` in `range`", merged with an
   * existing identical-range dependency of the same two packages. Returns the stored one.
   */
  addDependency(dependent: PackageKey, versions: VersionSet, dependency: PackageKey, range: VersionSet, requirements: readonly string[]): Incompatibility {
    const key = `${dependent}\u0000${dependency}`;
    const existing = this.dependencyIndex.get(key)?.find((inc) => inc.packages.length === 2 && inc.term(dependency)?.set.equals(range) === true);
    let merged = versions;
    let reqs = requirements;
    if (existing && existing.cause.kind === 'dependency') {
      merged = (existing.term(dependent) as Term).set.union(versions);
      reqs = [...new Set([...existing.cause.requirements, ...requirements])];
      this.remove(existing);
    }
    const inc = this.create(
      [
        [dependent, Term.pos(merged)],
        [dependency, Term.neg(range)],
      ],
      { kind: 'dependency', dependent, dependency, requirements: reqs },
    );
    this.add(inc);
    return inc;
  }

  /** Incompatibilities mentioning `p`. */
  incompatibilitiesOf(p: PackageKey): readonly Incompatibility[] {
    return this.byPkg.get(p) ?? [];
  }

  /**
   * Unit propagation from `start` (solver.md §Unit Propagation). Resolves conflicts as they
   * arise; throws NoSolutionError when the root cannot be selected.
   */
  propagate(start: PackageKey): void {
    const changed = new Set<PackageKey>([start]);
    while (changed.size > 0) {
      const pkg = changed.values().next().value as PackageKey;
      changed.delete(pkg);
      const list = this.byPkg.get(pkg);
      if (!list) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        const inc = list[i] as Incompatibility;
        const r = this.propagateOne(inc);
        if (r === CONFLICT) {
          this.stats.conflicts++;
          const rootCause = this.resolveConflict(inc);
          changed.clear();
          const p = this.propagateOne(rootCause);
          if (typeof p !== 'string') throw new Error('[BUG] the root cause of a conflict must be almost satisfied');
          changed.add(p);
          break;
        }
        if (r !== null) changed.add(r);
      }
    }
  }

  /** Derive from an almost-satisfied incompatibility; CONFLICT when it is satisfied. */
  private propagateOne(inc: Incompatibility): PackageKey | typeof CONFLICT | null {
    if (this.contradicted.has(inc)) return null;
    const s = this.solution;
    let unsatisfied = -1;
    for (let j = 0; j < inc.terms.length; j++) {
      const rel = s.relation(inc.packages[j] as PackageKey, inc.terms[j] as Term);
      if (rel === Relation.Contradicted) {
        this.contradicted.set(inc, s.decisionLevel);
        return null;
      }
      if (rel === Relation.Inconclusive) {
        if (unsatisfied >= 0) return null;
        unsatisfied = j;
      }
    }
    if (unsatisfied < 0) return CONFLICT;
    const pkg = inc.packages[unsatisfied] as PackageKey;
    s.derive(pkg, (inc.terms[unsatisfied] as Term).negate(), inc);
    this.contradicted.set(inc, s.decisionLevel);
    return pkg;
  }

  /** Backtrack and forget contradiction marks made above `level`. */
  backtrack(level: number): void {
    this.solution.backtrack(level);
    this.stats.backtracks++;
    for (const [inc, l] of this.contradicted) if (l > level) this.contradicted.delete(inc);
  }

  /**
   * Conflict resolution (solver.md §Conflict Resolution): derive prior causes until the
   * satisfier is a decision or alone at its level, then backjump. Returns the root cause,
   * which the partial solution almost satisfies after backjumping.
   */
  private resolveConflict(conflict: Incompatibility): Incompatibility {
    let inc = conflict;
    let isNew = false;
    const s = this.solution;
    while (!inc.isFailure) {
      let recentTerm: Term | undefined;
      let recentPkg: PackageKey | undefined;
      let recent: Assignment | undefined;
      let difference: Term | undefined;
      let previousLevel = 1;
      for (let j = 0; j < inc.terms.length; j++) {
        const pkg = inc.packages[j] as PackageKey;
        const term = inc.terms[j] as Term;
        const sat = s.satisfier(pkg, term);
        if (!recent) {
          recent = sat;
          recentTerm = term;
          recentPkg = pkg;
        } else if (recent.index < sat.index) {
          previousLevel = Math.max(previousLevel, recent.level);
          recent = sat;
          recentTerm = term;
          recentPkg = pkg;
          difference = undefined;
        } else {
          previousLevel = Math.max(previousLevel, sat.level);
        }
        if (recentTerm === term) {
          // The satisfier may satisfy the term only together with earlier assignments.
          const d = recent.term.difference(term);
          difference = d.isEmpty ? undefined : d;
          if (difference) previousLevel = Math.max(previousLevel, s.satisfier(pkg, difference.negate()).level);
        }
      }
      if (!recent || recentPkg === undefined) throw new Error('[BUG] empty incompatibility in conflict resolution');
      if (previousLevel < recent.level || recent.cause === null) {
        this.backtrack(previousLevel);
        if (isNew) this.add(inc);
        return inc;
      }
      const cause = recent.cause;
      const entries: [PackageKey, Term][] = [];
      for (let j = 0; j < inc.terms.length; j++) if (inc.packages[j] !== recentPkg) entries.push([inc.packages[j] as PackageKey, inc.terms[j] as Term]);
      for (let j = 0; j < cause.terms.length; j++) if (cause.packages[j] !== recent.pkg) entries.push([cause.packages[j] as PackageKey, cause.terms[j] as Term]);
      if (difference) entries.push([recentPkg, difference.negate()]);
      inc = this.create(entries, { kind: 'derived', left: inc, right: cause });
      isNew = true;
    }
    throw new NoSolutionError(inc);
  }
}
