/**
 * Compile SchemaStore's pyproject.json (draft-07) with ajv, tool schemas lazily.
 *
 * Loading notes from shared/schemas/SOURCES.md: every file is registered under both
 * `https://json.schemastore.org/` and `https://www.schemastore.org/` (tombi and quikrun are
 * referenced by the latter); vendor keywords need `strict: false`. The `[tool.*]` schemas are
 * 80–190 KB each, so the root schema is compiled without them and each tool's schema is compiled
 * the first time a file uses that tool (compiling all of them takes seconds).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { addCustomFormats } from './formats';
import { EXTRA_TOOL_SCHEMAS, SCHEMA_FILES } from './schema-files';

const HOSTS = ['https://json.schemastore.org/', 'https://www.schemastore.org/'] as const;
const ROOT_ID = 'https://json.schemastore.org/pyproject.json';

interface Compiled {
  readonly ajv: Ajv;
  readonly root: ValidateFunction;
  /** `tool.<name>` → absolute `$ref` of its schema. */
  readonly toolRefs: ReadonlyMap<string, string>;
  readonly tools: Map<string, ValidateFunction>;
}

let compiled: Compiled | null = null;

function build(): Compiled {
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, allowUnionTypes: true, logger: false, validateSchema: false });
  addFormats(ajv);
  addCustomFormats(ajv);
  for (const [file, schema] of Object.entries(SCHEMA_FILES)) {
    const own = (schema as { $id?: string }).$id;
    if (own) ajv.addSchema(schema);
    for (const host of HOSTS) {
      const url = host + file;
      if (url !== own) ajv.addSchema({ ...schema, $id: url });
    }
  }
  const pyproject = SCHEMA_FILES['pyproject.json'] as {
    properties: { tool: { properties: Record<string, { $ref?: string }> } };
  };
  const toolRefs = new Map<string, string>();
  for (const [name, prop] of Object.entries(pyproject.properties.tool.properties)) {
    if (prop.$ref) toolRefs.set(name, new URL(prop.$ref, ROOT_ID).href);
  }
  for (const [name, schema] of Object.entries(EXTRA_TOOL_SCHEMAS)) {
    if (toolRefs.has(name)) continue;
    const id = `https://packwright.invalid/extra-tool-${name}.json`;
    ajv.addSchema({ ...schema, $id: id });
    toolRefs.set(name, id);
  }
  // The root without tool schemas: `tool.<name>` must still be a table (additionalProperties).
  const rootSchema = {
    ...pyproject,
    $id: 'https://packwright.invalid/pyproject-root.json',
    properties: { ...pyproject.properties, tool: { ...pyproject.properties.tool, properties: {} } },
  };
  return { ajv, root: ajv.compile(rootSchema), toolRefs, tools: new Map() };
}

function get(): Compiled {
  compiled ??= build();
  return compiled;
}

/** Names of the `[tool.*]` tables that have a schema. */
export function knownToolNames(): readonly string[] {
  return [...get().toolRefs.keys()];
}

function toolValidator(c: Compiled, name: string): ValidateFunction | null {
  const ref = c.toolRefs.get(name);
  if (!ref) return null;
  let fn = c.tools.get(name);
  if (!fn) {
    fn = c.ajv.compile({ $id: `https://packwright.invalid/tool-${encodeURIComponent(name)}.json`, $ref: ref });
    c.tools.set(name, fn);
  }
  return fn;
}

/** An ajv error (instancePath from the document root) and the schema file it came from. */
export interface SchemaIssue {
  readonly error: ErrorObject;
  /** The schema document whose `#/…` pointers the error's schemaPath uses. */
  readonly root: object;
}

/** Validate plain data against pyproject.json and the tool schemas. */
export function schemaErrors(data: Record<string, unknown>): SchemaIssue[] {
  const c = get();
  const errors: SchemaIssue[] = [];
  if (!c.root(data)) for (const error of c.root.errors ?? []) errors.push({ error, root: SCHEMA_FILES['pyproject.json'] as object });
  const tool = data.tool;
  if (tool && typeof tool === 'object' && !Array.isArray(tool)) {
    for (const [name, value] of Object.entries(tool)) {
      const fn = toolValidator(c, name);
      if (!fn || fn(value)) continue;
      const prefix = `/tool/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const file = (c.toolRefs.get(name) ?? '').replace(/^.*\//, '');
      const root = SCHEMA_FILES[file] ?? EXTRA_TOOL_SCHEMAS[name] ?? {};
      for (const e of fn.errors ?? []) errors.push({ error: { ...e, instancePath: prefix + e.instancePath }, root });
    }
  }
  return errors;
}

/** Compile the root schema now (e.g. at app start) instead of on the first validation. */
export function warmUpSchemas(tools: readonly string[] = []): void {
  const c = get();
  for (const t of tools) toolValidator(c, t);
}
