/**
 * Write TOML keys and values (TOML v1.0.0) in the style of the file being edited.
 *
 * Only new text goes through here; existing text is never reformatted.
 */
import type { TomlValue } from '../toml/parse';

/** Conventions detected from the file, applied to inserted text. */
export interface FileStyle {
  /** `\n` or `\r\n`, whichever the file uses first. */
  readonly eol: string;
  /** Indentation of multi-line array items (e.g. four spaces). */
  readonly indent: string;
  /** `'` when the file writes most strings as literal strings, else `"`. */
  readonly quote: '"' | "'";
}

/** Detect the style of `text` (defaults: LF, four spaces, double quotes). */
export function detectStyle(text: string): FileStyle {
  const nl = text.indexOf('\n');
  const eol = nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
  const indents = text.match(/\[\s*\r?\n([ \t]+)\S/);
  const indent = indents?.[1] ?? '    ';
  const singles = (text.match(/=\s*'[^'\n]*'/g) ?? []).length;
  const doubles = (text.match(/=\s*"[^"\n]*"/g) ?? []).length;
  return { eol, indent, quote: singles > doubles ? "'" : '"' };
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** A key segment: bare when TOML allows it, else a basic string. */
export function formatKey(key: string): string {
  return BARE_KEY.test(key) ? key : formatBasicString(key);
}

/** A dotted key path. */
export function formatKeyPath(path: readonly string[]): string {
  return path.map(formatKey).join('.');
}

/** A basic string with the escapes TOML requires (quote, backslash, control characters). */
export function formatBasicString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0').toUpperCase()}`;
    else out += ch;
  }
  return out + '"';
}

/** Control characters other than tab, which literal strings cannot hold (TOML v1.0.0 "String"). */
function isControl(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c < 0x20 && c !== 0x09) || c === 0x7f;
}

/** A string in the preferred quote style; literal strings cannot hold `'` or control characters. */
export function formatString(s: string, quote: '"' | "'"): string {
  if (quote === "'" && ![...s].some((ch) => ch === "'" || isControl(ch))) return `'${s}'`;
  return formatBasicString(s);
}

function isTable(v: TomlValue): v is { [k: string]: TomlValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** An inline value (arrays and tables on one line). */
export function formatInline(v: TomlValue, style: Pick<FileStyle, 'quote'>): string {
  if (typeof v === 'string') return formatString(v, style.quote);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return String(v);
  }
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `[${v.map((x) => formatInline(x, style)).join(', ')}]`;
  const entries = Object.entries(v).map(([k, x]) => `${formatKey(k)} = ${formatInline(x, style)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

/** Longest inline array written on one line before switching to one item per line. */
const MAX_INLINE = 80;

/** A value as written after `key = `; long arrays get one item per line. */
export function formatValue(v: TomlValue, style: FileStyle, baseIndent = ''): string {
  const inline = formatInline(v, style);
  if (!Array.isArray(v) || v.length < 2 || inline.length + baseIndent.length <= MAX_INLINE) return inline;
  const inner = baseIndent + style.indent;
  const items = v.map((x) => `${inner}${formatInline(x, style)},${style.eol}`).join('');
  return `[${style.eol}${items}${baseIndent}]`;
}

/**
 * Lines of a `[header]` table holding `value`: scalar keys first, then sub-tables as their own
 * headers (arrays of tables as `[[header]]`).
 */
export function formatTableSection(path: readonly string[], value: { [k: string]: TomlValue }, style: FileStyle): string {
  const { eol } = style;
  const scalars: string[] = [];
  const subs: string[] = [];
  for (const [k, x] of Object.entries(value)) {
    if (isTable(x) && Object.values(x).some(isTable)) subs.push(formatTableSection([...path, k], x, style));
    else if (Array.isArray(x) && x.length > 0 && x.every(isTable)) {
      for (const el of x) subs.push(formatArrayTableSection([...path, k], el as { [k: string]: TomlValue }, style));
    } else scalars.push(`${formatKey(k)} = ${formatValue(x, style)}${eol}`);
  }
  const head = `[${formatKeyPath(path)}]${eol}${scalars.join('')}`;
  return [head, ...subs].join(eol);
}

function formatArrayTableSection(path: readonly string[], value: { [k: string]: TomlValue }, style: FileStyle): string {
  const lines = Object.entries(value).map(([k, x]) => `${formatKey(k)} = ${formatValue(x, style)}${style.eol}`);
  return `[[${formatKeyPath(path)}]]${style.eol}${lines.join('')}`;
}

export { isTable as isTomlTable };
