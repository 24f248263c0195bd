// `npm run dist`: package with electron-builder (settings in electron.config.ts). It needs
// Electron's release binaries; where they cannot be fetched it stops with one clear line.
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { fileURLToPath } from 'node:url';
import { builderConfig } from '../../electron.config';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function reachable(host: string): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000));
  return Promise.race([lookup(host).then(() => true, () => false), timeout]);
}

if (!process.env.ELECTRON_MIRROR && !process.env.ELECTRON_BUILDER_CACHE && !(await reachable('github.com'))) {
  process.stderr.write('npm run dist: cannot package here — electron-builder needs Electron release binaries from github.com (or ELECTRON_MIRROR / a filled ELECTRON_BUILDER_CACHE), and none is reachable.\n');
  process.exit(1);
}
const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const { build } = await import('electron-builder');
await build({ config: builderConfig as Parameters<typeof build>[0] extends { config?: infer C } ? C : never, projectDir: root });
