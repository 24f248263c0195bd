/**
 * Resolver speed against pip in the same run (issue 6): warm resolution time for resolvelib's
 * real PyPI snapshots (shared/corpus/resolvelib: cheroot, chalice, with-without-extras).
 *
 * Each snapshot becomes a local PEP 503 index of metadata-only wheels with PEP 658 files
 * (providers/testing/build-tree.ts; built once into the temp folder and reused). Timed, per
 * case, median of several runs:
 * - ours, solver only: the snapshot served from memory, caches warm (pure PubGrub cost);
 * - ours, local index: a fresh index provider reading the file tree (what pip does too);
 * - pip: `python3 -m pip install --dry-run --ignore-installed --report` on the same index,
 *   same requirements, isolated from the machine's pip configuration.
 * Both resolve for the interpreter pip runs on (CPython 3.11 on Linux); the pins are compared
 * first, so equal work is timed. Prints milliseconds and the ratio pip / ours (goal ≥ 20x).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryProvider } from '../core/resolver/memory-provider';
import { IndexProvider } from '../core/resolver/providers/index-provider';
import { buildIndexTree } from '../core/resolver/providers/testing/build-tree';
import { resolve } from '../core/resolver/solver/solve';
import { resolverTarget, targetFromStrings } from '../core/resolver/target';
import { loadResolvelibCases, loadResolvelibIndex } from '../core/resolver/testing/resolvelib-cases';
import type { MemoryIndex } from '../core/resolver/memory-provider';
import type { ResolveResult } from '../core/resolver/types';
import { normalizeName } from '../core/standards/names';
import { tryParseVersion } from '../core/standards/pep440';
import { sharedPath } from '../testing/shared-dir';
import { median } from './timing';

const CASES = (process.env.PACKWRIGHT_BENCH_CASES ?? 'chalice,with-without-extras,cheroot').split(',');
const PYTHON = process.env.PACKWRIGHT_PYTHON ?? 'python3';
const inputs = sharedPath('corpus', 'resolvelib', 'inputs');

/** The extras a version's markers name: the snapshots dropped Provides-Extra, pip needs it. */
function extrasNamed(requiresDist: readonly string[]): string[] {
  const out = new Set<string>();
  for (const r of requiresDist) for (const m of r.matchAll(/extra\s*==\s*["']([^"']+)["']/g)) out.add(m[1] as string);
  return [...out].sort();
}

async function treeFor(snapshot: string, index: MemoryIndex): Promise<string> {
  const root = join(tmpdir(), 'packwright-bench-resolver-v2', snapshot);
  const done = join(root, 'complete');
  if (!existsSync(done)) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const dists = Object.entries(index).flatMap(([name, versions]) =>
      Object.entries(versions)
        .filter(([v]) => tryParseVersion(v) !== null)
        .map(([version, data]) => ({ name, version, requiresDist: data.requiresDist ?? [], providesExtra: extrasNamed(data.requiresDist ?? []) })),
    );
    const t0 = performance.now();
    await buildIndexTree(root, dists);
    writeFileSync(done, '');
    console.log(`  built ${snapshot}: ${dists.length} metadata-only wheels in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return `file://${join(root, 'simple')}/`;
}

function pinsOf(r: ResolveResult): string[] {
  return r.ok ? r.pins.map((p) => `${p.name}==${p.version}`).sort() : ['(unsatisfiable)'];
}

function pip(indexUrl: string, requirements: readonly string[]): { ms: number; pins: string[] } | { error: string } {
  const report = join(tmpdir(), `packwright-pip-report-${process.pid}.json`);
  const args = ['-m', 'pip', 'install', '--dry-run', '--ignore-installed', '--isolated', '--disable-pip-version-check', '--no-input', '--quiet', '--report', report, '--index-url', indexUrl, ...requirements];
  const t0 = performance.now();
  const r = spawnSync(PYTHON, args, { encoding: 'utf8', env: { ...process.env, PIP_CONFIG_FILE: '/dev/null' }, timeout: 600_000 });
  const ms = performance.now() - t0;
  if (r.status !== 0) return { error: (r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-3).join(' | ') };
  const data = JSON.parse(readFileSync(report, 'utf8')) as { install: { metadata: { name: string; version: string } }[] };
  rmSync(report, { force: true });
  return { ms, pins: data.install.map((i) => `${normalizeName(i.metadata.name)}==${tryParseVersion(i.metadata.version)?.toString() ?? i.metadata.version}`).sort() };
}

async function main(): Promise<void> {
  const probe = spawnSync(PYTHON, ['-c', 'import sys, pip; print("%d.%d.%d" % sys.version_info[:3], pip.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(`resolver: pip comparison skipped — ${PYTHON} -m pip is not available`);
  }
  const [pyVersion, pipVersion] = probe.status === 0 ? probe.stdout.trim().split(' ') : ['3.11.7', ''];
  const target = resolverTarget(targetFromStrings(pyVersion ?? '3.11', 'manylinux_2_28_x86_64'));
  console.log(`resolver: warm single-environment resolution for ${target.label}${pipVersion ? `; pip ${pipVersion}` : ''} (median ms; ratio = pip / ours)`);
  console.log(`${'case'.padEnd(22)}${'pins'.padStart(5)}${'ours mem'.padStart(10)}${'ours idx'.padStart(10)}${'pip'.padStart(10)}${'pip/mem'.padStart(9)}${'pip/idx'.padStart(9)}  pins equal`);
  for (const name of CASES) {
    const c = loadResolvelibCases(inputs).find((x) => x.name === name);
    if (!c) continue;
    const index = loadResolvelibIndex(inputs, c.index);
    const request = { requirements: c.requested, target };
    const memProvider = new MemoryProvider(index);
    const first = await resolve(memProvider, request);
    const mem: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await resolve(memProvider, request);
      mem.push(performance.now() - t0);
    }
    const url = await treeFor(c.index, index);
    const idx: number[] = [];
    let viaIndex: ResolveResult | null = null;
    for (let i = 0; i < 4; i++) {
      const provider = new IndexProvider({ indexes: [url], tags: target.tags, cacheDir: null });
      const t0 = performance.now();
      viaIndex = await resolve(provider, request);
      if (i > 0) idx.push(performance.now() - t0);
    }
    const ours = pinsOf(viaIndex as ResolveResult);
    if (JSON.stringify(ours) !== JSON.stringify(pinsOf(first))) throw new Error(`${name}: memory and index providers disagree`);
    let pipMs = NaN;
    let equal = 'n/a';
    if (probe.status === 0) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const p = pip(url, c.requested);
        if ('error' in p) {
          equal = `pip failed: ${p.error}`;
          break;
        }
        runs.push(p.ms);
        equal = JSON.stringify(p.pins) === JSON.stringify(ours) ? 'yes' : `NO: pip ${p.pins.filter((x) => !ours.includes(x)).join(' ')} / ours ${ours.filter((x) => !p.pins.includes(x)).join(' ')}`;
      }
      if (runs.length > 0) pipMs = median(runs);
    }
    const m = median(mem);
    const x = median(idx);
    console.log(`${name.padEnd(22)}${String(ours.length).padStart(5)}${m.toFixed(1).padStart(10)}${x.toFixed(1).padStart(10)}${pipMs.toFixed(0).padStart(10)}${(pipMs / m).toFixed(0).padStart(8)}x${(pipMs / x).toFixed(0).padStart(8)}x  ${equal}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
