/**
 * Crash safety of the real server process: SIGKILL while an upload is streaming, and SIGKILL
 * between placing a file and committing its row; after a restart nothing partial is listed or
 * served, recovery removed the leftovers, SQLite is intact and the same upload then succeeds.
 */
import { request } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blake2b256Hex } from './blake2b';
import { blobPath } from './digests';
import { buildDists, createTokenDirect, legacyUpload, startServer, tempDir, type BuiltDist } from './test-support/harness';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

function integrity(root: string): string {
  const db = new Database(join(root, 'index.db'), { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

async function consistentAfterRestart(root: string, dist: BuiltDist, token: string): Promise<void> {
  const server = await startServer(root);
  try {
    expect(listFiles(join(root, 'tmp'))).toEqual([]);
    expect(listFiles(join(root, 'files'))).toEqual([]);
    expect(integrity(root)).toBe('ok');
    expect((await fetch(`${server.url}simple/pwcrash/`)).status).toBe(404);
    expect((await fetch(`${server.url}pypi/pwcrash/json`)).status).toBe(404);
    const bytes = readFileSync(dist.path);
    expect((await fetch(`${server.url}files/${blobPath(blake2b256Hex(bytes), dist.filename)}`)).status).toBe(404);
    // The index works normally afterwards and the file lands exactly once, byte for byte.
    expect((await legacyUpload(server.url, token, dist, { name: 'pwcrash', version: '1.0.0' })).status).toBe(200);
    const page = (await (await fetch(`${server.url}simple/pwcrash/`, { headers: { Accept: 'application/vnd.pypi.simple.v1+json' } })).json()) as { files: { url: string }[] };
    expect(page.files).toHaveLength(1);
    const got = Buffer.from(await (await fetch(new URL(page.files[0]!.url, `${server.url}simple/pwcrash/`))).arrayBuffer());
    expect(got.equals(bytes)).toBe(true);
  } finally {
    await server.stop();
  }
}

describe('crash safety (SIGKILL)', () => {
  const tmp = tempDir('pw-crash-');
  let dist: BuiltDist;

  beforeAll(async () => {
    dist = (await buildDists(`${tmp.dir}/dist`, [{ kind: 'wheel', name: 'pwcrash', version: '1.0.0', payload_bytes: 4 * 1024 * 1024 }]))[0]!;
  });
  afterAll(() => tmp.cleanup());

  it('killed mid-upload: no partial file, temp swept, index consistent', async () => {
    const root = `${tmp.dir}/mid`;
    const token = createTokenDirect(root);
    const server = await startServer(root);
    const bytes = readFileSync(dist.path);
    const boundary = 'pwcrashboundary';
    const fields: [string, string][] = [
      [':action', 'file_upload'],
      ['protocol_version', '1'],
      ['metadata_version', '2.1'],
      ['name', 'pwcrash'],
      ['version', '1.0.0'],
      ['filetype', 'bdist_wheel'],
      ['pyversion', 'py3'],
      ['sha256_digest', dist.sha256],
    ];
    const head =
      fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="${dist.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const req = request(`${server.url}legacy/`, {
      method: 'POST',
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': Buffer.byteLength(head) + bytes.length + `\r\n--${boundary}--\r\n`.length,
        Authorization: `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}`,
      },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(bytes.subarray(0, bytes.length >> 1));
    // Wait until the server is writing the upload to its temp file, then kill it.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const parts = listFiles(join(root, 'tmp'));
      if (parts.length && statSync(parts[0]!).size > 0) break;
      if (Date.now() > deadline) throw new Error('the upload never reached the temp file');
      await new Promise((r) => setTimeout(r, 20));
    }
    await server.kill();
    req.destroy();
    expect(listFiles(join(root, 'tmp')).length).toBe(1);
    await consistentAfterRestart(root, dist, token);
  });

  it('killed after the file was placed but before its row committed: the orphan is removed', async () => {
    const root = `${tmp.dir}/commit`;
    const token = createTokenDirect(root);
    const server = await startServer(root, [], { PACKWRIGHT_INDEX_CRASH_AT: 'after-place' });
    await expect(legacyUpload(server.url, token, dist, { name: 'pwcrash', version: '1.0.0' })).rejects.toThrow();
    await server.stop();
    expect(server.child.signalCode).toBe('SIGKILL');
    // The blob reached its final name, but no committed row references it.
    expect(listFiles(join(root, 'files')).map((p) => p.split('/').pop())).toEqual([dist.filename]);
    await consistentAfterRestart(root, dist, token);
  });
});
