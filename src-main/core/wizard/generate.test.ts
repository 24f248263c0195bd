import { describe, expect, it } from 'vitest';
import { validatePyprojectSync } from '../pyproject';
import { BACKEND_IDS, backendRequirement, licenseFeatures, type BackendId } from './backends';
import { generatePyproject } from './generate';
import { defaultAnswers, type WizardAnswers } from './model';
import { readWizardValues } from './read';

const FULL: WizardAnswers = {
  ...defaultAnswers('spam-eggs', { author: { name: 'Ada Lovelace', email: 'ada@example.org' } }),
  description: 'Spam and "eggs", with a backslash \\ too.',
  license: 'mit or apache-2.0',
  maintainers: [{ email: 'team@example.org' }],
  keywords: ['spam', 'eggs'],
  classifiers: ['Programming Language :: Python :: 3', 'License :: OSI Approved :: MIT License', 'Typing :: Typed'],
  dependencies: ['requests>=2.31', 'rich'],
  optionalDependencies: { cli: ['click>=8'] },
  dependencyGroups: { test: ['pytest>=8'], dev: [{ includeGroup: 'test' }, 'ruff'] },
  scripts: { 'spam-eggs': 'spam_eggs.cli:main' },
  guiScripts: { 'spam-gui': 'spam_eggs.gui:run' },
  entryPoints: { 'spam.plugins': { basic: 'spam_eggs.plugins:basic' } },
  urls: { Homepage: 'https://example.org', 'Bug Tracker': 'https://example.org/issues' },
};

/** Diagnostics other than the name-normalization note (which depends only on the chosen name). */
const problems = (text: string) => validatePyprojectSync(text).filter((d) => d.code !== 'PW-NAME-002').map((d) => `${d.code}: ${d.message}`);

describe('generatePyproject', () => {
  it('writes the packaging guide layout: [build-system] first, keys in specification order', () => {
    const text = generatePyproject(FULL);
    expect(text).toBe(`[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[project]
name = "spam-eggs"
version = "0.1.0"
description = "Spam and \\"eggs\\", with a backslash \\\\ too."
readme = "README.md"
requires-python = ">=3.10"
license = "MIT OR Apache-2.0"
license-files = ["LICENSES/MIT.txt", "LICENSES/Apache-2.0.txt"]
authors = [
    { name = "Ada Lovelace", email = "ada@example.org" },
]
maintainers = [
    { email = "team@example.org" },
]
keywords = ["spam", "eggs"]
classifiers = [
    "Programming Language :: Python :: 3",
    "Typing :: Typed",
]
dependencies = [
    "requests>=2.31",
    "rich",
]

[project.optional-dependencies]
cli = [
    "click>=8",
]

[project.scripts]
spam-eggs = "spam_eggs.cli:main"

[project.gui-scripts]
spam-gui = "spam_eggs.gui:run"

[project.entry-points."spam.plugins"]
basic = "spam_eggs.plugins:basic"

[project.urls]
Homepage = "https://example.org"
"Bug Tracker" = "https://example.org/issues"

[dependency-groups]
test = [
    "pytest>=8",
]
dev = [
    { include-group = "test" },
    "ruff",
]
`);
  });

  it.each(BACKEND_IDS.map((b) => [b]))('%s: the generated file passes every validation layer, backend floors included', (backend: BackendId) => {
    for (const license of [null, 'MIT', 'MIT OR Apache-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0', 'LicenseRef-Proprietary']) {
      for (const layout of ['src', 'flat'] as const) {
        const text = generatePyproject({ ...FULL, backend, license, layout });
        expect(problems(text), `${backend} / ${license} / ${layout}`).toEqual([]);
      }
    }
  });

  it('pins each backend to the first release that supports what the file uses', () => {
    expect(['hatchling', 'setuptools', 'flit-core', 'pdm-backend', 'poetry-core'].map((b) => backendRequirement(b as BackendId, licenseFeatures('MIT')))).toEqual([
      'hatchling>=1.27',
      'setuptools>=77.0',
      'flit_core>=3.11',
      'pdm-backend>=2.4',
      'poetry-core>=2.2',
    ]);
    expect(backendRequirement('flit-core', licenseFeatures('MIT OR Apache-2.0'))).toBe('flit_core>=3.12');
    expect(backendRequirement('flit-core', licenseFeatures('GPL-2.0-only WITH Classpath-exception-2.0'))).toBe('flit_core>=4.1');
    expect(backendRequirement('maturin', [])).toBe('maturin>=1.9.3');
  });

  it('never writes the deprecated license forms (PEP 639)', () => {
    for (const backend of BACKEND_IDS) {
      const text = generatePyproject({ ...FULL, backend });
      expect(text).not.toMatch(/License ::/);
      expect(text).not.toMatch(/license\s*=\s*\{/);
    }
  });

  it('setuptools in a flat layout names its package (pypa/setuptools#3197); src needs nothing', () => {
    const flat = generatePyproject({ ...defaultAnswers('spam-eggs'), backend: 'setuptools', layout: 'flat' });
    expect(flat.endsWith('\n[tool.setuptools.packages.find]\n# Flat layout: build only the package, not the other top-level folders.\ninclude = ["spam_eggs*"]\n')).toBe(true);
    expect(generatePyproject({ ...defaultAnswers('spam-eggs'), backend: 'setuptools' })).not.toContain('[tool.setuptools');
    expect(generatePyproject({ ...defaultAnswers('spam-eggs'), layout: 'flat' })).not.toContain('[tool.');
  });

  it('flit-core: spells out the module when the name does not give it (flit keeps case and dots)', () => {
    expect(generatePyproject({ ...defaultAnswers('Spam_Eggs'), backend: 'flit-core' })).toContain('\n[tool.flit.module]\nname = "spam_eggs"\n');
    expect(generatePyproject({ ...defaultAnswers('spam-eggs'), backend: 'flit-core' })).not.toContain('[tool.flit');
  });

  it('always writes a [build-system], even for a minimal project', () => {
    const text = generatePyproject(defaultAnswers('x'));
    expect(text.startsWith('[build-system]\nrequires = ["hatchling>=1.27"]\n')).toBe(true);
    expect(problems(text)).toEqual([]);
  });

  it('reads back what it wrote', () => {
    const read = readWizardValues(generatePyproject(FULL));
    if (!read.ok) throw new Error(read.message);
    const { backend: _b, layout: _l, tests: _t, ...values } = FULL;
    expect(read.values).toEqual({
      ...values,
      license: 'MIT OR Apache-2.0',
      licenseFiles: ['LICENSES/MIT.txt', 'LICENSES/Apache-2.0.txt'],
      classifiers: ['Programming Language :: Python :: 3', 'Typing :: Typed'],
    });
    expect(read.buildSystem).toEqual({ buildBackend: 'hatchling.build', requires: ['hatchling>=1.27'], backend: 'hatchling' });
    expect(read.importName).toBe('spam_eggs');
  });
});
