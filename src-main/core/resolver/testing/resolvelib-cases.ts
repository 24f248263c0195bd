/**
 * Test helper: resolvelib's functional inputs (shared/corpus/resolvelib/inputs): index
 * snapshots `{project: {version: {dependencies: [PEP 508…]}}}` served as a MemoryIndex, and
 * cases `{index, requested, resolved | conflicted, unvisited?, needs_optimistic?}`.
 * Snapshots carry no Requires-Python, yanked flags or files (reference resolver.md §4.4).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryIndex, MemoryVersion } from '../memory-provider';

/** A resolvelib case file. */
export interface ResolvelibCase {
  readonly name: string;
  readonly index: string;
  readonly requested: readonly string[];
  readonly resolved?: Readonly<Record<string, string | { readonly version: string; readonly marker?: string }>>;
  readonly conflicted?: readonly string[];
  readonly unvisited?: Readonly<Record<string, readonly string[]>>;
  readonly needs_optimistic?: boolean;
}

/** All cases, sorted by name. */
export function loadResolvelibCases(inputsDir: string): ResolvelibCase[] {
  const dir = join(inputsDir, 'case');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<ResolvelibCase, 'name'>) }));
}

const indexCache = new Map<string, MemoryIndex>();

/**
 * resolvelib's harness evaluates a requirement's marker as
 * `any(marker.evaluate({"extra": e}) for e in candidate.extras)`, which is False for a
 * candidate without extras: requirements with a marker that does not mention `extra` never
 * apply to a base package there. `harness` reproduces that (the expected pins were made so).
 */
function harnessKeeps(req: string): boolean {
  const semi = req.indexOf(';');
  return semi < 0 || /\bextra\b/.test(req.slice(semi));
}

/** A snapshot as a MemoryIndex (non-object entries, like `needs_optimistic`, skipped). */
export function loadResolvelibIndex(inputsDir: string, name: string, opts: { harness?: boolean } = {}): MemoryIndex {
  const key = `${join(inputsDir, name)}${opts.harness ? ' harness' : ''}`;
  let idx = indexCache.get(key);
  if (!idx) {
    const raw = JSON.parse(readFileSync(join(inputsDir, 'index', `${name}.json`), 'utf8')) as Record<string, unknown>;
    const out: Record<string, Record<string, MemoryVersion>> = {};
    for (const [project, versions] of Object.entries(raw)) {
      if (typeof versions !== 'object' || versions === null) continue;
      const vs: Record<string, MemoryVersion> = {};
      for (const [v, data] of Object.entries(versions as Record<string, { dependencies?: string[] }>)) {
        if (typeof data !== 'object' || data === null) continue;
        const deps = data.dependencies ?? [];
        vs[v] = { requiresDist: opts.harness ? deps.filter(harnessKeeps) : deps };
      }
      out[project] = vs;
    }
    idx = out;
    indexCache.set(key, idx);
  }
  return idx;
}

/** Expected pins as `{normalized name: version text}`. */
export function expectedPins(c: ResolvelibCase): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, v] of Object.entries(c.resolved ?? {})) out.set(name.toLowerCase().replace(/[-_.]+/g, '-'), typeof v === 'string' ? v : v.version);
  return out;
}
