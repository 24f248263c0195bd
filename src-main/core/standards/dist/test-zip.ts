/**
 * A tiny zip writer for tests (APPNOTE.TXT layout: local headers + data, central directory,
 * end record, optional zip64 sizes) that can also lie: every central or local field can be
 * overridden, extra central records can point anywhere, bytes can be cut or appended — enough
 * to craft the hostile archives of the hostile-archive suite without committing binary blobs.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface TestZipEntry {
  readonly name: string;
  readonly data?: Buffer;
  /** 0 stored, 8 deflate (default 8). */
  readonly method?: number;
  readonly flags?: number;
  /** Unix mode in the external attributes (e.g. 0o120777 for a symlink). */
  readonly unixMode?: number;
  /** Pre-compressed data (with method 8) instead of deflating `data`. */
  readonly compressed?: Buffer;
  /** Override central directory fields. */
  readonly central?: Partial<{ name: Buffer; crc: number; compressedSize: number; uncompressedSize: number; offset: number; method: number; flags: number }>;
  /** Override local header fields. */
  readonly local?: Partial<{ name: Buffer; compressedSize: number; method: number }>;
  /** Write sizes as zip64 (0xFFFFFFFF + extra field) in the central directory. */
  readonly zip64?: boolean;
}

export interface TestZipOptions {
  /** Extra central records: a copy of entry `of`'s record with overrides. */
  readonly extraCentral?: readonly { of: number; central: TestZipEntry['central'] }[];
  /** Override the entry count in the end record. */
  readonly entryCount?: number;
  readonly trailing?: Buffer;
  readonly comment?: Buffer;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n & 0xffff);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

interface Written {
  name: Buffer;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
  method: number;
  flags: number;
  unixMode: number;
  zip64: boolean;
}

function centralRecord(w: Written, o: TestZipEntry['central'] = {}): Buffer {
  const v = { ...w, ...o };
  const zip64 = w.zip64;
  const extra = zip64 ? Buffer.concat([u16(1), u16(16), u64(v.uncompressedSize), u64(v.compressedSize)]) : Buffer.alloc(0);
  return Buffer.concat([
    u32(0x02014b50), u16(0x031e), u16(20), u16(v.flags), u16(v.method), u16(0), u16(0x21), u32(v.crc),
    u32(zip64 ? 0xffffffff : v.compressedSize), u32(zip64 ? 0xffffffff : v.uncompressedSize),
    u16(v.name.length), u16(extra.length), u16(0), u16(0), u16(0), u32((v.unixMode << 16) >>> 0), u32(v.offset), v.name, extra,
  ]);
}

/** Build a zip file. */
export function buildZip(entries: readonly TestZipEntry[], opts: TestZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 8;
    const body = e.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(e.name, 'utf8');
    const w: Written = { name, crc: crc32(data), compressedSize: body.length, uncompressedSize: data.length, offset, method, flags: e.flags ?? 0x800, unixMode: e.unixMode ?? 0o100644, zip64: e.zip64 ?? false };
    const l = { name, compressedSize: body.length, method, ...e.local };
    const header = Buffer.concat([
      u32(0x04034b50), u16(20), u16(w.flags), u16(l.method), u16(0), u16(0x21), u32(w.crc), u32(l.compressedSize), u32(w.uncompressedSize), u16(l.name.length), u16(0), l.name,
    ]);
    parts.push(header, body);
    offset += header.length + body.length;
    written.push(w);
  }
  const cdStart = offset;
  const records = entries.map((e, i) => centralRecord(written[i] as Written, e.central));
  for (const x of opts.extraCentral ?? []) records.push(centralRecord(written[x.of] as Written, x.central));
  const cd = Buffer.concat(records);
  const comment = opts.comment ?? Buffer.alloc(0);
  const count = opts.entryCount ?? records.length;
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(cd.length), u32(cdStart), u16(comment.length), comment]);
  return Buffer.concat([...parts, cd, eocd, opts.trailing ?? Buffer.alloc(0)]);
}

/** `sha256=…` RECORD line for some bytes. */
function recordLine(path: string, data: Buffer, hash: (d: Buffer) => string): string {
  return `${path},sha256=${hash(data)},${data.length}`;
}

/** A small valid wheel's entries (name `demo`, version 1.0), for building variations. */
export function demoWheelEntries(hash: (d: Buffer) => string, extra: readonly TestZipEntry[] = []): TestZipEntry[] {
  const files: [string, Buffer][] = [
    ['demo/__init__.py', Buffer.from('x = 1\n')],
    ['demo-1.0.dist-info/METADATA', Buffer.from('Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n\nDemo.\n')],
    ['demo-1.0.dist-info/WHEEL', Buffer.from('Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n')],
    ...extra.map((e): [string, Buffer] => [e.name, e.data ?? Buffer.alloc(0)]),
  ];
  const record = [...files.map(([p, d]) => recordLine(p, d, hash)), 'demo-1.0.dist-info/RECORD,,', ''].join('\n');
  return [...files.map(([name, data]) => ({ name, data })), { name: 'demo-1.0.dist-info/RECORD', data: Buffer.from(record) }];
}
