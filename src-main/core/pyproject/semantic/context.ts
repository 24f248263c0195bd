/**
 * What each semantic check receives: the parsed document, typed access to its tables, and a
 * way to report. Checks are plain functions (see ../validate.ts for the list).
 */
import { makeDiagnostic, type DiagnosticInit, type ValidDocument } from '../diagnostic-builder';
import type { DataPath } from '../toml/locate';
import type { Diagnostic, DiagnosticLayer } from '../types';

export type Table = Record<string, unknown>;

export interface CheckContext {
  readonly doc: ValidDocument;
  /** `[project]` when it is a table, else null. */
  readonly project: Table | null;
  /** `[build-system]` when it is a table, else null. */
  readonly buildSystem: Table | null;
  report(init: Omit<DiagnosticInit, 'layer'> & { readonly layer?: DiagnosticLayer }): void;
}

export type SemanticCheck = (c: CheckContext) => void;

export function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Entries of an array that are strings, with their indexes. */
export function stringItems(v: unknown): [number, string][] {
  return Array.isArray(v) ? v.flatMap((x, i): [number, string][] => (typeof x === 'string' ? [[i, x]] : [])) : [];
}

/** Build a context collecting diagnostics into `out`. */
export function checkContext(doc: ValidDocument, out: Diagnostic[], layer: DiagnosticLayer = 'semantic'): CheckContext {
  const project = isTable(doc.value.project) ? doc.value.project : null;
  const buildSystem = isTable(doc.value['build-system']) ? doc.value['build-system'] : null;
  return {
    doc,
    project,
    buildSystem,
    report: (init) => out.push(makeDiagnostic(doc, { layer, ...init })),
  };
}

/**
 * Source span of characters [from, to) of the string value at `path`, when the TOML literal
 * maps 1:1 onto the value (literal strings, or basic strings without escapes); else the
 * whole value.
 */
export function spanInString(c: CheckContext, path: DataPath, from: number, to: number): readonly [number, number] {
  const node = c.doc.index.get(path);
  const whole = c.doc.index.span(path, 'value');
  const vn = node?.valueNode;
  if (!vn || vn.type !== 'TOMLValue' || vn.kind !== 'string' || vn.multiline) return whole;
  const raw = c.doc.source.text.slice(whole[0] + 1, whole[1] - 1);
  if (vn.style === 'basic' && raw.includes('\\')) return whole;
  const start = whole[0] + 1 + Math.min(from, raw.length);
  return [start, Math.max(start + 1, whole[0] + 1 + Math.min(to, raw.length))];
}
