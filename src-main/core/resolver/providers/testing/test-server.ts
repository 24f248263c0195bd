/**
 * Test utility: a tiny HTTP server over a folder, with the behaviours the index client must
 * handle — byte ranges (RFC 9110 §14), validators and Cache-Control — and hooks to inject
 * faults (dropped connections, lying sizes, wrong bytes, endless bodies, silence).
 * Every request is logged with its headers.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A handler for one path; return false to fall through to the static files. */
export type Hook = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface TestServerOptions {
  /** Folder served (`/x/` serves `x/index.html`, `index.json` when JSON is preferred). */
  readonly root: string;
  /** Answer Range requests with 206 (default true). */
  readonly ranges?: boolean;
  /** Send ETag/Last-Modified and answer conditional requests with 304 (default true). */
  readonly validators?: boolean;
  /** Cache-Control sent with every 200 (default none). */
  readonly cacheControl?: string;
}

export interface TestServer {
  readonly url: string;
  readonly requests: LoggedRequest[];
  /** Hooks by exact path (checked before static files). */
  readonly hooks: Map<string, Hook>;
  options: TestServerOptions;
  close(): Promise<void>;
}

function contentType(path: string): string {
  if (path.endsWith('.json')) return 'application/vnd.pypi.simple.v1+json';
  if (path.endsWith('.html')) return 'text/html; charset=utf-8';
  return 'application/octet-stream';
}

/** Parse one `bytes=` range against `size`; null when unsatisfiable. */
function parseRange(header: string, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Math.min(Number(m[2]), size);
    return n === 0 ? null : { start: size - n, end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

async function serveStatic(server: TestServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let path = normalize(join(server.options.root, urlPath));
  if (!path.startsWith(normalize(server.options.root))) return void res.writeHead(403).end();
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    const wantsJson = /vnd\.pypi\.simple\.v1\+json(?!;\s*q=0(\.0*)?\b)/.test(req.headers.accept ?? '');
    const json = join(path, 'index.json');
    path = wantsJson && (await stat(json).catch(() => null)) ? json : join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  const body = await readFile(path);
  const etag = `"${info.size}-${Math.floor(info.mtimeMs)}"`;
  const headers: Record<string, string> = { 'content-type': contentType(path), 'accept-ranges': server.options.ranges === false ? 'none' : 'bytes', vary: 'Accept' };
  if (server.options.validators !== false) {
    headers.etag = etag;
    headers['last-modified'] = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
  }
  if (server.options.cacheControl) headers['cache-control'] = server.options.cacheControl;
  const range = req.headers.range;
  if (range && server.options.ranges !== false) {
    const r = parseRange(range, body.length);
    if (!r) return void res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
    const part = body.subarray(r.start, r.end + 1);
    res.writeHead(206, { ...headers, 'content-range': `bytes ${r.start}-${r.end}/${body.length}`, 'content-length': String(part.length) });
    return void res.end(part);
  }
  res.writeHead(200, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

/** Start a server on 127.0.0.1 (a free port). */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const requests: LoggedRequest[] = [];
  const hooks = new Map<string, Hook>();
  const server: TestServer = { url: '', requests, hooks, options, close: async () => undefined };
  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers } });
    void (async () => {
      const hook = hooks.get(path);
      if (hook && (await hook(req, res))) return;
      await serveStatic(server, req, res);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return Object.assign(server, {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  });
}
