/**
 * Line diff (Myers' O(ND) algorithm, "An O(ND) Difference Algorithm and Its Variations", 1986)
 * and the minimal text edits between two versions of a file.
 */
import { SourceText } from '../toml/source-text';
import type { TextEdit } from '../types';

/** A changed region: lines `[aStart, aEnd)` of `a` became lines `[bStart, bEnd)` of `b`. */
export interface Hunk {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** Split into lines that keep their terminators, so joining gives the text back exactly. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Hunks turning `a` into `b`, in order, non-overlapping. */
export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  // Trim the common head and tail first: edits are usually local.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const pairs = myersMatches(A, B);
  const hunks: Hunk[] = [];
  let ai = 0;
  let bi = 0;
  for (const [x, y] of [...pairs, [A.length, B.length] as const]) {
    if (x > ai || y > bi) hunks.push({ aStart: head + ai, aEnd: head + x, bStart: head + bi, bEnd: head + y });
    ai = x + 1;
    bi = y + 1;
  }
  return hunks;
}

/** Matched index pairs (a LCS) of `a` and `b`, increasing. */
function myersMatches(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)) ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Backtrack from (n, m) through the saved frontiers.
  const pairs: (readonly [number, number])[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd[offset + k - 1] ?? 0) < (vd[offset + k + 1] ?? 0)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : (vd[offset + prevK] ?? 0);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    if (d > 0) {
      x = prevX;
      y = prevY;
    }
  }
  return pairs.reverse();
}

/** Minimal edits (relative to `before`) that turn `before` into `after`. */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const src = new SourceText(before);
  const aOffsets = [0];
  for (const line of a) aOffsets.push((aOffsets[aOffsets.length - 1] ?? 0) + line.length);
  const edits: TextEdit[] = [];
  for (const h of diffLines(a, b)) {
    const start = aOffsets[h.aStart] ?? 0;
    const end = aOffsets[h.aEnd] ?? before.length;
    const oldText = before.slice(start, end);
    const newText = b.slice(h.bStart, h.bEnd).join('');
    // Trim what the hunk's old and new text share at both ends.
    let p = 0;
    while (p < oldText.length && p < newText.length && oldText[p] === newText[p]) p++;
    let s = 0;
    while (s < oldText.length - p && s < newText.length - p && oldText[oldText.length - 1 - s] === newText[newText.length - 1 - s]) s++;
    edits.push(src.edit(start + p, end - s, newText.slice(p, newText.length - s)));
  }
  return edits;
}

/** Apply non-overlapping edits (relative to `text`) and return the new text. */
export function applyTextEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping text edits');
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}
