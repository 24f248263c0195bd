/**
 * The BLAKE2b compression function F (RFC 7693 §3.2) as a WebAssembly function, assembled at
 * load time from the spec's definition (no binary blob is shipped): WebAssembly has native
 * 64-bit add/xor/rotate, which makes F several times faster than 32-bit-pair JavaScript.
 *
 * Memory layout: the state h (8 × u64) at byte 0, input blocks from byte 64.
 * Export `compress(ptr: i32, t: i64, last: i32)`: compress the 128-byte block at `ptr` with byte
 * counter `t` (the low 64 bits; files never reach 2^64 bytes) and the final-block flag.
 */

/** RFC 7693 §2.6 IV (as signed 64-bit values). */
const IV = [
  0x6a09e667f3bcc908n,
  0xbb67ae8584caa73bn,
  0x3c6ef372fe94f82bn,
  0xa54ff53a5f1d36f1n,
  0x510e527fade682d1n,
  0x9b05688c2b3e6c1fn,
  0x1f83d9abfb41bd6bn,
  0x5be0cd19137e2179n,
].map((x) => BigInt.asIntN(64, x));

/** RFC 7693 §2.7 SIGMA (rounds 10 and 11 reuse rows 0 and 1). */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

// WebAssembly opcodes used below.
const OP = { localGet: 0x20, localSet: 0x21, i32Const: 0x41, i64Const: 0x42, i64Load: 0x29, i64Store: 0x37, i64Add: 0x7c, i64Sub: 0x7d, i64Xor: 0x85, i64Rotr: 0x8a, i64ExtendI32U: 0xad, end: 0x0b };

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb64(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...Buffer.from(s, 'latin1')];

/** The body of `compress`: params 0 ptr, 1 t, 2 last; locals 3–18 v0..v15, 19–34 m0..m15. */
function compressBody(): number[] {
  const c: number[] = [];
  const V = (i: number) => 3 + i;
  const M = (i: number) => 19 + i;
  const get = (l: number) => c.push(OP.localGet, ...uleb(l));
  const set = (l: number) => c.push(OP.localSet, ...uleb(l));
  const load = (base: number | null, offset: number) => {
    if (base === null) c.push(OP.i32Const, 0);
    else get(base);
    c.push(OP.i64Load, 3, ...uleb(offset));
  };
  for (let j = 0; j < 8; j++) {
    load(null, 8 * j);
    set(V(j));
    c.push(OP.i64Const, ...sleb64(IV[j]!));
    set(V(j + 8));
  }
  for (let k = 0; k < 16; k++) {
    load(0, 8 * k);
    set(M(k));
  }
  // v12 ^= t; v14 ^= (0 - last): all ones on the final block.
  get(V(12));
  get(1);
  c.push(OP.i64Xor);
  set(V(12));
  get(V(14));
  c.push(OP.i64Const, 0);
  get(2);
  c.push(OP.i64ExtendI32U, OP.i64Sub, OP.i64Xor);
  set(V(14));
  // a = a + b (+ m); d = rotr(d ^ a, r); …  (RFC 7693 §3.1, rotations 32, 24, 16, 63)
  const addTo = (a: number, b: number, m: number | null) => {
    get(V(a));
    get(V(b));
    c.push(OP.i64Add);
    if (m !== null) {
      get(M(m));
      c.push(OP.i64Add);
    }
    set(V(a));
  };
  const xorRot = (d: number, a: number, r: number) => {
    get(V(d));
    get(V(a));
    c.push(OP.i64Xor, OP.i64Const, ...sleb64(BigInt(r)), OP.i64Rotr);
    set(V(d));
  };
  const g = (a: number, b: number, cc: number, d: number, x: number, y: number) => {
    addTo(a, b, x);
    xorRot(d, a, 32);
    addTo(cc, d, null);
    xorRot(b, cc, 24);
    addTo(a, b, y);
    xorRot(d, a, 16);
    addTo(cc, d, null);
    xorRot(b, cc, 63);
  };
  for (let r = 0; r < 12; r++) {
    const s = SIGMA[r % 10]!;
    g(0, 4, 8, 12, s[0]!, s[1]!);
    g(1, 5, 9, 13, s[2]!, s[3]!);
    g(2, 6, 10, 14, s[4]!, s[5]!);
    g(3, 7, 11, 15, s[6]!, s[7]!);
    g(0, 5, 10, 15, s[8]!, s[9]!);
    g(1, 6, 11, 12, s[10]!, s[11]!);
    g(2, 7, 8, 13, s[12]!, s[13]!);
    g(3, 4, 9, 14, s[14]!, s[15]!);
  }
  for (let j = 0; j < 8; j++) {
    c.push(OP.i32Const, 0);
    load(null, 8 * j);
    get(V(j));
    c.push(OP.i64Xor);
    get(V(j + 8));
    c.push(OP.i64Xor, OP.i64Store, 3, ...uleb(8 * j));
  }
  c.push(OP.end);
  return [...vec([[32, 0x7e]]), ...c];
}

function assemble(): Uint8Array {
  const type = section(1, vec([[0x60, ...vec([[0x7f], [0x7e], [0x7f]]), ...vec([])]]));
  const func = section(3, vec([[0]]));
  const memory = section(5, vec([[0x00, 2]]));
  const exports = section(7, vec([[...name('compress'), 0x00, 0], [...name('mem'), 0x02, 0]]));
  const body = compressBody();
  const code = section(10, vec([[...uleb(body.length), ...body]]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...func, ...memory, ...exports, ...code]);
}

/** Bytes of input buffered per call (after the 64-byte state). */
export const CHUNK = 1023 * 128;

export interface Blake2bWasm {
  readonly compress: (ptr: number, t: bigint, last: number) => void;
  readonly memory: Uint8Array;
}

// @types/node does not declare the WebAssembly global; this is the part used here.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

let instance: Blake2bWasm | null = null;

/** A fresh view of the shared instance (one instance per thread; callers must not interleave). */
export function blake2bWasm(): Blake2bWasm {
  if (!instance) {
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const inst = new wasm.Instance(new wasm.Module(assemble()), {});
    const exp = inst.exports as { compress: (ptr: number, t: bigint, last: number) => void; mem: { buffer: ArrayBuffer } };
    instance = { compress: exp.compress, memory: new Uint8Array(exp.mem.buffer) };
  }
  return instance;
}
