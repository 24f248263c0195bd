/**
 * Locate the built renderer (out/renderer) from wherever this code runs: bundled under out/,
 * or from sources under tsx. PACKWRIGHT_RENDERER_DIR overrides.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function locateRendererDir(from: string = fileURLToPath(import.meta.url), env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PACKWRIGHT_RENDERER_DIR) return env.PACKWRIGHT_RENDERER_DIR;
  let dir = dirname(from);
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'renderer'), join(dir, 'out', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}
