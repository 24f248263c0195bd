/**
 * The Dependencies workspace against a small PEP 503 file index built in the test (metadata-only
 * wheels with PEP 658 files): an unsatisfiable set shows the conflict graph and the explanation,
 * clicking a node highlights its path (and the sentences about it), relaxing a constraint
 * re-resolves and shows the success graph; a fix applied to pyproject.toml lands in the
 * editor's buffer, unsaved; the environment matrix says which targets fail and why; a
 * resolution waiting on a slow index shows its progress and can be cancelled.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndexTree } from '../../src-main/core/resolver/providers/testing/build-tree';
import { startTestServer } from '../../src-main/core/resolver/providers/testing/test-server';
import { expect, test } from '../fixtures/app';
import { DependenciesPage } from '../pages/dependencies-page';
import { ProjectPage } from '../pages/project-page';

let indexUrl = '';
let indexRoot = '';

test.beforeAll(async () => {
  const tree = await buildIndexTree(mkdtempSync(join(tmpdir(), 'pw-e2e-index-')), [
    { name: 'pwe-a', version: '1.0', requiresDist: ['pwe-c<2'] },
    { name: 'pwe-a', version: '2.0', requiresDist: ['pwe-c>=2'] },
    { name: 'pwe-b', version: '1.0', requiresDist: ['pwe-c>=2'] },
    { name: 'pwe-c', version: '1.0' },
    { name: 'pwe-c', version: '2.0', requiresDist: ['pwe-d'] },
    { name: 'pwe-d', version: '1.0' },
    { name: 'pwe-new', version: '1.0', requiresPython: '>=3.11' },
  ]);
  indexUrl = tree.simpleUrl;
  indexRoot = tree.root;
});

test('an unsatisfiable set shows the conflict graph and the explanation; a node highlights its path; relaxing re-resolves', async ({ app }) => {
  const deps = new DependenciesPage(app.page);
  await deps.open();
  await deps.useIndex(indexUrl);
  await deps.resolvePasted('pwe-a<2\npwe-b');

  await test.step('the conflict graph and the explanation', async () => {
    await deps.graphReady('conflict');
    await expect(deps.explanation()).toContainText('pwe-a<2');
    await expect(deps.explanation()).toContainText('pwe-c>=2');
    await expect(deps.explanation()).toContainText('your requirements are unsatisfiable');
    for (const id of ['req:0', 'req:1', 'pkg:pwe-a', 'pkg:pwe-b', 'pkg:pwe-c']) await expect(deps.node('conflict', id)).toBeVisible();
    // Edges are drawn with the first frame, not only after an interaction.
    await expect(deps.graph('conflict').locator('.react-flow__edge')).not.toHaveCount(0);
  });

  await test.step('clicking a package highlights the path from the requirements to it', async () => {
    await deps.node('conflict', 'pkg:pwe-c').click();
    await expect(deps.node('conflict', 'pkg:pwe-c')).toHaveClass(/is-selected/);
    for (const id of ['req:0', 'req:1', 'pkg:pwe-a', 'pkg:pwe-b']) await expect(deps.node('conflict', id)).toHaveClass(/is-path/);
    await expect(deps.graph('conflict').locator('.react-flow__node.is-dim').first()).toBeVisible();
    await expect(deps.explanation().locator('.deps-line.mentions-selected').first()).toBeVisible();
    await expect(app.page.getByTestId('deps-node-details')).toContainText('you require pwe-a<2');
  });

  await test.step('a sentence highlights its nodes', async () => {
    const first = deps.explanation().locator('.deps-line').first();
    await first.hover();
    const ids = ((await first.getAttribute('data-node-ids')) ?? '').split(' ').filter((id) => id.startsWith('pkg:'));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) await expect(deps.node('conflict', id)).toHaveClass(/is-path/);
  });

  await test.step('verified fixes are offered', async () => {
    await expect(app.page.getByTestId('deps-suggestions')).toContainText('Change `pwe-a<2` to `pwe-a<=2.0`', { timeout: 15_000 });
  });

  await test.step('relax the constraint on the graph and re-resolve', async () => {
    await deps.node('conflict', 'req:0').click();
    await app.page.getByLabel('What if this requirement were').fill('pwe-a>=1');
    await app.page.getByRole('button', { name: 'Re-resolve', exact: true }).click();
    await deps.graphReady('success');
    await expect(app.page.getByTestId('deps-success')).toContainText('Resolved 4 packages');
    await expect(deps.node('success', 'pkg:pwe-c')).toContainText('pwe-c==2.0');
    await expect(app.page.getByRole('region', { name: 'Apply the changes' })).toContainText('pwe-a<2 → pwe-a>=1');
  });

  await test.step('the tree and "why is it here?"', async () => {
    await deps.node('success', 'pkg:pwe-d').click();
    await expect(app.page.getByTestId('deps-why')).toContainText('pwe-c==2.0');
    await expect(app.page.getByRole('treeitem', { name: /pwe-d==1\.0/ })).toHaveAttribute('aria-selected', 'true');
  });
});

test('a suggested fix goes into the pyproject.toml editor buffer, unsaved', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-e2e-deps-proj-'));
  const original = '[project]\nname = "demo"\nversion = "1.0"\ndependencies = [\n  "pwe-a<2",  # pinned for now\n  "pwe-b",\n]\n';
  writeFileSync(join(dir, 'pyproject.toml'), original);
  await new ProjectPage(app.page).open(dir);
  const deps = new DependenciesPage(app.page);
  await deps.open();
  await deps.useIndex(indexUrl);
  await app.page.getByRole('radio', { name: /The open project/ }).check();
  await expect(app.page.getByRole('checkbox', { name: '[project] dependencies (2)' })).toBeChecked();
  await app.page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await deps.graphReady('conflict');
  const fix = app.page.getByTestId('deps-suggestions').getByRole('listitem').filter({ hasText: 'pwe-a<=2.0' });
  await fix.getByRole('button', { name: 'Apply to pyproject.toml' }).click();
  await app.page.getByRole('button', { name: 'Review and save it' }).click();
  await expect(app.page.getByTestId('editor-state')).toHaveText('Unsaved changes');
  await expect(app.page.locator('.code-editor')).toContainText('"pwe-a<=2.0",  # pinned for now');
  expect(readFileSync(join(dir, 'pyproject.toml'), 'utf8')).toBe(original);
});

test('the environment matrix says which targets fail and why', async ({ app }) => {
  const deps = new DependenciesPage(app.page);
  await deps.open();
  await deps.useIndex(indexUrl);
  await app.page.getByRole('radio', { name: 'Pasted requirements' }).check();
  await app.page.getByLabel(/Requirements, one per line/).fill('pwe-new');
  await app.page.getByRole('button', { name: /Check all environments/ }).click();
  const matrix = app.page.getByTestId('deps-matrix');
  await expect(matrix.getByRole('heading')).toHaveText('12 of 18 environments resolve', { timeout: 20_000 });
  await expect(matrix.getByRole('button', { name: /fails$/ })).toHaveCount(6);
  await expect(matrix.getByRole('button', { name: 'CPython 3.12, Windows amd64: resolves, 1 package' })).toBeVisible();
  await matrix.getByRole('button', { name: 'CPython 3.10, manylinux_2_28 x86_64: fails' }).click();
  await expect(matrix).toContainText('Why it fails on CPython 3.10, manylinux_2_28 x86_64');
  await expect(matrix).toContainText('requires Python>=3.11');
  await expect(app.page.getByTestId('deps-matrix-graph')).toHaveAttribute('data-graph-state', 'ready');
  await expect(matrix.getByTestId('deps-explanation')).toContainText('pwe-new');
});

test('a resolution waiting on a slow index shows progress and can be cancelled', async ({ app }) => {
  // The same index over HTTP, except that one project page never answers.
  const server = await startTestServer({ root: indexRoot });
  server.hooks.set('/simple/pwe-c/', () => true);
  try {
    const deps = new DependenciesPage(app.page);
    await deps.open();
    await deps.useIndex(`${server.url}simple/`);
    await deps.resolvePasted('pwe-a');
    const progress = app.page.getByTestId('deps-progress');
    await expect(progress).toContainText('Resolving');
    await expect(progress.getByRole('status')).toContainText(/packages listed|Resolving/);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
    await expect(progress).toBeHidden();
    await expect(app.page.getByRole('button', { name: 'Resolve', exact: true })).toBeEnabled();
  } finally {
    await server.close();
  }
});
