/**
 * Metadata routes of the provider: PEP 658 files (hash-checked), METADATA by HTTP range
 * requests (with fallback to a hash-checked full download when ranges are refused or lied
 * about), local wheels, sdist PKG-INFO (PEP 643) or "needs a build", name/version checks,
 * several indexes with each strategy plus find-links, and an offline second run.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeName } from '../../standards/names';
import type { NormalizedName } from '../../standards/names';
import { parseVersion } from '../../standards/pep440';
import { MetadataUnavailableError } from '../provider';
import { IndexError } from './errors';
import { IndexProvider } from './index-provider';
import type { IndexProviderOptions } from './index-provider';
import { buildIndexTree } from './testing/build-tree';
import { startTestServer } from './testing/test-server';
import type { TestServer } from './testing/test-server';
import { buildZip } from './testing/zip-writer';

let dir: string;
let server: TestServer;
const n = (s: string): NormalizedName => normalizeName(s);
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A ~600 KB wheel whose central directory does not fit in the first 64 KiB tail. */
function bigWheel(version: string, requires: string[]): Buffer {
  const di = `bigpkg-${version}.dist-info`;
  const md = ['Metadata-Version: 2.1', 'Name: bigpkg', `Version: ${version}`, 'Requires-Python: >=3.9', ...requires.map((r) => `Requires-Dist: ${r}`), '', 'x'.repeat(20_000)].join('\n');
  return buildZip([
    { name: 'bigpkg/payload.bin', data: randomBytes(400_000) },
    ...Array.from({ length: 900 }, (_, i) => ({ name: `bigpkg/sub/module_with_a_rather_long_descriptive_name_${i}.py`, data: `x = ${i}\n` })),
    { name: `${di}/METADATA`, data: md, deflate: true },
    { name: `${di}/WHEEL`, data: 'Wheel-Version: 1.0\nTag: py3-none-any\n' },
    { name: `${di}/RECORD`, data: '' },
  ]);
}

async function writePage(root: string, project: string, links: string[]): Promise<void> {
  await mkdir(join(root, 'simple', project), { recursive: true });
  await writeFile(join(root, 'simple', project, 'index.html'), `<html><body>\n${links.join('\n')}\n</body></html>`);
}

let big: Buffer;
const provider = (opts: Partial<IndexProviderOptions> = {}): IndexProvider => new IndexProvider({ indexes: [`${server.url}simple/`], ...opts });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-meta-'));
  await buildIndexTree(dir, [
    { name: 'small', version: '1.0', requiresDist: ['dep>=1'], providesExtra: ['x'] },
    { name: 'src-only', version: '1.0', wheelTags: [], sdist: true, requiresDist: ['dep'] },
    { name: 'src-dynamic', version: '1.0', wheelTags: [], sdist: true, sdistDynamic: ['Requires-Dist'] },
    { name: 'badhash', version: '1.0' },
  ]);
  // A PEP 658 file that no longer matches its advertised hash.
  await writeFile(join(dir, 'files', 'badhash-1.0-py3-none-any.whl.metadata'), 'Metadata-Version: 2.1\nName: badhash\nVersion: 1.0\nRequires-Dist: evil\n');
  big = bigWheel('1.0', ['numpy>=1.20', 'requests ; extra == "http"']);
  await writeFile(join(dir, 'files', 'bigpkg-1.0-py3-none-any.whl'), big);
  await writePage(dir, 'bigpkg', [`<a href="../../files/bigpkg-1.0-py3-none-any.whl#sha256=${sha256(big)}">bigpkg-1.0-py3-none-any.whl</a>`]);
  await writeFile(join(dir, 'files', 'wronghash-1.0-py3-none-any.whl'), bigWheel('1.0', []));
  await writePage(dir, 'wronghash', [`<a href="../../files/wronghash-1.0-py3-none-any.whl#sha256=${'0'.repeat(64)}">wronghash-1.0-py3-none-any.whl</a>`]);
  server = await startTestServer({ root: dir });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const wheelRequests = (name: string) => server.requests.filter((r) => r.path.endsWith(name));

describe('METADATA by HTTP range requests', () => {
  it('reads only the tail, the central directory and the METADATA member', async () => {
    const before = wheelRequests('bigpkg-1.0-py3-none-any.whl').length;
    const p = provider();
    const md = await p.getMetadata(n('bigpkg'), parseVersion('1.0'));
    expect(md).toEqual({ requiresDist: ['numpy>=1.20', 'requests ; extra == "http"'], requiresPython: '>=3.9', providesExtra: [] });
    const reqs = wheelRequests('bigpkg-1.0-py3-none-any.whl').slice(before);
    expect(reqs.length).toBe(3);
    expect(reqs.every((r) => typeof r.headers.range === 'string')).toBe(true);
    expect(p.stats().metadataRoutes.range).toBe(1);
    expect(p.stats().fetch.bytes).toBeLessThan(big.length / 4);
  });

  it('falls back to a full, hash-checked download when ranges are refused', async () => {
    server.options = { ...server.options, ranges: false };
    try {
      const p = provider();
      expect((await p.getMetadata(n('bigpkg'), parseVersion('1.0'))).requiresPython).toBe('>=3.9');
      expect(p.stats().metadataRoutes.download).toBe(1);
      // The 200 to the range request is dropped unread, then the file is fetched once.
      expect(p.stats().fetch.bytes).toBeLessThan(big.length * 1.2);
      await expect(p.getMetadata(n('wronghash'), parseVersion('1.0'))).rejects.toMatchObject({ code: 'HASH_MISMATCH' });
    } finally {
      server.options = { ...server.options, ranges: true };
    }
  });

  it('falls back when the server lies about the file size in Content-Range', async () => {
    const path = '/files/bigpkg-1.0-py3-none-any.whl';
    server.hooks.set(path, (req, res) => {
      if (!req.headers.range) return false;
      const m = /^bytes=-(\d+)$/.exec(req.headers.range);
      const len = m ? Math.min(Number(m[1]), big.length) : 0;
      if (!len) return false;
      res.writeHead(206, { 'content-range': `bytes ${big.length + 5000 - len}-${big.length + 4999}/${big.length + 5000}`, 'content-length': String(len) });
      res.end(big.subarray(big.length - len));
      return true;
    });
    try {
      const p = provider();
      expect((await p.getMetadata(n('bigpkg'), parseVersion('1.0'))).requiresDist).toContain('numpy>=1.20');
      expect(p.stats().metadataRoutes.download).toBe(1);
    } finally {
      server.hooks.delete(path);
    }
  });
});

describe('PEP 658 metadata, sdists and checks', () => {
  it('uses PEP 658 files over HTTP and over file://', async () => {
    for (const p of [provider(), new IndexProvider({ indexes: [`file://${dir}/simple/`] })]) {
      const listing = await p.listVersions(n('small'));
      expect(listing?.versions.map((v) => v.files.map((f) => f.filename))).toEqual([['small-1.0-py3-none-any.whl']]);
      expect(await p.getMetadata(n('small'), parseVersion('1.0'))).toEqual({ requiresDist: ['dep>=1'], requiresPython: null, providesExtra: ['x'] });
      expect(p.stats().metadataRoutes.pep658).toBe(1);
    }
  });

  it('refuses a PEP 658 file whose hash does not match (a fatal IndexError)', async () => {
    for (const p of [provider(), new IndexProvider({ indexes: [`file://${dir}/simple/`] })]) {
      const err = await p.getMetadata(n('badhash'), parseVersion('1.0')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IndexError);
      expect(err).toMatchObject({ code: 'HASH_MISMATCH' });
    }
  });

  it('reads local wheels without PEP 658 files', async () => {
    const tree = await buildIndexTree(join(dir, 'no658'), [{ name: 'plain', version: '2.0', requiresDist: ['a'] }], { metadataFiles: false });
    const p = new IndexProvider({ indexes: [tree.simpleUrl] });
    expect((await p.getMetadata(n('plain'), parseVersion('2.0'))).requiresDist).toEqual(['a']);
    expect(p.stats().metadataRoutes['local-wheel']).toBe(1);
  });

  it('reads a PEP 643 PKG-INFO and says "needs a build" when it is dynamic', async () => {
    for (const p of [provider(), new IndexProvider({ indexes: [`file://${dir}/simple/`] })]) {
      expect((await p.getMetadata(n('src-only'), parseVersion('1.0'))).requiresDist).toEqual(['dep']);
      const err = await p.getMetadata(n('src-dynamic'), parseVersion('1.0')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MetadataUnavailableError);
      expect((err as Error).message).toMatch(/Dynamic.*build/);
    }
  });

  it('rejects metadata that names another version', async () => {
    const tree = await buildIndexTree(join(dir, 'mismatch'), [{ name: 'liar', version: '1.0' }], { metadataFiles: false });
    const other = await buildIndexTree(join(dir, 'mismatch-src'), [{ name: 'liar', version: '9.0' }], { metadataFiles: false });
    await writeFile(join(tree.filesDir, 'liar-1.0-py3-none-any.whl'), await readFile(join(other.filesDir, 'liar-9.0-py3-none-any.whl')));
    const err = await new IndexProvider({ indexes: [tree.simpleUrl] }).getMetadata(n('liar'), parseVersion('1.0')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MetadataUnavailableError);
    expect((err as Error).message).toMatch(/version/);
  });
});

describe('several indexes and find-links', () => {
  let a: string;
  let b: string;
  let links: string;
  beforeAll(async () => {
    a = (await buildIndexTree(join(dir, 'idx-a'), [{ name: 'p', version: '1.0' }, { name: 'p', version: '2.0', requiresDist: ['from-a'] }])).simpleUrl;
    b = (await buildIndexTree(join(dir, 'idx-b'), [{ name: 'p', version: '2.0', requiresDist: ['from-b'] }, { name: 'p', version: '3.0' }, { name: 'q', version: '1.0' }])).simpleUrl;
    links = (await buildIndexTree(join(dir, 'links'), [{ name: 'p', version: '4.0' }])).filesDir;
  });
  const versions = async (p: IndexProvider, name: string): Promise<string[]> => ((await p.listVersions(n(name)))?.versions ?? []).map((v) => v.version.toString()).sort();

  it('first-index: only the first index that has the project', async () => {
    const p = new IndexProvider({ indexes: [a, b] });
    expect(await versions(p, 'p')).toEqual(['1.0', '2.0']);
    expect(await versions(p, 'q')).toEqual(['1.0']);
    expect(await p.listVersions(n('nowhere'))).toBeNull();
  });

  it('unsafe-first-match: each version from the first index listing it', async () => {
    const p = new IndexProvider({ indexes: [a, b], strategy: 'unsafe-first-match' });
    expect(await versions(p, 'p')).toEqual(['1.0', '2.0', '3.0']);
    expect((await p.getMetadata(n('p'), parseVersion('2.0'))).requiresDist).toEqual(['from-a']);
  });

  it('unsafe-best-match: everything merged (pip), first listing of a file name kept', async () => {
    const p = new IndexProvider({ indexes: [b, a], strategy: 'unsafe-best-match' });
    expect(await versions(p, 'p')).toEqual(['1.0', '2.0', '3.0']);
    expect((await p.getMetadata(n('p'), parseVersion('2.0'))).requiresDist).toEqual(['from-b']);
  });

  it('skips an unreachable index (with a warning) when other sources remain, as pip does', async () => {
    const dead = 'http://127.0.0.1:9/simple/';
    const p = new IndexProvider({ indexes: [dead, a] });
    expect(await versions(p, 'p')).toEqual(['1.0', '2.0']);
    expect((await p.warnings()).join('\n')).toContain(`index ${dead} could not be reached`);
    await expect(new IndexProvider({ indexes: [dead] }).listVersions(n('p'))).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('adds find-links files to every strategy', async () => {
    const p = new IndexProvider({ indexes: [a], findLinks: [links] });
    expect(await versions(p, 'p')).toEqual(['1.0', '2.0', '4.0']);
    expect((await p.getMetadata(n('p'), parseVersion('4.0'))).requiresDist).toEqual([]);
  });
});

describe('credentials in the index URL', () => {
  it('sends them as Basic auth on the same origin only, and never writes or prints the password', async () => {
    const seen: (string | undefined)[] = [];
    const guard = (path: string): void => {
      server.hooks.set(path, (req, res) => {
        seen.push(req.headers.authorization);
        if (req.headers.authorization === `Basic ${Buffer.from('alice:s3cret').toString('base64')}`) return false;
        res.writeHead(401).end();
        return true;
      });
    };
    guard('/simple/small/');
    guard('/files/small-1.0-py3-none-any.whl.metadata');
    try {
      const cacheDir = join(dir, 'cache-auth');
      const authed = `${server.url.replace('://', '://alice:s3cret@')}simple/`;
      const p = new IndexProvider({ indexes: [authed], cacheDir });
      expect((await p.getMetadata(n('small'), parseVersion('1.0'))).requiresDist).toEqual(['dep>=1']);
      expect(seen).toHaveLength(2);
      const err = await new IndexProvider({ indexes: [`${server.url.replace('://', '://alice:wrong@')}simple/`] }).listVersions(n('small')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IndexError);
      expect((err as Error).message).not.toContain("wrong");
      expect(() => execFileSync('grep', ['-r', '-l', 's3cret', cacheDir])).toThrow();
    } finally {
      server.hooks.delete('/simple/small/');
      server.hooks.delete('/files/small-1.0-py3-none-any.whl.metadata');
    }
  });
});

describe('prefetching and progress', () => {
  it('prefetches listings once, reports progress events and page warnings', async () => {
    const events: string[] = [];
    const p = provider({ onEvent: (e) => events.push(e.kind) });
    const before = server.requests.length;
    p.prefetch(['small', 'bigpkg', 'small']);
    const [small, bigpkg] = await Promise.all([p.listVersions(n('small')), p.listVersions(n('bigpkg'))]);
    expect(small?.versions).toHaveLength(1);
    expect(bigpkg?.versions).toHaveLength(1);
    expect(server.requests.length - before).toBe(2);
    expect(events.filter((e) => e === 'request')).toHaveLength(2);
    expect(events).toContain('bytes');
    expect(await p.warnings()).toEqual([]);
  });
});

describe('offline second run', () => {
  it('resolves the same metadata offline with zero network requests', async () => {
    const cacheDir = join(dir, 'cache');
    const names = ['bigpkg', 'small', 'src-only'] as const;
    const online = provider({ cacheDir });
    const first = await Promise.all(names.map(async (name) => {
      const listing = await online.listVersions(n(name));
      return online.getMetadata(n(name), listing!.versions[0]!.version);
    }));
    const before = server.requests.length;
    const offline = provider({ cacheDir, offline: true });
    const second = await Promise.all(names.map(async (name) => {
      const listing = await offline.listVersions(n(name));
      return offline.getMetadata(n(name), listing!.versions[0]!.version);
    }));
    expect(second).toEqual(first);
    expect(server.requests.length).toBe(before);
    expect(offline.stats().fetch.requests).toBe(0);
    expect(offline.stats().metadataRoutes.cache).toBe(3);
    await expect(offline.listVersions(n('never-seen'))).rejects.toMatchObject({ code: 'OFFLINE_MISS' });
  });
});
