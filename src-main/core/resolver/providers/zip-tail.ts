/**
 * Locating a zip's central directory from the end of the file (APPNOTE.TXT 4.3.16 end of
 * central directory record, 4.3.14/4.3.15 ZIP64 record and locator), so a remote wheel can be
 * read with HTTP range requests: the tail, then the central directory, then one member.
 * Only the location is read here; the directory itself is validated by the standards core's
 * ZipArchive.
 */

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;

/** Where the central directory is, or what else must be read to know. */
export type TailFindings =
  | { readonly kind: 'found'; readonly cdOffset: number; readonly cdSize: number; readonly entries: number }
  | { readonly kind: 'need-zip64-record'; readonly offset: number }
  | { readonly kind: 'not-found' };

/**
 * Read the end records from `tail`, the last bytes of a file of `total` bytes. Returns
 * not-found when there is no consistent end record (not a zip, or a lying Content-Range).
 */
export function findCentralDirectory(tail: Buffer, total: number, zip64Record?: Buffer): TailFindings {
  const tailStart = total - tail.length;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue;
    // The comment must end exactly at the end of the file.
    if (i + 22 + tail.readUInt16LE(i + 20) !== tail.length) continue;
    let entries = tail.readUInt16LE(i + 10);
    let cdSize = tail.readUInt32LE(i + 12);
    let cdOffset = tail.readUInt32LE(i + 16);
    let recordStart = tailStart + i;
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      if (i < 20 || tail.readUInt32LE(i - 20) !== ZIP64_LOCATOR_SIG) return { kind: 'not-found' };
      const recordOffset = Number(tail.readBigUInt64LE(i - 12));
      const inTail = recordOffset >= tailStart && recordOffset + 56 <= total;
      const record = inTail ? tail.subarray(recordOffset - tailStart, recordOffset - tailStart + 56) : zip64Record;
      if (!record) return { kind: 'need-zip64-record', offset: recordOffset };
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIG) return { kind: 'not-found' };
      entries = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
      recordStart = recordOffset;
    }
    if (!Number.isSafeInteger(cdOffset) || !Number.isSafeInteger(cdSize) || cdOffset + cdSize > recordStart) return { kind: 'not-found' };
    return { kind: 'found', cdOffset, cdSize, entries };
  }
  return { kind: 'not-found' };
}

/** Parse `Content-Range: bytes a-b/total` (RFC 9110 §14.4); null when absent or unusable. */
export function parseContentRange(value: string | undefined): { start: number; end: number; total: number } | null {
  const m = /^\s*bytes\s+(\d+)-(\d+)\/(\d+)\s*$/i.exec(value ?? '');
  if (!m) return null;
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!(start <= end && end < total) || !Number.isSafeInteger(total)) return null;
  return { start, end, total };
}
