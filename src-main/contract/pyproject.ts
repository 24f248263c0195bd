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
