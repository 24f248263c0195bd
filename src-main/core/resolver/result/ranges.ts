/**
 * Version ranges as explanations show them: collapsed onto the versions that exist, as uv
 * does with pubgrub's `simplify` (astral-sh/uv#547). `{1.0.0}` among 1.0.0/2.0.0/3.0.0 reads
 * `<=1.0.0`; a set holding every listed version reads "all versions of a". Sets are printed in
 * PEP 440 specifier syntax (`>=2.0.0,<3.0.0`), one interval per alternative.
 */
import { before, compareVersions, CutKind, VersionSet, type Interval, type Version } from '../../standards/pep440';
import { afterLocals, nextPublic } from '../../standards/pep440/cuts';

/** The canonical text of one interval (`<1` rather than the equivalent `==0.*`). */
function intervalText(iv: Interval): string {
  const text = VersionSet.from(iv[0], iv[1]).toString().replace(/, /g, ',');
  const [lo, hi] = iv;
  const v = hi.v;
  const fromBottom = lo.kind === CutKind.Before && compareVersions(lo.v, NEG.v) === 0;
  if (fromBottom && text.startsWith('==') && hi.kind === CutKind.Before && v.dev === 0 && v.pre === null && v.post === null && v.local === null) {
    return `<${v.with({ dev: null }).toString()}`;
  }
  return text;
}

/** The version a gap `[hi, lo)` between two intervals excludes, when it is exactly one `!=v`. */
function singleHole(hi: Interval[1], lo: Interval[0]): Version | null {
  if (hi.kind !== CutKind.Before || lo.kind !== CutKind.Before || hi.v.local !== null) return null;
  return compareVersions(nextPublic(hi.v), lo.v) === 0 ? hi.v : null;
}

/** `>=2.0,!=2.1` for an interval with single-version holes, else null. */
function withHoles(set: VersionSet): string | null {
  const ivs = set.intervals;
  if (ivs.length < 2) return null;
  const holes: Version[] = [];
  for (let i = 0; i + 1 < ivs.length; i++) {
    const v = singleHole((ivs[i] as Interval)[1], (ivs[i + 1] as Interval)[0]);
    if (!v) return null;
    holes.push(v);
  }
  const hull = VersionSet.from((ivs[0] as Interval)[0], (ivs[ivs.length - 1] as Interval)[1]);
  const head = hull.isAny ? [] : [intervalText(hull.intervals[0] as Interval)];
  return [...head, ...holes.map((v) => `!=${v.toString()}`)].join(',');
}

/** Each alternative of a set, as specifier text (`*` for everything; none for the empty set). */
export function rangeAlternatives(set: VersionSet): string[] {
  if (set.isAny) return ['*'];
  const whole = set.toString();
  if (whole.startsWith('!=') && !whole.includes('||')) return [whole];
  if (set.arbitraryOverrides().size === 0) {
    const holes = withHoles(set);
    if (holes !== null) return [holes];
  }
  const out = set.intervals.map(intervalText);
  for (const [k, inSet] of set.arbitraryOverrides()) if (inSet) out.push(`===${k}`);
  return out;
}

/** `a>=1,<2`, `a[x]==1.0`; `a` alone for every version. */
export function termText(pkg: string, set: VersionSet): string {
  if (set.isAny) return pkg;
  const alts = rangeAlternatives(set);
  if (alts.length === 0) return `${pkg} (no version)`;
  return alts.map((a) => `${pkg}${a}`).join(' or ');
}

/**
 * Collapse `set` onto the listed versions (pubgrub's `simplify`): intervals holding no listed
 * version are dropped, neighbours with no listed version between them are joined, and a bound
 * beyond which no version is listed is removed. Other bounds stay as written (`>0.1.0` stays,
 * it does not become `>=1.0.0`). A set holding no listed version is returned as is.
 */
export function simplifyRange(set: VersionSet, available: readonly Version[] | undefined): VersionSet {
  if (!available || available.length === 0 || set.isAny) return set;
  const n = available.length;
  const groups: { lo: Interval[0]; hi: Interval[1]; first: number; last: number }[] = [];
  for (const [lo, hi] of set.intervals) {
    const piece = VersionSet.from(lo, hi);
    let first = -1;
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (piece.contains(available[i] as Version)) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) continue;
    const prev = groups[groups.length - 1];
    if (prev && prev.last + 1 === first) {
      prev.hi = hi;
      prev.last = last;
    } else groups.push({ lo, hi, first, last });
  }
  if (groups.length === 0) return set;
  let out = VersionSet.empty();
  for (const g of groups) {
    const lo = g.first === 0 ? NEG : g.lo;
    const hi = g.last === n - 1 ? POS : g.hi;
    out = out.union(VersionSet.from(lo, hi));
  }
  return out;
}

const NEG = (VersionSet.any().intervals[0] as Interval)[0];
const POS = (VersionSet.any().intervals[0] as Interval)[1];

/** Listed versions in a set. */
export function versionsIn(set: VersionSet, available: readonly Version[] | undefined): Version[] {
  return (available ?? []).filter((v) => set.contains(v));
}

/**
 * Tighten `set` to the listed versions it holds, for "only … is available": each interval's
 * finite bounds move to its first/last listed version; intervals without one are dropped; a
 * single version reads `==v`. Falls back to `set` when it holds no listed version.
 */
export function tightenRange(set: VersionSet, available: readonly Version[] | undefined): VersionSet {
  const inside = versionsIn(set, available);
  if (inside.length === 0) return set;
  if (inside.length === 1) return VersionSet.exact(inside[0] as Version);
  let out = VersionSet.empty();
  for (const [lo, hi] of set.intervals) {
    const piece = VersionSet.from(lo, hi);
    const vs = inside.filter((v) => piece.contains(v));
    if (vs.length === 0) continue;
    const first = vs[0] as Version;
    const last = vs[vs.length - 1] as Version;
    const isNegInf = lo.kind === CutKind.Before && compareVersions(lo.v, VersionSet.any().intervals[0]?.[0].v ?? lo.v) === 0;
    const loCut = isNegInf ? lo : before(first);
    const hiCut = hi.kind === CutKind.PosInf ? hi : afterLocals(last);
    out = out.union(vs.length === 1 && !isNegInf && hi.kind !== CutKind.PosInf ? VersionSet.exact(first) : VersionSet.from(loCut, hiCut));
  }
  return out;
}
