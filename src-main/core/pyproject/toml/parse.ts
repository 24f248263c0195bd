/**
 * Layer 1 of validation: parse pyproject.toml (TOML v1.0.0, as Python's tomllib reads it).
 *
 * toml-eslint-parser gives a lossless AST with source ranges (for diagnostics and edits);
 * smol-toml gives the values (spec-correct, fast). Both must accept the text; the first error
 * found becomes a PW-TOML diagnostic with the exact position.
 */
import { parseTOML, type AST } from 'toml-eslint-parser';
import { parse as parseValues, TomlError } from 'smol-toml';
import type { Diagnostic } from '../types';
import { SourceText } from './source-text';
import { syntaxHint } from './syntax-hints';
import { buildNodeIndex, type NodeIndex } from './locate';

export type TomlTable = { [key: string]: TomlValue };
export type TomlValue = string | number | boolean | bigint | Date | TomlValue[] | TomlTable;

/** A parsed pyproject.toml: source positions, AST, values, and the syntax error if any. */
export interface ParsedDocument {
  readonly source: SourceText;
  /** null when the text is not valid TOML. */
  readonly ast: AST.TOMLProgram | null;
  /** Plain objects (Object.prototype), null when the text is not valid TOML. */
  readonly value: TomlTable | null;
  readonly index: NodeIndex | null;
  readonly syntaxError: Diagnostic | null;
}

/** Parse `text`; never throws. */
export function parseDocument(text: string): ParsedDocument {
  const source = new SourceText(text);
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(text, { tomlVersion: '1.0' });
  } catch (err) {
    const e = err as { index?: number; message?: string };
    let offset = typeof e.index === 'number' ? e.index : 0;
    let message = String(e.message ?? err);
    // Two parsers, two views of the same mistake: the earlier position is nearer its cause
    // (an unclosed `[header` is reported on the next line by one, on its own line by the other).
    try {
      parseValues(text);
    } catch (e2) {
      if (e2 instanceof TomlError) {
        const o2 = source.offsetAt(e2.line, e2.column);
        if (o2 < offset) {
          offset = o2;
          message = e2.message.split('\n')[0] ?? e2.message;
        }
      }
    }
    return failed(source, offset, message);
  }
  let raw: unknown;
  try {
    raw = parseValues(text);
  } catch (err) {
    if (err instanceof TomlError) {
      const offset = source.offsetAt(err.line, err.column);
      return failed(source, offset, err.message.split('\n')[0] ?? err.message);
    }
    return failed(source, 0, String(err));
  }
  return { source, ast, value: toPlain(raw) as TomlTable, index: buildNodeIndex(ast), syntaxError: null };
}

function failed(source: SourceText, offset: number, message: string): ParsedDocument {
  const text = source.text;
  // Highlight the token at the error: up to the next delimiter, at least one character.
  let end = offset;
  while (end < text.length && !/[\s=,[\]{}]/.test(text[end] ?? '')) end++;
  if (end === offset) end = Math.min(offset + 1, text.length);
  const hint = syntaxHint(text, offset, message);
  const clean = message.replace(/^Invalid TOML document:\s*/i, '');
  const diag: Diagnostic = {
    code: /multiple times|redefine/i.test(message) ? 'PW-TOML-002' : 'PW-TOML-001',
    severity: 'error',
    message: hint ? `${hint.message} (${clean})` : `The file is not valid TOML: ${clean}`,
    range: source.range(offset, end),
    path: [],
    layer: 'toml',
    rule: 'TOML v1.0.0',
    fixes: hint?.fix ? [{ title: hint.fix.title, isPreferred: true, edits: [{ start: hint.fix.start, end: hint.fix.end, newText: hint.fix.newText, range: source.range(hint.fix.start, hint.fix.end) }] }] : [],
  };
  return { source, ast: null, value: null, index: null, syntaxError: diag };
}

/**
 * Deep copy into plain objects: smol-toml returns null-prototype tables, which crash ajv's
 * `uniqueItems`/`const` (shared/schemas/SOURCES.md). Dates and bigints are kept.
 */
export function toPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toPlain);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return v;
}
