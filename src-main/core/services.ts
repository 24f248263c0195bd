/**
 * The composition root: builds every core service from injected dependencies.
 *
 * The Electron shell, the browser-mode server and the CLI all call createServices; nothing in
 * core is a global singleton, so tests build isolated instances with their own data folder.
 */
import { homedir } from 'node:os';
import { OperationRegistry } from './ops/registry';
import { RecentProjects } from './project/recents';
import { LocalIndexManager } from './releases/index-manager';

export interface ServiceDeps {
  readonly dataDir: string;
  readonly home?: string;
  readonly now?: () => Date;
}

export interface Services {
  readonly dataDir: string;
  readonly home: string;
  readonly ops: OperationRegistry;
  readonly recents: RecentProjects;
  /** The app's local package index (Releases workspace); stopped on dispose. */
  readonly localIndex: LocalIndexManager;
  dispose(): void;
}

export function createServices(deps: ServiceDeps): Services {
  const ops = new OperationRegistry(deps.now ? { now: deps.now } : {});
  const localIndex = new LocalIndexManager({ dataDir: deps.dataDir, ...(deps.now ? { now: deps.now } : {}) });
  return {
    dataDir: deps.dataDir,
    home: deps.home ?? homedir(),
    ops,
    recents: new RecentProjects(deps.dataDir, deps.now),
    localIndex,
    dispose: () => {
      ops.cancelAll();
      void localIndex.dispose();
    },
  };
}
