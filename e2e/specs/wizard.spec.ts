/**
 * The project wizard beside the editor, both on one buffer:
 * 1. A newcomer creates a project (license "MIT OR Apache-2.0", two dependencies with a version
 *    suggested by the configured index, a command), types an invalid classifier in Monaco, sees
 *    the marker and the wizard's error, applies the quick fix, saves: the file is exactly right.
 * 2. Editing an existing, commented pyproject.toml through the wizard changes only the edited lines.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { EditorPane } from '../pages/editor-pane';
import { ProjectPage } from '../pages/project-page';
import { WizardPage } from '../pages/wizard-page';

/** Type a new line before line `line` of the Monaco editor (insertText: no auto-closing quotes). */
async function insertLine(page: Page, line: number, text: string): Promise<void> {
  await test.step(`type in the editor at line ${line}: ${text}`, async () => {
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.insertText(`${text}\n`);
  });
}

const saved: Record<string, string | undefined> = {};
const ENV = ['PACKWRIGHT_INDEX_URL', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'] as const;

/** A PEP 503 tree listing a few versions (listings only: the wizard reads versions from file names). */
function indexTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-e2e-wizard-index-'));
  const projects: Record<string, string[]> = { requests: ['2.31.0', '2.32.3'], rich: ['13.7.1', '14.0.0'] };
  for (const [name, versions] of Object.entries(projects)) {
    mkdirSync(join(root, 'simple', name), { recursive: true });
    const links = versions.map((v) => `<a href="../../files/${name}-${v}-py3-none-any.whl">${name}-${v}-py3-none-any.whl</a><br />`).join('\n');
    writeFileSync(join(root, 'simple', name, 'index.html'), `<!DOCTYPE html><html><body>\n${links}\n</body></html>\n`);
  }
  writeFileSync(join(root, 'simple', 'index.html'), `<!DOCTYPE html><html><body>${Object.keys(projects).map((p) => `<a href="${p}/">${p}</a>`).join('\n')}</body></html>\n`);
  return `${pathToFileURL(join(root, 'simple')).href}/`;
}

test.beforeAll(() => {
  for (const k of ENV) saved[k] = process.env[k];
  // Each test's server inherits these: a known index and a known git identity (the author default).
  process.env.PACKWRIGHT_INDEX_URL = indexTree();
  const gitconfig = join(mkdtempSync(join(tmpdir(), 'pw-e2e-git-')), 'gitconfig');
  writeFileSync(gitconfig, '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n');
  process.env.GIT_CONFIG_GLOBAL = gitconfig;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
});

test.afterAll(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const CREATED = `[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[project]
name = "hello-wizard"
version = "0.1.0"
description = "Say hello, politely."
readme = "README.md"
requires-python = ">=3.10"
license = "MIT OR Apache-2.0"
license-files = ["LICENSES/MIT.txt", "LICENSES/Apache-2.0.txt"]
authors = [
    { name = "Ada Lovelace", email = "ada@example.org" },
]
dependencies = [
    "requests>=2.32",
    "rich",
]

[project.scripts]
hello-wizard = "hello_wizard.cli:main"
`;

test('a newcomer creates a project, fixes a classifier typed in the editor, and saves exactly the expected file', async ({ app }) => {
  test.setTimeout(60_000);
  const folder = join(mkdtempSync(join(tmpdir(), 'pw-e2e-wizard-')), 'hello-wizard');
  mkdirSync(folder);
  const page = app.page;
  await new ProjectPage(page).open(folder);
  const wizard = new WizardPage(page);
  const editor = new EditorPane(page);
  await wizard.startNewProject();
  await editor.ready();

  await expect(wizard.field('Project name')).toHaveValue('hello-wizard');
  await expect(wizard.root.getByTestId('name-availability')).toContainText('Free on');
  await wizard.fill('Description', 'Say hello, politely.');
  await expect.poll(() => editor.text()).toContain('description = "Say hello, politely."');

  await wizard.setLicense('MIT OR Apache-2.0');
  await expect.poll(() => editor.text()).toContain('license = "MIT OR Apache-2.0"');

  await wizard.step('Dependencies');
  await wizard.addDependency('requests', 'requests>=2.32');
  await wizard.addDependency('rich');
  await expect.poll(() => editor.text()).toContain('"rich",');

  await wizard.step('Scripts and entry points');
  await wizard.addCommand('hello-wizard', 'hello_wizard.cli:main');
  await expect.poll(() => editor.text()).toContain('hello-wizard = "hello_wizard.cli:main"');

  await wizard.step('Create the project');
  await expect(wizard.root.getByRole('list', { name: 'Files to create' })).toContainText('LICENSES/Apache-2.0.txt');
  await wizard.root.getByRole('button', { name: 'Create project' }).click();
  await expect(editor.state()).toHaveText('Saved');
  await expect.poll(() => readFileSync(join(folder, 'src', 'hello_wizard', 'cli.py'), 'utf8')).toContain('def main() -> None:');
  expect(readFileSync(join(folder, 'pyproject.toml'), 'utf8')).toBe(CREATED);
  expect(readFileSync(join(folder, 'LICENSES', 'MIT.txt'), 'utf8')).toContain('Copyright (c) ');

  // An invalid classifier typed in the editor: a marker there, an error in the wizard's step.
  await insertLine(page, 11, 'classifiers = ["Typing :: Typd"]');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  await expect(wizard.root.getByRole('button', { name: /^5\. Classifiers, 1 error$/ })).toBeVisible();
  await wizard.step('Classifiers');
  await expect(wizard.problems()).toContainText('"Typing :: Typd" is not a trove classifier');
  await expect(wizard.root.getByRole('list', { name: 'Selected classifiers' })).toContainText('Typing :: Typd');
  await wizard.problems().getByRole('button', { name: 'Change to "Typing :: Typed"' }).click();
  await expect.poll(() => editor.text()).toContain('classifiers = ["Typing :: Typed"]');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  await expect(wizard.root.getByRole('list', { name: 'Selected classifiers' })).toContainText('Typing :: Typed');
  await editor.save();
  await expect(editor.state()).toHaveText('Saved');
  expect(readFileSync(join(folder, 'pyproject.toml'), 'utf8')).toBe(CREATED.replace('license = ', 'classifiers = ["Typing :: Typed"]\nlicense = '));
});

const COMMENTED = `# Spam: canned-meat tools.
[build-system]
requires = ["hatchling>=1.27"]  # pinned by ops
build-backend = "hatchling.build"

[project]
name    = "spam"   # do not rename
version = '1.2.3'
description = "Spam"
requires-python = ">=3.9"
classifiers = [
  "Programming Language :: Python :: 3",  # keep
]
dependencies = [
  'requests >= 2',   # http
  # "numpy",  disabled for now
]

[tool.ruff]
line-length = 100   # wide screens
`;

/** Lines only in `a` and lines only in `b` (by a longest common subsequence of lines). */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const dp = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) dp[i]![j] = x[i] === y[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < y.length && (i === x.length || dp[i]![j + 1]! >= dp[i + 1]![j]!)) added.push(y[j++]!);
    else removed.push(x[i++]!);
  }
  return { removed, added };
}

test('editing an existing, commented pyproject.toml through the wizard touches only the edited lines', async ({ app }) => {
  const folder = mkdtempSync(join(tmpdir(), 'pw-e2e-wizard-existing-'));
  const file = join(folder, 'pyproject.toml');
  writeFileSync(file, COMMENTED);
  const page = app.page;
  await new ProjectPage(page).open(folder);
  const wizard = new WizardPage(page);
  const editor = new EditorPane(page);
  await editor.ready();
  await expect(wizard.field('Project name')).toHaveValue('spam');
  await expect(wizard.field('Version')).toHaveValue('1.2.3');

  await wizard.fill('Version', '1.3.0');
  await expect.poll(() => editor.text()).toContain("version = '1.3.0'");

  await wizard.step('Classifiers');
  await wizard.field('Search classifiers').fill('typed');
  await wizard.root.getByRole('checkbox', { name: 'Typing :: Typed' }).click();
  await expect(wizard.root.getByRole('checkbox', { name: 'Typing :: Typed' })).toBeChecked();
  await expect(wizard.root.getByRole('list', { name: 'Selected classifiers' })).toContainText('Typing :: Typed');

  await wizard.step('Dependencies');
  await expect(wizard.field('Dependency 1')).toHaveValue('requests >= 2');
  await wizard.addDependency('rich');
  await expect(wizard.field('Dependency 2')).toHaveValue('rich');

  await wizard.step('URLs');
  await wizard.field('Label').fill('Homepage');
  await wizard.field('URL').fill('https://spam.example');
  await wizard.root.getByRole('button', { name: 'Add URL' }).click();
  await expect(wizard.field('URL for Homepage')).toHaveValue('https://spam.example');

  await editor.save();
  await expect(editor.state()).toHaveText('Saved');
  const after = readFileSync(file, 'utf8');
  // Only the edited lines differ; comments, spacing and quoting elsewhere are untouched.
  expect(lineDiff(COMMENTED, after)).toEqual({
    removed: ["version = '1.2.3'"],
    added: ["version = '1.3.0'", '  "Typing :: Typed",', '  "rich",', '[project.urls]', 'Homepage = "https://spam.example"', ''],
  });
  expect(after).toBe(
    COMMENTED.replace("'1.2.3'", "'1.3.0'")
      .replace('# keep\n', '# keep\n  "Typing :: Typed",\n')
      .replace("# http\n", '# http\n  "rich",\n')
      .replace('\n[tool.ruff]', '\n[project.urls]\nHomepage = "https://spam.example"\n\n[tool.ruff]'),
  );
});
