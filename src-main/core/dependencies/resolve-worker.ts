/**
 * The resolver thread's entry (architecture.md §2.1: CPU-heavy resolution never runs on the
 * thread that serves the UI). Runs jobs from the main thread, reports progress and data as
 * messages, and aborts a job when asked. Providers stay warm between jobs.
 */
import { parentPort } from 'node:worker_threads';
import { runJob } from './run-job';
import { ProviderPool } from './provider-pool';
import { toJobError, type FromWorker, type ToWorker } from './worker-protocol';

const port = parentPort;
if (port) {
  const pool = new ProviderPool();
  const running = new Map<number, AbortController>();
  const post = (m: FromWorker): void => port.postMessage(m);
  port.on('message', (m: ToWorker) => {
    if (m.type === 'cancel') {
      running.get(m.jobId)?.abort();
      return;
    }
    if (m.type === 'clear') {
      pool.clear();
      return;
    }
    const { jobId } = m;
    const ac = new AbortController();
    running.set(jobId, ac);
    const sink = {
      progress: (title: string) => post({ type: 'progress', jobId, title }),
      data: (payload: Extract<FromWorker, { type: 'data' }>['payload']) => post({ type: 'data', jobId, payload }),
    };
    runJob(m.job, sink, ac.signal, pool)
      .then(
        (summary) => post({ type: 'end', jobId, ok: true, summary }),
        (err: unknown) => post({ type: 'end', jobId, ok: false, cancelled: ac.signal.aborted, error: toJobError(err) }),
      )
      .finally(() => running.delete(jobId));
  });
  post({ type: 'ready' });
}
