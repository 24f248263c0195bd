/**
 * Turn ajv's flat error list into the few findings a person needs.
 *
 * With `allErrors`, a failed `oneOf`/`anyOf` is preceded by the errors of every branch (ajv
 * removes them only when the combinator passes). Those are noise ("must be string", "must be
 * object", "must have required property 'file'" …). Here each combinator collects its branch
 * errors; then, when the value's type fits exactly one branch, that branch's errors are the
 * finding; otherwise the combinator becomes ONE finding listing the allowed forms.
 */
import type { ErrorObject } from 'ajv';
import type { SchemaIssue } from './compile';

export type ErrorNode =
  | { readonly kind: 'leaf'; readonly issue: SchemaIssue }
  | { readonly kind: 'combo'; readonly issue: SchemaIssue; readonly members: readonly ErrorNode[] };

const COMBINATORS = new Set(['oneOf', 'anyOf']);

const within = (path: string, parent: string): boolean => path === parent || path.startsWith(parent + '/');
const parentSchemaPath = (p: string): string => p.slice(0, p.lastIndexOf('/'));

/** Group branch errors under their combinator; drops ajv's summary-only errors. */
export function buildErrorTree(issues: readonly SchemaIssue[]): ErrorNode[] {
  // `if`/`then` and `propertyNames` report their inner errors first, then a summary; keep one.
  const nameChecks = issues.filter((i) => i.error.keyword === 'propertyNames').map((i) => i.error.schemaPath + '/');
  const kept = issues.filter((i) => i.error.keyword !== 'if' && !nameChecks.some((p) => i.error.schemaPath.startsWith(p)));
  const items: ErrorNode[] = [];
  for (const issue of kept) {
    const e = issue.error;
    if (!COMBINATORS.has(e.keyword)) {
      items.push({ kind: 'leaf', issue });
      continue;
    }
    const members: ErrorNode[] = [];
    const siblingPrefix = parentSchemaPath(e.schemaPath) + '/';
    while (items.length > 0) {
      const last = items[items.length - 1] as ErrorNode;
      const le = last.issue.error;
      const sibling = le.schemaPath.startsWith(siblingPrefix) && !le.schemaPath.startsWith(e.schemaPath + '/');
      if (!within(le.instancePath, e.instancePath) || sibling) break;
      members.unshift(last);
      items.pop();
    }
    items.push({ kind: 'combo', issue, members });
  }
  return items;
}

/** JSON Schema type names a TOML value has (integers are also numbers). */
export function valueTypes(v: unknown): string[] {
  if (typeof v === 'string') return ['string'];
  if (typeof v === 'boolean') return ['boolean'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  if (Array.isArray(v)) return ['array'];
  if (v === null) return ['null'];
  return ['object'];
}

type Schema = { [k: string]: unknown } | boolean;

/** Follow a local `$ref` (`#/definitions/…`) inside `root`; other refs stay unresolved. */
export function deref(schema: Schema, root: object): Schema {
  let s = schema;
  for (let i = 0; i < 8 && typeof s === 'object' && typeof s.$ref === 'string' && s.$ref.startsWith('#/'); i++) {
    let cur: unknown = root;
    for (const seg of s.$ref.slice(2).split('/')) cur = (cur as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!cur || typeof cur !== 'object') break;
    s = cur as Schema;
  }
  return s;
}

/** The JSON types a branch schema accepts, or null when unknown (e.g. an external `$ref`). */
export function branchTypes(branch: Schema, root: object): string[] | null {
  const s = deref(branch, root);
  if (typeof s === 'boolean') return s ? null : [];
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  if ('const' in s) return valueTypes(s.const);
  if (Array.isArray(s.enum)) return [...new Set(s.enum.flatMap(valueTypes))];
  if (s.properties || s.required || s.additionalProperties !== undefined || s.patternProperties) return ['object'];
  if (s.items || s.minItems !== undefined || s.contains) return ['array'];
  for (const k of ['oneOf', 'anyOf'] as const) {
    const list = s[k];
    if (Array.isArray(list)) {
      const types = list.map((b) => branchTypes(b as Schema, root));
      return types.some((t) => t === null) ? null : [...new Set(types.flat() as string[])];
    }
  }
  return null;
}

/** Branch indexes whose type admits the value (unknown types count as admitting it). */
export function fittingBranches(e: ErrorObject, root: object): number[] {
  const branches = Array.isArray(e.schema) ? (e.schema as Schema[]) : [];
  const types = valueTypes(e.data);
  const out: number[] = [];
  branches.forEach((b, i) => {
    const t = branchTypes(b, root);
    if (t === null || t.some((x) => types.includes(x))) out.push(i);
  });
  return out;
}
