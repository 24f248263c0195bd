/**
 * Tokens of an SPDX license expression, split the way packaging.licenses splits them.
 *
 * packaging pads every `(` and `)` with spaces and then calls Python's `str.split()`, so a
 * token is a single parenthesis or a maximal run of characters that are neither Python
 * whitespace nor parentheses. Operators are matched case-insensitively (SPDX 2.2 Annex D
 * allows upper or lower case; packaging lower-cases the whole expression). We keep offsets into
 * the raw text so every error can name its column.
 */
import { isPyWhitespace, pyLower } from './py-text';

/** What a token is, grammatically. Everything that is not an operator or parenthesis is an operand. */
export type TokenKind = 'and' | 'or' | 'with' | 'lparen' | 'rparen' | 'operand';

/** One token with its original spelling and its place in the raw text (UTF-16 offsets). */
export interface Token {
  readonly kind: TokenKind;
  /** Original spelling. */
  readonly text: string;
  /** Python `str.lower()` of the text, as packaging compares it. */
  readonly lower: string;
  readonly offset: number;
  readonly end: number;
}

const OPERATORS: ReadonlyMap<string, TokenKind> = new Map([
  ['and', 'and'],
  ['or', 'or'],
  ['with', 'with'],
]);

/**
 * Split a raw expression into tokens.
 *
 * Equivalent to packaging's `raw.replace("(", " ( ").replace(")", " ) ").split()`.
 */
export function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (isPyWhitespace(c)) {
      i += 1;
      continue;
    }
    if (c === 0x28 || c === 0x29) {
      const text = raw[i] ?? '';
      tokens.push({ kind: c === 0x28 ? 'lparen' : 'rparen', text, lower: text, offset: i, end: i + 1 });
      i += 1;
      continue;
    }
    const start = i;
    while (i < raw.length) {
      const d = raw.charCodeAt(i);
      if (isPyWhitespace(d) || d === 0x28 || d === 0x29) break;
      i += 1;
    }
    const text = raw.slice(start, i);
    const lower = pyLower(text);
    tokens.push({ kind: OPERATORS.get(lower) ?? 'operand', text, lower, offset: start, end: i });
  }
  return tokens;
}

/** True for the tokens packaging treats as grammar (`and`, `or`, `with`, parentheses). */
export function isGrammarToken(token: Token): boolean {
  return token.kind !== 'operand';
}
