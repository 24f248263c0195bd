import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { readProjectSummary } from '../../core/project/summary';
import { validatePyproject } from '../../core/pyproject/validate';
import { main } from '../main';
import { captureOutput } from '../../testing/capture-output';

const capture = captureOutput;

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('packwright check', () => {
  it('--json returns the same data as the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-cli-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "cli-demo"\nversion = "0.3"\n[build-system]\nrequires = ["setuptools>=77"]\nbuild-backend = "setuptools.build_meta"\n');
    const io = capture();
    expect(await main(['check', dir, '--json'])).toBe(0);
    const out = JSON.parse(io.out()) as Record<string, unknown>;
    const { diagnostics, ...summary } = out;
    expect(summary).toEqual(await readProjectSummary(dir));
    expect(diagnostics).toEqual(await validatePyproject(readFileSync(join(dir, 'pyproject.toml'), 'utf8'), { projectDir: dir }));
  });

  it('prints file:line:col for a TOML error and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-cli-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\nversion = 1.0.0\n');
    const io = capture();
    expect(await main(['check', join(dir, 'pyproject.toml')])).toBe(1);
    expect(io.out()).toMatch(new RegExp(`${join(dir, 'pyproject.toml')}:3:\\d+: error: .*\\[PW-TOML-001\\]`));
  });

  it('prints every diagnostic as file:line:col and exits 1 on errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-cli-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\nversion = "1.0"\nclassifiers = ["Programming Language :: Pythn"]\n');
    const io = capture();
    expect(await main(['check', dir])).toBe(1);
    expect(io.out()).toMatch(new RegExp(`pyproject.toml:4:\\d+: error: .*Pythn.* \\[PW-CLASSIFIER-001\\]`));
  });

  it('exits 3 with a one-line message for a missing path, 2 for bad usage', async () => {
    const io = capture();
    expect(await main(['check', '/no/such/pw-dir'])).toBe(3);
    expect(io.err()).toBe('packwright: No project folder or pyproject.toml at /no/such/pw-dir.\n');
    expect(await main(['check', '--bogus'])).toBe(2);
  });
});
