/**
 * Completions for values whose vocabulary Packwright knows: trove classifiers, SPDX license
 * expressions (PEP 639), build backends and their minimum requirements, and schema enums.
 */
import { completeLicenseExpression } from '../licenses/complete';
import { BACKENDS } from '../pyproject/backends/floors';
import { activeClassifiers } from '../pyproject/semantic/classifiers';
import type { CursorContext } from './cursor-context';
import { enumValuesAt } from './schema-nav';

export interface AssistCompletion {
  readonly label: string;
  readonly insertText: string;
  readonly kind: 'key' | 'table' | 'value' | 'classifier' | 'license' | 'operator' | 'backend';
  readonly detail?: string;
  readonly documentation?: string;
  /** Replace [from, to) of the text (UTF-16 offsets). */
  readonly from: number;
  readonly to: number;
  readonly deprecated?: boolean;
  /** Sort key: lower first. */
  readonly sort?: string;
}

const eq = (ctx: CursorContext, table: readonly string[], key: readonly string[]) =>
  ctx.table.join('.') === table.join('.') && ctx.key.join('.') === key.join('.');

/** The highest feature floor per backend: a requirement that supports everything we write. */
function backendRequirements(): { family: string; module: string; requirement: string }[] {
  return BACKENDS.map((b) => {
    const floor = b.floors.reduce<string | null>((best, f) => (best === null || f.min.localeCompare(best, undefined, { numeric: true }) > 0 ? f.min : best), null);
    return { family: b.family, module: b.modules[0] as string, requirement: floor ? `${b.family}>=${floor}` : b.family };
  });
}

export function valueCompletions(ctx: CursorContext, offset: number, limit: number): AssistCompletion[] {
  const s = ctx.string;
  if (eq(ctx, ['project'], ['classifiers']) && s) {
    const words = s.prefix.toLowerCase().split(/\s*::\s*|\s+/).filter(Boolean);
    return activeClassifiers()
      .filter((c) => !c.startsWith('License ::'))
      .filter((c) => words.every((w) => c.toLowerCase().includes(w)))
      .slice(0, limit)
      .map((c, i) => ({ label: c, insertText: c, kind: 'classifier' as const, from: s.start, to: offset, sort: String(i).padStart(5, '0') }));
  }
  if (eq(ctx, ['project'], ['license']) && s) {
    const r = completeLicenseExpression(s.prefix, s.prefix.length, limit);
    return r.items.map((it, i) => ({
      label: it.label,
      insertText: it.insertText,
      kind: it.kind === 'operator' || it.kind === 'paren' ? ('operator' as const) : ('license' as const),
      ...(it.detail ? { detail: it.detail } : {}),
      ...(it.deprecated ? { deprecated: true } : {}),
      from: s.start + r.from,
      to: s.start + r.to,
      sort: String(i).padStart(5, '0'),
    }));
  }
  if (eq(ctx, ['build-system'], ['build-backend']) && s) {
    return backendRequirements().map((b) => ({ label: b.module, insertText: b.module, kind: 'backend' as const, detail: b.family, from: s.start, to: offset }));
  }
  if (eq(ctx, ['build-system'], ['requires']) && s) {
    return backendRequirements().map((b) => ({
      label: b.requirement,
      insertText: b.requirement,
      kind: 'backend' as const,
      detail: `${b.family}: the oldest release that supports everything Packwright writes`,
      from: s.start,
      to: offset,
    }));
  }
  const values = enumValuesAt([...ctx.table, ...ctx.key], ctx.inArray);
  if (values.length > 0) {
    return values.map((v) => (s ? { label: v, insertText: v, kind: 'value' as const, from: s.start, to: offset } : { label: v, insertText: `"${v}"`, kind: 'value' as const, from: ctx.word.start, to: offset }));
  }
  return [];
}
