/**
 * Read routes: Simple API pages (PEP 503/691, negotiated), distribution files and their PEP 658
 * `.metadata`, read-only mirrored files, and the JSON API. The same routes serve a stage when
 * mounted under `/stage/<session-token>/` (PEP 694 preview: a complete index incl. staged files).
 *
 * Pages are rendered once and kept in memory with an ETag until the store changes, so a page
 * request costs a map lookup and a socket write.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveBlob } from './blobs';
import type { Catalog } from './catalog';
import { redirect, send, sendJson, sendText } from './http-util';
import { renderJsonApi } from './json-api';
import { negotiate, type Negotiated } from './negotiate';
import { renderIndexHtml, renderIndexJson, renderProjectHtml, renderProjectJson } from './simple-render';
import { normalizeName } from './std';
import { isValidName } from '../standards/names';
import { stagedFiles, type SessionRow } from './staging-store';

interface CachedPage {
  readonly body: Buffer;
  readonly etag: string;
  readonly serial: number;
}

/** Rendered pages by (stage, project, format); cleared whenever the store changes. */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();

  get(key: string, build: () => { text: string; serial: number } | null): CachedPage | null {
    const hit = this.pages.get(key);
    if (hit) return hit;
    const built = build();
    if (!built) return null;
    const body = Buffer.from(built.text, 'utf8');
    const page = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, serial: built.serial };
    if (this.pages.size > 20_000) this.pages.clear();
    this.pages.set(key, page);
    return page;
  }

  clear(): void {
    this.pages.clear();
  }
}

export interface ReadContext {
  readonly catalog: Catalog;
  readonly cache: PageCache;
}

function sendPage(req: IncomingMessage, res: ServerResponse, page: CachedPage, neg: Negotiated): void {
  const headers = {
    Vary: 'Accept',
    ETag: page.etag,
    'X-PyPI-Last-Serial': page.serial,
    'Cache-Control': 'max-age=0, must-revalidate',
  };
  if (req.headers['if-none-match'] === page.etag) {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.statusCode = 304;
    res.end();
    return;
  }
  send(res, 200, neg.format === 'json' ? neg.contentType : `${neg.contentType}; charset=utf-8`, page.body, { headers });
}

/** GET /simple/ and /simple/<name>/ (`prefix` is '' or '/stage/<token>'). */
export function serveSimple(req: IncomingMessage, res: ServerResponse, ctx: ReadContext, url: URL, rest: string, stage: SessionRow | null, prefix: string): void {
  const neg = negotiate(req.headers.accept, url.searchParams.get('format'), req.headers['user-agent']);
  if (!neg) {
    sendText(res, 406, 'Not Acceptable: this index serves application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html and text/html.', { Vary: 'Accept' });
    return;
  }
  const scope = stage ? stage.id : '';
  if (rest === '' || rest === '/') {
    if (rest === '') return redirect(res, 301, `${prefix}/simple/${url.search}`);
    const page = ctx.cache.get(`${scope}||${neg.format}`, () => {
      const projects = ctx.catalog.projectList(stage);
      const serial = ctx.catalog.store.lastSerial();
      return { text: neg.format === 'json' ? renderIndexJson(projects, serial) : renderIndexHtml(projects, serial), serial };
    });
    return sendPage(req, res, page!, neg);
  }
  const m = /^\/([^/]+)(\/?)$/.exec(rest);
  const raw = m ? safeDecode(m[1]!) : null;
  if (!m || raw === null || !isValidName(raw)) return sendText(res, 404, 'Not Found');
  const name = normalizeName(raw);
  // PEP 503: clients must request the normalized name; PyPI redirects other spellings.
  if (raw !== name || m[2] !== '/') return redirect(res, 301, `${prefix}/simple/${name}/${url.search}`);
  const page = ctx.cache.get(`${scope}|${name}|${neg.format}`, () => {
    const p = ctx.catalog.projectPage(name, stage);
    return p ? { text: neg.format === 'json' ? renderProjectJson(p) : renderProjectHtml(p), serial: p.lastSerial } : null;
  });
  if (!page) return sendText(res, 404, 'Not Found', { Vary: 'Accept' });
  sendPage(req, res, page, neg);
}

/** Decode one URL path segment; null when it is unsafe (traversal, separators, NUL). */
export function safeDecode(segment: string): string | null {
  let s: string;
  try {
    s = decodeURIComponent(segment);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (s === '' || s === '.' || s === '..' || /[/\\\u0000]/.test(s)) return null;
  return s;
}

function streamFile(req: IncomingMessage, res: ServerResponse, abs: string, etag: string | null): void {
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    return sendText(res, 404, 'Not Found');
  }
  if (etag && req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Length', size);
  if (etag) res.setHeader('ETag', etag);
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(abs);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** GET /files/<b2>/<b2>/<rest>/<filename>[.metadata] (public, or public + staged for a stage). */
export function serveFile(req: IncomingMessage, res: ServerResponse, ctx: ReadContext, rest: string, stage: SessionRow | null): void {
  const segments = rest.split('/').slice(1).map(safeDecode);
  if (segments.length !== 4 || segments.some((s) => s === null)) return sendText(res, 404, 'Not Found');
  let rel = (segments as string[]).join('/');
  const wantsMetadata = rel.endsWith('.metadata');
  if (wantsMetadata) rel = rel.slice(0, -'.metadata'.length);
  const filename = rel.slice(rel.lastIndexOf('/') + 1);
  const store = ctx.catalog.store;
  const pub = store.file(filename);
  let found: { path: string; sha256: string; metadata: () => Buffer | null } | null = pub && pub.path === rel ? { path: pub.path, sha256: pub.sha256, metadata: () => store.coreMetadata(filename) } : null;
  if (!found && stage) {
    const f = stagedFiles(store, stage.id).find((x) => x.filename === filename && x.status === 'completed' && x.path === rel);
    if (f) found = { path: f.path!, sha256: f.sha256 ?? '', metadata: () => f.core_metadata };
  }
  if (!found) return sendText(res, 404, 'Not Found');
  if (wantsMetadata) {
    const data = found.metadata();
    if (!data) return sendText(res, 404, 'Not Found');
    return send(res, 200, 'application/octet-stream', data, { headers: { ETag: `"${createHash('sha256').update(data).digest('hex')}"` } });
  }
  streamFile(req, res, resolveBlob(store.layout, found.path), `"${found.sha256}"`);
}

/** GET /mirror/<i>/<path>: a file of a read-only tree. */
export function serveMirror(req: IncomingMessage, res: ServerResponse, ctx: ReadContext, rest: string): void {
  const m = /^\/(\d+)\/(.+)$/.exec(rest);
  const mirror = ctx.catalog.mirror;
  if (!m || !mirror) return sendText(res, 404, 'Not Found');
  const parts = m[2]!.split('/').map(safeDecode);
  if (parts.some((p) => p === null)) return sendText(res, 404, 'Not Found');
  const abs = mirror.resolve(Number(m[1]), (parts as string[]).join('/'));
  if (!abs || !/\.(whl|tar\.gz|zip|tar\.bz2|tgz)$/i.test(abs)) return sendText(res, 404, 'Not Found');
  streamFile(req, res, abs, null);
}

/** GET /pypi/<project>/json and /pypi/<project>/<version>/json. */
export function serveJsonApi(res: ServerResponse, ctx: ReadContext, rest: string, base: string): void {
  const m = /^\/([^/]+)(?:\/([^/]+))?\/json\/?$/.exec(rest);
  const raw = m ? safeDecode(m[1]!) : null;
  const version = m?.[2] ? safeDecode(m[2]) : null;
  if (!m || raw === null || !isValidName(raw) || (m[2] && version === null)) return sendText(res, 404, 'Not Found');
  const name = normalizeName(raw);
  if (raw !== name) return redirect(res, 301, `/pypi/${name}${version ? `/${encodeURIComponent(version)}` : ''}/json`);
  const doc = renderJsonApi(ctx.catalog.store, name, version, base);
  if (!doc) return sendJson(res, 404, { message: 'Not Found' });
  sendJson(res, 200, doc, 'application/json', { 'X-PyPI-Last-Serial': ctx.catalog.store.projectSerial(name), 'Cache-Control': 'max-age=0, must-revalidate' });
}
