/**
 * The Node-side implementation of the contract, shared by every front end.
 *
 * Handlers stay thin: validate paths, call core, map errors. The shell (Electron or browser
 * server) supplies what only it can do, such as a native folder dialog.
 */
import { resolve } from 'node:path';
import { implement } from '@orpc/server';
import { contract } from '../contract';
import { APP_VERSION } from '../core/app-version';
import { completeFolder } from '../core/project/complete-folder';
import { readProjectSummary } from '../core/project/summary';
import { watchProject } from '../core/project/watch';
import type { ApiContext } from './context';
import { dependenciesRouter } from './dependencies-handlers';
import { appError, toAppError } from './errors';
import { checkFolder } from './folders';
import { guard } from './guard';
import { pyprojectRouter } from './pyproject-handlers';
import { releasesRouter } from './releases-handlers';
import { wizardRouter } from './wizard-handlers';

export type { ApiContext, ShellAdapter } from './context';

const os = implement(contract).$context<ApiContext>();

export const router = os.router({
  app: {
    info: os.app.info.handler(({ context }) => ({
      name: 'Packwright' as const,
      version: APP_VERSION,
      shell: context.shell.kind,
      platform: process.platform,
      dataDir: context.services.dataDir,
      workspaces: ['project' as const, 'dependencies' as const, 'releases' as const],
    })),
  },
  project: {
    open: os.project.open.handler(({ input, context }) =>
      guard(async () => {
        const folder = await checkFolder(input.folder);
        const summary = await readProjectSummary(folder);
        await context.services.recents.touch(folder, summary.name);
        return summary;
      }),
    ),
    summary: os.project.summary.handler(({ input }) => guard(async () => readProjectSummary(await checkFolder(input.folder)))),
    recent: os.project.recent.handler(({ context }) => guard(() => context.services.recents.list())),
    forget: os.project.forget.handler(({ input, context }) =>
      guard(async () => ({ removed: await context.services.recents.forget(resolve(input.folder)) })),
    ),
    watch: os.project.watch.handler(({ input, context }) =>
      guard(async () => {
        const folder = await checkFolder(input.folder);
        const opId = context.services.ops.start('project.watch', `Watching ${folder}`, (ctx) => watchProject(folder, ctx));
        return { opId };
      }),
    ),
    pickFolder: os.project.pickFolder.handler(async ({ context }) => {
      if (!context.shell.pickFolder) {
        throw appError('UNSUPPORTED', 'There is no native folder dialog in browser mode.', { hint: 'Type the folder path instead.' });
      }
      return { folder: await context.shell.pickFolder() };
    }),
  },
  pyproject: pyprojectRouter,
  wizard: wizardRouter,
  dependencies: dependenciesRouter,
  releases: releasesRouter,
  fs: {
    completeFolder: os.fs.completeFolder.handler(({ input, context }) =>
      guard(() => completeFolder(input.prefix, input.limit, context.services.home)),
    ),
  },
  ops: {
    list: os.ops.list.handler(({ context }) => context.services.ops.list()),
    cancel: os.ops.cancel.handler(({ input, context }) => guard(async () => ({ cancelled: context.services.ops.cancel(input.opId) }))),
    events: os.ops.events.handler(async function* ({ input, context, signal }) {
      try {
        yield* context.services.ops.events(input.opId, input.after, signal);
      } catch (err) {
        throw toAppError(err);
      }
    }),
  },
});

export type AppRouter = typeof router;
