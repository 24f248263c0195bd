/** The desktop shell, driven with Playwright's Electron launcher; runs only where the binary exists. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../fixtures/environment';

const main = fileURLToPath(new URL('../../out/main/main.js', import.meta.url));

test('the desktop app opens a project through the preload contract', async () => {
  const bin = electronBinary();
  test.skip(!bin, 'the Electron binary is not installed here (Electron ≥ 42 downloads it at first launch)');
  const dataDir = mkdtempSync(join(tmpdir(), 'pw-electron-'));
  const app = await electron.launch({ executablePath: bin as string, args: [main], env: { ...process.env, PACKWRIGHT_DATA_DIR: dataDir } });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const dir = mkdtempSync(join(tmpdir(), 'pw-electron-proj-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "desk"\nversion = "3.0"\n');
    await page.getByRole('combobox', { name: 'Project folder' }).fill(dir);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('project-name')).toHaveText('desk');
  } finally {
    await app.close();
  }
});
