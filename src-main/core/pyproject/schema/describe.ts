/**
 * Plain-language wording for JSON Schema constraints, in TOML terms (a JSON object is a
 * "table"; TOML has no null).
 */
import { deref } from './error-tree';

type Schema = { [k: string]: unknown } | boolean;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'a table',
};

/** "a string", "an array", … for JSON type names (null is dropped: TOML has no null). */
export function typeWords(types: readonly string[]): string {
  const words = types.filter((t) => t !== 'null').map((t) => TYPE_WORDS[t] ?? t);
  return orList(words.length ? words : ['a value']);
}

/** TOML type of a value, for "not …" in messages. */
export function actualType(v: unknown): string {
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return v ? '`true`' : '`false`';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (Array.isArray(v)) return 'an array';
  return 'a table';
}

export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Describe one allowed form (a oneOf/anyOf branch). */
export function describeBranch(branch: Schema, root: object): string {
  const s = deref(branch, root);
  if (typeof s === 'boolean') return s ? 'any value' : 'nothing';
  if (s.type === 'null') return 'nothing';
  if ('const' in s) return `\`${JSON.stringify(s.const)}\``;
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}`;
  if (typeof s.title === 'string' && s.title && typeof s.type === 'string' && s.type !== 'object') {
    return `${TYPE_WORDS[s.type] ?? s.type} (${s.title.toLowerCase()})`;
  }
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const type = typeof s.type === 'string' ? s.type : required.length || s.properties ? 'object' : undefined;
  if (type === 'object' || required.length) {
    return required.length ? `a table with ${required.map((k) => `\`${k}\``).join(' and ')}` : 'a table';
  }
  if (type === 'array') {
    const items = s.items && typeof s.items === 'object' && !Array.isArray(s.items) ? deref(s.items as Schema, root) : null;
    const itemType = items && typeof items === 'object' && typeof items.type === 'string' ? TYPE_WORDS[items.type] : null;
    return itemType ? `an array of ${itemType.replace(/^an? /, '')}s` : 'an array';
  }
  if (type) return TYPE_WORDS[type] ?? type;
  if (Array.isArray(s.type)) return typeWords(s.type as string[]);
  return 'another allowed form';
}

/** Known formats, worded for people. */
export const FORMAT_WORDS: Readonly<Record<string, string>> = {
  email: 'a valid email address',
  'idn-email': 'a valid email address',
  uri: 'a full URL with a scheme (e.g. https://example.org)',
  'uri-reference': 'a valid URL or relative reference',
  uint: 'a non-negative integer',
  uint8: 'an integer from 0 to 255',
  uint16: 'an integer from 0 to 65535',
  int: 'an integer',
  'python-identifier': 'a Python identifier',
  'python-module-name': 'a dotted Python module name',
  'python-qualified-identifier': 'a dotted Python name',
  'pep508-identifier': 'a valid project name',
  'pep561-stub-name': 'a stub package name ending in `-stubs`',
};

/** Friendlier wording for some schema patterns (SchemaStore pyproject.json), by path shape. */
export const PATTERN_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^project\.name$/, 'must contain only ASCII letters, digits, `.`, `_` and `-`, and start and end with a letter or digit'],
  [/^project\.version$/, 'must be a PEP 440 version such as `1.0`, `2.1.0rc1` or `0.3.post1`'],
  [/^project\.import-(names|namespaces)\[\d+\]$/, 'must be a dotted Python import name, optionally followed by `; private` (PEP 794)'],
  [/^dependency-groups\..*\.include-group$/, 'must be the name of a dependency group'],
];
