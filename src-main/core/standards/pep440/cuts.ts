/**
 * Cuts: the bound points of `VersionSet` intervals over the PEP 440 order.
 *
 * A cut splits all versions into "below" and "above". The PEP 440 order is dense (between any two
 * versions there is another one, e.g. via local labels `+00a` < `+0a`), and it has no immediate
 * successors, so four kinds of cut are enough and two cuts are equal only when identical:
 * - `Before(v)`: v and everything after it are above (an inclusive lower / exclusive upper bound);
 * - `After(v)`: everything after v is above (exclusive lower / inclusive upper bound);
 * - `ReleaseEnd(v)`: everything whose epoch+release sorts after v's is above — the supremum of
 *   all `v.postN…` and `v+local` (the bound `>V` needs for a final V, PEP 440 "Exclusive ordered
 *   comparison"); it is not `Before` any version, because release segments have no successor
 *   (`1.0.1` > `1.0.0.1` > `1.0.0.0.1` > …);
 * - `+inf`.
 * The lowest cut is `Before(0.dev0)`: `0.dev0` is the smallest PEP 440 version.
 *
 * "Just after V and all its local versions" (needed by `<=V`, `==V`, `!=V`) is a real cut:
 * `Before(nextPublic(V))`, where nextPublic(1.0) = 1.0.post0.dev0, nextPublic(1.0.dev3) =
 * 1.0.dev4, nextPublic(1.0.post2) = 1.0.post3.dev0 (nothing public lies between).
 */
import { compareEpochRelease, compareVersions } from './compare';
import { parseVersion, type Version, type VersionNumber } from './version';

/** Cut kinds, in the order they sort at one version. */
export const CutKind = { Before: 0, After: 1, ReleaseEnd: 2, PosInf: 3 } as const;
/** One of the `CutKind` values. */
export type CutKind = (typeof CutKind)[keyof typeof CutKind];

/** A bound point. `v` is meaningless for `PosInf`. */
export interface Cut {
  readonly kind: CutKind;
  readonly v: Version;
}

/** The smallest version. */
export const MIN_VERSION: Version = parseVersion('0.dev0');
/** Lowest cut (nothing below). */
export const NEG_INF: Cut = { kind: CutKind.Before, v: MIN_VERSION };
/** Highest cut (nothing above). */
export const POS_INF: Cut = { kind: CutKind.PosInf, v: MIN_VERSION };

/** `Before(v)`. */
export function before(v: Version): Cut {
  return { kind: CutKind.Before, v };
}
/** `After(v)`. */
export function after(v: Version): Cut {
  return { kind: CutKind.After, v };
}
/** `ReleaseEnd(v)`: after every version with v's epoch and release. */
export function releaseEnd(v: Version): Cut {
  return { kind: CutKind.ReleaseEnd, v };
}

/** Order of two cuts. */
export function compareCuts(x: Cut, y: Cut): number {
  if (x.kind === CutKind.PosInf || y.kind === CutKind.PosInf) return (x.kind === CutKind.PosInf ? 1 : 0) - (y.kind === CutKind.PosInf ? 1 : 0);
  if (x.kind === CutKind.ReleaseEnd || y.kind === CutKind.ReleaseEnd) {
    const c = compareEpochRelease(x.v, y.v);
    if (c !== 0) return c;
    return (x.kind === CutKind.ReleaseEnd ? 1 : 0) - (y.kind === CutKind.ReleaseEnd ? 1 : 0);
  }
  const c = compareVersions(x.v, y.v);
  return c !== 0 ? c : x.kind - y.kind;
}

/** Is `v` above the cut? */
export function isAbove(v: Version, cut: Cut): boolean {
  switch (cut.kind) {
    case CutKind.Before:
      return compareVersions(v, cut.v) >= 0;
    case CutKind.After:
      return compareVersions(v, cut.v) > 0;
    case CutKind.ReleaseEnd:
      return compareEpochRelease(v, cut.v) > 0;
    case CutKind.PosInf:
      return false;
  }
}

/** n + 1, exactly. */
export function inc(n: VersionNumber): VersionNumber {
  if (typeof n === 'bigint') return n + 1n;
  return n < Number.MAX_SAFE_INTEGER ? n + 1 : BigInt(n) + 1n;
}

/** n - 1, exactly (n > 0). */
export function dec(n: VersionNumber): VersionNumber {
  if (typeof n === 'number') return n - 1;
  const m = n - 1n;
  return m <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(m) : m;
}

/** The first public version after v and all of v's local versions. */
export function nextPublic(v: Version): Version {
  if (v._dev !== null) return v.with({ dev: inc(v._dev), local: null });
  return v.with({ post: v._post === null ? 0 : inc(v._post), dev: 0, local: null });
}

/** The cut just after v and all its local versions: `Before(nextPublic(v))`. */
export function afterLocals(v: Version): Cut {
  return before(nextPublic(v));
}

/** The cut just after every post-release (and local) of a final or pre-release v. */
export function afterPosts(v: Version): Cut {
  if (v._pre === null) return releaseEnd(v);
  return before(v.with({ pre: [v._pre[0], inc(v._pre[1])], post: null, dev: 0, local: null }));
}

/** `E!X.dev0`: the smallest version whose release starts with X. */
export function prefixStart(epoch: VersionNumber, release: readonly VersionNumber[]): Version {
  return MIN_VERSION.with({ epoch, release, dev: 0 });
}

/** `E!X'.dev0` with the last component of X incremented: the end of the `==X.*` block. */
export function prefixEnd(epoch: VersionNumber, release: readonly VersionNumber[]): Version {
  const last = release.length - 1;
  return MIN_VERSION.with({ epoch, release: release.map((x, i) => (i === last ? inc(x) : x)), dev: 0 });
}
