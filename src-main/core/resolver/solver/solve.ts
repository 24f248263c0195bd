/**
 * The PubGrub main loop (Dart pub `doc/solver.md` §The Algorithm, §Decision Making): propagate,
 * pick a package, choose a version, add its dependencies as incompatibilities, decide it unless
 * that would conflict at once. Asynchronous only where it reads from the provider; every
 * choice depends on data, never on timing, so results are deterministic.
 *
 * Package order: packages whose range holds at most one listed version first (exact pins
 * and dead ends surface early), then the order in which packages were first required (uv's
 * rule; it keeps the user's requirements ahead of deep transitive ones).
 */
import type { NormalizedName } from '../../standards/names';
import { parseVersion, VersionSet, type Version } from '../../standards/pep440';
import { chooseCandidate, countInRange, prereleasesInRange, type PrereleasePolicy } from '../policy';
import { MetadataUnavailableError, type MetadataProvider, type VersionMetadata } from '../provider';
import { buildTree, treePackages } from '../result/failure';
import type { ResolutionFailure, ResolutionSuccess, ResolveOptions, ResolveRequest, ResolveResult, ResolveStats } from '../types';
import { collectPins } from './collect-pins';
import { NoSolutionError, SolverCore } from './core';
import { BadRequirementError, dependenciesOf, type Dependency } from './dependencies';
import type { Incompatibility, UnavailableReason } from './incompatibility';
import { PackageData, type VersionEntry } from './package-data';
import { baseName, extraOf, ROOT, type PackageKey } from './package-key';
import { rootInfo, type RootInfo } from './root';
import { Term } from './term';
import { checkRequiresPython, checkUsable, type BuildOptions } from './usability';

/** Thrown when a resolution exceeds its step or time budget. */
export class ResolutionLimitError extends Error {
  override readonly name = 'ResolutionLimitError';
  constructor(
    message: string,
    readonly stats: ResolveStats,
  ) {
    super(message);
  }
}

const ROOT_VERSION = parseVersion('0');

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

class Resolution {
  private readonly core = new SolverCore();
  private readonly data: PackageData;
  private readonly root: RootInfo;
  private readonly policy: PrereleasePolicy;
  private readonly build: BuildOptions;
  private readonly discovery = new Map<PackageKey, number>();
  private readonly depsOf = new Map<string, Dependency[]>();
  private readonly unavailableSeen = new Set<string>();
  private readonly warnings = new Set<string>();
  private readonly tierCache = new WeakMap<Term, number>();
  private readonly started = performance.now();
  private decisions = 0;
  private steps = 0;
  private lastProgress = 0;

  constructor(
    provider: MetadataProvider,
    private readonly request: ResolveRequest,
    private readonly options: ResolveOptions,
  ) {
    this.data = new PackageData(provider, options.concurrency ?? 8, options.signal);
    this.root = rootInfo(request.requirements, request.constraints ?? [], request.target);
    this.policy = request.prerelease ?? 'prefer-stable';
    const set = (v: readonly string[] | true | undefined): ReadonlySet<string> | true => (v === true ? true : new Set((v ?? []).map((n) => n.toLowerCase().replace(/[-_.]+/g, '-'))));
    this.build = { noBinary: set(request.noBinary), noBuild: set(request.noBuild) };
  }

  stats(): ResolveStats {
    const c = this.core.stats;
    return {
      steps: this.steps,
      decisions: this.decisions,
      backtracks: c.backtracks,
      conflicts: c.conflicts,
      incompatibilities: c.incompatibilities,
      packagesListed: this.data.counts.listed,
      metadataFetched: this.data.counts.metadata,
      elapsedMs: Math.round(performance.now() - this.started),
    };
  }

  async run(): Promise<ResolveResult> {
    const core = this.core;
    core.add(core.create([[ROOT, Term.neg(VersionSet.exact(ROOT_VERSION))]], { kind: 'root' }));
    for (const c of this.root.constraints) core.add(core.create([[c.name, Term.pos(c.range.complement())]], { kind: 'constraint', requirements: c.requirements }));
    let next: PackageKey = ROOT;
    try {
      for (;;) {
        await this.tick();
        core.propagate(next);
        const undecided = core.solution.undecided();
        if (undecided.length === 0) break;
        const pkg = await this.pick(undecided);
        next = await this.decide(pkg);
      }
    } catch (e) {
      if (e instanceof NoSolutionError) return this.failure(e.incompatibility);
      throw e;
    }
    return this.success();
  }

  private async tick(): Promise<void> {
    const { signal, maxSteps = 100_000, timeoutMs, onProgress, progressIntervalMs = 100 } = this.options;
    this.steps++;
    signal?.throwIfAborted();
    const now = performance.now();
    if (this.steps > maxSteps) throw new ResolutionLimitError(`resolution stopped after ${maxSteps} steps without an answer (too many conflicting candidates to explore)`, this.stats());
    if (timeoutMs !== undefined && now - this.started > timeoutMs) throw new ResolutionLimitError(`resolution stopped after ${timeoutMs} ms without an answer (too many conflicting candidates to explore)`, this.stats());
    if (onProgress && now - this.lastProgress >= progressIntervalMs) {
      this.lastProgress = now;
      onProgress(this.stats());
    }
    // Let timers and abort signals run during long CPU-bound stretches.
    if (this.steps % 64 === 0) await new Promise<void>((r) => setImmediate(r));
  }

  private async pick(undecided: PackageKey[]): Promise<PackageKey> {
    if (undecided.includes(ROOT)) return ROOT;
    const empty = undecided.find((k) => (this.core.solution.accumulated(k) as Term).set.isEmpty);
    if (empty !== undefined) return empty;
    const listings = await abortable(Promise.all(undecided.map((k) => this.data.listing(baseName(k)))), this.options.signal);
    const ranked = undecided.map((key, i) => {
      const data = listings[i];
      const acc = this.core.solution.accumulated(key) as Term;
      const range = acc.set;
      // The accumulated term object changes only when the package's assignments do.
      let tier = this.tierCache.get(acc);
      if (tier === undefined) {
        tier = data === null || data === undefined || countInRange(data, range, 2) <= 1 ? 0 : 1;
        this.tierCache.set(acc, tier);
      }
      return { key, tier, order: this.discovery.get(key) ?? Number.MAX_SAFE_INTEGER, data, range };
    });
    ranked.sort((a, b) => a.tier - b.tier || a.order - b.order);
    if (this.options.prefetch !== false) {
      const limit = this.options.concurrency ?? 8;
      for (const r of ranked.slice(1, 1 + limit)) {
        if (!r.data) continue;
        const e = chooseCandidate(r.data, r.range, this.policy, this.lowest(r.key));
        if (e) void this.data.metadata(r.data.name, e.version).catch(() => undefined);
      }
    }
    return (ranked[0] as (typeof ranked)[number]).key;
  }

  private lowest(key: PackageKey): boolean {
    const s = this.request.resolution ?? 'highest';
    return s === 'lowest' || (s === 'lowest-direct' && this.root.directNames.has(baseName(key)));
  }

  private addUnavailable(key: PackageKey, entry: VersionEntry, reason: UnavailableReason): void {
    const id = `${key} ${entry.key}`;
    if (this.unavailableSeen.has(id)) return;
    this.unavailableSeen.add(id);
    this.core.add(this.core.create([[key, Term.pos(VersionSet.exact(entry.version))]], { kind: 'unavailable', reason, versions: [entry.version] }));
  }

  private async decide(pkg: PackageKey): Promise<PackageKey> {
    if (pkg === ROOT) {
      this.addDependencies(ROOT, ROOT_VERSION, this.root.dependencies);
      this.core.solution.decide(ROOT, ROOT_VERSION);
      return ROOT;
    }
    const core = this.core;
    const name = baseName(pkg);
    const extra = extraOf(pkg);
    const range = (core.solution.accumulated(pkg) as Term).set;
    if (range.isEmpty) {
      core.add(core.create([[pkg, Term.pos(range)]], { kind: 'no-versions' }));
      return pkg;
    }
    const data = await abortable(this.data.listing(name), this.options.signal);
    if (data === null) {
      core.add(core.create([[pkg, Term.pos(VersionSet.any())]], { kind: 'not-found' }));
      return pkg;
    }
    const entry = chooseCandidate(data, range, this.policy, this.lowest(pkg));
    if (!entry) {
      core.add(core.create([[pkg, Term.pos(range)]], { kind: 'no-versions' }));
      return pkg;
    }
    const v = entry.version;
    this.options.onCandidate?.(pkg, entry.key);
    const unusable = checkUsable(name, entry, this.request.target, this.build, this.root.exactPins.get(name));
    if (unusable) {
      this.addUnavailable(name, entry, unusable);
      if (extra === null) return pkg;
      // The extra's version needs the base version, which is unusable: record that link only.
      core.addDependency(pkg, VersionSet.exact(v), name, VersionSet.exact(v), [`${name}==${entry.key}`]);
      return name;
    }
    let meta: VersionMetadata;
    try {
      meta = await abortable(this.data.metadata(name, v), this.options.signal);
    } catch (e) {
      if (!(e instanceof MetadataUnavailableError)) throw e;
      this.addUnavailable(pkg, entry, { type: 'metadata-unavailable', message: e.message });
      return pkg;
    }
    const rp = extra === null ? checkRequiresPython(meta.requiresPython, this.request.target.python) : null;
    if (rp) {
      this.addUnavailable(pkg, entry, rp);
      return pkg;
    }
    let deps: Dependency[];
    try {
      const r = dependenciesOf(pkg, v, meta, this.request.target.markers);
      for (const w of r.warnings) this.warnings.add(w);
      deps = r.dependencies;
    } catch (e) {
      if (!(e instanceof BadRequirementError)) throw e;
      this.addUnavailable(pkg, entry, { type: 'invalid-metadata', message: e.message });
      return pkg;
    }
    if (!this.addDependencies(pkg, v, deps)) {
      core.solution.decide(pkg, v);
      this.decisions++;
    }
    return pkg;
  }

  /** Add dependency incompatibilities; true when deciding `pkg==v` would conflict at once. */
  private addDependencies(pkg: PackageKey, v: Version, deps: Dependency[]): boolean {
    const s = this.core.solution;
    this.depsOf.set(`${pkg} ${v.toString()}`, deps);
    let conflict = false;
    const self = VersionSet.exact(v);
    for (const d of deps) {
      if (!this.discovery.has(d.key)) {
        this.discovery.set(d.key, this.discovery.size);
        if (this.options.prefetch !== false) void this.data.listing(baseName(d.key)).catch(() => undefined);
      }
      const inc: Incompatibility = this.core.addDependency(pkg, self, d.key, d.range, d.requirements);
      if (!conflict) conflict = inc.packages.every((p, i) => p === pkg || s.satisfies(p, inc.terms[i] as Term));
    }
    return conflict;
  }

  private success(): ResolutionSuccess {
    const isYanked = (name: NormalizedName, v: Version): boolean => {
      const y = this.data.listingIfReady(name)?.byKey.get(v.toString())?.info.yanked;
      return y !== undefined && y !== false;
    };
    const pins = collectPins(this.core.solution.decisions(), this.depsOf, this.root.directNames, isYanked);
    const stats = this.stats();
    this.options.onProgress?.(stats);
    return { ok: true, pins, warnings: [...this.warnings].sort(), stats };
  }

  private failure(inc: Incompatibility): ResolutionFailure {
    const tree = buildTree(inc);
    const available = new Map<NormalizedName, readonly Version[]>();
    const excludedPrereleases = new Map<NormalizedName, readonly Version[]>();
    for (const name of treePackages(tree)) {
      const data = this.data.listingIfReady(name);
      if (!data) continue;
      available.set(name, data.versions.map((e) => e.version));
      if (this.policy === 'disallow') {
        const pre = prereleasesInRange(data, VersionSet.any());
        if (pre.length > 0) excludedPrereleases.set(name, pre.map((e) => e.version));
      }
    }
    const stats = this.stats();
    this.options.onProgress?.(stats);
    return {
      ok: false,
      failure: {
        tree,
        available,
        excludedPrereleases,
        rootRequirements: this.request.requirements,
        target: { label: this.request.target.label, python: this.request.target.python.toString() },
        prerelease: this.policy,
      },
      warnings: [...this.warnings].sort(),
      stats,
    };
  }
}

/**
 * Resolve `request` against `provider`: pins, or a structured failure. Throws on bad input
 * (BadRequirementError), transport errors, cancellation (the signal's reason) and budget
 * overruns (ResolutionLimitError).
 */
export async function resolve(provider: MetadataProvider, request: ResolveRequest, options: ResolveOptions = {}): Promise<ResolveResult> {
  return new Resolution(provider, request, options).run();
}
