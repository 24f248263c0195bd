/**
 * Schemas of the Releases workspace: the app's local package index (the Packwright index
 * server) — its lifecycle and addresses, its contents (PEP 503/592/658/700 facts per file), API
 * tokens, and PEP 694 staged releases.
 */
import { z } from 'zod';

const Absolute = z.string().min(1).max(4096).refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'an absolute path');
/** A project name as typed (validated as PEP 508 by the Node side). */
const ProjectName = z.string().min(1).max(200);
const Version = z.string().min(1).max(200);
const Filename = z.string().min(1).max(255);

export const LocalIndexSettingsSchema = z.object({
  root: z.string(),
  port: z.number().int().nullable(),
  serveLocalIndex: z.boolean(),
});
export type LocalIndexSettings = z.infer<typeof LocalIndexSettingsSchema>;

export const LocalIndexStartInputSchema = z.object({
  /** Store folder; default: the remembered one (first time: `<dataDir>/local-index`). */
  root: Absolute.optional(),
  /** 0 picks a free port; default: the remembered one. */
  port: z.number().int().min(0).max(65535).optional(),
  serveLocalIndex: z.boolean().optional(),
});
export type LocalIndexStartInput = z.infer<typeof LocalIndexStartInputSchema>;

export const LocalIndexServerSchema = z.object({
  url: z.string(),
  simpleUrl: z.string(),
  uploadUrl: z.string(),
  upload2Url: z.string(),
  port: z.number().int(),
  root: z.string(),
  mirrors: z.array(z.string()),
  startedAt: z.string(),
  recovered: z.object({ temps: z.number().int(), orphans: z.number().int() }),
});
export type LocalIndexServer = z.infer<typeof LocalIndexServerSchema>;

export const LocalIndexStatusSchema = z.object({
  running: z.boolean(),
  server: LocalIndexServerSchema.nullable(),
  settings: LocalIndexSettingsSchema,
  defaultRoot: z.string(),
  localIndexes: z.array(z.string()),
  /** Changes whenever the content may have changed: refetch `releases.contents` then. */
  revision: z.number().int(),
});
export type LocalIndexStatus = z.infer<typeof LocalIndexStatusSchema>;

export const IndexFileSchema = z.object({
  filename: z.string(),
  packagetype: z.string(),
  pythonVersion: z.string(),
  size: z.number().int(),
  uploadTime: z.string(),
  hashes: z.object({ sha256: z.string(), md5: z.string(), blake2_256: z.string() }),
  requiresPython: z.string().nullable(),
  /** PEP 658/714: sha256 of the served core metadata file; null when none is served. */
  coreMetadataSha256: z.string().nullable(),
  url: z.string(),
});
export type IndexFile = z.infer<typeof IndexFileSchema>;

export const IndexReleaseSchema = z.object({
  version: z.string(),
  created: z.string(),
  yanked: z.boolean(),
  yankedReason: z.string().nullable(),
  files: z.array(IndexFileSchema),
});
export type IndexRelease = z.infer<typeof IndexReleaseSchema>;

export const IndexProjectSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  status: z.string(),
  releases: z.array(IndexReleaseSchema),
});
export type IndexProject = z.infer<typeof IndexProjectSchema>;

export const StagedSessionSchema = z.object({
  id: z.string(),
  project: z.string(),
  version: z.string(),
  status: z.string(),
  created: z.string(),
  expiresAt: z.string(),
  stageUrl: z.string(),
  files: z.array(z.object({ filename: z.string(), status: z.string(), size: z.number().int().nullable(), sha256: z.string().nullable(), error: z.string().nullable() })),
});
export type StagedSession = z.infer<typeof StagedSessionSchema>;

export const IndexContentsSchema = z.object({
  revision: z.number().int(),
  projects: z.array(IndexProjectSchema),
  sessions: z.array(StagedSessionSchema),
});
export type IndexContents = z.infer<typeof IndexContentsSchema>;

export const ReleaseRefSchema = z.object({ project: ProjectName, version: Version });
export const YankInputSchema = ReleaseRefSchema.extend({ reason: z.string().max(1000).optional() });
export const DeleteInputSchema = ReleaseRefSchema.extend({
  /** Only these files; the whole release when absent. */
  filenames: z.array(Filename).min(1).max(1000).optional(),
});

export const UploadTokenSchema = z.object({
  id: z.string(),
  /** Normalized project names, or null for every project. */
  projects: z.array(z.string()).nullable(),
  /** Set for a token that feeds one PEP 694 session through the legacy endpoint. */
  sessionId: z.string().nullable(),
  description: z.string(),
  created: z.string(),
  revoked: z.string().nullable(),
  lastUsed: z.string().nullable(),
});
export type UploadToken = z.infer<typeof UploadTokenSchema>;

export const CreateTokenInputSchema = z.object({
  /** Empty: every project. */
  projects: z.array(ProjectName).max(100).default([]),
  description: z.string().max(200).default(''),
});
export type CreateTokenInput = z.input<typeof CreateTokenInputSchema>;

/** The secret appears here once; it is stored only hashed and can never be shown again. */
export const CreatedTokenSchema = z.object({ token: z.string(), info: UploadTokenSchema });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

export const SessionRefSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{32}$/) });
