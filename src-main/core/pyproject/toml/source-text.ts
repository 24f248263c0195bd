/**
 * Offsets ↔ line/column/byte positions of a text, computed once per text.
 *
 * TOML (v1.0.0, "Spec") treats LF and CRLF as newlines; a lone CR is not a newline there, so
 * lines are split on LF only and a CR before it stays part of the line's end.
 */
import type { SourcePosition, SourceRange, TextEdit } from '../types';

export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];
  /** UTF-8 byte offset of each line start, computed lazily. */
  private lineBytes: number[] | null = null;

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based offset of the start of 1-based `line` (clamped). */
  lineStart(line: number): number {
    const idx = Math.min(Math.max(line, 1), this.lineStarts.length) - 1;
    return this.lineStarts[idx] ?? 0;
  }

  /** Offset just past the last character of `line`, before its `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = line < this.lineStarts.length ? this.lineStart(line + 1) - 1 : this.text.length;
    return next > this.lineStart(line) && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  /** 1-based line holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Full position of a 0-based UTF-16 offset (clamped to the text). */
  position(offset: number): SourcePosition {
    const off = Math.min(Math.max(offset, 0), this.text.length);
    const line = this.lineOf(off);
    const start = this.lineStart(line);
    return { line, column: off - start + 1, offset: off, byte: this.byteOffset(line, start, off) };
  }

  /** 0-based offset of a 1-based line and column. */
  offsetAt(line: number, column: number): number {
    return Math.min(this.lineStart(line) + Math.max(column - 1, 0), this.text.length);
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(Math.max(end, start)) };
  }

  /** A text edit on this text. */
  edit(start: number, end: number, newText: string): TextEdit {
    return { start, end, newText, range: this.range(start, end) };
  }

  private byteOffset(line: number, lineStartOffset: number, offset: number): number {
    if (!this.lineBytes) {
      const bytes = [0];
      for (let l = 1; l < this.lineStarts.length; l++) {
        const prev = this.lineStarts[l - 1] ?? 0;
        bytes.push((bytes[l - 1] ?? 0) + utf8Length(this.text, prev, this.lineStarts[l] ?? prev));
      }
      this.lineBytes = bytes;
    }
    return (this.lineBytes[line - 1] ?? 0) + utf8Length(this.text, lineStartOffset, offset);
  }
}

/** UTF-8 length of `text[start, end)`; a lone surrogate counts as U+FFFD (3 bytes). */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
