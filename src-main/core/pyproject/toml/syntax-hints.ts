/**
 * Newcomer wording for TOML syntax errors, chosen from the text around the error rather than
 * from the parser's message alone (the same parser message covers very different mistakes:
 * "Must be a newline" is an unquoted `version = 1.0.0` as often as two values on one line).
 */

export interface SyntaxHint {
  readonly message: string;
  /** A replacement for [start, end) that fixes the mistake, when one is obvious. */
  readonly fix?: { readonly title: string; readonly start: number; readonly end: number; readonly newText: string };
}

const BARE_SCALAR = /^(?:[+-]?(?:\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?|0x[\da-fA-F_]+|0o[0-7_]+|0b[01_]+|inf|nan)|true|false|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

function lineAround(text: string, offset: number): { start: number; end: number; line: string } {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return { start, end, line: text.slice(start, end) };
}

/** A hint for the error at `offset`, or null to keep the parser's own words. */
export function syntaxHint(text: string, offset: number, parserMessage: string): SyntaxHint | null {
  if (/between the curly braces/i.test(parserMessage)) {
    return { message: 'Inline tables `{ … }` must stay on one line in TOML 1.0 (pyproject.toml); use a `[table]` section for longer ones.' };
  }
  const here = lineAround(text, offset);
  // An error reported at the start of a line often belongs to the line before it.
  const prev = here.start > 0 && offset === here.start ? lineAround(text, here.start - 1) : null;
  for (const l of prev ? [prev, here] : [here]) {
    if (/^\s*\[/.test(l.line) && !/\]\s*(?:#.*)?$/.test(l.line.replace(/\s+$/, ''))) {
      return { message: 'This table header is missing its closing `]` (e.g. `[project]`).' };
    }
  }
  const kv = /^(\s*[A-Za-z0-9_."' -]+?\s*=\s*)(.*?)\s*(?:#.*)?$/.exec(here.line);
  if (kv) {
    const value = kv[2] ?? '';
    const valueStart = here.start + (kv[1]?.length ?? 0);
    if (value === '') return { message: 'This key has no value after `=`: write one, e.g. `name = "my-project"`.' };
    if (!/^["'[{]/.test(value) && !BARE_SCALAR.test(value)) {
      const quoted = JSON.stringify(value);
      return {
        message: `Text values must be in quotes: write ${quoted}.`,
        fix: { title: `Put ${value} in quotes`, start: valueStart, end: valueStart + value.length, newText: quoted },
      };
    }
  }
  if (prev) {
    const pkv = /^\s*[A-Za-z0-9_."' -]+?\s*=\s*$/.exec(prev.line);
    if (pkv) return { message: 'The key on the line above has no value after `=`: TOML wants `key = value` on one line.' };
  }
  if (/multiple times|redefine/i.test(parserMessage)) {
    return { message: 'This key or table is already defined earlier in the file; TOML allows each key only once.' };
  }
  if (/unterminated string|control characters/i.test(parserMessage)) return { message: 'A string is missing its closing quote.' };
  if (/unterminated array|expected comma/i.test(parserMessage)) return { message: 'An array is missing a `,` between items or its closing `]`.' };
  if (/unterminated inline table/i.test(parserMessage)) return { message: 'An inline table is missing its closing `}`.' };
  if (/newline|end-of-line/i.test(parserMessage)) return { message: 'Only one `key = value` per line: after a value, the line must end (a `# comment` may follow).' };
  return null;
}
