/**
 * METADATA of a remote wheel with HTTP range requests (RFC 9110 §14), without downloading it:
 * the tail (end of central directory), the central directory if the tail did not hold it,
 * then only the METADATA member. The pieces are written at their offsets into a sparse
 * temporary file, so the standards core's defensive ZipArchive validates the real central
 * directory and reads the member (CRC, declared sizes, bombs) exactly as for a local wheel.
 *
 * A server that ignores ranges (200), refuses them (416), or whose answers are inconsistent
 * (a Content-Range that does not fit, no end record) raises RangeUnsupported; the caller then
 * downloads the whole file, whose hash it can check.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchiveError, WheelError, ZipArchive, findDistInfo } from '../../standards/dist';
import type { WheelFilename } from '../../standards/filenames';
import { makeTempDir } from './download';
import { IndexError } from './errors';
import type { Fetcher } from './fetcher';
import { findCentralDirectory, parseContentRange } from './zip-tail';

/** The server cannot be read by ranges; fall back to a full download. */
export class RangeUnsupported extends Error {
  override readonly name = 'RangeUnsupported';
}

export interface RangeOptions {
  readonly maxMetadataBytes: number;
  /** Largest central directory accepted (bytes). */
  readonly maxCentralDirectory: number;
  /** Largest file size accepted (bytes), as declared by Content-Range. */
  readonly maxFileBytes: number;
  readonly signal?: AbortSignal;
  /** Bytes asked for first (default 64 KiB: the central directory of most wheels). */
  readonly tailBytes?: number;
}

interface Piece {
  readonly start: number;
  readonly data: Buffer;
  readonly total: number;
}

async function getRange(fetcher: Fetcher, url: string, range: string, maxBytes: number, signal?: AbortSignal): Promise<Piece> {
  const res = await fetcher.get(url, {
    headers: { range, 'accept-encoding': 'identity' },
    maxBytes,
    cache: false,
    acceptStatus: (s) => s === 206,
    ...(signal ? { signal } : {}),
  });
  if (res.status === 404 || res.status === 410) throw new IndexError('NOT_FOUND', url, `File not found (HTTP ${res.status})`);
  if (res.status !== 206) throw new RangeUnsupported(`HTTP ${res.status} to a range request`);
  const cr = parseContentRange(res.headers['content-range']);
  if (!cr || cr.end - cr.start + 1 !== res.body.length) throw new RangeUnsupported(`unusable Content-Range ${JSON.stringify(res.headers['content-range'] ?? null)}`);
  return { start: cr.start, data: res.body, total: cr.total };
}

/** METADATA bytes of the wheel at `url`. Throws RangeUnsupported, IndexError, ArchiveError, WheelError. */
export async function metadataByRange(fetcher: Fetcher, url: string, filename: WheelFilename, opts: RangeOptions): Promise<Buffer> {
  const tailBytes = opts.tailBytes ?? 64 * 1024;
  const tail = await getRange(fetcher, url, `bytes=-${tailBytes}`, tailBytes, opts.signal);
  const total = tail.total;
  if (total > opts.maxFileBytes) throw new IndexError('TOO_LARGE', url, `File has ${total} bytes, more than the limit of ${opts.maxFileBytes}`);
  if (tail.start + tail.data.length !== total) throw new RangeUnsupported('the tail does not end at the end of the file');
  const fetchSpan = async (start: number, end: number, max: number): Promise<Piece> => {
    const piece = await getRange(fetcher, url, `bytes=${start}-${end}`, max, opts.signal);
    if (piece.start !== start || piece.total !== total) throw new RangeUnsupported('the server answered a different range or size');
    return piece;
  };
  let where = findCentralDirectory(tail.data, total);
  if (where.kind === 'need-zip64-record') {
    const rec = await fetchSpan(where.offset, Math.min(total - 1, where.offset + 55), 56);
    where = findCentralDirectory(tail.data, total, rec.data);
  }
  if (where.kind !== 'found') throw new RangeUnsupported('no end of central directory record in the tail');
  if (where.cdSize > opts.maxCentralDirectory) throw new IndexError('TOO_LARGE', url, `Central directory of ${where.cdSize} bytes is over the limit`);
  const tmp = await makeTempDir('packwright-range-');
  const path = join(tmp.path, 'sparse.whl');
  const fh = await open(path, 'w+');
  let zip: ZipArchive | null = null;
  try {
    // A sparse file of the real size: unwritten parts read as zeros and are never needed.
    await fh.truncate(total);
    await fh.write(tail.data, 0, tail.data.length, tail.start);
    if (where.cdOffset < tail.start) {
      const cd = await fetchSpan(where.cdOffset, tail.start - 1, tail.start - where.cdOffset);
      await fh.write(cd.data, 0, cd.data.length, cd.start);
    }
    await fh.sync();
    zip = await ZipArchive.open(path, { limits: { maxInMemory: opts.maxMetadataBytes } });
    const distInfo = findDistInfo(zip.entries, filename);
    const entry = zip.get(`${distInfo}/METADATA`);
    if (!entry) throw new WheelError('NO_METADATA', `Wheel has no METADATA file (${distInfo}/METADATA)`);
    if (entry.uncompressedSize > opts.maxMetadataBytes || entry.compressedSize > opts.maxMetadataBytes) {
      throw new IndexError('TOO_LARGE', url, `METADATA declares ${entry.uncompressedSize} bytes, over the limit`);
    }
    const ordered = zip.entriesInFileOrder;
    const next = ordered[ordered.indexOf(entry) + 1]?.localHeaderOffset ?? where.cdOffset;
    // Local header (30 bytes + name + extra, each ≤ 64 KiB) and the data; never past the next member.
    const end = Math.min(next, entry.localHeaderOffset + 30 + 2 * 65535 + entry.compressedSize) - 1;
    if (entry.localHeaderOffset < tail.start) {
      const member = await fetchSpan(entry.localHeaderOffset, Math.min(end, tail.start - 1), end - entry.localHeaderOffset + 1);
      await fh.write(member.data, 0, member.data.length, member.start);
      await fh.sync();
    }
    return await zip.read(entry, opts.maxMetadataBytes);
  } catch (e) {
    // A lying Content-Range or pieces that are not this wheel show up as a broken zip: the
    // full download that follows is hash-checked and read again, and decides.
    if (e instanceof ArchiveError) throw new RangeUnsupported(`range-read zip is unreadable: ${e.message}`);
    throw e;
  } finally {
    await zip?.close();
    await fh.close();
    await tmp.dispose();
  }
}
