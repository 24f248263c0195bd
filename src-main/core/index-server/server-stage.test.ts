/**
 * PEP 694 staged releases against the real server process: create a session, feed it with
 * twine (legacy endpoint + session-scoped token) and with the Upload 2.0 file flow, install
 * from the private stage URL while the public index does not list the version, publish
 * atomically, and cancel leaving nothing behind.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTool, skipUnless } from '../../testing/require-tool';
import { buildDists, createTokenDirect, isolatedPipEnv, legacyUpload, startServer, tempDir, type BuiltDist, type ServerProcess } from './test-support/harness';

const run = promisify(execFile);
const V2 = 'application/vnd.pypi.upload.v2+json';
const skip = skipUnless(probeTool('twine (Debian 4.0.2)', 'twine', ['--version']));

interface SessionDoc {
  links: { stage?: string; upload: string; session: string; publish: string };
  status: string;
  files: Record<string, { status: string; link: string }>;
  meta: { _packwright?: { 'legacy-token': string; 'legacy-upload-url': string } };
}

async function api(url: string, token: string, method: string, body?: unknown): Promise<{ status: number; json: SessionDoc & Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': V2 } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : {}, headers: res.headers };
}

async function twine(uploadUrl: string, token: string, files: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run('twine', ['upload', '--repository-url', uploadUrl, '-u', '__token__', '-p', token, '--non-interactive', '--disable-progress-bar', ...files]);
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

async function simpleJson(url: string): Promise<{ status: number; versions: string[]; files: string[] }> {
  const res = await fetch(url, { headers: { Accept: 'application/vnd.pypi.simple.v1+json' } });
  if (res.status !== 200) return { status: res.status, versions: [], files: [] };
  const doc = (await res.json()) as { versions: string[]; files: { filename: string }[] };
  return { status: 200, versions: doc.versions, files: doc.files.map((f) => f.filename) };
}

function blobFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(e.name);
    }
  };
  walk(join(root, 'files'));
  return out;
}

describe.skipIf(skip)('PEP 694 staged releases', () => {
  const tmp = tempDir('pw-stage-');
  const root = `${tmp.dir}/root`;
  let server: ServerProcess;
  let token: string;
  let d: { dep: BuiltDist; app1: BuiltDist; app2whl: BuiltDist; app2sdist: BuiltDist; app3: BuiltDist };

  beforeAll(async () => {
    token = createTokenDirect(root, ['pwstage-app', 'pwstage-dep']);
    const [srv, built] = await Promise.all([
      startServer(root),
      buildDists(`${tmp.dir}/dist`, [
        { kind: 'wheel', name: 'pwstage-dep', version: '1.0.0' },
        { kind: 'wheel', name: 'pwstage-app', version: '1.0.0', requires_dist: ['pwstage-dep'] },
        { kind: 'wheel', name: 'pwstage-app', version: '2.0.0', requires_dist: ['pwstage-dep>=1'] },
        { kind: 'sdist', name: 'pwstage-app', version: '2.0.0', requires_dist: ['pwstage-dep>=1'] },
        { kind: 'wheel', name: 'pwstage-app', version: '3.0.0' },
      ]),
    ]);
    server = srv;
    d = { dep: built[0]!, app1: built[1]!, app2whl: built[2]!, app2sdist: built[3]!, app3: built[4]! };
    for (const [dist, name, version] of [[d.dep, 'pwstage-dep', '1.0.0'], [d.app1, 'pwstage-app', '1.0.0']] as const) {
      expect((await legacyUpload(server.url, token, dist, { name, version })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  it('stages, previews, and publishes atomically', async () => {
    const created = await api(`${server.url}upload/`, token, 'POST', { meta: { 'api-version': '2.0' }, name: 'PwStage.App', version: '2.0.0' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(created.json.links.session);
    const stage = created.json.links.stage!;
    expect(stage).toMatch(/\/stage\/[A-Za-z0-9_-]{32}\/simple\/$/);
    const legacy = created.json.meta._packwright!;

    // A second session for the same release is refused with 409 and the Location of the first.
    const again = await api(`${server.url}upload/`, token, 'POST', { meta: { 'api-version': '2.0' }, name: 'pwstage-app', version: '2.0' });
    expect(again.status).toBe(409);
    expect(again.headers.get('location')).toBe(created.json.links.session);

    // twine feeds the stage through the legacy endpoint with the session-scoped token.
    const tw = await twine(legacy['legacy-upload-url'], legacy['legacy-token'], [d.app2whl.path]);
    expect(tw.code, tw.out).toBe(0);

    // The sdist goes through the Upload 2.0 file flow (http-post-bytes).
    const bytes = readFileSync(d.app2sdist.path);
    const start = await api(created.json.links.upload, token, 'POST', {
      meta: { 'api-version': '2.0' },
      filename: d.app2sdist.filename,
      size: bytes.length,
      hashes: { sha256: d.app2sdist.sha256 },
      mechanism: 'http-post-bytes',
    });
    expect(start.status).toBe(202);
    const fileSession = start.json as unknown as { links: { complete: string }; mechanism: { file_url: string } };
    const put = await fetch(fileSession.mechanism.file_url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body: bytes });
    expect(put.status).toBe(201);
    expect((await api(fileSession.links.complete, token, 'POST')).status).toBe(201);

    const status = await api(created.json.links.session, token, 'GET');
    expect(Object.fromEntries(Object.entries(status.json.files).map(([k, v]) => [k, v.status]))).toEqual({
      [d.app2whl.filename]: 'completed',
      [d.app2sdist.filename]: 'completed',
    });

    // The public index does not know 2.0.0; the stage is a complete index that does.
    const pub = await simpleJson(`${server.url}simple/pwstage-app/`);
    expect(pub.versions).toEqual(['1.0.0']);
    expect(pub.files).toEqual([d.app1.filename]);
    const staged = await simpleJson(`${stage}pwstage-app/`);
    expect(staged.versions).toEqual(['1.0.0', '2.0.0']);
    expect(staged.files.sort()).toEqual([d.app1.filename, d.app2whl.filename, d.app2sdist.filename].sort());
    expect((await simpleJson(`${stage}pwstage-dep/`)).files).toEqual([d.dep.filename]);
    expect(((await (await fetch(`${server.url}pypi/pwstage-app/json`)).json()) as { info: { version: string } }).info.version).toBe('1.0.0');

    // pip installs the release from the stage URL, and cannot from the public index.
    const env = isolatedPipEnv();
    const pipArgs = (index: string, target: string) => ['-m', 'pip', 'install', '--index-url', index, '--no-cache-dir', '--only-binary', ':all:', '--target', target, 'pwstage-app==2.0.0'];
    const ok = await run(process.env.PACKWRIGHT_PYTHON ?? 'python3', pipArgs(stage, `${tmp.dir}/t1`), { env });
    expect(ok.stdout).toMatch(/Successfully installed .*pwstage-app-2\.0\.0/);
    expect(ok.stdout).toContain('pwstage-dep-1.0.0');
    await expect(run(process.env.PACKWRIGHT_PYTHON ?? 'python3', pipArgs(`${server.url}simple/`, `${tmp.dir}/t2`), { env })).rejects.toThrow(/No matching distribution/);

    // Publish while readers poll: every observed page has none or all of the new files.
    let polling = true;
    const seen = new Set<number>();
    const poller = (async () => {
      while (polling) {
        const p = await simpleJson(`${server.url}simple/pwstage-app/`);
        seen.add(p.files.filter((f) => f.includes('2.0.0')).length);
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const published = await api(created.json.links.publish, token, 'POST', { meta: { 'api-version': '2.0' } });
    expect(published.status).toBe(201);
    expect(published.json.status).toBe('published');
    await new Promise((r) => setTimeout(r, 50));
    polling = false;
    await poller;
    expect([...seen].every((n) => n === 0 || n === 2)).toBe(true);
    expect(seen.has(2)).toBe(true);
    const after = await simpleJson(`${server.url}simple/pwstage-app/`);
    expect(after.versions).toEqual(['1.0.0', '2.0.0']);
    expect(after.files).toHaveLength(3);
    expect((await fetch(`${stage}pwstage-app/`)).status).toBe(404);
    // The session token is spent: twine cannot add to the published release through it.
    expect((await twine(legacy['legacy-upload-url'], legacy['legacy-token'], [d.app3.path])).out).toContain('403');
  });

  it('cancel leaves nothing behind', async () => {
    const created = await api(`${server.url}upload/`, token, 'POST', { meta: { 'api-version': '2.0' }, name: 'pwstage-app', version: '3.0.0' });
    expect(created.status).toBe(201);
    const legacy = created.json.meta._packwright!;
    expect((await twine(legacy['legacy-upload-url'], legacy['legacy-token'], [d.app3.path])).code).toBe(0);
    expect(blobFiles(root)).toContain(d.app3.filename);
    const stage = created.json.links.stage!;
    expect((await simpleJson(`${stage}pwstage-app/`)).versions).toContain('3.0.0');

    const canceled = await api(created.json.links.session, token, 'DELETE');
    expect(canceled.status).toBe(200);
    expect(canceled.json.status).toBe('canceled');
    expect(canceled.json.files).toEqual({});
    expect((await fetch(`${stage}pwstage-app/`)).status).toBe(404);
    expect(blobFiles(root)).not.toContain(d.app3.filename);
    expect(existsSync(join(root, 'tmp')) ? readdirSync(join(root, 'tmp')) : []).toEqual([]);
    const db = new Database(join(root, 'index.db'), { readonly: true });
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM staged_files').get() as { n: number }).n).toBe(0);
      expect((db.prepare("SELECT COUNT(*) AS n FROM files WHERE filename LIKE '%3.0.0%'").get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
    expect((await simpleJson(`${server.url}simple/pwstage-app/`)).versions).not.toContain('3.0.0');
    expect((await twine(legacy['legacy-upload-url'], legacy['legacy-token'], [d.app3.path])).out).toContain('403');
  });

  it('checks rights on every request', async () => {
    const other = createTokenDirect(root, ['someone-else']);
    const r = await api(`${server.url}upload/`, other, 'POST', { meta: { 'api-version': '2.0' }, name: 'pwstage-app', version: '4.0.0' });
    expect(r.status).toBe(403);
    const created = await api(`${server.url}upload/`, token, 'POST', { meta: { 'api-version': '2.0' }, name: 'pwstage-app', version: '4.0.0' });
    expect((await api(created.json.links.session, other, 'GET')).status).toBe(403);
    expect((await fetch(created.json.links.session)).status).toBe(401);
    expect((await api(created.json.links.session, token, 'DELETE')).status).toBe(200);
  });

  it('puts a file with a wrong digest in error, refuses to publish it, and recovers after DELETE', async () => {
    const created = await api(`${server.url}upload/`, token, 'POST', { meta: { 'api-version': '2.0' }, name: 'pwstage-app', version: '3.0.0' });
    expect(created.status).toBe(201);
    const bytes = readFileSync(d.app3.path);
    const bad = await api(created.json.links.upload, token, 'POST', { filename: d.app3.filename, size: bytes.length, hashes: { sha256: '0'.repeat(64) } });
    const fs = bad.json as unknown as { links: { complete: string; 'file-upload-session': string }; mechanism: { file_url: string } };
    expect((await fetch(fs.mechanism.file_url, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: bytes })).status).toBe(201);
    const done = await api(fs.links.complete, token, 'POST');
    expect(done.status).toBe(400);
    expect(JSON.stringify(done.json)).toContain('The digest supplied does not match');
    const status = await api(created.json.links.session, token, 'GET');
    expect(status.json.status).toBe('error');
    expect(status.json.files[d.app3.filename]!.status).toBe('error');
    const refused = await api(created.json.links.publish, token, 'POST');
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toContain(d.app3.filename);
    // Unknown mechanisms are 422; filenames of another release are 400.
    expect((await api(created.json.links.upload, token, 'POST', { filename: 'pwstage_app-9.9.9-py3-none-any.whl', size: 1, hashes: { sha256: 'a'.repeat(64) } })).status).toBe(400);
    expect((await api(created.json.links.upload, token, 'POST', { filename: d.app3.filename, size: 1, hashes: { sha256: 'a'.repeat(64) }, mechanism: 'carrier-pigeon' })).status).toBe(422);
    const del = await fetch(fs.links['file-upload-session'], { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    expect(del.status).toBe(204);
    const good = await api(created.json.links.upload, token, 'POST', { filename: d.app3.filename, size: bytes.length, hashes: { sha256: d.app3.sha256 } });
    const gs = good.json as unknown as { links: { complete: string }; mechanism: { file_url: string } };
    await fetch(gs.mechanism.file_url, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: bytes });
    expect((await api(gs.links.complete, token, 'POST')).status).toBe(201);
    expect((await api(created.json.links.publish, token, 'POST')).status).toBe(201);
    expect((await simpleJson(`${server.url}simple/pwstage-app/`)).versions).toContain('3.0.0');
  });
});
