/**
 * The three digests PyPI keeps per file (md5, sha256, blake2b-256), computed in one pass.
 *
 * PyPI checks every digest the uploader supplied against these (warehouse forklift: "The digest
 * supplied does not match a digest calculated from the uploaded file."), detects duplicates by
 * filename or blake2b-256, and names file URLs after the blake2b-256 hex.
 */
import { createHash, type Hash } from 'node:crypto';
import { Blake2b } from './blake2b';

export interface FileDigests {
  readonly md5: string;
  readonly sha256: string;
  readonly blake2_256: string;
}

/** Incremental md5 + sha256 + blake2b-256 over a byte stream. */
export class MultiDigest {
  private readonly md5: Hash = createHash('md5');
  private readonly sha256: Hash = createHash('sha256');
  private readonly blake = new Blake2b(32);
  size = 0;

  update(chunk: Uint8Array): void {
    this.md5.update(chunk);
    this.sha256.update(chunk);
    this.blake.update(chunk);
    this.size += chunk.length;
  }

  digest(): FileDigests {
    return { md5: this.md5.digest('hex'), sha256: this.sha256.digest('hex'), blake2_256: this.blake.hexDigest() };
  }
}

/** Digests of an in-memory buffer. */
export function digestsOf(data: Uint8Array): FileDigests {
  const d = new MultiDigest();
  d.update(data);
  return d.digest();
}

/** sha256 hex of a buffer (PEP 658 metadata hash, PEP 503 `#sha256=` fragments). */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** PyPI's storage path for a file: `<b[0:2]>/<b[2:4]>/<b[4:]>/<filename>` (b = blake2b-256 hex). */
export function blobPath(blake2: string, filename: string): string {
  return `${blake2.slice(0, 2)}/${blake2.slice(2, 4)}/${blake2.slice(4)}/${filename}`;
}
