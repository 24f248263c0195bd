/**
 * Concurrency against the real server process: 20 concurrent uploads of distinct files each
 * land once; 20 concurrent uploads of the same (new) file land once and all succeed (PyPI: an
 * identical re-upload is a 200 no-op); 200 concurrent Simple API reads all succeed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDists, createTokenDirect, legacyUpload, startServer, tempDir, type BuiltDist, type ServerProcess } from './test-support/harness';

describe('concurrent uploads and reads', () => {
  const tmp = tempDir('pw-conc-');
  const root = `${tmp.dir}/root`;
  let server: ServerProcess;
  let token: string;
  let distinct: BuiltDist[];
  let same: BuiltDist;

  beforeAll(async () => {
    token = createTokenDirect(root);
    // 5 projects x 4 versions: races on project and release creation as well as on files.
    const specs = Array.from({ length: 20 }, (_, i) => ({ kind: 'wheel' as const, name: `pwconc-${i % 5}`, version: `1.${Math.floor(i / 5)}.0` }));
    const [srv, built] = await Promise.all([startServer(root), buildDists(`${tmp.dir}/dist`, [...specs, { kind: 'wheel', name: 'pwconc-same', version: '1.0.0' }])]);
    server = srv;
    distinct = built.slice(0, 20);
    same = built[20]!;
  });
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  function nameVersion(d: BuiltDist): { name: string; version: string } {
    const [name, version] = d.filename.split('-') as [string, string];
    return { name: name.replace(/_/g, '-'), version };
  }

  it('20 distinct files uploaded concurrently each land exactly once', async () => {
    const results = await Promise.all(distinct.map((d) => legacyUpload(server.url, token, d, nameVersion(d))));
    expect(results.map((r) => `${r.status} ${r.reason}`)).toEqual(Array(20).fill('200 OK'));
    const db = new Database(join(root, 'index.db'), { readonly: true });
    try {
      const rows = db.prepare("SELECT filename FROM files WHERE project LIKE 'pwconc-_' ORDER BY filename").all() as { filename: string }[];
      expect(rows.map((r) => r.filename)).toEqual(distinct.map((d) => d.filename).sort());
      expect((db.prepare("SELECT COUNT(*) AS n FROM releases WHERE project LIKE 'pwconc-_'").get() as { n: number }).n).toBe(20);
    } finally {
      db.close();
    }
    for (let p = 0; p < 5; p++) {
      const page = (await (await fetch(`${server.url}simple/pwconc-${p}/`, { headers: { Accept: 'application/vnd.pypi.simple.v1+json' } })).json()) as { versions: string[]; files: unknown[] };
      expect(page.versions).toEqual(['1.0.0', '1.1.0', '1.2.0', '1.3.0']);
      expect(page.files).toHaveLength(4);
    }
  });

  it('20 concurrent uploads of the same new file: all succeed, it lands once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => legacyUpload(server.url, token, same, nameVersion(same))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const page = (await (await fetch(`${server.url}simple/pwconc-same/`, { headers: { Accept: 'application/vnd.pypi.simple.v1+json' } })).json()) as { files: { filename: string }[] };
    expect(page.files.map((f) => f.filename)).toEqual([same.filename]);
    // One blob on disk for it, and no temp files left over from the losers.
    const blobs: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else blobs.push(e.name);
      }
    };
    walk(join(root, 'files'));
    expect(blobs.filter((b) => b === same.filename)).toHaveLength(1);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('200 concurrent Simple API reads all succeed', async () => {
    const accepts = ['application/vnd.pypi.simple.v1+json', 'text/html', undefined];
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const path = i % 7 === 0 ? 'simple/' : `simple/pwconc-${i % 5}/`;
        const accept = accepts[i % 3];
        const res = await fetch(`${server.url}${path}`, accept ? { headers: { Accept: accept } } : {});
        const body = await res.text();
        return res.status === 200 && body.length > 0 && (accept?.includes('json') ? JSON.parse(body) !== null : body.includes('<html>'));
      }),
    );
    expect(results.filter(Boolean)).toHaveLength(200);
  });
});
