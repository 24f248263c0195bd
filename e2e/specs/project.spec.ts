import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { ProjectPage } from '../pages/project-page';

function fixtureProject(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-e2e-proj-'));
  writeFileSync(join(dir, 'pyproject.toml'), text);
  return dir;
}

const PYPROJECT = `[project]
name = "Spam_Eggs"
version = "1.4.0"
requires-python = ">=3.10"

[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"
`;

test('opening a fixture project shows name, version and backend', async ({ app }) => {
  const dir = fixtureProject(PYPROJECT);
  const project = new ProjectPage(app.page);
  await project.open(dir);
  await expect(project.field('name')).toHaveText('Spam_Eggs');
  await expect(project.field('version')).toHaveText('1.4.0');
  await expect(project.field('requires-python')).toHaveText('>=3.10');
  await expect(project.field('backend')).toHaveText('hatchling.build (hatchling)');
});

test('an edit made on disk shows up within a second', async ({ app }) => {
  const dir = fixtureProject(PYPROJECT);
  const project = new ProjectPage(app.page);
  await project.open(dir);
  await expect(project.field('version')).toHaveText('1.4.0');
  writeFileSync(join(dir, 'pyproject.toml'), PYPROJECT.replace('1.4.0', '2.0.0').replace('hatchling.build', 'flit_core.buildapi'));
  await expect(project.field('version')).toHaveText('2.0.0', { timeout: 1_000 });
  await expect(project.field('backend')).toHaveText('flit_core.buildapi (flit-core)');
});

test('a broken file shows the TOML error with its line, and recovers when fixed', async ({ app }) => {
  const dir = fixtureProject(PYPROJECT);
  const project = new ProjectPage(app.page);
  await project.open(dir);
  writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\nversion = 1.0.0\n');
  await expect(project.tomlError()).toContainText('line 3');
  writeFileSync(join(dir, 'pyproject.toml'), PYPROJECT);
  await expect(project.field('name')).toHaveText('Spam_Eggs');
});

test('a broken file opened directly shows its error line', async ({ app }) => {
  const dir = fixtureProject('[project]\nname = "ok"\n\n[build-system\nrequires = []\n');
  await new ProjectPage(app.page).open(dir);
  await expect(app.page.getByTestId('toml-error')).toContainText('line 4');
});

test('the folder field completes sub-folders from the keyboard and remembers recent projects', async ({ app }) => {
  const root = mkdtempSync(join(tmpdir(), 'pw-e2e-tree-'));
  mkdirSync(join(root, 'my-project'));
  writeFileSync(join(root, 'my-project', 'pyproject.toml'), PYPROJECT);
  const field = app.page.getByRole('combobox', { name: 'Project folder' });
  await field.fill(`${root}/my`);
  await expect(app.page.getByRole('option', { name: join(root, 'my-project') })).toBeVisible();
  await field.press('ArrowDown');
  await field.press('Tab');
  await expect(field).toHaveValue(`${join(root, 'my-project')}/`);
  await field.press('Enter');
  await expect(app.page.getByTestId('project-name')).toHaveText('Spam_Eggs');
  await app.page.getByRole('button', { name: 'Open another project' }).click();
  await expect(app.page.getByRole('list', { name: 'Recent projects' })).toContainText('Spam_Eggs');
});

test('a missing folder is explained, and nothing but built workspaces is shown', async ({ app }) => {
  await app.page.getByRole('combobox', { name: 'Project folder' }).fill('/no/such/folder');
  await app.page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(app.page.getByRole('alert')).toContainText('No folder at /no/such/folder');
  // Built workspaces only (app.info.workspaces ∩ the renderer's): never a placeholder for the unbuilt ones.
  const nav = app.page.getByRole('navigation', { name: 'Workspaces' }).getByRole('button');
  await expect(nav.first()).toHaveText('Project');
  await expect(nav.filter({ hasText: /^(Builds|Lockfiles)$/ })).toHaveCount(0);
});
