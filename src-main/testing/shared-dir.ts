/**
 * The shared test-data folder (`../shared` next to the repository: corpus, data, schemas,
 * fixtures, reference). PACKWRIGHT_SHARED_DIR overrides. Throws with a clear message when absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function sharedDir(): string {
  const dir = process.env.PACKWRIGHT_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
  if (!existsSync(join(dir, 'corpus')) && !existsSync(join(dir, 'data'))) {
    throw new Error(`shared test data not found at ${dir} (expected ../shared next to the repository; set PACKWRIGHT_SHARED_DIR)`);
  }
  return dir;
}

/** A path inside the shared folder. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir(), ...parts);
}
