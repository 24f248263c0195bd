/**
 * Layer 2 of validation: JSON Schema (SchemaStore pyproject.json and its `[tool.*]` schemas)
 * with ajv, each finding mapped back to the exact key or value in the TOML source.
 */
import type { ErrorObject } from 'ajv';
import { displayPath, makeDiagnostic, makeFix, pointerToPath, valueAt, type ValidDocument } from '../diagnostic-builder';
import type { DataPath } from '../toml/locate';
import type { Diagnostic } from '../types';
import { closestMatches } from '../similarity';
import { schemaErrors, type SchemaIssue } from './compile';
import { actualType, describeBranch, FORMAT_WORDS, orList, PATTERN_WORDS, typeWords } from './describe';
import { buildErrorTree, fittingBranches, type ErrorNode } from './error-tree';

/** Decides which schema findings a later layer reports better (e.g. `project.version`). */
export type SchemaSuppressor = (path: DataPath, error: ErrorObject) => boolean;

const TOP_LEVEL_HINT = 'pyproject.toml allows only [build-system], [project], [dependency-groups] and [tool] at the top level; tool settings go under [tool.NAME].';

/** Custom messages for combinators at well-known paths. */
const COMBO_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^project\.license$/, 'must be an SPDX license expression string such as `"MIT"` (PEP 639); the deprecated table forms take exactly one of `file` or `text`'],
  [/^project\.readme$/, 'must be a file path string, or a table with exactly one of `file` or `text` and a `content-type`'],
  [/^project\.(authors|maintainers)\[\d+\]$/, 'needs a `name`, an `email`, or both'],
];

/** Schema diagnostics for a parsed document. */
export function validateSchema(doc: ValidDocument, suppress: SchemaSuppressor = () => false): Diagnostic[] {
  const data = (hasNonJson(doc.value) ? toJsonData(doc.value) : doc.value) as Record<string, unknown>;
  const tree = buildErrorTree(schemaErrors(data));
  const out: Diagnostic[] = [];
  const emit = (node: ErrorNode): void => {
    const e = node.issue.error;
    const path = pointerToPath(e.instancePath, data);
    if (suppress(path, e)) return;
    if (node.kind === 'leaf') {
      out.push(leafDiagnostic(doc, node.issue, path, data));
      return;
    }
    const fits = fittingBranches(e, node.issue.root);
    const passing = (e.params as { passingSchemas?: number[] | null }).passingSchemas;
    const typeNoise = (n: ErrorNode): boolean => n.kind === 'leaf' && n.issue.error.keyword === 'type' && n.issue.error.instancePath === e.instancePath;
    const inner = node.members.filter((m) => !typeNoise(m));
    if (!passing && fits.length === 1 && inner.length > 0 && !COMBO_WORDS.some(([re]) => re.test(displayPath(path)))) {
      inner.forEach(emit);
      return;
    }
    out.push(comboDiagnostic(doc, node.issue, path, passing ?? null));
  };
  tree.forEach(emit);
  return dedupe(out);
}

/** True when the data holds a TOML date or a big integer (JSON Schema knows neither). */
function hasNonJson(v: unknown): boolean {
  if (v instanceof Date || typeof v === 'bigint') return true;
  if (Array.isArray(v)) return v.some(hasNonJson);
  if (v && typeof v === 'object') {
    for (const k in v) if (hasNonJson((v as Record<string, unknown>)[k])) return true;
  }
  return false;
}

/** TOML dates and big integers as JSON Schema sees them (strings / numbers). */
function toJsonData(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJsonData);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonData(x)]));
  return v;
}

function ruleFor(path: DataPath): string {
  return path[0] === 'tool' && typeof path[1] === 'string' ? `SchemaStore schema of [tool.${path[1]}]` : 'SchemaStore pyproject.json';
}

function comboDiagnostic(doc: ValidDocument, issue: SchemaIssue, path: DataPath, passing: number[] | null): Diagnostic {
  const e = issue.error;
  const shown = displayPath(path) || 'the file';
  const custom = COMBO_WORDS.find(([re]) => re.test(displayPath(path)))?.[1];
  const branches = Array.isArray(e.schema) ? (e.schema as ({ [k: string]: unknown } | boolean)[]) : [];
  const forms = [...new Set(branches.map((b) => describeBranch(b, issue.root)).filter((d) => d !== 'nothing'))];
  const keys = branches.map((b) => (typeof b === 'object' && Array.isArray(b.required) && b.required.length === 1 && (b.type === undefined || b.type === 'object') ? String(b.required[0]) : null));
  const oneKeyEach = keys.length > 1 && keys.every((k) => k !== null);
  const message = custom
    ? `\`${shown}\` ${custom}.`
    : oneKeyEach
      ? `\`${shown}\` must have ${e.keyword === 'oneOf' ? 'exactly' : 'at least'} one of ${orList(keys.map((k) => `\`${k}\``))}.`
      : passing
      ? `\`${shown}\` matches more than one of the allowed forms (${orList(forms)}); it must match exactly one.`
      : `\`${shown}\` must be ${orList(forms)}.`;
  return makeDiagnostic(doc, { code: 'PW-SCHEMA-005', message, path, layer: 'schema', rule: ruleFor(path) });
}

function leafDiagnostic(doc: ValidDocument, issue: SchemaIssue, path: DataPath, data: unknown): Diagnostic {
  const e = issue.error;
  const shown = displayPath(path);
  const rule = ruleFor(path);
  const base = { path, layer: 'schema' as const, rule };
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const keyPath = [...path, extra];
      const parent = e.parentSchema as { properties?: Record<string, unknown>; patternProperties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parent?.properties ?? {});
      if (parent?.patternProperties && !Object.keys(parent.patternProperties).some((p) => new RegExp(p, 'u').test(extra))) {
        return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-009', path: keyPath, part: 'key', message: `\`${extra}\` is not a valid name here (\`${shown}\`): use letters, digits, \`.\`, \`_\` and \`-\`, starting and ending with a letter or digit.` });
      }
      const suggestion = closestMatches(extra, known, 1)[0];
      const where = shown ? `\`${shown}\`` : 'the top level';
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : path.length === 0 ? ` ${TOP_LEVEL_HINT}` : '';
      const fix = suggestion ? makeFix(doc, `Rename to \`${suggestion}\``, [{ kind: 'rename', path: keyPath, newKey: suggestion }], { isPreferred: true }) : null;
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-001', path: keyPath, part: 'key', message: `\`${extra}\` is not a known key in ${where}.${hint}`, fixes: [fix] });
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const where = shown ? `\`${shown}\`` : 'The file';
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-002', part: 'key', message: `${where} is missing the required key \`${missing}\`.` });
    }
    case 'type':
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-003', message: `\`${shown}\` must be ${typeWords(String(params.type).split(','))}, not ${actualType(valueAt(data, path))}.` });
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const value = valueAt(data, path);
      const strings = allowed.filter((a): a is string => typeof a === 'string');
      const suggestion = typeof value === 'string' ? closestMatches(value, strings, 1)[0] : undefined;
      const list = allowed.length <= 12 ? orList(allowed.map((a) => `\`${JSON.stringify(a)}\``)) : `one of ${allowed.length} allowed values`;
      const fix = suggestion ? makeFix(doc, `Change to "${suggestion}"`, [{ kind: 'set', path, value: suggestion }], { isPreferred: true }) : null;
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-006', message: `\`${shown}\` must be ${list}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, fixes: [fix] });
    }
    case 'pattern': {
      const words = PATTERN_WORDS.find(([re]) => re.test(shown))?.[1] ?? `does not have the expected form (pattern ${JSON.stringify(String(params.pattern))})`;
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-004', message: `\`${shown}\` ${words}.` });
    }
    case 'format': {
      const words = FORMAT_WORDS[String(params.format)] ?? `a valid ${String(params.format)}`;
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-004', message: `\`${shown}\` must be ${words}.` });
    }
    case 'uniqueItems': {
      const j = Number(params.j);
      const i = Number(params.i);
      const fix = makeFix(doc, 'Remove the duplicate', [{ kind: 'removeItem', path, index: Math.max(i, j) }], { isPreferred: true });
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-007', path: [...path, Math.max(i, j)], message: `\`${shown}\` lists the same item twice (items ${Math.min(i, j) + 1} and ${Math.max(i, j) + 1}).`, fixes: [fix] });
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      const scripts = shown === 'project.entry-points' && (name === 'console_scripts' || name === 'gui_scripts');
      const message = scripts
        ? `\`${name}\` cannot be an entry-point group here: write these in [project.${name === 'console_scripts' ? 'scripts' : 'gui-scripts'}] instead.`
        : `\`${name}\` is not an allowed key in \`${shown}\`.`;
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-009', path: [...path, name], part: 'key', message });
    }
    default:
      return makeDiagnostic(doc, { ...base, code: 'PW-SCHEMA-008', message: `\`${shown || 'The file'}\` ${e.message ?? 'is not valid'}.` });
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.range.start.offset}|${d.range.end.offset}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
