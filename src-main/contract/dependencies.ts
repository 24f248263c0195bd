/**
 * Schemas for the Dependencies workspace (issue 6): start a resolution or a multi-environment
 * check as an operation, read the project's requirements, and turn a fix into an edit of the
 * pyproject.toml buffer.
 *
 * A resolution streams `data` events whose payload is a DependenciesEvent: `stats` while it
 * runs (packages listed, metadata fetched, decisions, backtracks), one `result` (pins and the
 * dependency graph, or the explanation and the conflict graph), then `suggestions` for a
 * failure (verified relaxations; they take a few seconds more). A check streams one `target`
 * per environment and a final `matrix`.
 */
import { z } from 'zod';
import { TextEditSchema } from './pyproject';

const Text = z.string().max(4000);

/** A data path inside pyproject.toml (keys and array indices). */
export const DataPathSchema = z.array(z.union([z.string().max(200), z.number().int().nonnegative()])).max(16);

/** Where a root requirement came from (null: typed in a "what if"). */
export const RequirementOriginSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pyproject'),
    path: DataPathSchema,
    text: Text,
    from: z.string().max(300),
    /** The text was derived (a self-referencing extra's marker combined in): not written back. */
    derived: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('pasted'), line: z.number().int().positive(), text: Text }),
]);
export type RequirementOrigin = z.infer<typeof RequirementOriginSchema>;

export const RootRequirementSchema = z.object({ text: Text, origin: RequirementOriginSchema.nullable() });
export type RootRequirement = z.infer<typeof RootRequirementSchema>;

/** A named target (`cp312-manylinux_2_28_x86_64`) or a Python version with a platform. */
export const TargetInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('named'), id: z.string().min(1).max(100) }),
  z.object({
    kind: z.literal('custom'),
    python: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'a Python version such as 3.12'),
    platform: z.string().max(100).optional(),
  }),
]);
export type TargetInput = z.infer<typeof TargetInputSchema>;

/** Where packages come from: index URLs (PEP 503/691, http(s) or file://) and find-links locations. */
export const IndexInputSchema = z.object({
  urls: z.array(z.string().min(1).max(2000)).max(10).default([]),
  findLinks: z.array(z.string().min(1).max(2000)).max(10).default([]),
  /** Also use the machine's local index (PACKWRIGHT_LOCAL_INDEX or pip's configuration). */
  useLocal: z.boolean().default(false),
  strategy: z.enum(['first-index', 'unsafe-first-match', 'unsafe-best-match']).default('first-index'),
  /** Serve only from the HTTP cache. */
  offline: z.boolean().default(false),
});
export type IndexInput = z.infer<typeof IndexInputSchema>;

/** What to resolve: the open project (selected extras and groups), pasted text, or an explicit list. */
export const ResolveSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('project'),
    folder: z.string().min(1).max(4096),
    /** The editor's current text (unsaved edits included); read from disk when absent. */
    text: z.string().max(2_000_000).optional(),
    dependencies: z.boolean().default(true),
    extras: z.array(z.string().max(200)).max(100).default([]),
    groups: z.array(z.string().max(200)).max(100).default([]),
  }),
  z.object({ kind: z.literal('requirements'), text: z.string().max(200_000) }),
  z.object({ kind: z.literal('list'), requirements: z.array(RootRequirementSchema).max(2000) }),
]);
export type ResolveSource = z.infer<typeof ResolveSourceSchema>;

export const PrereleaseSchema = z.enum(['prefer-stable', 'allow', 'disallow']);
export const StrategySchema = z.enum(['highest', 'lowest', 'lowest-direct']);

const common = {
  source: ResolveSourceSchema,
  /** pip-style constraints: limit a package's versions if it is needed, never add it. */
  constraints: z.array(Text).max(500).default([]),
  index: IndexInputSchema,
  prerelease: PrereleaseSchema.default('prefer-stable'),
  strategy: StrategySchema.default('highest'),
};

export const ResolveInputSchema = z.object({
  ...common,
  target: TargetInputSchema,
  /** Look for verified fixes after a failure (default true). */
  suggest: z.boolean().default(true),
});
export type ResolveInput = z.input<typeof ResolveInputSchema>;
export type ResolveJobInput = z.output<typeof ResolveInputSchema>;

export const CheckInputSchema = z.object({
  ...common,
  /** Empty: CPython 3.9–3.14 on Linux, macOS and Windows. */
  targets: z.array(TargetInputSchema).max(80).default([]),
});
export type CheckInput = z.input<typeof CheckInputSchema>;
export type CheckJobInput = z.output<typeof CheckInputSchema>;

export const ResolveStatsSchema = z.object({
  steps: z.number(),
  decisions: z.number(),
  backtracks: z.number(),
  conflicts: z.number(),
  incompatibilities: z.number(),
  packagesListed: z.number(),
  metadataFetched: z.number(),
  elapsedMs: z.number(),
});
export type ResolveStatsDto = z.infer<typeof ResolveStatsSchema>;

export const GraphNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(['root', 'requirement', 'package', 'incompatibility']),
  label: z.string(),
  packages: z.array(z.string()).optional(),
  ranges: z.array(z.string()).optional(),
  external: z.boolean().optional(),
  cause: z.string().optional(),
  isRoot: z.boolean().optional(),
});
export type GraphNodeDto = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  kind: z.enum(['depends-on', 'derived-from', 'about']),
  label: z.string().optional(),
});
export type GraphEdgeDto = z.infer<typeof GraphEdgeSchema>;

export const ExplanationLineSchema = z.object({ text: z.string(), number: z.number().int().optional(), nodeIds: z.array(z.string()) });
export const HintSchema = z.object({ kind: z.string(), text: z.string(), nodeIds: z.array(z.string()) });
export const ExplanationSchema = z.object({ lines: z.array(ExplanationLineSchema), hints: z.array(HintSchema), text: z.string() });
export type ExplanationDto = z.infer<typeof ExplanationSchema>;

export const PinSchema = z.object({
  name: z.string(),
  version: z.string(),
  extras: z.array(z.string()),
  direct: z.boolean(),
  yanked: z.boolean(),
  parents: z.array(
    z.object({ parent: z.string().nullable(), parentVersion: z.string().nullable(), viaExtra: z.string().nullable(), requirements: z.array(z.string()) }),
  ),
});
export type PinDto = z.infer<typeof PinSchema>;

const outcomeBase = {
  target: z.object({ label: z.string(), python: z.string() }),
  requirements: z.array(RootRequirementSchema),
  constraints: z.array(z.string()),
  stats: ResolveStatsSchema,
  warnings: z.array(z.string()),
};

export const ResolutionOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ...outcomeBase, ok: z.literal(true), pins: z.array(PinSchema), graph: z.object({ nodes: z.array(GraphNodeSchema), edges: z.array(GraphEdgeSchema) }) }),
  z.object({
    ...outcomeBase,
    ok: z.literal(false),
    explanation: ExplanationSchema,
    graph: z.object({ nodes: z.array(GraphNodeSchema), edges: z.array(GraphEdgeSchema), root: z.string() }),
  }),
]);
export type ResolutionOutcome = z.infer<typeof ResolutionOutcomeSchema>;

export const SuggestionSchema = z.object({
  kind: z.enum(['relax-upper', 'relax-lower', 'change-pin', 'unpin', 'drop', 'allow-prereleases', 'change-python']),
  description: z.string(),
  requirementIndex: z.number().int().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  requirements: z.array(z.string()),
  prerelease: PrereleaseSchema.optional(),
  python: z.string().optional(),
  cost: z.number(),
  /** `name==version` of the resolution the change leads to. */
  pins: z.array(z.string()),
});
export type SuggestionDto = z.infer<typeof SuggestionSchema>;

export const TargetOutcomeSchema = z.object({
  id: z.string(),
  label: z.string(),
  ok: z.boolean(),
  pins: z.array(z.string()),
  reason: z.string().nullable(),
  hints: z.array(HintSchema),
  error: z.string().nullable(),
  /** The target's Python is outside the project's requires-python. */
  outsideRequiresPython: z.boolean().optional(),
  /** Failed targets: the explanation and conflict graph. */
  failure: z.object({ explanation: ExplanationSchema, graph: z.object({ nodes: z.array(GraphNodeSchema), edges: z.array(GraphEdgeSchema), root: z.string() }) }).nullable(),
});
export type TargetOutcomeDto = z.infer<typeof TargetOutcomeSchema>;

/** The payload of a Dependencies operation's `data` events. */
export const DependenciesEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stats'), stats: ResolveStatsSchema }),
  z.object({ type: z.literal('result'), outcome: ResolutionOutcomeSchema }),
  z.object({ type: z.literal('suggestions'), suggestions: z.array(SuggestionSchema), elapsedMs: z.number() }),
  z.object({ type: z.literal('target'), index: z.number().int(), total: z.number().int(), outcome: TargetOutcomeSchema }),
  z.object({
    type: z.literal('matrix'),
    requirements: z.array(RootRequirementSchema),
    failing: z.array(z.string()),
    groups: z.array(z.object({ ids: z.array(z.string()), pins: z.array(z.string()) })),
  }),
]);
export type DependenciesEvent = z.infer<typeof DependenciesEventSchema>;

export const TargetChoiceSchema = z.object({ id: z.string(), label: z.string(), python: z.string(), os: z.string() });

export const DependenciesOptionsSchema = z.object({
  targets: z.array(TargetChoiceSchema),
  defaultTargetId: z.string(),
  matrixTargetIds: z.array(z.string()),
  /** The machine's local PEP 503 indexes (file:// URLs). */
  localIndexes: z.array(z.object({ url: z.string(), source: z.string() })),
  /** What the index field starts with. */
  defaultIndexUrls: z.array(z.string()),
});
export type DependenciesOptions = z.infer<typeof DependenciesOptionsSchema>;

const ProjectRequirementSchema = z.object({ text: z.string(), path: DataPathSchema });

export const ProjectInputsSchema = z.object({
  file: z.string(),
  exists: z.boolean(),
  name: z.string().nullable(),
  requiresPython: z.string().nullable(),
  dependencies: z.array(ProjectRequirementSchema),
  extras: z.array(z.object({ name: z.string(), items: z.array(ProjectRequirementSchema) })),
  groups: z.array(z.object({ name: z.string(), items: z.array(ProjectRequirementSchema), includes: z.array(z.string()) })),
  problems: z.array(z.string()),
});
export type ProjectInputs = z.infer<typeof ProjectInputsSchema>;

/** Replace (`to`) or remove (`to: null`) requirement items of pyproject.toml; `from` must still be there. */
export const ApplyFixInputSchema = z.object({
  text: z.string().max(2_000_000),
  changes: z.array(z.object({ path: DataPathSchema, from: Text, to: Text.nullable() })).min(1).max(200),
});
export type ApplyFixInput = z.infer<typeof ApplyFixInputSchema>;

export const ApplyFixResultSchema = z.object({ text: z.string(), edits: z.array(TextEditSchema) });
