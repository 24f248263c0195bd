/**
 * Test support: requirement strings and markers harvested from the shared corpora
 * (resolvelib PyPI snapshots, lock files, requirements files). Not used by production code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';

/** Finds the `shared/` folder by walking up from this file (the repo sits next to it). */
export function sharedDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'corpus'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('shared/ corpus folder not found above the repository');
    dir = parent;
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out.sort();
}

/**
 * Every PEP 508 string in the resolvelib inputs: index snapshots' `dependencies` and cases'
 * `requested`, in file order with duplicates (about 263,000).
 */
export function resolvelibRequirementStrings(): string[] {
  const root = join(sharedDir(), 'corpus', 'resolvelib', 'inputs');
  const out: string[] = [];
  for (const file of listFiles(join(root, 'index'))) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const versions of Object.values(data)) {
      if (typeof versions !== 'object' || versions === null) continue;
      for (const release of Object.values(versions as Record<string, unknown>)) {
        const deps = (release as { dependencies?: unknown } | null)?.dependencies;
        if (Array.isArray(deps)) for (const d of deps) if (typeof d === 'string') out.push(d);
      }
    }
  }
  for (const file of listFiles(join(root, 'case'))) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { requested?: unknown };
    if (Array.isArray(data.requested)) for (const d of data.requested) if (typeof d === 'string') out.push(d);
  }
  return out;
}

/** Requirement lines of the corpus requirements files (options, comments and hashes removed). */
export function requirementsFileLines(): string[] {
  const dir = join(sharedDir(), 'corpus', 'lockfiles', 'requirements');
  const out: string[] = [];
  for (const file of listFiles(dir)) {
    const joined = readFileSync(file, 'utf8').replace(/\\\r?\n/g, ' ');
    for (let line of joined.split(/\r?\n/)) {
      line = line.replace(/(^|\s)#.*$/, '').replace(/\s--hash=\S+/g, '').trim();
      if (line && !line.startsWith('-')) out.push(line);
    }
  }
  return out;
}

function collectMarkers(o: unknown, key: string, out: Set<string>): void {
  if (Array.isArray(o)) for (const v of o) collectMarkers(v, key, out);
  else if (typeof o === 'object' && o !== null) {
    for (const [k, v] of Object.entries(o)) collectMarkers(v, k, out);
  } else if (typeof o === 'string' && (/marker/i.test(key) || key === 'environments' || key === 'required-environments')) {
    out.add(o);
  }
}

/** Marker strings found in the lock-file corpus (uv, pylock, poetry, pdm, Pipfile.lock). */
export function lockfileMarkers(): string[] {
  const dir = join(sharedDir(), 'corpus', 'lockfiles');
  const out = new Set<string>();
  for (const file of listFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    let data: unknown;
    try {
      if (file.endsWith('Pipfile.lock')) data = JSON.parse(text);
      else if (file.endsWith('.toml') || file.endsWith('.lock')) data = parseToml(text);
      else continue;
    } catch {
      continue;
    }
    collectMarkers(data, '', out);
  }
  return [...out].sort();
}
