/**
 * Metadata providers: resolution of real requirement sets from this machine's local package
 * index, Packwright (IndexProvider + resolve()) against pip (`pip install --dry-run
 * --ignore-installed --report`, same indexes and interpreter, `--only-binary :all:`), both
 * measured in this run:
 * 1. file:// (the PEP 503 trees as they are; nothing to cache);
 * 2. HTTP, warm: the same trees behind a local HTTP server (ETag validators, byte ranges); each
 *    tool first runs once to fill its cache (Packwright: cacache, pip: its HTTP cache), then the
 *    warm runs are timed (Packwright revalidates pages with 304s, reads metadata from cache);
 * 3. page parsing: a 5,000-file PEP 503 HTML page and its PEP 691 JSON twin, against pip's
 *    own parse_links (pip 23.2 internals).
 * Figures: median milliseconds (or pages per second) and the ratio pip / Packwright.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { discoverLocalIndexes } from '../core/local-index/discover';
import { IndexProvider } from '../core/resolver/providers/index-provider';
import { parseHtmlProjectPage } from '../core/resolver/providers/parse-html';
import { parseJsonProjectPage } from '../core/resolver/providers/parse-json';
import { startTestServer } from '../core/resolver/providers/testing/test-server';
import type { TestServer } from '../core/resolver/providers/testing/test-server';
import { resolve } from '../core/resolver/solver/solve';
import type { ResolverTarget } from '../core/resolver/target';
import { parseVersion } from '../core/standards/pep440';
import { makeTag } from '../core/standards/tags';
import { callsPerSecond, median } from './timing';

const run = promisify(execFile);
const python = process.env.PACKWRIGHT_PYTHON ?? 'python3';
const SETS: Record<string, string[]> = {
  scientific: ['numpy', 'scipy', 'pandas', 'matplotlib', 'scikit-learn', 'seaborn', 'statsmodels', 'sympy', 'networkx'],
  'numpy<2': ['numpy<2', 'scipy', 'pandas', 'matplotlib', 'scikit-learn'],
  web: ['fastapi', 'uvicorn[standard]', 'requests', 'httpx', 'flask', 'django', 'gunicorn', 'sqlalchemy', 'aiohttp', 'alembic', 'flask-sqlalchemy', 'redis', 'pydantic-settings'],
};


function thisInterpreter(): ResolverTarget {
  const code = 'import json;from packaging.markers import default_environment as d;from packaging.tags import sys_tags as s;print(json.dumps({"m":d(),"t":[[t.interpreter,t.abi,t.platform] for t in s()]}))';
  const env = JSON.parse(execFileSync(python, ['-c', code]).toString()) as { m: ResolverTarget['markers']; t: [string, string, string][] };
  return { markers: env.m, python: parseVersion(env.m.python_full_version), tags: env.t.map(([i, a, p]) => makeTag(i, a, p)), label: 'this interpreter' };
}

async function ours(urls: string[], reqs: string[], target: ResolverTarget, cacheDir: string | null): Promise<number> {
  const t0 = performance.now();
  const provider = new IndexProvider({ indexes: urls, strategy: 'unsafe-best-match', tags: target.tags, cacheDir });
  const r = await resolve(provider, { requirements: reqs, target, noBuild: true });
  if (!r.ok) throw new Error(`unresolvable: ${reqs.join(' ')}`);
  return performance.now() - t0;
}

async function pip(urls: string[], reqs: string[], cacheDir: string | null): Promise<number> {
  const report = join(mkdtempSync(join(tmpdir(), 'pw-bench-pip-')), 'r.json');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PIP_CONFIG_FILE: '/dev/null', PIP_DISABLE_PIP_VERSION_CHECK: '1' };
  if (cacheDir) env.PIP_CACHE_DIR = cacheDir;
  const args = ['-m', 'pip', 'install', '--dry-run', '--ignore-installed', '--quiet', '--report', report, '--only-binary', ':all:', '--index-url', urls[0]!, ...urls.slice(1).flatMap((u) => ['--extra-index-url', u]), ...(cacheDir ? [] : ['--no-cache-dir']), ...reqs];
  const t0 = performance.now();
  await run(python, args, { env, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  rmSync(dirname(report), { recursive: true, force: true });
  return ms;
}

function line(label: string, mine: number, theirs: number): void {
  console.log(`${label.padEnd(34)} packwright ${mine.toFixed(0).padStart(6)} ms   pip ${theirs.toFixed(0).padStart(6)} ms   ratio ${(theirs / mine).toFixed(1)}x`);
}

function syntheticPages(n: number): { html: string; json: string } {
  const files = Array.from({ length: n }, (_, i) => ({
    filename: `demo_pkg-1.${i}.0-py3-none-any.whl`,
    url: `../../files/demo_pkg-1.${i}.0-py3-none-any.whl`,
    hashes: { sha256: 'ab'.repeat(32) },
    'requires-python': '>=3.8',
    'core-metadata': { sha256: 'cd'.repeat(32) },
    yanked: i % 50 === 0 ? 'broken' : false,
    size: 12345,
  }));
  const anchors = files.map((f) => `<a href="${f.url}#sha256=${f.hashes.sha256}" data-requires-python="&gt;=3.8" data-core-metadata="sha256=${'cd'.repeat(32)}"${f.yanked ? ' data-yanked="broken"' : ''}>${f.filename}</a><br />`);
  return { html: `<!DOCTYPE html><html><head><meta name="pypi:repository-version" content="1.1"></head><body>\n${anchors.join('\n')}\n</body></html>`, json: JSON.stringify({ meta: { 'api-version': '1.1' }, name: 'demo-pkg', files, versions: [] }) };
}

const rate = (fn: () => unknown, ms = 2000): number => callsPerSecond(fn, ms, 10);

const PIP_PARSE = `
import sys, time
from pip._internal.index.collector import IndexContent, parse_links
kind, path = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
ctype = 'application/vnd.pypi.simple.v1+json' if kind == 'json' else 'text/html'
def once():
    return list(parse_links(IndexContent(data, ctype, 'utf-8', 'https://example.org/simple/demo-pkg/', cache_link_parsing=False)))
assert len(once()) == int(sys.argv[3])
for _ in range(3): once()
n = 0; t0 = time.perf_counter()
while time.perf_counter() - t0 < 2.0:
    once(); n += 1
print(n / (time.perf_counter() - t0))
`;

async function main(): Promise<void> {
  const indexes = await discoverLocalIndexes();
  if (indexes.length === 0) {
    console.log('skipped: no local PEP 503 index on this machine');
    return;
  }
  const target = thisInterpreter();
  const fileUrls = indexes.map((i) => `${pathToFileURL(i.simpleDir).href}/`);

  console.log('1. file:// indexes (median of 5 Packwright runs, 3 pip runs)');
  for (const [name, reqs] of Object.entries(SETS)) {
    await ours(fileUrls, reqs, target, null);
    const mine: number[] = [];
    for (let i = 0; i < 5; i++) mine.push(await ours(fileUrls, reqs, target, null));
    const theirs: number[] = [];
    for (let i = 0; i < 3; i++) theirs.push(await pip(fileUrls, reqs, null));
    line(name, median(mine), median(theirs));
  }

  console.log('2. HTTP, warm caches (median of 3 warm runs each, after one filling run)');
  const servers: TestServer[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'pw-bench-http-'));
  try {
    for (const i of indexes) servers.push(await startTestServer({ root: dirname(i.simpleDir) }));
    const httpUrls = servers.map((s) => `${s.url}simple/`);
    for (const [name, reqs] of Object.entries(SETS)) {
      const mineCache = join(tmp, `pw-${name}`);
      const pipCache = join(tmp, `pip-${name}`);
      const cold = await ours(httpUrls, reqs, target, mineCache);
      const pipCold = await pip(httpUrls, reqs, pipCache);
      const mine: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < 3; i++) mine.push(await ours(httpUrls, reqs, target, mineCache));
      for (let i = 0; i < 3; i++) theirs.push(await pip(httpUrls, reqs, pipCache));
      line(`${name} (warm)`, median(mine), median(theirs));
      console.log(`${''.padEnd(34)} cold: packwright ${cold.toFixed(0)} ms (range requests), pip ${pipCold.toFixed(0)} ms (whole wheels)`);
    }
  } finally {
    for (const s of servers) await s.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  console.log('3. page parsing, 5,000 files (pages per second)');
  const pages = syntheticPages(5000);
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-pages-'));
  try {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'p.html'), pages.html);
    writeFileSync(join(dir, 'p.json'), pages.json);
    for (const kind of ['html', 'json'] as const) {
      const parse = kind === 'html' ? () => parseHtmlProjectPage(pages.html, 'https://example.org/simple/demo-pkg/', 'demo-pkg') : () => parseJsonProjectPage(pages.json, 'https://example.org/simple/demo-pkg/', 'demo-pkg');
      if (parse().files.length !== 5000) throw new Error('parse mismatch');
      const mine = rate(parse);
      const theirs = Number((await run(python, ['-c', PIP_PARSE, kind, join(dir, `p.${kind}`), '5000'])).stdout.trim());
      console.log(`${`${kind.toUpperCase()} page`.padEnd(34)} packwright ${mine.toFixed(1).padStart(6)}/s   pip ${theirs.toFixed(1).padStart(6)}/s   ratio ${(mine / theirs).toFixed(1)}x`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
