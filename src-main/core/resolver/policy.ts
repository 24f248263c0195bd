/**
 * Candidate choice: the pre-release policy and the resolution strategy.
 *
 * ## Pre-release policy (default `prefer-stable`): uv's current rule, not pip's
 * Stable versions are always preferred, even when a requirement names a pre-release
 * (`a>=1.0a1` picks 1.3 over 2.0b1); a pre-release is chosen only when no stable version fits
 * the combined requirements — root and transitive, after backtracking — and a project with only
 * pre-releases gets its newest one. Ranges keep PEP 440's exclusive-comparison rules
 * (`<2.0` never admits `2.0a1`).
 *
 * Why uv's and not pip's (PEP 440 "pre-releases only when a specifier names one or nothing else
 * matches"): (1) it is a pure preference, so it never makes a resolvable set unresolvable —
 * pip's rule fails `a -> b>0.1` when b's only match is `1.0a1` (packse
 * `transitive-package-only-prereleases-in-range`), which uv now resolves; (2) it does not
 * depend on the order or the grouping of requirements (pip's does: `c>=1.0` then `c>=0.5a1`
 * vs the reverse; `c` vs `c[extra]`), so results are reproducible; (3) it is the rule uv's
 * current packse copy and its expected outputs encode (uv PR #19993), the corpus our tests
 * check against. In PubGrub it is just the order candidates are tried in: every stable
 * version in range is ruled out by a learned incompatibility before any pre-release is tried.
 *
 * Other policies: `allow` (pre-releases compete with stable versions; newest wins) and
 * `disallow` (never choose a pre-release; failures then hint at the excluded ones).
 *
 * ## Strategies
 * `highest` (default), `lowest`, and `lowest-direct` (lowest for the root's own requirements,
 * highest for the rest), as uv's `--resolution`.
 */
import type { VersionSet } from '../standards/pep440';
import type { ProjectData, VersionEntry } from './solver/package-data';

/** How pre-releases are treated (see the file comment). */
export type PrereleasePolicy = 'prefer-stable' | 'allow' | 'disallow';

/** Which end of the range to try first. */
export type ResolutionStrategy = 'highest' | 'lowest' | 'lowest-direct';

/** Policy names accepted from users (uv's spellings map onto ours). */
export function parsePrereleasePolicy(s: string): PrereleasePolicy {
  switch (s) {
    case 'prefer-stable':
    case 'if-necessary':
    case 'if-necessary-or-explicit':
    case 'explicit':
      return 'prefer-stable';
    case 'allow':
      return 'allow';
    case 'disallow':
      return 'disallow';
    default:
      throw new Error(`unknown pre-release policy ${JSON.stringify(s)} (use prefer-stable, allow or disallow)`);
  }
}

/**
 * The version to try for a package whose allowed versions are `range`, or undefined when none
 * of the listed versions is in range (after the pre-release policy). `lowest` picks from the
 * bottom. Deterministic: depends only on the listing and the range.
 */
export function chooseCandidate(data: ProjectData, range: VersionSet, policy: PrereleasePolicy, lowest: boolean): VersionEntry | undefined {
  const vs = data.versions;
  const n = vs.length;
  let pre: VersionEntry | undefined;
  for (let k = 0; k < n; k++) {
    const e = vs[lowest ? k : n - 1 - k] as VersionEntry;
    if (!range.contains(e.version)) continue;
    if (e.stable || policy === 'allow') return e;
    if (pre === undefined && policy === 'prefer-stable') pre = e;
  }
  return pre;
}

/** How many listed versions lie in `range` (counting stops at `limit`). */
export function countInRange(data: ProjectData, range: VersionSet, limit: number): number {
  let c = 0;
  for (const e of data.versions) {
    if (range.contains(e.version) && ++c >= limit) break;
  }
  return c;
}

/** The listed pre-releases in `range` (for hints when the policy excluded them). */
export function prereleasesInRange(data: ProjectData, range: VersionSet): VersionEntry[] {
  return data.versions.filter((e) => !e.stable && range.contains(e.version));
}
