/**
 * Version sets for the resolver: exact unions of intervals over the PEP 440 order.
 *
 * Spec: PEP 440 (ordering, "Version specifiers"); a set built from a specifier set contains
 * exactly the versions packaging 26.2's `SpecifierSet.contains(v, prereleases=True)` admits
 * (pre-release policy is the resolver's business, not the set's).
 *
 * Representation: sorted, disjoint, non-adjacent half-open intervals `[lo, hi)` of cuts
 * (see cuts.ts), which is canonical — two sets are equal iff their interval lists are equal.
 *
 * `===` (arbitrary equality) compares strings, so `===1.0` holds `Version('1.0')` but not
 * `Version('1.0.0')` although the two are equal in the order: no interval expresses it. Sets
 * therefore also carry a finite map of *overrides*, normalized version string → in/out, that
 * take precedence over the intervals. `===X` is the empty interval list plus `{X: in}` when X
 * (lower-cased) is the normalized text of some version, and empty otherwise. Every operation
 * stays exact: intersect/union combine memberships key by key, complement flips the intervals
 * and the overrides, and entries that agree with the intervals are dropped. An override can
 * never empty a non-empty interval (each interval holds infinitely many version strings).
 */
import { CutKind, NEG_INF, POS_INF, after, afterLocals, afterPosts, before, compareCuts, isAbove, prefixEnd, prefixStart, type Cut } from './cuts';
import { SpecifierSet, Specifier } from './specifier';
import type { Version} from './version';
import { tryParseVersion } from './version';
import { formatVersionSet } from './version-set-format';
import type { PrefixPattern } from './wildcard';

/** Half-open interval `[lo, hi)` of cuts, lo < hi. */
export type Interval = readonly [Cut, Cut];

interface Override {
  readonly v: Version;
  readonly inSet: boolean;
}

function intervalsContain(list: readonly Interval[], v: Version): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = list[mid] as Interval;
    if (!isAbove(v, a)) hi = mid - 1;
    else if (isAbove(v, b)) lo = mid + 1;
    else return true;
  }
  return false;
}

function complementIntervals(list: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let prev: Cut = NEG_INF;
  for (const [lo, hi] of list) {
    if (compareCuts(prev, lo) < 0) out.push([prev, lo]);
    prev = hi;
  }
  if (prev.kind !== CutKind.PosInf) out.push([prev, POS_INF]);
  return out;
}

function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i] as Interval;
    const [blo, bhi] = b[j] as Interval;
    const lo = compareCuts(alo, blo) >= 0 ? alo : blo;
    const hiCmp = compareCuts(ahi, bhi);
    const hi = hiCmp <= 0 ? ahi : bhi;
    if (compareCuts(lo, hi) < 0) out.push([lo, hi]);
    if (hiCmp <= 0) i++;
    else j++;
  }
  return out;
}

function unionIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const all = [...a, ...b].sort((x, y) => compareCuts(x[0], y[0]));
  const out: [Cut, Cut][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && compareCuts(lo, last[1]) <= 0) {
      if (compareCuts(hi, last[1]) > 0) last[1] = hi;
    } else out.push([lo, hi]);
  }
  return out;
}

/**
 * An exact set of PEP 440 versions (immutable).
 *
 * Build with `any`, `empty`, `exact`, `fromSpecifier`, `fromSpecifierSet`; combine with
 * `intersect`, `union`, `complement`. `toString()` prints specifier syntax (`>=1.0, <2.0`,
 * `==1.2.3`, `*`), unions joined by ` || `.
 */
export class VersionSet {
  private constructor(
    readonly intervals: readonly Interval[],
    private readonly overrides: ReadonlyMap<string, Override>,
  ) {}

  /** @internal build and normalize (drop overrides that agree with the intervals). */
  static make(intervals: readonly Interval[], overrides: Map<string, Override> = new Map()): VersionSet {
    for (const [k, o] of overrides) if (intervalsContain(intervals, o.v) === o.inSet) overrides.delete(k);
    return new VersionSet(intervals, overrides);
  }

  /** Every version. */
  static any(): VersionSet {
    return ANY;
  }
  /** No version. */
  static empty(): VersionSet {
    return EMPTY;
  }
  /** Exactly the versions equal to v in PEP 440 order (`1.0` and `1.0.0`; not `1.0+local`). */
  static exact(v: Version | string): VersionSet {
    const ver = typeof v === 'string' ? toVersion(v) : v;
    return VersionSet.make([[before(ver), after(ver)]]);
  }
  /** Versions >= v in PEP 440 order (plain order: v's pre-releases are below v). */
  static atLeast(v: Version | string): VersionSet {
    return VersionSet.from(before(typeof v === 'string' ? toVersion(v) : v), POS_INF);
  }
  /** Versions < v in PEP 440 order (plain order: v's pre-releases are inside). */
  static lessThan(v: Version | string): VersionSet {
    return VersionSet.from(NEG_INF, before(typeof v === 'string' ? toVersion(v) : v));
  }
  /** The versions between two cuts, `[lo, hi)` (see cuts.ts). */
  static from(lo: Cut, hi: Cut): VersionSet {
    return compareCuts(lo, hi) < 0 ? VersionSet.make([[lo, hi]]) : EMPTY;
  }

  /** The versions a specifier set admits with `prereleases: true`. */
  static fromSpecifierSet(ss: SpecifierSet | string): VersionSet {
    const set = typeof ss === 'string' ? SpecifierSet.parse(ss) : ss;
    let out: VersionSet = ANY;
    for (const s of set.specifiers) out = out.intersect(VersionSet.fromSpecifier(s));
    return out;
  }

  /** The versions one clause admits (see `isExactlyRepresentable` for the one approximation). */
  static fromSpecifier(s: Specifier | string): VersionSet {
    const sp = typeof s === 'string' ? Specifier.parse(s) : s;
    return specifierToSet(sp);
  }

  /** True when no version is in the set. */
  get isEmpty(): boolean {
    return this.intervals.length === 0 && this.overrides.size === 0;
  }
  /** True when every version is in the set. */
  get isAny(): boolean {
    const first = this.intervals[0];
    return this.intervals.length === 1 && first !== undefined && compareCuts(first[0], NEG_INF) === 0 && first[1].kind === CutKind.PosInf && this.overrides.size === 0;
  }

  /** Membership. */
  contains(v: Version | string): boolean {
    const ver = typeof v === 'string' ? tryParseVersion(v) : v;
    if (ver === null) return false;
    if (this.overrides.size > 0) {
      const o = this.overrides.get(ver.toString());
      if (o) return o.inSet;
    }
    return intervalsContain(this.intervals, ver);
  }

  private combine(other: VersionSet, intervals: Interval[], op: (a: boolean, b: boolean) => boolean): VersionSet {
    if (this.overrides.size === 0 && other.overrides.size === 0) return VersionSet.make(intervals);
    const o = new Map<string, Override>();
    for (const m of [this.overrides, other.overrides]) {
      for (const [k, { v }] of m) if (!o.has(k)) o.set(k, { v, inSet: op(this.contains(v), other.contains(v)) });
    }
    return VersionSet.make(intervals, o);
  }

  /** Versions in both. */
  intersect(other: VersionSet): VersionSet {
    return this.combine(other, intersectIntervals(this.intervals, other.intervals), (a, b) => a && b);
  }
  /** Versions in either. */
  union(other: VersionSet): VersionSet {
    return this.combine(other, unionIntervals(this.intervals, other.intervals), (a, b) => a || b);
  }
  /** Versions not in this set. */
  complement(): VersionSet {
    const o = new Map<string, Override>();
    for (const [k, { v, inSet }] of this.overrides) o.set(k, { v, inSet: !inSet });
    return VersionSet.make(complementIntervals(this.intervals), o);
  }
  /** Versions in this set and not in `other`. */
  minus(other: VersionSet): VersionSet {
    return this.intersect(other.complement());
  }
  /** Every version of this set is in `other`. */
  isSubsetOf(other: VersionSet): boolean {
    return this.minus(other).isEmpty;
  }
  /** No version is in both. */
  isDisjoint(other: VersionSet): boolean {
    return this.intersect(other).isEmpty;
  }
  /** Same versions. */
  equals(other: VersionSet): boolean {
    if (this.intervals.length !== other.intervals.length || this.overrides.size !== other.overrides.size) return false;
    for (let i = 0; i < this.intervals.length; i++) {
      const [a, b] = this.intervals[i] as Interval;
      const [c, d] = other.intervals[i] as Interval;
      if (compareCuts(a, c) !== 0 || compareCuts(b, d) !== 0) return false;
    }
    for (const [k, o] of this.overrides) if (other.overrides.get(k)?.inSet !== o.inSet) return false;
    return true;
  }
  /** The `===` overrides: normalized version string → member or not. */
  arbitraryOverrides(): ReadonlyMap<string, boolean> {
    return new Map([...this.overrides].map(([k, o]) => [k, o.inSet]));
  }

  /** Specifier-syntax rendering (see version-set-format.ts). */
  toString(): string {
    return formatVersionSet(this.intervals, this.arbitraryOverrides());
  }
}

const ANY = VersionSet.from(NEG_INF, POS_INF);
const EMPTY = VersionSet.make([]);

function toVersion(s: string): Version {
  const v = tryParseVersion(s);
  if (v === null) throw new Error(`not a PEP 440 version: ${JSON.stringify(s)}`);
  return v;
}

function prefixSet(pattern: PrefixPattern): VersionSet {
  if (pattern.exact === null) return EMPTY;
  const { epoch, release } = pattern.exact;
  return VersionSet.from(before(prefixStart(epoch, release)), before(prefixEnd(epoch, release)));
}

/**
 * False for the one kind of clause no order-based set can express: a `~=` whose packaging prefix
 * keeps a pre/post/dev piece (e.g. `~=1.0A1.R1`), where packaging's answer depends on how many
 * release segments the candidate spells. `fromSpecifier` then uses PEP 440's meaning
 * (`>=V, ==prefix.*`, as packaging's own range model does); see known-differences.md.
 */
export function isExactlyRepresentable(s: Specifier): boolean {
  return !(s.operator === '~=' && s._prefix !== null && s._prefix.exact === null && !s._prefix.unparsable);
}

function specifierToSet(s: Specifier): VersionSet {
  if (s.operator === '===') {
    const k = s.version.toLowerCase();
    const v = tryParseVersion(k);
    if (v === null || v.toString() !== k) return EMPTY;
    return VersionSet.make([], new Map([[k, { v, inSet: true }]]));
  }
  const v = s.spec as Version;
  switch (s.operator) {
    case '>=':
      return VersionSet.from(before(v), POS_INF);
    case '<=':
      return VersionSet.from(NEG_INF, afterLocals(v));
    case '>':
      return VersionSet.from(v._dev !== null || v._post !== null ? afterLocals(v) : afterPosts(v), POS_INF);
    case '<':
      return VersionSet.from(NEG_INF, before(s._earliestPre ?? v));
    case '==':
    case '!=': {
      let eq: VersionSet;
      if (s.wildcard) eq = prefixSet(s._prefix as PrefixPattern);
      else eq = VersionSet.from(before(v), v._local !== null ? after(v) : afterLocals(v));
      return s.operator === '==' ? eq : eq.complement();
    }
    case '~=': {
      const p = s._prefix as PrefixPattern;
      if (p.unparsable) return EMPTY;
      const atLeast = VersionSet.from(before(v), POS_INF);
      if (p.exact !== null) return atLeast.intersect(prefixSet(p));
      const rel = v._r.slice(0, -1);
      return atLeast.intersect(VersionSet.from(before(prefixStart(v._e, rel)), before(prefixEnd(v._e, rel))));
    }
  }
}
