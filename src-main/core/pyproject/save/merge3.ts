/**
 * Three-way merge of line-based text (diff3): base = the text as loaded, ours = the edited
 * text, theirs = the text now on disk.
 *
 * Changes made on only one side are taken; identical changes on both sides are taken once;
 * different changes to the same lines are a conflict, written with both sides between
 * git-style markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`) so nothing is dropped.
 */
import { diffLines, splitLines, type Hunk } from '../edit/line-diff';

export interface MergeConflict {
  /** 1-based line range of the conflict block (markers included) in the merged text. */
  readonly startLine: number;
  readonly endLine: number;
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
}

export interface MergeResult {
  readonly text: string;
  readonly conflicts: readonly MergeConflict[];
  /** True when every change merged without conflict. */
  readonly clean: boolean;
}

export interface MergeLabels {
  readonly ours?: string;
  readonly base?: string;
  readonly theirs?: string;
}

interface Side {
  readonly lines: readonly string[];
  readonly hunks: readonly Hunk[];
}

/** Lines of `side` standing for base lines [s, e) given the side's hunks inside that span. */
function sideSlice(side: Side, base: readonly string[], s: number, e: number, hunks: readonly Hunk[]): string[] {
  const first = hunks[0];
  const last = hunks[hunks.length - 1];
  if (!first || !last) return base.slice(s, e) as string[];
  return side.lines.slice(first.bStart - (first.aStart - s), last.bEnd + (e - last.aEnd)) as string[];
}

const withEol = (s: string, eol: string): string => (s === '' || s.endsWith('\n') ? s : s + eol);

/** Merge `ours` and `theirs`, both derived from `base`. */
export function merge3(base: string, ours: string, theirs: string, labels: MergeLabels = {}): MergeResult {
  const b = splitLines(base);
  const o: Side = { lines: splitLines(ours), hunks: diffLines(b, splitLines(ours)) };
  const t: Side = { lines: splitLines(theirs), hunks: diffLines(b, splitLines(theirs)) };
  const eol = /\r\n/.test(base + ours + theirs) ? '\r\n' : '\n';
  const tagged = [...o.hunks.map((h) => ({ h, side: 'o' as const })), ...t.hunks.map((h) => ({ h, side: 't' as const }))]
    .sort((x, y) => x.h.aStart - y.h.aStart || x.h.aEnd - y.h.aEnd);
  const out: string[] = [];
  const conflicts: MergeConflict[] = [];
  let pos = 0;
  let i = 0;
  while (i < tagged.length) {
    // Group hunks whose base spans overlap.
    const first = tagged[i] as (typeof tagged)[number];
    const s = first.h.aStart;
    let e = first.h.aEnd;
    const group = [first];
    i++;
    while (i < tagged.length) {
      const next = tagged[i] as (typeof tagged)[number];
      // Touching spans are grouped too: edits of adjacent lines are reported, not guessed.
      if (next.h.aStart <= e) {
        e = Math.max(e, next.h.aEnd);
        group.push(next);
        i++;
      } else break;
    }
    out.push(...b.slice(pos, s));
    const oh = group.filter((g) => g.side === 'o').map((g) => g.h);
    const th = group.filter((g) => g.side === 't').map((g) => g.h);
    const oText = sideSlice(o, b, s, e, oh);
    const tText = sideSlice(t, b, s, e, th);
    if (th.length === 0) out.push(...oText);
    else if (oh.length === 0) out.push(...tText);
    else if (oText.join('') === tText.join('')) out.push(...oText);
    else {
      const startLine = lineCount(out) + 1;
      const bText = b.slice(s, e).join('');
      const block = [
        `<<<<<<< ${labels.ours ?? 'ours (your edits)'}${eol}`,
        withEol(oText.join(''), eol),
        `||||||| ${labels.base ?? 'base (as loaded)'}${eol}`,
        withEol(bText, eol),
        `=======${eol}`,
        withEol(tText.join(''), eol),
        `>>>>>>> ${labels.theirs ?? 'theirs (on disk)'}${eol}`,
      ];
      out.push(...block.filter((x) => x !== ''));
      conflicts.push({ startLine, endLine: lineCount(out), base: bText, ours: oText.join(''), theirs: tText.join('') });
    }
    pos = e;
  }
  out.push(...b.slice(pos));
  return { text: out.join(''), conflicts, clean: conflicts.length === 0 };
}

function lineCount(chunks: readonly string[]): number {
  let n = 0;
  for (const c of chunks) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
  return n;
}
