/**
 * `npm run bench`: runs every `*.bench.ts` in this folder, one process each, in name order.
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
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`!! ${file} exited with ${r.status ?? r.signal}`);
  }
}
process.exit(failed ? 1 : 0);
