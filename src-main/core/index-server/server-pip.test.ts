/**
 * Both pips install a small dependency chain (a → b → c) from the real server process, using
 * PEP 658 metadata: the access log must show every `.metadata` fetched before any wheel.
 * Debian's pip 23.0.1 reads `data-dist-info-metadata` from HTML (it gets HTML, see negotiate.ts);
 * the image's pip 23.2.1 reads `core-metadata` from JSON.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTool, skipUnless } from '../../testing/require-tool';
import { accessLog, buildDists, createTokenDirect, isolatedPipEnv, legacyUpload, startServer, tempDir, type ServerProcess } from './test-support/harness';

const run = promisify(execFile);
const PIPS = [
  { label: 'Debian pip 23.0.1', python: '/usr/bin/python3', version: '23.0.1', format: 'html' },
  { label: "the image's pip", python: process.env.PACKWRIGHT_PYTHON ?? 'python3', version: null, format: 'json' },
] as const;

describe('pip installs from the index with PEP 658 metadata', () => {
  const tmp = tempDir('pw-pip-');
  let server: ServerProcess;

  beforeAll(async () => {
    const root = `${tmp.dir}/root`;
    const token = createTokenDirect(root);
    const [srv, dists] = await Promise.all([
      startServer(root),
      buildDists(`${tmp.dir}/dist`, [
        { kind: 'wheel', name: 'pwchain-a', version: '1.0.0', requires_dist: ['pwchain-b>=1.0'], requires_python: '>=3.7' },
        { kind: 'wheel', name: 'pwchain-b', version: '1.0.0', requires_dist: ['pwchain-c'] },
        { kind: 'wheel', name: 'pwchain-b', version: '1.1.0', requires_dist: ['pwchain-c'] },
        { kind: 'wheel', name: 'pwchain-c', version: '2.0.0' },
        { kind: 'sdist', name: 'pwchain-c', version: '2.0.0' },
      ]),
    ]);
    server = srv;
    for (const d of dists) {
      const [name, version] = d.filename.replace(/\.tar\.gz$/, '').split('-') as [string, string];
      const r = await legacyUpload(server.url, token, d, { name: name.replace(/_/g, '-'), version });
      expect(r.status, r.reason).toBe(200);
    }
  });
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  for (const pip of PIPS) {
    const check = probeTool(pip.label, pip.python, ['-m', 'pip', '--version']);
    it.skipIf(skipUnless(check))(`${pip.label} installs pwchain-a and its dependencies`, async () => {
      const { stdout: v } = await run(pip.python, ['-m', 'pip', '--version']);
      if (pip.version) expect(v).toContain(`pip ${pip.version}`);
      const pipVersion = /^pip (\S+)/.exec(v)![1]!;
      const target = `${tmp.dir}/target-${pipVersion}`;
      const before = accessLog(server.root).length;
      const r = await run(
        pip.python,
        ['-m', 'pip', 'install', '--index-url', `${server.url}simple/`, '--no-cache-dir', '--target', target, '--only-binary', ':all:', 'pwchain-a'],
        { env: isolatedPipEnv() },
      ).catch((e: { stdout: string; stderr: string }) => {
        throw new Error(`pip failed:\n${e.stdout}\n${e.stderr}`);
      });
      expect(r.stdout).toMatch(/Successfully installed .*pwchain-a-1\.0\.0/);
      expect(r.stdout).toContain('pwchain-b-1.1.0');
      expect(r.stdout).toContain('pwchain-c-2.0.0');
      for (const pkg of ['pwchain_a', 'pwchain_b', 'pwchain_c']) expect(existsSync(`${target}/${pkg}/__init__.py`)).toBe(true);

      const mine = accessLog(server.root)
        .slice(before)
        .filter((l) => l.ua.startsWith(`pip/${pipVersion}`));
      const metadataFetches = mine.filter((l) => l.path.endsWith('.whl.metadata'));
      const wheelFetches = mine.filter((l) => l.path.endsWith('.whl'));
      expect(metadataFetches.map((l) => l.path.split('/').pop()).sort()).toEqual(
        ['pwchain_a-1.0.0-py3-none-any.whl.metadata', 'pwchain_b-1.1.0-py3-none-any.whl.metadata', 'pwchain_c-2.0.0-py3-none-any.whl.metadata'],
      );
      expect(metadataFetches.every((l) => l.status === 200)).toBe(true);
      // pip 23.0.x downloads each wheel twice after a PEP 658 resolve (a pip bug); count files.
      expect(new Set(wheelFetches.map((l) => l.path)).size).toBe(3);
      const lastMetadata = mine.lastIndexOf(metadataFetches[metadataFetches.length - 1]!);
      const firstWheel = mine.indexOf(wheelFetches[0]!);
      expect(lastMetadata).toBeLessThan(firstWheel);
      // The page format each pip got (negotiation by Accept, plus the pip < 23.2 exception).
      const pages = mine.filter((l) => l.path.startsWith('/simple/pwchain-'));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const p of pages) expect(p.type.includes('json') ? 'json' : 'html').toBe(pipVersion.startsWith('23.0') ? 'html' : pip.format);
    });
  }
});
