/**
 * The SPECIFIER token of PEP 508's `version_many` rule, scanned by hand.
 *
 * pypa/packaging tokenizes each version clause with the PEP 440 specifier regex
 * (`Specifier._specifier_regex_str`, case-insensitive) anchored at the current position but
 * not at its end, so the token is the leftmost-first (greedy, ordered alternation) match, and
 * whatever follows is left for the next token. This file reproduces that match without
 * backtracking: every part after the release is optional, so the greedy choice is final.
 * See PEP 440 §Version specifiers and PEP 508 §Grammar.
 */
import { isDigit, isPyWhitespace, lowerAscii } from './chars';

const PRE_LETTERS = ['alpha', 'beta', 'preview', 'pre', 'a', 'b', 'c', 'rc'] as const;
const POST_LETTERS = ['post', 'rev', 'r'] as const;

function isSep(c: number): boolean {
  return c === 0x2d || c === 0x5f || c === 0x2e;
}

/** Case-insensitive ASCII match of `word` at `i`; returns the end or -1. */
function matchWord(s: string, i: number, word: string): number {
  if (i + word.length > s.length) return -1;
  for (let k = 0; k < word.length; k++) {
    if (lowerAscii(s.charCodeAt(i + k)) !== word.charCodeAt(k)) return -1;
  }
  return i + word.length;
}

function digits(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** `[-_.]?(alternatives)[-_.]?[0-9]*`, the shape of the pre- and post-release groups. */
function lettered(s: string, i: number, words: readonly string[]): number {
  for (const start of isSep(s.charCodeAt(i)) ? [i + 1, i] : [i]) {
    for (const w of words) {
      let j = matchWord(s, start, w);
      if (j < 0) continue;
      if (isSep(s.charCodeAt(j))) j++;
      return digits(s, j);
    }
  }
  return -1;
}

function isLocalChar(c: number): boolean {
  return isDigit(c) || (lowerAscii(c) >= 0x61 && lowerAscii(c) <= 0x7a);
}

/** `\+[a-z0-9]+(?:[-_.][a-z0-9]+)*`; `caseSensitive` selects lower-case letters only. */
export function scanLocalLabel(s: string, i: number, caseSensitive: boolean): number {
  const ok = caseSensitive
    ? (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x7a)
    : isLocalChar;
  if (s.charCodeAt(i) !== 0x2b || !ok(s.charCodeAt(i + 1))) return -1;
  let j = i + 2;
  for (;;) {
    while (ok(s.charCodeAt(j))) j++;
    if (isSep(s.charCodeAt(j)) && ok(s.charCodeAt(j + 1))) j += 2;
    else return j;
  }
}

/** The version after the operator: `\s* v? ([0-9]+!)? [0-9]+(\.[0-9]+)*` and what may follow. */
function versionBody(s: string, i: number, kind: 'eq' | 'compat' | 'cmp'): number {
  while (i < s.length && isPyWhitespace(s.charCodeAt(i))) i++;
  if (lowerAscii(s.charCodeAt(i)) === 0x76) i++;
  if (!isDigit(s.charCodeAt(i))) return -1;
  let j = digits(s, i);
  // `([0-9]+!)?[0-9]+`: without a digit after `!` the epoch group backs off.
  if (s.charCodeAt(j) === 0x21 && isDigit(s.charCodeAt(j + 1))) j = digits(s, j + 1);
  let parts = 1;
  while (s.charCodeAt(j) === 0x2e && isDigit(s.charCodeAt(j + 1))) {
    j = digits(s, j + 1);
    parts++;
  }
  if (kind === 'compat' && parts < 2) return -1;
  if (kind === 'eq' && s.charCodeAt(j) === 0x2e && s.charCodeAt(j + 1) === 0x2a) return j + 2;
  const pre = lettered(s, j, PRE_LETTERS);
  if (pre >= 0) j = pre;
  if (s.charCodeAt(j) === 0x2d && isDigit(s.charCodeAt(j + 1))) j = digits(s, j + 1);
  else {
    const post = lettered(s, j, POST_LETTERS);
    if (post >= 0) j = post;
  }
  const dev = lettered(s, j, ['dev']);
  if (dev >= 0) j = dev;
  if (kind === 'eq') {
    const local = scanLocalLabel(s, j, false);
    if (local >= 0) j = local;
  }
  return j;
}

/**
 * Scans one SPECIFIER token starting at UTF-16 index `i`; returns its end, or -1 when the
 * text there is not a version clause.
 */
export function scanSpecifierToken(s: string, i: number): number {
  const c0 = s.charCodeAt(i);
  const c1 = s.charCodeAt(i + 1);
  if (c0 === 0x3d && c1 === 0x3d && s.charCodeAt(i + 2) === 0x3d) {
    // `===\s*[^\s;)]*`: arbitrary equality takes anything up to whitespace, `;` or `)`.
    let j = i + 3;
    while (j < s.length && isPyWhitespace(s.charCodeAt(j))) j++;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 0x3b || c === 0x29 || isPyWhitespace(c)) break;
      j++;
    }
    return j;
  }
  if ((c0 === 0x3d || c0 === 0x21) && c1 === 0x3d) return versionBody(s, i + 2, 'eq');
  if (c0 === 0x7e && c1 === 0x3d) return versionBody(s, i + 2, 'compat');
  if (c0 === 0x3c || c0 === 0x3e) return versionBody(s, c1 === 0x3d ? i + 2 : i + 1, 'cmp');
  return -1;
}
