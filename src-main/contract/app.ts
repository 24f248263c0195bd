/** Schemas describing the running app and its shell. */
import { z } from 'zod';

export const ShellSchema = z.enum(['electron', 'browser']);
export type Shell = z.infer<typeof ShellSchema>;

export const AppInfoSchema = z.object({
  name: z.literal('Packwright'),
  version: z.string(),
  shell: ShellSchema,
  platform: z.string(),
  dataDir: z.string(),
  /** Workspaces that are built; the UI shows only these. */
  workspaces: z.array(z.enum(['project', 'dependencies', 'builds', 'releases', 'lockfiles'])),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
