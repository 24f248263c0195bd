/**
 * Runs Dependencies jobs on a resolver thread (`worker_threads`), so a long resolution never
 * blocks the event loop that serves the UI (architecture.md §2.1), and relays its progress
 * and data to the operation's context.
 *
 * Cancellation crosses the thread: the operation's abort posts `cancel`; the solver checks its
 * signal between steps and yields to the event loop every few dozen steps, so it stops within
 * milliseconds. Should the thread not answer within `cancelGraceMs`, it is terminated (every
 * job on it ends) and a fresh one starts with the next job.
 *
 * The thread's entry is found next to this module: `resolve-worker.ts` when running from
 * source (tsx is registered inside the thread; vitest's transform does not reach threads), or
 * the bundle's `resolve-worker.js` (an entry of electron.config.ts) next to the chunk. When
 * neither exists, or PACKWRIGHT_RESOLVER_IN_PROCESS=1, jobs run in-process; so they do when the
 * thread fails before it is ready (e.g. a packaging that cannot load it), jobs included.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OpContext } from '../ops/registry';
import type { DependenciesJob, JobSink, JobSummary } from './job';
import { ProviderPool } from './provider-pool';
import { runJob } from './run-job';
import { fromJobError, type FromWorker, type ToWorker } from './worker-protocol';

interface Pending {
  readonly job: DependenciesJob;
  readonly ctx: OpContext;
  readonly resolve: (s: JobSummary) => void;
  readonly reject: (e: unknown) => void;
  graceTimer: NodeJS.Timeout | null;
}

/** How to start the thread: a file, or source through tsx. */
type WorkerSpec = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'tsx'; readonly url: string } | null;

/** Where the resolver thread's entry is (null: run in-process). */
export function locateWorker(moduleUrl: string = import.meta.url, env: NodeJS.ProcessEnv = process.env): WorkerSpec {
  if (env.PACKWRIGHT_RESOLVER_IN_PROCESS === '1') return null;
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) return { kind: 'tsx', url: new URL('./resolve-worker.ts', moduleUrl).href };
  for (const rel of ['./resolve-worker.js', '../resolve-worker.js']) {
    const path = fileURLToPath(new URL(rel, moduleUrl));
    if (existsSync(path)) return { kind: 'file', path };
  }
  return null;
}

/** The thread to use (default: located next to this module) and the cancel grace period. */
export interface ResolverHostOptions {
  readonly worker?: WorkerSpec;
  readonly cancelGraceMs?: number;
}

/** One resolver thread for the app; each job is one operation's work. */
export class ResolverHost {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly spec: WorkerSpec;
  private readonly graceMs: number;
  /** In-process fallback (and its warm providers). */
  private localPool: ProviderPool | null = null;
  /** The thread could not start: run in-process from now on. */
  private broken = false;
  private ready = false;
  /** Threads started so far (tests). */
  threadsStarted = 0;

  constructor(opts: ResolverHostOptions = {}) {
    this.spec = opts.worker === undefined ? locateWorker() : opts.worker;
    this.graceMs = opts.cancelGraceMs ?? 2000;
  }

  /** True when jobs run on a thread. */
  get threaded(): boolean {
    return this.spec !== null && !this.broken;
  }

  /** Run `job` for an operation: progress and data go to `ctx`; resolves with the summary. */
  run(job: DependenciesJob, ctx: OpContext): Promise<JobSummary> {
    if (!this.threaded) return this.runHere(job, ctx);
    ctx.signal.throwIfAborted();
    const worker = this.ensureWorker();
    const jobId = this.nextId++;
    return new Promise<JobSummary>((resolve, reject) => {
      const p: Pending = { job, ctx, resolve, reject, graceTimer: null };
      this.pending.set(jobId, p);
      ctx.signal.addEventListener(
        'abort',
        () => {
          if (!this.pending.has(jobId)) return;
          this.send({ type: 'cancel', jobId });
          p.graceTimer = setTimeout(() => this.restart('the resolver thread did not stop in time'), this.graceMs);
        },
        { once: true },
      );
      worker.postMessage({ type: 'start', jobId, job } satisfies ToWorker);
    });
  }

  /** Drop the thread's warm providers (the next job reads the indexes again). */
  clearCaches(): void {
    this.localPool?.clear();
    if (this.worker) this.send({ type: 'clear' });
  }

  /** Stop the thread; running jobs fail. */
  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('the resolver was shut down'));
    if (w) await w.terminate();
  }

  private runHere(job: DependenciesJob, ctx: OpContext): Promise<JobSummary> {
    this.localPool ??= new ProviderPool();
    const sink: JobSink = { progress: (t) => ctx.progress(t, null), data: (p) => ctx.data(p) };
    return runJob(job, sink, ctx.signal, this.localPool);
  }

  /** The thread died before it was ready: its jobs (not started yet) run in-process. */
  private fallBack(): void {
    this.broken = true;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      this.runHere(p.job, p.ctx).then(p.resolve, p.reject);
    }
  }

  private send(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const spec = this.spec as NonNullable<WorkerSpec>;
    const w =
      spec.kind === 'file'
        ? new Worker(spec.path)
        : new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(spec.url)}); })`, { eval: true });
    this.threadsStarted++;
    this.ready = false;
    // The thread must not keep a CLI or server process alive on its own.
    w.unref();
    w.on('message', (m: FromWorker) => this.onMessage(m));
    w.on('error', (err) => {
      if (this.worker === w) this.worker = null;
      if (!this.ready) this.fallBack();
      else this.failAll(err);
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.worker = null;
      if (!this.ready) this.fallBack();
      else this.failAll(new Error(`the resolver thread exited (code ${code})`));
    });
    this.worker = w;
    return w;
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'ready') {
      this.ready = true;
      return;
    }
    const p = this.pending.get(m.jobId);
    if (!p) return;
    if (m.type === 'progress') p.ctx.progress(m.title, null);
    else if (m.type === 'data') p.ctx.data(m.payload);
    else {
      this.pending.delete(m.jobId);
      if (p.graceTimer) clearTimeout(p.graceTimer);
      if (m.ok) p.resolve(m.summary);
      else p.reject(m.cancelled ? (p.ctx.signal.reason ?? new Error('cancelled')) : fromJobError(m.error));
    }
  }

  private failAll(err: unknown): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      if (p.graceTimer) clearTimeout(p.graceTimer);
      p.reject(p.ctx.signal.aborted ? p.ctx.signal.reason : err);
    }
  }

  private restart(reason: string): void {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error(reason));
    void w?.terminate();
  }
}
