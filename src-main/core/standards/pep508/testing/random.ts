/**
 * Test support: a small seeded PRNG and string mutations for differential tests, so every
 * run (and CI) sees the same generated cases.
 */

/** mulberry32: a fast 32-bit seeded generator returning floats in [0, 1). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }
}

/** Characters that matter to the PEP 508 tokenizer, plus a few that must be rejected. */
const INTERESTING = [
  ' ', ' ', '\t', '(', ')', '[', ']', ',', ';', '@', '=', '==', '<', '>', '!', '~', '*', '.*', '.', '+', '-', '_',
  "'", '"', '\n', 'a', 'Z', '1', '0', 'é', '\u00a0', '\\', 'v', 'rc', 'post', 'dev', 'and', 'or', 'in', 'not',
  ' and ', ' or ', ' not in ', 'extra', 'os.name', 'python_version', '===', '~=', '\u2003', '\u{1F600}', '$', '/',
];

/** Applies one to three random edits (insert, delete, duplicate, swap) to `s`. */
export function mutate(s: string, rng: Rng): string {
  let out = s;
  const edits = 1 + rng.int(3);
  for (let e = 0; e < edits; e++) {
    const i = rng.int(out.length + 1);
    switch (rng.int(4)) {
      case 0:
        out = out.slice(0, i) + rng.pick(INTERESTING) + out.slice(i);
        break;
      case 1:
        out = out.slice(0, i) + out.slice(i + 1 + rng.int(3));
        break;
      case 2: {
        const j = Math.min(out.length, i + 1 + rng.int(6));
        out = out.slice(0, j) + out.slice(i, j) + out.slice(j);
        break;
      }
      default:
        if (i + 1 < out.length) out = out.slice(0, i) + out[i + 1] + out[i] + out.slice(i + 2);
    }
  }
  return out;
}
