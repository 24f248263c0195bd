/**
 * The smallest item-level edit of a TOML array: items the old and new lists share (their
 * longest common subsequence) stay untouched, so their lines, comments and layout stay
 * byte-identical; a changed item in place becomes a `set`, others removals and insertions.
 */
import type { DataPath, EditChange, TomlValue } from '../pyproject';

/** Index pairs (old, new) of a longest common subsequence under `same`. */
function lcsPairs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = dp[i] as number[];
    const next = dp[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) row[j] = same(a[i] as T, b[j] as T) ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i] as T, b[j] as T)) {
      pairs.push([i++, j++]);
    } else if ((dp[i + 1]?.[j] ?? 0) >= (dp[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/**
 * Changes turning the array at `path` (currently `before`) into `after`, applied in order by
 * `applyEdits`. Gaps between shared items are handled from the last to the first, so each
 * change's indices are still valid when it runs.
 */
export function arrayChanges(path: DataPath, before: readonly TomlValue[], after: readonly TomlValue[], same: (x: TomlValue, y: TomlValue) => boolean = deepEqual): EditChange[] {
  const pairs = lcsPairs(before, after, same);
  // Gaps: [oldStart, oldEnd) replaced by [newStart, newEnd), between consecutive pairs.
  const gaps: { os: number; oe: number; ns: number; ne: number }[] = [];
  let po = 0;
  let pn = 0;
  for (const [oi, ni] of [...pairs, [before.length, after.length] as [number, number]]) {
    if (oi > po || ni > pn) gaps.push({ os: po, oe: oi, ns: pn, ne: ni });
    po = oi + 1;
    pn = ni + 1;
  }
  const out: EditChange[] = [];
  for (const g of gaps.reverse()) {
    const common = Math.min(g.oe - g.os, g.ne - g.ns);
    for (let k = 0; k < common; k++) out.push({ kind: 'set', path: [...path, g.os + k], value: after[g.ns + k] as TomlValue });
    // Removals in decreasing index order (applyEdits batches them without shifting).
    for (let k = g.oe - 1; k >= g.os + common; k--) out.push({ kind: 'removeItem', path, index: k });
    for (let k = common; k < g.ne - g.ns; k++) out.push({ kind: 'insertItem', path, value: after[g.ns + k] as TomlValue, index: g.os + k });
  }
  return out;
}

/** Structural equality of TOML values (tables compare key sets, not key order). */
export function deepEqual(a: TomlValue | undefined, b: TomlValue | undefined): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
