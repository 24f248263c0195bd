/**
 * Test support: locate the project's `shared/` folder (test data beside the checkout).
 *
 * Walks up from this file until a directory holding `shared/data` is found, so tests work in
 * /work/main and in CI's fresh clone with shared/ copied beside it.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of `shared/<relative>`; throws when no shared/ folder is found. */
export function sharedPath(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'data'))) return join(candidate, relative);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no shared/ folder above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
