/**
 * Layered validation of pyproject.toml.
 *
 * 1. TOML syntax (toml/parse.ts). A file that is not TOML gets only that diagnostic.
 * 2. JSON Schema: SchemaStore pyproject.json and its `[tool.*]` schemas (schema/).
 * 3. Semantic checks the schemas cannot make (semantic/), and backend capability (backends/).
 * 4. With a project folder or a name lookup: environment checks (environment.ts, async).
 *
 * Schema findings that a later layer explains better (name, version, dynamic) are dropped in
 * favour of the later layer's diagnostic.
 */
import type { ErrorObject } from 'ajv';
import { checkBuildSystem } from './backends/check-backend';
import type { ValidDocument } from './diagnostic-builder';
import { checkEnvironment } from './environment';
import { validateSchema } from './schema/validate-schema';
import { checkClassifiers } from './semantic/classifiers';
import { checkContext, type SemanticCheck } from './semantic/context';
import { checkDependencyGroups } from './semantic/dependency-groups';
import { checkDynamic, suppressDynamicSchemaErrors } from './semantic/dynamic';
import { checkImportNames } from './semantic/import-names';
import { checkLicense } from './semantic/license';
import { checkLicenseFileSyntax } from './semantic/license-files';
import { checkNameAndVersion, suppressNameVersionSchemaErrors } from './semantic/name-version';
import { checkEntryPoints, checkPeopleAndText, checkReadme, suppressUrlSchemaErrors } from './semantic/project-fields';
import { checkRequirements } from './semantic/requirements';
import { checkRequiresPython } from './semantic/requires-python';
import { parseDocument, type ParsedDocument } from './toml/parse';
import type { DataPath } from './toml/locate';
import type { Diagnostic, ValidationContext } from './types';

const SEMANTIC_CHECKS: readonly SemanticCheck[] = [
  checkNameAndVersion,
  checkDynamic,
  checkRequirements,
  checkDependencyGroups,
  checkClassifiers,
  checkLicense,
  checkLicenseFileSyntax,
  checkImportNames,
  checkReadme,
  checkEntryPoints,
  checkPeopleAndText,
];

const suppress = (path: DataPath, e: ErrorObject): boolean =>
  suppressDynamicSchemaErrors(path, e) || suppressNameVersionSchemaErrors(path, e) || suppressUrlSchemaErrors(path, e);

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.offset - b.range.start.offset || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
}

function isValid(doc: ParsedDocument): doc is ValidDocument {
  return doc.ast !== null && doc.value !== null && doc.index !== null;
}

function runSync(doc: ParsedDocument, ctx: ValidationContext, out: Diagnostic[]): ReturnType<typeof checkContext> | null {
  if (doc.syntaxError || !isValid(doc)) {
    if (doc.syntaxError) out.push(doc.syntaxError);
    return null;
  }
  out.push(...validateSchema(doc, suppress));
  const c = checkContext(doc, out);
  for (const check of SEMANTIC_CHECKS) check(c);
  checkRequiresPython(c, ctx.currentPythons);
  checkBuildSystem(checkContext(doc, out, 'backend'));
  return c;
}

/** Every diagnostic that needs no I/O (fast enough to run on each keystroke). */
export function validatePyprojectSync(text: string, ctx: ValidationContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  runSync(parseDocument(text), ctx, out);
  return sortDiagnostics(out);
}

/**
 * Validate a pyproject.toml text: all layers, plus the folder and index checks that `ctx`
 * enables (`projectDir`, `nameLookup`).
 */
export async function validatePyproject(text: string, ctx: ValidationContext = {}): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const doc = parseDocument(text);
  const c = runSync(doc, ctx, out);
  if (c && isValid(doc)) await checkEnvironment(checkContext(doc, out, 'environment'), ctx);
  return sortDiagnostics(out);
}

/** True when no diagnostic is an error (the verdict the differential test compares). */
export function isValidVerdict(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.every((d) => d.severity !== 'error');
}
