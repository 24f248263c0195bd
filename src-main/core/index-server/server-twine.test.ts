/**
 * Debian's twine 4.0.2 against the real server process: wheel + sdist upload, PyPI's duplicate
 * behaviour (identical re-upload 200, `--skip-existing`, different bytes → "File already
 * exists"), then what the read APIs show for the uploaded release.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTool, skipUnless } from '../../testing/require-tool';
import { buildDists, createTokenDirect, startServer, tempDir, type BuiltDist, type ServerProcess } from './test-support/harness';

const run = promisify(execFile);
const twineCheck = probeTool('twine (Debian 4.0.2)', 'twine', ['--version']);
const skip = skipUnless(twineCheck);

async function twine(server: ServerProcess, token: string, files: string[], extra: string[] = []): Promise<{ code: number; out: string }> {
  try {
    const r = await run('twine', ['upload', '--repository-url', `${server.url}legacy/`, '-u', '__token__', '-p', token, '--non-interactive', '--disable-progress-bar', ...extra, ...files], {
      env: { ...process.env, TWINE_NON_INTERACTIVE: '1', NO_COLOR: '1', COLUMNS: '200' },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe.skipIf(skip)('twine 4.0.2 uploads', () => {
  const tmp = tempDir('pw-twine-');
  let server: ServerProcess;
  let token: string;
  let dists: BuiltDist[];
  let changed: BuiltDist[];

  beforeAll(async () => {
    const root = `${tmp.dir}/root`;
    token = createTokenDirect(root, ['pwtwine-demo']);
    [server, dists, changed] = await Promise.all([
      startServer(root),
      buildDists(`${tmp.dir}/dist`, [
        { kind: 'wheel', name: 'pwtwine-demo', version: '0.1.0', requires_python: '>=3.8,<4', requires_dist: ['requests (>=2)'] },
        { kind: 'sdist', name: 'pwtwine-demo', version: '0.1.0', requires_python: '>=3.8,<4' },
      ]),
      // Same filenames, different bytes (another build of the same version).
      buildDists(`${tmp.dir}/dist2`, [{ kind: 'wheel', name: 'pwtwine-demo', version: '0.1.0', summary: 'rebuilt' }]),
    ]);
  });
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  it('uploads a wheel and an sdist (Metadata 2.1)', async () => {
    const r = await twine(server, token, dists.map((d) => d.path));
    expect(r.out).toContain('Uploading pwtwine_demo-0.1.0-py3-none-any.whl');
    expect(r.code).toBe(0);
    const page = (await (await fetch(`${server.url}simple/pwtwine-demo/`, { headers: { Accept: 'application/vnd.pypi.simple.v1+json' } })).json()) as {
      files: { filename: string; hashes: { sha256: string }; size: number; 'requires-python': string; 'core-metadata': unknown }[];
      versions: string[];
    };
    expect(page.versions).toEqual(['0.1.0']);
    expect(page.files.map((f) => f.filename).sort()).toEqual(dists.map((d) => d.filename).sort());
    for (const d of dists) {
      const f = page.files.find((x) => x.filename === d.filename)!;
      expect(f.hashes.sha256).toBe(d.sha256);
      expect(f.size).toBe(d.size);
      expect(f['requires-python']).toBe('<4,>=3.8');
    }
    expect(page.files.find((f) => f.filename.endsWith('.tar.gz'))!['core-metadata']).toBe(false);
  });

  it('accepts an identical re-upload (200, as PyPI) with and without --skip-existing', async () => {
    const plain = await twine(server, token, [dists[0]!.path]);
    expect(plain.code).toBe(0);
    const skipping = await twine(server, token, [dists[0]!.path], ['--skip-existing']);
    expect(skipping.code).toBe(0);
  });

  it('refuses different bytes under an existing filename with "400 File already exists", which --skip-existing skips', async () => {
    const r = await twine(server, token, [changed[0]!.path]);
    expect(r.code).not.toBe(0);
    // twine prints the status line, then the reason phrase, where PyPI puts the message.
    expect(r.out).toContain('HTTPError: 400 Bad Request');
    expect(r.out).toMatch(/File already exists \('pwtwine_demo-0\.1\.0-py3-none-any\.whl', with blake2_256 hash '[0-9a-f]{64}'\)/);
    const skipped = await twine(server, token, [changed[0]!.path], ['--skip-existing']);
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('Skipping pwtwine_demo-0.1.0-py3-none-any.whl because it appears to already exist');
  });

  it('serves the PEP 658 metadata of the wheel and the JSON API', async () => {
    const html = await (await fetch(`${server.url}simple/pwtwine-demo/`)).text();
    const href = /href="([^"#]+\.whl)#sha256=[0-9a-f]+"[^>]*data-core-metadata="sha256=([0-9a-f]+)"/.exec(html)!;
    expect(html).toContain('data-requires-python="&lt;4,&gt;=3.8"');
    const meta = await fetch(new URL(`${href[1]}.metadata`, `${server.url}simple/pwtwine-demo/`));
    expect(meta.status).toBe(200);
    const body = Buffer.from(await meta.arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(body).digest('hex')).toBe(href[2]);
    expect(body.toString()).toContain('Name: pwtwine-demo');
    const api = (await (await fetch(`${server.url}pypi/pwtwine-demo/json`)).json()) as {
      info: { name: string; version: string; requires_dist: string[]; requires_python: string; summary: string };
      urls: { filename: string; digests: Record<string, string>; packagetype: string }[];
      releases: Record<string, unknown[]>;
      vulnerabilities: unknown[];
    };
    expect(api.info.name).toBe('pwtwine-demo');
    expect(api.info.version).toBe('0.1.0');
    expect(api.info.requires_dist).toEqual(['requests (>=2)']);
    expect(api.urls.map((u) => u.packagetype).sort()).toEqual(['bdist_wheel', 'sdist']);
    expect(Object.keys(api.urls[0]!.digests).sort()).toEqual(['blake2b_256', 'md5', 'sha256']);
    expect(Object.keys(api.releases)).toEqual(['0.1.0']);
    expect(api.vulnerabilities).toEqual([]);
    expect((await fetch(`${server.url}pypi/pwtwine-demo/0.1.0/json`)).status).toBe(200);
    expect((await fetch(`${server.url}pypi/PwTwine_Demo/json`, { redirect: 'manual' })).status).toBe(301);
  });
});
