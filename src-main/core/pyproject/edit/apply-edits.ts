/**
 * Format-preserving editing of pyproject.toml.
 *
 * Each change becomes a minimal text edit on the current text: comments, ordering, quoting and
 * whitespace elsewhere stay byte-identical, and no change returns the text unchanged. The result
 * carries the edits relative to the ORIGINAL text (for Monaco's `executeEdits` and quick fixes).
 */
import { parse as parseValues } from 'smol-toml';
import { parseTOML, type AST } from 'toml-eslint-parser';
import { SourceText } from '../toml/source-text';
import type { TextEdit } from '../types';
import { EditError, type EditChange } from './changes';
import { detectStyle } from './format-value';
import { insertItemStep, renameEdits } from './items';
import { applyTextEdits, minimalEdits } from './line-diff';
import { removeEdits, type RawEdit } from './remove';
import { setStep } from './set';

export interface EditResult {
  readonly text: string;
  /** Non-overlapping edits of the original text, in order. */
  readonly edits: readonly TextEdit[];
}

/** Guard against a change that keeps expanding into more changes. */
const MAX_STEPS = 10_000;

function parse(text: string): AST.TOMLProgram {
  try {
    return parseTOML(text, { tomlVersion: '1.0' });
  } catch (err) {
    throw new EditError('invalid-toml', `the text is not valid TOML: ${(err as Error).message}`);
  }
}

/**
 * Apply `changes` in order to `text`.
 *
 * Throws EditError when the text is not valid TOML or a change does not fit the document
 * (e.g. setting a key inside a string).
 */
export function applyEdits(text: string, changes: readonly EditChange[], opts: { readonly ast?: AST.TOMLProgram } = {}): EditResult {
  if (changes.length === 0) return { text, edits: [] };
  const style = detectStyle(text);
  let current = text;
  // The caller's AST of `text` saves the first parse (quick fixes are computed on a parsed document).
  let ast: AST.TOMLProgram | null = opts.ast ?? null;
  const queue: EditChange[] = [...changes];
  let steps = 0;
  // Edits of the first text-changing step are relative to the original: when it is the only
  // one, they are the answer (no diff needed).
  let firstRaw: RawEdit[] | null = null;
  let rawSteps = 0;
  while (queue.length > 0) {
    if (++steps > MAX_STEPS) throw new EditError('conflict', 'too many edit steps');
    const change = queue.shift() as EditChange;
    ast ??= parse(current);
    let raw: RawEdit[] = [];
    switch (change.kind) {
      case 'remove':
        raw = removeEdits(current, ast, change.path);
        break;
      case 'removeItem': {
        raw = removeEdits(current, ast, [...change.path, change.index]);
        // Removals of the same array in decreasing index order do not shift each other: one
        // pass, unless two of them share a comma (then they run one by one).
        const batch: EditChange[] = [];
        let last = change.index;
        const more: RawEdit[] = [];
        while (queue[0]?.kind === 'removeItem' && samePath(queue[0].path, change.path) && queue[0].index < last) {
          const next = queue.shift() as Extract<EditChange, { kind: 'removeItem' }>;
          batch.push(next);
          more.push(...removeEdits(current, ast, [...next.path, next.index]));
          last = next.index;
        }
        if (disjoint([...raw, ...more])) raw.push(...more);
        else queue.unshift(...batch);
        break;
      }
      case 'rename':
        raw = renameEdits(ast, change.path, change.newKey);
        break;
      case 'set':
      case 'insertItem': {
        const step = change.kind === 'set'
          ? setStep(current, ast, change.path, change.value, style)
          : insertItemStep(current, ast, change.path, change.value, change.index, style);
        if ('changes' in step) {
          queue.unshift(...step.changes);
          continue;
        }
        raw = step.edits;
        break;
      }
    }
    if (raw.length) {
      if (rawSteps++ === 0) firstRaw = raw;
      current = applyTextEdits(current, raw);
      ast = null;
    }
  }
  if (ast === null && current !== text) checkValid(current); // the result must be valid TOML
  if (rawSteps === 1 && firstRaw) return { text: current, edits: trimmedEdits(text, firstRaw) };
  return { text: current, edits: minimalEdits(text, current) };
}

/** The final text must still be TOML (smol-toml: a fraction of a full AST parse). */
function checkValid(text: string): void {
  try {
    parseValues(text);
  } catch (err) {
    throw new EditError('conflict', `the edit would produce invalid TOML: ${(err as Error).message.split('\n')[0] ?? ''}`);
  }
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Raw edits of the original as TextEdits, each trimmed of what old and new text share. */
function trimmedEdits(text: string, raw: readonly RawEdit[]): TextEdit[] {
  const src = new SourceText(text);
  return [...raw]
    .sort((a, b) => a.start - b.start)
    .map((e) => {
      const old = text.slice(e.start, e.end);
      let p = 0;
      while (p < old.length && p < e.newText.length && old[p] === e.newText[p]) p++;
      let q = 0;
      while (q < old.length - p && q < e.newText.length - p && old[old.length - 1 - q] === e.newText[e.newText.length - 1 - q]) q++;
      return src.edit(e.start + p, e.end - q, e.newText.slice(p, e.newText.length - q));
    })
    .filter((e) => e.start !== e.end || e.newText !== '');
}

/** True when no two edits overlap. */
function disjoint(edits: readonly RawEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return sorted.every((e, i) => i === 0 || e.start >= (sorted[i - 1] as RawEdit).end);
}
