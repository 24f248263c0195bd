/**
 * Python string semantics that packaging.licenses relies on, reproduced in TypeScript.
 *
 * `canonicalize_license_expression` splits on Python's `str.split()` whitespace and quotes
 * tokens in its error messages with `repr()`; matching packaging byte for byte needs both.
 */

/**
 * Characters Python's `str.split()` (no argument) treats as whitespace.
 *
 * This is `str.isspace()`: Unicode White_Space plus the ASCII information separators
 * U+001C–U+001F. It differs from JavaScript's `\s` (which has U+FEFF but not U+001C–U+001F, U+0085).
 */
const PY_WHITESPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** True when the UTF-16 code unit is whitespace for Python's `str.split()` (all are BMP). */
export function isPyWhitespace(codeUnit: number): boolean {
  return PY_WHITESPACE.has(codeUnit);
}

// Python's str.isprintable() is false for the "Other" and "Separator" categories, except
// the ASCII space. (Unicode versions may differ slightly between Node's ICU and CPython.)
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * Python's `repr()` of a `str`, as used by packaging's `f"... {token!r}"` messages.
 *
 * Single quotes unless the text holds `'` and no `"`; escapes backslash, the quote,
 * `\t \n \r`, and non-printable code points as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
 */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x7f) out += ch;
    else if (NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
      else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
      else out += `\\U${hex(cp, 8)}`;
    } else out += ch;
  }
  return out + quote;
}

/**
 * Python's `str.lower()`.
 *
 * Both languages apply the Unicode default full lower-case mapping, including the
 * context-sensitive final sigma, so `toLowerCase()` matches (locale-independent by spec).
 */
export function pyLower(text: string): string {
  return text.toLowerCase();
}
