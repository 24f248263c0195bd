/**
 * Where the cursor is in a pyproject.toml being typed: which table, which key, key or value
 * position, inside which string. A forgiving scan from the last table header to the cursor
 * (TOML v1.0.0 lexical rules), so it works on the half-written, often invalid text of a
 * keystroke, where a full parser would give up.
 */

export type Slot = 'header' | 'key' | 'value';

export interface CursorContext {
  /** Data path of the table or inline table the cursor is in, e.g. ['project'] or ['tool', 'ruff']. */
  readonly table: readonly string[];
  /** Key whose value holds the cursor (relative to `table`), or the key being typed. */
  readonly key: readonly string[];
  readonly slot: Slot;
  /** Inside an array value (possibly nested): the cursor is an array item. */
  readonly inArray: boolean;
  /** The string the cursor is inside: its start offset (after the quote) and the text typed so far. */
  readonly string: { readonly start: number; readonly prefix: string; readonly quote: '"' | "'" } | null;
  /** The word (bare key characters) ending at the cursor: start offset and text. */
  readonly word: { readonly start: number; readonly text: string };
}

const BARE = /[A-Za-z0-9_-]/;

/** Split a dotted key (`a."b.c".d`) into segments; tolerant of spaces around dots. */
export function splitDottedKey(raw: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] as string;
    if (c === ' ' || c === '\t' || c === '.') {
      i++;
    } else if (c === '"' || c === "'") {
      const end = raw.indexOf(c, i + 1);
      out.push(raw.slice(i + 1, end < 0 ? raw.length : end));
      i = end < 0 ? raw.length : end + 1;
    } else {
      let j = i;
      while (j < raw.length && BARE.test(raw[j] as string)) j++;
      out.push(raw.slice(i, Math.max(j, i + 1)));
      i = Math.max(j, i + 1);
    }
  }
  return out;
}

function lastHeader(text: string, offset: number): { table: string[]; bodyStart: number; inHeader: boolean } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.slice(lineStart);
  if (/^\s*\[/.test(line) && !line.includes('=')) {
    return { table: [], bodyStart: offset, inHeader: true };
  }
  const re = /^[ \t]*\[\[?([^\]\n#]*)\]\]?[ \t]*(?:#.*)?$/gm;
  let m: RegExpExecArray | null;
  let table: string[] = [];
  let bodyStart = 0;
  while ((m = re.exec(before)) !== null) {
    table = splitDottedKey(m[1] ?? '');
    bodyStart = m.index + m[0].length;
  }
  return { table, bodyStart, inHeader: false };
}

interface Frame {
  readonly kind: 'array' | 'inline';
  /** Data path prefix of the container (for inline tables: where their keys live). */
  readonly path: readonly string[];
  /** Key whose value this container is. */
  readonly key: readonly string[];
}

export function cursorContext(text: string, offset: number): CursorContext {
  const head = lastHeader(text, offset);
  let ws = offset;
  while (ws > 0 && BARE.test(text[ws - 1] as string)) ws--;
  const word = { start: ws, text: text.slice(ws, offset) };
  if (head.inHeader) return { table: [], key: [], slot: 'header', inArray: false, string: null, word };

  const stack: Frame[] = [];
  let key: string[] = [];
  let keyStart = -1;
  let afterEquals = false;
  let str: { start: number; quote: '"' | "'"; multi: boolean } | null = null;
  const base = head.table;
  const scope = (): readonly string[] => {
    const top = stack[stack.length - 1];
    return top?.kind === 'inline' ? top.path : base;
  };
  for (let i = head.bodyStart; i < offset; i++) {
    const c = text[i] as string;
    if (str) {
      if (c === '\\' && str.quote === '"') i++;
      else if (str.multi ? text.startsWith(str.quote.repeat(3), i) : c === str.quote) {
        if (str.multi) i += 2;
        str = null;
      } else if (c === '\n' && !str.multi) str = null;
      continue;
    }
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl >= offset ? offset : nl - 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const multi = text.startsWith(c.repeat(3), i);
      if (!afterEquals && stack.length === 0 && keyStart < 0) keyStart = i;
      else if (!afterEquals && stack[stack.length - 1]?.kind === 'inline' && keyStart < 0) keyStart = i;
      if (afterEquals || stack[stack.length - 1]?.kind === 'array') {
        str = { start: i + (multi ? 3 : 1), quote: c, multi };
        if (multi) i += 2;
      } else {
        const end = text.indexOf(c, i + 1);
        i = end < 0 || end >= offset ? offset : end;
      }
      continue;
    }
    if (c === '=' && !afterEquals) {
      key = splitDottedKey(text.slice(keyStart < 0 ? i : keyStart, i));
      afterEquals = true;
      keyStart = -1;
    } else if (c === '[' && (afterEquals || stack[stack.length - 1]?.kind === 'array')) {
      stack.push({ kind: 'array', path: scope(), key });
      afterEquals = false;
    } else if (c === '{' && (afterEquals || stack[stack.length - 1]?.kind === 'array')) {
      stack.push({ kind: 'inline', path: [...scope(), ...key], key });
      afterEquals = false;
      key = [];
    } else if (c === ']' || c === '}') {
      const frame = stack.pop();
      key = frame ? [...frame.key] : [];
      afterEquals = stack.length > 0 && stack[stack.length - 1]?.kind === 'array';
    } else if (c === ',' && stack[stack.length - 1]?.kind === 'inline') {
      afterEquals = false;
      key = [];
    } else if (c === '\n' && stack.length === 0) {
      afterEquals = false;
      key = [];
      keyStart = -1;
    } else if (!afterEquals && keyStart < 0 && BARE.test(c)) {
      keyStart = i;
    }
  }
  const top = stack[stack.length - 1];
  const inArray = top?.kind === 'array';
  const stringCtx = str ? { start: str.start, prefix: text.slice(str.start, offset), quote: str.quote } : null;
  if (afterEquals || inArray) {
    const k = inArray && !afterEquals ? top.key : key;
    const relTable = top?.kind === 'inline' ? top.path : inArray ? top.path : base;
    return { table: relTable, key: k, slot: 'value', inArray, string: stringCtx, word };
  }
  const typed = keyStart >= 0 ? splitDottedKey(text.slice(keyStart, offset)) : [];
  return { table: scope(), key: typed, slot: 'key', inArray: false, string: null, word };
}
