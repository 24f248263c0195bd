/**
 * Random-access bytes of an archive (a file or a buffer) and bounded reading of one zip
 * member's data: stored members are copied, deflated ones inflated (in one step when small,
 * streamed in 1 MiB chunks when large) and never beyond the declared size, so a member that
 * lies about its size cannot exhaust memory or time (APPNOTE.TXT 4.4.8/4.4.9 sizes).
 */
import { open as openFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { ArchiveError } from './archive-error';

/** Positioned reads over a file or a buffer. */
export interface ByteSource {
  readonly size: number;
  /** The file descriptor, for a file source. */
  readonly fd: number | null;
  /** Exactly `length` bytes at `position`; ArchiveError TRUNCATED when the source is shorter. */
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** Open a file (or wrap a buffer) for positioned reads. Throws ArchiveError IO. */
export async function openByteSource(source: string | Buffer): Promise<ByteSource> {
  if (typeof source !== 'string') {
    return {
      size: source.length,
      fd: null,
      read: async (position, length) => {
        if (position + length > source.length) throw new ArchiveError('TRUNCATED', 'Read past the end of the archive');
        return source.subarray(position, position + length);
      },
      close: async () => {},
    };
  }
  let fh: FileHandle;
  let size: number;
  try {
    fh = await openFile(source, 'r');
    size = (await fh.stat()).size;
  } catch (e) {
    throw new ArchiveError('IO', (e as Error).message);
  }
  return {
    size,
    fd: fh.fd,
    read: async (position, length) => {
      const buf = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await fh.read(buf, done, length - done, position + done);
        if (bytesRead === 0) throw new ArchiveError('TRUNCATED', 'Read past the end of the archive');
        done += bytesRead;
      }
      return buf;
    },
    close: () => fh.close(),
  };
}

/** A member's local file header (APPNOTE.TXT 4.3.7) and, for small members, its data. */
export interface LocalHeader {
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly nameBytes: Buffer;
  readonly dataStart: number;
  /** The compressed data, when it was read together with the header. */
  readonly data: Buffer | null;
}

/**
 * Read a local header in one positioned read when possible (header, name, a typical extra
 * field and — for small members — the data). ArchiveError CORRUPT on a bad signature.
 */
export async function readLocalHeader(src: ByteSource, offset: number, nameLength: number, compressedSize: number, name: string): Promise<LocalHeader> {
  const wantData = compressedSize <= SMALL;
  const guess = Math.min(30 + nameLength + 512 + (wantData ? compressedSize : 0), src.size - offset);
  if (guess < 30) throw new ArchiveError('TRUNCATED', 'Local header past the end of the file', name);
  let buf = await src.read(offset, guess);
  if (buf.readUInt32LE(0) !== 0x04034b50) throw new ArchiveError('CORRUPT', 'Invalid local file header signature', name);
  const n = buf.readUInt16LE(26);
  const m = buf.readUInt16LE(28);
  const dataStart = offset + 30 + n + m;
  const need = 30 + n + m + (wantData ? compressedSize : 0);
  if (dataStart + compressedSize > src.size) throw new ArchiveError('TRUNCATED', 'Member data runs past the end of the file', name);
  if (need > buf.length) buf = await src.read(offset, need);
  return {
    flags: buf.readUInt16LE(6),
    method: buf.readUInt16LE(8),
    compressedSize: buf.readUInt32LE(18),
    nameBytes: buf.subarray(30, 30 + n),
    dataStart,
    data: wantData ? buf.subarray(30 + n + m, need) : null,
  };
}

const CHUNK = 4 << 20;
/** Members whose data is up to this size are read together with their local header. */
const SMALL = 4 << 20;
/** Members up to this size (both compressed and not) are inflated in one synchronous call. */
const ONE_SHOT = 64 << 20;

async function* rawChunks(src: ByteSource, start: number, length: number): AsyncGenerator<Buffer> {
  for (let pos = 0; pos < length; pos += CHUNK) yield await src.read(start + pos, Math.min(CHUNK, length - pos));
}

function inflateError(e: unknown, name: string): ArchiveError {
  if (e instanceof ArchiveError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return new ArchiveError('ZIP_BOMB', 'Member inflates to more than its declared size', name);
  if (/unexpected end of file/i.test(err.message)) return new ArchiveError('TRUNCATED', 'Deflate stream ends early', name);
  return new ArchiveError('CORRUPT', `Deflate error: ${err.message}`, name);
}

/**
 * The bytes of one member whose data starts at `dataStart`: at most `uncompressedSize` bytes
 * (ZIP_BOMB beyond). The caller checks the final count and CRC.
 */
export async function* memberData(
  src: ByteSource,
  local: LocalHeader,
  m: { readonly name: string; readonly method: number; readonly compressedSize: number; readonly uncompressedSize: number },
): AsyncGenerator<Buffer, void, undefined> {
  const dataStart = local.dataStart;
  if (m.method === 0) {
    if (local.data) yield local.data;
    else yield* rawChunks(src, dataStart, m.compressedSize);
    return;
  }
  if (m.compressedSize <= ONE_SHOT && m.uncompressedSize <= ONE_SHOT) {
    const input = local.data ?? (await src.read(dataStart, m.compressedSize));
    let out: Buffer;
    try {
      out = inflateRawSync(input, { maxOutputLength: Math.max(1, m.uncompressedSize) });
    } catch (e) {
      throw inflateError(e, m.name);
    }
    if (out.length > 0) yield out;
    return;
  }
  const input = Readable.from(rawChunks(src, dataStart, m.compressedSize));
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  input.on('error', (e) => inflate.destroy(e));
  input.pipe(inflate);
  let count = 0;
  try {
    for await (const out of inflate as AsyncIterable<Buffer>) {
      count += out.length;
      if (count > m.uncompressedSize) throw new ArchiveError('ZIP_BOMB', 'Member inflates to more than its declared size', m.name);
      yield out;
    }
  } catch (e) {
    throw inflateError(e, m.name);
  } finally {
    input.destroy();
    inflate.destroy();
  }
}
