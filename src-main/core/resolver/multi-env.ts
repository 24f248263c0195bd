/**
 * Multi-environment check: resolve the same requirements for several targets (e.g. CPython
 * 3.9–3.14 × Linux/macOS/Windows) and report, per target, the pins or why it fails. Targets
 * are resolved one after another against one provider, so listings and metadata are fetched
 * once; outcomes with identical pins are grouped.
 */
import { PREDEFINED_TARGETS, type TargetEnvironment } from '../standards/tags';
import { CachingProvider } from './caching-provider';
import type { MetadataProvider } from './provider';
import { explainFailure } from './result/explain';
import type { Hint } from './result/hints';
import { resolve } from './solver/solve';
import { resolverTarget } from './target';
import type { ResolveOptions, ResolveRequest, ResolveResult } from './types';

/** A target to check. */
export interface NamedTargetInput {
  readonly id: string;
  readonly label: string;
  readonly target: TargetEnvironment;
}

/** The outcome for one target. */
export interface TargetOutcome {
  readonly id: string;
  readonly label: string;
  readonly ok: boolean;
  /** Successful: `name==version` lines; failed: empty. */
  readonly pins: readonly string[];
  /** Failed: the first hint, else the explanation's first line; errored: the error message. */
  readonly reason: string | null;
  readonly hints: readonly Hint[];
  readonly result: ResolveResult | null;
  readonly error: string | null;
}

/** The whole check. `groups` lists targets that got identical pins. */
export interface MultiEnvironmentReport {
  readonly outcomes: readonly TargetOutcome[];
  readonly failing: readonly string[];
  readonly groups: readonly { readonly ids: readonly string[]; readonly pins: readonly string[] }[];
}

/** The default matrix: CPython 3.9–3.14 on manylinux_2_28 x86_64, macOS 14 arm64, Windows amd64. */
export function defaultTargetMatrix(): NamedTargetInput[] {
  const platforms = ['manylinux_2_28_x86_64', 'macosx_14_0_arm64', 'win_amd64'];
  return PREDEFINED_TARGETS.filter((t) => t.target.implementation === 'cpython' && !t.target.freeThreaded && platforms.some((p) => t.id.endsWith(`-${p}`)));
}

/** Resolve `request` for each target. */
export async function checkTargets(
  provider: MetadataProvider,
  request: Omit<ResolveRequest, 'target'>,
  targets: readonly NamedTargetInput[],
  options: ResolveOptions & { readonly onTarget?: (o: TargetOutcome, index: number) => void } = {},
): Promise<MultiEnvironmentReport> {
  const outcomes: TargetOutcome[] = [];
  const cached = provider instanceof CachingProvider ? provider : new CachingProvider(provider);
  for (const [i, t] of targets.entries()) {
    options.signal?.throwIfAborted();
    let o: TargetOutcome;
    try {
      const result = await resolve(cached, { ...request, target: resolverTarget(t.target) }, options);
      if (result.ok) {
        o = { id: t.id, label: t.label, ok: true, pins: result.pins.map((p) => `${p.name}==${p.version}`), reason: null, hints: [], result, error: null };
      } else {
        const ex = explainFailure(result.failure);
        const first = ex.lines.find((l) => l.text !== '');
        o = { id: t.id, label: t.label, ok: false, pins: [], reason: ex.hints[0]?.text ?? first?.text ?? 'unsatisfiable', hints: ex.hints, result, error: null };
      }
    } catch (e) {
      if (options.signal?.aborted) throw e;
      o = { id: t.id, label: t.label, ok: false, pins: [], reason: e instanceof Error ? e.message : String(e), hints: [], result: null, error: e instanceof Error ? e.message : String(e) };
    }
    outcomes.push(o);
    options.onTarget?.(o, i);
  }
  const groups = new Map<string, { ids: string[]; pins: readonly string[] }>();
  for (const o of outcomes) {
    if (!o.ok) continue;
    const key = o.pins.join('\n');
    const g = groups.get(key);
    if (g) g.ids.push(o.id);
    else groups.set(key, { ids: [o.id], pins: o.pins });
  }
  return { outcomes, failing: outcomes.filter((o) => !o.ok).map((o) => o.id), groups: [...groups.values()] };
}
