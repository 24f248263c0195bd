import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, createGzip, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { pack } from 'tar-stream';
import { ArchiveError } from './archive-error';
import type { ArchiveErrorCode } from './archive-error';
import { recordHash } from './record';
import { readSdist } from './sdist';
import { buildZip, demoWheelEntries } from './test-zip';
import type { TestZipEntry } from './test-zip';
import { WheelError, readWheel } from './wheel';

const hash = (d: Buffer): string => recordHash(d).slice('sha256='.length);
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pw-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deflate `mb` MiB of zeros without holding them in memory. */
async function deflatedZeros(mb: number): Promise<Buffer> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const zeros = Buffer.alloc(1 << 20);
  for (let i = 0; i < mb; i++) if (!d.write(zeros)) await new Promise((r) => d.once('drain', r));
  await new Promise((r) => d.end(r));
  return Buffer.concat(out);
}

/** Run `fn`, expect an ArchiveError/WheelError with `code`, within bounded time and heap growth. */
async function expectTyped(code: ArchiveErrorCode | WheelError['code'], fn: () => Promise<unknown>): Promise<void> {
  const heap0 = process.memoryUsage();
  const t0 = performance.now();
  let error: unknown = null;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  const heap1 = process.memoryUsage();
  const grown = heap1.heapUsed + heap1.arrayBuffers - (heap0.heapUsed + heap0.arrayBuffers);
  expect(error, `expected ${code}`).toBeInstanceOf(error instanceof WheelError ? WheelError : ArchiveError);
  expect((error as ArchiveError).code).toBe(code);
  expect(ms).toBeLessThan(15_000);
  expect(grown).toBeLessThan(96 * 1024 * 1024);
}

function wheelFile(name: string, zip: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, zip);
  return p;
}

const demo = (extra: TestZipEntry[] = []): TestZipEntry[] => [...demoWheelEntries(hash), ...extra];

describe('hostile wheels', () => {
  it('reads the well-formed demo wheel and verifies RECORD', async () => {
    const w = await readWheel(wheelFile('demo-1.0-py3-none-any.whl', buildZip(demo())));
    expect(w.problems).toEqual([]);
    expect(w.verified?.files).toBe(4);
  });

  it.each([
    ['../evil.py', 'ZIP_SLIP'],
    ['/etc/passwd', 'ZIP_SLIP'],
    ['C:/Windows/evil.dll', 'ZIP_SLIP'],
    ['demo/../../evil.py', 'ZIP_SLIP'],
    ['demo\\..\\..\\evil.py', 'BAD_PATH'],
    ['demo/./x.py', 'BAD_PATH'],
    ['demo//x.py', 'BAD_PATH'],
    ['demo/\u0000x.py', 'BAD_PATH'],
  ] as const)('refuses member %j (%s)', async (name, code) => {
    await expectTyped(code, () => readWheel(buildZip(demo([{ name, data: Buffer.from('boom') }])), { filename: 'demo-1.0-py3-none-any.whl' }));
  });

  it('refuses names that are not UTF-8 under the UTF-8 flag', async () => {
    const bad = { name: 'x', data: Buffer.from('a'), central: { name: Buffer.from([0x64, 0xff, 0x2f]) }, local: { name: Buffer.from([0x64, 0xff, 0x2f]) } };
    await expectTyped('BAD_PATH', () => readWheel(buildZip(demo([bad])), { filename: 'demo-1.0-py3-none-any.whl' }));
  });

  it('refuses a declared 10 GB of zeros before inflating anything', async () => {
    const zeros = await deflatedZeros(1);
    const bomb = { name: 'demo/zeros.bin', compressed: zeros, zip64: true, central: { uncompressedSize: 10 * 1024 ** 3 } };
    await expectTyped('ZIP_BOMB', () => readWheel(buildZip(demo([bomb])), { filename: 'demo-1.0-py3-none-any.whl' }));
  });

  it('refuses an archive whose ratio exceeds PyPI’s (200 MiB of zeros)', async () => {
    const zeros = await deflatedZeros(200);
    const bomb = { name: 'demo/zeros.bin', compressed: zeros, central: { uncompressedSize: 200 * 1024 ** 2 } };
    await expectTyped('ZIP_BOMB', () => readWheel(buildZip(demo([bomb])), { filename: 'demo-1.0-py3-none-any.whl' }));
  });

  it('refuses a declared ratio deflate cannot produce', async () => {
    const e = { name: 'demo/x.bin', compressed: Buffer.from([0x03, 0x00]), central: { uncompressedSize: 50 * 1024 ** 2 } };
    await expectTyped('ZIP_BOMB', () => readWheel(buildZip(demo([e])), { filename: 'demo-1.0-py3-none-any.whl' }));
  });

  it('stops a member that inflates past its declared size (small and streamed)', async () => {
    const zeros = await deflatedZeros(200);
    const liar = { name: 'demo/zeros.bin', compressed: zeros, central: { uncompressedSize: 1000 } };
    await expectTyped('ZIP_BOMB', () => readWheel(buildZip(demo([liar])), { filename: 'demo-1.0-py3-none-any.whl' }));
    // Incompressible data above the one-shot size, declared 1 MiB short: the streamed path.
    const data = randomBytes(70 * 1024 * 1024);
    const big = { name: 'demo/random.bin', data, method: 8, central: { uncompressedSize: data.length - (1 << 20) } };
    const path = wheelFile('demo-1.0-py3-none-any.whl', buildZip(demo([big])));
    await expectTyped('ZIP_BOMB', () => readWheel(path));
  });

  it('detects truncation', async () => {
    const zip = buildZip(demo());
    for (const cut of [10, 200, zip.length - 30, zip.length - 1]) {
      await expectTyped('TRUNCATED', () => readWheel(zip.subarray(0, cut), { filename: 'demo-1.0-py3-none-any.whl' }));
    }
    await expectTyped('TRUNCATED', () => readWheel(buildZip(demo(), { entryCount: 60_000 }), { filename: 'demo-1.0-py3-none-any.whl' }));
    const short = { name: 'demo/x.bin', data: randomBytes(5000), method: 8, central: { compressedSize: 100 }, local: { compressedSize: 100 } };
    await expectTyped('TRUNCATED', () => readWheel(buildZip(demo([short])), { filename: 'demo-1.0-py3-none-any.whl' }));
  });

  it('refuses duplicate names', async () => {
    await expectTyped('DUPLICATE_ENTRY', () => readWheel(buildZip(demo([{ name: 'demo/__init__.py', data: Buffer.from('y = 2\n') }])), { filename: 'demo-1.0-py3-none-any.whl' }));
  });

  it('refuses overlapping entries', async () => {
    const shared = buildZip(demo(), { extraCentral: [{ of: 0, central: { name: Buffer.from('demo/again.py') } }] });
    await expectTyped('OVERLAPPING_ENTRIES', () => readWheel(shared, { filename: 'demo-1.0-py3-none-any.whl' }));
    const into = buildZip(demo(), { extraCentral: [{ of: 1, central: { name: Buffer.from('demo/overlap.py'), offset: 10 } }] });
    await expectTyped('OVERLAPPING_ENTRIES', () => readWheel(into, { filename: 'demo-1.0-py3-none-any.whl' }));
  });

  it('bounds the number of entries', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ name: `demo/m${i}.py`, data: Buffer.from('') }));
    await expectTyped('TOO_MANY_ENTRIES', () => readWheel(buildZip(demo(many)), { filename: 'demo-1.0-py3-none-any.whl', limits: { maxEntries: 20 } }));
  });

  it('gives typed errors for non-zips, odd methods, encryption, header and CRC mismatches, trailing data', async () => {
    const f = { filename: 'demo-1.0-py3-none-any.whl' };
    await expectTyped('NOT_A_ZIP', () => readWheel(randomBytes(5000), f));
    await expectTyped('NOT_A_ZIP', () => readWheel(Buffer.alloc(0), f));
    await expectTyped('NOT_A_ZIP', () => readWheel(gzipSync(buildZip(demo())), f));
    await expectTyped('IO', () => readWheel(join(dir, 'missing.whl')));
    await expectTyped('UNSUPPORTED_COMPRESSION', () => readWheel(buildZip(demo([{ name: 'demo/b.bin', data: Buffer.from('x'), method: 12 }])), f));
    await expectTyped('ENCRYPTED', () => readWheel(buildZip(demo([{ name: 'demo/e.bin', data: Buffer.from('x'), flags: 0x801 }])), f));
    await expectTyped('HEADER_MISMATCH', () => readWheel(buildZip(demo([{ name: 'demo/a.py', data: Buffer.from('x'), local: { name: Buffer.from('demo/b.py') } }])), f));
    await expectTyped('CRC_MISMATCH', () => readWheel(buildZip(demo([{ name: 'demo/c.py', data: Buffer.from('x'), central: { crc: 1 } }])), f));
    await expectTyped('CORRUPT', () => readWheel(buildZip(demo(), { trailing: Buffer.from('junk') }), f));
    await expectTyped('NO_METADATA', () => readWheel(buildZip(demo().filter((e) => !e.name.endsWith('METADATA'))), f));
    await expectTyped('NO_DIST_INFO', () => readWheel(buildZip([{ name: 'x.py', data: Buffer.from('') }]), f));
  });

  it('reports RECORD problems without failing', async () => {
    const entries = demo().map((e) => (e.name === 'demo/__init__.py' ? { ...e, data: Buffer.from('x = 2\n') } : e));
    entries.push({ name: 'demo/unlisted.py', data: Buffer.from('') });
    const w = await readWheel(buildZip(entries), { filename: 'demo-1.0-py3-none-any.whl' });
    expect(w.problems.map((p) => p.code).sort()).toEqual(['HASH_MISMATCH', 'NOT_IN_RECORD']);
  });
});

async function tarGz(entries: { name: string; type?: 'file' | 'symlink' | 'link' | 'directory' | 'character-device'; data?: Buffer; linkname?: string; size?: number }[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const done = new Promise<void>((r) => p.on('end', () => r()));
  for (const e of entries) {
    await new Promise<void>((resolve, reject) =>
      p.entry({ name: e.name, type: e.type ?? 'file', size: e.data?.length ?? 0, ...(e.linkname ? { linkname: e.linkname } : {}) }, e.data ?? Buffer.alloc(0), (err) => (err ? reject(err) : resolve())),
    );
  }
  p.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

const PKG_INFO = Buffer.from('Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n');

describe('hostile sdists', () => {
  it('reads a well-formed sdist', async () => {
    const s = await readSdist(await tarGz([{ name: 'demo-1.0/PKG-INFO', data: PKG_INFO }, { name: 'demo-1.0/setup.py', data: Buffer.from('') }]));
    expect(s).toMatchObject({ format: 'tar.gz', topLevel: ['demo-1.0'], problems: [] });
    expect(s.pkgInfo?.fields.name).toBe('demo');
  });

  it.each([
    [{ name: 'demo-1.0/link', type: 'symlink', linkname: '/etc/passwd' }, 'SYMLINK'],
    [{ name: 'demo-1.0/hard', type: 'link', linkname: '../../etc/passwd' }, 'SYMLINK'],
    [{ name: '../evil.py', data: Buffer.from('x') }, 'ZIP_SLIP'],
    [{ name: '/abs/evil.py', data: Buffer.from('x') }, 'ZIP_SLIP'],
    [{ name: 'demo-1.0/PKG-INFO', data: PKG_INFO }, 'DUPLICATE_ENTRY'],
    [{ name: 'demo-1.0/dev', type: 'character-device' }, 'SPECIAL_FILE'],
  ] as const)('refuses %j', async (bad, code) => {
    const archive = await tarGz([{ name: 'demo-1.0/PKG-INFO', data: PKG_INFO }, bad as never]);
    await expectTyped(code, () => readSdist(archive));
  });

  it('refuses a gzip bomb, truncation, non-gzip data and too many members', async () => {
    const big = await new Promise<Buffer>((resolve) => {
      const p = pack();
      const gz = createGzip({ level: 9 });
      const chunks: Buffer[] = [];
      p.pipe(gz);
      gz.on('data', (c: Buffer) => chunks.push(c));
      gz.on('end', () => resolve(Buffer.concat(chunks)));
      const entry = p.entry({ name: 'demo-1.0/zeros', size: 300 * 1024 * 1024 });
      const zero = Buffer.alloc(1 << 20);
      let i = 0;
      const write = (): void => {
        while (i < 300) {
          i++;
          if (!entry.write(zero)) return void entry.once('drain', write);
        }
        entry.end(Buffer.alloc(0));
        p.finalize();
      };
      write();
    });
    await expectTyped('ZIP_BOMB', () => readSdist(big));
    const ok = await tarGz([{ name: 'demo-1.0/PKG-INFO', data: PKG_INFO }, { name: 'demo-1.0/x', data: randomBytes(20_000) }]);
    await expectTyped('TRUNCATED', () => readSdist(ok.subarray(0, ok.length - 5000)));
    await expectTyped('NOT_A_TAR', () => readSdist(randomBytes(3000)));
    await expectTyped('NOT_A_TAR', () => readSdist(gzipSync(randomBytes(3000))));
    const many = await tarGz(Array.from({ length: 40 }, (_, i) => ({ name: `demo-1.0/f${i}`, data: Buffer.from('') })));
    await expectTyped('TOO_MANY_ENTRIES', () => readSdist(many, { limits: { maxEntries: 10 } }));
  });
});
