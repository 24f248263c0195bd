/**
 * Handlers for `releases.*`: the app's local package index (start/stop, contents, yank,
 * delete, tokens, PEP 694 sessions). Thin: core/releases does the work.
 *
 * Token secrets pass through `createToken`'s result only; nothing here logs inputs or outputs.
 */
import { implement } from '@orpc/server';
import { contract } from '../contract';
import { ReleasesError } from '../core/releases/errors';
import {
  cancelStagedRelease,
  createUploadToken,
  deleteFromIndex,
  listUploadTokens,
  publishStagedRelease,
  revokeUploadToken,
  unyankRelease,
  yankRelease,
} from '../core/releases/index-admin';
import { readContents } from '../core/releases/index-contents';
import type { ApiContext } from './context';
import { appError, toAppError } from './errors';

const os = implement(contract).$context<ApiContext>();

async function guard<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ReleasesError) throw appError(err.code, err.message, err.hint ? { hint: err.hint } : {});
    throw toAppError(err);
  }
}

const ok = { ok: true as const };

function status(context: ApiContext) {
  return context.services.localIndex.status().then((s) => ({
    ...s,
    server: s.server ? { ...s.server, mirrors: [...s.server.mirrors] } : null,
    localIndexes: [...s.localIndexes],
  }));
}

export const releasesRouter = {
  status: os.releases.status.handler(({ context }) => guard(() => status(context))),
  start: os.releases.start.handler(({ input, context }) =>
    guard(async () => {
      await context.services.localIndex.start(input);
      return status(context);
    }),
  ),
  stop: os.releases.stop.handler(({ context }) =>
    guard(async () => {
      await context.services.localIndex.stop();
      return status(context);
    }),
  ),
  contents: os.releases.contents.handler(({ context }) =>
    guard(async () => {
      const manager = context.services.localIndex;
      const { revision } = await manager.status();
      const { store, url } = manager.require();
      const c = readContents(store, url);
      return {
        revision,
        projects: c.projects.map((p) => ({ ...p, releases: p.releases.map((r) => ({ ...r, files: r.files.map((f) => ({ ...f, hashes: { ...f.hashes } })) })) })),
        sessions: c.sessions.map((s) => ({ ...s, files: s.files.map((f) => ({ ...f })) })),
      };
    }),
  ),
  yank: os.releases.yank.handler(({ input, context }) =>
    guard(() => {
      yankRelease(context.services.localIndex.require().store, input.project, input.version, input.reason ?? null);
      return ok;
    }),
  ),
  unyank: os.releases.unyank.handler(({ input, context }) =>
    guard(() => {
      unyankRelease(context.services.localIndex.require().store, input.project, input.version);
      return ok;
    }),
  ),
  delete: os.releases.delete.handler(({ input, context }) =>
    guard(() => ({ deleted: deleteFromIndex(context.services.localIndex.require().store, input.project, input.version, input.filenames ?? null) })),
  ),
  listTokens: os.releases.listTokens.handler(({ context }) =>
    guard(() => listUploadTokens(context.services.localIndex.require().store).map((t) => ({ ...t, projects: t.projects ? [...t.projects] : null }))),
  ),
  createToken: os.releases.createToken.handler(({ input, context }) =>
    guard(() => {
      const { token, info } = createUploadToken(context.services.localIndex.require().store, input.projects, input.description);
      return { token, info: { ...info, projects: info.projects ? [...info.projects] : null } };
    }),
  ),
  revokeToken: os.releases.revokeToken.handler(({ input, context }) =>
    guard(() => {
      revokeUploadToken(context.services.localIndex.require().store, input.id);
      return ok;
    }),
  ),
  publishSession: os.releases.publishSession.handler(({ input, context }) =>
    guard(() => {
      publishStagedRelease(context.services.localIndex.require().store, input.sessionId);
      return ok;
    }),
  ),
  cancelSession: os.releases.cancelSession.handler(({ input, context }) =>
    guard(() => {
      cancelStagedRelease(context.services.localIndex.require().store, input.sessionId);
      return ok;
    }),
  ),
};
