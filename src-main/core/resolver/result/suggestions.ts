/**
 * Suggested fixes for a failed resolution: the smallest changes to the user's requirements
 * that make the set resolvable, each verified by re-solving within a time budget.
 *
 * Candidates, cheapest first, for each requirement the failure's derivation names: raise its
 * upper bound, lower its lower bound, move its `==` pin (each tightened to the version the
 * re-solve picked, e.g. `a<2` → `a<=2.3.1`); then drop its version specifier; then drop it.
 * Also: allow pre-releases (when disallowed), and resolve for a newer Python when
 * Requires-Python is part of the failure (needs `retarget`). The provider's cache makes
 * re-solves cheap; the budget bounds the total time.
 */
import { normalizeName } from '../../standards/names';
import type { Specifier } from '../../standards/pep440';
import { parseRequirement } from '../../standards/pep508';
import type { PrereleasePolicy } from '../policy';
import { CachingProvider } from '../caching-provider';
import type { MetadataProvider } from '../provider';
import { resolve } from '../solver/solve';
import type { ResolverTarget } from '../target';
import type { Pin, ResolveRequest } from '../types';
import type { FailureReport } from './failure';
import { ROOT } from '../solver/package-key';

/** One verified fix. */
export interface Suggestion {
  readonly kind: 'relax-upper' | 'relax-lower' | 'change-pin' | 'unpin' | 'drop' | 'allow-prereleases' | 'change-python';
  readonly description: string;
  /** The requirement changed (index into the request's requirements), if any. */
  readonly requirementIndex: number | null;
  readonly from: string | null;
  /** The new requirement text (null when dropped). */
  readonly to: string | null;
  /** The whole new requirement list. */
  readonly requirements: readonly string[];
  readonly prerelease?: PrereleasePolicy;
  readonly python?: string;
  /** Smaller is a smaller change. */
  readonly cost: number;
  /** The resolution the change leads to. */
  readonly pins: readonly Pin[];
}

/** Options: a total time budget (default 5 s), the number wanted (default 5), cancellation. */
export interface SuggestOptions {
  readonly timeoutMs?: number;
  readonly max?: number;
  readonly signal?: AbortSignal;
  /** Build a target for another Python version (enables `change-python`). */
  readonly retarget?: (python: string) => ResolverTarget;
  readonly pythonCandidates?: readonly string[];
}

interface Candidate {
  kind: Suggestion['kind'];
  cost: number;
  index: number | null;
  /** New text before tightening; null = drop. */
  text: string | null;
  /** How to tighten once a resolution is known. */
  tighten?: (pinned: string) => string;
  prerelease?: PrereleasePolicy;
  python?: string;
}

const UPPER = new Set(['<', '<=']);
const LOWER = new Set(['>', '>=']);

function head(text: string): { name: string; base: string; marker: string } {
  const r = parseRequirement(text);
  const extras = r.extras.length > 0 ? `[${r.extras.join(',')}]` : '';
  return { name: normalizeName(r.name), base: `${r.name}${extras}`, marker: r.marker ? ` ; ${r.marker.toString()}` : '' };
}

function clauses(list: readonly Specifier[]): string {
  return list.map((s) => s.toString()).join(',');
}

function candidatesFor(index: number, text: string, total: number): Candidate[] {
  const r = parseRequirement(text);
  if (r.url !== null) return [];
  const { base, marker } = head(text);
  const specs = r.specifier.specifiers;
  const out: Candidate[] = [];
  const isUpper = (s: Specifier): boolean => UPPER.has(s.operator) || s.operator === '~=' || (s.operator === '==' && s.wildcard);
  const isLower = (s: Specifier): boolean => LOWER.has(s.operator) || s.operator === '~=';
  const isPin = (s: Specifier): boolean => (s.operator === '==' && !s.wildcard) || s.operator === '===';
  const make = (keep: Specifier[], extra: string | null): string => `${base}${[clauses(keep), extra].filter((x) => x).join(',')}${marker}`;
  if (specs.some(isUpper)) {
    const keep = specs.filter((s) => !isUpper(s));
    const keepLower = specs.filter((s) => s.operator === '~=').map((s) => `>=${s.version}`);
    const kept = [clauses(keep), ...keepLower].filter((x) => x).join(',');
    out.push({ kind: 'relax-upper', cost: 1, index, text: `${base}${kept}${marker}`, tighten: (v) => `${base}${[kept, `<=${v}`].filter((x) => x).join(',')}${marker}` });
  }
  if (specs.some(isLower)) {
    const keep = specs.filter((s) => !isLower(s));
    out.push({ kind: 'relax-lower', cost: 1, index, text: make(keep, null), tighten: (v) => make(keep, `>=${v}`) });
  }
  if (specs.some(isPin)) {
    const keep = specs.filter((s) => !isPin(s));
    out.push({ kind: 'change-pin', cost: 1, index, text: make(keep, null), tighten: (v) => make(keep, `==${v}`) });
  }
  if (specs.length > 0) out.push({ kind: 'unpin', cost: 2, index, text: `${base}${marker}` });
  if (total > 1) out.push({ kind: 'drop', cost: 3, index, text: null });
  return out;
}

function describe(c: Candidate, from: string | null, to: string | null): string {
  switch (c.kind) {
    case 'drop':
      return `Remove the requirement \`${from ?? ''}\``;
    case 'allow-prereleases':
      return 'Allow pre-releases';
    case 'change-python':
      return `Resolve for Python ${c.python ?? ''}`;
    default:
      return `Change \`${from ?? ''}\` to \`${to ?? ''}\``;
  }
}

/** The indices of the user's requirements that the failure's derivation mentions. */
export function involvedRequirements(failure: FailureReport): number[] {
  const out = new Set<number>();
  for (const n of failure.tree.nodes.values()) {
    if (n.cause.kind !== 'dependency' || n.cause.dependent !== ROOT) continue;
    for (const r of n.cause.requirements) {
      const i = failure.rootRequirements.indexOf(r);
      if (i >= 0) out.add(i);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Find verified fixes, smallest first. */
export async function suggestFixes(source: MetadataProvider, request: ResolveRequest, failure: FailureReport, opts: SuggestOptions = {}): Promise<Suggestion[]> {
  const started = performance.now();
  const provider = source instanceof CachingProvider ? source : new CachingProvider(source);
  const budget = opts.timeoutMs ?? 5000;
  const max = opts.max ?? 5;
  const reqs = request.requirements;
  const cands: Candidate[] = [];
  for (const i of involvedRequirements(failure)) cands.push(...candidatesFor(i, reqs[i] as string, reqs.length));
  if (request.prerelease === 'disallow') cands.push({ kind: 'allow-prereleases', cost: 1.5, index: null, text: null, prerelease: 'prefer-stable' });
  const rpFailure = [...failure.tree.nodes.values()].some((n) => n.cause.kind === 'unavailable' && n.cause.reason.type === 'requires-python');
  if (rpFailure && opts.retarget) {
    const current = request.target.python;
    for (const py of opts.pythonCandidates ?? ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14']) {
      const t = opts.retarget(py);
      if (t.python.release[0] === current.release[0] && (t.python.release[1] ?? 0) > (current.release[1] ?? 0)) cands.push({ kind: 'change-python', cost: 2.5, index: null, text: null, python: py });
    }
  }
  cands.sort((a, b) => a.cost - b.cost);
  const out: Suggestion[] = [];
  const attempt = async (requirements: readonly string[], c: Candidate) => {
    const left = budget - (performance.now() - started);
    if (left <= 0) return null;
    const target = c.python && opts.retarget ? opts.retarget(c.python) : request.target;
    try {
      const r = await resolve(provider, { ...request, requirements, target, prerelease: c.prerelease ?? request.prerelease }, { signal: opts.signal, timeoutMs: left, prefetch: true });
      return r.ok ? r : null;
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      return null;
    }
  };
  const seen = new Set<string>();
  const relaxed = new Set<number>();
  for (const c of cands) {
    if (out.length >= max || performance.now() - started > budget) break;
    // Dropping every specifier is no smaller than a bound change that already works.
    if (c.kind === 'unpin' && c.index !== null && relaxed.has(c.index)) continue;
    const from = c.index === null ? null : (reqs[c.index] as string);
    const listWith = (text: string | null): string[] => (c.index === null ? [...reqs] : reqs.flatMap((r, i) => (i === c.index ? (text === null ? [] : [text]) : [r])));
    let to = c.index === null ? null : c.text;
    let res = await attempt(listWith(to), c);
    if (!res) continue;
    if (c.tighten && from !== null) {
      const name = head(from).name;
      const pinned = res.pins.find((p) => p.name === name)?.version;
      if (pinned !== undefined) {
        const tight = c.tighten(c.kind === 'change-pin' ? pinned : (pinned.split('+')[0] as string));
        const again = await attempt(listWith(tight), c);
        if (again) {
          to = tight;
          res = again;
        }
      }
    }
    if (c.index !== null && c.cost <= 1) relaxed.add(c.index);
    const key = `${c.kind}|${c.index}|${to}|${c.python ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      kind: c.kind,
      description: describe(c, from, to),
      requirementIndex: c.index,
      from,
      to,
      requirements: listWith(to),
      ...(c.prerelease ? { prerelease: c.prerelease } : {}),
      ...(c.python ? { python: c.python } : {}),
      cost: c.cost,
      pins: res.pins,
    });
  }
  return out;
}
