/**
 * Input validation failures, phrased for people: "Invalid input for project.open: folder: path
 * is empty", with every issue in `details`. Used by the HTTP/WebSocket handlers (as an oRPC
 * interceptor) and by the Electron IPC adapter, so all transports answer alike.
 */
import { ORPCError, ValidationError } from '@orpc/server';

export interface IssueLike {
  readonly message: string;
  readonly path?: readonly unknown[] | undefined;
}

export function describeIssues(procedure: string, issues: readonly IssueLike[]): { message: string; details: { path: string; message: string }[] } {
  const details = issues.map((i) => ({
    path: (i.path ?? []).map((p) => (typeof p === 'object' && p !== null && 'key' in p ? String((p as { key: unknown }).key) : String(p))).join('.'),
    message: i.message,
  }));
  const first = details[0];
  const message = `Invalid input for ${procedure}${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`;
  return { message, details };
}

/** oRPC client interceptor: rewrap input-validation errors into the typed envelope. */
export async function validationInterceptor(opts: { path: readonly string[]; next: () => Promise<unknown> }): Promise<unknown> {
  try {
    return await opts.next();
  } catch (err) {
    if (err instanceof ORPCError && err.code === 'BAD_REQUEST' && err.cause instanceof ValidationError) {
      const { message, details } = describeIssues(opts.path.join('.'), err.cause.issues);
      throw new ORPCError('BAD_REQUEST', { message, data: { details }, cause: err.cause });
    }
    throw err;
  }
}
