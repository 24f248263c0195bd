/**
 * Test support: a small seeded PRNG and string mutations for differential tests, so every
 * run (and CI) sees the same generated cases.
 */

export { Rng } from '../../../../testing/seeded-rng';
import type { Rng } from '../../../../testing/seeded-rng';

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
