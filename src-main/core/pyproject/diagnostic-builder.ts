/**
 * Helpers shared by the validation layers: build diagnostics on a parsed document, point them
 * at the right span, and turn data changes into quick fixes (the same minimal text edits the
 * editor applies, see edit/apply-edits.ts).
 */
import type { AST } from 'toml-eslint-parser';
import { applyEdits } from './edit/apply-edits';
import { EditError, type EditChange } from './edit/changes';
import type { DataPath, NodeIndex, SpanPart } from './toml/locate';
import type { ParsedDocument, TomlTable } from './toml/parse';
import type { SourceText } from './toml/source-text';
import type { Diagnostic, DiagnosticLayer, QuickFix, Severity } from './types';

/** A document that parsed: every field is present. */
export interface ValidDocument extends ParsedDocument {
  readonly ast: AST.TOMLProgram;
  readonly value: TomlTable;
  readonly index: NodeIndex;
  readonly source: SourceText;
}

export interface DiagnosticInit {
  readonly code: string;
  readonly severity?: Severity;
  readonly message: string;
  readonly path: DataPath;
  /** Which part of the entry to highlight (default: the value). */
  readonly part?: SpanPart;
  /** Explicit [start, end) offsets, overriding `part`. */
  readonly span?: readonly [number, number];
  readonly layer: DiagnosticLayer;
  readonly rule?: string;
  readonly fixes?: readonly (QuickFix | LazyFix | null)[];
}

/** A quick fix whose edits are computed when first read (see makeFix). */
export interface LazyFix {
  readonly lazy: () => QuickFix | null;
}

const isLazy = (f: QuickFix | LazyFix): f is LazyFix => 'lazy' in f;

export function makeDiagnostic(doc: ValidDocument, init: DiagnosticInit): Diagnostic {
  const [start, end] = init.span ?? doc.index.span(init.path, init.part ?? 'value');
  const d = {
    code: init.code,
    severity: init.severity ?? 'error',
    message: init.message,
    range: doc.source.range(start, end),
    path: init.path,
    layer: init.layer,
    ...(init.rule ? { rule: init.rule } : {}),
  };
  const pending = (init.fixes ?? []).filter((f): f is QuickFix | LazyFix => f !== null);
  let fixes: readonly QuickFix[] | null = pending.some(isLazy) ? null : (pending as QuickFix[]);
  // Quick fixes are computed on first read (an editor asks for code actions separately); the
  // property is enumerable, so JSON and structured clone (IPC) still see the computed list.
  Object.defineProperty(d, 'fixes', {
    enumerable: true,
    get: (): readonly QuickFix[] => (fixes ??= pending.map((f) => (isLazy(f) ? f.lazy() : f)).filter((f): f is QuickFix => f !== null)),
  });
  return d as Diagnostic;
}

export interface FixOptions {
  readonly isPreferred?: boolean;
  readonly confirmation?: string;
}

/** A quick fix applying `changes` to the document text, computed when first read; dropped when the changes cannot be applied. */
export function makeFix(doc: ValidDocument, title: string, changes: readonly EditChange[], opts: FixOptions = {}): LazyFix {
  return { lazy: () => computeFix(doc, title, changes, opts) };
}

function computeFix(doc: ValidDocument, title: string, changes: readonly EditChange[], opts: FixOptions): QuickFix | null {
  try {
    const { edits } = applyEdits(doc.source.text, changes, { ast: doc.ast });
    if (edits.length === 0) return null;
    return { title, edits, ...(opts.isPreferred ? { isPreferred: true } : {}), ...(opts.confirmation ? { confirmation: opts.confirmation } : {}) };
  } catch (err) {
    if (err instanceof EditError) return null;
    throw err;
  }
}

/** A quick fix replacing the exact span [start, end) with `newText`. */
export function replaceFix(doc: ValidDocument, title: string, start: number, end: number, newText: string, opts: FixOptions = {}): QuickFix {
  return { title, edits: [doc.source.edit(start, end, newText)], ...(opts.isPreferred ? { isPreferred: true } : {}), ...(opts.confirmation ? { confirmation: opts.confirmation } : {}) };
}

const BARE = /^[A-Za-z0-9_-]+$/;

/** `project.authors[0].email`, quoting keys that are not bare TOML keys. */
export function displayPath(path: DataPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out ? '.' : '') + (BARE.test(seg) ? seg : JSON.stringify(seg));
  }
  return out;
}

/** The value at `path` in plain data (undefined when absent). */
export function valueAt(data: unknown, path: DataPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Decode a JSON pointer into a data path (array indexes become numbers). */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (!pointer) return [];
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(cur) && /^\d+$/.test(seg) ? Number(seg) : seg;
    out.push(key);
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return out;
}
