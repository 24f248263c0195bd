/**
 * The app's local index manager: one server per app (also under concurrent starts), stop,
 * restart on the same folder keeps the content, dispose stops it, the folder and port rules,
 * remembered settings, the local-index option, and the content revision.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTool, skipUnless } from '../../testing/require-tool';
import { buildDists, legacyUpload, tempDir, type BuiltDist } from '../index-server/test-support/harness';
import { createToken } from '../index-server';
import { LocalIndexManager } from './index-manager';
import { readContents } from './index-contents';

const skip = skipUnless(probeTool('python3', process.env.PACKWRIGHT_PYTHON ?? 'python3', ['--version']));

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}simple/`)).ok;
  } catch {
    return false;
  }
}

describe.skipIf(skip)('LocalIndexManager', () => {
  const tmp = tempDir('pw-localindex-');
  let wheel: BuiltDist;
  let n = 0;
  const manager = (extra: Partial<ConstructorParameters<typeof LocalIndexManager>[0]> = {}) =>
    new LocalIndexManager({ dataDir: join(tmp.dir, `data-${++n}`), discover: async () => [], ...extra });

  beforeAll(async () => {
    [wheel] = (await buildDists(join(tmp.dir, 'dist'), [{ kind: 'wheel', name: 'pwmgr-demo', version: '1.0.0', requires_python: '>=3.9' }])) as [BuiltDist];
  });
  afterAll(() => tmp.cleanup());

  it('starts once: a second start and concurrent starts return the same server', async () => {
    const m = manager();
    const [a, b] = await Promise.all([m.start(), m.start()]);
    const c = await m.start();
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(b.url).toBe(a.url);
    expect(c.url).toBe(a.url);
    expect(m.require().store).toBe(m.require().store);
    expect(a.root).toBe(m.defaultRoot);
    expect(a.simpleUrl).toBe(`${a.url}simple/`);
    expect(a.uploadUrl).toBe(`${a.url}legacy/`);
    expect(await reachable(a.url)).toBe(true);
    expect((await m.status()).running).toBe(true);
    await m.dispose();
  });

  it('stops: the port is closed, status says so, and actions need a running index', async () => {
    const m = manager();
    const info = await m.start();
    expect(await m.stop()).toBe(true);
    expect(await m.stop()).toBe(false);
    expect(await reachable(info.url)).toBe(false);
    const s = await m.status();
    expect(s.running).toBe(false);
    expect(s.server).toBeNull();
    expect(() => m.require()).toThrow(/not running/);
  });

  it('restart on the same folder keeps the content; the revision moves with changes', async () => {
    const m = manager();
    const first = await m.start();
    const { store } = m.require();
    const token = createToken(store.db, { projects: ['pwmgr-demo'] }).token;
    const before = (await m.status()).revision;
    const up = await legacyUpload(first.url, token, wheel, { name: 'pwmgr-demo', version: '1.0.0', requires_python: '>=3.9' });
    expect(up.status, up.reason).toBe(200);
    expect((await m.status()).revision).toBeGreaterThan(before);
    await m.stop();
    await m.start();
    const { store: again, url } = m.require();
    const files = readContents(again, url).projects.flatMap((p) => p.releases.flatMap((r) => r.files));
    expect(files.map((f) => f.filename)).toEqual([wheel.filename]);
    expect(files[0]!.hashes.sha256).toBe(wheel.sha256);
    expect((await fetch(files[0]!.url)).status).toBe(200);
    await m.dispose();
  });

  it('dispose stops the server', async () => {
    const m = manager();
    const info = await m.start();
    await m.dispose();
    expect(await reachable(info.url)).toBe(false);
    expect((await m.status()).running).toBe(false);
  });

  it('uses a folder the user picks only when it is empty or already an index', async () => {
    const m = manager();
    const picked = join(tmp.dir, 'picked');
    const info = await m.start({ root: picked });
    expect(info.root).toBe(picked);
    await m.stop();
    // An existing index folder is fine (index.db present).
    expect((await m.start({ root: picked })).root).toBe(picked);
    await m.stop();
    const busy = join(tmp.dir, 'busy');
    mkdirSync(join(busy, 'files'), { recursive: true });
    writeFileSync(join(busy, 'files', 'precious.txt'), 'user data');
    await expect(m.start({ root: busy })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('not empty') });
    const file = join(tmp.dir, 'a-file');
    writeFileSync(file, '');
    await expect(m.start({ root: file })).rejects.toMatchObject({ code: 'NOT_A_DIRECTORY' });
    await expect(m.start({ root: 'relative/dir' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('remembers the settings of the last start', async () => {
    const dataDir = join(tmp.dir, 'remember');
    const picked = join(tmp.dir, 'remembered-root');
    const m1 = new LocalIndexManager({ dataDir, discover: async () => [] });
    await m1.start({ root: picked });
    await m1.dispose();
    const m2 = new LocalIndexManager({ dataDir, discover: async () => [] });
    expect((await m2.status()).settings).toEqual({ root: picked, port: null, serveLocalIndex: false });
    expect((await m2.start()).root).toBe(picked);
    await m2.dispose();
  });

  it('takes a given port, reports one in use, and refuses other settings while running', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const busyPort = (blocker.address() as { port: number }).port;
    const m = manager();
    await expect(m.start({ port: busyPort })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: `Port ${busyPort} is already in use.` });
    await new Promise<void>((r) => blocker.close(() => r()));
    const info = await m.start({ port: busyPort });
    expect(info.port).toBe(busyPort);
    expect((await m.start({ port: busyPort })).url).toBe(info.url);
    await expect(m.start({ root: join(tmp.dir, 'elsewhere') })).rejects.toMatchObject({ message: expect.stringContaining('already running') });
    await expect(m.start({ port: busyPort === 65535 ? 65534 : busyPort + 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await m.dispose();
  });

  it("serves the machine's local index read-only when asked, and says when there is none", async () => {
    const tree = join(tmp.dir, 'tree', 'simple');
    mkdirSync(join(tree, 'pwmirror-x'), { recursive: true });
    writeFileSync(join(tree, 'pwmirror-x', 'index.html'), '<a href="pwmirror_x-1.0-py3-none-any.whl">pwmirror_x-1.0-py3-none-any.whl</a>');
    writeFileSync(join(tree, 'pwmirror-x', 'pwmirror_x-1.0-py3-none-any.whl'), 'not really a wheel');
    const m = manager({ discover: async () => [{ simpleDir: tree, source: 'env' }] });
    expect((await m.status()).localIndexes).toEqual([tree]);
    const info = await m.start({ serveLocalIndex: true });
    expect(info.mirrors).toEqual([tree]);
    const page = await fetch(`${info.simpleUrl}pwmirror-x/`, { headers: { Accept: 'application/vnd.pypi.simple.v1+json' } });
    expect(((await page.json()) as { files: { filename: string }[] }).files.map((f) => f.filename)).toEqual(['pwmirror_x-1.0-py3-none-any.whl']);
    await m.dispose();
    await expect(manager().start({ serveLocalIndex: true })).rejects.toMatchObject({ message: expect.stringContaining('No local package index') });
  });
});
