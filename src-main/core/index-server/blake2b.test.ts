import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPythonBatch } from '../../testing/python-oracle';
import { probeTool, skipUnless } from '../../testing/require-tool';
import { Blake2b, blake2b256Hex } from './blake2b';

const script = fileURLToPath(new URL('./blake2b.oracle.py', import.meta.url));
const python = probeTool('python3', process.env.PACKWRIGHT_PYTHON ?? 'python3', ['-c', 'import hashlib']);

describe('BLAKE2b (RFC 7693) against hashlib', () => {
  it.skipIf(skipUnless(python))('matches for block-boundary sizes, digest sizes and chunkings', async () => {
    const sizes = [0, 1, 3, 63, 64, 127, 128, 129, 255, 256, 257, 1000, 4096, 65537];
    const cases = sizes.flatMap((n) => [32, 64, 20].map((size) => ({ data: randomBytes(n), size })));
    const expected = await runPythonBatch<{ hex: string; size: number }, string>(
      script,
      cases.map((c) => ({ hex: c.data.toString('hex'), size: c.size })),
    );
    cases.forEach((c, i) => {
      expect(new Blake2b(c.size).update(c.data).hexDigest()).toBe(expected[i]);
      const h = new Blake2b(c.size);
      for (let off = 0; off < c.data.length; off += 77) h.update(c.data.subarray(off, off + 77));
      expect(h.hexDigest()).toBe(expected[i]);
    });
  });

  it('has the RFC 7693 Appendix A value for "abc" (BLAKE2b-512) and a known BLAKE2b-256', () => {
    expect(new Blake2b(64).update(Buffer.from('abc')).hexDigest()).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
    expect(blake2b256Hex(new Uint8Array())).toBe('0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
  });

  it('keeps independent state for interleaved hashers (one shared WebAssembly instance)', () => {
    const a = randomBytes(100_000);
    const b = randomBytes(70_001);
    const ha = new Blake2b(32);
    const hb = new Blake2b(64);
    for (let i = 0; i * 9_999 < a.length; i++) {
      ha.update(a.subarray(i * 9_999, (i + 1) * 9_999));
      hb.update(b.subarray(i * 7_001, (i + 1) * 7_001));
    }
    expect(ha.hexDigest()).toBe(new Blake2b(32).update(a).hexDigest());
    expect(hb.hexDigest()).toBe(new Blake2b(64).update(b).hexDigest());
  });

  it('refuses reuse after digest', () => {
    const h = new Blake2b();
    h.digest();
    expect(() => h.update(new Uint8Array(1))).toThrow();
  });
});
