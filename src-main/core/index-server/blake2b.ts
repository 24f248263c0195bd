/**
 * BLAKE2b with a chosen digest length (RFC 7693), streaming.
 *
 * PyPI names files by their BLAKE2b-256 digest and twine sends `blake2_256_digest` on upload,
 * but Node's OpenSSL exposes only the fixed 64-byte `blake2b512` (the digest length is part of
 * BLAKE2's parameter block, so BLAKE2b-256 is not a truncation of BLAKE2b-512). The compression
 * function runs in WebAssembly (blake2b-wasm.ts); each hasher keeps its own state and swaps it
 * into the shared instance for the duration of a synchronous `update`.
 */
import { blake2bWasm, CHUNK } from './blake2b-wasm';

const IV_BYTES = Buffer.from(
  '08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b',
  'hex',
);
const STATE = 0;
const DATA = 64;

/** Streaming BLAKE2b (unkeyed) with a digest of `outLen` bytes (1..64). */
export class Blake2b {
  private readonly h = new Uint8Array(64);
  private readonly buf = new Uint8Array(128);
  private bufLen = 0;
  /** Bytes compressed so far (the RFC's counter t, low 64 bits). */
  private t = 0;
  private done = false;

  constructor(private readonly outLen = 32) {
    if (!Number.isInteger(outLen) || outLen < 1 || outLen > 64) throw new RangeError('BLAKE2b digest length must be 1..64');
    this.h.set(IV_BYTES);
    // RFC 7693 §2.5 parameter block word 0 (little-endian): digest length, key length 0, fanout 1, depth 1.
    this.h[0] = this.h[0]! ^ outLen;
    this.h[2] = this.h[2]! ^ 0x01;
    this.h[3] = this.h[3]! ^ 0x01;
  }

  /** Feed bytes; may be called any number of times before `digest()`. */
  update(data: Uint8Array): this {
    if (this.done) throw new Error('BLAKE2b: update after digest');
    if (data.length === 0) return this;
    const { compress, memory } = blake2bWasm();
    memory.set(this.h, STATE);
    let i = 0;
    const n = data.length;
    // The final block is compressed with the "last" flag, so a full buffer waits for more input.
    if (this.bufLen > 0) {
      const take = Math.min(128 - this.bufLen, n);
      this.buf.set(data.subarray(0, take), this.bufLen);
      this.bufLen += take;
      i = take;
      if (this.bufLen === 128 && i < n) {
        memory.set(this.buf, DATA);
        this.t += 128;
        compress(DATA, BigInt(this.t), 0);
        this.bufLen = 0;
      }
    }
    while (n - i > 128) {
      // Whole blocks straight from the input, always keeping at least one byte back.
      const blocks = Math.min(Math.floor((n - i - 1) / 128), CHUNK / 128);
      memory.set(data.subarray(i, i + blocks * 128), DATA);
      for (let b = 0; b < blocks; b++) {
        this.t += 128;
        compress(DATA + b * 128, BigInt(this.t), 0);
      }
      i += blocks * 128;
    }
    if (i < n) {
      this.buf.set(data.subarray(i), this.bufLen);
      this.bufLen += n - i;
    }
    this.h.set(memory.subarray(STATE, STATE + 64));
    return this;
  }

  /** The digest as bytes; the hasher cannot be used afterwards. */
  digest(): Uint8Array {
    if (this.done) throw new Error('BLAKE2b: digest called twice');
    this.done = true;
    const { compress, memory } = blake2bWasm();
    memory.set(this.h, STATE);
    this.buf.fill(0, this.bufLen);
    memory.set(this.buf, DATA);
    this.t += this.bufLen;
    compress(DATA, BigInt(this.t), 1);
    return memory.slice(STATE, STATE + this.outLen);
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
