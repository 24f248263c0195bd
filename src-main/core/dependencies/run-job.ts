/**
 * Run a Dependencies job: resolve for one target (then search verified fixes when it fails),
 * or check several targets. Runs wherever it is called — the resolver thread normally
 * (resolve-worker.ts), in-process as a fallback — and reports through a JobSink.
 */
import type { TargetOutcomeDto } from '../../contract';
import { BadRequirementError, checkTargets, resolve, ResolutionLimitError, resolverTarget, suggestFixes, type ResolveRequest, type ResolveStats, type TargetOutcome } from '../resolver';
import { SpecifierSet } from '../standards/pep440';
import { JobInputError } from './errors';
import type { CheckJob, DependenciesJob, JobSink, JobSummary, ResolveJob } from './job';
import { failureDto, outcomeDto, statsDto, suggestionDto } from './outcome';
import type { ProviderPool } from './provider-pool';
import { chooseTarget, chooseTargets, type ChosenTarget } from './targets';

/** Counters in words, for progress titles. */
export function progressTitle(s: ResolveStats): string {
  return `${s.packagesListed} packages listed, ${s.metadataFetched} metadata files read, ${s.decisions} decisions, ${s.backtracks} backtracks`;
}

function pythonWarning(requiresPython: string | null, t: ChosenTarget): string[] {
  if (!requiresPython) return [];
  const spec = SpecifierSet.tryParse(requiresPython);
  const python = t.target.pythonVersion.length >= 3 ? t.target.pythonVersion.join('.') : `${t.target.pythonVersion.join('.')}.0`;
  if (!spec || spec.contains(python, { prereleases: true })) return [];
  return [`The project's requires-python (${requiresPython}) excludes the target's Python ${t.target.pythonVersion.join('.')} (${t.label}).`];
}

function mapErrors(e: unknown): never {
  if (e instanceof BadRequirementError) throw new JobInputError('BAD_REQUEST', e.message, `Fix the requirement \`${e.requirement}\` (PEP 508 syntax).`);
  if (e instanceof ResolutionLimitError) throw new JobInputError('UNSUPPORTED', e.message, 'Narrow the requirements (pin the packages that backtrack most) and try again.');
  throw e;
}

async function runResolve(job: ResolveJob, sink: JobSink, signal: AbortSignal, pool: ProviderPool): Promise<JobSummary> {
  const chosen = chooseTarget(job.target);
  const target = resolverTarget(chosen.target);
  const { provider, index } = pool.get(job.index, target.tags, chosen.id);
  const request: ResolveRequest = {
    requirements: job.requirements.map((r) => r.text),
    constraints: job.constraints,
    target,
    prerelease: job.prerelease,
    resolution: job.strategy,
  };
  sink.progress(`Resolving ${request.requirements.length} requirements for ${chosen.label}`);
  const onProgress = (s: ResolveStats): void => {
    sink.data({ type: 'stats', stats: statsDto(s) });
    sink.progress(progressTitle(s));
  };
  const result = await resolve(provider, request, { signal, onProgress }).catch(mapErrors);
  const warnings = [...job.warnings, ...pythonWarning(job.projectRequiresPython, chosen), ...(await index.warnings())];
  const ctx = { requirements: job.requirements, constraints: job.constraints, target: { label: chosen.label, python: target.python.toString() }, warnings };
  sink.data({ type: 'result', outcome: outcomeDto(result, ctx) });
  if (!result.ok && job.suggest) {
    sink.progress('Looking for the smallest changes that make it resolvable');
    const t0 = performance.now();
    const suggestions = await suggestFixes(provider, request, result.failure, {
      signal,
      timeoutMs: job.suggestBudgetMs ?? 5000,
      max: 5,
      retarget: (py) => resolverTarget({ ...chosen.target, pythonVersion: py.split('.').map(Number) }),
    });
    sink.data({ type: 'suggestions', suggestions: suggestions.map(suggestionDto), elapsedMs: Math.round(performance.now() - t0) });
  }
  return result.ok ? { ok: true, pins: result.pins.length } : { ok: false };
}

function targetDto(o: TargetOutcome, outside: boolean): TargetOutcomeDto {
  return {
    ...(outside ? { outsideRequiresPython: true } : {}),
    id: o.id,
    label: o.label,
    ok: o.ok,
    pins: [...o.pins],
    reason: o.reason,
    hints: o.hints.map((h) => ({ kind: h.kind, text: h.text, nodeIds: [...h.nodeIds] })),
    error: o.error,
    failure: o.result && !o.result.ok ? failureDto(o.result.failure) : null,
  };
}

async function runCheck(job: CheckJob, sink: JobSink, signal: AbortSignal, pool: ProviderPool): Promise<JobSummary> {
  const targets = chooseTargets(job.targets);
  // One provider for every target: listings and metadata are read once (wheel metadata of
  // one version is the same on every platform in practice; usability is checked per target).
  const { provider } = pool.get(job.index, null, '*');
  let done = 0;
  sink.progress(`Checking ${targets.length} environments`);
  const report = await checkTargets(
    provider,
    { requirements: job.requirements.map((r) => r.text), constraints: job.constraints, prerelease: job.prerelease, resolution: job.strategy },
    targets,
    {
      signal,
      onProgress: (s) => sink.progress(`${done}/${targets.length} environments checked; ${progressTitle(s)}`),
      onTarget: (o, index) => {
        done = index + 1;
        const t = targets[index];
        sink.data({ type: 'target', index, total: targets.length, outcome: targetDto(o, t !== undefined && pythonWarning(job.projectRequiresPython, t).length > 0) });
        sink.progress(`${done}/${targets.length} environments checked`);
      },
    },
  );
  sink.data({
    type: 'matrix',
    requirements: [...job.requirements],
    failing: [...report.failing],
    groups: report.groups.map((g) => ({ ids: [...g.ids], pins: [...g.pins] })),
  });
  return { ok: report.failing.length === 0, failing: report.failing.length };
}

/** Run one job to its end (throws the signal's reason when cancelled). */
export function runJob(job: DependenciesJob, sink: JobSink, signal: AbortSignal, pool: ProviderPool): Promise<JobSummary> {
  return job.kind === 'resolve' ? runResolve(job, sink, signal, pool) : runCheck(job, sink, signal, pool);
}
