/**
 * PEP 694 (Upload 2.0, Draft) publishing-session API under `/upload/` (the root must differ from
 * the legacy URL). Routes:
 *   POST   /upload/                                   create (201 + Location; 409 + Location if live)
 *   GET    /upload/session/<id>                        status
 *   DELETE /upload/session/<id>                        cancel
 *   POST   /upload/session/<id>/publish | /extend      publish atomically | extend
 *   POST   /upload/session/<id>/legacy-token           mint a token that feeds this stage via /legacy/
 *   POST   /upload/session/<id>/files                  start a file upload session (202)
 *   GET|DELETE /upload/session/<id>/files/<fid>        file status | delete (204)
 *   POST   /upload/session/<id>/files/<fid>/content     http-post-bytes
 *   POST   /upload/session/<id>/files/<fid>/complete | /extend
 * Authorization is re-checked on every request (401 unauthenticated, 403 not allowed).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidName } from '../standards/names';
import { abandonBody, send } from './http-util';
import { canonicalizeVersion, normalizeName, tryParseVersion } from './std';
import type { IndexStore } from './store';
import {
  cancelSession,
  createSession,
  expireIfDue,
  extendSession,
  getSession,
  isLive,
  publishSession,
  removeStaged,
  setLegacyToken,
  stagedFile,
  type SessionRow,
} from './staging-store';
import { UploadRejection } from './store-write';
import { createToken, tokenAllowsProject, type TokenInfo } from './tokens';
import { ApiProblem, fileBody, makeLinks, readRequest, sendProblem, sendV2, sessionBody, type Links } from './upload2-common';
import { completeFile, receiveBytes, startFile } from './upload2-files';

export interface Upload2Context {
  readonly store: IndexStore;
  readonly base: string;
  readonly maxFileSize: number;
}

function requireAuth(token: TokenInfo | null): TokenInfo {
  if (!token) throw new ApiProblem(401, 'Unauthenticated', 'Send an API token (Authorization: Bearer <token>, or Basic __token__:<token>).', [], { 'WWW-Authenticate': 'Bearer realm="packwright-index"' });
  return token;
}

function allowed(token: TokenInfo, s: { project: string; id?: string }): boolean {
  if (token.sessionId) return token.sessionId === s.id;
  return tokenAllowsProject(token, s.project);
}

function loadSession(store: IndexStore, id: string, token: TokenInfo): SessionRow {
  const s = getSession(store, id);
  if (!s) throw new ApiProblem(404, 'No such session');
  if (!allowed(token, s)) throw new ApiProblem(403, 'Forbidden', `This token may not act on ${s.display_name}.`);
  expireIfDue(store, s);
  return getSession(store, id)!;
}

function editable(s: SessionRow): void {
  if (!isLive(s)) throw new ApiProblem(409, 'Session is not open', `The session is ${s.status}.`);
  if (s.status === 'processing') throw new ApiProblem(409, 'Session is processing');
}

async function create(req: IncomingMessage, res: ServerResponse, ctx: Upload2Context, token: TokenInfo, links: Links): Promise<void> {
  const body = await readRequest(req);
  const name = body.name;
  const version = body.version;
  if (typeof name !== 'string' || !isValidName(name)) throw new ApiProblem(400, 'Invalid project name', `${JSON.stringify(name)} is not a valid project name.`, [{ source: 'name', message: 'invalid' }]);
  const v = typeof version === 'string' ? tryParseVersion(version) : null;
  if (!v) throw new ApiProblem(400, 'Invalid version', `${JSON.stringify(version)} is not a valid version.`, [{ source: 'version', message: 'invalid' }]);
  if (v.localLabel) throw new ApiProblem(400, 'Invalid version', `The use of local versions in '${version as string}' is not allowed.`, [{ source: 'version', message: 'local version' }]);
  const project = normalizeName(name);
  // 403 wins over 409 (PEP 694: credentials are checked before the session lookup).
  if (token.sessionId || !tokenAllowsProject(token, project)) throw new ApiProblem(403, 'Forbidden', `This token may not upload to ${name}.`);
  const row = ctx.store.project(project);
  if (row && (row.status === 'archived' || row.status === 'quarantined')) throw new ApiProblem(403, 'Forbidden', `${row.display_name} is ${row.status}.`);
  const { session, created } = createSession(ctx.store, project, row?.display_name ?? name, v.toString(), canonicalizeVersion(v));
  if (!created) {
    throw new ApiProblem(409, 'Session exists', `A session for ${session.display_name} ${session.version} is already ${session.status}.`, [], { Location: links.session(session) });
  }
  const legacy = createToken(ctx.store.db, { sessionId: session.id, projects: [project], description: `legacy uploads into session ${session.id}` });
  setLegacyToken(ctx.store, session.id, legacy.info.id);
  const doc = sessionBody(ctx.store, session, links, [`Stage (pip --index-url): ${links.stage(session)}`]);
  // Index-specific data goes in `meta` under an `_`-prefixed key (PEP 694).
  send(res, 201, 'application/vnd.pypi.upload.v2+json', JSON.stringify({ meta: { 'api-version': '2.0', _packwright: { 'legacy-upload-url': `${ctx.base}/legacy/`, 'legacy-token': legacy.token } }, ...doc }), {
    headers: { Location: links.session(session) },
  });
}

/** Route one `/upload/...` request; `rest` is the path after `/upload`. */
export async function handleUpload2(req: IncomingMessage, res: ServerResponse, ctx: Upload2Context, tokenOrNull: TokenInfo | null, rest: string): Promise<void> {
  const links = makeLinks(ctx.base);
  const method = req.method ?? 'GET';
  try {
    const token = requireAuth(tokenOrNull);
    if ((rest === '/' || rest === '') && method === 'POST') return await create(req, res, ctx, token, links);
    const m = /^\/session\/([0-9a-f]{32})(?:\/(publish|extend|legacy-token|files)(?:\/([0-9a-f]{24})(?:\/(content|complete|extend))?)?)?\/?$/.exec(rest);
    if (!m) throw new ApiProblem(404, 'Not found');
    const [, id, action, fileId, fileAction] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined];
    const s = loadSession(ctx.store, id, token);
    if (!action) {
      if (method === 'GET') return sendV2(res, 200, sessionBody(ctx.store, s, links));
      if (method === 'DELETE') {
        if (s.status === 'processing') throw new ApiProblem(409, 'Session is processing');
        if (isLive(s)) cancelSession(ctx.store, s);
        return sendV2(res, 200, sessionBody(ctx.store, getSession(ctx.store, id)!, links));
      }
    } else if (action === 'publish' && method === 'POST') {
      editable(s);
      await readRequest(req, true);
      try {
        publishSession(ctx.store, s);
      } catch (err) {
        if (err instanceof UploadRejection) throw new ApiProblem(err.status, 'Publish failed', err.message);
        throw err;
      }
      return sendV2(res, 201, sessionBody(ctx.store, getSession(ctx.store, id)!, links));
    } else if (action === 'extend' && !fileId && method === 'POST') {
      editable(s);
      const body = await readRequest(req);
      const secs = Number(body['extend-for'] ?? 0);
      extendSession(ctx.store, s, Number.isFinite(secs) ? secs : 0);
      return sendV2(res, 200, sessionBody(ctx.store, getSession(ctx.store, id)!, links));
    } else if (action === 'legacy-token' && method === 'POST') {
      editable(s);
      const t = createToken(ctx.store.db, { sessionId: s.id, projects: [s.project], description: `legacy uploads into session ${s.id}` });
      return sendV2(res, 201, { 'legacy-upload-url': `${ctx.base}/legacy/`, 'legacy-token': t.token });
    } else if (action === 'files' && !fileId && method === 'POST') {
      editable(s);
      return await startFile(req, res, ctx.store, s, links, ctx.maxFileSize);
    } else if (action === 'files' && fileId) {
      const f = stagedFile(ctx.store, s.id, fileId);
      if (!f) throw new ApiProblem(404, 'No such file upload session');
      if (!fileAction && method === 'GET') return sendV2(res, 200, fileBody(s, f, links));
      editable(s);
      if (!fileAction && method === 'DELETE') {
        if (f.status === 'processing') throw new ApiProblem(409, 'File is processing');
        removeStaged(ctx.store, f);
        res.statusCode = 204;
        res.end();
        return;
      }
      if (fileAction === 'content' && method === 'POST') return await receiveBytes(req, res, ctx.store, s, f);
      if (fileAction === 'complete' && method === 'POST') return await completeFile(res, ctx.store, s, f, links);
      if (fileAction === 'extend' && method === 'POST') return sendV2(res, 200, fileBody(s, f, links));
    }
    throw new ApiProblem(405, 'Method not allowed');
  } catch (err) {
    if (err instanceof ApiProblem) {
      // Never read the rest of a refused body: drain a little (so the answer arrives), then cut.
      if (!req.readableEnded) abandonBody(req, res, 1024 * 1024);
      return sendProblem(res, err);
    }
    throw err;
  }
}
