/** Schemas for the Project slice: open a folder, summarise its pyproject.toml, watch it. */
import { z } from 'zod';

/** An absolute path as typed by the user; the Node side resolves and checks it. */
export const PathSchema = z.string().min(1, 'path is empty').max(4096, 'path is too long');

export const BackendSchema = z.object({
  /** `build-system.build-backend`, verbatim; null when absent (pip then assumes setuptools.build_meta:__legacy__). */
  buildBackend: z.string().nullable(),
  /** Human name of the known backend family (hatchling, setuptools, ...), null if unknown. */
  family: z.string().nullable(),
  /** `build-system.requires`, verbatim. */
  requires: z.array(z.string()),
});

export const TomlErrorSchema = z.object({
  message: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

export const ProjectSummarySchema = z.object({
  folder: z.string(),
  file: z.string(),
  status: z.enum(['ok', 'invalid-toml', 'missing']),
  name: z.string().nullable(),
  normalizedName: z.string().nullable(),
  version: z.string().nullable(),
  dynamic: z.array(z.string()),
  requiresPython: z.string().nullable(),
  backend: BackendSchema.nullable(),
  tomlError: TomlErrorSchema.nullable(),
  /** ISO time of the file's last modification, null when missing. */
  modifiedAt: z.string().nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const RecentProjectSchema = z.object({
  folder: z.string(),
  name: z.string().nullable(),
  openedAt: z.string(),
});
export type RecentProject = z.infer<typeof RecentProjectSchema>;

export const FolderCompletionSchema = z.object({
  /** The directory that was listed. */
  base: z.string(),
  /** Absolute paths of matching sub-directories, sorted, at most `limit`. */
  entries: z.array(z.string()),
});
