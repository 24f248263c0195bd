/**
 * Benchmark: PEP 508 requirement parsing and marker evaluation vs pypa/packaging 26.2.
 *
 * Work (the same in both languages, measured in the same run, best of several rounds):
 * - parse every requirement string of the resolvelib corpus (~263,000, duplicates included,
 *   as a resolver meets them) — ours without the parse cache (packaging has none), and
 *   ours with the cache as the resolver uses it;
 * - evaluate every distinct marker of the corpus against eight environments (CPython and
 *   PyPy on Linux/macOS/Windows, with and without a requested extra), markers pre-parsed.
 * Prints throughput and the ratio (ours / packaging). Goal: >= 5x.
 */
import { spawnSync } from 'node:child_process';
import { parseMarker, parseRequirement, parseRequirementUncached, evaluateMarker } from '../core/standards/pep508/index';
import type { MarkerEnvironment } from '../core/standards/environment';
import { resolvelibRequirementStrings } from '../core/standards/pep508/testing/corpus';

const PYTHON = `
import json, sys, time
from packaging.requirements import Requirement
from packaging.markers import Marker
data = json.load(sys.stdin)
reqs, markers, envs, rounds = data["reqs"], data["markers"], data["envs"], data["rounds"]
def best(fn):
    b = float("inf")
    for _ in range(rounds):
        t = time.perf_counter(); fn(); b = min(b, time.perf_counter() - t)
    return b
def parse_all():
    for s in reqs:
        try: Requirement(s)
        except Exception: pass
parsed = [Marker(m) for m in markers]
def eval_all():
    for e in envs:
        for m in parsed:
            try: m.evaluate(e)
            except Exception: pass
print(json.dumps({"parse": best(parse_all), "evaluate": best(eval_all)}))
`;

function env(impl: 'cpython' | 'pypy', os: 'linux' | 'darwin' | 'win32', full: string): MarkerEnvironment {
  const system = { linux: 'Linux', darwin: 'Darwin', win32: 'Windows' }[os];
  return {
    implementation_name: impl,
    implementation_version: impl === 'pypy' ? '7.3.17' : full,
    os_name: os === 'win32' ? 'nt' : 'posix',
    platform_machine: os === 'win32' ? 'AMD64' : 'x86_64',
    platform_python_implementation: impl === 'pypy' ? 'PyPy' : 'CPython',
    platform_release: os === 'linux' ? '6.8.0-45-generic' : os === 'darwin' ? '23.1.0' : '10',
    platform_system: system,
    platform_version: '#1 SMP',
    python_full_version: full,
    python_version: full.split('.').slice(0, 2).join('.'),
    sys_platform: os,
  };
}

function best(rounds: number, fn: () => void): number {
  let b = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    b = Math.min(b, (performance.now() - t) / 1000);
  }
  return b;
}

const rounds = 5;
const reqs = resolvelibRequirementStrings();
const markers = [...new Set(reqs.filter((s) => s.includes(';')).map((s) => s.slice(s.indexOf(';') + 1)))];
const baseEnvs = [
  env('cpython', 'linux', '3.12.4'),
  env('cpython', 'darwin', '3.9.19'),
  env('cpython', 'win32', '3.13.0'),
  env('pypy', 'linux', '3.10.14'),
];
const cases = baseEnvs.flatMap((e) => [
  { env: e, extra: '' },
  { env: e, extra: 'test' },
]);

const py = spawnSync(process.env.PACKWRIGHT_PYTHON ?? 'python3', ['-c', PYTHON], {
  input: JSON.stringify({ reqs, markers, envs: cases.map((c) => ({ ...c.env, extra: c.extra })), rounds: 2 }),
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (py.status !== 0) {
  console.log(`packaging not available (${py.stderr.slice(-300)}); skipping the comparison`);
  process.exit(0);
}
const theirs = JSON.parse(py.stdout) as { parse: number; evaluate: number };

const sink: unknown[] = [];
const uncached = best(rounds, () => {
  for (const s of reqs) {
    try {
      sink[0] = parseRequirementUncached(s);
    } catch {
      sink[0] = null;
    }
  }
});
const cached = best(rounds, () => {
  for (const s of reqs) {
    try {
      sink[0] = parseRequirement(s);
    } catch {
      sink[0] = null;
    }
  }
});
const parsedMarkers = markers.map((m) => parseMarker(m));
let hits = 0;
const evaluate = best(rounds, () => {
  hits = 0;
  for (const c of cases) {
    const ctx = { extra: c.extra };
    for (const m of parsedMarkers) if (evaluateMarker(m, c.env, ctx)) hits++;
  }
});

const rate = (n: number, s: number): string => `${Math.round(n / s).toLocaleString('en-US')}/s`;
const evals = markers.length * cases.length;
console.log(`requirement parsing: ${reqs.length} corpus strings (${new Set(reqs).size} distinct)`);
console.log(`  packaging            ${rate(reqs.length, theirs.parse)}`);
console.log(`  ours, no cache       ${rate(reqs.length, uncached)}  ratio ${(theirs.parse / uncached).toFixed(1)}x`);
console.log(`  ours, parse cache    ${rate(reqs.length, cached)}  ratio ${(theirs.parse / cached).toFixed(1)}x`);
console.log(`marker evaluation: ${markers.length} distinct corpus markers x ${cases.length} environments = ${evals} (${hits} true)`);
console.log(`  packaging            ${rate(evals, theirs.evaluate)}`);
console.log(`  ours                 ${rate(evals, evaluate)}  ratio ${(theirs.evaluate / evaluate).toFixed(1)}x`);
