/**
 * Watch a project's pyproject.toml and report each change as a fresh summary.
 *
 * The folder is watched rather than the file: editors often save by writing a temp file and
 * renaming it over the original, which ends a watch on the old inode. Bursts of events are
 * coalesced (debounce) and identical summaries are not re-sent.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { ProjectSummary } from '../../contract';
import type { OpContext } from '../ops/registry';
import { PYPROJECT, readProjectSummary } from './summary';

export interface WatchOptions {
  readonly debounceMs?: number;
}

/** Runs until `ctx.signal` aborts; emits the current summary first, then one per change. */
export async function watchProject(folder: string, ctx: OpContext, opts: WatchOptions = {}): Promise<void> {
  const debounceMs = opts.debounceMs ?? 40;
  let last = '';
  const publish = async () => {
    const summary: ProjectSummary = await readProjectSummary(folder);
    const key = JSON.stringify(summary);
    if (key !== last) {
      last = key;
      ctx.data(summary);
    }
  };
  await publish();
  ctx.progress(`watching ${folder}`, null);
  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve();
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(publish).catch((err: unknown) => ctx.log(`could not read ${PYPROJECT}: ${String(err)}`, 'stderr'));
    }, debounceMs);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(folder, { persistent: false }, (_event, name) => {
      if (name === null || name === PYPROJECT) schedule();
    });
  } catch (err) {
    throw Object.assign(new Error(`Cannot watch ${folder}: ${(err as Error).message}`), { code: 'NOT_FOUND' });
  }
  await new Promise<void>((resolve) => {
    watcher.on('error', (err) => {
      ctx.log(`watch stopped: ${err.message}`, 'stderr');
      resolve();
    });
    if (ctx.signal.aborted) resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (timer) clearTimeout(timer);
  watcher.close();
  await running;
}
