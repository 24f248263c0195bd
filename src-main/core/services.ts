/**
 * The composition root: builds every core service from injected dependencies.
 *
 * The Electron shell, the browser-mode server and the CLI all call createServices; nothing in
 * core is a global singleton, so tests build isolated instances with their own data folder.
 */
import { homedir } from 'node:os';
import { OperationRegistry } from './ops/registry';
import { RecentProjects } from './project/recents';

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
  dispose(): void;
}

export function createServices(deps: ServiceDeps): Services {
  const ops = new OperationRegistry(deps.now ? { now: deps.now } : {});
  return {
    dataDir: deps.dataDir,
    home: deps.home ?? homedir(),
    ops,
    recents: new RecentProjects(deps.dataDir, deps.now),
    dispose: () => ops.cancelAll(),
  };
}
