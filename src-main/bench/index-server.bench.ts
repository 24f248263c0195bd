/**
 * Packwright index server: Simple JSON page throughput and p99 latency with 64 concurrent
 * clients over the projects of the machine's local PEP 503 index (served read-only), side by
 * side with a plain static file server (a minimal Node http server reading each page from disk)
 * serving the same bytes, measured in the same run; then upload throughput (legacy multipart,
 * hashing + fsync + commit) in MB/s against a plain disk copy (read, write, fsync).
 * Goal: the index at least as fast as the static server (ratio >= 1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blake2b256Hex } from '../core/index-server/blake2b';
import { discoverLocalIndexes } from '../core/local-index/discover';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const CLIENTS = 64;
const WARMUP_MS = 2_000;
const MEASURE_MS = 8_000;
const ACCEPT = 'application/vnd.pypi.simple.v1+json';

const STATIC_SERVER = `
const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
const root = process.argv[1];
const server = http.createServer((req, res) => {
  const m = /^\\/simple\\/([a-z0-9-]+)\\/$/.exec(req.url);
  if (!m) { res.statusCode = 404; return res.end(); }
  fs.readFile(path.join(root, m[1], 'index.json'), (err, body) => {
    if (err) { res.statusCode = 404; return res.end(); }
    res.writeHead(200, { 'Content-Type': '${ACCEPT}', 'Content-Length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port + '/'));
`;

function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

function get(agent: Agent, url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Accept: ACCEPT } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Stats {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * 64 keep-alive clients looping over the project pages. The two servers are measured in
 * alternating slices (this machine is shared and noisy; alternation spreads the noise evenly).
 */
async function loadAlternating(bases: readonly string[], names: readonly string[], slices: number): Promise<Stats[]> {
  const lat: number[][] = bases.map(() => []);
  const errs = bases.map(() => 0);
  const secs = bases.map(() => 0);
  for (let round = 0; round < slices; round++) {
    for (let s = 0; s < bases.length; s++) {
      const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
      let measuring = false;
      let stop = false;
      const worker = async (w: number) => {
        for (let i = w + round * 7919; !stop; i += CLIENTS) {
          const t0 = process.hrtime.bigint();
          const r = await get(agent, `${bases[s]}simple/${names[i % names.length]}/`).catch(() => ({ status: 0 }));
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (!measuring) continue;
          if (r.status === 200) lat[s]!.push(ms);
          else errs[s]!++;
        }
      };
      const workers = Array.from({ length: CLIENTS }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, round === 0 ? WARMUP_MS : 300));
      measuring = true;
      const t0 = Date.now();
      await new Promise((r) => setTimeout(r, MEASURE_MS / slices));
      measuring = false;
      secs[s]! += (Date.now() - t0) / 1000;
      stop = true;
      await Promise.all(workers);
      agent.destroy();
    }
  }
  return bases.map((_, s) => {
    const l = lat[s]!.sort((a, b) => a - b);
    const q = (p: number) => l[Math.min(l.length - 1, Math.floor(l.length * p))] ?? NaN;
    return { rps: l.length / secs[s]!, p50: q(0.5), p99: q(0.99), errors: errs[s]! };
  });
}

function multipart(file: Buffer, filename: string, name: string, version: string): { body: Buffer; type: string } {
  const boundary = `pwbench${randomBytes(8).toString('hex')}`;
  const fields: Record<string, string> = {
    ':action': 'file_upload',
    protocol_version: '1',
    metadata_version: '2.1',
    name,
    version,
    filetype: 'bdist_wheel',
    pyversion: 'py3',
    sha256_digest: createHash('sha256').update(file).digest('hex'),
    blake2_256_digest: blake2b256Hex(file),
  };
  const head = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head + fileHead), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

function post(url: string, token: string, body: Buffer, type: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': type, 'Content-Length': body.length, Authorization: `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function uploads(tmp: string): Promise<void> {
  const MB = 40;
  const root = join(tmp, 'upload-root');
  const script = join(tmp, 'mk.py');
  // A wheel with a stored (incompressible) payload, built by Python's zipfile.
  writeFileSync(
    script,
    `import zipfile,os,sys,hashlib,base64\nout,ver=sys.argv[1],sys.argv[2]\nfiles={"pwbench/__init__.py":b"",f"pwbench-{ver}.dist-info/METADATA":f"Metadata-Version: 2.1\\nName: pwbench\\nVersion: {ver}\\n".encode(),f"pwbench-{ver}.dist-info/WHEEL":b"Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n","pwbench/blob.bin":os.urandom(${MB}*1024*1024)}\nh=lambda d:"sha256="+base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode()\nfiles[f"pwbench-{ver}.dist-info/RECORD"]=("".join(f"{n},{h(d)},{len(d)}\\n" for n,d in files.items())+f"pwbench-{ver}.dist-info/RECORD,,\\n").encode()\nwith zipfile.ZipFile(out,"w") as z:\n  [z.writestr(n,d) for n,d in files.items()]\n`,
  );
  const token = await new Promise<string>((resolve) => {
    const c = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/run.ts', 'index', 'token', 'create', '--root', root], { cwd: repo });
    let out = '';
    c.stdout.on('data', (b: Buffer) => (out += b.toString()));
    c.on('close', () => resolve(out.split('\n')[0]!.trim()));
  });
  const server = await startChild(['--import', 'tsx', 'src-main/cli/run.ts', 'index', 'serve', '--root', root, '--port', '0', '--max-file-size', '200MB']);
  try {
    const rates: number[] = [];
    const copies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ver = `1.0.${i}`;
      const path = join(tmp, `pwbench-${ver}-py3-none-any.whl`);
      await new Promise<void>((resolve) => spawn('python3', [script, path, ver]).on('close', () => resolve()));
      const file = readFileSync(path);
      const { body, type } = multipart(file, `pwbench-${ver}-py3-none-any.whl`, 'pwbench', ver);
      const t0 = process.hrtime.bigint();
      const status = await post(`${server.url}legacy/`, token, body, type);
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (status !== 200) throw new Error(`upload answered ${status}`);
      rates.push(file.length / 1024 / 1024 / s);
      // Peer: a plain disk copy of the same bytes (read, write, fsync) on the same filesystem.
      const c0 = process.hrtime.bigint();
      const data = readFileSync(path);
      const fd = openSync(join(tmp, `copy-${i}.bin`), 'w');
      writeSync(fd, data);
      fsyncSync(fd);
      closeSync(fd);
      copies.push(data.length / 1024 / 1024 / (Number(process.hrtime.bigint() - c0) / 1e9));
    }
    const best = (xs: number[]) => Math.max(...xs);
    console.log(`upload (${MB} MiB wheel, legacy multipart; md5+sha256+blake2b-256, temp+fsync+rename, SQLite commit): ${best(rates).toFixed(1)} MB/s`);
    console.log(`plain disk copy (read+write+fsync): ${best(copies).toFixed(1)} MB/s`);
    console.log(`ratio upload/copy: ${(best(rates) / best(copies)).toFixed(2)}`);
  } finally {
    server.child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const indexes = await discoverLocalIndexes();
  const tmp = mkdtempSync(join(tmpdir(), 'pw-bench-index-'));
  try {
    if (!indexes.length) {
      console.log('index-server: no local PEP 503 index found (PACKWRIGHT_LOCAL_INDEX or pip config); page benchmark skipped');
    } else {
      const mirrors = indexes.flatMap((i) => ['--mirror', i.simpleDir]);
      const ours = await startChild(['--import', 'tsx', 'src-main/cli/run.ts', 'index', 'serve', '--root', join(tmp, 'root'), '--port', '0', ...mirrors]);
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      const list = JSON.parse((await get(agent, `${ours.url}simple/`)).body.toString()) as { projects: { name: string }[] };
      const names = list.projects.map((p) => p.name.toLowerCase().replace(/[-_.]+/g, '-'));
      // The static server gets byte-identical pages, written once to disk.
      const pages = join(tmp, 'static');
      for (const n of names) {
        const r = await get(agent, `${ours.url}simple/${n}/`);
        mkdirSync(join(pages, n), { recursive: true });
        writeFileSync(join(pages, n, 'index.json'), r.body);
      }
      agent.destroy();
      const plain = await startChild(['-e', STATIC_SERVER, pages]);
      try {
        console.log(`Simple JSON pages over ${names.length} real projects (${indexes.map((i) => i.simpleDir).join(', ')}), ${CLIENTS} concurrent clients, ${MEASURE_MS / 1000}s each in alternating slices:`);
        const [a, b] = (await loadAlternating([ours.url, plain.url], names, 4)) as [Stats, Stats];
        const fmt = (r: Stats) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, errors ${r.errors}`;
        console.log(`  packwright index: ${fmt(a)}`);
        console.log(`  static server:    ${fmt(b)}`);
        console.log(`  ratio throughput ${(a.rps / b.rps).toFixed(2)}x, p99 ${(b.p99 / a.p99).toFixed(2)}x (>1 = index faster)`);
      } finally {
        ours.child.kill('SIGTERM');
        plain.child.kill('SIGTERM');
      }
    }
    await uploads(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
