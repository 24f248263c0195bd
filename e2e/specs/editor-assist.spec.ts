/** Monaco assistance from the Node side: completions for keys and classifiers, hover docs. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { EditorPane } from '../pages/editor-pane';
import { ProjectPage } from '../pages/project-page';

test('completions offer project keys and trove classifiers; hover shows schema docs', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-e2e-assist-'));
  writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "assist"\nversion = "1.0"\n');
  await new ProjectPage(app.page).open(dir);
  const editor = new EditorPane(app.page);
  await editor.ready();
  await editor.appendAtEnd('req');
  await app.page.keyboard.press('Control+Space');
  const suggest = app.page.locator('.suggest-widget');
  await expect(suggest).toContainText('requires-python');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('">=3.10"\nclassifiers = ["python 3.13');
  await app.page.keyboard.press('Control+Space');
  await expect(suggest).toContainText('Programming Language :: Python :: 3.13');
  await app.page.keyboard.press('Enter');
  await expect.poll(() => editor.text()).toContain('classifiers = ["Programming Language :: Python :: 3.13');
  expect(await editor.text()).not.toContain('python 3.13');

  await app.page.locator('.view-line', { hasText: 'requires-python' }).getByText('requires-python').hover();
  await expect(app.page.locator('.monaco-hover').filter({ hasText: 'requires-python' }).first()).toContainText('Python version');
});
