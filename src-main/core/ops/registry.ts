/**
 * OperationRegistry: ids, abort controllers and a bounded event buffer per long operation.
 *
 * Core functions never see transports: they receive `{ signal, progress, log, data }` and
 * return a result. The registry turns that into numbered events (architecture.md §2.5) that any
 * number of subscribers can follow, and that a late subscriber can replay from `after`.
 */
import { randomBytes } from 'node:crypto';
import type { AppErrorShape, OpEvent, OpInfo, OpKind } from '../../contract';
import { toErrorShape } from '../../contract/errors';

export interface OpContext {
  readonly signal: AbortSignal;
  progress(title: string, fraction?: number | null): void;
  log(line: string, stream?: 'stdout' | 'stderr' | 'info'): void;
  data(payload: unknown): void;
}

type Listener = (ev: OpEvent) => void;
/** An event before the registry numbers it (Omit distributed over the union). */
type OpEventBody = OpEvent extends infer E ? (E extends OpEvent ? Omit<E, 'opId' | 'seq'> : never) : never;

interface OpRecord {
  info: OpInfo;
  readonly controller: AbortController;
  readonly events: OpEvent[];
  dropped: number;
  seq: number;
  readonly listeners: Set<Listener>;
  finishedAt: number | null;
}

export interface OperationRegistryOptions {
  /** Events kept per operation for replay; older ones are dropped (logs can be long). */
  readonly bufferSize?: number;
  /** Finished operations are forgotten after this many ms. */
  readonly retainMs?: number;
  readonly now?: () => Date;
}

export class OperationNotFoundError extends Error {
  readonly code = 'OPERATION_NOT_FOUND';
  constructor(readonly opId: string) {
    super(`No operation ${opId} (it may have finished and been forgotten).`);
  }
}

export class OperationRegistry {
  private readonly ops = new Map<string, OpRecord>();
  private readonly bufferSize: number;
  private readonly retainMs: number;
  private readonly now: () => Date;

  constructor(opts: OperationRegistryOptions = {}) {
    this.bufferSize = opts.bufferSize ?? 2000;
    this.retainMs = opts.retainMs ?? 10 * 60_000;
    this.now = opts.now ?? (() => new Date());
  }

  /** Start `work`; returns the id at once. The work's promise settles into a done/error event. */
  start(kind: OpKind, title: string, work: (ctx: OpContext) => Promise<unknown>): string {
    this.sweep();
    const opId = `op-${randomBytes(6).toString('hex')}`;
    const rec: OpRecord = {
      info: { opId, kind, title, state: 'running', startedAt: this.now().toISOString() },
      controller: new AbortController(),
      events: [],
      dropped: 0,
      seq: 0,
      listeners: new Set(),
      finishedAt: null,
    };
    this.ops.set(opId, rec);
    const emit = (ev: OpEventBody) => this.emit(rec, ev);
    const ctx: OpContext = {
      signal: rec.controller.signal,
      progress: (t, fraction = null) => emit({ kind: 'progress', title: t, fraction }),
      log: (line, stream = 'info') => emit({ kind: 'log', stream, line }),
      data: (payload) => emit({ kind: 'data', payload }),
    };
    // Start on the next tick so the caller can subscribe before the first event.
    queueMicrotask(() => {
      work(ctx).then(
        (result) => this.finish(rec, rec.controller.signal.aborted ? 'cancelled' : 'done', result),
        (err: unknown) =>
          rec.controller.signal.aborted ? this.finish(rec, 'cancelled', undefined) : this.fail(rec, toErrorShape(err)),
      );
    });
    return opId;
  }

  list(): OpInfo[] {
    this.sweep();
    return [...this.ops.values()].map((r) => ({ ...r.info }));
  }

  /** Abort a running operation. Returns false when it had already finished. */
  cancel(opId: string): boolean {
    const rec = this.get(opId);
    if (rec.info.state !== 'running') return false;
    rec.controller.abort();
    return true;
  }

  /**
   * Events after `after` (replayed from the buffer), then live ones, ending with done/error.
   * Ends early when `signal` aborts (the subscriber went away); the operation keeps running.
   */
  async *events(opId: string, after = -1, signal?: AbortSignal): AsyncGenerator<OpEvent> {
    const rec = this.get(opId);
    const queue: OpEvent[] = rec.events.filter((e) => e.seq > after);
    let wake: (() => void) | null = null;
    const listener: Listener = (ev) => {
      queue.push(ev);
      wake?.();
    };
    const onAbort = () => wake?.();
    rec.listeners.add(listener);
    signal?.addEventListener('abort', onAbort);
    try {
      for (;;) {
        while (queue.length) {
          const ev = queue.shift() as OpEvent;
          yield ev;
          if (ev.kind === 'done' || ev.kind === 'error') return;
        }
        if (signal?.aborted) return;
        if (rec.finishedAt !== null && queue.length === 0) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      rec.listeners.delete(listener);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Abort everything (shutdown). */
  cancelAll(): void {
    for (const rec of this.ops.values()) if (rec.info.state === 'running') rec.controller.abort();
  }

  private get(opId: string): OpRecord {
    const rec = this.ops.get(opId);
    if (!rec) throw new OperationNotFoundError(opId);
    return rec;
  }

  private emit(rec: OpRecord, ev: OpEventBody): void {
    if (rec.finishedAt !== null) return;
    const full = { ...ev, opId: rec.info.opId, seq: rec.seq++ } as OpEvent;
    rec.events.push(full);
    if (rec.events.length > this.bufferSize) {
      rec.events.shift();
      rec.dropped++;
    }
    for (const l of rec.listeners) l(full);
  }

  private finish(rec: OpRecord, state: 'done' | 'cancelled', result: unknown): void {
    this.emit(rec, { kind: 'done', cancelled: state === 'cancelled', ...(result === undefined ? {} : { result }) });
    rec.info = { ...rec.info, state };
    rec.finishedAt = Date.now();
  }

  private fail(rec: OpRecord, error: AppErrorShape): void {
    this.emit(rec, { kind: 'error', error });
    rec.info = { ...rec.info, state: 'failed' };
    rec.finishedAt = Date.now();
  }

  private sweep(): void {
    const cutoff = Date.now() - this.retainMs;
    for (const [id, rec] of this.ops) if (rec.finishedAt !== null && rec.finishedAt < cutoff) this.ops.delete(id);
  }
}
