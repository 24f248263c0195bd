/**
 * Test support: the shared reference folder (beside the checkout) and its pyproject fixtures.
 *
 * Walks up from this file until a directory holding `shared/data` is found, so tests run in
 * the working checkout and in CI's fresh clone with shared/ copied beside it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the shared folder. */
export function sharedDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'data'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no shared/ folder above the checkout');
    dir = parent;
  }
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.toml')) out.push(p);
  }
}

/** A pyproject fixture: absolute path, path relative to shared/, and the folder's verdict. */
export interface Fixture {
  readonly path: string;
  readonly rel: string;
  readonly expected: 'valid' | 'invalid';
}

/** validate-pyproject's fixtures and SchemaStore's pyproject tests (TOML files only). */
export function pyprojectFixtures(): Fixture[] {
  const root = sharedDir();
  const files: string[] = [];
  walk(join(root, 'data/validate-pyproject-fixtures'), files);
  walk(join(root, 'schemas/schemastore/tests/pyproject'), files);
  return files.map((path) => {
    const rel = relative(root, path);
    return { path, rel, expected: /(^|\/)invalid\//.test(rel) ? 'invalid' : 'valid' };
  });
}
