import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPythonBatch } from '../../../testing/python-oracle';
import { probeTool, skipUnless } from '../../../testing/require-tool';
import { checkWheelFilename, parseSdistFilename } from '../filenames';
import { validateCoreMetadata } from '../metadata';
import { readSdist, readSdistMetadata } from './sdist';
import { readWheel } from './wheel';

// Debian's python3-build 0.9.0 + setuptools 66: a real sdist and wheel, including the
// non-PEP 625 `Demo.Pkg-0.1.0.tar.gz` name it produces (index-apis.md §9).
const build = probeTool('python3-build (Debian)', '/usr/bin/python3', ['-m', 'build', '--version']);
const dir = mkdtempSync(join(tmpdir(), 'pw-built-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('distributions built by python3-build', () => {
  it.skipIf(skipUnless(build))('read like tarfile reads them; names flagged as PyPI would', { timeout: 120_000 }, async () => {
    const proj = join(dir, 'proj');
    mkdirSync(join(proj, 'demo_pkg'), { recursive: true });
    writeFileSync(join(proj, 'demo_pkg', '__init__.py'), 'x = 1\n');
    writeFileSync(
      join(proj, 'pyproject.toml'),
      '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "Demo.Pkg"\nversion = "0.1.0"\n' +
        'description = "A demo"\ndependencies = ["requests>=2", "tomli; python_version < \'3.11\'"]\n\n[tool.setuptools]\npackages = ["demo_pkg"]\n',
    );
    execFileSync('/usr/bin/python3', ['-m', 'build', '--no-isolation', '--outdir', join(dir, 'out'), proj], { stdio: 'ignore', timeout: 110_000 });
    const sdistPath = join(dir, 'out', 'Demo.Pkg-0.1.0.tar.gz');
    const wheelPath = join(dir, 'out', 'Demo.Pkg-0.1.0-py3-none-any.whl');

    const sdist = await readSdist(sdistPath);
    expect(sdist).toMatchObject({ format: 'tar.gz', topLevel: ['Demo.Pkg-0.1.0'], problems: [] });
    // setuptools 66 leaves Requires-Dist out of the sdist's PKG-INFO (it is in the wheel's METADATA).
    expect(sdist.pkgInfo?.fields).toMatchObject({ name: 'Demo.Pkg', version: '0.1.0', summary: 'A demo' });
    expect(validateCoreMetadata(sdist.pkgInfo!)).toEqual([]);
    expect((await readSdistMetadata(sdistPath)).pkgInfoBytes).toEqual(sdist.pkgInfoBytes);
    const [theirs] = await runPythonBatch<string, { members: string[]; pkgInfo: string }>(fileURLToPath(new URL('./built-dists.oracle.py', import.meta.url)), [sdistPath]);
    expect(sdist.members.map((m) => m.name)).toEqual(theirs?.members);
    expect(sdist.pkgInfoBytes?.toString('base64')).toBe(theirs?.pkgInfo);
    expect(parseSdistFilename('Demo.Pkg-0.1.0.tar.gz').problems.map((p) => p.code)).toEqual(['NOT_PEP625']);

    const wheel = await readWheel(wheelPath);
    expect(wheel.problems).toEqual([]);
    expect(wheel.distInfo).toBe('Demo.Pkg-0.1.0.dist-info');
    // wheel 0.38 writes the legacy parenthesised form.
    expect(wheel.metadata.fields.requiresDist).toEqual(['requests (>=2)', 'tomli ; python_version < "3.11"']);
    expect(validateCoreMetadata(wheel.metadata)).toEqual([]);
    expect(checkWheelFilename(wheel.filename!).map((p) => p.code)).toEqual(['NAME_NOT_NORMALIZED']);
  });
});
