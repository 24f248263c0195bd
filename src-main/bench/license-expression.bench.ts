/**
 * License-expression canonicalisation throughput against packaging.licenses 26.2 (python3) in the
 * same run.
 *
 * Workloads, each about a second per side: the 2,500 generated valid expressions of the
 * differential test (random case and whitespace), and the 3,500 mutated ones (mostly rejected;
 * our rejections also compute "did you mean" suggestions, packaging's do not). Figures are
 * expressions per second and the ratio ours / packaging. Verdicts are compared first.
 */
import { spawnSync } from 'node:child_process';
import { mutatedExpressions, validExpressions } from '../core/licenses/expression-corpus';
import { checkLicenseExpression } from '../core/licenses/index';
import { callsPerSecond } from './timing';

const SECONDS = 1;

function rate(fn: () => unknown, items: number): number {
  return callsPerSecond(fn, SECONDS * 1000, 3) * items;
}

const PY = String.raw`
import json, sys, time
from packaging.licenses import canonicalize_license_expression as c
d = json.load(sys.stdin)
def one(x):
    try: return c(x)
    except Exception: return None
def rate(xs, secs):
    for _ in range(2): [one(x) for x in xs]
    n = 0; t0 = time.perf_counter(); t = t0
    while t - t0 < secs:
        [one(x) for x in xs]; n += 1; t = time.perf_counter()
    return n * len(xs) / (t - t0)
out = {"valid_ok": sum(one(x) is not None for x in d["valid"]), "mutated_ok": sum(one(x) is not None for x in d["mutated"])}
out["valid"] = rate(d["valid"], d["seconds"])
out["mutated"] = rate(d["mutated"], d["seconds"])
json.dump(out, sys.stdout)
`;

function main(): void {
  const valid = validExpressions(639, 2500);
  const mutated = mutatedExpressions(2024, 3500);
  const python = process.env.PACKWRIGHT_PYTHON ?? 'python3';
  const py = spawnSync(python, ['-c', PY], { input: JSON.stringify({ valid, mutated, seconds: SECONDS }), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (py.status !== 0) {
    console.log(`license-expression: skipped — ${python} with packaging.licenses is not available (${py.stderr.slice(-300)})`);
    return;
  }
  const peer = JSON.parse(py.stdout) as { valid_ok: number; mutated_ok: number; valid: number; mutated: number };
  const opts = { rules: 'packaging-26.2' } as const;
  const okCount = (xs: string[]) => xs.filter((x) => checkLicenseExpression(x, opts).ok).length;
  if (okCount(valid) !== peer.valid_ok || okCount(mutated) !== peer.mutated_ok) {
    throw new Error(`verdicts differ: ours ${okCount(valid)}/${okCount(mutated)} vs packaging ${peer.valid_ok}/${peer.mutated_ok}`);
  }
  const ours = {
    valid: rate(() => valid.map((x) => checkLicenseExpression(x, opts)), valid.length),
    mutated: rate(() => mutated.map((x) => checkLicenseExpression(x, opts)), mutated.length),
  };
  console.log('workload                              ours expr/s   packaging expr/s   ratio');
  const rows: [string, number, number][] = [
    [`${valid.length} valid expressions`, ours.valid, peer.valid],
    [`${mutated.length} mutated (${peer.mutated_ok} valid)`, ours.mutated, peer.mutated],
  ];
  for (const [label, a, b] of rows) {
    console.log(`${label.padEnd(36)} ${a.toFixed(0).padStart(12)} ${b.toFixed(0).padStart(18)} ${(a / b).toFixed(1).padStart(7)}x`);
  }
}

main();
