import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validatePyproject } from '../pyproject';
import { writePlannedFiles } from './create';
import { planProjectFiles } from './files';
import { generatePyproject } from './generate';
import { defaultAnswers, type WizardAnswers } from './model';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'pw-wizard-'));
  dirs.push(d);
  return d;
}

const ANSWERS: WizardAnswers = {
  ...defaultAnswers('Spam-Eggs', { author: { name: 'Ada Lovelace' } }),
  description: 'Spam and eggs.',
  license: 'MIT',
  scripts: { spam: 'spam_eggs.cli:main', eggs: 'spam_eggs:hello' },
};

const paths = async (a: WizardAnswers, layout: 'src' | 'flat' = 'src', tests = false) => (await planProjectFiles(generatePyproject(a), { layout, tests, year: '2026' })).files.map((f) => f.path);

describe('planProjectFiles', () => {
  it('src layout: package, script modules, README, LICENSE', async () => {
    expect(await paths(ANSWERS)).toEqual(['pyproject.toml', 'src/spam_eggs/__init__.py', 'src/spam_eggs/cli.py', 'README.md', 'LICENSE']);
  });

  it('flat layout and tests', async () => {
    expect(await paths(ANSWERS, 'flat', true)).toEqual(['pyproject.toml', 'spam_eggs/__init__.py', 'spam_eggs/cli.py', 'README.md', 'LICENSE', 'tests/__init__.py', 'tests/test_spam_eggs.py']);
  });

  it('writes the functions the scripts name, and fills the copyright line', async () => {
    const plan = await planProjectFiles(generatePyproject(ANSWERS), { layout: 'src', tests: false, year: '2026' });
    const file = (p: string) => plan.files.find((f) => f.path === p)?.content ?? '';
    expect(file('src/spam_eggs/cli.py')).toBe('def main() -> None:\n    print("Hello from Spam-Eggs!")\n');
    expect(file('src/spam_eggs/__init__.py')).toContain('def hello() -> None:');
    expect(file('LICENSE').split('\n').slice(0, 3)).toEqual(['MIT License', '', 'Copyright (c) 2026 Ada Lovelace']);
    expect(file('README.md')).toContain('# Spam-Eggs\n\nSpam and eggs.\n');
  });

  it('several licenses: one text each under LICENSES/, as license-files says', async () => {
    const plan = await planProjectFiles(generatePyproject({ ...ANSWERS, license: 'MIT OR Apache-2.0' }), { layout: 'src', tests: false });
    expect(plan.files.filter((f) => f.role === 'license').map((f) => f.path)).toEqual(['LICENSES/MIT.txt', 'LICENSES/Apache-2.0.txt']);
  });

  it('a LicenseRef- has no standard text: a warning, no invented file', async () => {
    const plan = await planProjectFiles(generatePyproject({ ...ANSWERS, license: 'LicenseRef-Proprietary' }), { layout: 'src', tests: false });
    expect(plan.files.filter((f) => f.role === 'license')).toEqual([]);
    expect(plan.warnings.join('\n')).toMatch(/LicenseRef-Proprietary is your own license/);
  });

  it('an unimportable name still gets a folder, with a warning', async () => {
    const plan = await planProjectFiles(generatePyproject(defaultAnswers('3d-tools')), { layout: 'flat', tests: false });
    expect(plan.importName).toBe('pkg_3d_tools');
    expect(plan.warnings[0]).toMatch(/no valid Python import name/);
  });

  it('native backends get the build files they need', async () => {
    expect(await paths({ ...ANSWERS, backend: 'maturin' })).toEqual(expect.arrayContaining(['python/spam_eggs/__init__.py', 'Cargo.toml', 'src/lib.rs']));
    expect(await paths({ ...ANSWERS, backend: 'scikit-build-core' })).toContain('CMakeLists.txt');
    const meson = await planProjectFiles(generatePyproject({ ...ANSWERS, backend: 'meson-python' }), { layout: 'src', tests: false });
    expect(meson.files.find((f) => f.path === 'meson.build')?.content).toContain("'src/spam_eggs/cli.py',\n  subdir: 'spam_eggs',");
  });
});

describe('writePlannedFiles', () => {
  it('creates the project; the validator, with the folder, finds nothing missing', async () => {
    const dir = await tempDir();
    const text = generatePyproject({ ...ANSWERS, license: 'MIT OR Apache-2.0' });
    const plan = await planProjectFiles(text, { layout: 'src', tests: true });
    const out = await writePlannedFiles(dir, plan.files);
    expect(out.kind).toBe('created');
    expect(await readFile(join(dir, 'pyproject.toml'), 'utf8')).toBe(text);
    const diags = await validatePyproject(text, { projectDir: dir });
    expect(diags.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual([]);
  });

  it('refuses to overwrite a different file, writes nothing, and overwrites when told', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'README.md'), 'mine\n');
    const plan = await planProjectFiles(generatePyproject(ANSWERS), { layout: 'src', tests: false });
    expect(await writePlannedFiles(dir, plan.files)).toEqual({ kind: 'exists', files: ['README.md'] });
    await expect(readFile(join(dir, 'pyproject.toml'), 'utf8')).rejects.toThrow(/ENOENT/);
    const forced = await writePlannedFiles(dir, plan.files, { overwrite: true });
    expect(forced.kind === 'created' && forced.written).toContain('README.md');
  });

  it('leaves identical files alone', async () => {
    const dir = await tempDir();
    const plan = await planProjectFiles(generatePyproject(ANSWERS), { layout: 'src', tests: false });
    await writePlannedFiles(dir, plan.files);
    const again = await writePlannedFiles(dir, plan.files);
    expect(again.kind === 'created' && again.written).toEqual([]);
    expect(again.kind === 'created' && again.pyprojectHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses paths outside the folder', async () => {
    const dir = await tempDir();
    await expect(writePlannedFiles(dir, [{ path: '../evil.txt', content: 'x', role: 'readme' }])).rejects.toThrow(/outside the project folder/);
  });
});
