/**
 * Documentation of keys from the bundled schemas, for editor hovers and key completion:
 * SchemaStore's `markdownDescription`/`description`, types, allowed values and the keys a
 * table accepts.
 */
import type { DataPath } from '../toml/locate';
import { EXTRA_TOOL_SCHEMAS, SCHEMA_FILES } from './schema-files';

type Schema = { [k: string]: unknown };

interface Located {
  readonly schema: Schema;
  /** The schema document `#/…` refs resolve against. */
  readonly root: Schema;
}

export interface KeyDoc {
  readonly title?: string;
  /** Markdown when the schema has it, else plain text. */
  readonly description?: string;
  readonly types: readonly string[];
  readonly enum?: readonly unknown[];
  readonly deprecated: boolean;
}

export interface KeyCompletion {
  readonly key: string;
  readonly doc: KeyDoc;
}

const ROOT = SCHEMA_FILES['pyproject.json'] as Schema;

function resolve(loc: Located): Located {
  let { schema, root } = loc;
  for (let i = 0; i < 10 && typeof schema.$ref === 'string'; i++) {
    const ref = schema.$ref;
    const [file, pointer = ''] = ref.split('#');
    if (file) {
      const doc = SCHEMA_FILES[file.replace(/^.*\//, '')] as Schema | undefined;
      if (!doc) break;
      root = doc;
    }
    let cur: unknown = root;
    for (const seg of pointer.split('/').filter(Boolean)) cur = (cur as Schema | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!cur || typeof cur !== 'object') break;
    schema = cur as Schema;
  }
  return { schema, root };
}

/** Alternatives of a schema (oneOf/anyOf/allOf branches), the schema itself first. */
function alternatives(loc: Located): Located[] {
  const out = [loc];
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    const list = loc.schema[k];
    if (Array.isArray(list)) for (const b of list) if (b && typeof b === 'object') out.push(resolve({ schema: b as Schema, root: loc.root }));
  }
  return out;
}

function child(loc: Located, seg: string | number): Located | null {
  for (const alt of alternatives(loc)) {
    const s = alt.schema;
    if (typeof seg === 'number') {
      if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) return resolve({ schema: s.items as Schema, root: alt.root });
      continue;
    }
    const props = s.properties as Record<string, Schema> | undefined;
    if (props?.[seg]) return resolve({ schema: props[seg], root: alt.root });
    const patterns = s.patternProperties as Record<string, Schema> | undefined;
    for (const [re, sub] of Object.entries(patterns ?? {})) if (new RegExp(re, 'u').test(seg)) return resolve({ schema: sub, root: alt.root });
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return resolve({ schema: s.additionalProperties as Schema, root: alt.root });
  }
  return null;
}

function locate(path: DataPath): Located | null {
  let loc: Located | null = { schema: ROOT, root: ROOT };
  for (let i = 0; i < path.length && loc; i++) {
    const seg = path[i] as string | number;
    if (i === 1 && path[0] === 'tool' && typeof seg === 'string' && EXTRA_TOOL_SCHEMAS[seg]) {
      const s = EXTRA_TOOL_SCHEMAS[seg] as Schema;
      loc = { schema: s, root: s };
    } else loc = child(loc, seg);
  }
  return loc;
}

function docOf(loc: Located): KeyDoc {
  const s = loc.schema;
  const types = new Set<string>();
  for (const alt of alternatives(loc)) {
    const t = alt.schema.type;
    if (typeof t === 'string') types.add(t);
    else if (Array.isArray(t)) for (const x of t) types.add(String(x));
  }
  const description = typeof s.markdownDescription === 'string' ? s.markdownDescription : typeof s.description === 'string' ? s.description : undefined;
  return {
    ...(typeof s.title === 'string' ? { title: s.title } : {}),
    ...(description ? { description } : {}),
    types: [...types],
    ...(Array.isArray(s.enum) ? { enum: s.enum } : {}),
    deprecated: s.deprecated === true,
  };
}

/** Documentation of the key or value at `path`, or null when no schema describes it. */
export function keyDoc(path: DataPath): KeyDoc | null {
  const loc = locate(path);
  return loc ? docOf(loc) : null;
}

/** Keys the table at `path` accepts by name (for completion), with their documentation. */
export function keyCompletions(path: DataPath): KeyCompletion[] {
  const loc = locate(path);
  if (!loc) return [];
  const out = new Map<string, KeyDoc>();
  for (const alt of alternatives(loc)) {
    const props = alt.schema.properties as Record<string, Schema> | undefined;
    for (const [key, sub] of Object.entries(props ?? {})) if (!out.has(key)) out.set(key, docOf(resolve({ schema: sub, root: alt.root })));
  }
  if (path.length === 1 && path[0] === 'tool') for (const name of Object.keys(EXTRA_TOOL_SCHEMAS)) if (!out.has(name)) out.set(name, docOf({ schema: EXTRA_TOOL_SCHEMAS[name] as Schema, root: EXTRA_TOOL_SCHEMAS[name] as Schema }));
  return [...out].map(([key, doc]) => ({ key, doc }));
}
