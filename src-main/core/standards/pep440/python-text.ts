/**
 * Python string semantics that PEP 440 parsing depends on.
 *
 * packaging's regexes use `\s` and `str.strip()`, which follow Python's `str.isspace()` (a wider
 * set than JavaScript's `\s`: it includes U+001C–U+001F and U+0085 but not U+FEFF). To give the
 * same answers as pypa/packaging we trim exactly that set.
 */

/** True when the UTF-16 code unit is whitespace per Python's `str.isspace()`. */
export function isPythonSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Index of the first non-space character at or after `from` (Python whitespace). */
export function skipSpace(s: string, from: number, end = s.length): number {
  let i = from;
  while (i < end && isPythonSpace(s.charCodeAt(i))) i++;
  return i;
}

/** One past the last non-space character before `end` (Python whitespace). */
export function trimEnd(s: string, start: number, end = s.length): number {
  let e = end;
  while (e > start && isPythonSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

/** Python's `str.strip()` with no arguments. */
export function pyStrip(s: string): string {
  const start = skipSpace(s, 0);
  const end = trimEnd(s, start);
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Compare two strings by code point, like Python's `str` ordering. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–U+DFFF) encode code points above U+FFFF, so they sort after U+E000–U+FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
