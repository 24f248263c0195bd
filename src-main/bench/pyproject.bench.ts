/**
 * pyproject.toml validation time per file (warm) against validate-pyproject 0.12.2 (Debian's
 * python3-validate-pyproject) on the same files, in the same run.
 *
 * Files: validate-pyproject's fixtures and SchemaStore's pyproject tests (shared/). Ours: every
 * synchronous layer (TOML, SchemaStore schema + tool schemas, semantic, backend), warmed up, one
 * second of repeated passes; quick fixes are computed on first read (as an editor requests code
 * actions), and a last line gives the time with every fix computed. Peers: (1) the CLI once per file, as a user runs it, on a sample;
 * (2) the CLI once over all files (start-up amortised); (3) validate_pyproject.api in a warm
 * process (what a long-running Python tool would pay). Goal: ≥ 10x faster than the CLI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pyprojectFixtures } from '../core/pyproject/testing/fixtures';
import { validatePyprojectSync } from '../core/pyproject/validate';

const SECONDS = 1;
const PYTHON = process.env.PACKWRIGHT_VALIDATE_PYPROJECT_PYTHON ?? '/usr/bin/python3';
const CLI_SAMPLE = 12;

const WARM_PY = String.raw`
import json, os, sys, time, tomllib
os.environ.setdefault("NO_NETWORK", "1")
from validate_pyproject import api
files = json.load(sys.stdin)
texts = [open(f, "rb").read().decode() for f in files]
v = api.Validator()
def one(t):
    try: v(tomllib.loads(t)); return True
    except Exception: return False
for t in texts: one(t)
n = 0; t0 = time.perf_counter(); t = t0
while t - t0 < ${SECONDS}:
    for x in texts: one(x)
    n += 1; t = time.perf_counter()
print(json.dumps({"perFileMs": (t - t0) * 1000 / (n * len(texts))}))
`;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function main(): void {
  const files = pyprojectFixtures();
  const texts = files.map((f) => readFileSync(f.path, 'utf8'));
  const env = { ...process.env, NO_NETWORK: '1' };
  const probe = spawnSync(PYTHON, ['-c', 'import validate_pyproject.api'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(`pyproject: skipped — validate-pyproject is not importable with ${PYTHON}`);
    return;
  }

  // Ours, warm: compile every schema the files use, then time full passes.
  const t0 = process.hrtime.bigint();
  for (const t of texts) validatePyprojectSync(t);
  const coldMs = ms(t0);
  const perFile = (withFixes: boolean): number => {
    let passes = 0;
    const start = process.hrtime.bigint();
    while (ms(start) < SECONDS * 1000) {
      for (const t of texts) {
        const diags = validatePyprojectSync(t);
        if (withFixes) for (const d of diags) void d.fixes.length;
      }
      passes++;
    }
    return ms(start) / (passes * texts.length);
  };
  // Quick fixes are computed when an editor asks for code actions; the second figure forces all.
  perFile(true); // settle the JIT before measuring; then interleave and keep the best of each
  const runs = [false, true, false, true, false, true].map((withFixes) => ({ withFixes, t: perFile(withFixes) }));
  const oursPerFile = Math.min(...runs.filter((r) => !r.withFixes).map((r) => r.t));
  const oursWithFixes = Math.min(...runs.filter((r) => r.withFixes).map((r) => r.t));

  // The CLI as a user runs it: one process per file (sample, spread over the list).
  const sample = files.filter((_, i) => i % Math.ceil(files.length / CLI_SAMPLE) === 0);
  const s1 = process.hrtime.bigint();
  for (const f of sample) spawnSync(PYTHON, ['-m', 'validate_pyproject', f.path], { env, encoding: 'utf8' });
  const cliPerFile = ms(s1) / sample.length;

  // The CLI over all files in one process.
  const s2 = process.hrtime.bigint();
  spawnSync(PYTHON, ['-m', 'validate_pyproject', ...files.map((f) => f.path)], { env, encoding: 'utf8' });
  const cliBatchPerFile = ms(s2) / files.length;

  const warm = spawnSync(PYTHON, ['-c', WARM_PY], { input: JSON.stringify(files.map((f) => f.path)), env, encoding: 'utf8' });
  const apiPerFile = warm.status === 0 ? (JSON.parse(warm.stdout) as { perFileMs: number }).perFileMs : NaN;

  const avgKb = texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024;
  console.log(`${files.length} files (avg ${avgKb.toFixed(1)} KB); Packwright cold first pass ${coldMs.toFixed(0)} ms (schema compilation)`);
  console.log('peer                                          peer ms/file   ours ms/file   ratio');
  const rows: [string, number][] = [
    [`validate-pyproject CLI, one process per file (${sample.length})`, cliPerFile],
    ['validate-pyproject CLI, all files in one run', cliBatchPerFile],
    ['validate_pyproject.api, warm process', apiPerFile],
  ];
  for (const [label, peer] of rows) {
    console.log(`${label.padEnd(46)} ${peer.toFixed(3).padStart(12)} ${oursPerFile.toFixed(3).padStart(14)} ${(peer / oursPerFile).toFixed(1).padStart(7)}x`);
  }
  console.log(`ours with every quick fix computed too: ${oursWithFixes.toFixed(3)} ms/file (${(cliPerFile / oursWithFixes).toFixed(1)}x the per-file CLI, ${(cliBatchPerFile / oursWithFixes).toFixed(1)}x the one-run CLI)`);
}

main();
