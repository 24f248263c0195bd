/**
 * e2e: the `web` project drives Debian's chromium against browser mode (each test starts its
 * own server with its own data folder); the `electron` project runs only where the Electron
 * binary exists and is reported as skipped with its reason otherwise.
 */
import { defineConfig } from '@playwright/test';
import { chromiumPath, electronBinary } from './fixtures/environment';

const chromium = chromiumPath();
const ci = process.env.CI === 'true' || process.env.CI === '1';
const mainProcess = process.env.TEST_WORKER_INDEX === undefined;
if (!chromium) {
  const msg = 'e2e: no Chromium found (install Debian\'s chromium or set CHROMIUM_PATH)';
  if (ci) throw new Error(`CI=true but ${msg}`);
  if (mainProcess) console.warn(`skipped: ${msg}`);
}
if (mainProcess && !electronBinary()) console.warn('skipped: electron e2e project — the Electron binary is not installed here (Electron ≥ 42 downloads it at first launch)');

export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      name: 'web',
      testIgnore: /.*\.electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(chromium ? { executablePath: chromium } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts/ },
  ],
});
