/**
 * Checks that look beyond the text (async, injectable): the project folder (license-files
 * globs MUST match a file, PEP 639; readme and license files exist) and the package index
 * (name taken; PyPI's "too similar" rule).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeName } from '../standards/names';
import type { CheckContext } from './semantic/context';
import { isTable, stringItems } from './semantic/context';
import { licenseGlobProblem, licenseGlobRegExp } from './semantic/license-files';
import type { NameLookup, NameLookupResult, ProjectFs, ValidationContext } from './types';

const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache']);
const MAX_FILES = 50_000;

/** The real file system: every file below `dir` (skipping VCS, virtualenv and cache folders). */
export const nodeProjectFs: ProjectFs = {
  async listFiles(dir: string): Promise<readonly string[]> {
    const out: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      if (out.length >= MAX_FILES) return;
      let entries;
      try {
        entries = await readdir(join(dir, rel), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) await walk(path);
        } else if (e.isFile() || e.isSymbolicLink()) out.push(path);
      }
    };
    await walk('');
    return out;
  },
};

/**
 * PyPI's name-similarity key (pypi/warehouse migration d18d443f89f0, `ultranormalize_name`):
 * drop `.`, `_` and `-`, map `l`/`i` to `1` and `o` to `0`, lower-case.
 */
export function ultranormalizeName(name: string): string {
  return name.replace(/[._-]/g, '').replace(/[lLiI]/g, '1').replace(/[oO]/g, '0').toLowerCase();
}

/** A NameLookup over a known list of project names (e.g. a PEP 503 index's root listing). */
export function nameLookupFromNames(names: Iterable<string>, indexLabel: string): NameLookup {
  const byNorm = new Set<string>();
  const byUltra = new Map<string, string[]>();
  for (const n of names) {
    const norm = normalizeName(n);
    byNorm.add(norm);
    const u = ultranormalizeName(n);
    const list = byUltra.get(u) ?? [];
    if (!list.includes(norm)) list.push(norm);
    byUltra.set(u, list);
  }
  return async (name: string): Promise<NameLookupResult> => {
    const norm = normalizeName(name);
    const similar = (byUltra.get(ultranormalizeName(name)) ?? []).filter((n) => n !== norm);
    return { exists: byNorm.has(norm), similar, indexLabel };
  };
}

/** A NameLookup over a local PEP 503 file index (one folder per normalized project). */
export async function localIndexNameLookup(simpleDir: string): Promise<NameLookup> {
  const entries = await readdir(simpleDir, { withFileTypes: true });
  return nameLookupFromNames(entries.filter((e) => e.isDirectory()).map((e) => e.name), simpleDir);
}

/** Run the environment checks that the context enables. */
export async function checkEnvironment(c: CheckContext, ctx: ValidationContext): Promise<void> {
  const p = c.project;
  if (!p) return;
  const tasks: Promise<void>[] = [];
  if (ctx.projectDir !== undefined) tasks.push(checkFiles(c, ctx.projectDir, ctx.fs ?? nodeProjectFs));
  if (ctx.nameLookup && typeof p.name === 'string' && p.name !== '') tasks.push(checkName(c, p.name, ctx.nameLookup));
  await Promise.all(tasks);
}

async function checkFiles(c: CheckContext, dir: string, fs: ProjectFs): Promise<void> {
  const p = c.project;
  if (!p) return;
  const files = await fs.listFiles(dir);
  const fileSet = new Set(files);
  for (const [i, pattern] of stringItems(p['license-files'])) {
    if (licenseGlobProblem(pattern)) continue;
    const re = licenseGlobRegExp(pattern);
    if (!files.some((f) => re.test(f))) {
      c.report({ code: 'PW-LICENSE-009', message: `"${pattern}" matches no file in the project folder; every license-files pattern must match at least one file (PEP 639).`, path: ['project', 'license-files', i], layer: 'environment', rule: 'PEP 639' });
    }
  }
  const readme = p.readme;
  const readmeFile = typeof readme === 'string' ? readme : isTable(readme) && typeof readme.file === 'string' ? readme.file : null;
  if (readmeFile !== null && !fileSet.has(readmeFile.replace(/^\.\//, ''))) {
    c.report({ code: 'PW-README-005', message: `The readme file "${readmeFile}" does not exist in the project folder; the build will fail.`, path: typeof readme === 'string' ? ['project', 'readme'] : ['project', 'readme', 'file'], layer: 'environment', rule: 'pyproject.toml spec' });
  }
  const lic = p.license;
  if (isTable(lic) && typeof lic.file === 'string' && !fileSet.has(lic.file.replace(/^\.\//, ''))) {
    c.report({ code: 'PW-LICENSE-010', message: `The license file "${lic.file}" does not exist in the project folder.`, path: ['project', 'license', 'file'], layer: 'environment', rule: 'pyproject.toml spec' });
  }
}

async function checkName(c: CheckContext, name: string, lookup: NameLookup): Promise<void> {
  let r: NameLookupResult;
  try {
    r = await lookup(name);
  } catch {
    return; // the index is unreachable: say nothing rather than guess
  }
  const path = ['project', 'name'];
  if (r.exists) {
    c.report({ code: 'PW-NAME-003', severity: 'info', message: `A project named "${normalizeName(name)}" already exists on ${r.indexLabel}: fine if it is yours, otherwise choose another name before publishing.`, path, layer: 'environment', rule: 'PEP 503 names' });
  } else if (r.similar.length) {
    c.report({
      code: 'PW-NAME-004',
      severity: 'warning',
      message: `PyPI would refuse this name as too similar to ${r.similar.slice(0, 3).map((s) => `"${s}"`).join(', ')} on ${r.indexLabel} (names equal after removing \`.\`, \`_\`, \`-\` and treating l/i as 1 and o as 0).`,
      path,
      layer: 'environment',
      rule: 'PyPI name rules',
    });
  }
}
