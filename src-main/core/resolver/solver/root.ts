/**
 * The root package: the user's requirements and constraints for one target, the versions
 * they pin exactly (PEP 592: the only yanked versions that may be used), and their names
 * (the "direct" packages for `lowest-direct` and for explanations).
 */
import { normalizeName, type NormalizedName } from '../../standards/names';
import { VersionSet } from '../../standards/pep440';
import type { ResolverTarget } from '../target';
import { DependencyList, markerHolds, parseOrThrow, rangeOf, type Dependency } from './dependencies';

/** The root's dependencies and what follows from them. */
export interface RootInfo {
  readonly dependencies: Dependency[];
  /** Constraints: project → allowed versions, with the requirement texts. */
  readonly constraints: readonly { readonly name: NormalizedName; readonly range: VersionSet; readonly requirements: readonly string[] }[];
  /** Versions pinned with `==`/`===` by the root requirements, per project. */
  readonly exactPins: ReadonlyMap<NormalizedName, VersionSet>;
  readonly directNames: ReadonlySet<NormalizedName>;
  /** Requirements whose marker is false for the target (kept for reports). */
  readonly skipped: readonly string[];
}

/** Parse and evaluate the root requirements for `target`. Throws BadRequirementError. */
export function rootInfo(requirements: readonly string[], constraints: readonly string[], target: ResolverTarget): RootInfo {
  const deps = new DependencyList();
  const exactPins = new Map<NormalizedName, VersionSet>();
  const directNames = new Set<NormalizedName>();
  const skipped: string[] = [];
  for (const text of requirements) {
    const req = parseOrThrow(text);
    if (!markerHolds(req, target.markers, '')) {
      skipped.push(text);
      continue;
    }
    deps.addRequirement(req, text);
    const name = normalizeName(req.name);
    directNames.add(name);
    for (const s of req.specifier.specifiers) {
      if ((s.operator === '==' && !s.wildcard) || s.operator === '===') {
        exactPins.set(name, (exactPins.get(name) ?? VersionSet.empty()).union(VersionSet.fromSpecifier(s)));
      }
    }
  }
  const cons = new Map<NormalizedName, { range: VersionSet; requirements: string[] }>();
  for (const text of constraints) {
    const req = parseOrThrow(text);
    if (!markerHolds(req, target.markers, '')) continue;
    const name = normalizeName(req.name);
    const c = cons.get(name);
    if (c) {
      c.range = c.range.intersect(rangeOf(req.specifier));
      c.requirements.push(text);
    } else cons.set(name, { range: rangeOf(req.specifier), requirements: [text] });
  }
  return {
    dependencies: deps.list(),
    constraints: [...cons].map(([name, c]) => ({ name, ...c })),
    exactPins,
    directNames,
    skipped,
  };
}
