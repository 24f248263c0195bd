/**
 * Character classes of the PEP 508 tokenizer as the reference implementation applies them.
 *
 * pypa/packaging tokenizes dependency specifiers with Python `re` patterns on `str`, so `\s`
 * and `\b` have Python's Unicode meaning: whitespace is `str.isspace()`, a word character is
 * `str.isalnum()` or `_`. The scanner here reproduces those classes without regexes so that
 * error positions and accepted inputs match
 * (https://packaging.python.org/en/latest/specifications/dependency-specifiers/).
 */

const WORD_RE = /[\p{L}\p{N}_]/u;

/** True for the characters Python's `\s` matches (`str.isspace()`), given a UTF-16 code unit. */
export { isPythonSpace as isPyWhitespace } from '../pep440/python-text';

/** ASCII letter or digit, `[a-zA-Z0-9]`. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** ASCII digit `[0-9]`. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Lower-cases an ASCII letter code; other codes are returned unchanged. */
export function lowerAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

/** True when the code point at UTF-16 index `i` of `s` is a Python word character. */
function isWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return isAsciiAlnum(c) || c === 0x5f;
  return WORD_RE.test(String.fromCodePoint(s.codePointAt(i) ?? c));
}

/** True when the code point ending just before UTF-16 index `i` is a Python word character. */
function isWordBefore(s: string, i: number): boolean {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return isWordAt(s, i - 2);
  }
  return isWordAt(s, i - 1);
}

/**
 * Python's `\b` at UTF-16 index `i`: a word character on exactly one side. Like `re.match`
 * with a start position, the character before `i` is looked at even though matching starts at `i`.
 */
export function isWordBoundary(s: string, i: number): boolean {
  const before = i > 0 && isWordBefore(s, i);
  const after = i < s.length && isWordAt(s, i);
  return before !== after;
}

/** Python's `$` without MULTILINE: the end of the string, or just before one final `\n`. */
export function isEndAt(s: string, i: number): boolean {
  return i === s.length || (i === s.length - 1 && s.charCodeAt(i) === 0x0a);
}

/** Converts a UTF-16 index into a code-point index, the unit of packaging's error columns. */
export function codePointIndex(s: string, i: number): number {
  let n = i;
  for (let k = 0; k < i - 1; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        k++;
      }
    }
  }
  return n;
}
