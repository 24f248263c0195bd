/**
 * Test support: validate a snippet and look at its diagnostics and quick fixes.
 */
import { applyTextEdits } from '../edit/line-diff';
import type { Diagnostic, QuickFix, ValidationContext } from '../types';
import { validatePyproject, validatePyprojectSync } from '../validate';

/** A minimal valid project, with a backend that supports everything used in the tests. */
export const HEAD = '[build-system]\nrequires = ["hatchling>=1.27"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "demo"\nversion = "1.0"\n';

export function diagnostics(text: string, ctx: ValidationContext = {}): Diagnostic[] {
  return validatePyprojectSync(text, ctx);
}

export function asyncDiagnostics(text: string, ctx: ValidationContext = {}): Promise<Diagnostic[]> {
  return validatePyproject(text, ctx);
}

/** Codes of the diagnostics, in order. */
export function codes(text: string, ctx: ValidationContext = {}): string[] {
  return diagnostics(text, ctx).map((d) => d.code);
}

/** The single diagnostic with `code` (fails when absent or repeated). */
export function only(text: string, code: string): Diagnostic {
  const found = diagnostics(text).filter((d) => d.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}: ${JSON.stringify(diagnostics(text).map((d) => [d.code, d.message]))}`);
  return found[0] as Diagnostic;
}

/** The text covered by a diagnostic's range. */
export function covered(text: string, d: Diagnostic): string {
  return text.slice(d.range.start.offset, d.range.end.offset);
}

/** Apply a quick fix to the text it was computed on. */
export function applyFix(text: string, fix: QuickFix | undefined): string {
  if (!fix) throw new Error('no fix');
  return applyTextEdits(text, fix.edits);
}
