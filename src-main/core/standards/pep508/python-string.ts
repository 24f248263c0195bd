/**
 * Decoding of the quoted strings in marker expressions.
 *
 * PEP 508's grammar allows `'...'` or `"..."` with no escapes; pypa/packaging matches the
 * quoted text with a regex and then decodes it with Python's `ast.literal_eval`, so Python
 * string-literal escapes are honoured (`'\t'` is a tab) and malformed ones raise. We
 * reproduce that decoding so values compare the same; inputs Python rejects (a raw newline,
 * a NUL, a truncated `\x`, an escaped closing quote) are syntax errors here. `\N{name}` is
 * rejected because the Unicode name table is not available (listed in known-differences.md).
 */
import { SyntaxFault } from './errors';

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * Decodes the Python string literal `s.slice(open, close + 1)` (quotes included).
 *
 * Throws a SyntaxFault spanning the literal when Python's `ast.literal_eval` would fail.
 * A `\N{name}` escape is kept as written and reported through `unsupported`, so that the
 * caller can finish parsing (and report a later syntax error first, as packaging would).
 */
export function decodePythonString(s: string, open: number, close: number, unsupported: (f: SyntaxFault) => void): string {
  let i = open + 1;
  // Fast path: no escapes or characters Python's tokenizer treats specially.
  let plain = true;
  for (let k = i; k < close; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x5c || c === 0x0a || c === 0x0d || c === 0 || (c >= 0xd800 && c <= 0xdfff)) {
      plain = false;
      break;
    }
  }
  if (plain) return s.slice(i, close);

  const fail = (why: string): never => {
    throw new SyntaxFault(`Invalid string literal (${why})`, open, open);
  };
  let out = '';
  while (i < close) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) fail('unterminated string: line break inside quotes');
    if (c === 0) fail('NUL character');
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (i + 1 >= close || d < 0xdc00 || d > 0xdfff) fail('lone surrogate');
      out += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) fail('lone surrogate');
    if (c !== 0x5c) {
      out += s[i];
      i++;
      continue;
    }
    // A backslash: it escapes the next character, which may be the closing quote.
    if (i + 1 >= close) fail('the closing quote is escaped');
    const e = s[i + 1] as string;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === '\n') {
      i += 2;
    } else if (e === '\r') {
      i += s[i + 2] === '\n' && i + 2 < close ? 3 : 2;
    } else if (e >= '0' && e <= '7') {
      let v = 0;
      let j = i + 1;
      while (j < close && j < i + 4 && s[j]! >= '0' && s[j]! <= '7') v = v * 8 + (s.charCodeAt(j++) - 0x30);
      out += String.fromCharCode(v);
      i = j;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let v = 0;
      for (let j = 0; j < n; j++) {
        const h = i + 2 + j < close ? hexValue(s.charCodeAt(i + 2 + j)) : -1;
        if (h < 0) fail(`truncated \\${e} escape`);
        v = v * 16 + h;
      }
      if (v > 0x10ffff) fail('illegal Unicode character');
      out += String.fromCodePoint(v);
      i += 2 + n;
    } else if (e === 'N') {
      const end = s[i + 2] === '{' ? s.indexOf('}', i + 3) : -1;
      if (end < 0 || end >= close || end === i + 3) fail('malformed \\N character escape');
      unsupported(new SyntaxFault('Invalid string literal (\\N{name} escapes are not supported)', open, open));
      out += s.slice(i, end + 1);
      i = end + 1;
    } else {
      // Unknown escapes keep the backslash (Python warns but accepts them).
      out += '\\';
      i++;
    }
  }
  return out;
}
