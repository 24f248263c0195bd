/**
 * Array item insertion (keeping one-line or one-item-per-line layout, trailing-comma habit and
 * indentation) and key renames.
 */
import type { AST } from 'toml-eslint-parser';
import type { DataPath } from '../toml/locate';
import type { TomlValue } from '../toml/parse';
import { resolvePath, tablesOf } from './ast-query';
import { EditError } from './changes';
import { formatInline, formatKey, type FileStyle } from './format-value';
import type { RawEdit } from './remove';
import type { StepResult } from './set';
import { indentAt, lineStartAt, nextLineStart, onlyIndentBefore, skipBlanks } from './text-scan';

/** Edits inserting `value` at `index` (default: the end) of the array at `path`. */
export function insertItemStep(text: string, ast: AST.TOMLProgram, path: DataPath, value: TomlValue, index: number | undefined, style: FileStyle): StepResult {
  const hit = resolvePath(ast, path);
  if (!hit) return { changes: [{ kind: 'set', path, value: [value] }] };
  if ((hit.kind !== 'value' && hit.kind !== 'element') || hit.node.type !== 'TOMLArray') {
    throw new EditError('not-an-array', `${path.join('.')} is not an array`);
  }
  return { edits: insertIntoArray(text, hit.node, value, index, style) };
}

function insertIntoArray(text: string, arr: AST.TOMLArray, value: TomlValue, index: number | undefined, style: FileStyle): RawEdit[] {
  const item = formatInline(value, style);
  const els = arr.elements;
  const n = els.length;
  const at = Math.min(Math.max(index ?? n, 0), n);
  const open = arr.range[0] + 1;
  const close = arr.range[1] - 1;
  if (n === 0) {
    const inner = text.slice(open, close);
    if (!inner.includes('#')) return [{ start: arr.range[0], end: arr.range[1], newText: `[${item}]` }];
    const indent = indentAt(text, arr.range[0]) + style.indent;
    return [{ start: open, end: open, newText: `${style.eol}${indent}${item},` }];
  }
  const first = els[0] as AST.TOMLContentNode;
  const last = els[n - 1] as AST.TOMLContentNode;
  const closeOnOwnLine = onlyIndentBefore(text, close);
  const oneItemPerLine = text.slice(arr.range[0], arr.range[1]).includes('\n') && onlyIndentBefore(text, first.range[0]) && closeOnOwnLine;
  if (oneItemPerLine) {
    if (at < n) {
      const el = els[at] as AST.TOMLContentNode;
      const lineStart = lineStartAt(text, el.range[0]);
      return [{ start: lineStart, end: lineStart, newText: `${indentAt(text, el.range[0])}${item},${style.eol}` }];
    }
    const afterLast = skipBlanks(text, last.range[1]);
    const trailingComma = text[afterLast] === ',';
    const pos = nextLineStart(text, trailingComma ? afterLast + 1 : last.range[1]);
    const line = `${indentAt(text, last.range[0])}${item}${trailingComma ? ',' : ''}${style.eol}`;
    const edits: RawEdit[] = [];
    if (!trailingComma) edits.push({ start: last.range[1], end: last.range[1], newText: ',' });
    edits.push({ start: pos, end: pos, newText: line });
    return edits;
  }
  // One-line layout: reuse the separator already written between items.
  const between = n >= 2 ? text.slice(first.range[1], (els[1] as AST.TOMLContentNode).range[0]) : ', ';
  const sep = /^\s*,[ \t]*$/.test(between) ? between : ', ';
  if (at < n) {
    const el = els[at] as AST.TOMLContentNode;
    return [{ start: el.range[0], end: el.range[0], newText: item + sep }];
  }
  const afterLast = skipBlanks(text, last.range[1]);
  if (text[afterLast] === ',') {
    return [{ start: afterLast + 1, end: afterLast + 1, newText: `${sep.slice(sep.indexOf(',') + 1) || ' '}${item},` }];
  }
  return [{ start: last.range[1], end: last.range[1], newText: sep + item }];
}

/** Edits renaming the last key of `path` to `newKey` (in every header that spells it). */
export function renameEdits(ast: AST.TOMLProgram, path: DataPath, newKey: string): RawEdit[] {
  const hit = resolvePath(ast, path);
  if (!hit) throw new EditError('not-found', `${path.join('.')} is not defined`);
  const newText = formatKey(newKey);
  const depth = path.length - 1;
  const seg = (keys: readonly (AST.TOMLBare | AST.TOMLQuoted)[], i: number): RawEdit[] => {
    const k = keys[i];
    return k ? [{ start: k.range[0], end: k.range[1], newText }] : [];
  };
  switch (hit.kind) {
    case 'value':
      return seg(hit.kv.key.keys, hit.kv.key.keys.length - 1);
    case 'dotted':
      return hit.container.kind === 'dotted' ? hit.container.kvs.flatMap((kv) => seg(kv.key.keys, (hit.container as { prefix: readonly string[] }).prefix.length - 1)) : [];
    case 'element':
      throw new EditError('conflict', 'array items have no key to rename');
    default: {
      const under = tablesOf(ast).filter((t) => path.every((x, i) => t.resolvedKey[i] === x));
      return under.flatMap((t) => seg(t.key.keys, depth));
    }
  }
}
