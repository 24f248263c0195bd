/**
 * The provider against the real Packwright index server process (`packwright index serve`):
 * hosted uploads (PEP 658 metadata, hash-checked) and a read-only mirrored PEP 503 tree (no
 * PEP 658, no ranges: full download), in JSON and in HTML, then a second run revalidating
 * pages by ETag (304) and a third run offline with no request at all.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLog, buildDists, createTokenCli, legacyUpload, startServer, tempDir } from '../../index-server/test-support/harness';
import type { ServerProcess } from '../../index-server/test-support/harness';
import { normalizeName } from '../../standards/names';
import { compareVersions, parseVersion } from '../../standards/pep440';
import { MetadataUnavailableError } from '../provider';
import { IndexClient } from './index-client';
import { IndexProvider } from './index-provider';
import { buildIndexTree } from './testing/build-tree';

const tmp = tempDir('pw-provider-server-');
let server: ServerProcess;
let simple: string;

beforeAll(async () => {
  const root = join(tmp.dir, 'root');
  const token = createTokenCli(root);
  const mirror = await buildIndexTree(join(tmp.dir, 'mirror'), [
    { name: 'pwmirror', version: '1.0', requiresDist: ['pwprov-a'], requiresPython: '>=3.8' },
    { name: 'pwmirror', version: '1.1', yanked: 'do not use' },
  ], { metadataFiles: false });
  const [srv, dists] = await Promise.all([
    startServer(root, ['--mirror', mirror.simpleDir]),
    buildDists(join(tmp.dir, 'dist'), [
      { kind: 'wheel', name: 'pwprov-a', version: '1.0.0', requires_dist: ['pwprov-b>=1.0', 'pwprov-c ; extra == "c"'], requires_python: '>=3.8' },
      { kind: 'wheel', name: 'pwprov-b', version: '1.0.0' },
      { kind: 'sdist', name: 'pwprov-b', version: '1.0.0' },
      { kind: 'sdist', name: 'pwprov-c', version: '2.0.0', metadata_version: '2.2', requires_dist: ['pwprov-b'] },
      { kind: 'sdist', name: 'pwprov-d', version: '0.1.0', metadata_version: '2.1' },
    ]),
  ]);
  server = srv;
  simple = `${server.url}simple/`;
  for (const d of dists) {
    const [name, version] = d.filename.replace(/(-py3-none-any\.whl|\.tar\.gz)$/, '').split('-') as [string, string];
    const r = await legacyUpload(server.url, token, d, { name: name.replace(/_/g, '-'), version, metadata_version: name === 'pwprov_d' ? '2.1' : '2.2' });
    expect(r.status, r.reason).toBe(200);
  }
});
afterAll(async () => {
  await server?.stop();
  tmp.cleanup();
});

describe('against packwright index serve', () => {
  it('reads the same files from the JSON and the HTML pages', async () => {
    const client = new IndexClient();
    const [json, html] = await Promise.all([client.projectPage(simple, 'PwProv_A', { format: 'json' }), client.projectPage(simple, 'pwprov-a', { format: 'html' })]);
    expect(json?.format).toBe('json');
    expect(html?.format).toBe('html');
    expect(json?.apiVersion).toBe('1.4');
    const pick = (p: typeof json) => p?.files.map((f) => ({ filename: f.filename, url: f.url, sha256: f.hashes.sha256, rp: f.requiresPython, core: f.coreMetadata, yanked: f.yanked }));
    expect(pick(json)).toEqual(pick(html));
    expect(json?.files[0]?.coreMetadata).toMatchObject({ hashes: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(json?.files[0]?.size).toBeGreaterThan(0);
    expect(json?.versions).toEqual(['1.0.0']);
    const mirrored = await client.projectPage(simple, 'pwmirror', { format: 'json' });
    expect(mirrored?.files.find((f) => f.version === '1.1')?.yanked).toEqual({ reason: 'do not use' });
  });

  it('resolves metadata by PEP 658, by full download from the mirror, and from sdists', async () => {
    const cacheDir = join(tmp.dir, 'cache');
    const names = ['pwprov-a', 'pwprov-b', 'pwprov-c', 'pwmirror'] as const;
    const run = async (p: IndexProvider) => {
      const out: Record<string, unknown> = {};
      for (const name of names) {
        const listing = await p.listVersions(normalizeName(name));
        const best = [...(listing?.versions ?? [])].filter((v) => v.yanked === false).sort((x, y) => compareVersions(x.version, y.version))[0];
        out[name] = { yanked: listing?.versions.filter((v) => v.yanked !== false).map((v) => [v.version.toString(), v.yanked]), md: await p.getMetadata(normalizeName(name), best!.version) };
      }
      return out;
    };
    const before = accessLog(server.root).length;
    const first = new IndexProvider({ indexes: [simple], cacheDir });
    const r1 = await run(first);
    expect(r1['pwprov-a']).toEqual({ yanked: [], md: { requiresDist: ['pwprov-b>=1.0', 'pwprov-c ; extra == "c"'], requiresPython: '>=3.8', providesExtra: [] } });
    expect(r1['pwprov-c']).toMatchObject({ md: { requiresDist: ['pwprov-b'] } });
    expect(r1.pwmirror).toEqual({ yanked: [['1.1', 'do not use']], md: { requiresDist: ['pwprov-a'], requiresPython: '>=3.8', providesExtra: [] } });
    expect(first.stats().metadataRoutes).toMatchObject({ pep658: 2, download: 1, sdist: 1 });
    const log = accessLog(server.root).slice(before);
    expect(log.filter((l) => l.path.endsWith('.whl.metadata')).length).toBe(2);
    expect(log.filter((l) => l.path.endsWith('pwprov_a-1.0.0-py3-none-any.whl'))).toEqual([]);
    // Metadata 2.1 sdist: the provider says a build is needed instead of guessing.
    await expect(first.getMetadata(normalizeName('pwprov-d'), parseVersion('0.1.0'))).rejects.toBeInstanceOf(MetadataUnavailableError);

    // Second run, same cache: pages revalidated with If-None-Match (304), metadata from the cache.
    const mark = accessLog(server.root).length;
    const second = new IndexProvider({ indexes: [simple], cacheDir });
    expect(await run(second)).toEqual(r1);
    const log2 = accessLog(server.root).slice(mark);
    expect(log2.length).toBe(names.length);
    expect(log2.every((l) => l.status === 304 && l.path.startsWith('/simple/'))).toBe(true);
    expect(second.stats().fetch).toMatchObject({ revalidated: names.length, bytes: 0 });

    // Third run, offline: the same answers and no request at all.
    const mark3 = accessLog(server.root).length;
    const offline = new IndexProvider({ indexes: [simple], cacheDir, offline: true });
    expect(await run(offline)).toEqual(r1);
    expect(accessLog(server.root).length).toBe(mark3);
    expect(offline.stats().fetch.requests).toBe(0);
  });
});
