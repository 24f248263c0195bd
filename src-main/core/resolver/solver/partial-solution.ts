/**
 * The PubGrub partial solution (Dart pub `doc/solver.md` §Partial Solution): the ordered
 * assignments (decisions and derivations) with their decision levels, indexed per package
 * with the running intersection of each package's terms, so relation checks and satisfier
 * searches cost one set operation (or a binary search) instead of a scan.
 */
import { VersionSet, type Version } from '../../standards/pep440';
import type { Incompatibility } from './incompatibility';
import type { PackageKey } from './package-key';
import { Relation, relation, Term } from './term';

/** One assignment. `cause` is null for decisions. */
export interface Assignment {
  readonly pkg: PackageKey;
  readonly term: Term;
  readonly level: number;
  readonly index: number;
  readonly cause: Incompatibility | null;
  /** The decided version (decisions only). */
  readonly version: Version | null;
  /** The intersection of this package's assignments up to and including this one. */
  readonly accumulated: Term;
}

/** Assignments in order, per package, with decision levels. */
export class PartialSolution {
  private readonly all: Assignment[] = [];
  private readonly byPkg = new Map<PackageKey, Assignment[]>();
  private readonly decided = new Map<PackageKey, Version>();
  private level = 0;

  /** The current decision level (number of decisions made). */
  get decisionLevel(): number {
    return this.level;
  }

  /** All assignments in order (read-only view). */
  get assignments(): readonly Assignment[] {
    return this.all;
  }

  private push(pkg: PackageKey, term: Term, cause: Incompatibility | null, version: Version | null): Assignment {
    let list = this.byPkg.get(pkg);
    if (!list) {
      list = [];
      this.byPkg.set(pkg, list);
    }
    const prev = list[list.length - 1];
    const accumulated = prev ? prev.accumulated.intersect(term) : term;
    const a: Assignment = { pkg, term, level: this.level, index: this.all.length, cause, version, accumulated };
    list.push(a);
    this.all.push(a);
    return a;
  }

  /** Select `version` of `pkg` (a new decision level). */
  decide(pkg: PackageKey, version: Version): void {
    this.level++;
    this.decided.set(pkg, version);
    this.push(pkg, Term.pos(VersionSet.exact(version)), null, version);
  }

  /** Record that `term` must hold, because of `cause`. */
  derive(pkg: PackageKey, term: Term, cause: Incompatibility): void {
    this.push(pkg, term, cause, null);
  }

  /** The intersection of all assignments on `pkg`, or undefined when there are none. */
  accumulated(pkg: PackageKey): Term | undefined {
    const list = this.byPkg.get(pkg);
    return list && list.length > 0 ? list[list.length - 1]?.accumulated : undefined;
  }

  /** The decided version of `pkg`, if any. */
  decision(pkg: PackageKey): Version | undefined {
    return this.decided.get(pkg);
  }

  /** Decided packages and versions, in decision order. */
  decisions(): ReadonlyMap<PackageKey, Version> {
    return this.decided;
  }

  /** How the assignments on `pkg` relate to `term`. */
  relation(pkg: PackageKey, term: Term): Relation {
    return relation(this.accumulated(pkg), term);
  }

  /** True when the assignments satisfy `term` on `pkg`. */
  satisfies(pkg: PackageKey, term: Term): boolean {
    return this.relation(pkg, term) === Relation.Satisfied;
  }

  /**
   * The earliest assignment on `pkg` such that the assignments up to it satisfy `term`
   * (solver.md §Conflict Resolution). The accumulated terms only shrink, so binary search.
   */
  satisfier(pkg: PackageKey, term: Term): Assignment {
    const list = this.byPkg.get(pkg) ?? [];
    let lo = 0;
    let hi = list.length - 1;
    let found: Assignment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = list[mid] as Assignment;
      if (a.accumulated.satisfies(term)) {
        found = a;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    if (!found) throw new Error(`[BUG] ${pkg} ${term.toString()} is not satisfied`);
    return found;
  }

  /** Drop every assignment above decision level `level`. */
  backtrack(level: number): void {
    while (this.all.length > 0) {
      const last = this.all[this.all.length - 1] as Assignment;
      if (last.level <= level) break;
      this.all.pop();
      this.byPkg.get(last.pkg)?.pop();
      if (last.cause === null) this.decided.delete(last.pkg);
    }
    this.level = level;
  }

  /** Packages with a positive accumulated term and no decision, in first-assignment order. */
  undecided(): PackageKey[] {
    const out: PackageKey[] = [];
    for (const [pkg, list] of this.byPkg) {
      const last = list[list.length - 1];
      if (last && last.accumulated.positive && !this.decided.has(pkg)) out.push(pkg);
    }
    return out;
  }
}
