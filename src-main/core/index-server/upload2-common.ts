/**
 * Shared pieces of the PEP 694 (Upload 2.0, Draft) API: media type, RFC 9457 problem bodies,
 * request parsing and the session / file JSON bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody, send } from './http-util';
import type { IndexStore } from './store';
import { stagedFiles, type SessionRow, type StagedRow } from './staging-store';

export const UPLOAD_V2 = 'application/vnd.pypi.upload.v2+json';
export const META = { 'api-version': '2.0' } as const;

/** An Upload 2.0 failure, answered as an RFC 9457 problem document. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly details: string = title,
    readonly errors: readonly { source: string; message: string }[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(details);
  }
}

export function sendProblem(res: ServerResponse, p: ApiProblem): void {
  const body = {
    type: 'about:blank',
    status: p.status,
    title: p.title,
    details: p.details,
    meta: META,
    errors: p.errors.length ? p.errors : [{ source: '', message: p.details }],
  };
  send(res, p.status, 'application/problem+json', JSON.stringify(body), { headers: p.headers });
}

export function sendV2(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string | number> = {}): void {
  send(res, status, UPLOAD_V2, JSON.stringify({ meta: META, ...body }), { headers });
}

/** Read and check a JSON request (media type, `meta.api-version` major 2). */
export async function readRequest(req: IncomingMessage, allowEmpty = false): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  let raw: Buffer;
  try {
    raw = await readBody(req, 64 * 1024);
  } catch (err) {
    if (err instanceof BodyTooLarge) throw new ApiProblem(413, 'Request body too large', `JSON requests are limited to ${err.limit} bytes.`);
    throw err;
  }
  if (raw.length === 0 && allowEmpty) return {};
  if (type !== UPLOAD_V2 && type !== 'application/json') {
    throw new ApiProblem(415, 'Unsupported media type', `Send Content-Type: ${UPLOAD_V2}.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiProblem(400, 'Malformed JSON', 'The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ApiProblem(400, 'Malformed request', 'The request body must be a JSON object.');
  const meta = (body as { meta?: { 'api-version'?: unknown } }).meta;
  const v = meta?.['api-version'];
  if (v !== undefined && (typeof v !== 'string' || !/^2\.\d+$/.test(v))) {
    throw new ApiProblem(406, 'Unsupported API version', `This server implements Upload API 2.0, not ${String(v)}.`);
  }
  return body as Record<string, unknown>;
}

/** URLs of a session and its files. */
export interface Links {
  readonly base: string;
  session(s: SessionRow): string;
  file(s: SessionRow, fileId: string): string;
  stage(s: SessionRow): string;
}

export function makeLinks(base: string): Links {
  return {
    base,
    session: (s) => `${base}/upload/session/${s.id}`,
    file: (s, id) => `${base}/upload/session/${s.id}/files/${id}`,
    stage: (s) => `${base}/stage/${s.stage_token}/simple/`,
  };
}

/** PEP 694 publishing session body. */
export function sessionBody(store: IndexStore, s: SessionRow, links: Links, notices: string[] = []): Record<string, unknown> {
  const live = s.status === 'open' || s.status === 'error';
  const files: Record<string, unknown> = {};
  for (const f of stagedFiles(store, s.id)) {
    files[f.filename] = { status: f.status, link: links.file(s, f.id), ...(f.error ? { notices: [f.error] } : {}) };
  }
  const session = links.session(s);
  return {
    links: {
      ...(live ? { stage: links.stage(s) } : {}),
      upload: `${session}/files`,
      session,
      publish: `${session}/publish`,
      extend: `${session}/extend`,
    },
    mechanisms: ['http-post-bytes'],
    ...(live ? { 'session-token': s.stage_token } : {}),
    'expires-at': s.expires,
    status: s.status,
    files,
    notices,
  };
}

/** PEP 694 file upload session body. */
export function fileBody(s: SessionRow, f: StagedRow, links: Links): Record<string, unknown> {
  const url = links.file(s, f.id);
  return {
    links: { 'file-upload-session': url, complete: `${url}/complete`, extend: `${url}/extend` },
    status: f.status,
    'expires-at': f.expires,
    mechanism: { identifier: 'http-post-bytes', file_url: `${url}/content` },
    ...(f.error ? { notices: [f.error] } : {}),
  };
}
