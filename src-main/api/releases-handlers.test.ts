/**
 * `releases.*` through the real router (in-process oRPC client) against the app's local index:
 * start/stop and addresses, tokens (shown once, scoped, revoked), contents after real uploads
 * (hashes, size, requires-python, PEP 658 metadata presence), yank/unyank with a reason, delete
 * (the filename is never reusable), and PEP 694 sessions fed through the legacy endpoint, then
 * published or canceled.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDists, legacyUpload, tempDir, type BuiltDist } from '../core/index-server/test-support/harness';
import { createServices, type Services } from '../core/services';
import { probeTool, skipUnless } from '../testing/require-tool';
import { router } from './router';

const skip = skipUnless(probeTool('python3', process.env.PACKWRIGHT_PYTHON ?? 'python3', ['--version']));
const V2 = 'application/vnd.pypi.upload.v2+json';

describe.skipIf(skip)('releases.* handlers', () => {
  const tmp = tempDir('pw-releases-api-');
  let services: Services;
  let client: ReturnType<typeof createRouterClient<typeof router, Record<never, never>>>;
  let d: { whl: BuiltDist; sdist: BuiltDist; whl2: BuiltDist; whl3: BuiltDist };

  beforeAll(async () => {
    services = createServices({ dataDir: mkdtempSync(join(tmpdir(), 'pw-releases-data-')) });
    client = createRouterClient(router, { context: { services, shell: { kind: 'browser' } } });
    const built = await buildDists(join(tmp.dir, 'dist'), [
      { kind: 'wheel', name: 'pwrel-demo', version: '1.0.0', requires_python: '>=3.9' },
      { kind: 'sdist', name: 'pwrel-demo', version: '1.0.0', requires_python: '>=3.9' },
      { kind: 'wheel', name: 'pwrel-demo', version: '2.0.0' },
      { kind: 'wheel', name: 'pwrel-demo', version: '3.0.0' },
    ]);
    d = { whl: built[0]!, sdist: built[1]!, whl2: built[2]!, whl3: built[3]! };
  });
  afterAll(async () => {
    await services.localIndex.dispose();
    tmp.cleanup();
  });

  it('is stopped at first; content and tokens need a running index', async () => {
    const s = await client.releases.status();
    expect(s.running).toBe(false);
    expect(s.settings.root).toBe(join(services.dataDir, 'local-index'));
    await expect(client.releases.contents()).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The local index is not running.' });
    await expect(client.releases.listTokens()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('uploads with a scoped token and lists releases, files, hashes and metadata; yank, delete, revoke', async () => {
    const s = await client.releases.start({});
    const url = s.server!.url;
    expect(s.server!.uploadUrl).toBe(`${url}legacy/`);
    const created = await client.releases.createToken({ projects: ['PwRel_Demo'], description: 'tests' });
    expect(created.token).toMatch(/^pypi-pw\./);
    expect(created.info.projects).toEqual(['pwrel-demo']);
    // The list never carries the secret.
    const listed = await client.releases.listTokens();
    expect(JSON.stringify(listed)).not.toContain(created.token.split('.')[2]);
    expect(listed.map((t) => t.id)).toContain(created.info.id);
    await expect(client.releases.createToken({ projects: ['not a name!'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    for (const [dist, version, rp] of [[d.whl, '1.0.0', '>=3.9'], [d.sdist, '1.0.0', '>=3.9'], [d.whl2, '2.0.0', '']] as const) {
      const r = await legacyUpload(url, created.token, dist, { name: 'pwrel-demo', version, ...(rp ? { requires_python: rp } : {}) });
      expect(r.status, r.reason).toBe(200);
    }
    const c = await client.releases.contents();
    expect(c.projects.map((p) => p.name)).toEqual(['pwrel-demo']);
    const releases = c.projects[0]!.releases;
    expect(releases.map((r) => r.version)).toEqual(['2.0.0', '1.0.0']);
    const one = releases[1]!;
    const wheel = one.files.find((f) => f.filename === d.whl.filename)!;
    const sdist = one.files.find((f) => f.filename === d.sdist.filename)!;
    expect(wheel).toMatchObject({ size: d.whl.size, packagetype: 'bdist_wheel', requiresPython: '>=3.9' });
    expect(wheel.hashes.sha256).toBe(d.whl.sha256);
    expect(wheel.hashes.blake2_256).toMatch(/^[0-9a-f]{64}$/);
    expect(wheel.coreMetadataSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sdist.coreMetadataSha256).toBeNull();
    expect(wheel.uploadTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

    await client.releases.yank({ project: 'pwrel-demo', version: '1.0', reason: 'broken import' });
    let r1 = (await client.releases.contents()).projects[0]!.releases[1]!;
    expect(r1).toMatchObject({ yanked: true, yankedReason: 'broken import' });
    const page = (await (await fetch(`${url}simple/pwrel-demo/`, { headers: { Accept: 'application/vnd.pypi.simple.v1+json' } })).json()) as { files: { filename: string; yanked: unknown }[] };
    expect(page.files.find((f) => f.filename === d.whl.filename)!.yanked).toBe('broken import');
    await client.releases.unyank({ project: 'pwrel-demo', version: '1.0.0' });
    r1 = (await client.releases.contents()).projects[0]!.releases[1]!;
    expect(r1).toMatchObject({ yanked: false, yankedReason: null });
    await expect(client.releases.yank({ project: 'pwrel-demo', version: '9.9' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await client.releases.delete({ project: 'pwrel-demo', version: '2.0.0', filenames: [d.whl2.filename] })).toEqual({ deleted: [d.whl2.filename] });
    const again = await legacyUpload(url, created.token, d.whl2, { name: 'pwrel-demo', version: '2.0.0' });
    expect(again.status).toBe(400);
    expect(again.reason).toContain('previously used by a file that has since been deleted');
    await expect(client.releases.delete({ project: 'pwrel-demo', version: '1.0.0', filenames: ['nope.whl'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await client.releases.revokeToken({ id: created.info.id });
    expect((await client.releases.listTokens()).find((t) => t.id === created.info.id)!.revoked).not.toBeNull();
    expect((await legacyUpload(url, created.token, d.whl3, { name: 'pwrel-demo', version: '3.0.0' })).status).toBe(403);
    await expect(client.releases.revokeToken({ id: created.info.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists PEP 694 sessions with their stage URL and files; publish and cancel', async () => {
    const url = (await client.releases.start({})).server!.url;
    const { token } = await client.releases.createToken({ projects: [] });
    const open = async (version: string) => {
      const res = await fetch(`${url}upload/`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': V2 },
        body: JSON.stringify({ meta: { 'api-version': '2.0' }, name: 'pwrel-demo', version }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { meta: { _packwright: { 'legacy-token': string } } }).meta._packwright['legacy-token'];
    };
    const legacy3 = await open('3.0.0');
    expect((await legacyUpload(url, legacy3, d.whl3, { name: 'pwrel-demo', version: '3.0.0' })).status).toBe(200);
    await open('4.0.0');
    let c = await client.releases.contents();
    expect(c.sessions.map((s) => s.version).sort()).toEqual(['3.0.0', '4.0.0']);
    const s3 = c.sessions.find((s) => s.version === '3.0.0')!;
    expect(s3.stageUrl).toMatch(new RegExp(`^${url}stage/[A-Za-z0-9_-]+/simple/$`));
    expect(s3.files).toMatchObject([{ filename: d.whl3.filename, status: 'completed', sha256: d.whl3.sha256 }]);
    // Staged: visible on the stage only.
    expect(c.projects[0]!.releases.map((r) => r.version)).not.toContain('3.0.0');
    expect((await fetch(`${s3.stageUrl}pwrel-demo/`)).status).toBe(200);

    await client.releases.publishSession({ sessionId: s3.id });
    const s4 = c.sessions.find((s) => s.version === '4.0.0')!;
    await client.releases.cancelSession({ sessionId: s4.id });
    c = await client.releases.contents();
    expect(c.sessions).toEqual([]);
    expect(c.projects[0]!.releases.find((r) => r.version === '3.0.0')!.files.map((f) => f.filename)).toEqual([d.whl3.filename]);
    expect(c.projects[0]!.releases.map((r) => r.version)).not.toContain('4.0.0');
    await expect(client.releases.publishSession({ sessionId: s3.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('no longer open') });
    await expect(client.releases.cancelSession({ sessionId: '0'.repeat(32) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stops and reports the stopped state', async () => {
    const s = await client.releases.stop();
    expect(s.running).toBe(false);
    expect(s.server).toBeNull();
  });
});
