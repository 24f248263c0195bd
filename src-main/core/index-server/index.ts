/**
 * Packwright index: public API for the app and the CLI (see README.md in this folder).
 */
import type { IndexStore } from './store';
import { isLive, stagedFiles, type SessionRow } from './staging-store';

export { startIndexServer, type IndexServerOptions, type RunningIndexServer } from './server';
export { IndexStore } from './store';
export { createToken, listTokens, revokeToken, type TokenInfo } from './tokens';
export { setYanked, deleteFiles, setProjectStatus } from './store-write';

/** What the index holds, for display (the app's Releases workspace). */
export interface IndexContents {
  readonly projects: {
    readonly name: string;
    readonly displayName: string;
    readonly status: string;
    readonly releases: {
      readonly version: string;
      readonly yanked: boolean;
      readonly yankedReason: string | null;
      readonly files: { readonly filename: string; readonly size: number; readonly sha256: string; readonly uploadTime: string }[];
    }[];
  }[];
  readonly sessions: {
    readonly id: string;
    readonly project: string;
    readonly version: string;
    readonly status: string;
    readonly expiresAt: string;
    readonly files: { readonly filename: string; readonly status: string }[];
  }[];
}

/** Projects, releases, files and live publishing sessions of a store. */
export function describeIndex(store: IndexStore): IndexContents {
  const rows = store.db.prepare('SELECT name, display_name, status FROM projects ORDER BY name').all() as { name: string; display_name: string; status: string }[];
  const projects = rows.map((p) => {
    const files = store.files(p.name);
    return {
      name: p.name,
      displayName: p.display_name,
      status: p.status,
      releases: store.releases(p.name).map((r) => ({
        version: r.version,
        yanked: r.yanked !== 0,
        yankedReason: r.yanked_reason,
        files: files.filter((f) => f.canonicalVersion === r.canonical_version).map((f) => ({ filename: f.filename, size: f.size, sha256: f.sha256, uploadTime: f.uploadTime })),
      })),
    };
  });
  const sessions = (store.db.prepare('SELECT * FROM sessions ORDER BY created DESC').all() as SessionRow[]).filter(isLive).map((s) => ({
    id: s.id,
    project: s.display_name,
    version: s.version,
    status: s.status,
    expiresAt: s.expires,
    files: stagedFiles(store, s.id).map((f) => ({ filename: f.filename, status: f.status })),
  }));
  return { projects, sessions };
}
