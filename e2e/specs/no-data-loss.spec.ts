/**
 * The file changes on disk while the app holds unsaved edits: saving refuses and offers reload
 * or merge; merging keeps both sides; nothing the user wrote is lost.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { EditorPane } from '../pages/editor-pane';
import { ProjectPage } from '../pages/project-page';

const ORIGINAL = '# my project\n[project]\nname = "keepme"\nversion = "1.0"\n\n[tool.demo]\nx = 1\n';

test('a save after an outside change refuses, then merge keeps both edits', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-e2e-conflict-'));
  const file = join(dir, 'pyproject.toml');
  writeFileSync(file, ORIGINAL);
  await new ProjectPage(app.page).open(dir);
  const editor = new EditorPane(app.page);
  await editor.ready();
  await editor.appendAtEnd('y = 2\n');
  await expect(editor.state()).toHaveText('Unsaved changes');

  writeFileSync(file, ORIGINAL.replace('version = "1.0"', 'version = "1.1"'));
  await expect(app.page.getByTestId('project-version')).toHaveText('1.1');
  await editor.save();
  await expect(app.page.getByTestId('save-conflict')).toContainText('changed on disk');
  expect(readFileSync(file, 'utf8')).toContain('version = "1.1"');
  expect(readFileSync(file, 'utf8')).not.toContain('y = 2');

  await app.page.getByRole('button', { name: 'Merge with disk version' }).click();
  await expect(app.page.getByTestId('save-conflict')).toHaveCount(0);
  await editor.save();
  await expect(editor.state()).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe(ORIGINAL.replace('version = "1.0"', 'version = "1.1"') + 'y = 2\n');
});

test('reloading after a conflict asks first, and keeps the edits when declined', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-e2e-conflict-'));
  const file = join(dir, 'pyproject.toml');
  writeFileSync(file, ORIGINAL);
  await new ProjectPage(app.page).open(dir);
  const editor = new EditorPane(app.page);
  await editor.ready();
  await editor.appendAtEnd('z = 3\n');
  writeFileSync(file, ORIGINAL.replace('x = 1', 'x = 10'));
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('x = 10');
  await editor.save();
  await app.page.getByRole('button', { name: 'Reload from disk…' }).click();
  await app.page.getByRole('button', { name: 'Keep my edits' }).click();
  expect(await editor.text()).toContain('z = 3');
  await app.page.getByRole('button', { name: 'Reload from disk…' }).click();
  await app.page.getByRole('button', { name: 'Yes, discard and reload' }).click();
  await expect.poll(() => editor.text()).toContain('x = 10');
  expect(await editor.text()).not.toContain('z = 3');
});
