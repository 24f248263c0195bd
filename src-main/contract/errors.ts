/**
 * The one typed error envelope shared by every front end.
 *
 * A procedure fails with an ORPCError whose `code` is one of APP_ERROR_CODES and whose
 * `data` carries optional `details` and a `hint` telling the user what to do next.
 * Transports (HTTP, WebSocket, Electron IPC) carry it unchanged, so the UI can react to
 * `INVALID_TOML` differently from `NOT_FOUND`.
 */
import { z } from 'zod';

export const APP_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_A_DIRECTORY',
  'INVALID_TOML',
  'UNSUPPORTED',
  'OPERATION_NOT_FOUND',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export const AppErrorDataSchema = z.object({
  details: z.unknown().optional(),
  hint: z.string().optional(),
});
export type AppErrorData = z.infer<typeof AppErrorDataSchema>;

/** The serialisable form of an error, used inside event payloads and CLI JSON. */
export const AppErrorShapeSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  hint: z.string().optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShapeSchema>;

const entry = { data: AppErrorDataSchema.optional() } as const;

/** oRPC error map: every procedure may fail with any of these codes. */
export const appErrorMap = Object.fromEntries(APP_ERROR_CODES.map((code) => [code, entry])) as {
  readonly [K in AppErrorCode]: typeof entry;
};

/** Narrow an unknown thrown value to the envelope shape (used by transports and the UI). */
export function toErrorShape(err: unknown): AppErrorShape {
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const e = err as { code: unknown; message: unknown; data?: unknown };
    const data = AppErrorDataSchema.safeParse(e.data ?? {});
    return {
      code: String(e.code),
      message: String(e.message),
      ...(data.success && data.data.details !== undefined ? { details: data.data.details } : {}),
      ...(data.success && data.data.hint !== undefined ? { hint: data.data.hint } : {}),
    };
  }
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
