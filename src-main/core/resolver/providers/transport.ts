/**
 * Bytes from http(s):// and file:// URLs, defensively: a size limit enforced while streaming
 * (declared Content-Length first, then the bytes actually received, after any
 * Content-Encoding), an idle timeout (no headers or no bytes for that long), cancellation by
 * AbortSignal, and typed IndexErrors naming the URL for everything that goes wrong.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndexError } from './errors';

export interface TransportRequest {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Largest body accepted (bytes). */
  readonly maxBytes: number;
  /** Longest wait for the headers or the next chunk (ms). */
  readonly idleTimeoutMs: number;
  readonly signal?: AbortSignal;
  /** Called with each chunk's size (for progress). */
  readonly onBytes?: (n: number) => void;
  /** Receive the body here instead of in memory (large downloads go to a file). */
  readonly sink?: (chunk: Buffer) => Promise<void> | void;
  /** When this returns false for the status, the body is not read (e.g. a 200 to a range request). */
  readonly acceptStatus?: (status: number) => boolean;
}

export interface TransportResponse {
  readonly status: number;
  /** The URL after redirects. */
  readonly url: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body (empty when a sink received it). */
  readonly body: Buffer;
  readonly bytes: number;
}

function headersOf(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    out[k.toLowerCase()] = v;
  });
  return out;
}

/** Collect or sink a stream of chunks, enforcing the limit. */
async function drain(chunks: AsyncIterable<Uint8Array>, req: TransportRequest, onChunk: () => void, url: string): Promise<{ body: Buffer; bytes: number }> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const c of chunks) {
    onChunk();
    const chunk = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    bytes += chunk.length;
    if (bytes > req.maxBytes) throw new IndexError('TOO_LARGE', url, `Response is larger than the limit of ${req.maxBytes} bytes`);
    req.onBytes?.(chunk.length);
    if (req.sink) await req.sink(chunk);
    else parts.push(chunk);
  }
  return { body: Buffer.concat(parts), bytes };
}

async function fetchFile(req: TransportRequest): Promise<TransportResponse> {
  let path: string;
  try {
    path = fileURLToPath(req.url);
  } catch (e) {
    throw new IndexError('UNSUPPORTED_URL', req.url, `Not a local file URL: ${(e as Error).message}`);
  }
  let info = await stat(path).catch(() => null);
  // pip reads `index.html` for a file:// index URL that names a directory.
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) return { status: 404, url: req.url, headers: {}, body: Buffer.alloc(0), bytes: 0 };
  if (info.size > req.maxBytes) throw new IndexError('TOO_LARGE', req.url, `File has ${info.size} bytes, more than the limit of ${req.maxBytes}`);
  const type = path.endsWith('.json') ? 'application/vnd.pypi.simple.v1+json' : path.endsWith('.html') || path.endsWith('.htm') ? 'text/html' : 'application/octet-stream';
  const stream = createReadStream(path, { signal: req.signal });
  try {
    const { body, bytes } = await drain(stream, req, () => undefined, req.url);
    return { status: 200, url: req.url, headers: { 'content-type': type, 'content-length': String(info.size) }, body, bytes };
  } catch (e) {
    if (e instanceof IndexError) throw e;
    if (req.signal?.aborted) throw new IndexError('ABORTED', req.url, 'Cancelled', { cause: e });
    throw new IndexError('NETWORK', req.url, `Cannot read local file: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * `https://user:pass@host/…` (pip's way of giving index credentials): fetch() refuses URLs
 * with credentials, so they travel as HTTP Basic authorization instead (RFC 7617).
 */
function splitCredentials(url: string): { url: string; authorization: string | null } {
  const u = new URL(url);
  if (!u.username && !u.password) return { url, authorization: null };
  const token = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64');
  u.username = '';
  u.password = '';
  return { url: u.href, authorization: `Basic ${token}` };
}

/**
 * `url` with the credentials of `original` put back when both are on the same origin, so the
 * relative links of a private index page carry them (as with pip) — and never leave it.
 */
export function reapplyCredentials(url: string, original: string): string {
  const orig = new URL(original);
  if (!orig.username && !orig.password) return url;
  const out = new URL(url);
  if (out.origin !== orig.origin) return url;
  out.username = orig.username;
  out.password = orig.password;
  return out.href;
}

/** `url` without user name and password (for what is written to disk). */
export function stripCredentials(url: string): string {
  if (!url.includes('@')) return url;
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.href;
}

async function fetchHttp(req: TransportRequest): Promise<TransportResponse> {
  const { url: target, authorization } = splitCredentials(req.url);
  const ctrl = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort(new Error('idle timeout'));
    }, req.idleTimeoutMs);
  };
  const onAbort = (): void => ctrl.abort(req.signal?.reason);
  if (req.signal?.aborted) throw new IndexError('ABORTED', req.url, 'Cancelled');
  req.signal?.addEventListener('abort', onAbort, { once: true });
  arm();
  const fail = (e: unknown): IndexError => {
    if (e instanceof IndexError) return e;
    if (timedOut) return new IndexError('TIMEOUT', req.url, `No response for ${req.idleTimeoutMs} ms`, { cause: e });
    if (req.signal?.aborted) return new IndexError('ABORTED', req.url, 'Cancelled', { cause: e });
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (e as Error).message;
    return new IndexError('NETWORK', req.url, `Connection failed: ${detail}`, { cause: e });
  };
  try {
    const headers0: Record<string, string> = { 'user-agent': 'packwright', ...req.headers };
    if (authorization) headers0.authorization = authorization;
    const res = await fetch(target, { headers: headers0, signal: ctrl.signal, redirect: 'follow' }).catch((e: unknown) => {
      throw fail(e);
    });
    arm();
    const url = reapplyCredentials(res.url || target, req.url);
    const headers = headersOf(res.headers);
    if (req.acceptStatus && !req.acceptStatus(res.status)) {
      ctrl.abort();
      return { status: res.status, url, headers, body: Buffer.alloc(0), bytes: 0 };
    }
    const declared = headers['content-length'] === undefined ? null : Number(headers['content-length']);
    const encoded = headers['content-encoding'] !== undefined && headers['content-encoding'] !== 'identity';
    if (declared !== null && !encoded && declared > req.maxBytes) {
      ctrl.abort();
      throw new IndexError('TOO_LARGE', url, `Response declares ${declared} bytes, more than the limit of ${req.maxBytes}`);
    }
    if (!res.body) return { status: res.status, url, headers, body: Buffer.alloc(0), bytes: 0 };
    const { body, bytes } = await drain(res.body as unknown as AsyncIterable<Uint8Array>, req, arm, url).catch((e: unknown) => {
      ctrl.abort();
      throw fail(e);
    });
    if (declared !== null && !encoded && bytes !== declared) {
      throw new IndexError('SIZE_MISMATCH', url, `Received ${bytes} bytes, ${declared} declared`);
    }
    return { status: res.status, url, headers, body, bytes };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}

/** Fetch a URL's bytes (http, https or file). Statuses are returned, not thrown. */
export function transportFetch(req: TransportRequest): Promise<TransportResponse> {
  if (req.url.startsWith('file:')) return fetchFile(req);
  if (req.url.startsWith('http:') || req.url.startsWith('https:')) return fetchHttp(req);
  return Promise.reject(new IndexError('UNSUPPORTED_URL', req.url, 'Only http, https and file URLs are supported'));
}
