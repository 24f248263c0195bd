/**
 * Description-Content-Type (core metadata 2.1, PEP 566): a MIME type, `text/plain`,
 * `text/x-rst` or `text/markdown`, with an optional `charset` (only `UTF-8`) and, for
 * Markdown, a `variant` (`GFM` or `CommonMark`). Parsed leniently like Python's email header
 * registry: an unparsable type counts as `text/plain` (packaging then rejects it unless the
 * value literally names a valid type).
 */

export interface ContentType {
  /** Lower-cased `type/subtype`. */
  readonly type: string;
  /** Parameter names lower-cased, values as written (unquoted). */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function splitParams(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted && c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Parse a content type value (never throws). */
export function parseContentType(value: string): ContentType {
  const [head = '', ...rest] = splitParams(value);
  const m = /^\s*([^\s/]+)\s*\/\s*([^\s;]+)\s*$/.exec(head);
  const type = m && TOKEN.test(m[1] as string) && TOKEN.test(m[2] as string) ? `${m[1]}/${m[2]}`.toLowerCase() : 'text/plain';
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const name = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    if (name) params[name] = v;
  }
  return { type, params };
}

const TYPES = ['text/plain', 'text/x-rst', 'text/markdown'];
const VARIANTS = ['GFM', 'CommonMark'];

/** The problem with a Description-Content-Type value, or null when valid (packaging's rules). */
export function checkDescriptionContentType(value: string): string | null {
  if (/[\r\n]/.test(value)) return 'Header values may not contain linefeed or carriage return characters';
  const { type, params } = parseContentType(value);
  if (!TYPES.includes(type) || !value.toLowerCase().includes(type)) {
    return `'description-content-type' must be one of ${JSON.stringify(TYPES)}, not ${JSON.stringify(value)}`;
  }
  const charset = params.charset ?? 'UTF-8';
  if (charset !== 'UTF-8') return `'description-content-type' can only specify the UTF-8 charset, not ${JSON.stringify(charset)}`;
  const variant = params.variant ?? 'GFM';
  if (type === 'text/markdown' && !VARIANTS.includes(variant)) {
    return `valid Markdown variants for 'description-content-type' are ${JSON.stringify(VARIANTS)}, not ${JSON.stringify(variant)}`;
  }
  return null;
}
