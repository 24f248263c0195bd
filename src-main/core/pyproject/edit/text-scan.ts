/**
 * Small scanners over TOML source text used by the edit operations (line bounds, comments,
 * commas between array items and inline-table pairs).
 */

/** Offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the newline ending the line holding `offset` (text length at EOF). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** True when only spaces/tabs lie between the start of the line and `offset`. */
export function onlyIndentBefore(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartAt(text, offset), offset));
}

/** Skip spaces and tabs forward. */
export function skipBlanks(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** Skip spaces, tabs, newlines and `#` comments forward. */
export function skipTrivia(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else return i;
  }
}

/** Skip spaces, tabs, newlines and comments backward; returns the offset after the last token. */
export function skipTriviaBack(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const lineStart = lineStartAt(text, i);
    const hash = commentStart(text, lineStart);
    if (hash !== -1 && hash < i) i = hash;
    const c = text[i - 1];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i--;
    else return i;
  }
}

/**
 * Offset of the `#` starting a comment on the line starting at `lineStart`, or -1. Strings are
 * skipped so a `#` inside quotes is not a comment.
 */
export function commentStart(text: string, lineStart: number): number {
  let quote: string | null = null;
  for (let i = lineStart; i < text.length && text[i] !== '\n'; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return i;
  }
  return -1;
}

/** True when the rest of the line after `offset` is blank or a comment. */
export function restOfLineIsTrivia(text: string, offset: number): boolean {
  const i = skipBlanks(text, offset);
  return i >= text.length || text[i] === '\n' || text[i] === '#' || (text[i] === '\r' && text[i + 1] === '\n');
}

/** True when the line holding `offset` is blank (only whitespace). */
export function isBlankLine(text: string, lineStart: number): boolean {
  const end = nextLineStart(text, lineStart);
  return /^[ \t]*\r?\n?$/.test(text.slice(lineStart, end)) && lineStart < text.length;
}

/** Indentation (spaces/tabs) at the start of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}
