/**
 * Messages between the main thread and the resolver thread (structured clone; plain data).
 */
import type { DependenciesEvent } from '../../contract';
import type { DependenciesJob, JobSummary } from './job';

/** The serializable form of an error thrown by a job. */
export interface JobError {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

/** Main thread → resolver thread. */
export type ToWorker =
  | { readonly type: 'start'; readonly jobId: number; readonly job: DependenciesJob }
  | { readonly type: 'cancel'; readonly jobId: number }
  | { readonly type: 'clear' };

/** Resolver thread → main thread (`ready` once it listens). */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly jobId: number; readonly title: string }
  | { readonly type: 'data'; readonly jobId: number; readonly payload: DependenciesEvent }
  | { readonly type: 'end'; readonly jobId: number; readonly ok: true; readonly summary: JobSummary }
  | { readonly type: 'end'; readonly jobId: number; readonly ok: false; readonly cancelled: boolean; readonly error: JobError };

/** Flatten an error for the trip across threads (code, message, hint survive). */
export function toJobError(err: unknown): JobError {
  const e = err as { code?: unknown; message?: unknown; hint?: unknown };
  const code = typeof e?.code === 'string' ? e.code : 'INTERNAL';
  const message = err instanceof Error ? err.message : typeof e?.message === 'string' ? e.message : String(err);
  return { code, message, ...(typeof e?.hint === 'string' ? { hint: e.hint } : {}) };
}

/** Rebuild an error the operation registry maps into the contract's envelope. */
export function fromJobError(e: JobError): Error {
  return Object.assign(new Error(e.message), { code: e.code, data: e.hint ? { hint: e.hint } : {} });
}
