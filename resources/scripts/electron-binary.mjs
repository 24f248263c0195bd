// Locate an installed Electron binary without require('electron'): on Electron ≥ 42 that call
// downloads the binary at first use, which hangs or fails offline (architecture.md §6).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = join(override, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(bin) ? bin : null;
  }
  try {
    const pkg = createRequire(import.meta.url).resolve('electron/package.json');
    const pathTxt = join(dirname(pkg), 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const bin = join(dirname(pkg), 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}
