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

/** Map key of a path: segments joined by NUL, indexes marked with `#` (a key may be "0"). */
const seg = (x: string | number): string => (typeof x === 'number' ? `\u0000#${x}` : `\u0000${x}`);
const keyOf = (path: DataPath): string => path.map(seg).join('');

/** Name of one key segment (bare or quoted). */
export function segmentName(k: AST.TOMLBare | AST.TOMLQuoted): string {
  return k.type === 'TOMLBare' ? k.name : k.value;
}

/** The index for a parsed program, built on first use (most files need only a few spans). */
export function buildNodeIndex(ast: AST.TOMLProgram): NodeIndex {
  let index: NodeIndex | null = null;
  const ready = (): NodeIndex => (index ??= buildNow(ast));
  return { get: (path) => ready().get(path), span: (path, part) => ready().span(path, part) };
}

type Mutable = { -readonly [K in keyof LocatedNode]: LocatedNode[K] };

function buildNow(ast: AST.TOMLProgram): NodeIndex {
  const map = new Map<string, Mutable>();
  const put = (k: string, node: Mutable, overwrite: boolean): void => {
    const old = map.get(k);
    if (!old) map.set(k, node);
    else if (overwrite) Object.assign(old, node);
  };

  const content = (k: string, node: AST.TOMLContentNode): void => {
    if (node.type === 'TOMLArray') {
      node.elements.forEach((el, i) => {
        const ek = k + seg(i);
        put(ek, { value: el.range, entry: el.range, valueNode: el }, true);
        content(ek, el);
      });
    } else if (node.type === 'TOMLInlineTable') {
      for (const kv of node.body) keyValue(k, kv);
    }
  };

  const keyValue = (base: string, kv: AST.TOMLKeyValue): void => {
    const segs = kv.key.keys;
    let k = base;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i] as AST.TOMLBare | AST.TOMLQuoted;
      k += seg(segmentName(s));
      if (i < segs.length - 1) put(k, { key: s.range, entry: kv.range }, false);
      else put(k, { key: s.range, value: kv.value.range, entry: kv.range, valueNode: kv.value }, true);
    }
    content(k, kv.value);
  };

  for (const item of ast.body[0]?.body ?? []) {
    if (item.type === 'TOMLKeyValue') {
      keyValue('', item);
      continue;
    }
    const header = headerSpan(ast, item);
    const segs = item.key.keys;
    // Intermediate tables named in the header (`[tool.ruff.lint]` defines tool and tool.ruff).
    let k = '';
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i] as AST.TOMLBare | AST.TOMLQuoted;
      k += seg(segmentName(s));
      const last = i === segs.length - 1;
      put(k, { key: s.range, entry: header }, last && item.kind !== 'array');
      if (last && item.kind === 'array') put(keyOf(item.resolvedKey), { key: s.range, entry: header }, true);
    }
    const base = keyOf(item.resolvedKey);
    for (const kv of item.body) keyValue(base, kv);
  }

  const get = (path: DataPath): LocatedNode | undefined => map.get(keyOf(path));
  const span = (path: DataPath, part: SpanPart): readonly [number, number] => {
    const order: SpanPart[] = part === 'key' ? ['key', 'entry', 'value'] : part === 'value' ? ['value', 'key', 'entry'] : ['entry', 'key', 'value'];
    for (let n = path.length; n >= 0; n--) {
      const node = get(path.slice(0, n));
      if (!node) continue;
      for (const p of order) {
        const r = node[p];
        if (r) return r;
      }
    }
    return [0, 0];
  };
  return { get, span };
}

/** Span of a `[table]` / `[[table]]` header, brackets included. */
export function headerSpan(ast: AST.TOMLProgram, table: AST.TOMLTable): readonly [number, number] {
  const closing = table.kind === 'array' ? 2 : 1;
  let seen = 0;
  // Binary search for the first token after the key: tokens are in source order.
  const tokens = ast.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.range[0] ?? 0) < table.key.range[1]) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tokens.length; i++) {
    const tok = tokens[i] as AST.Token;
    if (tok.type === 'Punctuator' && tok.value === ']') {
      seen++;
      if (seen === closing) return [table.range[0], tok.range[1]];
    } else break;
  }
  return [table.range[0], table.key.range[1]];
}
