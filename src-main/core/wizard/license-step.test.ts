import { describe, expect, it } from 'vitest';
import { validatePyprojectSync } from '../pyproject';
import { applyPatch } from './changes';
import { generatePyproject } from './generate';
import { checkLicense, licenseMigration, licensePatch, migrationPatch } from './license-step';
import { defaultAnswers, EMPTY_VALUES } from './model';
import { readWizardValues } from './read';

function read(text: string) {
  const r = readWizardValues(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('checkLicense', () => {
  it('shows the canonical form and the parts with their names and families', () => {
    const r = checkLicense('mit or apache-2.0', 'flit-core');
    expect(r).toMatchObject({ ok: true, canonical: 'MIT OR Apache-2.0', changed: true });
    if (!r.ok) return;
    expect(r.parts.map((p) => [p.id, p.kind, p.family])).toEqual([['MIT', 'license', 'permissive'], ['Apache-2.0', 'license', 'permissive']]);
    expect(r.backendNote).toMatch(/Flit supports this from version 3\.12/);
  });

  it('explains errors with their position, near matches and packaging\'s own message', () => {
    const r = checkLicense('MIT OR Apache 2.0');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.packagingMessage).toBe("Invalid license expression: 'MIT OR Apache 2.0'");
    expect(r.offset).toBeGreaterThan(0);
    const unknown = checkLicense('MITT');
    expect(unknown.ok === false && unknown.suggestions).toContain('MIT');
  });
});

describe('licensePatch', () => {
  it('a new project: license-files follow the license', () => {
    expect(licensePatch(EMPTY_VALUES, 'mit', { newProject: true })).toEqual({ license: 'MIT', licenseFiles: ['LICENSE'] });
    const values = { ...EMPTY_VALUES, license: 'MIT', licenseFiles: ['LICENSE'] };
    expect(licensePatch(values, 'MIT OR Apache-2.0', { newProject: false })).toEqual({ license: 'MIT OR Apache-2.0', licenseFiles: ['LICENSES/MIT.txt', 'LICENSES/Apache-2.0.txt'] });
  });

  it('an existing project keeps its own license-files', () => {
    expect(licensePatch({ ...EMPTY_VALUES, licenseFiles: ['COPYING'] }, 'GPL-3.0-or-later', { newProject: false })).toEqual({ license: 'GPL-3.0-or-later' });
    expect(licensePatch(EMPTY_VALUES, 'MIT', { newProject: false })).toEqual({ license: 'MIT' });
  });

  it('WITH on flit-core raises the requirement to 4.1 (pypa/flit#809)', () => {
    const text = generatePyproject({ ...defaultAnswers('x'), backend: 'flit-core', license: 'MIT' });
    const next = applyPatch(text, licensePatch(read(text).values, 'GPL-2.0-or-later WITH Classpath-exception-2.0', { newProject: true })).text;
    expect(next).toContain('requires = ["flit_core>=4.1"]');
    expect(validatePyprojectSync(next).filter((d) => d.layer === 'backend')).toEqual([]);
  });
});

describe('migration (PEP 639: never without the user\'s confirmation)', () => {
  const LEGACY = `[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "old"
version = "1.0"
license = { text = "MIT" }
classifiers = [
    "Development Status :: 5 - Production/Stable",
    "License :: OSI Approved :: MIT License",
]
`;

  it('proposes, and only the confirmed choice is written: string license, no License classifiers, raised floor', async () => {
    const r = read(LEGACY);
    const proposal = await licenseMigration(r.values, r.legacyLicense, null);
    expect(proposal).toMatchObject({ status: 'proposed', expression: 'MIT', requiresConfirmation: true });
    const next = applyPatch(LEGACY, migrationPatch(r.values, proposal, 'MIT')).text;
    expect(next).toBe(`[build-system]
requires = ["setuptools>=77.0.0"]
build-backend = "setuptools.build_meta"

[project]
name = "old"
version = "1.0"
license = "MIT"
classifiers = [
    "Development Status :: 5 - Production/Stable",
]
`);
  });

  it('an ambiguous classifier needs a choice', async () => {
    const text = LEGACY.replace('license = { text = "MIT" }\n', '').replace('MIT License', 'BSD License').replace(':: OSI Approved :: BSD', ':: OSI Approved :: BSD');
    const r = read(text);
    const proposal = await licenseMigration(r.values, r.legacyLicense, null);
    expect(proposal.status).toBe('needs-choice');
    expect(proposal.expression).toBeNull();
    expect(() => migrationPatch(r.values, proposal, 'not a license')).toThrow();
  });
});
