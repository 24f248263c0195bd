import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIndexTree, type IndexTree } from '../../core/resolver/providers/testing/build-tree';
import { main } from '../main';
import { captureOutput } from '../../testing/capture-output';

const capture = captureOutput;

let dir: string;
let tree: IndexTree;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pw-resolve-'));
  tree = await buildIndexTree(join(dir, 'index'), [
    { name: 'app', version: '1.0', requiresDist: ['lib>=2'] },
    { name: 'lib', version: '1.0' },
    { name: 'lib', version: '2.0' },
    { name: 'new', version: '1.0', requiresPython: '>=3.13' },
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const base = () => ['--index-url', tree.simpleUrl, '--no-cache'];

describe('packwright resolve', () => {
  it('prints pins with their parents and exits 0', async () => {
    const io = capture();
    expect(await main(['resolve', 'app', ...base()])).toBe(0);
    expect(io.out()).toBe('app==1.0\n    # via requirement app\nlib==2.0\n    # via app\n');
  });

  it('explains a conflict with hints and verified fixes, and exits 1', async () => {
    const io = capture();
    expect(await main(['resolve', 'app', 'lib<2', ...base()])).toBe(1);
    expect(io.out()).toContain('Because you require app and all versions of app depend on lib>=2');
    expect(io.out()).toContain('your requirements are unsatisfiable.');
    expect(io.out()).toContain('- Change `lib<2` to `lib<=2.0`');
  });

  it('--json carries pins, explanation lines with node ids, hints and suggestions', async () => {
    const ok = capture();
    expect(await main(['resolve', 'app', '--json', ...base()])).toBe(0);
    expect((JSON.parse(ok.out()) as { pins: { name: string }[] }).pins.map((p) => p.name)).toEqual(['app', 'lib']);
    vi.restoreAllMocks();
    const io = capture();
    expect(await main(['resolve', 'new', '--python', '3.11', '--json', ...base()])).toBe(1);
    const j = JSON.parse(io.out()) as { ok: boolean; explanation: { lines: { nodeIds: string[] }[]; hints: { kind: string }[] }; suggestions: { kind: string; python?: string }[] };
    expect(j.ok).toBe(false);
    expect(j.explanation.lines[0]?.nodeIds).toContain('pkg:new');
    expect(j.explanation.hints.map((h) => h.kind)).toEqual(['requires-python']);
    expect(j.suggestions[0]).toMatchObject({ kind: 'change-python', python: '3.13' });
    expect((j as unknown as { tree: { nodes: { cause: { kind: string } }[] } }).tree.nodes.map((n) => n.cause.kind)).toContain('unavailable');
  });

  it('--graph dot and json print the conflict graph', async () => {
    const io = capture();
    expect(await main(['resolve', 'app', 'lib<2', '--graph', 'dot', '--no-suggest', ...base()])).toBe(1);
    expect(io.out()).toMatch(/^digraph resolve \{/);
    expect(io.out()).toContain('"req:1" -> "pkg:lib"');
    vi.restoreAllMocks();
    const js = capture();
    expect(await main(['resolve', 'app', '--graph', 'json', ...base()])).toBe(0);
    expect((JSON.parse(js.out()) as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toEqual(['root', 'pkg:app', 'pkg:lib']);
  });

  it('reads -r files and --project, and reports usage errors', async () => {
    writeFileSync(join(dir, 'req.txt'), `--index-url ${tree.simpleUrl}\napp  # the app\n`);
    const io = capture();
    expect(await main(['resolve', '-r', join(dir, 'req.txt'), '--no-cache'])).toBe(0);
    expect(io.out()).toContain('lib==2.0');
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\nversion = "1"\ndependencies = ["lib<2"]\n');
    expect(await main(['resolve', '--project', dir, ...base()])).toBe(0);
    expect(io.out()).toContain('lib==1.0');
    expect(await main(['resolve', '-r', join(dir, 'missing.txt'), ...base()])).toBe(3);
    expect(await main(['resolve', 'a >= = 1', ...base()])).toBe(2);
    expect(await main(['resolve', 'app', '--graph', 'svg', ...base()])).toBe(2);
    expect(await main(['resolve', ...base()])).toBe(2);
  });

  it('--matrix reports failing targets', async () => {
    const io = capture();
    expect(await main(['resolve', 'new', '--matrix', ...base()])).toBe(1);
    expect(io.out()).toMatch(/FAIL CPython 3\.12, manylinux_2_28 x86_64 +.*requires Python>=3\.13/);
    expect(io.out()).toMatch(/ok {3}CPython 3\.13, Windows amd64 +new==1\.0/);
  });
});
