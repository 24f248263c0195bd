/**
 * Small HTTP helpers shared by the index routes.
 *
 * Legacy upload errors travel in the HTTP reason phrase ("400 File already exists …"), which
 * twine prints; a reason phrase must be ISO-8859-1 without control characters, so other
 * characters become `?` (as PyPI's WSGI stack does) and the full text also goes in the body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Make text safe for a reason phrase. */
export function reasonPhrase(message: string): string {
  return message.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e\xa0-\xff]/g, '?').slice(0, 1024);
}

export interface SendOptions {
  readonly headers?: Record<string, string | number>;
  /** Put `message` in the reason phrase too (legacy upload API). */
  readonly reason?: string;
}

function setCommon(res: ServerResponse, extra: Record<string, string | number> = {}): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
}

/** Send a complete body. */
export function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, opts: SendOptions = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  setCommon(res, opts.headers);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', buf.length);
  if (opts.reason !== undefined) res.statusMessage = reasonPhrase(opts.reason);
  res.statusCode = status;
  res.end(res.req.method === 'HEAD' ? undefined : buf);
}

/** A PyPI-style error page: the message in the reason phrase and at the end of the HTML body. */
export function sendLegacyError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const esc = message.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const body = `<html>\n <head>\n  <title>${status} ${reasonPhrase(message)}</title>\n </head>\n <body>\n  <h1>${status} ${esc}</h1>\n  ${esc}\n </body>\n</html>\n`;
  send(res, status, 'text/html; charset=UTF-8', body, { reason: message, headers });
}

/** Plain-text error for the read APIs. */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  send(res, status, 'text/plain; charset=utf-8', text.endsWith('\n') ? text : `${text}\n`, { headers });
}

export function sendJson(res: ServerResponse, status: number, value: unknown, contentType = 'application/json', headers: Record<string, string | number> = {}): void {
  send(res, status, contentType, JSON.stringify(value), { headers });
}

export function redirect(res: ServerResponse, status: 301 | 308, location: string): void {
  send(res, status, 'text/plain; charset=utf-8', `Moved to ${location}\n`, { headers: { Location: location } });
}

/** Read a small request body, refusing more than `limit` bytes without buffering them. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}

/**
 * Answer a request without consuming its body: drain up to `drainLimit` more bytes so that
 * ordinary clients (which send the whole body before reading) still get the answer, and drop the
 * connection if more arrives — an oversized body is never read to its end.
 */
export function abandonBody(req: IncomingMessage, res: ServerResponse, drainLimit = 8 * 1024 * 1024): void {
  if (drainLimit <= 0) res.setHeader('Connection', 'close');
  // The socket is detached from `req` once the exchange completes; keep our own reference.
  const socket = req.socket ?? res.socket;
  const destroy = () => socket?.destroy();
  let drained = 0;
  const cut = () => {
    if (res.writableFinished) destroy();
    else res.once('finish', destroy);
  };
  // A client that stops sending once it has the answer must not hold the connection open:
  // after the answer, one idle second without body bytes closes it.
  let idle: NodeJS.Timeout | null = null;
  const arm = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(destroy, 1000);
    idle.unref();
  };
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (idle) arm();
    if (drained > drainLimit) {
      if (!res.headersSent) res.setHeader('Connection', 'close');
      req.removeAllListeners('data');
      req.pause();
      cut();
    }
  });
  res.once('finish', () => {
    if (!req.readableEnded) arm();
  });
  req.once('end', () => {
    if (idle) clearTimeout(idle);
  });
  req.resume();
}

/** Human size for messages ("100 MB"). */
export function megabytes(bytes: number): number {
  return Math.floor(bytes / (1024 * 1024));
}
