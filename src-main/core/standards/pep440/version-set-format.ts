/**
 * Readable specifier-syntax rendering of a `VersionSet` (for messages and logs).
 *
 * Each interval prints as the PEP 440 clause with the same meaning when there is one:
 * `==1.2.3`, `==1.*`, `>=1.0, <2.0`, `>1.0` (after every 1.0.postN), `<=1.0` (1.0 and its local
 * versions), `<2.0` (before 2.0.dev0); intervals are joined by ` || `, a single hole prints as
 * `!=…`, everything as `*`, nothing as `(empty)`. Bounds that no clause expresses (they only
 * arise from complements) print as plain order comparisons: `<1.0` for "before 1.0 itself"
 * (then 1.0rc1 is inside), `>1.0` / `<=1.0` for "after / up to 1.0 exactly" and `<=1.0.post*` for
 * "up to the last 1.0.postN". The exact class of a version prints `==v`, like `==v` itself
 * (the two differ only by v's local versions). Use `equals`, not the text, to compare sets.
 */
import { CutKind, dec, inc, nextPublic, type Cut } from './cuts';
import { compareVersions } from './compare';
import type { Version } from './version';

type Interval = readonly [Cut, Cut];

function isNegInf(c: Cut): boolean {
  return c.kind === CutKind.Before && c.v._e === 0 && c.v._rlen === 0 && c.v._preRank === -1 && c.v._dev === 0 && c.v._local === null;
}

function isPlainDev0(v: Version): boolean {
  return v._pre === null && v._post === null && v._dev === 0 && v._local === null;
}

/** `==X.*` when [a, b) is exactly the block of versions starting with release prefix X. */
function wildcardText(a: Version, b: Version): string | null {
  if (!isPlainDev0(a) || !isPlainDev0(b) || a._e !== b._e) return null;
  const n = b._rlen;
  if (n === 0 || a._rlen > n) return null;
  const pa = (i: number) => (i < a._r.length ? (a._r[i] as Version['_e']) : 0);
  for (let i = 0; i < n - 1; i++) if (pa(i) !== b._r[i]) return null;
  if (inc(pa(n - 1)) !== b._r[n - 1]) return null;
  const rel = Array.from({ length: n }, (_, i) => pa(i)).join('.');
  return `==${a._e === 0 ? '' : `${a._e}!`}${rel}.*`;
}

/** The `==` clause for an interval, or null. */
function equalityText([lo, hi]: Interval): string | null {
  if (lo.kind !== CutKind.Before) return null;
  const v = lo.v;
  if (hi.kind === CutKind.After && compareVersions(hi.v, v) === 0) return `==${v}`;
  if (hi.kind !== CutKind.Before) return null;
  if (v._local === null && compareVersions(hi.v, nextPublic(v)) === 0) return `==${v}`;
  return wildcardText(v, hi.v);
}

function lowerText(c: Cut): string | null {
  if (isNegInf(c)) return null;
  const v = c.v;
  if (c.kind === CutKind.ReleaseEnd) return `>${v.baseVersion}`;
  if (c.kind === CutKind.After) return `>${v}`;
  if (v._local === null && v._dev !== null) {
    // Before(nextPublic(u)) for a u with a dev or post part is exactly `>u` (PEP 440).
    if (v._dev !== 0) return `>${v.with({ dev: dec(v._dev) })}`;
    if (v._post !== null && v._post !== 0) return `>${v.with({ post: dec(v._post), dev: null })}`;
    // Before(Xa(n+1).dev0) is `>Xan` (after every Xan.postN).
    if (v._post === null && v._pre !== null && v._pre[1] !== 0) return `>${v.with({ pre: [v._pre[0], dec(v._pre[1])], dev: null })}`;
  }
  return `>=${v}`;
}

function upperText(c: Cut): string | null {
  if (c.kind === CutKind.PosInf) return null;
  const v = c.v;
  if (c.kind === CutKind.ReleaseEnd) return `<=${v.baseVersion}.post*`;
  if (c.kind === CutKind.After) return `<=${v}`;
  if (v._local === null && v._dev !== null) {
    if (v._dev !== 0) return `<=${v.with({ dev: dec(v._dev) })}`;
    if (v._post !== null) return `<=${v.with({ post: v._post === 0 ? null : dec(v._post), dev: null })}`;
    if (v._pre === null) return `<${v.with({ dev: null })}`;
  }
  return `<${v}`;
}

function intervalText(iv: Interval): string {
  const eq = equalityText(iv);
  if (eq !== null) return eq;
  const parts = [lowerText(iv[0]), upperText(iv[1])].filter((x): x is string => x !== null);
  return parts.length === 0 ? '*' : parts.join(', ');
}

/** Render intervals plus `===` overrides. */
export function formatVersionSet(intervals: readonly Interval[], overrides: ReadonlyMap<string, boolean>): string {
  const pieces: string[] = [];
  const first = intervals[0];
  const last = intervals[intervals.length - 1];
  if (intervals.length === 2 && first && last && isNegInf(first[0]) && last[1].kind === CutKind.PosInf) {
    const hole = equalityText([first[1], last[0]]);
    if (hole !== null) pieces.push(`!${hole.slice(1)}`);
  }
  if (pieces.length === 0) for (const iv of intervals) pieces.push(intervalText(iv));
  for (const [k, inSet] of overrides) if (inSet) pieces.push(`===${k}`);
  let text = pieces.length === 0 ? '(empty)' : pieces.join(' || ');
  const out = [...overrides].filter(([, inSet]) => !inSet).map(([k]) => `===${k}`);
  if (out.length > 0) text += ` (except ${out.join(', ')})`;
  return text;
}
