/**
 * `packwright resolve [REQ...] [-r FILE]... [-c FILE]... [--project PATH] [--index-url URL]...
 * [--find-links DIR]... [--python 3.12] [--platform TAG] [--prerelease POLICY]
 * [--resolution highest|lowest|lowest-direct] [--json] [--graph dot|json] [--matrix]`
 *
 * Resolves for one target (this machine's python3 and platform unless told otherwise) from
 * the given indexes, else the machine's configured local index. Exit 0 with the pins (in
 * pip-compile style, `# via` lines), 1 with the explanation, hints and verified suggestions;
 * 2 for bad input, 3 for a missing file, 4 for other failures (an unreachable index, Ctrl-C).
 * `--graph` prints the conflict graph (or the dependency graph) as Graphviz dot or JSON;
 * `--matrix` checks CPython 3.9–3.14 × Linux/macOS/Windows instead.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { resolveDataDir } from '../../core/paths/data-dir';
import { discoverLocalIndexes } from '../../core/local-index/discover';
import {
  CachingProvider,
  checkTargets,
  conflictGraph,
  defaultTargetMatrix,
  parsePrereleasePolicy,
  resolutionGraph,
  resolve,
  resolverTarget,
  suggestFixes,
  targetFromStrings,
  treeToJson,
  type GraphEdge,
  type GraphNode,
  type ResolveRequest,
  type ResolveResult,
  type ResolutionStrategy,
} from '../../core/resolver';
import { emptyInputs, readProjectRequirements, readRequirementsFile } from '../../core/resolver/inputs';
import { IndexProvider } from '../../core/resolver/providers/index-provider';
import { hostPlatformTag, hostPythonVersion } from '../../core/resolver/target';
import { EXIT } from '../exit-codes';
import { printError, printJson } from '../output';

interface Options {
  requirement: string[];
  constraint: string[];
  project?: string;
  extra: string[];
  group: string[];
  indexUrl: string[];
  findLinks: string[];
  python?: string;
  platform?: string;
  prerelease?: string;
  resolution: string;
  sourceOnly: string[];
  onlyBinary: string[];
  json?: boolean;
  graph?: string;
  matrix?: boolean;
  suggest: boolean;
  cacheDir?: string;
  cache: boolean;
  offline?: boolean;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

class UsageError extends Error {
  constructor(
    message: string,
    readonly exit: number = EXIT.USAGE,
  ) {
    super(message);
  }
}

function dot(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const q = (s: string): string => JSON.stringify(s);
  const shape: Record<GraphNode['kind'], string> = { root: 'doublecircle', requirement: 'note', package: 'box', incompatibility: 'ellipse' };
  const lines = ['digraph resolve {', '  rankdir=LR;'];
  for (const n of nodes) lines.push(`  ${q(n.id)} [label=${q(n.kind === 'package' && n.ranges ? `${n.label}\n${n.ranges.join('\n')}` : n.label)}, shape=${shape[n.kind]}${n.isRoot ? ', style=bold' : ''}];`);
  for (const e of edges) lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label ?? '')}${e.kind === 'derived-from' ? ', style=dashed' : e.kind === 'about' ? ', style=dotted, arrowhead=none' : ''}];`);
  lines.push('}');
  return lines.join('\n');
}

async function gather(reqs: string[], o: Options) {
  const inputs = emptyInputs();
  inputs.requirements.push(...reqs);
  for (const f of [...o.requirement, ...o.constraint]) {
    if (!existsSync(f)) throw new UsageError(`No such requirements file: ${resolvePath(f)}`, EXIT.NOT_FOUND);
  }
  for (const f of o.requirement) await readRequirementsFile(resolvePath(f), inputs);
  for (const f of o.constraint) await readRequirementsFile(resolvePath(f), inputs, true);
  if (o.project !== undefined) {
    const p = resolvePath(o.project);
    const file = existsSync(p) && statSync(p).isDirectory() ? join(p, 'pyproject.toml') : p;
    if (!existsSync(file)) throw new UsageError(`No pyproject.toml at ${file}`, EXIT.NOT_FOUND);
    inputs.requirements.push(...(await readProjectRequirements(file, o.extra, o.group)));
  }
  if (inputs.requirements.length === 0) throw new UsageError('Nothing to resolve: give requirements, -r FILE or --project PATH.');
  const indexes = [...o.indexUrl, ...inputs.indexUrls];
  const findLinks = [...o.findLinks, ...inputs.findLinks];
  if (indexes.length === 0 && findLinks.length === 0) indexes.push(...(await discoverLocalIndexes()).map((i) => `file://${i.simpleDir}/`));
  if (indexes.length === 0 && findLinks.length === 0) throw new UsageError('No package index: give --index-url URL or --find-links DIR.');
  return { inputs, indexes, findLinks };
}

function human(r: ResolveResult, suggestions: Awaited<ReturnType<typeof suggestFixes>>): string {
  if (r.ok) {
    const out: string[] = [];
    for (const p of r.pins) {
      out.push(`${p.name}${p.extras.length ? `[${p.extras.join(',')}]` : ''}==${p.version}${p.yanked ? '  # yanked' : ''}`);
      const via = p.parents.map((x) => (x.parent === null ? `requirement ${x.requirements.join(', ')}` : `${x.parent}${x.viaExtra ? `[${x.viaExtra}]` : ''}`));
      if (via.length > 0) out.push(`    # via ${via.join(', ')}`);
    }
    return out.join('\n');
  }
  const ex = conflictGraph(r.failure).explanation;
  const lines = ['No solution found:', ...ex.lines.map((l) => (l.text ? `  ${l.text}` : '')), ...ex.hints.map((h) => `\nhint: ${h.text}`)];
  if (suggestions.length > 0) lines.push('', 'Possible fixes (each verified to resolve):', ...suggestions.map((s) => `  - ${s.description}`));
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('resolve')
    .description('resolve requirements for one target: pins (exit 0) or an explanation of the conflict (exit 1)')
    .argument('[requirements...]', 'PEP 508 requirements')
    .option('-r, --requirement <file>', 'read requirements from a pip requirements file (repeatable)', collect, [])
    .option('-c, --constraint <file>', 'constrain versions with a constraints file (repeatable)', collect, [])
    .option('--project <path>', "a project folder or pyproject.toml: resolve its dependencies")
    .option('--extra <name>', 'with --project: include an optional-dependencies extra (repeatable)', collect, [])
    .option('--group <name>', 'with --project: include a dependency group (repeatable)', collect, [])
    .option('--index-url <url>', 'a PEP 503/691 index, highest priority first (repeatable)', collect, [])
    .option('--find-links <dir>', 'a folder or page of distribution files (repeatable)', collect, [])
    .option('--python <version>', 'target Python version (default: the python3 on PATH, else 3.12)')
    .option('--platform <tag>', 'target platform (manylinux_2_28_x86_64, macosx_14_0_arm64, win_amd64, x86_64-manylinux2014…; default: this machine)')
    .option('--prerelease <policy>', 'prefer-stable (default; uv\'s rule), allow or disallow')
    .option('--resolution <strategy>', 'highest, lowest or lowest-direct', 'highest')
    .option('--source-only <name>', 'do not use wheels for this project, like pip\'s --no-binary (":all:" for all; repeatable)', collect, [])
    .option('--only-binary <name>', 'do not build this project from source (":all:" for all; repeatable)', collect, [])
    .option('--json', 'print JSON for scripts')
    .option('--graph <format>', 'print the conflict (or dependency) graph as dot or json')
    .option('--matrix', 'check CPython 3.9-3.14 on Linux, macOS and Windows')
    .option('--no-suggest', 'do not search for fixes when resolution fails')
    .option('--cache-dir <dir>', 'HTTP cache folder')
    .option('--no-cache', 'do not use the HTTP cache')
    .option('--offline', 'use only cached index responses')
    .action(async (reqs: string[], o: Options) => {
      const json = o.json === true;
      const ctl = new AbortController();
      const onSigint = (): void => ctl.abort(new Error('cancelled'));
      process.once('SIGINT', onSigint);
      try {
        if (o.graph !== undefined && o.graph !== 'dot' && o.graph !== 'json') throw new UsageError('--graph must be dot or json');
        if (!['highest', 'lowest', 'lowest-direct'].includes(o.resolution)) throw new UsageError('--resolution must be highest, lowest or lowest-direct');
        const { inputs, indexes, findLinks } = await gather(reqs, o);
        let targetEnv;
        try {
          targetEnv = targetFromStrings(o.python ?? (await hostPythonVersion()) ?? '3.12', o.platform ?? hostPlatformTag());
        } catch (e) {
          throw new UsageError(e instanceof Error ? e.message : String(e));
        }
        const target = resolverTarget(targetEnv);
        const prerelease = o.prerelease ? parsePrereleasePolicy(o.prerelease) : inputs.prerelease ? 'allow' : 'prefer-stable';
        const list = (v: string[]): string[] | true | undefined => (v.includes(':all:') ? true : v.length ? v : undefined);
        const request: ResolveRequest = {
          requirements: inputs.requirements,
          constraints: inputs.constraints,
          target,
          prerelease,
          resolution: o.resolution as ResolutionStrategy,
          ...(list(o.sourceOnly) !== undefined ? { noBinary: list(o.sourceOnly) } : {}),
          ...(list(o.onlyBinary) !== undefined ? { noBuild: list(o.onlyBinary) } : {}),
        };
        const cacheDir = o.cache ? (o.cacheDir ?? join(resolveDataDir(), 'cache', 'http')) : null;
        const provider = new CachingProvider(new IndexProvider({ indexes, findLinks, tags: target.tags, cacheDir, offline: o.offline === true }));
        const progress = process.stderr.isTTY && !json && o.graph === undefined;
        const onProgress = progress ? (s: { packagesListed: number; decisions: number; backtracks: number }) => process.stderr.write(`\rResolving: ${s.packagesListed} packages, ${s.decisions} decisions, ${s.backtracks} backtracks`) : undefined;
        for (const w of inputs.warnings) process.stderr.write(`warning: ${w}\n`);
        if (o.matrix) {
          const report = await checkTargets(provider, request, defaultTargetMatrix(), { signal: ctl.signal });
          if (json) printJson({ failing: report.failing, outcomes: report.outcomes.map(({ result: _r, ...rest }) => rest), groups: report.groups });
          else for (const t of report.outcomes) process.stdout.write(`${t.ok ? 'ok  ' : 'FAIL'} ${t.label.padEnd(38)} ${t.ok ? t.pins.join(' ') : (t.reason ?? '')}\n`);
          process.exitCode = report.failing.length > 0 ? EXIT.PROBLEMS : EXIT.OK;
          return;
        }
        const result = await resolve(provider, request, { signal: ctl.signal, ...(onProgress ? { onProgress } : {}) });
        if (progress) process.stderr.write('\r\x1b[K');
        const suggestions = !result.ok && o.suggest ? await suggestFixes(provider, request, result.failure, { timeoutMs: 3000, signal: ctl.signal, retarget: (py) => resolverTarget(targetFromStrings(py, o.platform ?? hostPlatformTag())) }) : [];
        if (o.graph !== undefined) {
          const g = result.ok ? resolutionGraph(result) : conflictGraph(result.failure);
          const sentences = result.ok ? [] : conflictGraph(result.failure).explanation.lines;
          process.stdout.write(o.graph === 'dot' ? `${dot(g.nodes, g.edges)}\n` : `${JSON.stringify({ nodes: g.nodes, edges: g.edges, sentences }, null, 2)}\n`);
        } else if (json) {
          const base = { ok: result.ok, target: { label: target.label, python: target.python.toString() }, stats: result.stats, warnings: result.warnings };
          if (result.ok) printJson({ ...base, pins: result.pins });
          else {
            const ex = conflictGraph(result.failure).explanation;
            printJson({ ...base, explanation: { text: ex.text, lines: ex.lines, hints: ex.hints }, suggestions: suggestions.map(({ pins: _p, ...s }) => s), tree: treeToJson(result.failure.tree) });
          }
        } else {
          for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
          process.stdout.write(`${human(result, suggestions)}\n`);
          if (result.ok) process.stderr.write(`Resolved ${result.pins.length} packages in ${result.stats.elapsedMs} ms for ${target.label}\n`);
        }
        process.exitCode = result.ok ? EXIT.OK : EXIT.PROBLEMS;
      } catch (e) {
        const message = ctl.signal.aborted ? 'Cancelled.' : e instanceof Error ? e.message : String(e);
        const code = e instanceof UsageError ? e.exit : e instanceof Error && e.name === 'BadRequirementError' ? EXIT.USAGE : EXIT.INTERNAL;
        printError({ code: code === EXIT.NOT_FOUND ? 'NOT_FOUND' : code === EXIT.USAGE ? 'BAD_REQUEST' : 'INTERNAL', message }, json);
        process.exitCode = code;
      } finally {
        process.removeListener('SIGINT', onSigint);
      }
    });
}
