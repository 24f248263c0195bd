/**
 * `npm run bench`: runs every `*.bench.ts` here and in e2e/bench, one process each, in name order.
 *
 * Benchmarks are not tests: each prints its figures as ratios against a peer measured in
 * the same run (this machine is noisy; only same-run ratios are comparable).
 * `npm run bench -- <filter>` runs only files whose name contains the filter.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Browser-driven benchmarks live in e2e/bench (DOM types); the rest here.
const dirs = [here, join(here, '..', '..', 'e2e', 'bench')];
const filter = process.argv[2] ?? '';
const files = dirs
  .flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)))
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort((a, b) => a.split('/').pop()!.localeCompare(b.split('/').pop()!));
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file.split('/').pop()}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`!! ${file.split('/').pop()} exited with ${r.status ?? r.signal}`);
  }
}
process.exit(failed ? 1 : 0);
