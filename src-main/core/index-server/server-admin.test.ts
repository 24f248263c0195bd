/**
 * Admin and read-only serving against the real server process: yank/unyank/delete through the
 * CLI while the server runs (it notices other processes' commits), deleted filenames are never
 * reusable, PEP 592 yank rendering, and pip installing from the machine's local PEP 503 index
 * served read-only through the server (`--local-index`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverLocalIndexes } from '../local-index/discover';
import { probeTool, skipUnless } from '../../testing/require-tool';
import { accessLog, buildDists, cliSync, createTokenDirect, isolatedPipEnv, legacyUpload, startServer, tempDir, type BuiltDist, type ServerProcess } from './test-support/harness';

const run = promisify(execFile);
const JSON_V1 = { Accept: 'application/vnd.pypi.simple.v1+json' };

interface Page {
  versions: string[];
  files: { filename: string; yanked: boolean | string }[];
}

describe('index admin and read-only trees', () => {
  const tmp = tempDir('pw-admin-');
  const root = `${tmp.dir}/root`;
  let server: ServerProcess;
  let token: string;
  let dists: BuiltDist[];
  let simpleDirs: string[] = [];

  beforeAll(async () => {
    token = createTokenDirect(root);
    simpleDirs = (await discoverLocalIndexes()).map((i) => i.simpleDir);
    [server, dists] = await Promise.all([
      startServer(root, simpleDirs.flatMap((d) => ['--mirror', d])),
      buildDists(`${tmp.dir}/dist`, [
        { kind: 'wheel', name: 'pwadmin', version: '1.0.0' },
        { kind: 'wheel', name: 'pwadmin', version: '2.0.0' },
      ]),
    ]);
    for (const d of dists) expect((await legacyUpload(server.url, token, d, { name: 'pwadmin', version: d.filename.split('-')[1]! })).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  const page = async (): Promise<Page> => (await (await fetch(`${server.url}simple/pwadmin/`, { headers: JSON_V1 })).json()) as Page;

  it('yanks and unyanks a release (PEP 592) from the CLI while serving', async () => {
    cliSync(['index', 'yank', '--root', root, 'pwadmin', '2.0', '--reason', 'broken "build"']);
    await new Promise((r) => setTimeout(r, 300));
    const p = await page();
    expect(p.files.find((f) => f.filename.includes('2.0.0'))!.yanked).toBe('broken "build"');
    expect(p.files.find((f) => f.filename.includes('1.0.0'))!.yanked).toBe(false);
    const html = await (await fetch(`${server.url}simple/pwadmin/`)).text();
    expect(html).toContain('data-yanked="broken &quot;build&quot;"');
    const api = (await (await fetch(`${server.url}pypi/pwadmin/json`)).json()) as { info: { version: string } };
    expect(api.info.version).toBe('1.0.0'); // PyPI's "latest" skips yanked releases
    cliSync(['index', 'unyank', '--root', root, 'pwadmin', '2.0.0']);
    await new Promise((r) => setTimeout(r, 300));
    expect((await page()).files.every((f) => f.yanked === false)).toBe(true);
  });

  it('deletes files for good: the filename can never be uploaded again', async () => {
    const out = cliSync(['index', 'delete', '--root', root, 'pwadmin', '2.0.0']);
    expect(out).toContain(dists[1]!.filename);
    await new Promise((r) => setTimeout(r, 300));
    const p = await page();
    expect(p.files.map((f) => f.filename)).toEqual([dists[0]!.filename]);
    expect(p.versions).toEqual(['1.0.0']);
    const again = await legacyUpload(server.url, token, dists[1]!, { name: 'pwadmin', version: '2.0.0' });
    expect([again.status, again.reason]).toEqual([
      400,
      'This filename was previously used by a file that has since been deleted. Use a different version. See https://pypi.org/help/#file-name-reuse for more information.',
    ]);
  });

  const pip = probeTool('python3 -m pip', process.env.PACKWRIGHT_PYTHON ?? 'python3', ['-m', 'pip', '--version']);
  it.skipIf(skipUnless(pip))("pip installs from the machine's local index served read-only", async () => {
    if (!simpleDirs.length) {
      console.warn('skipped: no local PEP 503 index configured (PACKWRIGHT_LOCAL_INDEX or pip config)');
      return;
    }
    const list = (await (await fetch(`${server.url}simple/`, { headers: JSON_V1 })).json()) as { projects: { name: string }[] };
    expect(list.projects.length).toBeGreaterThan(100);
    expect(list.projects.some((p) => p.name === 'pwadmin')).toBe(true);
    // A small pure-Python project of the local index, installed without its dependencies.
    const candidates = ['six', 'iniconfig', 'idna', 'tomli'];
    const names = new Set(list.projects.map((p) => p.name.toLowerCase()));
    const pick = candidates.find((c) => names.has(c));
    if (!pick) return;
    const target = `${tmp.dir}/mirror-target`;
    const r = await run(
      process.env.PACKWRIGHT_PYTHON ?? 'python3',
      ['-m', 'pip', 'install', '--index-url', `${server.url}simple/`, '--no-cache-dir', '--no-deps', '--only-binary', ':all:', '--target', target, pick],
      { env: isolatedPipEnv() },
    );
    expect(r.stdout).toContain(`Successfully installed ${pick}`);
    expect(existsSync(target)).toBe(true);
    expect(accessLog(root).some((l) => l.path.startsWith('/mirror/') && l.status === 200 && l.ua.startsWith('pip/'))).toBe(true);
  });
});
