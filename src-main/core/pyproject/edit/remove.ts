/**
 * Removal edits: a key (its whole line, or its pair inside an inline table), an array item, or
 * a table with all its sub-tables. Everything else in the file stays byte-identical.
 */
import type { AST } from 'toml-eslint-parser';
import type { DataPath } from '../toml/locate';
import { resolvePath, tablesOf, type Container } from './ast-query';
import { sectionRemovalSpan } from './sections';
import { lineStartAt, nextLineStart, onlyIndentBefore, restOfLineIsTrivia, skipBlanks } from './text-scan';

export interface RawEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

const startsWith = (a: DataPath, prefix: DataPath): boolean => prefix.length <= a.length && prefix.every((x, i) => x === a[i]);

/** Edits removing `path`; empty when the document does not define it. */
export function removeEdits(text: string, ast: AST.TOMLProgram, path: DataPath): RawEdit[] {
  const hit = resolvePath(ast, path);
  if (!hit) return [];
  switch (hit.kind) {
    case 'value':
      return [removeKeyValue(text, hit.kv, hit.container)];
    case 'element':
      return [removeArrayItem(text, hit.array, hit.index)];
    case 'dotted': {
      const c = hit.container;
      return c.kind === 'dotted' ? merge(c.kvs.map((kv) => removeKeyValue(text, kv, c.parent))) : [];
    }
    case 'table':
    case 'array-of-tables':
    case 'implicit': {
      const under = tablesOf(ast).filter((t) => startsWith(t.resolvedKey, path) || (hit.kind === 'array-of-tables' && hit.tables.includes(t)));
      return merge(under.map((t) => {
        const [start, end] = sectionRemovalSpan(text, ast, t);
        return { start, end, newText: '' };
      }));
    }
  }
}

/** Merge overlapping or touching deletions. */
function merge(edits: RawEdit[]): RawEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: RawEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, e.end), newText: '' };
    else out.push(e);
  }
  return out;
}

function removeKeyValue(text: string, kv: AST.TOMLKeyValue, container: Container): RawEdit {
  if (container.kind === 'inline') return removeListMember(text, kv.range, container.node.body.map((k) => k.range), container.node.range, '{}');
  // A key/value pair owns its lines: from the line start to the end of its last line (comment included).
  return { start: lineStartAt(text, kv.range[0]), end: nextLineStart(text, kv.range[1]), newText: '' };
}

function removeArrayItem(text: string, array: AST.TOMLArray, index: number): RawEdit {
  const el = array.elements[index];
  if (!el) return { start: 0, end: 0, newText: '' };
  const after = skipBlanks(text, el.range[1]);
  const afterComma = text[after] === ',' ? after + 1 : after;
  // An item alone on its line(s): drop the lines, with the comment that follows it on the line.
  if (onlyIndentBefore(text, el.range[0]) && restOfLineIsTrivia(text, afterComma) && !closesOnLine(text, afterComma, array)) {
    return { start: lineStartAt(text, el.range[0]), end: nextLineStart(text, afterComma), newText: '' };
  }
  return removeListMember(text, el.range, array.elements.map((e) => e.range), array.range, '[]');
}

/** True when the array's closing bracket is on the same line after `offset`. */
function closesOnLine(text: string, offset: number, array: AST.TOMLArray): boolean {
  return array.range[1] - 1 >= offset && array.range[1] - 1 < nextLineStart(text, offset);
}

/**
 * Remove one member of a comma-separated list (inline table pairs, array items) with one
 * adjacent comma; the last member empties the list to `empty` unless comments remain inside.
 */
function removeListMember(
  text: string,
  member: readonly [number, number],
  all: readonly (readonly [number, number])[],
  container: readonly [number, number],
  empty: string,
): RawEdit {
  const inner = text.slice(container[0] + 1, container[1] - 1);
  if (all.length === 1 && !inner.includes('#')) return { start: container[0], end: container[1], newText: empty };
  const idx = all.findIndex((r) => r[0] === member[0]);
  const after = skipBlanks(text, member[1]);
  if (text[after] === ',' && idx < all.length - 1) {
    const next = all[idx + 1];
    return { start: member[0], end: next ? next[0] : after + 1, newText: '' };
  }
  const prev = all[idx - 1];
  if (prev) {
    // Keep a trailing comma if the list had one after this member.
    const end = text[after] === ',' ? after : member[1];
    return { start: prev[1], end, newText: '' };
  }
  return { start: member[0], end: text[after] === ',' ? skipBlanks(text, after + 1) : member[1], newText: '' };
}
