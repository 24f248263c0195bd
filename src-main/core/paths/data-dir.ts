/**
 * Where Packwright keeps its own data (recent projects, caches, settings).
 *
 * PACKWRIGHT_DATA_DIR overrides everything (tests give each run its own folder). Otherwise the
 * XDG Base Directory spec on Linux ($XDG_DATA_HOME or ~/.local/share), the platform folders
 * elsewhere.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PACKWRIGHT_DATA_DIR) return env.PACKWRIGHT_DATA_DIR;
  const home = env.HOME ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Packwright');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Packwright');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'packwright');
}
