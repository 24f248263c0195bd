/**
 * The position-tracking cursor shared by the requirement and marker parsers.
 *
 * Mirrors the context-sensitive tokenizer of pypa/packaging (`_tokenizer.py`): the parser
 * asks "is token X next?" at the current position, so each token is scanned only where the
 * PEP 508 grammar allows it. Everything is hand-written: no regexes, no backtracking.
 */
import { isEndAt, isWordBoundary } from './chars';
import { SyntaxFault } from './errors';

/** Cursor over one input string; `pos` is a UTF-16 index. */
export class Scanner {
  pos = 0;
  /** A fault to raise only if the whole input otherwise parses (unsupported `\N{}` escapes). */
  deferred: SyntaxFault | null = null;

  constructor(readonly s: string) {}

  /** Consumes the WS token, `[ \t]+` (only space and tab, unlike `\s`). */
  ws(): void {
    const s = this.s;
    let i = this.pos;
    for (let c = s.charCodeAt(i); c === 0x20 || c === 0x09; c = s.charCodeAt(++i));
    this.pos = i;
  }

  /** True when the END token (`$`) matches here. */
  atEnd(): boolean {
    return isEndAt(this.s, this.pos);
  }

  /** Current UTF-16 code unit, NaN past the end. */
  peek(offset = 0): number {
    return this.s.charCodeAt(this.pos + offset);
  }

  /** Matches the literal keyword `word` bounded by `\b` on both sides; consumes it if found. */
  keyword(word: string): boolean {
    const s = this.s;
    const i = this.pos;
    if (!s.startsWith(word, i) || !isWordBoundary(s, i) || !isWordBoundary(s, i + word.length)) return false;
    this.pos = i + word.length;
    return true;
  }

  /** Throws the deferred fault, if any; call once parsing has succeeded. */
  finish(): void {
    if (this.deferred) throw this.deferred;
  }

  /** Throws a syntax fault pointing at the current position (span from `spanStart`). */
  fail(reason: string, spanStart: number = this.pos, end: number = this.pos): never {
    throw new SyntaxFault(reason, spanStart, end);
  }
}
