/**
 * Python string semantics that packaging.licenses relies on, reproduced in TypeScript.
 *
 * `canonicalize_license_expression` splits on Python's `str.split()` whitespace and quotes
 * tokens in its error messages with `repr()`; matching packaging byte for byte needs both.
 */

/** True when the UTF-16 code unit is whitespace for Python's `str.split()` (`str.isspace()`). */
export { isPythonSpace as isPyWhitespace } from '../standards/pep440/python-text';

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
