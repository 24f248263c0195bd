/**
 * PEP 440 total order (no allocation per comparison).
 *
 * Same order as packaging's `_cmpkey` (PEP 440 "Summary of permitted suffixes and relative
 * ordering"): epoch; release with trailing zeros ignored; then the suffix key
 * (pre-rank, pre-number, has-post, post-number, has-no-dev, dev-number) where a dev-only
 * release ranks below every pre-release; then the local label: none < any, segments compared one
 * by one with numbers above strings, and a shorter label below a longer one it prefixes.
 */
import { parseVersion, type Version, type VersionNumber } from './version';

function cmpNum(x: VersionNumber, y: VersionNumber): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compare release segments, zero-padded (1.0 == 1.0.0). */
export function compareRelease(a: Version, b: Version): number {
  const ra = a._r;
  const rb = b._r;
  const la = a._rlen;
  const lb = b._rlen;
  const n = la < lb ? la : lb;
  for (let i = 0; i < n; i++) {
    const x = ra[i] as VersionNumber;
    const y = rb[i] as VersionNumber;
    if (x !== y) return x < y ? -1 : 1;
  }
  return la - lb;
}

/** Compare epoch and release only. */
export function compareEpochRelease(a: Version, b: Version): number {
  if (a._e !== b._e) return a._e < b._e ? -1 : 1;
  return compareRelease(a, b);
}

/** Compare the pre/post/dev suffix keys. */
function compareSuffix(a: Version, b: Version): number {
  if (a._preRank !== b._preRank) return a._preRank - b._preRank;
  if (a._pre !== null && b._pre !== null && a._pre[1] !== b._pre[1]) return cmpNum(a._pre[1], b._pre[1]);
  const pa = a._post;
  const pb = b._post;
  if (pa !== pb) {
    if (pa === null) return -1;
    if (pb === null) return 1;
    return cmpNum(pa, pb);
  }
  const da = a._dev;
  const db = b._dev;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return cmpNum(da, db);
  }
  return 0;
}

/** Compare two local labels (null = no label). */
export function compareLocal(la: Version['_local'], lb: Version['_local']): number {
  if (la === lb) return 0;
  if (la === null) return -1;
  if (lb === null) return 1;
  const n = Math.min(la.length, lb.length);
  for (let i = 0; i < n; i++) {
    const x = la[i] as string | VersionNumber;
    const y = lb[i] as string | VersionNumber;
    if (x === y) continue;
    const xs = typeof x === 'string';
    const ys = typeof y === 'string';
    if (xs !== ys) return xs ? -1 : 1; // PEP 440: numeric segments sort above alphanumeric ones
    return x < y ? -1 : 1;
  }
  return la.length - lb.length;
}

/** Compare the public versions (local labels ignored on both sides). */
export function comparePublic(a: Version, b: Version): number {
  if (a._e !== b._e) return a._e < b._e ? -1 : 1;
  const r = compareRelease(a, b);
  return r !== 0 ? r : compareSuffix(a, b);
}

/**
 * Total order over versions (negative, zero, positive), per PEP 440 including local labels.
 *
 * Strings are parsed first (throwing `InvalidVersionError` when invalid).
 */
export function compareVersions(a: Version | string, b: Version | string): number {
  const x = typeof a === 'string' ? parseVersion(a) : a;
  const y = typeof b === 'string' ? parseVersion(b) : b;
  if (x === y) return 0;
  const c = comparePublic(x, y);
  return c !== 0 ? c : compareLocal(x._local, y._local);
}

/** PEP 440 equality (`1.0 == 1.0.0`, local labels compared case-insensitively). */
export function versionsEqual(a: Version, b: Version): boolean {
  return compareVersions(a, b) === 0;
}

/** Sort versions ascending in place by PEP 440 order and return the array. */
export function sortVersions<T extends Version>(versions: T[]): T[] {
  return versions.sort(compareVersions);
}
