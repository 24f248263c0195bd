/**
 * Map errors thrown by core into the contract's typed envelope.
 *
 * Core throws plain errors carrying a `code` (or Node's errno codes); only here do they become
 * ORPCErrors, so core stays free of transport concerns.
 */
import { ORPCError } from '@orpc/server';
import { APP_ERROR_CODES, type AppErrorCode, type AppErrorData } from '../contract/errors';

export function appError(code: AppErrorCode, message: string, data: AppErrorData = {}): ORPCError<AppErrorCode, AppErrorData> {
  return new ORPCError(code, { message, data });
}

export function toAppError(err: unknown): ORPCError<string, unknown> {
  if (err instanceof ORPCError) return err;
  const e = err as NodeJS.ErrnoException & { code?: string };
  if (e && typeof e.code === 'string') {
    if ((APP_ERROR_CODES as readonly string[]).includes(e.code)) return appError(e.code as AppErrorCode, e.message);
    if (e.code === 'ENOENT') return appError('NOT_FOUND', e.message);
    if (e.code === 'ENOTDIR') return appError('NOT_A_DIRECTORY', e.message);
    if (e.code === 'EACCES' || e.code === 'EPERM') return appError('FORBIDDEN', e.message);
  }
  return appError('INTERNAL', err instanceof Error ? err.message : String(err));
}
