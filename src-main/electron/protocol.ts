/**
 * `app://packwright/…` serves the built renderer (Electron security checklist §18: avoid
 * file://). Paths are resolved under the renderer folder; anything escaping it is refused.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CSP } from '../server/security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'packwright';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Pure resolver (unit-tested): the file for a request URL, or null when refused. */
export function resolveAppUrl(rendererDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const file = normalize(join(rendererDir, rel === '/' || rel === '' ? 'index.html' : rel));
  const root = rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep;
  return file.startsWith(root) ? file : null;
}

export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppUrl(rendererDir, request.url);
    if (!file) return new Response('forbidden', { status: 403 });
    try {
      const body = await readFile(file);
      const ext = extname(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[ext] ?? 'application/octet-stream',
          'x-content-type-options': 'nosniff',
          ...(ext === '.html' ? { 'content-security-policy': CSP } : {}),
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
