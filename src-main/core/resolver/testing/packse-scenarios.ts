/**
 * Test helper: load packse scenarios (shared/corpus/packse) and turn one into an in-memory
 * index and a resolve request, applying packse's defaults (reference resolver.md §4.1):
 * root and version `requires_python = ">=3.12"`, environment Python 3.12, a version with no
 * `wheel_tags` has one `py3-none-any` wheel, `sdist`/`wheel` default true. uv's copy of a
 * scenario (uv-test-scenarios/) replaces packse's at the same path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { filenameName, filenameVersion } from '../../standards/names';
import type { MemoryIndex, MemoryVersion } from '../memory-provider';
import type { DistributionFile } from '../provider';
import type { TreeDist } from '../providers/testing/build-tree';

/** One version of a scenario package (packse schema). */
export interface ScenarioVersion {
  readonly requires?: readonly string[];
  readonly extras?: Readonly<Record<string, readonly string[]>>;
  readonly requires_python?: string;
  readonly sdist?: boolean;
  readonly wheel?: boolean;
  readonly yanked?: boolean;
  readonly wheel_tags?: readonly string[];
}

/** A packse scenario (the fields we use). */
export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly root?: { readonly requires?: readonly string[]; readonly requires_python?: string };
  readonly packages?: Readonly<Record<string, { readonly versions: Readonly<Record<string, ScenarioVersion>> }>>;
  readonly environment?: { readonly python?: string; readonly additional_python?: readonly string[] };
  readonly resolver_options?: {
    readonly python?: string;
    readonly prereleases?: boolean;
    readonly no_build?: readonly string[];
    readonly no_binary?: readonly string[];
    readonly universal?: boolean;
    readonly python_platform?: string;
    readonly resolution?: 'highest' | 'lowest' | 'lowest-direct';
  };
  readonly expected: { readonly satisfiable: boolean; readonly packages?: Readonly<Record<string, string>>; readonly explanation?: string };
}

/** A scenario and where it came from (`scenarios/<category>/<file>`, uv's path form). */
export interface ScenarioFile {
  readonly path: string;
  readonly source: 'packse' | 'uv';
  readonly scenario: Scenario;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(toml|json)$/.test(e)) out.push(p);
  }
  return out;
}

function load(file: string): Scenario[] {
  const text = readFileSync(file, 'utf8');
  const data: unknown = file.endsWith('.json') ? JSON.parse(text) : parseToml(text);
  return (Array.isArray(data) ? data : [data]) as Scenario[];
}

/** All scenarios under `packseDir` (the shared corpus/packse folder), uv's copy winning. */
export function loadScenarios(packseDir: string): ScenarioFile[] {
  const byPath = new Map<string, ScenarioFile[]>();
  for (const [source, base] of [
    ['packse', join(packseDir, 'scenarios')],
    ['uv', join(packseDir, 'uv-test-scenarios', 'scenarios')],
  ] as const) {
    for (const f of walk(base)) {
      const path = `scenarios/${relative(base, f)}`;
      byPath.set(path, load(f).map((scenario) => ({ path, source, scenario })));
    }
  }
  return [...byPath.values()].flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const DEFAULT_REQUIRES_PYTHON = '>=3.12';

/** Strip the leading `.` packse tolerates on extra names. */
function cleanExtra(e: string): string {
  return e.replace(/^\.+/, '');
}

function cleanRequirement(r: string): string {
  return r.replace(/\[([^\]]*)\]/, (_m, inner: string) => `[${inner.split(',').map((x) => cleanExtra(x.trim())).join(',')}]`);
}

/** The distribution files packse would publish for one version. */
export function scenarioFiles(name: string, version: string, v: ScenarioVersion): DistributionFile[] {
  const stem = `${filenameName(name)}-${filenameVersion(version)}`;
  const files: DistributionFile[] = [];
  if (v.sdist ?? true) files.push({ filename: `${stem}.tar.gz`, kind: 'sdist' });
  if (v.wheel ?? true) {
    const tags = v.wheel_tags && v.wheel_tags.length > 0 ? v.wheel_tags : ['py3-none-any'];
    for (const t of tags) files.push({ filename: `${stem}-${t}.whl`, kind: 'wheel' });
  }
  return files;
}

/** Requires-Dist for one version: plain requirements, then each extra's with `extra == "<e>"`. */
export function scenarioRequiresDist(v: ScenarioVersion): string[] {
  const out = (v.requires ?? []).map(cleanRequirement);
  for (const [rawExtra, reqs] of Object.entries(v.extras ?? {})) {
    const e = cleanExtra(rawExtra);
    for (const r of reqs) {
      const [req, marker] = cleanRequirement(r).split(';', 2) as [string, string | undefined];
      out.push(marker ? `${req.trim()} ; (${marker.trim()}) and extra == "${e}"` : `${req.trim()} ; extra == "${e}"`);
    }
  }
  return out;
}

/** The scenario's packages as a MemoryIndex (files listed so wheel tags matter). */
export function scenarioIndex(s: Scenario): MemoryIndex {
  const index: Record<string, Record<string, MemoryVersion>> = {};
  for (const [name, pkg] of Object.entries(s.packages ?? {})) {
    const versions: Record<string, MemoryVersion> = {};
    for (const [version, v] of Object.entries(pkg.versions)) {
      const rp = v.requires_python ?? DEFAULT_REQUIRES_PYTHON;
      versions[version] = {
        requiresDist: scenarioRequiresDist(v),
        requiresPython: rp === '' ? null : rp,
        providesExtra: Object.keys(v.extras ?? {}).map(cleanExtra),
        yanked: v.yanked ?? false,
        files: scenarioFiles(name, version, v),
      };
    }
    index[name] = versions;
  }
  return index;
}

/** The target Python of a scenario: the resolver override, else the environment's, else 3.12. */
export function scenarioPython(s: Scenario): string {
  return s.resolver_options?.python ?? s.environment?.python ?? '3.12';
}

/** The scenario's packages as distributions for a PEP 503 file tree (providers/testing/build-tree). */
export function scenarioDists(s: Scenario): TreeDist[] {
  const out: TreeDist[] = [];
  for (const [name, pkg] of Object.entries(s.packages ?? {})) {
    for (const [version, v] of Object.entries(pkg.versions)) {
      const rp = v.requires_python ?? DEFAULT_REQUIRES_PYTHON;
      out.push({
        name,
        version,
        requiresDist: scenarioRequiresDist(v),
        requiresPython: rp === '' ? null : rp,
        providesExtra: Object.keys(v.extras ?? {}).map(cleanExtra),
        yanked: v.yanked ?? false,
        wheelTags: (v.wheel ?? true) ? (v.wheel_tags && v.wheel_tags.length > 0 ? v.wheel_tags : ['py3-none-any']) : [],
        sdist: v.sdist ?? true,
      });
    }
  }
  return out;
}
