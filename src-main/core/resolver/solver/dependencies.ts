/**
 * From a version's core metadata to the solver's dependencies, for one target environment.
 *
 * - Requires-Dist entries are PEP 508 requirements; their markers are evaluated against the
 *   target (PEP 508 §Environment Markers). For the base package `extra` is "", so
 *   extra-conditional requirements drop out.
 * - `name[extra]` (a virtual package, as uv models extras) at version V depends on `name==V`
 *   and on the requirements whose marker holds with `extra == "<extra>"` (PEP 685 names) but
 *   not without it. An extra the version does not provide adds nothing (pip and uv warn and
 *   go on; packse `missing-extra`).
 * - A requirement with extras `b[x,y]>=1` becomes `b>=1`, `b[x]>=1`, `b[y]>=1`.
 * - Several requirements on one key from one version are intersected into one dependency.
 * - Direct URL references (`b @ https://…`) are not resolvable from an index: reported.
 */
import type { MarkerEnvironment } from '../../standards/environment';
import { normalizeExtra, normalizeName } from '../../standards/names';
import { VersionSet, type SpecifierSet, type Version } from '../../standards/pep440';
import { evaluateMarker, parseRequirement, type Requirement } from '../../standards/pep508';
import type { VersionMetadata } from '../provider';
import { baseName, extraOf, packageKey, type PackageKey } from './package-key';

/** One dependency: a key, the allowed versions, and the requirement strings it came from. */
export interface Dependency {
  readonly key: PackageKey;
  readonly range: VersionSet;
  readonly requirements: readonly string[];
}

/** A requirement that cannot be used (bad syntax, direct URL). */
export class BadRequirementError extends Error {
  override readonly name = 'BadRequirementError';
  constructor(
    readonly requirement: string,
    message: string,
  ) {
    super(message);
  }
}

const rangeCache = new WeakMap<SpecifierSet, VersionSet>();

/** The version set of a specifier set (cached per parsed set). */
export function rangeOf(spec: SpecifierSet): VersionSet {
  let r = rangeCache.get(spec);
  if (!r) {
    r = VersionSet.fromSpecifierSet(spec);
    rangeCache.set(spec, r);
  }
  return r;
}

/** Parse, or throw BadRequirementError. */
export function parseOrThrow(text: string): Requirement {
  try {
    return parseRequirement(text);
  } catch (e) {
    throw new BadRequirementError(text, e instanceof Error ? e.message : String(e));
  }
}

/** Accumulates dependencies, intersecting repeated keys. */
export class DependencyList {
  private readonly map = new Map<PackageKey, { range: VersionSet; requirements: string[] }>();

  add(key: PackageKey, range: VersionSet, requirement: string): void {
    const d = this.map.get(key);
    if (d) {
      d.range = d.range.intersect(range);
      if (!d.requirements.includes(requirement)) d.requirements.push(requirement);
    } else this.map.set(key, { range, requirements: [requirement] });
  }

  /** Add a parsed requirement: its base key and one key per extra. */
  addRequirement(req: Requirement, text: string): void {
    if (req.url !== null) throw new BadRequirementError(text, `direct URL requirements cannot be resolved from an index: ${text}`);
    const name = normalizeName(req.name);
    const range = rangeOf(req.specifier);
    this.add(name, range, text);
    for (const e of req.extras) this.add(packageKey(name, normalizeExtra(e)), range, text);
  }

  list(): Dependency[] {
    return [...this.map].map(([key, d]) => ({ key, range: d.range, requirements: d.requirements }));
  }
}

const markerCache = new WeakMap<MarkerEnvironment, Map<string, boolean>>();

/** Evaluate a requirement's marker for one extra ("" = none), cached per environment. */
export function markerHolds(req: Requirement, env: MarkerEnvironment, extra: string): boolean {
  if (req.marker === null) return true;
  let cache = markerCache.get(env);
  if (!cache) markerCache.set(env, (cache = new Map()));
  const key = `${extra}\u0000${req.marker.toString()}`;
  let v = cache.get(key);
  if (v === undefined) {
    v = evaluateMarker(req.marker, env, extra ? { extra } : undefined);
    cache.set(key, v);
  }
  return v;
}

/** The result for one version: its dependencies and any warnings (e.g. a missing extra). */
export interface VersionDependencies {
  readonly dependencies: Dependency[];
  readonly warnings: string[];
}

/**
 * Dependencies of `key` (a project or `project[extra]`) at `version`. Throws
 * BadRequirementError for unparsable or URL requirements among the ones that apply.
 */
export function dependenciesOf(key: PackageKey, version: Version, meta: VersionMetadata, env: MarkerEnvironment): VersionDependencies {
  const name = baseName(key);
  const extra = extraOf(key);
  const deps = new DependencyList();
  const warnings: string[] = [];
  if (extra === null) {
    for (const text of meta.requiresDist) {
      const req = parseOrThrow(text);
      if (markerHolds(req, env, '')) deps.addRequirement(req, text);
    }
    return { dependencies: withoutSelf(deps.list(), key, version), warnings };
  }
  deps.add(name, VersionSet.exact(version), `${name}==${version.toString()}`);
  let provided = meta.providesExtra.some((e) => normalizeExtra(e) === extra);
  for (const text of meta.requiresDist) {
    const req = parseOrThrow(text);
    if (req.marker === null || !markerHolds(req, env, extra) || markerHolds(req, env, '')) continue;
    provided = true;
    deps.addRequirement(req, text);
  }
  if (!provided) warnings.push(`${name} ${version.toString()} does not provide the extra '${extra}'`);
  return { dependencies: withoutSelf(deps.list(), key, version), warnings };
}

/** Drop a package's dependency on itself when its own version satisfies it (a no-op). */
function withoutSelf(list: Dependency[], self: PackageKey, version: Version): Dependency[] {
  return list.filter((d) => d.key !== self || !d.range.contains(version));
}
