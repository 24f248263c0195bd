/**
 * The Packwright index HTTP server: routing, authentication, access log, lifecycle.
 *
 * Binds 127.0.0.1 unless told otherwise. URL map (README.md in this folder):
 * `/simple/…` Simple API, `/files/…` distributions and PEP 658 metadata, `/mirror/<i>/…`
 * read-only trees, `/pypi/<p>[/<v>]/json` JSON API, `POST /legacy/` uploads, `/upload/…` PEP 694
 * sessions, `/stage/<session-token>/simple/…` a session's private preview index.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AccessLog } from './access-log';
import { Catalog } from './catalog';
import { redirect, sendJson, sendLegacyError, sendText } from './http-util';
import { handleLegacyUpload, type UploadConfig } from './legacy-upload';
import { MirrorSet } from './mirror';
import { PageCache, serveFile, serveJsonApi, serveMirror, serveSimple, type ReadContext } from './routes-read';
import { DEFAULT_POLICY, type WritePolicy } from './store-write';
import { IndexStore } from './store';
import { expireSessions, sessionByStageToken } from './staging-store';
import { verifyToken, type TokenInfo } from './tokens';
import { handleUpload2 } from './upload2-api';

export interface IndexServerOptions {
  /** Store folder (created if missing). */
  readonly root: string;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** PEP 503 `simple/` folders served read-only (e.g. from `discoverLocalIndexes()`). */
  readonly mirrors?: readonly string[];
  /** Largest distribution file accepted (default 100 MiB, PyPI's default limit). */
  readonly maxFileSize?: number;
  /** Largest total size of one project (default 10 GiB, PyPI's default limit). */
  readonly maxProjectSize?: number;
  /** Access log file; null disables it. Default `<root>/logs/access.log`. */
  readonly accessLog?: string | null;
  readonly policy?: WritePolicy;
}

export interface RunningIndexServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly store: IndexStore;
  close(): Promise<void>;
}

/** Parse `Authorization` (Basic `__token__:<token>` or Bearer) into a verified token. */
export function authenticate(store: IndexStore, header: string | undefined): TokenInfo | null {
  if (!header) return null;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2) as [string, string?];
  let secret: string | null = null;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0 && decoded.slice(0, colon) === '__token__') secret = decoded.slice(colon + 1);
  } else if (/^bearer$/i.test(scheme)) {
    secret = value;
  }
  return secret ? verifyToken(store.db, secret) : null;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Start the server; resolves once it listens. */
export async function startIndexServer(options: IndexServerOptions): Promise<RunningIndexServer> {
  const store = IndexStore.open(options.root);
  expireSessions(store);
  const mirror = options.mirrors?.length ? new MirrorSet(options.mirrors) : null;
  const ctx: ReadContext = { catalog: new Catalog(store, mirror), cache: new PageCache() };
  store.onChange(() => ctx.cache.clear());
  const upload: UploadConfig = {
    maxFileSize: options.maxFileSize ?? 100 * 1024 * 1024,
    maxProjectSize: options.maxProjectSize ?? 10 * 1024 ** 3,
    policy: options.policy ?? DEFAULT_POLICY,
  };
  const log = options.accessLog === null ? null : new AccessLog(options.accessLog ?? join(options.root, 'logs', 'access.log'));
  let lastPoll = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse, token: TokenInfo | null): Promise<void> => {
    // Dot segments (also percent-encoded) are refused before URL parsing would resolve them.
    if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test((req.url ?? '/').split('?')[0]!)) return sendText(res, 404, 'Not Found');
    const url = new URL(req.url ?? '/', 'http://index.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const base = `http://${req.headers.host ?? 'localhost'}`;
    const now = Date.now();
    if (now - lastPoll > 200) {
      lastPoll = now;
      store.pollExternalChanges();
    }
    if (path === '/legacy' && method === 'POST') return redirect(res, 308, '/legacy/');
    if (path === '/legacy/') {
      if (method !== 'POST') return sendLegacyError(res, 405, 'Method Not Allowed');
      return handleLegacyUpload(req, res, store, upload, token, url.searchParams);
    }
    if (path === '/upload' || path.startsWith('/upload/')) {
      return handleUpload2(req, res, { store, base, maxFileSize: upload.maxFileSize }, token, path.slice('/upload'.length));
    }
    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    let prefix = '';
    let rest = path;
    let stage = null;
    const sm = /^\/stage\/([A-Za-z0-9_-]{16,})(\/.*)?$/.exec(path);
    if (sm) {
      stage = sessionByStageToken(store, sm[1]!);
      if (!stage) return sendText(res, 404, 'Not Found');
      prefix = `/stage/${sm[1]}`;
      rest = sm[2] ?? '/';
    }
    if (rest === '/simple' || rest.startsWith('/simple/')) return serveSimple(req, res, ctx, url, rest.slice('/simple'.length), stage, prefix);
    if (rest.startsWith('/files/')) return serveFile(req, res, ctx, rest.slice('/files'.length), stage);
    if (rest.startsWith('/mirror/')) return serveMirror(req, res, ctx, rest.slice('/mirror'.length));
    if (!stage && rest.startsWith('/pypi/')) return serveJsonApi(res, ctx, rest.slice('/pypi'.length), base);
    if (rest === '/') {
      return sendJson(res, 200, {
        name: 'Packwright index',
        simple: `${base}${prefix}/simple/`,
        ...(stage ? {} : { legacy_upload: `${base}/legacy/`, upload_v2: `${base}/upload/`, json_api: `${base}/pypi/<project>/json` }),
      });
    }
    sendText(res, 404, 'Not Found');
  };

  const server: Server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    let token: TokenInfo | null = null;
    try {
      token = req.headers.authorization ? authenticate(store, req.headers.authorization) : null;
    } catch {
      token = null;
    }
    res.on('finish', () => {
      log?.write({
        time: new Date().toISOString(),
        method: req.method ?? '',
        path: req.url ?? '',
        status: res.statusCode,
        bytes: Number(res.getHeader('content-length') ?? 0),
        type: String(res.getHeader('content-type') ?? ''),
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        ua: String(req.headers['user-agent'] ?? ''),
        token: token?.id ?? '-',
      });
    });
    handle(req, res, token).catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${(err as Error).message}`);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.requestTimeout = 0;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${hostForUrl(host)}:${port}/`,
    host,
    port,
    store,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await log?.close();
      store.close();
    },
  };
}
