/** Schemas for editing pyproject.toml: load, validate, apply wizard changes, save safely, merge. */
import { z } from 'zod';
import { PathSchema } from './project';

export const PyprojectTextSchema = z.string().max(2 * 1024 * 1024, 'pyproject.toml is larger than 2 MiB');

export const LoadedPyprojectSchema = z.object({
  file: z.string(),
  /** False when the folder has no pyproject.toml yet (text is then empty). */
  exists: z.boolean(),
  text: z.string(),
  /** SHA-256 of the disk content; saving compares against it. Null when the file does not exist. */
  hash: z.string().nullable(),
});
export type LoadedPyproject = z.infer<typeof LoadedPyprojectSchema>;

export const SaveRequestSchema = z.object({
  folder: PathSchema,
  text: PyprojectTextSchema,
  /** Hash the edits are based on; null to create a new file (refused if one appeared meanwhile). */
  baseHash: z.string().nullable(),
});

export const SaveOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), hash: z.string() }),
  z.object({
    kind: z.literal('conflict'),
    message: z.string(),
    diskText: z.string().nullable(),
    diskHash: z.string().nullable(),
  }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcomeSchema>;

export const MergeRequestSchema = z.object({ base: PyprojectTextSchema, ours: PyprojectTextSchema, theirs: PyprojectTextSchema });
export const MergeOutcomeSchema = z.object({
  text: z.string(),
  conflicts: z.number().int().nonnegative(),
});

const PositionSchema = z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int(), byte: z.number().int() });
export const SourceRangeSchema = z.object({ start: PositionSchema, end: PositionSchema });

export const TextEditSchema = z.object({ start: z.number().int(), end: z.number().int(), newText: z.string(), range: SourceRangeSchema });
export type TextEditDto = z.infer<typeof TextEditSchema>;

export const QuickFixSchema = z.object({
  title: z.string(),
  edits: z.array(TextEditSchema),
  isPreferred: z.boolean().optional(),
  /** Present when PEP 639 (or another rule) requires the user's explicit confirmation. */
  confirmation: z.string().optional(),
});
export type QuickFixDto = z.infer<typeof QuickFixSchema>;

export const DiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  range: SourceRangeSchema,
  path: z.array(z.union([z.string(), z.number()])),
  layer: z.enum(['toml', 'schema', 'semantic', 'backend', 'environment']),
  rule: z.string().optional(),
  fixes: z.array(QuickFixSchema),
});
export type DiagnosticDto = z.infer<typeof DiagnosticSchema>;

export const ValidateRequestSchema = z.object({
  text: PyprojectTextSchema,
  /** With a folder, the checks that look at the project's files run too (license-files, readme). */
  folder: PathSchema.optional(),
  /** `quick`: only checks that need no I/O (each keystroke); `full`: everything. */
  depth: z.enum(['quick', 'full']).default('quick'),
});
export const ValidateResultSchema = z.object({ diagnostics: z.array(DiagnosticSchema), elapsedMs: z.number() });

export const AssistRequestSchema = z.object({ text: PyprojectTextSchema, offset: z.number().int().nonnegative() });
export const HoverResultSchema = z.object({ markdown: z.string(), from: z.number().int(), to: z.number().int() }).nullable();
export const CompletionItemSchema = z.object({
  label: z.string(),
  insertText: z.string(),
  kind: z.enum(['key', 'table', 'value', 'classifier', 'license', 'operator', 'backend']),
  detail: z.string().optional(),
  documentation: z.string().optional(),
  from: z.number().int(),
  to: z.number().int(),
  deprecated: z.boolean().optional(),
  sort: z.string().optional(),
});
export type CompletionItemDto = z.infer<typeof CompletionItemSchema>;
