import { describe, expect, it } from 'vitest';
import { parseRequirement } from '../../standards/pep508';
import { applyFix, codes, only } from '../testing/helpers';
import { isBackendReference, raiseFloor } from './check-backend';
import { BACKENDS, backendFor, floorFor } from './floors';

const file = (requires: string, backend: string, project: string): string =>
  `[build-system]\nrequires = [${JSON.stringify(requires)}]\nbuild-backend = "${backend}"\n\n[project]\nname = "d"\nversion = "1"\n${project}`;

describe('backend capability floors', () => {
  it('knows the PEP 639 floors from the changelogs', () => {
    expect(floorFor('setuptools', 'license-expression')?.min).toBe('77.0.0');
    expect(floorFor('hatchling', 'license-expression')?.min).toBe('1.27.0');
    expect(floorFor('flit-core', 'license-expression-compound')?.min).toBe('3.12');
    expect(floorFor('pdm-backend', 'license-expression')?.min).toBe('2.4.0');
    expect(floorFor('poetry-core', 'license-expression')?.min).toBe('2.2.0');
    for (const fam of ['maturin', 'scikit-build-core', 'meson-python', 'uv-build']) expect(floorFor(fam, 'license-expression')).toBeDefined();
    for (const b of BACKENDS) for (const f of b.floors) expect(f.source.length).toBeGreaterThan(30);
    expect(backendFor('flit_core.buildapi')?.family).toBe('flit-core');
  });

  it('rejects a requirement that allows releases without license expressions, and raises the floor', () => {
    const text = file('setuptools>=61', 'setuptools.build_meta', 'license = "MIT"\n');
    const d = only(text, 'PW-BACKEND-001');
    expect(d.severity).toBe('error');
    expect(d.message).toContain('setuptools >= 77.0.0');
    expect(d.message).toContain('NEWS.rst v77.0.0');
    expect(applyFix(text, d.fixes[0])).toContain('requires = ["setuptools>=77.0.0"]');
  });

  it('keeps upper bounds and the writing style when raising a floor', () => {
    expect(raiseFloor('flit_core >=3.2,<4', parseRequirement('flit_core >=3.2,<4'), '3.12')).toBe('flit_core >=3.12,<4');
    expect(raiseFloor('flit_core ~=3.2', parseRequirement('flit_core ~=3.2'), '3.12')).toBe('flit_core >=3.12,<4');
    expect(raiseFloor('poetry-core>=1.0,<3', parseRequirement('poetry-core>=1.0,<3'), '2.2.0')).toBe('poetry-core>=2.2.0,<3');
  });

  it('uses the highest floor the file needs (flit WITH needs 4.1)', () => {
    const text = file('flit_core>=3.12,<5', 'flit_core.buildapi', 'license = "GPL-2.0-or-later WITH Classpath-exception-2.0"\n');
    expect(only(text, 'PW-BACKEND-001').message).toContain('flit-core >= 4.1');
  });

  it('accepts a requirement at or above the floor', () => {
    expect(codes(file('hatchling>=1.27', 'hatchling.build', 'license = "MIT"\nlicense-files = ["LICENSE"]\n'))).toEqual([]);
    expect(codes(file('poetry-core>=2.2,<3', 'poetry.core.masonry.api', 'license = "MIT"\n'))).toEqual([]);
  });

  it('warns when the backend is unpinned for a PEP 639 feature only', () => {
    expect(only(file('hatchling', 'hatchling.build', 'license = "MIT"\n'), 'PW-BACKEND-002').severity).toBe('warning');
    expect(codes(file('setuptools', 'setuptools.build_meta', ''))).toEqual([]);
  });

  it('reports a backend missing from requires, and a missing [build-system]', () => {
    expect(codes(file('wheel', 'hatchling.build', ''))).toContain('PW-BUILD-002');
    const text = '[project]\nname = "d"\nversion = "1"\n[project.scripts]\nd = "d:main"\n';
    const d = only(text, 'PW-BUILD-001');
    expect(d.message).toContain('[project.scripts]');
    expect(applyFix(text, d.fixes[0])).toMatch(/^\[build-system\]\nrequires = \["hatchling>=1.27"\]\nbuild-backend = "hatchling.build"\n\n\[project\]/);
  });

  it('skips in-tree backends', () => {
    const text = '[build-system]\nrequires = []\nbuild-backend = "pdm.backend.intree"\nbackend-path = ["src"]\n[project]\nname = "d"\nversion = "1"\nlicense = "MIT"\n';
    expect(codes(text)).toEqual([]);
  });

  it('checks the build-backend reference (PEP 517)', () => {
    expect(isBackendReference('setuptools.build_meta:__legacy__')).toBe(true);
    expect(isBackendReference('hatchling-build')).toBe(false);
    expect(codes(file('hatchling>=1.27', 'hatchling build', ''))).toContain('PW-BUILD-004');
  });
});
