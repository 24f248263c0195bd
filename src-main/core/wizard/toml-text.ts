/**
 * Small TOML writers for generated files (TOML v1.0.0): strings, keys, inline tables and arrays
 * laid out one item per line, as the packaging guide's examples do.
 */
import { formatBasicString, formatKey } from '../pyproject/edit/format-value';

export { formatKey };

/** A basic (double-quoted) string. */
export const str = (s: string): string => formatBasicString(s);

/** `{ name = "…", email = "…" }` with only the keys that have values. */
export function inlineTable(entries: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(entries)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${formatKey(k)} = ${str(v)}`);
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}

/** An array written inline: `["a", "b"]`. */
export function inlineArray(items: readonly string[]): string {
  return `[${items.map(str).join(', ')}]`;
}

/** An array with one item per line (already formatted items), or `[]` when empty. */
export function blockArray(formatted: readonly string[], indent = '    '): string {
  if (formatted.length === 0) return '[]';
  return `[\n${formatted.map((f) => `${indent}${f},\n`).join('')}]`;
}

/** `key = value` lines of a table of strings. */
export function stringTableLines(table: Readonly<Record<string, string>>): string[] {
  return Object.entries(table).map(([k, v]) => `${formatKey(k)} = ${str(v)}`);
}
