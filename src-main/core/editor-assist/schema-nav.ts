/**
 * Walk the bundled SchemaStore schemas (pyproject.json and the `[tool.*]` schemas it
 * references) to the schema nodes describing a data path: for hover docs, key completion and
 * enum completion. `$ref`s are followed within and across the bundled files; `oneOf`/`anyOf`/
 * `allOf` branches are all kept (a key may be described by any of them).
 */
import { SCHEMA_FILES } from '../pyproject/schema/schema-files';

export interface SchemaNode {
  readonly schema: Record<string, unknown>;
  /** File the node lives in (for relative `$ref`s). */
  readonly file: string;
}

const MAX_DEPTH = 24;

function pointer(root: unknown, frag: string): unknown {
  let node = root;
  for (const raw of frag.replace(/^\//, '').split('/').filter(Boolean)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[seg];
  }
  return node;
}

function deref(node: SchemaNode, depth = 0): SchemaNode[] {
  if (depth > MAX_DEPTH) return [];
  const ref = node.schema.$ref;
  const here: SchemaNode[] = [];
  if (typeof ref === 'string') {
    const [filePart, frag = ''] = ref.split('#');
    const file = filePart ? (filePart.split('/').pop() as string) : node.file;
    const target = pointer(SCHEMA_FILES[file], frag);
    if (target && typeof target === 'object') {
      // Keep the referencing node's own annotations (title/description) too.
      here.push({ schema: { ...(target as Record<string, unknown>), ...stripRef(node.schema) }, file });
      return here.flatMap((n) => expand(n, depth + 1));
    }
  }
  return expand(node, depth);
}

function stripRef(s: Record<string, unknown>): Record<string, unknown> {
  const { $ref: _ref, ...rest } = s;
  return rest;
}

function expand(node: SchemaNode, depth: number): SchemaNode[] {
  if (typeof node.schema.$ref === 'string') return deref(node, depth);
  const out: SchemaNode[] = [node];
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    const list = node.schema[k];
    if (Array.isArray(list)) {
      for (const b of list) if (b && typeof b === 'object') out.push(...deref({ schema: b as Record<string, unknown>, file: node.file }, depth + 1));
    }
  }
  return out;
}

function child(node: SchemaNode, key: string): SchemaNode[] {
  const s = node.schema;
  const props = s.properties as Record<string, Record<string, unknown>> | undefined;
  if (props && Object.hasOwn(props, key)) return deref({ schema: props[key] as Record<string, unknown>, file: node.file });
  const patterns = s.patternProperties as Record<string, Record<string, unknown>> | undefined;
  for (const [re, sub] of Object.entries(patterns ?? {})) {
    try {
      if (new RegExp(re, 'u').test(key)) return deref({ schema: sub, file: node.file });
    } catch {
      // A pattern JavaScript cannot compile is skipped, not fatal.
    }
  }
  const extra = s.additionalProperties;
  if (extra && typeof extra === 'object') return deref({ schema: extra as Record<string, unknown>, file: node.file });
  return [];
}

function items(node: SchemaNode): SchemaNode[] {
  const it = node.schema.items;
  return it && typeof it === 'object' && !Array.isArray(it) ? deref({ schema: it as Record<string, unknown>, file: node.file }) : [];
}

/** Schema nodes for `path`; array values are stepped into implicitly (TOML arrays of tables). */
export function schemasAt(path: readonly string[]): SchemaNode[] {
  let nodes = deref({ schema: SCHEMA_FILES['pyproject.json'] as Record<string, unknown>, file: 'pyproject.json' });
  for (const key of path) {
    const next: SchemaNode[] = [];
    for (const n of nodes) {
      next.push(...child(n, key));
      for (const i of items(n)) next.push(...child(i, key));
    }
    nodes = next;
    if (nodes.length === 0) break;
  }
  return nodes;
}

/** The item schemas of an array at `path` (for completing array elements). */
export function itemSchemasAt(path: readonly string[]): SchemaNode[] {
  return schemasAt(path).flatMap(items);
}

export interface KeyDoc {
  readonly key: string;
  readonly title?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly link?: string;
}

function text(s: Record<string, unknown>, k: string): string | undefined {
  return typeof s[k] === 'string' ? (s[k] as string) : undefined;
}

/** Documentation for one schema node (first branch that says something). */
export function docOf(nodes: readonly SchemaNode[], key: string): KeyDoc | null {
  for (const { schema } of nodes) {
    const description = text(schema, 'markdownDescription') ?? text(schema, 'description');
    const title = text(schema, 'title');
    if (description || title) {
      const links = (schema['x-taplo'] as { links?: { key?: string } } | undefined)?.links;
      return { key, title, description, deprecated: schema.deprecated === true, link: links?.key };
    }
  }
  return null;
}

/** Keys a table at `path` may hold, with their docs. */
export function keysAt(path: readonly string[]): KeyDoc[] {
  const seen = new Map<string, KeyDoc>();
  for (const n of schemasAt(path)) {
    for (const [k, sub] of Object.entries((n.schema.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
      if (!seen.has(k)) seen.set(k, docOf(deref({ schema: sub, file: n.file }), k) ?? { key: k, deprecated: false });
    }
  }
  return [...seen.values()];
}

/** Enum / const values allowed at `path` (or for its array items). */
export function enumValuesAt(path: readonly string[], inArray: boolean): string[] {
  const nodes = inArray ? itemSchemasAt(path) : schemasAt(path);
  const out = new Set<string>();
  for (const { schema } of nodes) {
    if (Array.isArray(schema.enum)) for (const v of schema.enum) if (typeof v === 'string') out.add(v);
    if (typeof schema.const === 'string') out.add(schema.const);
  }
  return [...out];
}
