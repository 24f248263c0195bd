/**
 * Find where a data path lives in the TOML AST, for editing.
 *
 * TOML v1.0.0 lets one table be spread over a `[header]`, dotted keys (`a.b = 1`) and inline
 * tables; an edit must touch the place that actually holds the key.
 */
import type { AST } from 'toml-eslint-parser';
import { segmentName, type DataPath } from '../toml/locate';

/** Where new keys of a table are written. */
export type Container =
  | { readonly kind: 'root' }
  | { readonly kind: 'table'; readonly table: AST.TOMLTable }
  | { readonly kind: 'inline'; readonly node: AST.TOMLInlineTable }
  /** A table that exists only through dotted keys in `parent` (e.g. `urls.home = …`). */
  | { readonly kind: 'dotted'; readonly parent: Container; readonly prefix: readonly string[]; readonly kvs: AST.TOMLKeyValue[] };

export type Hit =
  | { readonly kind: 'value'; readonly kv: AST.TOMLKeyValue; readonly node: AST.TOMLContentNode; readonly container: Container }
  | { readonly kind: 'element'; readonly array: AST.TOMLArray; readonly index: number; readonly node: AST.TOMLContentNode }
  | { readonly kind: 'table'; readonly table: AST.TOMLTable }
  | { readonly kind: 'array-of-tables'; readonly tables: AST.TOMLTable[] }
  | { readonly kind: 'dotted'; readonly container: Container }
  /** Exists only as a prefix of headers, e.g. `tool` when the file has `[tool.ruff]`. */
  | { readonly kind: 'implicit'; readonly tables: AST.TOMLTable[] };

const same = (a: DataPath, b: DataPath): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const startsWith = (a: DataPath, prefix: DataPath): boolean => prefix.length <= a.length && prefix.every((x, i) => x === a[i]);

/** Every `[header]` / `[[header]]` table of the document, in order. */
export function tablesOf(ast: AST.TOMLProgram): AST.TOMLTable[] {
  return (ast.body[0]?.body ?? []).filter((n): n is AST.TOMLTable => n.type === 'TOMLTable');
}

function rootKvs(ast: AST.TOMLProgram): AST.TOMLKeyValue[] {
  return (ast.body[0]?.body ?? []).filter((n): n is AST.TOMLKeyValue => n.type === 'TOMLKeyValue');
}

const kvKeys = (kv: AST.TOMLKeyValue): string[] => kv.key.keys.map(segmentName);

/** Look `path` up inside the key/values of one container whose own path is `base`. */
function inKvs(kvs: readonly AST.TOMLKeyValue[], base: DataPath, path: DataPath, container: Container): Hit | null {
  const dotted: AST.TOMLKeyValue[] = [];
  for (const kv of kvs) {
    const keys = [...base, ...kvKeys(kv)];
    if (same(keys, path)) return { kind: 'value', kv, node: kv.value, container };
    if (startsWith(path, keys)) {
      const hit = inValue(kv.value, keys, path);
      if (hit) return hit;
    } else if (startsWith(keys, path)) dotted.push(kv);
  }
  if (dotted.length) return { kind: 'dotted', container: { kind: 'dotted', parent: container, prefix: path.slice(base.length) as string[], kvs: dotted } };
  return null;
}

function inValue(node: AST.TOMLContentNode, base: DataPath, path: DataPath): Hit | null {
  const next = path[base.length];
  if (node.type === 'TOMLArray' && typeof next === 'number') {
    const el = node.elements[next];
    if (!el) return null;
    if (base.length + 1 === path.length) return { kind: 'element', array: node, index: next, node: el };
    return inValue(el, [...base, next], path);
  }
  if (node.type === 'TOMLInlineTable' && typeof next === 'string') {
    return inKvs(node.body, base, path, { kind: 'inline', node });
  }
  return null;
}

/** Resolve a data path; null when the document does not define it. */
export function resolvePath(ast: AST.TOMLProgram, path: DataPath): Hit | null {
  if (path.length === 0) return null;
  const rootHit = inKvs(rootKvs(ast), [], path, { kind: 'root' });
  if (rootHit) return rootHit;
  const tables = tablesOf(ast);
  const aot = tables.filter((t) => t.kind === 'array' && same(t.resolvedKey.slice(0, -1), path));
  if (aot.length) return { kind: 'array-of-tables', tables: aot };
  for (const t of tables) {
    if (same(t.resolvedKey, path)) return { kind: 'table', table: t };
    if (startsWith(path, t.resolvedKey)) {
      const hit = inKvs(t.body, t.resolvedKey, path, { kind: 'table', table: t });
      if (hit) return hit;
    }
  }
  const under = tables.filter((t) => startsWith(t.resolvedKey, path));
  return under.length ? { kind: 'implicit', tables: under } : null;
}

/** The container that holds (or should hold) the keys of the table at `path`, if any. */
export function containerFor(ast: AST.TOMLProgram, path: DataPath): Container | null {
  if (path.length === 0) return { kind: 'root' };
  const hit = resolvePath(ast, path);
  if (!hit) return null;
  if (hit.kind === 'table') return { kind: 'table', table: hit.table };
  if (hit.kind === 'dotted') return hit.container;
  if ((hit.kind === 'value' || hit.kind === 'element') && hit.node.type === 'TOMLInlineTable') return { kind: 'inline', node: hit.node };
  return null;
}

/** Key/values directly in a container (dotted containers: the dotted pairs). */
export function containerKvs(ast: AST.TOMLProgram, c: Container): AST.TOMLKeyValue[] {
  if (c.kind === 'root') return rootKvs(ast);
  if (c.kind === 'table') return c.table.body;
  if (c.kind === 'inline') return c.node.body;
  return c.kvs;
}
