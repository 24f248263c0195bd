/**
 * Find an installed Chromium-family browser (for app-mode windows and for e2e tests).
 *
 * PACKWRIGHT_BROWSER or CHROMIUM_PATH win; then the usual executable names on PATH; then the
 * standard macOS and Windows install locations. Returns null when none exists.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'brave-browser'];
const FIXED = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromiumSync(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const v of [env.PACKWRIGHT_BROWSER, env.CHROMIUM_PATH]) if (v && executable(v)) return v;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const p = join(dir, name);
      if (executable(p)) return p;
    }
  }
  return FIXED.find(executable) ?? null;
}
