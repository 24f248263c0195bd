/**
 * Format-preserving editing of pyproject.toml.
 *
 * Each change becomes a minimal text edit on the current text: comments, ordering, quoting and
 * whitespace elsewhere stay byte-identical, and no change returns the text unchanged. The result
 * carries the edits relative to the ORIGINAL text (for Monaco's `executeEdits` and quick fixes).
 */
import { parseTOML, type AST } from 'toml-eslint-parser';
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
export function applyEdits(text: string, changes: readonly EditChange[]): EditResult {
  if (changes.length === 0) return { text, edits: [] };
  const style = detectStyle(text);
  let current = text;
  const queue: EditChange[] = [...changes];
  let steps = 0;
  while (queue.length > 0) {
    if (++steps > MAX_STEPS) throw new EditError('conflict', 'too many edit steps');
    const change = queue.shift() as EditChange;
    const ast = parse(current);
    let raw: RawEdit[] = [];
    switch (change.kind) {
      case 'remove':
        raw = removeEdits(current, ast, change.path);
        break;
      case 'removeItem':
        raw = removeEdits(current, ast, [...change.path, change.index]);
        break;
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
      const next = applyTextEdits(current, raw);
      parse(next); // every step must leave valid TOML
      current = next;
    }
  }
  return { text: current, edits: minimalEdits(text, current) };
}
