/**
 * `[build-system]` checks (PEP 517/518) and backend capability: the backend required by the
 * file must be new enough for what the file uses (floors.ts, with changelog citations).
 */
import { normalizeName } from '../../standards/names';
import { compareVersions, SpecifierSet, VersionSet, parseVersion, type Specifier } from '../../standards/pep440';
import type { Requirement } from '../../standards/pep508';
import { makeFix, replaceFix } from '../diagnostic-builder';
import { formatBasicString } from '../edit/format-value';
import { isPythonIdentifier } from '../schema/formats';
import { isTable, stringItems, type CheckContext } from '../semantic/context';
import { tryRequirement } from '../semantic/requirements';
import { backendFor, BACKENDS, FEATURE_WORDS, floorFor, type BackendFeature, type BackendInfo } from './floors';

/** Features of this file that need a minimum backend release. */
export function usedFeatures(c: CheckContext): BackendFeature[] {
  const p = c.project;
  if (!p) return [];
  const out: BackendFeature[] = ['project-table'];
  if (typeof p.license === 'string') {
    out.push('license-expression');
    const ops = new Set(p.license.split(/[\s()]+/).map((t) => t.toUpperCase()));
    if (ops.has('AND') || ops.has('OR')) out.push('license-expression-compound');
    if (ops.has('WITH')) out.push('license-expression-with');
  }
  if (Array.isArray(p['license-files'])) out.push('license-files');
  return out;
}

/** The default build backend for a new project (the wizard's pick; hatchling, floors.ts). */
export const DEFAULT_BUILD_SYSTEM = { requires: ['hatchling>=1.27'], 'build-backend': 'hatchling.build' } as const;

export function checkBuildSystem(c: CheckContext): void {
  const bs = c.buildSystem;
  if (!bs) {
    if (!c.project) return;
    const scripts = isTable(c.project.scripts) || isTable(c.project['gui-scripts']);
    c.report({
      code: 'PW-BUILD-001',
      severity: 'warning',
      message: `There is no [build-system] table: pip then falls back to setuptools' legacy backend, and uv treats the project as not installable${scripts ? ' — your [project.scripts] commands would silently not be installed' : ''}. Declare the build backend explicitly.`,
      path: ['project'],
      part: 'key',
      rule: 'PEP 517/518',
      fixes: [makeFix(c.doc, 'Add a [build-system] table for hatchling', [{ kind: 'set', path: ['build-system'], value: { requires: [...DEFAULT_BUILD_SYSTEM.requires], 'build-backend': DEFAULT_BUILD_SYSTEM['build-backend'] } }])],
    });
    return;
  }
  const backendValue = typeof bs['build-backend'] === 'string' ? bs['build-backend'] : null;
  const inTree = Array.isArray(bs['backend-path']) && bs['backend-path'].length > 0;
  if (backendValue === null) {
    c.report({
      code: 'PW-BUILD-003',
      severity: 'warning',
      message: '`build-backend` is missing, so frontends use setuptools\' legacy backend (`setuptools.build_meta:__legacy__`). Name the backend explicitly.',
      path: ['build-system'],
      part: 'key',
      rule: 'PEP 517',
    });
  }
  if (backendValue !== null && !isBackendReference(backendValue)) {
    c.report({ code: 'PW-BUILD-004', message: `"${backendValue}" is not a backend reference: write a module path, optionally followed by \`:\` and an object (e.g. "hatchling.build").`, path: ['build-system', 'build-backend'], rule: 'PEP 517' });
  }
  const backend = backendFor(backendValue ?? 'setuptools.build_meta:__legacy__');
  if (!backend || inTree) return;
  const reqs = stringItems(bs.requires).map(([i, s]) => ({ i, s, r: tryRequirement(s) }));
  const found = reqs.find((x) => x.r && normalizeName(x.r.name) === backend.family);
  if (!found || !found.r) {
    if (backendValue !== null) {
      c.report({
        code: 'PW-BUILD-002',
        severity: 'warning',
        message: `\`build-backend = "${backendValue}"\` comes from ${backend.family}, but ${backend.family} is not in \`requires\`: unless another requirement pulls it in, the build environment will not have it and the build fails with ModuleNotFoundError.`,
        path: ['build-system', 'build-backend'],
        rule: 'PEP 518',
        fixes: [makeFix(c.doc, `Add "${backend.family}" to requires`, [{ kind: 'insertItem', path: ['build-system', 'requires'], value: backend.family }])],
      });
    }
    return;
  }
  checkFloors(c, backend, found.i, found.s, found.r);
}

function checkFloors(c: CheckContext, backend: BackendInfo, index: number, text: string, req: Requirement): void {
  if (req.url) return;
  const path = ['build-system', 'requires', index];
  const needs = usedFeatures(c)
    .map((f) => ({ f, floor: floorFor(backend.family, f) }))
    .filter((x): x is { f: BackendFeature; floor: NonNullable<typeof x.floor> } => x.floor !== undefined);
  if (needs.length === 0) return;
  // The highest floor decides; report every feature that needs it.
  const top = needs.reduce((a, b) => (compareVersions(b.floor.min, a.floor.min) > 0 ? b : a));
  const min = top.floor.min;
  const features = needs.filter((x) => x.floor.min === min).map((x) => FEATURE_WORDS[x.f]).join(' and ');
  const unpinned = req.specifier.isEmpty;
  // An unpinned backend is the latest in an isolated build; warn only for the recent PEP 639
  // features, where old releases are still common (Debian bookworm ships setuptools 66).
  if (unpinned && top.f === 'project-table') return;
  const allowed = VersionSet.fromSpecifierSet(req.specifier);
  const enough = VersionSet.fromSpecifierSet(SpecifierSet.parse(`>=${min}`));
  if (allowed.isSubsetOf(enough)) return;
  const whole = c.doc.index.span(path, 'value');
  const newText = raiseFloor(text, req, min);
  const fix = replaceFix(c.doc, `Require ${newText}`, whole[0], whole[1], formatBasicString(newText), { isPreferred: true });
  c.report({
    code: unpinned ? 'PW-BACKEND-002' : 'PW-BACKEND-001',
    severity: unpinned ? 'warning' : 'error',
    message: unpinned
      ? `This file uses ${features}, which needs ${backend.family} >= ${min}, but "${text}" sets no minimum: a build that gets an older ${backend.family} (a pinned environment, --no-isolation, an old mirror) fails or drops the metadata. (${top.floor.source})`
      : `This file uses ${features}, which needs ${backend.family} >= ${min}, but "${text}" also allows older releases that reject it or drop the metadata. (${top.floor.source})`,
    path,
    rule: 'Backend capability',
    fixes: [fix],
  });
}

/** The requirement with its lower bound raised to `min`, upper bounds above it kept. */
export function raiseFloor(text: string, req: Requirement, min: string): string {
  const floor = parseVersion(min);
  const kept: string[] = [];
  for (const s of req.specifier.canonicalSpecifiers() as readonly Specifier[]) {
    const v = s.spec;
    if (s.operator === '!=' || ((s.operator === '<' || s.operator === '<=') && v && compareVersions(v, floor) > 0)) kept.push(s.toString());
    else if (s.operator === '~=' && v && v.release.length >= 2) {
      const cap = [...v.release.slice(0, -2), (v.release[v.release.length - 2] ?? 0) + 1].join('.');
      if (compareVersions(cap, floor) > 0) kept.push(`<${cap}`);
    }
  }
  const head = /^\s*[A-Za-z0-9._-]+(\s*\[[^\]]*\])?(\s*)/.exec(text);
  const name = (head?.[0] ?? req.name).replace(/\s+$/, '');
  const gap = head?.[2] ?? '';
  const marker = req.marker ? `; ${req.marker.toString()}` : '';
  return `${name}${gap}${[`>=${min}`, ...kept].join(',')}${marker}`;
}

/** PEP 517 `build-backend`: `module.path` or `module.path:object.attr` (Python identifiers). */
export function isBackendReference(value: string): boolean {
  const [mod, obj = '', ...rest] = value.split(':');
  if (rest.length || mod === undefined) return false;
  const parts = [...mod.split('.'), ...obj.split('.')].map((x) => x.trim()).filter((x) => x !== '');
  return parts.length > 0 && mod.trim() !== '' && parts.every(isPythonIdentifier);
}

/** Backend families known to Packwright (for completions and the wizard). */
export function knownBackendFamilies(): readonly string[] {
  return BACKENDS.map((b) => b.family);
}
