/**
 * packse scenarios (shared/corpus/packse, uv's copy winning) resolved through a real PEP 503
 * file tree: each scenario becomes metadata-only wheels, sdists holding PKG-INFO and PEP 658
 * `.metadata` files (providers/testing/build-tree.ts), read back by the index provider over
 * file://. Checks: satisfiable or not as `expected`, pins equal to `expected.packages`, and for
 * failures an explanation naming the same packages and versions as uv's message
 * (uv-expected-outputs.json), compared structurally (testing/explanation-compare.ts).
 *
 * Universal (multi-platform forking) scenarios are out of scope: this resolver resolves for
 * one target. Disagreements with uv are listed in KNOWN_DIFFERENCES with their reason.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/shared-dir';
import { normalizeName } from '../../standards/names';
import { compareVersions, parseVersion } from '../../standards/pep440';
import { IndexProvider } from '../providers/index-provider';
import { buildIndexTree } from '../providers/testing/build-tree';
import { explainFailure } from '../result/explain';
import { resolve } from '../solver/solve';
import { resolverTarget, targetFromStrings } from '../target';
import { coverage, extractMentions, versionsOf } from '../testing/explanation-compare';
import { loadScenarios, scenarioDists, scenarioPython, type ScenarioFile } from '../testing/packse-scenarios';
import type { ResolveResult } from '../types';

/**
 * Scenarios where our answer or explanation differs from uv's, with the reason (a policy
 * choice). Empty: none at present. A listed entry that no longer differs fails the test, so
 * the list stays true.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {};

interface UvCase {
  readonly command: string;
  readonly scenario: string;
  readonly snapshots: readonly string[];
}

const packseDir = sharedPath('corpus', 'packse');
const uvCases = (JSON.parse(readFileSync(join(packseDir, 'uv-expected-outputs.json'), 'utf8')) as { cases: UvCase[] }).cases;
const scenarios = loadScenarios(packseDir).filter((f) => !f.scenario.resolver_options?.universal);
const base = mkdtempSync(join(tmpdir(), 'packwright-packse-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(f: ScenarioFile, i: number): Promise<ResolveResult> {
  const s = f.scenario;
  const tree = await buildIndexTree(join(base, String(i)), scenarioDists(s));
  const target = resolverTarget(targetFromStrings(scenarioPython(s), s.resolver_options?.python_platform));
  const provider = new IndexProvider({ indexes: [tree.simpleUrl], tags: target.tags, cacheDir: null });
  return resolve(provider, {
    requirements: s.root?.requires ?? [],
    target,
    prerelease: s.resolver_options?.prereleases ? 'allow' : 'prefer-stable',
    resolution: s.resolver_options?.resolution,
    noBinary: s.resolver_options?.no_binary,
    noBuild: s.resolver_options?.no_build,
  });
}

/**
 * How our explanation's named packages/versions differ from uv's ([] = none): the same
 * packages must be named, and every version range uv names (as the set of the scenario's
 * versions it covers, one per interval) must be named by us too. Extra intermediate steps of
 * ours are allowed.
 */
function explanationDiff(f: ScenarioFile, ours: string): string[] | null {
  const uv = uvCases.find((c) => c.scenario === f.path && c.command !== 'uv lock' && c.snapshots[0]?.includes('(failure)'));
  if (!uv) return null;
  const uvText = (uv.snapshots[0] ?? '').split('----- stderr -----')[1]?.split('\nhint:')[0] ?? '';
  const s = f.scenario;
  const names = [...Object.keys(s.packages ?? {}), ...(s.root?.requires ?? []).map((r) => r.split(/[[<>=!~;\s]/)[0] ?? r)];
  const available = new Map(Object.entries(s.packages ?? {}).map(([n, p]) => [normalizeName(n), versionsOf(Object.keys(p.versions))]));
  const a = coverage(extractMentions(ours, names, available));
  const b = coverage(extractMentions(uvText, names, available));
  const diffs: string[] = [];
  const pa = [...a.keys()].sort().join(' ');
  const pb = [...b.keys()].sort().join(' ');
  if (pa !== pb) diffs.push(`packages: ours {${pa}} uv {${pb}}`);
  for (const [k, ranges] of b) {
    const missing = [...ranges].filter((r) => !(a.get(k)?.has(r) ?? false));
    if (missing.length > 0) diffs.push(`${k}: uv names versions {${missing.join(' | ')}} that we do not (ours: {${[...(a.get(k) ?? [])].join(' | ')}})`);
  }
  return diffs;
}

describe('packse scenarios through a PEP 503 file tree', () => {
  it('has the non-universal scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(100);
  });

  it.each(scenarios.map((f, i) => [f.scenario.name, f, i] as const))('%s', async (name, f, i) => {
    const s = f.scenario;
    const res = await run(f, i);
    const known = KNOWN_DIFFERENCES[name];
    const problems: string[] = [];
    if (res.ok !== s.expected.satisfiable) problems.push(`satisfiable: got ${res.ok}, expected ${s.expected.satisfiable}`);
    if (res.ok && s.expected.packages) {
      const got = new Map(res.pins.map((p) => [p.name, p.version]));
      const want = new Map(Object.entries(s.expected.packages).map(([n, v]) => [normalizeName(n), v]));
      const same = got.size === want.size && [...want].every(([n, v]) => got.has(n) && compareVersions(parseVersion(got.get(n) as string), parseVersion(v)) === 0);
      if (!same) problems.push(`pins: got ${JSON.stringify([...got])}, expected ${JSON.stringify([...want])}`);
    }
    if (res.ok) {
      // uv's installs list ` + name==version`: a second oracle, also where packse gives no pins.
      const uv = uvCases.find((c) => c.scenario === f.path && c.command === 'uv pip install' && c.snapshots[0]?.includes('(success)'));
      const installed = [...(uv?.snapshots[0] ?? '').matchAll(/^ \+ ([\w.-]+)==(\S+)$/gm)].map((m) => `${normalizeName(m[1] as string)}==${m[2] as string}`);
      const ours = res.pins.map((p) => `${p.name}==${p.version}`);
      if (uv && installed.join(' ') !== ours.join(' ')) problems.push(`uv installed ${installed.join(' ')}; we pinned ${ours.join(' ')}`);
    }
    if (!res.ok) {
      const ex = explainFailure(res.failure);
      expect(ex.text).toMatch(/your requirements are unsatisfiable\.$/m);
      const diff = explanationDiff(f, ex.lines.map((l) => l.text).join('\n'));
      if (diff && diff.length > 0) problems.push(`explanation: ${diff.join('; ')}`);
    }
    if (known) expect(problems, `listed as a known difference (${known}) but agrees now`).not.toEqual([]);
    else expect(problems).toEqual([]);
  });
});
