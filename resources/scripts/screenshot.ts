// Regenerate resources/screenshot.png for the README: browser mode, a sample project open.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromiumSync } from '../../src-main/core/platform/find-browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'sample-'));
writeFileSync(join(project, 'pyproject.toml'), '[project]\nname = "weather-tools"\nversion = "0.4.1"\nrequires-python = ">=3.10"\n\n[build-system]\nrequires = ["hatchling>=1.27"]\nbuild-backend = "hatchling.build"\n');
const child = spawn(process.execPath, [join(root, 'resources/bin/packwright.mjs'), 'serve'], { env: { ...process.env, PACKWRIGHT_DATA_DIR: mkdtempSync(join(tmpdir(), 'shot-')) }, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve) => child.stdout.on('data', (b: Buffer) => {
  const m = /running at (\S+)/.exec(b.toString());
  if (m?.[1]) resolve(m[1]);
}));
const browser = await chromium.launch({ executablePath: findChromiumSync() ?? undefined, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
await page.getByRole('combobox', { name: 'Project folder' }).fill(project);
await page.getByRole('button', { name: 'Open', exact: true }).click();
await page.getByTestId('project-name').waitFor();
await page.screenshot({ path: join(root, 'resources/screenshot.png') });
await browser.close();
child.kill();
