/**
 * Core metadata parsing (METADATA / PKG-INFO, metadata versions 1.0–2.5).
 *
 * Lenient like pypa/packaging's `parse_email`: every recognized field that has the right
 * shape lands in `fields`; anything else — unknown headers, a single-use field given twice,
 * undecodable bytes, duplicate Project-URL labels, a Description both as header and as body —
 * lands in `unparsed`, keyed by the lower-cased header name, for validation to report.
 * The Description may be the message body (metadata 2.1, PEP 566).
 */
import { parseEmailMessage } from './email-parse';
import type { EmailHeader } from './email-parse';
import { FIELD_BY_HEADER } from './fields';
import type { CoreMetadataFields } from './fields';

/** The result of parsing: structured fields, leftovers and the raw material. */
export interface ParsedCoreMetadata {
  readonly fields: CoreMetadataFields;
  /** Headers that could not be placed in `fields`, by lower-cased name, values in written order. */
  readonly unparsed: Readonly<Record<string, string[]>>;
  /** Every header as written, in order. */
  readonly headers: readonly EmailHeader[];
  /** The message body ('' when absent). */
  readonly body: string;
  /** Format irregularities (Python email "defects"). */
  readonly defects: readonly string[];
}

/** Split `Keywords` the way packaging does (comma-separated, each stripped). */
function parseKeywords(value: string): string[] {
  return value.split(',').map(pyStrip);
}

/** Python's `str.isspace()` set (JS `\\s` differs: it has U+FEFF and lacks U+001C–U+001F, U+0085). */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
/** Strip leading and trailing whitespace as Python's `str.strip()` does. */
export function pyStrip(s: string): string {
  return s.replace(STRIP, '');
}

/** `Label, URL` pairs into a map; a repeated label makes the field unparsable (returns null). */
function parseProjectUrls(values: readonly string[]): Record<string, string> | null {
  const urls: Record<string, string> = {};
  for (const pair of values) {
    const comma = pair.indexOf(',');
    const label = pyStrip(comma < 0 ? pair : pair.slice(0, comma));
    const url = comma < 0 ? '' : pyStrip(pair.slice(comma + 1));
    if (Object.prototype.hasOwnProperty.call(urls, label)) return null;
    urls[label] = url;
  }
  return urls;
}

/**
 * Parse core metadata from text or bytes (bytes are decoded as UTF-8 per field; a field that
 * is not valid UTF-8 goes to `unparsed`). Never throws.
 */
export function parseCoreMetadata(input: string | Uint8Array): ParsedCoreMetadata {
  const msg = parseEmailMessage(input);
  const fields: CoreMetadataFields = {};
  const set = fields as Record<string, unknown>;
  const unparsed: Record<string, string[]> = {};
  const groups = new Map<string, EmailHeader[]>();
  for (const h of msg.headers) {
    const key = h.name.toLowerCase();
    const g = groups.get(key);
    if (g) g.push(h);
    else groups.set(key, [h]);
  }
  for (const [name, headers] of groups) {
    const values = headers.map((h) => h.value);
    const spec = FIELD_BY_HEADER.get(name);
    if (!spec || headers.some((h) => !h.validEncoding)) {
      unparsed[name] = values;
      continue;
    }
    if (spec.kind === 'string' && values.length === 1) set[spec.key] = values[0];
    else if (spec.key === 'importNames' && values.length === 1 && values[0] === '') set[spec.key] = [];
    else if (spec.kind === 'list') set[spec.key] = values;
    else if (spec.kind === 'keywords' && values.length === 1) set[spec.key] = parseKeywords(values[0] as string);
    else if (spec.kind === 'urls') {
      const urls = parseProjectUrls(values);
      if (urls) set[spec.key] = urls;
      else unparsed[name] = values;
    } else unparsed[name] = values;
  }
  // Description as the body (PEP 566); both forms at once are ambiguous.
  if (!msg.bodyValidEncoding) {
    (unparsed.description ??= []).push(msg.body);
  } else if (msg.body) {
    if (fields.description !== undefined) {
      (unparsed.description ??= []).push(fields.description, msg.body);
      delete fields.description;
    } else if (unparsed.description) {
      unparsed.description.push(msg.body);
    } else {
      fields.description = msg.body;
    }
  }
  return { fields, unparsed, headers: msg.headers, body: msg.body, defects: msg.defects };
}

/**
 * The text of a Description given as a header (metadata before 2.1): the spec folds it with
 * each line break followed by 7 spaces and `|`; older tools indented by 8 spaces instead.
 * Other values are returned unchanged.
 */
export function unfoldDescription(value: string): string {
  const lines = value.split('\n');
  const rest = lines.slice(1).filter((l) => l !== '');
  if (rest.length === 0) return value;
  if (rest.every((l) => l.startsWith('       |'))) return lines.map((l, i) => (i === 0 ? l : l.slice(8))).join('\n');
  if (rest.every((l) => l.startsWith('        '))) return lines.map((l, i) => (i === 0 ? l : l.slice(8))).join('\n');
  return value;
}
