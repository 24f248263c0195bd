/**
 * Map data paths (`['project', 'authors', 0, 'email']`) to source spans in the TOML AST.
 *
 * TOML defines a key in several ways (TOML v1.0.0 "Keys", "Table", "Array of Tables"): a
 * `key = value` line, a dotted key (`a.b = 1` also defines table `a`), a `[table]` header, an
 * `[[array]]` header, or an inline table. Each defined path remembers the span of its key, of
 * its value and of the whole entry, so a diagnostic can point at exactly what is wrong.
 */
import type { AST } from 'toml-eslint-parser';

export type DataPath = readonly (string | number)[];

/** What the AST holds for one data path. Spans are [start, end) UTF-16 offsets. */
export interface LocatedNode {
  /** The key naming this entry (last dotted segment, or the table header's last segment). */
  readonly key?: readonly [number, number];
  /** The value (for `key = value` and array elements). */
  readonly value?: readonly [number, number];
  /** `key = value` pair, `[table]` header line, or array element. */
  readonly entry?: readonly [number, number];
  readonly valueNode?: AST.TOMLContentNode;
}

export type SpanPart = 'key' | 'value' | 'entry';

/** Lookup of data paths in one parsed document. */
export interface NodeIndex {
  get(path: DataPath): LocatedNode | undefined;
  /** Span of `part` of the deepest defined prefix of `path` (falls back key → value → entry). */
  span(path: DataPath, part: SpanPart): readonly [number, number];
}

const keyOf = (path: DataPath): string => JSON.stringify(path);

/** Name of one key segment (bare or quoted). */
export function segmentName(k: AST.TOMLBare | AST.TOMLQuoted): string {
  return k.type === 'TOMLBare' ? k.name : k.value;
}

/** Build the index for a parsed program. */
export function buildNodeIndex(ast: AST.TOMLProgram): NodeIndex {
  const map = new Map<string, LocatedNode>();
  const put = (path: DataPath, node: LocatedNode, overwrite: boolean): void => {
    const k = keyOf(path);
    if (overwrite || !map.has(k)) map.set(k, { ...map.get(k), ...node });
  };

  const content = (path: DataPath, node: AST.TOMLContentNode): void => {
    if (node.type === 'TOMLArray') {
      node.elements.forEach((el, i) => {
        put([...path, i], { value: el.range, entry: el.range, valueNode: el }, true);
        content([...path, i], el);
      });
    } else if (node.type === 'TOMLInlineTable') {
      for (const kv of node.body) keyValue(path, kv);
    }
  };

  const keyValue = (base: DataPath, kv: AST.TOMLKeyValue): void => {
    const segs = kv.key.keys;
    let path = base;
    segs.forEach((seg, i) => {
      path = [...path, segmentName(seg)];
      if (i < segs.length - 1) put(path, { key: seg.range, entry: kv.range }, false);
    });
    put(path, { key: segs[segs.length - 1]?.range ?? kv.key.range, value: kv.value.range, entry: kv.range, valueNode: kv.value }, true);
    content(path, kv.value);
  };

  const root = ast.body[0];
  for (const item of root?.body ?? []) {
    if (item.type === 'TOMLKeyValue') {
      keyValue([], item);
      continue;
    }
    const header = headerSpan(ast, item);
    const segs = item.key.keys;
    const resolved = item.resolvedKey;
    // Intermediate tables named in the header (`[tool.ruff.lint]` defines tool and tool.ruff).
    let path: (string | number)[] = [];
    segs.forEach((seg, i) => {
      path = [...path, segmentName(seg)];
      const last = i === segs.length - 1;
      if (last && item.kind === 'array') {
        put(path, { key: seg.range, entry: header }, false);
        path = resolved.slice(0, path.length + 1);
        put(path, { key: seg.range, entry: header }, true);
      } else {
        put(path, { key: seg.range, entry: header }, last);
      }
    });
    for (const kv of item.body) keyValue(resolved, kv);
  }

  const get = (path: DataPath): LocatedNode | undefined => map.get(keyOf(path));
  const span = (path: DataPath, part: SpanPart): readonly [number, number] => {
    for (let n = path.length; n >= 0; n--) {
      const node = get(path.slice(0, n));
      if (!node) continue;
      const order: SpanPart[] = part === 'key' ? ['key', 'entry', 'value'] : part === 'value' ? ['value', 'key', 'entry'] : ['entry', 'key', 'value'];
      for (const p of order) if (node[p]) return node[p];
    }
    return [0, 0];
  };
  return { get, span };
}

/** Span of a `[table]` / `[[table]]` header, brackets included. */
export function headerSpan(ast: AST.TOMLProgram, table: AST.TOMLTable): readonly [number, number] {
  const closing = table.kind === 'array' ? 2 : 1;
  let seen = 0;
  for (const tok of ast.tokens) {
    if (tok.range[0] < table.key.range[1]) continue;
    if (tok.type === 'Punctuator' && tok.value === ']') {
      seen++;
      if (seen === closing) return [table.range[0], tok.range[1]];
    } else break;
  }
  return [table.range[0], table.key.range[1]];
}
