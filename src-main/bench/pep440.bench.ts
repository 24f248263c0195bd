/**
 * PEP 440 throughput against pypa/packaging 26.2 (python3) in the same run.
 *
 * Data: the project with the most versions across shared/corpus/resolvelib's index snapshots
 * (botocore, 979 versions in pypi-2020-11-17-cheroot). Workloads:
 * - filter: `SpecifierSet(s).filter(versions)` for several realistic specifier sets, both from
 *   version strings (what a resolver gets from an index) and from already-parsed versions;
 * - parse+sort: parse every version string and sort the list.
 * Each workload runs for about a second per side; figures are operations per second and the
 * ratio ours / packaging (goal ≥ 5x). The answers are compared first so we time equal work.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../testing/shared-dir';
import { compareVersions, parseVersion, SpecifierSet, type Version } from '../core/standards/pep440/index';
import { callsPerSecond } from './timing';

const SETS = ['>=1.12.0,<1.13.0', '~=1.17.0', '>=1.5.40,<2.0.0', '==1.*', '!=1.13.5,>=1.13.0,<1.14', '<1.10', '>=1.19.0a1', '>1.16.0,<=1.18.0,!=1.17.*', ''];
const SECONDS = 1;

function largestProject(): { name: string; snapshot: string; versions: string[] } {
  const dir = sharedPath('corpus', 'resolvelib', 'inputs', 'index');
  let best = { name: '', snapshot: '', versions: [] as string[] };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
    for (const [name, vs] of Object.entries(data)) {
      if (vs && typeof vs === 'object' && Object.keys(vs).length > best.versions.length) best = { name, snapshot: f, versions: Object.keys(vs) };
    }
  }
  return best;
}

/** Run `fn` repeatedly for about `SECONDS`; operations per second. */
function rate(fn: () => unknown): number {
  return callsPerSecond(fn, SECONDS * 1000, 5);
}

const PY = String.raw`
import json, sys, time
from packaging.specifiers import SpecifierSet
from packaging.version import Version
d = json.load(sys.stdin)
vs, sets, secs = d["versions"], d["sets"], d["seconds"]
parsed = [Version(v) for v in vs]
def rate(fn):
    for _ in range(2): fn()
    n = 0; t0 = time.perf_counter(); t = t0
    while t - t0 < secs:
        fn(); n += 1; t = time.perf_counter()
    return n / (t - t0)
out = {"check": [len(list(SpecifierSet(s).filter(vs))) for s in sets]}
out["filter_strings"] = rate(lambda: [list(SpecifierSet(s).filter(vs)) for s in sets])
out["filter_parsed"] = rate(lambda: [list(SpecifierSet(s).filter(parsed)) for s in sets])
out["parse_sort"] = rate(lambda: sorted(Version(v) for v in vs))
json.dump(out, sys.stdout)
`;

function main(): void {
  const { name, snapshot, versions } = largestProject();
  const python = process.env.PACKWRIGHT_PYTHON ?? 'python3';
  const py = spawnSync(python, ['-c', PY], { input: JSON.stringify({ versions, sets: SETS, seconds: SECONDS }), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (py.status !== 0) {
    console.log(`pep440: skipped — ${python} with packaging is not available (${py.stderr.slice(-300)})`);
    return;
  }
  const peer = JSON.parse(py.stdout) as { check: number[]; filter_strings: number; filter_parsed: number; parse_sort: number };
  const check = SETS.map((s) => SpecifierSet.parse(s).filter(versions).length);
  if (JSON.stringify(check) !== JSON.stringify(peer.check)) throw new Error(`filter results differ: ours ${check} vs packaging ${peer.check}`);

  const parsed = versions.map((v) => parseVersion(v));
  const ours = {
    // A fresh SpecifierSet per call, as on the Python side; version strings hit the parse cache.
    filter_strings: rate(() => SETS.map((s) => SpecifierSet.parse(s).filter(versions))),
    filter_parsed: rate(() => SETS.map((s) => SpecifierSet.parse(s).filter(parsed))),
    parse_sort: rate(() => versions.map((v) => parseVersion(v)).sort(compareVersions)),
  };
  console.log(`pep440: ${name} from ${snapshot}: ${versions.length} versions, ${SETS.length} specifier sets (${check.join('/')} matches)`);
  console.log('workload                         ours ops/s   packaging ops/s   ratio');
  const rows: [string, number, number][] = [
    [`filter ${SETS.length} sets (version strings)`, ours.filter_strings, peer.filter_strings],
    [`filter ${SETS.length} sets (parsed versions)`, ours.filter_parsed, peer.filter_parsed],
    [`parse + sort ${versions.length} versions`, ours.parse_sort, peer.parse_sort],
  ];
  for (const [label, a, b] of rows) {
    console.log(`${label.padEnd(32)} ${a.toFixed(1).padStart(11)} ${b.toFixed(1).padStart(17)} ${(a / b).toFixed(1).padStart(7)}x`);
  }
  const parsedCount = parsed.filter((v: Version) => v.isPrerelease).length;
  console.log(`(${parsedCount} pre-releases in the list; goal ≥ 5x)`);
}

main();
