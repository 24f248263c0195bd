/**
 * Turn the decisions of a finished resolution into pins, each with the parents and the
 * requirement strings that brought it in (what `npm explain` shows, and pip's report lacks).
 */
import type { NormalizedName } from '../../standards/names';
import type { Version } from '../../standards/pep440';
import type { Pin, PinParent } from '../types';
import type { Dependency } from './dependencies';
import { baseName, extraOf, ROOT, type PackageKey } from './package-key';

/** Pins sorted by name, parents sorted (root first, then by name and extra). */
export function collectPins(
  decisions: ReadonlyMap<PackageKey, Version>,
  depsOf: ReadonlyMap<string, readonly Dependency[]>,
  directNames: ReadonlySet<NormalizedName>,
  isYanked: (name: NormalizedName, v: Version) => boolean,
): Pin[] {
  const extras = new Map<NormalizedName, string[]>();
  const parents = new Map<NormalizedName, Map<string, { parent: NormalizedName | null; parentVersion: string | null; viaExtra: string | null; requirements: Set<string> }>>();
  for (const key of decisions.keys()) {
    if (key === ROOT) continue;
    const e = extraOf(key);
    if (e !== null) {
      const list = extras.get(baseName(key)) ?? [];
      list.push(e);
      extras.set(baseName(key), list);
    }
  }
  for (const [key, v] of decisions) {
    const deps = depsOf.get(`${key} ${v.toString()}`) ?? [];
    const parent = key === ROOT ? null : baseName(key);
    const viaExtra = key === ROOT ? null : extraOf(key);
    for (const d of deps) {
      const child = baseName(d.key);
      if (child === parent || !decisions.has(child)) continue;
      let m = parents.get(child);
      if (!m) parents.set(child, (m = new Map()));
      const id = `${parent ?? ''}[${viaExtra ?? ''}]`;
      let p = m.get(id);
      if (!p) m.set(id, (p = { parent, parentVersion: key === ROOT ? null : v.toString(), viaExtra, requirements: new Set() }));
      for (const r of d.requirements) p.requirements.add(r);
    }
  }
  const pins: Pin[] = [];
  for (const [key, v] of decisions) {
    if (key === ROOT || extraOf(key) !== null) continue;
    const name = baseName(key);
    const ps: PinParent[] = [...(parents.get(name)?.values() ?? [])]
      .map((p) => ({ parent: p.parent, parentVersion: p.parentVersion, viaExtra: p.viaExtra, requirements: [...p.requirements] }))
      .sort((a, b) => cmp(a.parent ?? '', b.parent ?? '') || cmp(a.viaExtra ?? '', b.viaExtra ?? ''));
    pins.push({ name, version: v.toString(), extras: (extras.get(name) ?? []).sort(), direct: directNames.has(name), yanked: isYanked(name, v), parents: ps });
  }
  return pins.sort((a, b) => cmp(a.name, b.name));
}

/** Code-unit order (locale-independent, hence deterministic). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
