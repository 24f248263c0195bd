import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverLocalIndexes } from '../local-index/discover';
import { skipUnless } from '../../testing/require-tool';
import { localIndexNameLookup, nameLookupFromNames, ultranormalizeName } from './environment';
import { licenseGlobRegExp } from './semantic/license-files';
import { asyncDiagnostics, HEAD } from './testing/helpers';
import type { ProjectFs } from './types';

describe('license-files globs against the project folder (PEP 639: each MUST match a file)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-pyproject-'));
    await mkdir(join(dir, 'licenses/vendor'), { recursive: true });
    await writeFile(join(dir, 'LICENSE'), 'MIT');
    await writeFile(join(dir, 'licenses/vendor/BSD.txt'), 'BSD');
    await writeFile(join(dir, 'README.md'), '# demo');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports patterns that match nothing, on the real file system', async () => {
    const text = `${HEAD}license = "MIT"\nreadme = "README.md"\nlicense-files = ["LICEN[CS]E*", "licenses/**/*.txt", "COPYING*"]\n`;
    const diags = (await asyncDiagnostics(text, { projectDir: dir })).filter((d) => d.layer === 'environment');
    expect(diags.map((d) => [d.code, d.path])).toEqual([['PW-LICENSE-009', ['project', 'license-files', 2]]]);
  });

  it('reports a missing readme and license file', async () => {
    const text = `${HEAD}readme = "docs/README.rst"\nlicense = { file = "LICENSE.txt" }\n`;
    const got = (await asyncDiagnostics(text, { projectDir: dir })).map((d) => d.code);
    expect(got).toContain('PW-README-005');
    expect(got).toContain('PW-LICENSE-010');
  });

  it('uses an injected file system', async () => {
    const fs: ProjectFs = { listFiles: async () => ['COPYING.md'] };
    const text = `${HEAD}license = "MIT"\nlicense-files = ["COPYING*"]\n`;
    expect((await asyncDiagnostics(text, { projectDir: '/nowhere', fs })).map((d) => d.code)).toEqual([]);
  });

  it('translates globs like Python: ** spans folders, * stays in one name, no leading dots', () => {
    expect(licenseGlobRegExp('licenses/**').test('licenses/a/b.txt')).toBe(true);
    expect(licenseGlobRegExp('**/LICENSE').test('LICENSE')).toBe(true);
    expect(licenseGlobRegExp('*').test('a/b')).toBe(false);
    expect(licenseGlobRegExp('*').test('.hidden')).toBe(false);
    expect(licenseGlobRegExp('AUTHORS file').test('AUTHORS file')).toBe(true);
  });
});

describe('name availability (PEP 503 names; PyPI "too similar")', () => {
  it("computes PyPI's ultranormalized key", () => {
    expect(ultranormalizeName('Foo.Bar_l0')).toBe('f00bar10');
    expect(ultranormalizeName('fo-obarIO')).toBe(ultranormalizeName('f0obar10'));
  });

  it('reports a taken name (info) and a too-similar one (warning)', async () => {
    const lookup = nameLookupFromNames(['requests', 'numpy'], 'test index');
    const taken = await asyncDiagnostics(HEAD.replace('"demo"', '"Requests"'), { nameLookup: lookup });
    expect(taken.find((d) => d.code === 'PW-NAME-003')?.severity).toBe('info');
    const unrelated = await asyncDiagnostics(HEAD.replace('"demo"', '"numpy-extras"'), { nameLookup: lookup });
    expect(unrelated.map((d) => d.code)).not.toContain('PW-NAME-004');
    const close = await asyncDiagnostics(HEAD.replace('"demo"', '"num.py"'), { nameLookup: lookup });
    expect(close.find((d) => d.code === 'PW-NAME-004')?.message).toContain('"numpy"');
  });

  it('looks names up in the machine\'s real local PEP 503 index', async () => {
    const indexes = await discoverLocalIndexes();
    if (skipUnless({ available: indexes.length > 0, reason: 'no local PEP 503 index configured (PACKWRIGHT_LOCAL_INDEX or pip config)' })) return;
    const index = indexes[0] as (typeof indexes)[number];
    const lookup = await localIndexNameLookup(index.simpleDir);
    const { readdir } = await import('node:fs/promises');
    const first = (await readdir(index.simpleDir, { withFileTypes: true })).find((e) => e.isDirectory())?.name ?? 'x';
    expect((await lookup(first.toUpperCase())).exists).toBe(true);
    expect((await lookup('packwright-surely-not-a-project-name')).exists).toBe(false);
    const diags = await asyncDiagnostics(HEAD.replace('"demo"', JSON.stringify(first)), { nameLookup: lookup });
    expect(diags.map((d) => d.code)).toContain('PW-NAME-003');
  });
});
