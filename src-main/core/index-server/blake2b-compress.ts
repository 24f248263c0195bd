/**
 * The BLAKE2b compression function F (RFC 7693 §3.2), unrolled over local variables.
 *
 * Generated layout: each 64-bit word is a (low, high) pair of int32 locals, so V8 keeps the
 * whole state in registers; `| 0` wraps additions like uint64 halves, with explicit carries.
 * Rotations per §2.1: R1..R4 = 32, 24, 16, 63.
 */

/** RFC 7693 §2.6 initialization vector as little-endian 32-bit halves. */
export const IV = new Int32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

// RFC 7693 §2.7 message schedule SIGMA, rows 0..9 then 0..1 again, pre-multiplied by 2
// (indices into the (low, high) message array).
const S = new Uint8Array(
  [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
    11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
    7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
    9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
    2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
    12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
    13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
    6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
    10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
  ].map((x) => x * 2),
);

const m = new Int32Array(32);

/**
 * Compress one 128-byte block at `block[offset]` into the state `h` (16 int32 halves).
 *
 * `t0`/`t1` are the low 64 bits of the byte counter; `last` sets the final-block flag.
 */
export function compress(h: Int32Array, block: Uint8Array, offset: number, t0: number, t1: number, last: boolean): void {
  for (let k = 0; k < 32; k++) {
    const p = offset + k * 4;
    m[k] = block[p]! | (block[p + 1]! << 8) | (block[p + 2]! << 16) | (block[p + 3]! << 24);
  }
  let v0l = h[0]!, v0h = h[1]!;
  let v1l = h[2]!, v1h = h[3]!;
  let v2l = h[4]!, v2h = h[5]!;
  let v3l = h[6]!, v3h = h[7]!;
  let v4l = h[8]!, v4h = h[9]!;
  let v5l = h[10]!, v5h = h[11]!;
  let v6l = h[12]!, v6h = h[13]!;
  let v7l = h[14]!, v7h = h[15]!;
  let v8l = IV[0]!, v8h = IV[1]!;
  let v9l = IV[2]!, v9h = IV[3]!;
  let v10l = IV[4]!, v10h = IV[5]!;
  let v11l = IV[6]!, v11h = IV[7]!;
  let v12l = IV[8]!, v12h = IV[9]!;
  let v13l = IV[10]!, v13h = IV[11]!;
  let v14l = IV[12]!, v14h = IV[13]!;
  let v15l = IV[14]!, v15h = IV[15]!;
  v12l ^= t0;
  v12h ^= t1;
  if (last) {
    v14l = ~v14l;
    v14h = ~v14h;
  }
  let s = 0;
  let t = 0;
  let u = 0;
  let i = 0;
  for (let o = 0; o < 192; o += 16) {
    // G0
    s = (v0l + v4l) | 0; v0h = (v0h + v4h + (s >>> 0 < v0l >>> 0 ? 1 : 0)) | 0; v0l = s;
    i = S[o + 0]!; s = (v0l + m[i]!) | 0; v0h = (v0h + m[i + 1]! + (s >>> 0 < v0l >>> 0 ? 1 : 0)) | 0; v0l = s;
    t = v12l ^ v0l; v12l = v12h ^ v0h; v12h = t;
    s = (v8l + v12l) | 0; v8h = (v8h + v12h + (s >>> 0 < v8l >>> 0 ? 1 : 0)) | 0; v8l = s;
    t = v4l ^ v8l; u = v4h ^ v8h; v4l = (t >>> 24) | (u << 8); v4h = (u >>> 24) | (t << 8);
    s = (v0l + v4l) | 0; v0h = (v0h + v4h + (s >>> 0 < v0l >>> 0 ? 1 : 0)) | 0; v0l = s;
    i = S[o + 1]!; s = (v0l + m[i]!) | 0; v0h = (v0h + m[i + 1]! + (s >>> 0 < v0l >>> 0 ? 1 : 0)) | 0; v0l = s;
    t = v12l ^ v0l; u = v12h ^ v0h; v12l = (t >>> 16) | (u << 16); v12h = (u >>> 16) | (t << 16);
    s = (v8l + v12l) | 0; v8h = (v8h + v12h + (s >>> 0 < v8l >>> 0 ? 1 : 0)) | 0; v8l = s;
    t = v4l ^ v8l; u = v4h ^ v8h; v4l = (u >>> 31) | (t << 1); v4h = (t >>> 31) | (u << 1);
    // G1
    s = (v1l + v5l) | 0; v1h = (v1h + v5h + (s >>> 0 < v1l >>> 0 ? 1 : 0)) | 0; v1l = s;
    i = S[o + 2]!; s = (v1l + m[i]!) | 0; v1h = (v1h + m[i + 1]! + (s >>> 0 < v1l >>> 0 ? 1 : 0)) | 0; v1l = s;
    t = v13l ^ v1l; v13l = v13h ^ v1h; v13h = t;
    s = (v9l + v13l) | 0; v9h = (v9h + v13h + (s >>> 0 < v9l >>> 0 ? 1 : 0)) | 0; v9l = s;
    t = v5l ^ v9l; u = v5h ^ v9h; v5l = (t >>> 24) | (u << 8); v5h = (u >>> 24) | (t << 8);
    s = (v1l + v5l) | 0; v1h = (v1h + v5h + (s >>> 0 < v1l >>> 0 ? 1 : 0)) | 0; v1l = s;
    i = S[o + 3]!; s = (v1l + m[i]!) | 0; v1h = (v1h + m[i + 1]! + (s >>> 0 < v1l >>> 0 ? 1 : 0)) | 0; v1l = s;
    t = v13l ^ v1l; u = v13h ^ v1h; v13l = (t >>> 16) | (u << 16); v13h = (u >>> 16) | (t << 16);
    s = (v9l + v13l) | 0; v9h = (v9h + v13h + (s >>> 0 < v9l >>> 0 ? 1 : 0)) | 0; v9l = s;
    t = v5l ^ v9l; u = v5h ^ v9h; v5l = (u >>> 31) | (t << 1); v5h = (t >>> 31) | (u << 1);
    // G2
    s = (v2l + v6l) | 0; v2h = (v2h + v6h + (s >>> 0 < v2l >>> 0 ? 1 : 0)) | 0; v2l = s;
    i = S[o + 4]!; s = (v2l + m[i]!) | 0; v2h = (v2h + m[i + 1]! + (s >>> 0 < v2l >>> 0 ? 1 : 0)) | 0; v2l = s;
    t = v14l ^ v2l; v14l = v14h ^ v2h; v14h = t;
    s = (v10l + v14l) | 0; v10h = (v10h + v14h + (s >>> 0 < v10l >>> 0 ? 1 : 0)) | 0; v10l = s;
    t = v6l ^ v10l; u = v6h ^ v10h; v6l = (t >>> 24) | (u << 8); v6h = (u >>> 24) | (t << 8);
    s = (v2l + v6l) | 0; v2h = (v2h + v6h + (s >>> 0 < v2l >>> 0 ? 1 : 0)) | 0; v2l = s;
    i = S[o + 5]!; s = (v2l + m[i]!) | 0; v2h = (v2h + m[i + 1]! + (s >>> 0 < v2l >>> 0 ? 1 : 0)) | 0; v2l = s;
    t = v14l ^ v2l; u = v14h ^ v2h; v14l = (t >>> 16) | (u << 16); v14h = (u >>> 16) | (t << 16);
    s = (v10l + v14l) | 0; v10h = (v10h + v14h + (s >>> 0 < v10l >>> 0 ? 1 : 0)) | 0; v10l = s;
    t = v6l ^ v10l; u = v6h ^ v10h; v6l = (u >>> 31) | (t << 1); v6h = (t >>> 31) | (u << 1);
    // G3
    s = (v3l + v7l) | 0; v3h = (v3h + v7h + (s >>> 0 < v3l >>> 0 ? 1 : 0)) | 0; v3l = s;
    i = S[o + 6]!; s = (v3l + m[i]!) | 0; v3h = (v3h + m[i + 1]! + (s >>> 0 < v3l >>> 0 ? 1 : 0)) | 0; v3l = s;
    t = v15l ^ v3l; v15l = v15h ^ v3h; v15h = t;
    s = (v11l + v15l) | 0; v11h = (v11h + v15h + (s >>> 0 < v11l >>> 0 ? 1 : 0)) | 0; v11l = s;
    t = v7l ^ v11l; u = v7h ^ v11h; v7l = (t >>> 24) | (u << 8); v7h = (u >>> 24) | (t << 8);
    s = (v3l + v7l) | 0; v3h = (v3h + v7h + (s >>> 0 < v3l >>> 0 ? 1 : 0)) | 0; v3l = s;
    i = S[o + 7]!; s = (v3l + m[i]!) | 0; v3h = (v3h + m[i + 1]! + (s >>> 0 < v3l >>> 0 ? 1 : 0)) | 0; v3l = s;
    t = v15l ^ v3l; u = v15h ^ v3h; v15l = (t >>> 16) | (u << 16); v15h = (u >>> 16) | (t << 16);
    s = (v11l + v15l) | 0; v11h = (v11h + v15h + (s >>> 0 < v11l >>> 0 ? 1 : 0)) | 0; v11l = s;
    t = v7l ^ v11l; u = v7h ^ v11h; v7l = (u >>> 31) | (t << 1); v7h = (t >>> 31) | (u << 1);
    // G4
    s = (v0l + v5l) | 0; v0h = (v0h + v5h + (s >>> 0 < v0l >>> 0 ? 1 : 0)) | 0; v0l = s;
    i = S[o + 8]!; s = (v0l + m[i]!) | 0; v0h = (v0h + m[i + 1]! + (s >>> 0 < v0l >>> 0 ? 1 : 0)) | 0; v0l = s;
    t = v15l ^ v0l; v15l = v15h ^ v0h; v15h = t;
    s = (v10l + v15l) | 0; v10h = (v10h + v15h + (s >>> 0 < v10l >>> 0 ? 1 : 0)) | 0; v10l = s;
    t = v5l ^ v10l; u = v5h ^ v10h; v5l = (t >>> 24) | (u << 8); v5h = (u >>> 24) | (t << 8);
    s = (v0l + v5l) | 0; v0h = (v0h + v5h + (s >>> 0 < v0l >>> 0 ? 1 : 0)) | 0; v0l = s;
    i = S[o + 9]!; s = (v0l + m[i]!) | 0; v0h = (v0h + m[i + 1]! + (s >>> 0 < v0l >>> 0 ? 1 : 0)) | 0; v0l = s;
    t = v15l ^ v0l; u = v15h ^ v0h; v15l = (t >>> 16) | (u << 16); v15h = (u >>> 16) | (t << 16);
    s = (v10l + v15l) | 0; v10h = (v10h + v15h + (s >>> 0 < v10l >>> 0 ? 1 : 0)) | 0; v10l = s;
    t = v5l ^ v10l; u = v5h ^ v10h; v5l = (u >>> 31) | (t << 1); v5h = (t >>> 31) | (u << 1);
    // G5
    s = (v1l + v6l) | 0; v1h = (v1h + v6h + (s >>> 0 < v1l >>> 0 ? 1 : 0)) | 0; v1l = s;
    i = S[o + 10]!; s = (v1l + m[i]!) | 0; v1h = (v1h + m[i + 1]! + (s >>> 0 < v1l >>> 0 ? 1 : 0)) | 0; v1l = s;
    t = v12l ^ v1l; v12l = v12h ^ v1h; v12h = t;
    s = (v11l + v12l) | 0; v11h = (v11h + v12h + (s >>> 0 < v11l >>> 0 ? 1 : 0)) | 0; v11l = s;
    t = v6l ^ v11l; u = v6h ^ v11h; v6l = (t >>> 24) | (u << 8); v6h = (u >>> 24) | (t << 8);
    s = (v1l + v6l) | 0; v1h = (v1h + v6h + (s >>> 0 < v1l >>> 0 ? 1 : 0)) | 0; v1l = s;
    i = S[o + 11]!; s = (v1l + m[i]!) | 0; v1h = (v1h + m[i + 1]! + (s >>> 0 < v1l >>> 0 ? 1 : 0)) | 0; v1l = s;
    t = v12l ^ v1l; u = v12h ^ v1h; v12l = (t >>> 16) | (u << 16); v12h = (u >>> 16) | (t << 16);
    s = (v11l + v12l) | 0; v11h = (v11h + v12h + (s >>> 0 < v11l >>> 0 ? 1 : 0)) | 0; v11l = s;
    t = v6l ^ v11l; u = v6h ^ v11h; v6l = (u >>> 31) | (t << 1); v6h = (t >>> 31) | (u << 1);
    // G6
    s = (v2l + v7l) | 0; v2h = (v2h + v7h + (s >>> 0 < v2l >>> 0 ? 1 : 0)) | 0; v2l = s;
    i = S[o + 12]!; s = (v2l + m[i]!) | 0; v2h = (v2h + m[i + 1]! + (s >>> 0 < v2l >>> 0 ? 1 : 0)) | 0; v2l = s;
    t = v13l ^ v2l; v13l = v13h ^ v2h; v13h = t;
    s = (v8l + v13l) | 0; v8h = (v8h + v13h + (s >>> 0 < v8l >>> 0 ? 1 : 0)) | 0; v8l = s;
    t = v7l ^ v8l; u = v7h ^ v8h; v7l = (t >>> 24) | (u << 8); v7h = (u >>> 24) | (t << 8);
    s = (v2l + v7l) | 0; v2h = (v2h + v7h + (s >>> 0 < v2l >>> 0 ? 1 : 0)) | 0; v2l = s;
    i = S[o + 13]!; s = (v2l + m[i]!) | 0; v2h = (v2h + m[i + 1]! + (s >>> 0 < v2l >>> 0 ? 1 : 0)) | 0; v2l = s;
    t = v13l ^ v2l; u = v13h ^ v2h; v13l = (t >>> 16) | (u << 16); v13h = (u >>> 16) | (t << 16);
    s = (v8l + v13l) | 0; v8h = (v8h + v13h + (s >>> 0 < v8l >>> 0 ? 1 : 0)) | 0; v8l = s;
    t = v7l ^ v8l; u = v7h ^ v8h; v7l = (u >>> 31) | (t << 1); v7h = (t >>> 31) | (u << 1);
    // G7
    s = (v3l + v4l) | 0; v3h = (v3h + v4h + (s >>> 0 < v3l >>> 0 ? 1 : 0)) | 0; v3l = s;
    i = S[o + 14]!; s = (v3l + m[i]!) | 0; v3h = (v3h + m[i + 1]! + (s >>> 0 < v3l >>> 0 ? 1 : 0)) | 0; v3l = s;
    t = v14l ^ v3l; v14l = v14h ^ v3h; v14h = t;
    s = (v9l + v14l) | 0; v9h = (v9h + v14h + (s >>> 0 < v9l >>> 0 ? 1 : 0)) | 0; v9l = s;
    t = v4l ^ v9l; u = v4h ^ v9h; v4l = (t >>> 24) | (u << 8); v4h = (u >>> 24) | (t << 8);
    s = (v3l + v4l) | 0; v3h = (v3h + v4h + (s >>> 0 < v3l >>> 0 ? 1 : 0)) | 0; v3l = s;
    i = S[o + 15]!; s = (v3l + m[i]!) | 0; v3h = (v3h + m[i + 1]! + (s >>> 0 < v3l >>> 0 ? 1 : 0)) | 0; v3l = s;
    t = v14l ^ v3l; u = v14h ^ v3h; v14l = (t >>> 16) | (u << 16); v14h = (u >>> 16) | (t << 16);
    s = (v9l + v14l) | 0; v9h = (v9h + v14h + (s >>> 0 < v9l >>> 0 ? 1 : 0)) | 0; v9l = s;
    t = v4l ^ v9l; u = v4h ^ v9h; v4l = (u >>> 31) | (t << 1); v4h = (t >>> 31) | (u << 1);
  }
  h[0] = h[0]! ^ v0l ^ v8l;
  h[1] = h[1]! ^ v0h ^ v8h;
  h[2] = h[2]! ^ v1l ^ v9l;
  h[3] = h[3]! ^ v1h ^ v9h;
  h[4] = h[4]! ^ v2l ^ v10l;
  h[5] = h[5]! ^ v2h ^ v10h;
  h[6] = h[6]! ^ v3l ^ v11l;
  h[7] = h[7]! ^ v3h ^ v11h;
  h[8] = h[8]! ^ v4l ^ v12l;
  h[9] = h[9]! ^ v4h ^ v12h;
  h[10] = h[10]! ^ v5l ^ v13l;
  h[11] = h[11]! ^ v5h ^ v13h;
  h[12] = h[12]! ^ v6l ^ v14l;
  h[13] = h[13]! ^ v6h ^ v14h;
  h[14] = h[14]! ^ v7l ^ v15l;
  h[15] = h[15]! ^ v7h ^ v15h;
}
