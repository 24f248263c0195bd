/**
 * Where table sections start and end, and where a new `[header]` section goes.
 *
 * A section is a `[header]` line with its key/value lines (TOML v1.0.0 "Table"). Comment lines
 * directly above a header (no blank line between) are treated as part of its section.
 */
import type { AST } from 'toml-eslint-parser';
import type { DataPath } from '../toml/locate';
import { headerSpan } from '../toml/locate';
import { tablesOf } from './ast-query';
import { isBlankLine, lineStartAt, nextLineStart } from './text-scan';

/** Offset just after the last line of the section (after its last key/value line). */
export function sectionEnd(text: string, ast: AST.TOMLProgram, table: AST.TOMLTable): number {
  const last = table.body[table.body.length - 1];
  const end = last ? last.range[1] : headerSpan(ast, table)[1];
  return nextLineStart(text, end);
}

/** Offset where the section starts, including the comment lines right above its header. */
export function sectionStart(text: string, table: AST.TOMLTable): number {
  const header = lineStartAt(text, table.range[0]);
  let start = header;
  while (start > 0) {
    const prev = lineStartAt(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(prev, start))) break;
    start = prev;
  }
  // A comment block that opens the file is the file's header, not this table's.
  return start === 0 ? header : start;
}

/** Offsets [start, end) removing a whole section and, when it leaves two, one blank line. */
export function sectionRemovalSpan(text: string, ast: AST.TOMLProgram, table: AST.TOMLTable): [number, number] {
  let start = sectionStart(text, table);
  let end = sectionEnd(text, ast, table);
  const blankBefore = start === 0 || isBlankLine(text, lineStartAt(text, start - 1));
  if (blankBefore && end < text.length && isBlankLine(text, end)) end = nextLineStart(text, end);
  else if (end >= text.length) {
    // Removing the last section: also drop the blank lines that separated it.
    while (start > 0 && isBlankLine(text, lineStartAt(text, start - 1))) start = lineStartAt(text, start - 1);
  }
  return [start, end];
}

/** Canonical order of top-level tables when adding a new one (packaging guide's layout). */
const TOP_ORDER = ['build-system', 'project', 'dependency-groups', 'tool'];

function rank(name: string | number | undefined): number {
  const i = TOP_ORDER.indexOf(String(name));
  return i === -1 ? TOP_ORDER.length : i;
}

const startsWith = (a: DataPath, prefix: DataPath): boolean => prefix.length <= a.length && prefix.every((x, i) => x === a[i]);

/** Where a new section for `path` goes, and whether it sits before an existing section. */
export function newSectionPoint(text: string, ast: AST.TOMLProgram, path: DataPath): { offset: number; before: boolean } {
  const tables = tablesOf(ast);
  // Next to its relatives: after the last section of the longest existing ancestor.
  for (let len = path.length - 1; len >= 1; len--) {
    const anc = path.slice(0, len);
    const under = tables.filter((t) => startsWith(t.resolvedKey, anc));
    const last = under[under.length - 1];
    if (last) return { offset: sectionEnd(text, ast, last), before: false };
  }
  // A new top-level table: before the first table that comes later in TOP_ORDER.
  const r = rank(path[0]);
  const later = tables.find((t) => rank(t.resolvedKey[0]) > r);
  if (later) return { offset: sectionStart(text, later), before: true };
  return { offset: text.length, before: false };
}
