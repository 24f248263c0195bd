/**
 * Distributions and their standards, Packwright against pypa/packaging / the Python standard
 * library doing the same work in the same run (Python's own timings exclude its start-up):
 * 1. wheel file names: parse_wheel_filename over the local index's names;
 * 2. METADATA: parse + validate (Metadata.from_email) over every local wheel's METADATA;
 * 3. METADATA from a wheel (central directory + one member) vs zipfile;
 * 4. full wheel verification (every member hashed against RECORD, one thread) vs zipfile +
 *    hashlib + csv, on a spread of local wheels;
 * 5. target tag lists for the predefined targets vs packaging.tags.
 * Figures: time per item or throughput, and the ratio Python / Packwright.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listLocalIndexFiles } from '../core/standards/dist/local-wheels';
import { readWheel, readWheelMetadata } from '../core/standards/dist';
import { parseWheelFilename } from '../core/standards/filenames';
import { parseCoreMetadata, validateCoreMetadata } from '../core/standards/metadata';
import { PREDEFINED_TARGETS, targetPlatformTags, targetTags } from '../core/standards/tags';

const python = process.env.PACKWRIGHT_PYTHON ?? 'python3';

const PEER = String.raw`
import base64, csv, hashlib, io, json, sys, time, zipfile
from packaging import tags
from packaging.metadata import Metadata
from packaging.utils import parse_wheel_filename
job = json.load(open(sys.argv[1]))
out = {}
t = time.perf_counter()
for n in job["names"]:
    try: parse_wheel_filename(n)
    except Exception: pass
out["names"] = time.perf_counter() - t
docs = [base64.b64decode(d) for d in job["docs"]]
t = time.perf_counter()
for d in docs:
    try: Metadata.from_email(d, validate=True)
    except Exception: pass
out["metadata"] = time.perf_counter() - t
def dist_info(z):
    return [n for n in z.namelist() if n.count("/") == 1 and n.split("/")[0].endswith(".dist-info")][0].split("/")[0]
t = time.perf_counter()
for p in job["wheels"]:
    with zipfile.ZipFile(p) as z: z.read(dist_info(z) + "/METADATA")
out["wheelMetadata"] = time.perf_counter() - t
t = time.perf_counter()
for p in job["verify"]:
    with zipfile.ZipFile(p) as z:
        di = dist_info(z)
        rows = {r[0]: r for r in csv.reader(io.StringIO(z.read(di + "/RECORD").decode())) if r}
        for info in z.infolist():
            if info.is_dir(): continue
            h = hashlib.sha256()
            with z.open(info) as f:
                for chunk in iter(lambda: f.read(1 << 20), b""): h.update(chunk)
            row = rows.get(info.filename)
            if row and row[1] and base64.urlsafe_b64encode(h.digest()).rstrip(b"=").decode() != row[1].split("=", 1)[1]: pass
out["verify"] = time.perf_counter() - t
t = time.perf_counter()
for _ in range(job["tagReps"]):
    for tg in job["targets"]:
        v = tuple(tg["version"])
        list(tags.cpython_tags(v, tg["abis"], tg["platforms"])) + list(tags.compatible_tags(v, "cp%d%d" % v, tg["platforms"]))
out["tags"] = time.perf_counter() - t
print(json.dumps(out))
`;

function row(label: string, unit: string, ours: number, theirs: number, n: number): void {
  const per = (ms: number): string => (unit === 'MB/s' ? (n / (ms / 1000)).toFixed(0) : ((ms * 1000) / n).toFixed(2));
  console.log(`${label.padEnd(30)} packwright ${per(ours).padStart(9)} ${unit}   python ${per(theirs).padStart(9)} ${unit}   ratio ${(theirs / ours).toFixed(1)}x`);
}

async function main(): Promise<void> {
  const files = (await listLocalIndexFiles()).filter((f) => f.filename.endsWith('.whl'));
  if (files.length === 0) {
    console.log('no local package index: nothing to measure');
    return;
  }
  const names = Array.from({ length: 100 }, () => files.map((f) => f.filename)).flat();
  const docs: Buffer[] = [];
  for (const f of files) docs.push((await readWheelMetadata(f.path)).metadataBytes);
  const bySize = files.map((f) => f.path).sort((a, b) => statSync(a).size - statSync(b).size);
  const verify = bySize.filter((_, i) => i % 24 === 5);
  const verifyBytes = verify.reduce((n, p) => n + statSync(p).size, 0);
  const cpythons = PREDEFINED_TARGETS.filter((t) => t.target.implementation === 'cpython' && !t.target.freeThreaded).map((t) => t.target);
  const tagReps = 50;

  let t = performance.now();
  for (const n of names) {
    try {
      parseWheelFilename(n);
    } catch {
      // counted like Python's loop
    }
  }
  const oursNames = performance.now() - t;
  t = performance.now();
  for (const d of docs) validateCoreMetadata(parseCoreMetadata(d));
  const oursMetadata = performance.now() - t;
  t = performance.now();
  for (const p of bySize) await readWheelMetadata(p);
  const oursWheelMetadata = performance.now() - t;
  t = performance.now();
  for (const p of verify) await readWheel(p);
  const oursVerify = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < tagReps; i++) for (const tg of cpythons) targetTags(tg);
  const oursTags = performance.now() - t;

  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-dist-'));
  try {
    const job = join(dir, 'job.json');
    const targets = cpythons.map((tg) => ({ version: tg.pythonVersion.slice(0, 2), abis: [`cp${tg.pythonVersion[0]}${tg.pythonVersion[1]}`], platforms: targetPlatformTags(tg.platform) }));
    writeFileSync(job, JSON.stringify({ names, docs: docs.map((d) => d.toString('base64')), wheels: bySize, verify, targets, tagReps }));
    const peer = JSON.parse(execFileSync(python, ['-c', PEER, job], { maxBuffer: 1 << 26 }).toString()) as Record<string, number>;
    const ms = (k: string): number => (peer[k] ?? NaN) * 1000;
    console.log(`local index: ${files.length} wheels; verification sample: ${verify.length} wheels, ${(verifyBytes / 1e6).toFixed(0)} MB on disk`);
    row('wheel file name parse', 'µs/name', oursNames, ms('names'), names.length);
    row('METADATA parse + validate', 'µs/doc', oursMetadata, ms('metadata'), docs.length);
    row('METADATA from a wheel', 'µs/wheel', oursWheelMetadata, ms('wheelMetadata'), bySize.length);
    row('verify wheels against RECORD', 'MB/s', oursVerify, ms('verify'), verifyBytes / 1e6);
    row('target tag lists', 'µs/list', oursTags, ms('tags'), tagReps * cpythons.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
