/**
 * BLAKE2b with a chosen digest length (RFC 7693), streaming.
 *
 * PyPI names files by their BLAKE2b-256 digest and twine sends `blake2_256_digest` on upload,
 * but Node's OpenSSL exposes only the fixed 64-byte `blake2b512` (the digest length is part of
 * BLAKE2's parameter block, so BLAKE2b-256 is not a truncation of BLAKE2b-512).
 */
import { IV, compress } from './blake2b-compress';

/** Streaming BLAKE2b (unkeyed) with a digest of `outLen` bytes (1..64). */
export class Blake2b {
  private readonly h = new Int32Array(16);
  private readonly buf = new Uint8Array(128);
  private bufLen = 0;
  // Byte counter t: the low 64 bits as two uint32 halves (files never reach 2^64 bytes).
  private t0 = 0;
  private t1 = 0;
  private done = false;

  constructor(private readonly outLen = 32) {
    if (!Number.isInteger(outLen) || outLen < 1 || outLen > 64) throw new RangeError('BLAKE2b digest length must be 1..64');
    this.h.set(IV);
    // RFC 7693 §2.5 parameter block word 0: digest length, key length 0, fanout 1, depth 1.
    this.h[0] = this.h[0]! ^ 0x01010000 ^ outLen;
  }

  private count(n: number): void {
    const lo = this.t0 + n;
    this.t1 = (this.t1 + Math.floor(lo / 0x100000000)) >>> 0;
    this.t0 = lo >>> 0;
  }

  /** Feed bytes; may be called any number of times before `digest()`. */
  update(data: Uint8Array): this {
    if (this.done) throw new Error('BLAKE2b: update after digest');
    let i = 0;
    const n = data.length;
    // The final block is compressed with the "last" flag, so a full buffer waits for more input.
    while (i < n) {
      if (this.bufLen === 128) {
        this.count(128);
        compress(this.h, this.buf, 0, this.t0 | 0, this.t1 | 0, false);
        this.bufLen = 0;
      }
      if (this.bufLen === 0) {
        // Compress straight from the input, always keeping at least one byte back.
        while (n - i > 128) {
          this.count(128);
          compress(this.h, data, i, this.t0 | 0, this.t1 | 0, false);
          i += 128;
        }
      }
      const take = Math.min(128 - this.bufLen, n - i);
      this.buf.set(data.subarray(i, i + take), this.bufLen);
      this.bufLen += take;
      i += take;
    }
    return this;
  }

  /** The digest as bytes; the hasher cannot be used afterwards. */
  digest(): Uint8Array {
    if (this.done) throw new Error('BLAKE2b: digest called twice');
    this.done = true;
    this.count(this.bufLen);
    this.buf.fill(0, this.bufLen);
    compress(this.h, this.buf, 0, this.t0 | 0, this.t1 | 0, true);
    const out = new Uint8Array(this.outLen);
    for (let i = 0; i < this.outLen; i++) out[i] = (this.h[i >> 2]! >>> (8 * (i & 3))) & 0xff;
    return out;
  }

  /** The digest as lower-case hex. */
  hexDigest(): string {
    return Buffer.from(this.digest()).toString('hex');
  }
}

/** One-shot BLAKE2b-256 hex digest (PyPI's `blake2_256`). */
export function blake2b256Hex(data: Uint8Array): string {
  return new Blake2b(32).update(data).hexDigest();
}
