/**
 * Editor assistance for pyproject.toml: hover documentation and completions, computed from the
 * text and a cursor offset (UTF-16). Keys and tables come from SchemaStore's schemas; values
 * from Packwright's vocabularies (value-completions.ts).
 */
import { getLicenseInfo } from '../licenses/catalog';
import { classifyClassifier } from '../pyproject/semantic/classifiers';
import { cursorContext } from './cursor-context';
import { docOf, keysAt, schemasAt } from './schema-nav';
import { valueCompletions, type AssistCompletion } from './value-completions';

export type { AssistCompletion } from './value-completions';

export interface AssistHover {
  readonly markdown: string;
  /** The hovered span, [from, to) UTF-16 offsets. */
  readonly from: number;
  readonly to: number;
}

const WORD = /[A-Za-z0-9_.-]/;
const TOP_TABLES = ['project', 'build-system', 'dependency-groups', 'project.urls', 'project.scripts', 'project.gui-scripts', 'project.optional-dependencies', 'project.entry-points'];

function wordAround(text: string, offset: number): { from: number; to: number } {
  let from = offset;
  let to = offset;
  while (from > 0 && WORD.test(text[from - 1] as string)) from--;
  while (to < text.length && WORD.test(text[to] as string)) to++;
  return { from, to };
}

function docMarkdown(path: readonly string[]): string | null {
  const doc = docOf(schemasAt(path), path[path.length - 1] ?? '');
  if (!doc) return null;
  const parts = [`**${path.join('.')}**${doc.title ? ` — ${doc.title}` : ''}${doc.deprecated ? ' *(deprecated)*' : ''}`];
  if (doc.description) parts.push(doc.description);
  if (doc.link) parts.push(`[Specification](${doc.link})`);
  return parts.join('\n\n');
}

function stringHover(table: readonly string[], key: readonly string[], value: string): string | null {
  const where = [...table, ...key].join('.');
  if (where === 'project.classifiers') {
    const status = classifyClassifier(value);
    return {
      active: `Trove classifier \`${value}\`: current.`,
      deprecated: `Trove classifier \`${value}\` is **deprecated**: PyPI rejects uploads that use it.`,
      private: '`Private ::` classifiers make PyPI refuse the upload, on purpose.',
      unknown: `\`${value}\` is not a trove classifier: PyPI rejects the upload.`,
    }[status];
  }
  if (where === 'project.license') {
    const ids = value.split(/[\s()]+/).filter((t) => t && !/^(AND|OR|WITH)$/i.test(t));
    const lines = ids.map((id) => {
      const info = getLicenseInfo(id.replace(/\+$/, ''));
      return info ? `- \`${info.id}\`: ${info.name}${info.osiApproved ? ' (OSI approved)' : ''}` : `- \`${id}\`: not an SPDX license id`;
    });
    return lines.length ? `SPDX license expression (PEP 639)\n\n${lines.join('\n')}` : null;
  }
  return null;
}

/** Hover text for the key, table header or known value under `offset`. */
export function hoverAt(text: string, offset: number): AssistHover | null {
  const { from, to } = wordAround(text, offset);
  const ctx = cursorContext(text, to);
  if (ctx.slot === 'value' && ctx.string) {
    const end = text.indexOf(ctx.string.quote, ctx.string.start);
    const value = text.slice(ctx.string.start, end < 0 ? to : end);
    const md = stringHover(ctx.table, ctx.key, value);
    return md ? { markdown: md, from: ctx.string.start, to: end < 0 ? to : end } : null;
  }
  if (from === to) return null;
  const word = text.slice(from, to);
  let path: string[];
  if (ctx.slot === 'header') {
    const line = text.slice(text.lastIndexOf('\n', from - 1) + 1, to);
    path = line.replace(/^\s*\[+/, '').split('.').map((s) => s.trim().replace(/^["']|["']$/g, ''));
  } else if (ctx.slot === 'key') {
    path = [...ctx.table, ...ctx.key];
  } else {
    return null;
  }
  if (path.length === 0 || path[path.length - 1] !== word.split('.').pop()) path = [...ctx.table, word];
  const md = docMarkdown(path);
  return md ? { markdown: md, from, to } : null;
}

/** Completion candidates at `offset`. */
export function completeAt(text: string, offset: number, limit = 60): AssistCompletion[] {
  const ctx = cursorContext(text, offset);
  if (ctx.slot === 'header') {
    const tools = (keysAt(['tool']) ?? []).map((k) => `tool.${k.key}`);
    return [...TOP_TABLES, ...tools]
      .filter((t) => t.startsWith(ctx.word.text) || t.includes(ctx.word.text))
      .slice(0, limit)
      .map((t) => ({ label: t, insertText: t, kind: 'table' as const, from: ctx.word.start, to: offset, ...(docOf(schemasAt(t.split('.')), t) ? { documentation: docMarkdown(t.split('.')) ?? '' } : {}) }));
  }
  if (ctx.slot === 'key') {
    const parent = [...ctx.table, ...ctx.key.slice(0, -1)];
    return keysAt(parent)
      .filter((k) => k.key.startsWith(ctx.word.text))
      .slice(0, limit)
      .map((k) => ({
        label: k.key,
        insertText: `${k.key} = `,
        kind: 'key' as const,
        from: ctx.word.start,
        to: offset,
        ...(k.title ? { detail: k.title } : {}),
        ...(k.description ? { documentation: k.description } : {}),
        ...(k.deprecated ? { deprecated: true } : {}),
      }));
  }
  return valueCompletions(ctx, offset, limit);
}
