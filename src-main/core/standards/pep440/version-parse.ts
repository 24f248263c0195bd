/**
 * Hand-written PEP 440 version scanner (no regex, no backtracking).
 *
 * It accepts exactly the language of packaging 26.2's `VERSION_PATTERN` (PEP 440 Appendix B),
 * wrapped in `\s*` on both sides and matched case-insensitively:
 *
 *     v? (N!)? N(.N)* ([._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? N?)?
 *     ((-N) | ([._-]? (post|rev|r) [._-]? N?))? ([._-]? dev [._-]? N?)? (+ L([._-]L)*)?
 *
 * The regex's possessive groups never need to give characters back, so a single left-to-right
 * pass with one character of look-ahead decides every choice. Spellings are normalized as PEP 440
 * "Normalization" says: alpha→a, beta→b, c/pre/preview→rc, rev/r/-N→post, implicit 0.
 */
import { isPythonSpace } from './python-text';
import type { PreLabel, VersionNumber, VersionParts } from './version';

/** Parser outcome: parts, or the failure reason and 0-based position. */
export type ParseResult = { parts: VersionParts; big: boolean } | { error: string; position: number };

const DIGIT_0 = 48;
const DIGIT_9 = 57;

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

function isSep(c: number): boolean {
  return c === 46 /* . */ || c === 95 /* _ */ || c === 45 /* - */;
}

function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Does `s` contain `word` (lower-case ASCII) at `i`, ignoring ASCII case? */
function hasWord(s: string, i: number, end: number, word: string): boolean {
  if (i + word.length > end) return false;
  for (let k = 0; k < word.length; k++) {
    if ((s.charCodeAt(i + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Pre-release spellings in the regex's alternation order, with their normal form. */
const PRE_WORDS: readonly (readonly [string, PreLabel])[] = [
  ['alpha', 'a'],
  ['a', 'a'],
  ['beta', 'b'],
  ['b', 'b'],
  ['preview', 'rc'],
  ['pre', 'rc'],
  ['c', 'rc'],
  ['rc', 'rc'],
];
const POST_WORDS: readonly string[] = ['post', 'rev', 'r'];
const DEV_WORDS: readonly string[] = ['dev'];

/** Scanner state shared by the helpers below. */
interface Cursor {
  readonly s: string;
  readonly end: number;
  i: number;
  big: boolean;
}

/** Read `[0-9]+` at the cursor (caller checked one digit is there); exact value. */
function readNumber(c: Cursor): VersionNumber {
  const { s, end } = c;
  let i = c.i;
  while (i < end && s.charCodeAt(i) === DIGIT_0) i++;
  const start = i;
  let n = 0;
  while (i < end && isDigit(s.charCodeAt(i))) {
    n = n * 10 + (s.charCodeAt(i) - DIGIT_0);
    i++;
  }
  c.i = i;
  if (i - start <= 15) return n;
  const b = BigInt(s.slice(start, i));
  if (b <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(b);
  c.big = true;
  return b;
}

/** `[._-]? word [._-]? N?` — returns the word index and number, or null (cursor unchanged). */
function readLetterNumber(c: Cursor, words: readonly string[]): [number, VersionNumber] | null {
  const { s, end } = c;
  let j = c.i;
  if (j < end && isSep(s.charCodeAt(j))) j++;
  let w = -1;
  for (let k = 0; k < words.length; k++) {
    if (hasWord(s, j, end, words[k] as string)) {
      w = k;
      break;
    }
  }
  if (w < 0) return null;
  j += (words[w] as string).length;
  if (j < end && isSep(s.charCodeAt(j))) j++;
  c.i = j;
  return [w, j < end && isDigit(s.charCodeAt(j)) ? readNumber(c) : 0];
}

const PRE_SPELLINGS = PRE_WORDS.map((w) => w[0]);

/** Local label `[a-z0-9]+([._-][a-z0-9]+)*` after `+`; null when none starts here. */
function readLocal(c: Cursor): (string | VersionNumber)[] | null {
  const { s, end } = c;
  if (c.i >= end || !isAlnum(s.charCodeAt(c.i))) return null;
  const out: (string | VersionNumber)[] = [];
  for (;;) {
    const start = c.i;
    let allDigits = true;
    let i = start;
    while (i < end && isAlnum(s.charCodeAt(i))) {
      if (!isDigit(s.charCodeAt(i))) allDigits = false;
      i++;
    }
    if (allDigits) out.push(readNumber(c));
    else out.push(s.slice(start, i).toLowerCase());
    c.i = i;
    if (i + 1 < end && isSep(s.charCodeAt(i)) && isAlnum(s.charCodeAt(i + 1))) c.i = i + 1;
    else return out;
  }
}

/** Fast path for plain `N(.N)*` strings, as packaging 26 takes it. */
function parseSimple(s: string): ParseResult | null {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (!isDigit(ch) && ch !== 46) return null;
  }
  const c: Cursor = { s, end: n, i: 0, big: false };
  const release: VersionNumber[] = [];
  for (;;) {
    if (c.i >= n || !isDigit(s.charCodeAt(c.i))) {
      return { error: c.i >= n ? 'expected a number' : "unexpected '.'", position: c.i };
    }
    release.push(readNumber(c));
    if (c.i >= n) break;
    c.i++; // the '.'
  }
  return { parts: { epoch: 0, release, pre: null, post: null, dev: null, local: null }, big: c.big };
}

/** Parse `s` per PEP 440 (packaging 26.2's grammar). */
export function parseVersionParts(s: string): ParseResult {
  const simple = parseSimple(s);
  if (simple) return simple;
  let start = 0;
  let end = s.length;
  while (start < end && isPythonSpace(s.charCodeAt(start))) start++;
  while (end > start && isPythonSpace(s.charCodeAt(end - 1))) end--;
  const c: Cursor = { s, end, i: start, big: false };
  if (c.i < end && (s.charCodeAt(c.i) | 0x20) === 118 /* v */) c.i++;
  if (c.i >= end || !isDigit(s.charCodeAt(c.i))) return { error: 'expected a release number', position: c.i };
  let epoch: VersionNumber = 0;
  let first = readNumber(c);
  if (c.i < end && s.charCodeAt(c.i) === 33 /* ! */) {
    c.i++;
    if (c.i >= end || !isDigit(s.charCodeAt(c.i))) return { error: "expected a release number after '!'", position: c.i };
    epoch = first;
    first = readNumber(c);
  }
  const release: VersionNumber[] = [first];
  while (c.i + 1 < end && s.charCodeAt(c.i) === 46 && isDigit(s.charCodeAt(c.i + 1))) {
    c.i++;
    release.push(readNumber(c));
  }
  const preHit = readLetterNumber(c, PRE_SPELLINGS);
  const pre: readonly [PreLabel, VersionNumber] | null = preHit ? [(PRE_WORDS[preHit[0]] as readonly [string, PreLabel])[1], preHit[1]] : null;
  let post: VersionNumber | null = null;
  if (c.i + 1 < end && s.charCodeAt(c.i) === 45 && isDigit(s.charCodeAt(c.i + 1))) {
    c.i++;
    post = readNumber(c);
  } else {
    const postHit = readLetterNumber(c, POST_WORDS);
    if (postHit) post = postHit[1];
  }
  const devHit = readLetterNumber(c, DEV_WORDS);
  const dev = devHit ? devHit[1] : null;
  let local: (string | VersionNumber)[] | null = null;
  if (c.i < end && s.charCodeAt(c.i) === 43 /* + */) {
    c.i++;
    local = readLocal(c);
    if (local === null) return { error: "expected a local label after '+'", position: c.i };
  }
  if (c.i < end) return { error: `unexpected ${JSON.stringify(s[c.i])}`, position: c.i };
  return { parts: { epoch, release, pre, post, dev, local }, big: c.big };
}
