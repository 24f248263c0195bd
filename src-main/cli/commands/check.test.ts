import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readProjectSummary } from '../../core/project/summary';
import { main } from '../main';

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  return { out: () => out, err: () => err };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('packwright check', () => {
  it('--json returns the same data as the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-cli-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "cli-demo"\nversion = "0.3"\n[build-system]\nbuild-backend = "setuptools.build_meta"\n');
    const io = capture();
    expect(await main(['check', dir, '--json'])).toBe(0);
    expect(JSON.parse(io.out())).toEqual(await readProjectSummary(dir));
  });

  it('prints file:line:col for a TOML error and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-cli-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = \n');
    const io = capture();
    expect(await main(['check', join(dir, 'pyproject.toml')])).toBe(1);
    expect(io.out()).toMatch(new RegExp(`${join(dir, 'pyproject.toml')}:2:\\d+: error: `));
  });

  it('exits 3 with a one-line message for a missing path, 2 for bad usage', async () => {
    const io = capture();
    expect(await main(['check', '/no/such/pw-dir'])).toBe(3);
    expect(io.err()).toBe('packwright: No project folder or pyproject.toml at /no/such/pw-dir.\n');
    expect(await main(['check', '--bogus'])).toBe(2);
  });
});
