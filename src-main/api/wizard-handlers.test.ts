/**
 * `wizard.*` through the real router (in-process oRPC client, output schemas checked): a new
 * project from start to create, step edits of an existing file, the license step and migration,
 * and the index look-ups against a PEP 503 file tree (PACKWRIGHT_INDEX_URL).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndexTree } from '../core/resolver/providers/testing/build-tree';
import { createServices, type Services } from '../core/services';
import { router } from './router';

let services: Services;
let client: ReturnType<typeof createRouterClient<typeof router, Record<never, never>>>;
const dirs: string[] = [];
const savedIndexUrl = process.env.PACKWRIGHT_INDEX_URL;

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

beforeAll(async () => {
  const tree = await buildIndexTree(tempDir('pw-wizard-api-index-'), [
    { name: 'requests', version: '2.32.3' },
    { name: 'spam', version: '1.0' },
  ]);
  process.env.PACKWRIGHT_INDEX_URL = tree.simpleUrl;
  services = createServices({ dataDir: tempDir('pw-wizard-api-data-') });
  client = createRouterClient(router, { context: { services, shell: { kind: 'browser' } } });
});

afterAll(async () => {
  if (savedIndexUrl === undefined) delete process.env.PACKWRIGHT_INDEX_URL;
  else process.env.PACKWRIGHT_INDEX_URL = savedIndexUrl;
  services.dispose();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('new project', () => {
  it('start → steps → preview → create, and refuses to overwrite', async () => {
    const folder = join(tempDir('pw-wizard-api-'), 'my-tool');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const start = await client.wizard.start({ folder });
    expect(start.values.name).toBe('my-tool');
    let text = start.text;
    text = (await client.wizard.apply({ text, patch: { description: 'A tool.', dependencies: ['requests>=2.32'], scripts: { 'my-tool': 'my_tool.cli:main' }, layout: 'src' } })).text;
    text = (await client.wizard.license.set({ text, expression: 'mit or apache-2.0', newProject: true })).text;
    expect(text).toContain('license = "MIT OR Apache-2.0"\nlicense-files = ["LICENSES/MIT.txt", "LICENSES/Apache-2.0.txt"]');
    const preview = await client.wizard.preview({ folder, text, layout: 'src', tests: false });
    expect(preview.files.map((f) => [f.path, f.status])).toEqual([
      ['pyproject.toml', 'new'],
      ['src/my_tool/__init__.py', 'new'],
      ['src/my_tool/cli.py', 'new'],
      ['README.md', 'new'],
      ['LICENSES/MIT.txt', 'new'],
      ['LICENSES/Apache-2.0.txt', 'new'],
    ]);
    expect(preview.files[0]?.preview).toBe(text);
    const created = await client.wizard.create({ folder, text, layout: 'src', tests: false });
    expect(created.kind).toBe('created');
    expect(readFileSync(join(folder, 'pyproject.toml'), 'utf8')).toBe(text);
    writeFileSync(join(folder, 'README.md'), 'my own\n');
    expect(await client.wizard.create({ folder, text, layout: 'src', tests: false })).toEqual({ kind: 'exists', files: ['README.md'] });
  });
});

describe('existing project', () => {
  const EXISTING = '# mine\n[project]\nname = "spam"  # taken?\nversion = "1.0"\nlicense = {text = "MIT"}\nclassifiers = ["License :: OSI Approved :: MIT License"]\n';

  it('reads the current values and the legacy license', async () => {
    const r = await client.wizard.read({ text: EXISTING });
    expect(r.ok && r.values.name).toBe('spam');
    expect(r.ok && r.legacyLicense).toEqual({ table: { text: 'MIT' }, classifiers: ['License :: OSI Approved :: MIT License'] });
    expect(await client.wizard.read({ text: '[project' })).toMatchObject({ ok: false, line: 1 });
  });

  it('a step edits in place and returns the minimal edits', async () => {
    const r = await client.wizard.apply({ text: EXISTING, patch: { version: '1.1' } });
    expect(r.text).toBe(EXISTING.replace('"1.0"', '"1.1"'));
    expect(r.edits).toHaveLength(1);
    expect(r.edits[0]).toMatchObject({ newText: '1', range: { start: { line: 4 } } });
  });

  it('migration: a proposal first, then only the confirmed expression is written', async () => {
    const proposal = await client.wizard.license.migration({ text: EXISTING, folder: null });
    expect(proposal).toMatchObject({ status: 'proposed', expression: 'MIT', requiresConfirmation: true });
    const r = await client.wizard.license.migrate({ text: EXISTING, folder: null, expression: 'MIT', confirmed: true });
    expect(r.text).toBe('# mine\n[project]\nname = "spam"  # taken?\nversion = "1.0"\nlicense = "MIT"\n');
    await expect(client.wizard.license.migrate({ text: EXISTING, folder: null, expression: 'MIT', confirmed: false as true })).rejects.toThrow();
  });

  it('a file that is not TOML gets INVALID_TOML', async () => {
    await expect(client.wizard.apply({ text: '[project\n', patch: { name: 'x' } })).rejects.toMatchObject({ code: 'INVALID_TOML' });
  });
});

describe('look-ups', () => {
  it('names on the configured index', async () => {
    expect((await client.wizard.checkName({ name: 'Spam' })).availability).toMatchObject({ exists: true });
    expect((await client.wizard.checkName({ name: 'sp.am' })).availability).toMatchObject({ exists: false, similar: ['spam'] });
  });

  it('versions with suggestions', async () => {
    expect((await client.wizard.versions({ project: 'requests' })).suggestions[0]?.requirement).toBe('requests>=2.32');
  });

  it('license check, completion, suggestions, classifiers', async () => {
    expect(await client.wizard.license.check({ expression: 'Apache-2.0 WITH LLVM-exception', backend: 'flit-core' })).toMatchObject({ ok: true, backendNote: expect.stringMatching(/4\.1/) });
    expect((await client.wizard.license.complete({ text: 'MIT O', cursor: 5 })).items.map((i) => i.label)).toContain('OR');
    expect((await client.wizard.license.suggest({ family: 'permissive', patentGrant: true })).map((s) => s.expression)).toContain('Apache-2.0');
    expect((await client.wizard.classifiers()).roots.length).toBeGreaterThan(5);
    expect((await client.wizard.catalogue()).backends.map((b) => b.id)).toHaveLength(8);
  });
});
