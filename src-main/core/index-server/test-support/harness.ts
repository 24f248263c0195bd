/**
 * Test harness: run the real index server as a child process through the CLI, mint tokens,
 * build distributions, upload like twine (multipart), and read the access log.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPythonBatch } from '../../../testing/python-oracle';
import { normalizeName } from '../std';
import { IndexStore } from '../store';
import { createToken } from '../tokens';
import { blake2b256Hex } from '../blake2b';
import { createHash } from 'node:crypto';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = join(repo, 'src-main/cli/run.ts');
const makeDistsScript = fileURLToPath(new URL('./make-dists.py', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly root: string;
  readonly child: ChildProcess;
  /** Lines the server printed to stderr (for diagnostics). */
  readonly stderr: string[];
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Start `packwright index serve --root <root> --port 0 …` and wait for its ready line. */
export async function startServer(root: string, extraArgs: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'index', 'serve', '--root', root, '--port', '0', ...extraArgs], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr.join('')}`)), 30_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/\S+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr.join('')}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    port: Number(new URL(url).port),
    root,
    child,
    stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Run the CLI synchronously; returns stdout (throws on a non-zero exit). */
export function cliSync(args: readonly string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packwright ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Mint a token directly in the store (fast; the CLI path is covered by createTokenCli). */
export function createTokenDirect(root: string, projects: readonly string[] = []): string {
  const store = IndexStore.open(root);
  try {
    return createToken(store.db, { projects: projects.map(normalizeName) }).token;
  } finally {
    store.close();
  }
}

/** `packwright index token create` → the token string. */
export function createTokenCli(root: string, projects: readonly string[] = []): string {
  const out = cliSync(['index', 'token', 'create', '--root', root, ...projects.flatMap((p) => ['--project', p])]);
  return out.split('\n')[0]!.trim();
}

export interface DistSpec {
  readonly kind: 'wheel' | 'sdist';
  readonly name: string;
  readonly version: string;
  readonly requires_dist?: readonly string[];
  readonly requires_python?: string;
  readonly metadata_version?: string;
  readonly summary?: string;
  readonly payload_bytes?: number;
  readonly filename?: string;
}

export interface BuiltDist {
  readonly path: string;
  readonly filename: string;
  readonly sha256: string;
  readonly size: number;
}

/** Build distributions with Python's zipfile/tarfile (one Python process for the batch). */
export function buildDists(outDir: string, specs: readonly DistSpec[]): Promise<BuiltDist[]> {
  return runPythonBatch<DistSpec & { out_dir: string }, BuiltDist>(
    makeDistsScript,
    specs.map((s) => ({ ...s, out_dir: outDir })),
  );
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Upload one file the way twine does (legacy multipart); returns status and reason phrase. */
export async function legacyUpload(
  url: string,
  token: string | null,
  dist: BuiltDist,
  fields: Record<string, string | string[]>,
  bytes: Buffer = readFileSync(dist.path),
): Promise<{ status: number; reason: string; body: string }> {
  const form = new FormData();
  const all: Record<string, string | string[]> = {
    ':action': 'file_upload',
    protocol_version: '1',
    metadata_version: '2.1',
    filetype: dist.filename.endsWith('.whl') ? 'bdist_wheel' : 'sdist',
    pyversion: dist.filename.endsWith('.whl') ? 'py3' : 'source',
    sha256_digest: createHash('sha256').update(bytes).digest('hex'),
    blake2_256_digest: blake2b256Hex(bytes),
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  form.append('content', new Blob([bytes], { type: 'application/octet-stream' }), dist.filename);
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}`;
  const res = await fetch(new URL('legacy/', url), { method: 'POST', body: form, headers });
  return { status: res.status, reason: res.statusText, body: await res.text() };
}

/** Parsed access log lines of a store root. */
export interface LogLine {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ua: string;
  readonly token: string;
  readonly type: string;
}

export function accessLog(root: string): LogLine[] {
  let text = '';
  try {
    text = readFileSync(join(root, 'logs', 'access.log'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);
}

/** Environment for running pip against only our index (no config, no find-links, no cache). */
export function isolatedPipEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PIP_')) env[k] = v;
  return { ...env, PIP_CONFIG_FILE: '/dev/null', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1', PYTHONDONTWRITEBYTECODE: '1' };
}
