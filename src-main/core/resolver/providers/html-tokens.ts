/**
 * A small, tolerant HTML tag scanner for PEP 503 pages: it finds start tags (`<a>`, `<meta>`,
 * `<base>`), their attributes (entity-decoded as browsers and Python's html.parser do) and
 * anchor text. Comments, doctype and unknown markup are skipped. Only what cannot be read at
 * all (an unterminated tag or comment) is reported, so callers can fail with a typed error.
 */

/** A start tag with its decoded attributes (lower-cased names; valueless attributes map to ''). */
export interface StartTag {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  /** Offset just after the tag's `>`. */
  readonly end: number;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', tilde: '~', equals: '=',
  excl: '!', num: '#', percnt: '%', plus: '+', comma: ',', period: '.', sol: '/', colon: ':',
  semi: ';', lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lowbar: '_', verbar: '|', ast: '*',
  dollar: '$', quest: '?', commat: '@', hyphen: '-', dash: '-', ge: '≥', le: '≤', ne: '≠',
};

/** Decode character references (`&gt;`, `&#62;`, `&#x3e;`); unknown names stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // HTML: NUL, surrogates and out-of-range references become U+FFFD.
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref] ?? NAMED[ref.toLowerCase()];
    return named ?? whole;
  });
}

/** Thrown for markup that cannot be read (the caller turns it into MALFORMED_HTML). */
export class HtmlSyntaxError extends Error {}

/**
 * One attribute, as Python's html.parser (pip's parser) and browsers read it: a name, then
 * optionally `=` (repeated `=` tolerated) and a double-quoted, single-quoted or unquoted
 * value; an unquoted value runs to whitespace or `>` (it may contain `=`, as in
 * `href=x.whl#sha256=…` or `data-requires-python=&gt;=3.8`).
 */
const ATTR = /\s*([^\s/>][^\s/=>]*)(?:\s*=+\s*(?:"([^"]*)"|'([^']*)'|(?!['"])([^>\s]*)))?/y;

function parseAttrs(body: string): Map<string, string> {
  const attrs = new Map<string, string>();
  let pos = 0;
  while (pos < body.length) {
    const c = body.charCodeAt(pos);
    if (isSpace(c) || c === 0x2f) {
      pos++;
      continue;
    }
    ATTR.lastIndex = pos;
    const m = ATTR.exec(body);
    if (!m || m[0].length === 0) {
      pos++;
      continue;
    }
    const name = (m[1] as string).toLowerCase();
    // HTML: the first occurrence of an attribute wins.
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    pos = ATTR.lastIndex;
  }
  return attrs;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/** Find the end of a tag starting at `<`, honouring quoted attribute values. */
function tagEnd(html: string, start: number): number {
  let quote = 0;
  let lastNonSpace = 0;
  for (let i = start + 1; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      continue;
    }
    // Quotes only open inside attribute values (after `=`); elsewhere they are ordinary text.
    if ((c === 0x22 || c === 0x27) && lastNonSpace === 0x3d) quote = c;
    else if (c === 0x3e) return i;
    if (!isSpace(c)) lastNonSpace = c;
  }
  return -1;
}

/** `[A-Za-z][A-Za-z0-9-]*` */
function isNameChar(c: number, first: boolean): boolean {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return first ? letter : letter || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

/** Every start tag named in `wanted`, in document order. Throws HtmlSyntaxError. */
export function scanTags(html: string, wanted: ReadonlySet<string>): StartTag[] {
  const tags: StartTag[] = [];
  let pos = 0;
  for (;;) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) return tags;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 && html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close < 0) throw new HtmlSyntaxError(`unterminated comment at offset ${lt}`);
      pos = close + 3;
      continue;
    }
    if (next === 0x2f) {
      // An end tag: nothing to read in it.
      const close = html.indexOf('>', lt + 2);
      pos = close < 0 ? html.length : close + 1;
      continue;
    }
    let j = lt + 1;
    while (j < html.length && isNameChar(html.charCodeAt(j), j === lt + 1)) j++;
    if (j === lt + 1) {
      pos = lt + 1;
      continue;
    }
    const name = html.slice(lt + 1, j).toLowerCase();
    const end = tagEnd(html, lt);
    if (end < 0) throw new HtmlSyntaxError(`unterminated <${name}> tag at offset ${lt}`);
    if (wanted.has(name)) tags.push({ name, attrs: parseAttrs(html.slice(j, end)), end: end + 1 });
    pos = end + 1;
  }
}

/** The text of an element from `start` up to its closing tag (tags inside dropped, entities decoded). */
export function elementText(html: string, start: number, tagName: string): string {
  const closing = new RegExp(`</${tagName}\\b`, 'gi');
  closing.lastIndex = start;
  const close = closing.exec(html)?.index ?? -1;
  const raw = close < 0 ? html.slice(start) : html.slice(start, close);
  return decodeEntities(raw.replace(/<[^>]*>/g, '')).trim();
}
