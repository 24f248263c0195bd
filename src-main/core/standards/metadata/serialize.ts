/**
 * Write core metadata in the email-header format, as pypa/packaging's `Metadata.as_rfc822`
 * does: fields in the spec's order, one header per value of a multiple-use field, `Keywords`
 * comma-joined, `Project-URL` as `Label, URL`, multi-line values folded (RFC 822: each new
 * line indented by the header name's width + 2 spaces), and the Description as the body
 * (core metadata 2.1, PEP 566). No line wrapping of long values.
 */
import { FIELDS } from './fields';
import type { CoreMetadataFields } from './fields';

/** Fold a value: every line break becomes `\n` + indentation, so no value can start a new header. */
function fold(name: string, value: string): string {
  return value.replace(/\r\n|\r|\n/g, `\n${' '.repeat(name.length + 2)}`);
}

/** Serialize fields to METADATA text (LF line endings). */
export function serializeCoreMetadata(fields: CoreMetadataFields): string {
  const lines: string[] = [];
  const add = (name: string, value: string): void => {
    lines.push(`${name}: ${fold(name, value)}`);
  };
  for (const spec of FIELDS) {
    if (spec.key === 'description') continue;
    const value = fields[spec.key];
    if (value === undefined) continue;
    switch (spec.kind) {
      case 'string':
        add(spec.header, value as string);
        break;
      case 'keywords':
        add(spec.header, (value as string[]).join(','));
        break;
      case 'urls':
        for (const [label, url] of Object.entries(value as Record<string, string>)) add(spec.header, `${label}, ${url}`);
        break;
      case 'list':
        if (spec.key === 'importNames' && (value as string[]).length === 0) add(spec.header, '');
        for (const item of value as string[]) add(spec.header, item);
        break;
    }
  }
  let text = `${lines.join('\n')}\n`;
  if (fields.description !== undefined) text += `\n${fields.description}`;
  return text;
}
