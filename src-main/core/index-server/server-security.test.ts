/**
 * Security properties of the real server process: loopback-only by default; uploads need a
 * token in scope (PyPI's 403 messages); path traversal in URLs, filenames and project names is
 * refused; oversized bodies are cut off while streaming; secrets never reach the access log.
 */
import { request } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDists, cliSync, createTokenCli, legacyUpload, startServer, tempDir, type BuiltDist, type ServerProcess } from './test-support/harness';

/** A raw GET (no URL normalization by the client). */
function rawGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

describe('index server security', () => {
  const tmp = tempDir('pw-sec-');
  const root = `${tmp.dir}/root`;
  let server: ServerProcess;
  let token: string;
  let scoped: string;
  let dists: BuiltDist[];

  beforeAll(async () => {
    token = createTokenCli(root);
    scoped = createTokenCli(root, ['pwsec-a']);
    // A read-only tree with a symlink that points outside it.
    const mirror = join(tmp.dir, 'mirror');
    mkdirSync(join(mirror, 'simple', 'evil'), { recursive: true });
    mkdirSync(join(mirror, 'files'), { recursive: true });
    symlinkSync('/etc/passwd', join(mirror, 'files', 'evil-1.0-py3-none-any.whl'));
    writeFileSync(join(mirror, 'simple', 'evil', 'index.html'), '<a href="../../files/evil-1.0-py3-none-any.whl">evil-1.0-py3-none-any.whl</a><a href="../../../../etc/passwd">passwd</a>');
    [server, dists] = await Promise.all([
      startServer(root, ['--max-file-size', '1MB', '--mirror', join(mirror, 'simple')]),
      buildDists(`${tmp.dir}/dist`, [
        { kind: 'wheel', name: 'pwsec-a', version: '1.0.0' },
        { kind: 'wheel', name: 'pwsec-b', version: '1.0.0' },
        { kind: 'wheel', name: 'pwsec-big', version: '1.0.0', payload_bytes: 2 * 1024 * 1024 },
      ]),
    ]);
  });
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  it('binds the loopback interface only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return;
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect({ host: external.address, port: server.port });
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('refuses uploads without a valid token, or outside its scope (403, PyPI messages)', async () => {
    const invalid = 'Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.';
    const fields = { name: 'pwsec-a', version: '1.0.0' };
    for (const t of [null, 'pypi-garbage', `${token.slice(0, -3)}AAA`]) {
      const r = await legacyUpload(server.url, t, dists[0]!, fields);
      expect([r.status, r.reason]).toEqual([403, invalid]);
      expect(r.body).toContain(invalid);
    }
    const password = await fetch(`${server.url}legacy/`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`alice:${token}`).toString('base64')}` } });
    expect(password.status).toBe(403);
    const other = await legacyUpload(server.url, scoped, dists[1]!, { name: 'pwsec-b', version: '1.0.0' });
    expect([other.status, other.reason]).toEqual([403, "The given token isn't allowed to upload to project 'pwsec-b'. See https://pypi.org/help/#project-name for more information."]);
    expect((await legacyUpload(server.url, scoped, dists[0]!, fields)).status).toBe(200);
    // A revoked token stops working at once.
    const victim = createTokenCli(root);
    const id = victim.split('.')[1]!;
    cliSync(['index', 'token', 'revoke', id, '--root', root]);
    expect((await legacyUpload(server.url, victim, dists[1]!, { name: 'pwsec-b', version: '1.0.0' })).status).toBe(403);
  });

  it('refuses path traversal in URLs, filenames and project names', async () => {
    for (const path of [
      '/files/../index.db',
      '/files/..%2F..%2Findex.db',
      '/files/aa/bb/..%2F..%2F..%2Findex.db/x.whl',
      '/simple/..%2F..%2Findex.db/',
      '/simple/%2e%2e/',
      '/mirror/0/..%2F..%2F..%2Fetc%2Fpasswd',
      '/mirror/0/../../../etc/passwd',
      '/mirror/0/files/evil-1.0-py3-none-any.whl',
      '/pypi/..%2F..%2Fetc/json',
      '/stage/..%2F..%2F..%2Findex.db/simple/',
    ]) {
      expect([path, await rawGet(server.port, path)]).toEqual([path, 404]);
    }
    // The mirrored page lists neither the escaping symlink nor the file outside the tree.
    const page = await fetch(`${server.url}simple/evil/`);
    expect(page.status).toBe(404);

    const sep = "Cannot upload a file with '/' or '\\' in the name.";
    for (const filename of ['../../pwsec_a-1.0.1-py3-none-any.whl', '..\\pwsec_a-1.0.1-py3-none-any.whl']) {
      const r = await legacyUpload(server.url, token, { ...dists[0]!, filename }, { name: 'pwsec-a', version: '1.0.1' }, readFileSync(dists[0]!.path));
      expect([r.status, r.reason]).toEqual([400, sep]);
    }
    const badName = await legacyUpload(server.url, token, dists[0]!, { name: '../../etc', version: '1.0.0' });
    expect(badName.status).toBe(400);
    expect(badName.reason).toContain("is an invalid value for Name");
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('cuts off oversized bodies while streaming, without buffering them', async () => {
    const before = rssKb(server.child.pid!);
    // A normal-sized upload over the configured 1 MB limit: PyPI's message.
    const big = await legacyUpload(server.url, token, dists[2]!, { name: 'pwsec-big', version: '1.0.0' }).catch((e: Error) => ({ status: 0, reason: e.message, body: '' }));
    expect([big.status, big.reason]).toEqual([
      400,
      "File too large. Limit for project 'pwsec-big' is 1 MB. See https://docs.pypi.org/project-management/storage-limits#requesting-a-file-size-limit-increase for more information.",
    ]);
    // 256 MiB streamed without Content-Length: the server answers and closes long before the end.
    const total = 256 * 1024 * 1024;
    const outcome = await new Promise<{ status: number; sent: number }>((resolve) => {
      const boundary = 'pwsecbound';
      const req = request(`${server.url}legacy/`, {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked', Authorization: `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}` },
      });
      let sent = 0;
      let status = 0;
      const chunk = Buffer.alloc(256 * 1024, 7);
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.resume();
      });
      req.on('close', () => resolve({ status, sent }));
      req.on('error', () => resolve({ status, sent }));
      req.write(
        ['name=pwsec-big', 'version=1.0.0', 'filetype=bdist_wheel', 'pyversion=py3', 'metadata_version=2.1', ':action=file_upload', `sha256_digest=${'0'.repeat(64)}`]
          .map((kv) => `--${boundary}\r\nContent-Disposition: form-data; name="${kv.slice(0, kv.indexOf('='))}"\r\n\r\n${kv.slice(kv.indexOf('=') + 1)}\r\n`)
          .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="pwsec_big-1.0.0-py3-none-any.whl"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      const pump = () => {
        while (sent < total && !req.destroyed && status === 0) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (sent >= total) req.end();
      };
      pump();
    });
    expect(outcome.status).toBe(400);
    expect(outcome.sent).toBeLessThan(total / 2);
    // A declared Content-Length over the limit is refused before reading anything.
    const declared = await new Promise<number>((resolve) => {
      const req = request(`${server.url}legacy/`, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(8 * 1024 ** 3), Authorization: `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}` },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', () => resolve(0));
      req.write('--x\r\n');
    });
    expect(declared).toBe(413);
    const huge = await fetch(`${server.url}upload/`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.pypi.upload.v2+json' }, body: 'x'.repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    // PEP 694 http-post-bytes: bytes beyond the declared size are refused while streaming.
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.pypi.upload.v2+json' };
    const session = (await (await fetch(`${server.url}upload/`, { method: 'POST', headers: auth, body: JSON.stringify({ meta: { 'api-version': '2.0' }, name: 'pwsec-a', version: '9.0.0' }) })).json()) as { links: { upload: string } };
    const file = (await (
      await fetch(session.links.upload, { method: 'POST', headers: auth, body: JSON.stringify({ filename: 'pwsec_a-9.0.0-py3-none-any.whl', size: 10, hashes: { sha256: '0'.repeat(64) } }) })
    ).json()) as { mechanism: { file_url: string } };
    const streamed = await new Promise<{ status: number; sent: number }>((resolve) => {
      const req = request(file.mechanism.file_url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Transfer-Encoding': 'chunked' } });
      let sent = 0;
      let status = 0;
      const chunk = Buffer.alloc(256 * 1024);
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.resume();
      });
      req.on('close', () => resolve({ status, sent }));
      req.on('error', () => resolve({ status, sent }));
      const pump = () => {
        while (sent < total && !req.destroyed && status === 0) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (sent >= total) req.end();
      };
      pump();
    });
    expect(streamed.status).toBe(400);
    expect(streamed.sent).toBeLessThan(total / 2);
    expect(rssKb(server.child.pid!) - before).toBeLessThan(100 * 1024);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    // Still serving.
    expect((await fetch(`${server.url}simple/`)).status).toBe(200);
  });

  it('never writes tokens or Authorization headers to the access log', () => {
    const log = readFileSync(join(root, 'logs', 'access.log'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    for (const t of [token, scoped]) {
      expect(log).not.toContain(t);
      expect(log).not.toContain(t.split('.')[2]!);
    }
    expect(log).not.toMatch(/authorization|Basic |Bearer /i);
    expect(log).toContain(`"token":"${scoped.split('.')[1]}"`);
  });
});
