/**
 * The contract: every procedure and event stream between the UI and the Node side.
 *
 * Contract-first (oRPC): the renderer types its client from this object alone, and the
 * Node side implements it with `implement(contract)`. Inputs and outputs are zod schemas,
 * checked on both sides of every transport.
 */
import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { AppInfoSchema } from './app';
import { ApplyFixInputSchema, ApplyFixResultSchema, CheckInputSchema, DependenciesOptionsSchema, ProjectInputsSchema, ResolveInputSchema } from './dependencies';
import { appErrorMap } from './errors';
import { OpEventSchema, OpIdSchema, OpInfoSchema, OpStartedSchema } from './ops';
import { FolderCompletionSchema, PathSchema, ProjectSummarySchema, RecentProjectSchema } from './project';
import { CreatedTokenSchema, CreateTokenInputSchema, DeleteInputSchema, IndexContentsSchema, LocalIndexStartInputSchema, LocalIndexStatusSchema, ReleaseRefSchema, SessionRefSchema, UploadTokenSchema, YankInputSchema } from './releases';
import { PyprojectTextSchema, LoadedPyprojectSchema, MergeOutcomeSchema, MergeRequestSchema, SaveOutcomeSchema, SaveRequestSchema, ValidateRequestSchema, ValidateResultSchema, AssistRequestSchema, HoverResultSchema, CompletionItemSchema } from './pyproject';
import {
  CatalogueSchema,
  ClassifierTreeSchema,
  CreateOutcomeSchema,
  CreateRequestSchema,
  DependencyLicenseSchema,
  EditedTextSchema,
  LicenseCheckSchema,
  LicenseCompletionSchema,
  LicenseSuggestionSchema,
  MigrationProposalSchema,
  NameCheckSchema,
  PreviewRequestSchema,
  PreviewSchema,
  StartOutputSchema,
  BackendIdSchema,
  LayoutSchema,
  ValuesPatchSchema,
  VersionSuggestionsSchema,
  WizardReadSchema,
} from './wizard';

const base = oc.errors(appErrorMap);

export const contract = {
  app: {
    info: base.output(AppInfoSchema),
  },
  project: {
    open: base.input(z.object({ folder: PathSchema })).output(ProjectSummarySchema),
    summary: base.input(z.object({ folder: PathSchema })).output(ProjectSummarySchema),
    recent: base.output(z.array(RecentProjectSchema)),
    forget: base.input(z.object({ folder: PathSchema })).output(z.object({ removed: z.boolean() })),
    /** Watch pyproject.toml; each change arrives as a `data` event carrying a ProjectSummary. */
    watch: base.input(z.object({ folder: PathSchema })).output(OpStartedSchema),
    /** Native folder dialog; UNSUPPORTED in browser mode (the UI offers a path field there). */
    pickFolder: base.output(z.object({ folder: z.string().nullable() })),
  },
  pyproject: {
    load: base.input(z.object({ folder: PathSchema })).output(LoadedPyprojectSchema),
    /** Atomic save; a `conflict` outcome (not an error) when the disk changed since `baseHash`. */
    save: base.input(SaveRequestSchema).output(SaveOutcomeSchema),
    /** Three-way merge of the user's edits with the disk version (conflict markers where both changed). */
    merge: base.input(MergeRequestSchema).output(MergeOutcomeSchema),
    /** Layered diagnostics (TOML, schema, semantic, backend; with `full`, the project's files too). */
    validate: base.input(ValidateRequestSchema).output(ValidateResultSchema),
    /** Documentation for the key, table or known value at `offset` (schema, classifiers, SPDX). */
    hover: base.input(AssistRequestSchema).output(HoverResultSchema),
    /** Completions at `offset`: keys, tables, classifiers, SPDX ids, backends, enum values. */
    complete: base.input(AssistRequestSchema).output(z.array(CompletionItemSchema)),
  },
  fs: {
    completeFolder: base
      .input(z.object({ prefix: PathSchema, limit: z.number().int().min(1).max(200).default(50) }))
      .output(FolderCompletionSchema),
  },
  dependencies: {
    /** Targets for the picker, the default matrix, the machine's local indexes. */
    options: base.output(DependenciesOptionsSchema),
    /** The project's dependencies, extras and dependency groups (from `text` when given: the editor's buffer). */
    projectInputs: base.input(z.object({ folder: PathSchema, text: z.string().max(2_000_000).optional() })).output(ProjectInputsSchema),
    /** Resolve for one target: `stats`, `result`, then `suggestions` data events (DependenciesEvent). */
    resolve: base.input(ResolveInputSchema).output(OpStartedSchema),
    /** Resolve for several targets: one `target` data event each, then `matrix`. */
    check: base.input(CheckInputSchema).output(OpStartedSchema),
    /** Replace or remove requirement items of a pyproject.toml text (format-preserving); returns the new text. */
    applyFix: base.input(ApplyFixInputSchema).output(ApplyFixResultSchema),
  },
  /** The new-project / existing-project wizard (edits return the new text and minimal edits). */
  wizard: {
    catalogue: base.output(CatalogueSchema),
    /** Defaults and the first pyproject.toml text for a new project in a folder (not written). */
    start: base.input(z.object({ folder: PathSchema })).output(StartOutputSchema),
    /** The wizard's current values from the buffer's text. */
    read: base.input(z.object({ text: PyprojectTextSchema })).output(WizardReadSchema),
    /** A step's values as format-preserving edits of the text. */
    apply: base.input(z.object({ text: PyprojectTextSchema, patch: ValuesPatchSchema })).output(EditedTextSchema),
    /** The files a new project would get, and which already exist. */
    preview: base.input(PreviewRequestSchema).output(PreviewSchema),
    /** Write the new project (atomic per file; refuses to overwrite unless told). */
    create: base.input(CreateRequestSchema).output(CreateOutcomeSchema),
    classifiers: base.output(ClassifierTreeSchema),
    /** Normalized name, import name, availability on the configured index. */
    checkName: base.input(z.object({ name: z.string().max(500) })).output(NameCheckSchema),
    /** Versions of a project on the configured index, with requirement suggestions. */
    versions: base.input(z.object({ project: z.string().min(1).max(500) })).output(VersionSuggestionsSchema),
    /** Licenses the dependencies declare (latest release on the configured index). */
    dependencyLicenses: base.input(z.object({ requirements: z.array(z.string().max(10_000)).max(200) })).output(z.array(DependencyLicenseSchema)),
    license: {
      check: base.input(z.object({ expression: z.string().max(10_000), backend: BackendIdSchema.nullable().default(null) })).output(LicenseCheckSchema),
      complete: base.input(z.object({ text: z.string().max(10_000), cursor: z.number().int().min(0) })).output(LicenseCompletionSchema),
      suggest: base.input(z.object({ family: z.enum(['public-domain-like', 'permissive', 'weak-copyleft', 'strong-copyleft']).optional(), patentGrant: z.boolean().optional() })).output(z.array(LicenseSuggestionSchema)),
      /** Set (or clear) the license; license-files follow when the wizard manages them. */
      set: base.input(z.object({ text: PyprojectTextSchema, expression: z.string().max(10_000).nullable(), newProject: z.boolean(), layout: LayoutSchema.optional() })).output(EditedTextSchema),
      /** PEP 639 migration proposal for a license table or License classifiers. */
      migration: base.input(z.object({ text: PyprojectTextSchema, folder: PathSchema.nullable() })).output(MigrationProposalSchema),
      /** Apply the migration the user confirmed with `expression` (never without `confirmed`). */
      migrate: base.input(z.object({ text: PyprojectTextSchema, folder: PathSchema.nullable(), expression: z.string().min(1).max(10_000), confirmed: z.literal(true) })).output(EditedTextSchema),
    },
  },
  releases: {
    /** The app's local index: running state, addresses, settings, content revision. */
    status: base.output(LocalIndexStatusSchema),
    /** Start it (loopback only); a second start returns the running one. */
    start: base.input(LocalIndexStartInputSchema).output(LocalIndexStatusSchema),
    stop: base.output(LocalIndexStatusSchema),
    /** Projects → releases → files, and live PEP 694 sessions. */
    contents: base.output(IndexContentsSchema),
    /** PEP 592 yank of a whole release, with a reason. */
    yank: base.input(YankInputSchema).output(z.object({ ok: z.literal(true) })),
    unyank: base.input(ReleaseRefSchema).output(z.object({ ok: z.literal(true) })),
    /** Delete a release or some files; their filenames can never be reused. */
    delete: base.input(DeleteInputSchema).output(z.object({ deleted: z.array(z.string()) })),
    listTokens: base.output(z.array(UploadTokenSchema)),
    /** The token string is returned once and never again. */
    createToken: base.input(CreateTokenInputSchema).output(CreatedTokenSchema),
    revokeToken: base.input(z.object({ id: z.string().regex(/^[0-9a-f]{12}$/) })).output(z.object({ ok: z.literal(true) })),
    /** PEP 694: make every staged file public at once. */
    publishSession: base.input(SessionRefSchema).output(z.object({ ok: z.literal(true) })),
    cancelSession: base.input(SessionRefSchema).output(z.object({ ok: z.literal(true) })),
  },
  ops: {
    list: base.output(z.array(OpInfoSchema)),
    cancel: base.input(z.object({ opId: OpIdSchema })).output(z.object({ cancelled: z.boolean() })),
    /** Replays buffered events after `after`, then streams live ones until the op ends. */
    events: base
      .input(z.object({ opId: OpIdSchema, after: z.number().int().min(-1).default(-1) }))
      .output(eventIterator(OpEventSchema)),
  },
};

export type Contract = typeof contract;
