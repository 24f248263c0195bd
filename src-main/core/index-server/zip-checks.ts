/**
 * ZIP structure checks applied to uploaded wheels and `.zip` sdists, as PyPI applies them
 * (https://docs.pypi.org/archives; APPNOTE.TXT §4.3): the archive must read the same through
 * its central directory and through a front-to-back scan of local headers, so that no two ZIP
 * parsers can disagree on its contents. Reasons are PyPI's ("ZIP archive not accepted: <reason>").
 */
import { open, type FileHandle } from 'node:fs/promises';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

/** One central directory entry. */
export interface ZipEntry {
  /** Name as Python's zipfile decodes it (UTF-8 when flag bit 11 is set). */
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly flags: number;
}

export class ZipFormatError extends Error {}

/** Positional reads with bounds checks. */
export class RandomAccess {
  private constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<RandomAccess> {
    const fh = await open(path, 'r');
    return new RandomAccess(fh, (await fh.stat()).size);
  }

  /** Read exactly `n` bytes at `pos`, or fewer at end of file. */
  async read(pos: number, n: number): Promise<Buffer> {
    const len = Math.max(0, Math.min(n, this.size - pos));
    const buf = Buffer.alloc(len);
    if (len > 0) await this.fh.read(buf, 0, len, pos);
    return buf;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

function decodeName(raw: Buffer, flags: number): string {
  if (flags & 0x800) return raw.toString('utf8');
  // Python decodes unflagged names as cp437; only ASCII decodes identically either way, so any
  // other byte yields a name that can never equal a UTF-8 decoding (as in Python).
  return [...raw].every((b) => b < 0x80) ? raw.toString('latin1') : `\u0000cp437:${raw.toString('hex')}`;
}

/** Read the central directory (Python zipfile semantics); throws ZipFormatError("File is not a zip file"). */
export async function readCentralDirectory(ra: RandomAccess): Promise<ZipEntry[]> {
  const tailLen = Math.min(ra.size, 22 + 65535);
  const tail = await ra.read(ra.size - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('File is not a zip file');
  const eocdPos = ra.size - tailLen + at;
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  // Where the central directory ends: the EOCD, or the ZIP64 EOCD record when there is one.
  let endPos = eocdPos;
  if (eocdPos >= 20) {
    const loc = await ra.read(eocdPos - 20, 20);
    if (loc.readUInt32LE(0) === SIG_EOCD64_LOCATOR) {
      endPos = Number(loc.readBigUInt64LE(8));
      const e64 = await ra.read(endPos, 56);
      if (e64.length < 56 || e64.readUInt32LE(0) !== SIG_EOCD64) throw new ZipFormatError('File is not a zip file');
      count = Number(e64.readBigUInt64LE(32));
      cdSize = Number(e64.readBigUInt64LE(40));
      cdOffset = Number(e64.readBigUInt64LE(48));
    }
  }
  // Like Python's zipfile, tolerate data prepended to the archive: the central directory really
  // ends where the EOCD starts (the framing check then rejects the prefix).
  const cdStart = endPos - cdSize;
  if (cdStart < 0 || cdStart < cdOffset || cdSize > 64 * 1024 * 1024) throw new ZipFormatError('Truncated central directory');
  const concat = cdStart - cdOffset;
  const cd = await ra.read(cdStart, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipFormatError('Bad magic number for central directory');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.subarray(p + 46, p + 46 + nameLen);
    const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    // ZIP64 extended information (APPNOTE 4.5.3): only the fields saturated in the record.
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= e + 4 + len && q + 8 <= extra.length ? Number(extra.readBigUInt64LE(q)) : null;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next() ?? size;
        if (compressedSize === 0xffffffff) compressedSize = next() ?? compressedSize;
        if (localOffset === 0xffffffff) localOffset = next() ?? localOffset;
      }
      e += 4 + len;
    }
    entries.push({ name: decodeName(name, flags), method, compressedSize, size, localOffset: localOffset + concat, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

class Invalid extends Error {}

function unprintable(b: Buffer): boolean {
  return b.some((c) => c < 0x20 || c === 0x7f);
}

/**
 * Front-to-back record scan, cross-checked with the central directory; null when the archive
 * is acceptable, else PyPI's reason.
 */
export async function validateZipFraming(ra: RandomAccess, entries: readonly ZipEntry[]): Promise<string | null> {
  const cdSizes = new Map(entries.map((e) => [e.name, e.compressedSize]));
  const local = new Set<string>();
  const central = new Set<string>();
  let pos = 0;
  let cdOffset: number | null = null;
  let cdRecords = 0;
  let cdSize = 0;
  let eocd64At: number | null = null;
  let locatorAt: number | null = null;
  let eocdVals: [number, number, number] | null = null;
  const need = async (n: number) => {
    const b = await ra.read(pos, n);
    if (b.length !== n) throw new Invalid('Malformed zip file');
    pos += n;
    return b;
  };
  try {
    for (;;) {
      const sig = (await need(4)).readUInt32LE(0);
      if (sig === SIG_EOCD && eocd64At !== null && locatorAt === null) return 'Malformed zip file';
      if (sig === SIG_EOCD64_LOCATOR && (eocd64At === null || locatorAt !== null)) return 'Malformed zip file';
      if (sig !== SIG_EOCD64_LOCATOR && sig !== SIG_EOCD && eocd64At !== null) return 'Malformed zip file';
      if (sig === SIG_CENTRAL) {
        if (cdOffset === null) cdOffset = pos - 4;
        cdRecords++;
        const h = await need(42);
        const [nameLen, extraLen, commentLen] = [h.readUInt16LE(24), h.readUInt16LE(26), h.readUInt16LE(28)];
        if (commentLen !== 0) throw new Invalid('Comment in central directory');
        const name = await need(nameLen);
        await need(extraLen);
        if (unprintable(name)) throw new Invalid('Invalid character in filename');
        cdSize += 46 + nameLen + extraLen;
        const key = name.toString('hex');
        if (central.has(key)) throw new Invalid('Duplicate filename in central directory');
        if (!local.has(key)) throw new Invalid('Missing filename in local headers');
        central.add(key);
      } else if (sig === SIG_LOCAL) {
        const h = await need(26);
        const flags = h.readUInt16LE(2);
        const method = h.readUInt16LE(4);
        let compressed = h.readUInt32LE(14);
        const name = await need(h.readUInt16LE(22));
        let extra = await need(h.readUInt16LE(24));
        if (unprintable(name)) throw new Invalid('Invalid character in filename');
        const seen = new Set<number>();
        while (extra.length > 0) {
          if (extra.length < 4) throw new Invalid('Malformed zip file');
          const id = extra.readUInt16LE(0);
          const len = extra.readUInt16LE(2);
          if (len + 4 > extra.length) throw new Invalid('Malformed zip file');
          if (seen.has(id) && (id === 0x0001 || id === 0x7075)) throw new Invalid('Invalid duplicate extra in local file');
          seen.add(id);
          if (id === 0x0001) {
            if (![0, 8, 16, 24, 28].includes(len)) throw new Invalid('Malformed zip file');
            if (len === 0 && compressed === 0xffffffff) throw new Invalid('Malformed zip file');
            if (len === 8) {
              if (method !== 0) throw new Invalid('Malformed zip file');
              compressed = Number(extra.readBigUInt64LE(4));
            } else if (len > 8) compressed = Number(extra.readBigUInt64LE(12));
          } else if (id === 0x7075) {
            const uname = extra.subarray(9, 4 + len);
            if (unprintable(uname)) throw new Invalid('Invalid character in filename');
            if (!isUtf8(uname)) throw new Invalid('Filename not valid UTF-8');
          }
          extra = extra.subarray(len + 4);
        }
        if (flags & 0x08) throw new Invalid('ZIP contains a data descriptor');
        if (!isUtf8(name)) throw new Invalid('Filename not unicode');
        const expected = cdSizes.get(name.toString('utf8'));
        if (expected === undefined) throw new Invalid('Filename not in central directory');
        if (expected !== compressed) throw new Invalid('Mis-matched data size');
        pos += compressed;
        const key = name.toString('hex');
        if (local.has(key)) throw new Invalid('Duplicate filename in local headers');
        local.add(key);
      } else if (sig === SIG_EOCD) {
        if (cdOffset === null) cdOffset = pos - 4;
        const h = await need(18);
        if (h.readUInt16LE(4) !== h.readUInt16LE(6)) throw new Invalid('Malformed zip file');
        const vals: [number, number, number] = [h.readUInt16LE(6), h.readUInt32LE(8), h.readUInt32LE(12)];
        pos += h.readUInt16LE(16);
        if (!(locatorAt !== null && eocdVals)) eocdVals = vals;
        const [records, size, offset] = eocdVals;
        if (records !== cdRecords) throw new Invalid('Mismatched central directory records');
        if (offset !== cdOffset) throw new Invalid('Mismatched central directory offset');
        if (size !== cdSize) throw new Invalid('Mismatched central directory size');
        break;
      } else if (sig === SIG_EOCD64) {
        eocd64At = pos - 4;
        const h = await need(52);
        if (h.readBigUInt64LE(16) !== h.readBigUInt64LE(24)) throw new Invalid('Malformed zip file');
        eocdVals = [Number(h.readBigUInt64LE(24)), Number(h.readBigUInt64LE(32)), Number(h.readBigUInt64LE(40))];
        pos += Number(h.readBigUInt64LE(0)) - 44;
      } else if (sig === SIG_EOCD64_LOCATOR) {
        const h = await need(16);
        locatorAt = Number(h.readBigUInt64LE(4));
        if (locatorAt !== eocd64At) return 'Mis-matched EOCD64 record and locator offset';
      } else {
        return 'Unknown record signature';
      }
    }
  } catch (err) {
    if (err instanceof Invalid) return err.message;
    throw err;
  }
  if (pos !== ra.size) return 'Trailing data';
  return null;
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}
