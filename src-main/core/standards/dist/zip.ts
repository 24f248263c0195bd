/**
 * A defensive zip reader for wheels (PEP 427: a wheel is a zip file), on top of yauzl's
 * streaming reader.
 *
 * Opening reads only the central directory and refuses, with a typed ArchiveError, anything
 * hostile before a byte is inflated: unsafe or duplicate names, too many entries, declared
 * sizes over the limits or past deflate's maximum ratio (~1032:1), a whole-archive ratio over
 * PyPI's, overlapping entries, encryption and compression other than stored/deflate.
 * Reading a member then checks its local header against the central directory, never
 * inflates more than the declared size (yauzl's byte-count assertion) and verifies the CRC-32.
 */
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { ArchiveError, checkMemberPath, resolveLimits } from './archive-error';
import type { ArchiveErrorCode, ArchiveLimits } from './archive-error';
import { memberData, openByteSource, readLocalHeader } from './zip-data';
import type { ByteSource, LocalHeader } from './zip-data';
import { BlockReader } from './zip-reader';

/** One member of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly isDirectory: boolean;
  /** Unix mode says symbolic link (installers extract it as a regular file). */
  readonly isSymlink: boolean;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
}

interface Slot {
  readonly entry: ZipEntry;
  readonly raw: yauzl.Entry;
  /** Where the next entry (or the central directory) starts: this entry's data must end before. */
  boundary: number;
}

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode a member name as Python's zipfile does (the view installers have): UTF-8 when
 * general-purpose bit 11 is set, else CP437. The Info-ZIP Unicode Path extra field is ignored,
 * as zipfile ignores it, so both tools agree on every name.
 */
function decodeName(raw: Buffer, flags: number): string {
  if (flags & 0x800) {
    try {
      return utf8.decode(raw);
    } catch {
      throw new ArchiveError('BAD_PATH', 'Member name is not valid UTF-8', raw.toString('latin1'));
    }
  }
  let s = '';
  for (const b of raw) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return s;
}

/** Map yauzl/zlib/fs failures to typed errors. */
export function toArchiveError(err: unknown, entry?: string): ArchiveError {
  if (err instanceof ArchiveError) return err;
  const e = err as NodeJS.ErrnoException;
  const msg = String(e?.message ?? err);
  const rules: [RegExp, ArchiveErrorCode][] = [
    [/unexpected EOF|file data overflows file bounds|unexpected end of file/i, 'TRUNCATED'],
    [/too many bytes in the stream/, 'ZIP_BOMB'],
    [/not enough bytes in the stream|size mismatch for stored file/, 'SIZE_MISMATCH'],
    [/unsupported compression method/, 'UNSUPPORTED_COMPRESSION'],
    [/encrypt/, 'ENCRYPTED'],
    [/Invalid comment length|signature|multi-disk|extra field|invalid|incorrect|zip64/i, 'CORRUPT'],
  ];
  for (const [re, code] of rules) if (re.test(msg)) return new ArchiveError(code, msg, entry);
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code) && e.code !== 'ERR_OUT_OF_RANGE') return new ArchiveError('IO', msg, entry);
  if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return new ArchiveError('CORRUPT', msg, entry);
  return new ArchiveError('CORRUPT', msg, entry);
}

async function openYauzl(src: ByteSource): Promise<yauzl.ZipFile> {
  const opts: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
  try {
    return await yauzl.fromRandomAccessReaderPromise(new BlockReader(src), src.size, opts);
  } catch (err) {
    const e = toArchiveError(err);
    if (e.code === 'IO') throw e;
    if (/End of central directory record signature not found/.test(e.message)) {
      const magic = src.size >= 4 ? await src.read(0, 4) : Buffer.alloc(0);
      throw magic.equals(Buffer.from('PK\x03\x04', 'latin1'))
        ? new ArchiveError('TRUNCATED', 'Zip file is truncated: no end-of-central-directory record')
        : new ArchiveError('NOT_A_ZIP', 'Not a zip file');
    }
    throw e;
  }
}

function readAllEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(out));
    zip.once('error', (err: unknown) => reject(toArchiveError(err)));
    zip.readEntry();
  });
}

/** Deflate cannot exceed about 1032:1; a larger declared ratio is a lie about the size. */
const MAX_DEFLATE_RATIO = 1032;

/** An open zip archive with validated central directory. Call close() when done. */
export class ZipArchive {
  private readonly byName: Map<string, Slot>;

  private constructor(
    private readonly src: ByteSource,
    private readonly zip: yauzl.ZipFile,
    private readonly slots: readonly Slot[],
    readonly limits: ArchiveLimits,
    /** Size of the archive file in bytes. */
    readonly size: number,
  ) {
    this.byName = new Map(slots.map((s) => [s.entry.name, s]));
  }

  /** Open and validate a zip file (path or bytes). Throws ArchiveError. */
  static async open(source: string | Buffer, opts: { limits?: Partial<ArchiveLimits> } = {}): Promise<ZipArchive> {
    const limits = resolveLimits(opts.limits);
    const src = await openByteSource(source);
    let zip: yauzl.ZipFile | null = null;
    try {
      zip = await openYauzl(src);
      const cdOffset = zip.readEntryCursor as unknown as number;
      if (zip.entryCount > limits.maxEntries) throw new ArchiveError('TOO_MANY_ENTRIES', `Zip declares ${zip.entryCount} entries (limit ${limits.maxEntries})`);
      if (cdOffset + zip.entryCount * 46 > zip.fileSize) throw new ArchiveError('TRUNCATED', 'Central directory extends past the end of the file');
      const raws = await readAllEntries(zip);
      const slots = ZipArchive.validate(raws, limits, zip.fileSize);
      ZipArchive.checkOverlaps(slots, cdOffset);
      return new ZipArchive(src, zip, slots, limits, zip.fileSize);
    } catch (err) {
      zip?.close();
      await src.close();
      throw toArchiveError(err);
    }
  }

  private static validate(raws: readonly yauzl.Entry[], limits: ArchiveLimits, fileSize: number): Slot[] {
    const seen = new Set<string>();
    const slots: Slot[] = [];
    let total = 0;
    for (const raw of raws) {
      const name = decodeName(raw.fileNameRaw, raw.generalPurposeBitFlag);
      const pathError = checkMemberPath(name);
      if (pathError) throw pathError;
      if (seen.has(name)) throw new ArchiveError('DUPLICATE_ENTRY', 'Duplicate member name', name);
      seen.add(name);
      if (raw.generalPurposeBitFlag & 0x1) throw new ArchiveError('ENCRYPTED', 'Encrypted member', name);
      if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
        throw new ArchiveError('UNSUPPORTED_COMPRESSION', `Compression method ${raw.compressionMethod} (only stored and deflate are allowed)`, name);
      }
      const { uncompressedSize: u, compressedSize: c } = raw;
      if (u > limits.maxEntryUncompressed) throw new ArchiveError('ZIP_BOMB', `Member declares ${u} bytes (limit ${limits.maxEntryUncompressed})`, name);
      if (raw.compressionMethod === 8 && u > 4096 && u > c * MAX_DEFLATE_RATIO) {
        throw new ArchiveError('ZIP_BOMB', `Declared ratio ${Math.round(u / Math.max(c, 1))}:1 is beyond what deflate can produce`, name);
      }
      total += u;
      const mode = (raw.externalFileAttributes >>> 16) & 0o170000;
      const isDirectory = name.endsWith('/');
      slots.push({
        entry: { name, isDirectory, isSymlink: mode === 0o120000, compressedSize: c, uncompressedSize: u, method: raw.compressionMethod, crc32: raw.crc32, localHeaderOffset: raw.relativeOffsetOfLocalHeader },
        raw,
        boundary: 0,
      });
    }
    if (total > limits.maxTotalUncompressed) throw new ArchiveError('ZIP_BOMB', `Members declare ${total} bytes in total (limit ${limits.maxTotalUncompressed})`);
    if (total > limits.ratioThreshold && total / Math.max(fileSize, 1) > limits.maxRatio) {
      throw new ArchiveError('ZIP_BOMB', `File exceeds compression ratio of ${limits.maxRatio} (${total} bytes from ${fileSize})`);
    }
    return slots;
  }

  /** Entries in file order must not share bytes: each header + data ends before the next starts. */
  private static checkOverlaps(slots: Slot[], cdOffset: number): void {
    const byOffset = [...slots].sort((a, b) => a.entry.localHeaderOffset - b.entry.localHeaderOffset);
    for (let i = 0; i < byOffset.length; i++) {
      const s = byOffset[i] as Slot;
      const next = i + 1 < byOffset.length ? (byOffset[i + 1] as Slot).entry.localHeaderOffset : cdOffset;
      const minEnd = s.entry.localHeaderOffset + 30 + s.raw.fileNameLength + s.entry.compressedSize;
      if (minEnd > next) throw new ArchiveError('OVERLAPPING_ENTRIES', `Member data overlaps the ${i + 1 < byOffset.length ? 'next member' : 'central directory'}`, s.entry.name);
      s.boundary = next;
    }
  }

  /** All members, in central-directory order. */
  get entries(): readonly ZipEntry[] {
    return this.slots.map((s) => s.entry);
  }

  /** All members, in file order (best for reading everything sequentially). */
  get entriesInFileOrder(): readonly ZipEntry[] {
    return [...this.slots].sort((a, b) => a.entry.localHeaderOffset - b.entry.localHeaderOffset).map((s) => s.entry);
  }

  /** The member with this exact name. */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name)?.entry;
  }

  /** Read and check the member's local header against the central directory. */
  private async local(slot: Slot): Promise<LocalHeader> {
    const { entry, raw } = slot;
    const hdr = await readLocalHeader(this.src, entry.localHeaderOffset, raw.fileNameLength, entry.compressedSize, entry.name);
    if (!hdr.nameBytes.equals(raw.fileNameRaw) || hdr.method !== raw.compressionMethod) {
      throw new ArchiveError('HEADER_MISMATCH', 'Local header disagrees with the central directory', entry.name);
    }
    if (!(hdr.flags & 0x8) && hdr.compressedSize !== 0xffffffff && hdr.compressedSize !== entry.compressedSize) {
      throw new ArchiveError('HEADER_MISMATCH', 'Local header size disagrees with the central directory', entry.name);
    }
    if (hdr.dataStart + entry.compressedSize > slot.boundary) {
      throw new ArchiveError('OVERLAPPING_ENTRIES', 'Member data overlaps the next member', entry.name);
    }
    return hdr;
  }

  /**
   * Stream a member's bytes. Never yields more than the declared size; checks the byte count
   * and, unless `skipCrc` (when the caller verifies a stronger hash), the CRC-32. Throws ArchiveError.
   */
  async *chunks(entry: ZipEntry, opts: { skipCrc?: boolean } = {}): AsyncGenerator<Buffer, void, undefined> {
    const slot = this.byName.get(entry.name);
    if (!slot) throw new ArchiveError('CORRUPT', 'No such member', entry.name);
    if (entry.isDirectory && entry.uncompressedSize === 0) return;
    const local = await this.local(slot);
    let crc = 0;
    let count = 0;
    try {
      for await (const chunk of memberData(this.src, local, entry)) {
        if (!opts.skipCrc) crc = crc32(chunk, crc);
        count += chunk.length;
        yield chunk;
      }
    } catch (err) {
      throw toArchiveError(err, entry.name);
    }
    if (count !== entry.uncompressedSize) throw new ArchiveError('SIZE_MISMATCH', `Member has ${count} bytes, ${entry.uncompressedSize} declared`, entry.name);
    if (!opts.skipCrc && crc !== entry.crc32) throw new ArchiveError('CRC_MISMATCH', 'CRC-32 does not match', entry.name);
  }

  /** Read a whole member into memory (at most `maxBytes`, default limits.maxInMemory). */
  async read(entry: ZipEntry, maxBytes = this.limits.maxInMemory): Promise<Buffer> {
    if (entry.uncompressedSize > maxBytes) throw new ArchiveError('ENTRY_TOO_LARGE', `Member has ${entry.uncompressedSize} bytes (limit ${maxBytes})`, entry.name);
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(entry)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  /** Release the file handle. */
  async close(): Promise<void> {
    this.zip.close();
    await this.src.close();
  }
}
