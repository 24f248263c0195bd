/**
 * Long operations: each gets an id, streams events, and can be cancelled.
 *
 * Events are numbered per operation (`seq`) so a late or reconnecting subscriber can
 * resume with `after`. Cancelling is an outcome (`done` with `cancelled: true`), not an error.
 */
import { z } from 'zod';
import { AppErrorShapeSchema } from './errors';

export const OpIdSchema = z.string().regex(/^op-[0-9a-z-]{1,64}$/, 'not an operation id');

export const OpKindSchema = z.enum(['project.watch', 'dependencies.resolve', 'dependencies.check']);
export type OpKind = z.infer<typeof OpKindSchema>;

const base = { opId: OpIdSchema, seq: z.number().int().nonnegative() };

export const OpEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('progress'), title: z.string(), fraction: z.number().min(0).max(1).nullable() }),
  z.object({ ...base, kind: z.literal('log'), stream: z.enum(['stdout', 'stderr', 'info']), line: z.string() }),
  z.object({ ...base, kind: z.literal('data'), payload: z.unknown() }),
  z.object({ ...base, kind: z.literal('done'), cancelled: z.boolean(), result: z.unknown().optional() }),
  z.object({ ...base, kind: z.literal('error'), error: AppErrorShapeSchema }),
]);
export type OpEvent = z.infer<typeof OpEventSchema>;

export const OpStartedSchema = z.object({ opId: OpIdSchema });

export const OpInfoSchema = z.object({
  opId: OpIdSchema,
  kind: OpKindSchema,
  title: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  startedAt: z.string(),
});
export type OpInfo = z.infer<typeof OpInfoSchema>;
