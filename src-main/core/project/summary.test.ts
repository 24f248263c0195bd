import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendFamily } from './backends';
import { readProjectSummary, summarizePyproject } from './summary';

describe('project summary', () => {
  it('reads name, version, requires-python and backend', () => {
    const s = summarizePyproject('/p', '[project]\nname = "My.Pkg"\nversion = "0.1"\nrequires-python = ">=3.10"\n[build-system]\nrequires = ["flit_core>=3.12"]\nbuild-backend = "flit_core.buildapi"\n', null);
    expect(s).toMatchObject({
      status: 'ok',
      name: 'My.Pkg',
      normalizedName: 'my-pkg',
      version: '0.1',
      requiresPython: '>=3.10',
      backend: { buildBackend: 'flit_core.buildapi', family: 'flit-core', requires: ['flit_core>=3.12'] },
    });
  });

  it('reports TOML errors with line and column', () => {
    const s = summarizePyproject('/p', '[project]\nname = "x"\nversion = 1.0.0\n', null);
    expect(s.status).toBe('invalid-toml');
    expect(s.tomlError?.line).toBe(3);
    expect(s.tomlError?.column).toBeGreaterThan(1);
  });

  it('reports a duplicate key at its line', () => {
    const s = summarizePyproject('/p', '[project]\nname = "a"\n\nname = "b"\n', null);
    expect(s.tomlError?.line).toBe(4);
  });

  it('knows dynamic versions and the legacy default backend', () => {
    const s = summarizePyproject('/p', '[project]\nname = "a"\ndynamic = ["version"]\n', null);
    expect(s.dynamic).toEqual(['version']);
    expect(s.backend).toEqual({ buildBackend: null, family: 'setuptools', requires: [] });
    expect(backendFamily('hatchling.build')).toBe('hatchling');
    expect(backendFamily('mesonpy')).toBe('meson-python');
    expect(backendFamily('my_backend')).toBeNull();
  });

  it('reads from disk; a folder without pyproject.toml is "missing"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-sum-'));
    expect((await readProjectSummary(dir)).status).toBe('missing');
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "d"\n');
    const s = await readProjectSummary(dir);
    expect(s.name).toBe('d');
    expect(s.modifiedAt).not.toBeNull();
  });
});
