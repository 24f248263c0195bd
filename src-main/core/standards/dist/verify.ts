/**
 * Verify a wheel's members against its RECORD, as the binary distribution format requires of
 * installers: "Apart from RECORD and its signatures, installation will fail if any file in
 * the archive is not both mentioned and correctly hashed in RECORD."
 * Every member is streamed (so the whole archive is proven readable: sizes, CRC-32).
 */
import { ArchiveError } from './archive-error';
import { recordHashAlgorithm, recordHasher } from './record';
import type { RecordProblem, RecordRow } from './record';
import type { ZipArchive } from './zip';

export interface RecordVerification {
  readonly files: number;
  readonly bytes: number;
  readonly problems: RecordProblem[];
}

function isSignature(path: string, recordPath: string): boolean {
  return path === recordPath || path === `${recordPath}.jws` || path === `${recordPath}.p7s`;
}

/** Hash every member and compare with RECORD. Throws ArchiveError for a broken archive. */
export async function verifyRecord(zip: ZipArchive, rows: readonly RecordRow[], recordPath: string, signal?: AbortSignal): Promise<RecordVerification> {
  const byPath = new Map<string, RecordRow>();
  for (const r of rows) if (!byPath.has(r.path)) byPath.set(r.path, r);
  const problems: RecordProblem[] = [];
  let hexRows = 0;
  let files = 0;
  let bytes = 0;
  for (const entry of zip.entriesInFileOrder) {
    if (signal?.aborted) throw new ArchiveError('IO', 'Aborted');
    if (entry.isDirectory) continue;
    const row = byPath.get(entry.name);
    const path = entry.name;
    let hasher: ReturnType<typeof recordHasher> = null;
    if (!row) {
      if (!isSignature(path, recordPath)) problems.push({ code: 'NOT_IN_RECORD', path, message: `${JSON.stringify(path)} is not listed in RECORD` });
    } else if (row.algorithm === null || row.digest === null) {
      if (!isSignature(path, recordPath)) problems.push({ code: 'NO_HASH', path, message: `${JSON.stringify(path)} has no hash in RECORD` });
    } else {
      const alg = recordHashAlgorithm(row.algorithm);
      if ('problem' in alg) problems.push({ code: alg.problem, path, message: `${JSON.stringify(path)}: hash algorithm ${JSON.stringify(row.algorithm)} is ${alg.problem === 'WEAK_HASH' ? 'too weak' : 'unknown'}` });
      else hasher = recordHasher(row.algorithm);
    }
    let size = 0;
    // A verified RECORD hash proves the bytes; the CRC-32 is then redundant.
    for await (const chunk of zip.chunks(entry, { skipCrc: hasher !== null })) {
      hasher?.update(chunk);
      size += chunk.length;
    }
    files++;
    bytes += size;
    if (row && hasher) {
      const actual = hasher.digest();
      // Some tools write hex digests; the content still verifies, but the encoding is non-standard.
      if (actual !== row.digest && row.digest === Buffer.from(actual, 'base64url').toString('hex')) hexRows++;
      else if (actual !== row.digest) problems.push({ code: 'HASH_MISMATCH', path, message: `${JSON.stringify(path)}: ${row.algorithm} is ${actual}, RECORD says ${row.digest}` });
    }
    if (row && row.size !== null && row.size !== size) problems.push({ code: 'SIZE_MISMATCH', path, message: `${JSON.stringify(path)}: ${size} bytes, RECORD says ${row.size}` });
  }
  if (hexRows > 0) problems.push({ code: 'HEX_DIGEST', path: recordPath, message: `${hexRows} RECORD digest(s) are hex; the spec requires urlsafe base64 without padding (the content matches)` });
  for (const r of rows) {
    const entry = zip.get(r.path);
    if (!entry && !r.path.endsWith('/')) problems.push({ code: 'NOT_IN_ARCHIVE', path: r.path, message: `RECORD lists ${JSON.stringify(r.path)}, which is not in the archive` });
  }
  return { files, bytes, problems };
}
