/**
 * Handlers for `dependencies.*` (the Dependencies workspace, issue 6): options for the input
 * panel, the project's requirements, resolution and multi-environment checks as operations
 * (run on the resolver thread, cancellable), and fixes written into the pyproject.toml text.
 *
 * The core module is loaded on first use, so the server starts as fast without it.
 */
import { join } from 'node:path';
import { implement } from '@orpc/server';
import { contract } from '../contract';
import type { CheckJobInput, ResolveJobInput } from '../contract';
import type * as DependenciesCore from '../core/dependencies';
import type { ResolverHost } from '../core/dependencies';
import type { Services } from '../core/services';
import type { ApiContext } from './context';
import { appError } from './errors';
import { checkFolder } from './folders';
import { guard } from './guard';

const os = implement(contract).$context<ApiContext>();

type Core = typeof DependenciesCore;
let corePromise: Promise<Core> | null = null;
const core = (): Promise<Core> => (corePromise ??= import('../core/dependencies'));

const hosts = new WeakMap<Services, ResolverHost>();

/** The resolver host of a services instance (one resolver thread per app). */
export async function dependenciesHost(services: Services): Promise<ResolverHost> {
  let h = hosts.get(services);
  if (!h) {
    h = new (await core()).ResolverHost();
    hosts.set(services, h);
  }
  return h;
}

/** Run a handler body; the workspace's input errors keep their hint. */
async function run<T>(fn: (c: Core) => Promise<T>): Promise<T> {
  const c = await core();
  return guard(async () => {
    try {
      return await fn(c);
    } catch (err) {
      if (err instanceof c.JobInputError || err instanceof c.TargetInputError) {
        throw appError(err.code, err.message, err instanceof c.JobInputError && err.hint ? { hint: err.hint } : {});
      }
      throw err;
    }
  });
}

async function prepare(c: Core, input: ResolveJobInput | CheckJobInput, services: Services) {
  const source = input.source.kind === 'project' ? { ...input.source, folder: await checkFolder(input.source.folder) } : input.source;
  const prepared = await c.prepareSource(source);
  const index = await c.prepareIndex(input.index, join(services.dataDir, 'cache', 'index'));
  return {
    requirements: prepared.requirements,
    constraints: input.constraints.map((x) => x.trim()).filter(Boolean),
    index,
    prerelease: input.prerelease,
    strategy: input.strategy,
    warnings: prepared.warnings,
    projectRequiresPython: prepared.projectRequiresPython,
  };
}

let hostPythonOnce: Promise<string | null> | null = null;
/** The python3 on PATH (asked once): the default target, as the CLI's. */
function hostPython(): Promise<string | null> {
  hostPythonOnce ??= import('../core/resolver/target').then((m) => m.hostPythonVersion());
  return hostPythonOnce;
}

/** The `dependencies.*` procedures, mounted in router.ts. */
export const dependenciesRouter = {
  options: os.dependencies.options.handler(() =>
    run(async (c) => {
      const [locals, python] = await Promise.all([c.localIndexes(), hostPython()]);
      return {
        targets: c.targetChoices(),
        defaultTargetId: c.defaultTargetId(process.platform, process.arch, python ?? '3.12'),
        matrixTargetIds: c.matrixTargetIds(),
        localIndexes: locals.map((l) => ({ url: c.localIndexUrl(l), source: l.source })),
        defaultIndexUrls: locals.length > 0 ? [] : [c.DEFAULT_INDEX_URL],
      };
    }),
  ),
  projectInputs: os.dependencies.projectInputs.handler(({ input }) =>
    run(async (c) => {
      const folder = await checkFolder(input.folder);
      const read = input.text === undefined ? await c.readPyproject(folder) : { file: join(folder, 'pyproject.toml'), exists: true, text: input.text };
      const info = c.readProjectRequirements(read.text);
      return {
        file: read.file,
        exists: read.exists,
        name: info.name,
        requiresPython: info.requiresPython,
        dependencies: info.dependencies.map((d) => ({ text: d.text, path: [...d.path] })),
        extras: info.extras.map((e) => ({ name: e.name, items: e.items.map((d) => ({ text: d.text, path: [...d.path] })) })),
        groups: info.groups.map((g) => ({ name: g.name, items: g.items.map((d) => ({ text: d.text, path: [...d.path] })), includes: [...g.includes] })),
        problems: [...info.problems],
      };
    }),
  ),
  resolve: os.dependencies.resolve.handler(({ input, context }) =>
    run(async (c) => {
      const base = await prepare(c, input, context.services);
      const target = c.chooseTarget(input.target);
      const job = { ...base, kind: 'resolve' as const, target: input.target, suggest: input.suggest };
      const host = await dependenciesHost(context.services);
      const title = `Resolving ${base.requirements.length} requirement(s) for ${target.label}`;
      return { opId: context.services.ops.start('dependencies.resolve', title, (ctx) => host.run(job, ctx)) };
    }),
  ),
  check: os.dependencies.check.handler(({ input, context }) =>
    run(async (c) => {
      const base = await prepare(c, input, context.services);
      const targets = c.chooseTargets(input.targets);
      const job = { ...base, kind: 'check' as const, targets: input.targets };
      const host = await dependenciesHost(context.services);
      const title = `Checking ${base.requirements.length} requirement(s) on ${targets.length} environments`;
      return { opId: context.services.ops.start('dependencies.check', title, (ctx) => host.run(job, ctx)) };
    }),
  ),
  applyFix: os.dependencies.applyFix.handler(({ input }) =>
    run(async (c) => {
      const r = c.applyRequirementChanges(input.text, input.changes);
      return { text: r.text, edits: r.edits.map((e) => ({ ...e })) };
    }),
  ),
};
