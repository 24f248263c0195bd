import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndexTree, type IndexTree } from '../resolver/providers/testing/build-tree';
import { discoverLocalIndexes } from '../local-index/discover';
import { skipUnless } from '../../testing/require-tool';
import { classifierTree } from './classifier-tree';
import { configuredIndexes, IndexAccess } from './index-access';
import { checkProjectName, dependencyLicenses, suggestVersions } from './lookups';

let root: string;
let tree: IndexTree;
let index: IndexAccess;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pw-wizard-index-'));
  tree = await buildIndexTree(root, [
    { name: 'requests', version: '2.31.0' },
    { name: 'requests', version: '2.32.3' },
    { name: 'requests', version: '2.33.0rc1' },
    { name: 'requests', version: '2.32.4', yanked: 'broken' },
    { name: 'Flask', version: '3.0.0' },
    { name: 'tiny', version: '0.3.1' },
  ]);
  index = new IndexAccess({ urls: [tree.simpleUrl], label: 'the test index' });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('checkProjectName', () => {
  it('previews the normalized and import names', async () => {
    expect(await checkProjectName('My.Cool_Project', null)).toMatchObject({ valid: true, normalized: 'my-cool-project', importName: 'my_cool_project', availability: null });
  });

  it('explains invalid names and unimportable ones', async () => {
    expect((await checkProjectName('-bad', null)).problem).toMatch(/"-" at character 1/);
    expect((await checkProjectName('class', null)).importProblem).toMatch(/keyword/);
  });

  it('finds taken names and PyPI\'s "too similar" ones on the index', async () => {
    expect((await checkProjectName('FLASK', index)).availability).toEqual({ exists: true, similar: [], indexLabel: 'the test index' });
    expect((await checkProjectName('F.lask', index)).availability).toEqual({ exists: false, similar: ['flask'], indexLabel: 'the test index' });
    expect((await checkProjectName('tIny', index)).availability?.exists).toBe(true);
    expect((await checkProjectName('brand-new', index)).availability).toEqual({ exists: false, similar: [], indexLabel: 'the test index' });
  });
});

describe('suggestVersions', () => {
  it('lists versions newest first without yanked ones, and suggests from the newest stable release', async () => {
    const s = await suggestVersions('Requests', index);
    expect(s.versions).toEqual(['2.33.0rc1', '2.32.3', '2.31.0']);
    expect(s.latest).toBe('2.32.3');
    expect(s.suggestions.map((x) => x.requirement)).toEqual(['Requests>=2.32', 'Requests>=2.32,<3', 'Requests==2.32.3', 'Requests']);
  });

  it('a 0.x project gets no major-version cap; an unknown project only "any version"', async () => {
    expect((await suggestVersions('tiny', index)).suggestions.map((x) => x.requirement)).toEqual(['tiny>=0.3', 'tiny==0.3.1', 'tiny']);
    expect(await suggestVersions('nope', index)).toMatchObject({ versions: [], latest: null, suggestions: [{ requirement: 'nope' }] });
  });
});

describe('configuredIndexes', () => {
  it('PACKWRIGHT_INDEX_URL wins over pip\'s configuration', async () => {
    expect(await configuredIndexes({ PACKWRIGHT_INDEX_URL: 'https://a.example/simple/ https://b.example/simple/' })).toEqual({ urls: ['https://a.example/simple/', 'https://b.example/simple/'], label: 'https://a.example/simple/, https://b.example/simple/' });
  });
});

describe('dependencyLicenses on the machine\'s local index', () => {
  it('reads License-Expression, exact classifiers or an SPDX License field, and says when unknown', async (ctx) => {
    const local = await discoverLocalIndexes();
    if (skipUnless({ available: local.length > 0, reason: 'no local package index configured (PACKWRIGHT_LOCAL_INDEX or pip config)' })) return ctx.skip();
    const access = new IndexAccess(await configuredIndexes());
    const [hatchling, missing] = await dependencyLicenses(['hatchling>=1', 'no-such-project-xyz'], access);
    if (skipUnless({ available: hatchling?.version !== null, reason: 'the local index has no hatchling' })) return ctx.skip();
    expect(hatchling).toMatchObject({ project: 'hatchling', expression: 'MIT', source: 'License-Expression', family: 'permissive' });
    expect(missing).toMatchObject({ source: 'not-found', expression: null });
  });
});

describe('classifierTree', () => {
  it('nests classifiers by segment, marks License ones and lists deprecated ones', () => {
    const t = classifierTree();
    const python = t.roots.find((r) => r.label === 'Programming Language')?.children.find((c) => c.label === 'Python');
    expect(python?.selectable).toBe(true);
    expect(python?.children.some((c) => c.path === 'Programming Language :: Python :: 3.12')).toBe(true);
    expect(python?.children.find((c) => c.label === '3')?.children.map((c) => c.label)).toEqual(['Only']);
    expect(t.roots.find((r) => r.label === 'License')?.licenseClassifier).toBe(true);
    expect(t.deprecated.length).toBeGreaterThan(0);
    const leaves = (n: readonly { selectable: boolean; children: readonly unknown[] }[]): number => n.reduce((s, x) => s + (x.selectable ? 1 : 0) + leaves(x.children as never), 0);
    expect(leaves(t.roots)).toBe(887);
  });
});
