/**
 * The index client against a fault-injecting HTTP server: negotiation, typed errors for
 * broken or hostile responses (dropped connections, lying sizes, endless bodies, silence,
 * malformed pages, unknown API versions), the HTTP cache (max-age, no-store, no-cache, ETag
 * revalidation, offline mode) and bounded, cancellable concurrency.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexError } from './errors';
import { ACCEPT, IndexClient } from './index-client';
import { TaskQueue } from './queue';
import { buildIndexTree } from './testing/build-tree';
import { startTestServer } from './testing/test-server';
import type { TestServer } from './testing/test-server';

let dir: string;
let server: TestServer;
let simple: string;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!(e instanceof IndexError)) throw e;
    expect(e.message).toContain('http://127.0.0.1');
    return e.code;
  }
}

const hook = (path: string, fn: (res: ServerResponse) => void): void => {
  server.hooks.set(path, (_req, res) => {
    fn(res);
    return true;
  });
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-faults-'));
  await buildIndexTree(dir, [
    { name: 'alpha', version: '1.0', requiresPython: '>=3.8' },
    { name: 'alpha', version: '2.0', yanked: 'broken' },
  ]);
  server = await startTestServer({ root: dir });
  simple = `${server.url}simple/`;
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('negotiation and page errors', () => {
  it('sends PEP 691 Accept q-values and reads the HTML answer', async () => {
    const page = await new IndexClient().projectPage(simple, 'Alpha');
    expect(server.requests.at(-1)?.headers.accept).toBe(ACCEPT.any);
    expect(server.requests.at(-1)?.path).toBe('/simple/alpha/');
    expect(page?.files.map((f) => f.version)).toEqual(['1.0', '2.0']);
    expect(page?.files[1]?.yanked).toEqual({ reason: 'broken' });
  });

  it('reads JSON when the server answers JSON, and refuses an unknown major version', async () => {
    const body = { meta: { 'api-version': '1.1' }, name: 'j', files: [{ filename: 'j-1.0.tar.gz', url: '/f/j-1.0.tar.gz', hashes: { sha256: 'AA' }, size: 3 }], versions: ['1.0'] };
    hook('/simple/j/', (res) => res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' }).end(JSON.stringify(body)));
    const page = await new IndexClient().projectPage(simple, 'j', { format: 'json' });
    expect(page).toMatchObject({ format: 'json', versions: ['1.0'], files: [{ url: `${server.url}f/j-1.0.tar.gz`, size: 3, hashes: { sha256: 'aa' } }] });
    expect(server.requests.at(-1)?.headers.accept).toBe(ACCEPT.json);
    hook('/simple/v2/', (res) => res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v2+json' }).end('{}'));
    expect(await codeOf(new IndexClient().projectPage(simple, 'v2'))).toBe('UNSUPPORTED_API_VERSION');
  });

  it('gives typed errors naming the URL', async () => {
    hook('/simple/badjson/', (res) => res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' }).end('{"files": [}'));
    hook('/simple/badhtml/', (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><a href="x-1.0.tar.gz'));
    hook('/simple/png/', (res) => res.writeHead(200, { 'content-type': 'image/png' }).end('x'));
    hook('/simple/boom/', (res) => res.writeHead(500).end());
    const client = new IndexClient();
    expect(await codeOf(client.projectPage(simple, 'badjson'))).toBe('MALFORMED_JSON');
    expect(await codeOf(client.projectPage(simple, 'badhtml'))).toBe('MALFORMED_HTML');
    expect(await codeOf(client.projectPage(simple, 'png'))).toBe('CONTENT_TYPE');
    expect(await codeOf(client.projectPage(simple, 'boom'))).toBe('HTTP_STATUS');
    expect(await client.projectPage(simple, 'missing')).toBeNull();
  });
});

describe('hostile transports', () => {
  it('fails cleanly when the connection drops mid-response', async () => {
    hook('/simple/drop/', (res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
      res.write('<html><body>'.padEnd(5000, ' '));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    expect(await codeOf(new IndexClient().projectPage(simple, 'drop'))).toBe('NETWORK');
  });

  it('refuses a declared 10 GB body before reading it, and an endless chunked body at the limit', async () => {
    let sent = 0;
    hook('/simple/huge/', (res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 ** 3) });
      res.write(Buffer.alloc(64 * 1024));
    });
    hook('/simple/endless/', (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const pump = (): void => {
        while (!res.destroyed && sent < 10 * 1024 ** 3) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      res.on('close', () => undefined);
      pump();
    });
    const client = new IndexClient({ limits: { maxPageBytes: 2 * 1024 ** 2 } });
    expect(await codeOf(client.projectPage(simple, 'huge'))).toBe('TOO_LARGE');
    expect(await codeOf(client.projectPage(simple, 'endless'))).toBe('TOO_LARGE');
    // The client hung up: the server stopped far short of 10 GB.
    expect(sent).toBeLessThan(64 * 1024 ** 2);
  });

  it('detects a body shorter than its Content-Length', async () => {
    hook('/simple/short/', (res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '50' });
      res.write('<html></html>', () => res.socket?.end());
    });
    expect(['SIZE_MISMATCH', 'NETWORK']).toContain(await codeOf(new IndexClient().projectPage(simple, 'short')));
  });

  it('times out a silent server', async () => {
    server.hooks.set('/simple/silent/', () => true);
    expect(await codeOf(new IndexClient({ idleTimeoutMs: 300 }).projectPage(simple, 'silent'))).toBe('TIMEOUT');
  });

  it('is cancellable with an AbortSignal', async () => {
    server.hooks.set('/simple/slow/', () => true);
    const ctrl = new AbortController();
    const p = new IndexClient().projectPage(simple, 'slow', { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    expect(await codeOf(p)).toBe('ABORTED');
  });
});

describe('HTTP cache', () => {
  const names = ['c-fresh', 'c-nostore', 'c-nocache', 'c-etag'];
  beforeAll(async () => {
    await buildIndexTree(dir, names.map((name) => ({ name, version: '1.0' })));
  });
  const countFor = (name: string): number => server.requests.filter((r) => r.path === `/simple/${name}/`).length;

  it('serves a fresh max-age response without a request, and offline from the cache', async () => {
    const cacheDir = join(dir, 'cache-fresh');
    server.options = { ...server.options, cacheControl: 'max-age=600' };
    const first = await new IndexClient({ cacheDir }).projectPage(simple, 'c-fresh');
    const again = new IndexClient({ cacheDir });
    const second = await again.projectPage(simple, 'c-fresh');
    expect(countFor('c-fresh')).toBe(1);
    expect(again.fetcher.stats).toMatchObject({ requests: 0, cacheHits: 1 });
    expect(second).toEqual(first);
    const offline = new IndexClient({ cacheDir, offline: true });
    expect((await offline.projectPage(simple, 'c-fresh'))?.files).toHaveLength(1);
    expect(await codeOf(offline.projectPage(simple, 'never-fetched'))).toBe('OFFLINE_MISS');
    expect(offline.fetcher.stats.requests).toBe(0);
  });

  it('does not store no-store responses', async () => {
    const cacheDir = join(dir, 'cache-nostore');
    server.options = { ...server.options, cacheControl: 'no-store' };
    await new IndexClient({ cacheDir }).projectPage(simple, 'c-nostore');
    await new IndexClient({ cacheDir }).projectPage(simple, 'c-nostore');
    const reqs = server.requests.filter((r) => r.path === '/simple/c-nostore/');
    expect(reqs).toHaveLength(2);
    expect(reqs[1]?.headers['if-none-match']).toBeUndefined();
    expect(await codeOf(new IndexClient({ cacheDir, offline: true }).projectPage(simple, 'c-nostore'))).toBe('OFFLINE_MISS');
  });

  it('revalidates no-cache and validator-only responses with If-None-Match (304)', async () => {
    for (const [name, cc] of [['c-nocache', 'no-cache, max-age=600'], ['c-etag', '']] as const) {
      const cacheDir = join(dir, `cache-${name}`);
      server.options = { ...server.options, cacheControl: cc };
      await new IndexClient({ cacheDir }).projectPage(simple, name);
      const second = new IndexClient({ cacheDir });
      expect((await second.projectPage(simple, name))?.files).toHaveLength(1);
      const reqs = server.requests.filter((r) => r.path === `/simple/${name}/`);
      expect(reqs).toHaveLength(2);
      expect(reqs[1]?.headers['if-none-match']).toMatch(/^"/);
      expect(second.fetcher.stats).toMatchObject({ requests: 1, revalidated: 1, bytes: 0 });
    }
    server.options = { ...server.options, cacheControl: '' };
  });

  it('caches "not found" so that offline runs know an index lacks a project', async () => {
    const cacheDir = join(dir, 'cache-404');
    expect(await new IndexClient({ cacheDir }).projectPage(simple, 'nowhere')).toBeNull();
    expect(await new IndexClient({ cacheDir, offline: true }).projectPage(simple, 'nowhere')).toBeNull();
  });
});

describe('bounded concurrency', () => {
  it('never runs more than the limit and drops cancelled waiters', async () => {
    let active = 0;
    let peak = 0;
    for (let i = 0; i < 12; i++) {
      server.hooks.set(`/simple/par${i}/`, (_req, res) => {
        active++;
        peak = Math.max(peak, active);
        setTimeout(() => {
          active--;
          res.writeHead(404).end();
        }, 40);
        return true;
      });
    }
    const client = new IndexClient({ concurrency: 3 });
    const ctrl = new AbortController();
    const all = Array.from({ length: 12 }, (_, i) => client.projectPage(simple, `par${i}`, { signal: i >= 8 ? ctrl.signal : undefined }));
    ctrl.abort();
    const results = await Promise.allSettled(all);
    expect(peak).toBeLessThanOrEqual(3);
    expect(results.slice(0, 8).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results.slice(8).every((r) => r.status === 'rejected')).toBe(true);
  });

  it('TaskQueue rejects a waiting task when its signal aborts', async () => {
    const q = new TaskQueue(1);
    let release!: () => void;
    const first = q.run(() => new Promise<void>((r) => (release = r)));
    const ctrl = new AbortController();
    const second = q.run(async () => 'ran', ctrl.signal);
    expect(q.pending).toBe(1);
    ctrl.abort(new Error('stop'));
    await expect(second).rejects.toThrow('stop');
    expect(q.pending).toBe(0);
    release();
    await first;
  });
});
