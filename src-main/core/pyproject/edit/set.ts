/**
 * `set` edits: replace a value in place (keeping its quoting and array layout), or insert a
 * missing key where it belongs (inside its table, a new `[section]` next to its relatives, or
 * inside an inline table in the same one-line style).
 *
 * Arrays and tables that already exist are synced item by item / key by key, so comments on the
 * untouched items stay where they are.
 */
import { getStaticTOMLValue, type AST } from 'toml-eslint-parser';
import type { DataPath } from '../toml/locate';
import type { TomlValue } from '../toml/parse';
import { containerKvs, resolvePath, type Container, type Hit } from './ast-query';
import { EditError, type EditChange } from './changes';
import { formatBasicString, formatInline, formatKeyPath, formatString, formatTableSection, formatValue, isTomlTable, type FileStyle } from './format-value';
import type { RawEdit } from './remove';
import { newSectionPoint, sectionEnd } from './sections';
import { indentAt, isBlankLine, lineStartAt, nextLineStart } from './text-scan';

export type StepResult = { readonly edits: RawEdit[] } | { readonly changes: EditChange[] };

/** Canonical text of a value, for equality checks. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x instanceof Date ? x.toISOString() : x));
}

/** Edits (or follow-up changes) setting `path` to `value`. */
export function setStep(text: string, ast: AST.TOMLProgram, path: DataPath, value: TomlValue, style: FileStyle): StepResult {
  const hit = resolvePath(ast, path);
  if (hit) return replaceStep(text, ast, hit, path, value, style);
  // Missing: find the deepest defined ancestor and insert below it.
  for (let n = path.length - 1; n >= 0; n--) {
    const prefix = path.slice(0, n);
    const rest = path.slice(n);
    if (rest.some((s) => typeof s === 'number')) {
      if (n === path.length - 1) {
        const parent = n === 0 ? null : resolvePath(ast, prefix);
        if (parent && (parent.kind === 'value' || parent.kind === 'element') && parent.node.type === 'TOMLArray') {
          return { changes: [{ kind: 'insertItem', path: prefix, value, index: Number(rest[0]) }] };
        }
        if (parent?.kind === 'array-of-tables' && isTomlTable(value) && rest[0] === parent.tables.length) {
          return { edits: [newArrayTableSection(text, ast, parent.tables, prefix as string[], value, style)] };
        }
      }
      continue;
    }
    const keys = rest as string[];
    if (n === 0) return { edits: [insertIntoRoot(text, ast, keys, value, style)] };
    const parent = resolvePath(ast, prefix);
    if (!parent) continue;
    return { edits: [insertBelow(text, ast, parent, prefix, keys, value, style)] };
  }
  throw new EditError('not-found', `cannot create ${path.join('.')}`);
}

function replaceStep(text: string, ast: AST.TOMLProgram, hit: Hit, path: DataPath, value: TomlValue, style: FileStyle): StepResult {
  if (hit.kind === 'value' || hit.kind === 'element') {
    const node = hit.node;
    if (canonical(getStaticTOMLValue(node)) === canonical(value)) return { edits: [] };
    if (node.type === 'TOMLArray' && Array.isArray(value)) return { changes: syncArray(node, path, value) };
    if (node.type === 'TOMLInlineTable' && isTomlTable(value)) return { changes: syncTable(node.body.map(kvName), path, value) };
    return { edits: [{ start: node.range[0], end: node.range[1], newText: formatLike(text, node, value, style) }] };
  }
  if (isTomlTable(value)) {
    const existing = tableKeys(ast, hit, path);
    return { changes: syncTable(existing, path, value) };
  }
  if (hit.kind === 'array-of-tables' && Array.isArray(value) && value.every(isTomlTable)) {
    // `[[x]]` sections: sync the common prefix, drop extra sections, append new ones.
    const n = hit.tables.length;
    const changes: EditChange[] = [];
    for (let i = n - 1; i >= value.length; i--) changes.push({ kind: 'remove', path: [...path, i] });
    value.forEach((v, i) => changes.push({ kind: 'set', path: [...path, i], value: v }));
    return { changes };
  }
  // A table (header, dotted keys or `[[…]]`) becoming a plain value: remove it, then write the value.
  return { changes: [{ kind: 'remove', path }, { kind: 'set', path, value }] };
}

const kvName = (kv: AST.TOMLKeyValue): string => {
  const k = kv.key.keys[0];
  return k ? (k.type === 'TOMLBare' ? k.name : k.value) : '';
};

/** Keys directly under a table known by header, dotted keys or sub-headers. */
function tableKeys(ast: AST.TOMLProgram, hit: Hit, path: DataPath): string[] {
  const keys = new Set<string>();
  if (hit.kind === 'table') {
    for (const kv of hit.table.body) keys.add(kvName(kv));
    const depth = hit.table.resolvedKey.length;
    for (const t of ast.body[0]?.body ?? []) {
      if (t.type === 'TOMLTable' && t.resolvedKey.length > depth && hit.table.resolvedKey.every((x, i) => t.resolvedKey[i] === x)) keys.add(String(t.resolvedKey[depth]));
    }
  } else if (hit.kind === 'dotted' && hit.container.kind === 'dotted') {
    const depth = hit.container.prefix.length;
    for (const kv of hit.container.kvs) {
      const k = kv.key.keys[depth];
      if (k) keys.add(k.type === 'TOMLBare' ? k.name : k.value);
    }
  } else if (hit.kind === 'implicit') {
    for (const t of hit.tables) keys.add(String(t.resolvedKey[path.length]));
  }
  return [...keys];
}

/** Removals then insertions turning the existing items into `next` (LCS keeps shared items). */
function syncArray(node: AST.TOMLArray, path: DataPath, next: readonly TomlValue[]): EditChange[] {
  const old = node.elements.map((e) => canonical(getStaticTOMLValue(e)));
  const neu = next.map(canonical);
  const keep = lcs(old, neu);
  const changes: EditChange[] = [];
  const keptOld = new Set(keep.map(([i]) => i));
  for (let i = old.length - 1; i >= 0; i--) if (!keptOld.has(i)) changes.push({ kind: 'remove', path: [...path, i] });
  const keptNew = new Set(keep.map(([, j]) => j));
  next.forEach((v, j) => {
    if (!keptNew.has(j)) changes.push({ kind: 'insertItem', path, value: v, index: j });
  });
  return changes;
}

function syncTable(existing: readonly string[], path: DataPath, next: { [k: string]: TomlValue }): EditChange[] {
  const changes: EditChange[] = existing.filter((k) => !(k in next)).map((k) => ({ kind: 'remove', path: [...path, k] }));
  for (const [k, v] of Object.entries(next)) changes.push({ kind: 'set', path: [...path, k], value: v });
  return changes;
}

/** Longest common subsequence as index pairs. */
function lcs(a: readonly string[], b: readonly string[]): [number, number][] {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = dp[i] as number[];
      row[j] = a[i] === b[j] ? (dp[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(dp[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push([i++, j++]);
    } else if ((dp[i + 1]?.[j] ?? 0) >= (dp[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return out;
}

/** Format `value` to replace `node`, keeping the node's string quoting. */
function formatLike(text: string, node: AST.TOMLContentNode, value: TomlValue, style: FileStyle): string {
  if (node.type === 'TOMLValue' && node.kind === 'string' && typeof value === 'string') {
    return node.style === 'literal' && !node.multiline ? formatString(value, "'") : formatBasicString(value);
  }
  return formatValue(value, style, indentAt(text, node.range[0]));
}

/** Table values written inline when short and flat (`readme = { file = …, content-type = … }`). */
function inlineTable(value: TomlValue, style: FileStyle): boolean {
  if (!isTomlTable(value)) return false;
  const flat = Object.values(value).every((v) => !isTomlTable(v) && !(Array.isArray(v) && v.some(isTomlTable)));
  return flat && formatInline(value, style).length <= 60;
}

function insertBelow(text: string, ast: AST.TOMLProgram, parent: Hit, prefix: DataPath, keys: string[], value: TomlValue, style: FileStyle): RawEdit {
  const container = hitContainer(parent);
  if (container?.kind === 'inline') return insertInline(text, container.node, keys, value, style);
  if (container?.kind === 'dotted') {
    if (container.parent.kind === 'inline') return insertInline(text, container.parent.node, [...container.prefix, ...keys], value, style);
    const lastKv = container.kvs[container.kvs.length - 1];
    if (lastKv) return insertKeyLine(text, lastKv, [...container.prefix, ...keys], value, style);
  }
  if (container?.kind === 'table' && keys.length === 1 && (!isTomlTable(value) || inlineTable(value, style))) {
    const table = container.table;
    const last = table.body[table.body.length - 1];
    if (last) return insertKeyLine(text, last, keys, value, style);
    return insertAt(text, sectionEnd(text, ast, table), `${formatKeyPath(keys)} = ${formatValue(value, style)}${style.eol}`, style);
  }
  if (parent.kind === 'value' || parent.kind === 'element') throw new EditError('not-a-table', `${prefix.join('.')} is not a table`);
  return newSection(text, ast, [...prefix, ...keys] as string[], value, style);
}

function hitContainer(hit: Hit): Container | null {
  if (hit.kind === 'table') return { kind: 'table', table: hit.table };
  if (hit.kind === 'dotted') return hit.container;
  if ((hit.kind === 'value' || hit.kind === 'element') && hit.node.type === 'TOMLInlineTable') return { kind: 'inline', node: hit.node };
  return null;
}

function insertIntoRoot(text: string, ast: AST.TOMLProgram, keys: string[], value: TomlValue, style: FileStyle): RawEdit {
  const rootKvs = containerKvs(ast, { kind: 'root' });
  const last = rootKvs[rootKvs.length - 1];
  if (keys.length === 1 && !isTomlTable(value) && last) return insertKeyLine(text, last, keys, value, style);
  return newSection(text, ast, keys, value, style);
}

/** A `key = value` line right after the key/value `after`, indented like it. */
function insertKeyLine(text: string, after: AST.TOMLKeyValue, keys: readonly string[], value: TomlValue, style: FileStyle): RawEdit {
  const indent = indentAt(text, after.range[0]);
  return insertAt(text, nextLineStart(text, after.range[1]), `${indent}${formatKeyPath(keys)} = ${formatValue(value, style, indent)}${style.eol}`, style);
}

function insertAt(text: string, pos: number, line: string, style: FileStyle): RawEdit {
  const needsEol = pos === text.length && text.length > 0 && !text.endsWith('\n');
  return { start: pos, end: pos, newText: (needsEol ? style.eol : '') + line };
}

/** `, key = value` before the closing brace, keeping the one-line style. */
function insertInline(text: string, node: AST.TOMLInlineTable, keys: readonly string[], value: TomlValue, style: FileStyle): RawEdit {
  const pair = `${formatKeyPath(keys)} = ${formatInline(value, style)}`;
  const last = node.body[node.body.length - 1];
  if (!last) return { start: node.range[0], end: node.range[1], newText: `{ ${pair} }` };
  return { start: last.range[1], end: last.range[1], newText: `, ${pair}` };
}

/** One more `[[x]]` section, right after the last existing one (and its sub-tables). */
function newArrayTableSection(text: string, ast: AST.TOMLProgram, tables: readonly AST.TOMLTable[], path: string[], value: { [k: string]: TomlValue }, style: FileStyle): RawEdit {
  const last = tables[tables.length - 1] as AST.TOMLTable;
  const under = (ast.body[0]?.body ?? []).filter((t): t is AST.TOMLTable => t.type === 'TOMLTable' && last.resolvedKey.every((x, i) => t.resolvedKey[i] === x));
  const end = sectionEnd(text, ast, under[under.length - 1] ?? last);
  const lines = Object.entries(value).map(([k, x]) => `${formatKeyPath([k])} = ${formatValue(x, style)}${style.eol}`).join('');
  const prefix = (end > 0 && !text.slice(0, end).endsWith('\n') ? style.eol : '') + style.eol;
  const suffix = end < text.length && !isBlankLine(text, end) ? style.eol : '';
  return { start: end, end, newText: `${prefix}[[${formatKeyPath(path)}]]${style.eol}${lines}${suffix}` };
}

/** A new `[section]` (or `key = {…}` line when that reads better) where it belongs. */
function newSection(text: string, ast: AST.TOMLProgram, path: string[], value: TomlValue, style: FileStyle): RawEdit {
  const { eol } = style;
  let sectionPath = path;
  let content: { [k: string]: TomlValue };
  if (isTomlTable(value)) content = value;
  else {
    sectionPath = path.slice(0, -1);
    content = { [path[path.length - 1] as string]: value };
  }
  if (sectionPath.length === 0) throw new EditError('conflict', 'top-level keys must be tables in pyproject.toml');
  const section = formatTableSection(sectionPath, content, style);
  const { offset, before } = newSectionPoint(text, ast, sectionPath);
  const atEnd = offset >= text.length;
  let prefix = '';
  if (offset > 0 && !text.slice(0, offset).endsWith('\n')) prefix += eol;
  if (offset > 0 && !isBlankLine(text, lineStartAt(text, offset - 1)) && text.slice(0, offset).trim() !== '') prefix += eol;
  const suffix = before || (!atEnd && !isBlankLine(text, offset)) ? eol : '';
  return { start: offset, end: offset, newText: prefix + section + suffix };
}
