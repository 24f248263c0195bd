/**
 * Schemas of the new-project / existing-project wizard: the values its steps edit, edits of the
 * pyproject.toml text, new-project files, and the look-ups (names, versions, licenses,
 * classifiers). Every edit returns the new text plus the minimal text edits, so the wizard and
 * the editor always show the same buffer.
 */
import { z } from 'zod';
import { PathSchema } from './project';
import { PyprojectTextSchema, TextEditSchema } from './pyproject';

export const BACKEND_ID_VALUES = ['hatchling', 'setuptools', 'flit-core', 'pdm-backend', 'poetry-core', 'maturin', 'scikit-build-core', 'meson-python'] as const;
export const BackendIdSchema = z.enum(BACKEND_ID_VALUES);
export type BackendIdDto = z.infer<typeof BackendIdSchema>;
export const LayoutSchema = z.enum(['src', 'flat']);

const Short = z.string().max(10_000);
export const PersonSchema = z.object({ name: Short.optional(), email: Short.optional() });
export type PersonDto = z.infer<typeof PersonSchema>;
export const GroupItemSchema = z.union([Short, z.object({ includeGroup: Short })]);
const StringMapSchema = z.record(Short, Short);
const ListSchema = z.array(Short).max(5_000);

/** The `[project]` / `[dependency-groups]` values of the wizard (PEP 621 keys in camelCase). */
export const ProjectValuesSchema = z.object({
  name: Short.nullable(),
  version: Short.nullable(),
  description: Short.nullable(),
  readme: Short.nullable(),
  requiresPython: Short.nullable(),
  license: Short.nullable(),
  licenseFiles: ListSchema.nullable(),
  authors: z.array(PersonSchema).max(500),
  maintainers: z.array(PersonSchema).max(500),
  keywords: ListSchema,
  classifiers: ListSchema,
  dependencies: ListSchema,
  optionalDependencies: z.record(Short, ListSchema),
  dependencyGroups: z.record(Short, z.array(GroupItemSchema).max(5_000)),
  scripts: StringMapSchema,
  guiScripts: StringMapSchema,
  entryPoints: z.record(Short, StringMapSchema),
  urls: StringMapSchema,
});
export type ProjectValuesDto = z.infer<typeof ProjectValuesSchema>;

/** Values to change (absent keys stay); `backend` and `layout` shape [build-system] and [tool.*]. */
export const ValuesPatchSchema = ProjectValuesSchema.partial().extend({ backend: BackendIdSchema.optional(), layout: LayoutSchema.optional() });
export type ValuesPatchDto = z.infer<typeof ValuesPatchSchema>;

export const EditedTextSchema = z.object({ text: z.string(), edits: z.array(TextEditSchema) });
export type EditedText = z.infer<typeof EditedTextSchema>;

export const WizardReadSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    values: ProjectValuesSchema,
    dynamic: z.array(z.string()),
    buildSystem: z.object({ buildBackend: z.string().nullable(), requires: z.array(z.string()), backend: BackendIdSchema.nullable() }).nullable(),
    legacyLicense: z.object({ table: z.object({ text: z.string().optional(), file: z.string().optional() }).nullable(), classifiers: z.array(z.string()) }),
    importName: z.string().nullable(),
    unreadable: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), message: z.string(), line: z.number().int(), column: z.number().int() }),
]);
export type WizardReadDto = z.infer<typeof WizardReadSchema>;

export const CatalogueSchema = z.object({
  backends: z.array(z.object({ id: BackendIdSchema, label: z.string(), why: z.string(), buildBackend: z.string(), requirement: z.string(), native: z.boolean() })),
  licenseFamilies: z.array(z.object({ family: z.string(), title: z.string(), summary: z.string() })),
  defaultRequiresPython: z.string(),
});
export type CatalogueDto = z.infer<typeof CatalogueSchema>;

export const StartOutputSchema = z.object({
  text: z.string(),
  backend: BackendIdSchema,
  layout: LayoutSchema,
  values: ProjectValuesSchema,
});

const FileOptionsShape = {
  folder: PathSchema,
  text: PyprojectTextSchema,
  layout: LayoutSchema,
  tests: z.boolean(),
  /** Copyright holder for LICENSE texts (default: the authors). */
  holder: Short.optional(),
};
export const PreviewRequestSchema = z.object(FileOptionsShape);
export const PreviewSchema = z.object({
  files: z.array(z.object({ path: z.string(), role: z.string(), status: z.enum(['new', 'same', 'different']), bytes: z.number().int(), preview: z.string().nullable() })),
  warnings: z.array(z.string()),
  importName: z.string(),
});
export type PreviewDto = z.infer<typeof PreviewSchema>;
export const CreateRequestSchema = z.object({ ...FileOptionsShape, overwrite: z.boolean().default(false) });
export const CreateOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), written: z.array(z.string()), unchanged: z.array(z.string()), pyprojectHash: z.string().nullable() }),
  z.object({ kind: z.literal('exists'), files: z.array(z.string()) }),
]);

interface ClassifierNodeShape {
  label: string;
  path: string;
  selectable: boolean;
  licenseClassifier: boolean;
  children: ClassifierNodeShape[];
}
export const ClassifierNodeSchema: z.ZodType<ClassifierNodeShape> = z.object({
  label: z.string(),
  path: z.string(),
  selectable: z.boolean(),
  licenseClassifier: z.boolean(),
  get children() {
    return z.array(ClassifierNodeSchema);
  },
});
export type ClassifierNodeDto = ClassifierNodeShape;
export const ClassifierTreeSchema = z.object({
  version: z.string(),
  roots: z.array(ClassifierNodeSchema),
  deprecated: z.array(z.object({ classifier: z.string(), replacements: z.array(z.string()) })),
});

export const NameCheckSchema = z.object({
  name: z.string(),
  valid: z.boolean(),
  problem: z.string().nullable(),
  normalized: z.string(),
  importName: z.string().nullable(),
  importProblem: z.string().nullable(),
  availability: z.object({ exists: z.boolean(), similar: z.array(z.string()), indexLabel: z.string() }).nullable(),
});
export type NameCheckDto = z.infer<typeof NameCheckSchema>;

export const VersionSuggestionsSchema = z.object({
  project: z.string(),
  versions: z.array(z.string()),
  latest: z.string().nullable(),
  suggestions: z.array(z.object({ requirement: z.string(), why: z.string() })),
  indexLabel: z.string(),
});
export type VersionSuggestionsDto = z.infer<typeof VersionSuggestionsSchema>;

export const DependencyLicenseSchema = z.object({
  requirement: z.string(),
  project: z.string(),
  version: z.string().nullable(),
  expression: z.string().nullable(),
  source: z.enum(['License-Expression', 'classifier', 'License', 'unknown', 'not-found']),
  text: z.string().nullable(),
  family: z.string().nullable(),
});
export type DependencyLicenseDto = z.infer<typeof DependencyLicenseSchema>;

export const LicenseCheckSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    canonical: z.string(),
    changed: z.boolean(),
    warnings: z.array(z.object({ message: z.string(), offset: z.number().int(), length: z.number().int(), replacements: z.array(z.string()) })),
    parts: z.array(z.object({ id: z.string(), kind: z.enum(['license', 'license-ref', 'exception']), name: z.string().nullable(), osiApproved: z.boolean().nullable(), family: z.string().nullable() })),
    backendNote: z.string().nullable(),
  }),
  z.object({ ok: z.literal(false), message: z.string(), packagingMessage: z.string(), offset: z.number().int(), length: z.number().int(), suggestions: z.array(z.string()), hint: z.string().nullable() }),
]);
export type LicenseCheckDto = z.infer<typeof LicenseCheckSchema>;

export const LicenseCompletionSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  expecting: z.enum(['license', 'exception', 'operator']),
  items: z.array(z.object({ label: z.string(), insertText: z.string(), kind: z.enum(['license', 'license-ref', 'exception', 'operator', 'paren']), detail: z.string().optional(), osiApproved: z.boolean().optional(), deprecated: z.boolean().optional() })),
});
export type LicenseCompletionDto = z.infer<typeof LicenseCompletionSchema>;

export const LicenseSuggestionSchema = z.object({ expression: z.string(), family: z.string(), patentGrant: z.boolean(), explanation: z.string(), osiApproved: z.boolean(), fsfLibre: z.boolean().nullable() });
export type LicenseSuggestionDto = z.infer<typeof LicenseSuggestionSchema>;

export const MigrationProposalSchema = z.object({
  status: z.enum(['proposed', 'needs-choice', 'nothing-to-migrate']),
  expression: z.string().nullable(),
  options: z.array(z.string()),
  requiresConfirmation: z.literal(true),
  choices: z.array(z.object({ kind: z.enum(['pick', 'combine']), subject: z.string().optional(), candidates: z.array(z.string()).optional(), parts: z.array(z.string()).optional(), reason: z.string() })),
  findings: z.array(z.object({ classifier: z.string(), status: z.string(), spdx: z.string().nullable(), candidates: z.array(z.string()), needsChoice: z.boolean(), ignored: z.boolean(), deprecatedClassifier: z.boolean(), note: z.string().optional() })),
  warnings: z.array(z.object({ severity: z.enum(['info', 'warning', 'prominent']), message: z.string(), subject: z.string().optional() })),
  removeClassifiers: z.array(z.string()),
  licenseFiles: z.array(z.string()).nullable(),
});
export type MigrationProposalDto = z.infer<typeof MigrationProposalSchema>;
