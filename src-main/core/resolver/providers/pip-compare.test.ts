/**
 * Against pip: real requirement sets resolved from this machine's local package index (found
 * by discoverLocalIndexes(); PEP 503 file trees) by Packwright (IndexProvider + the PubGrub
 * resolve()) and by pip (`pip install --dry-run --ignore-installed --report`, same indexes,
 * same interpreter for markers, tags and Requires-Python, `--only-binary :all:`, no pip
 * configuration). Pins must be identical; any difference must be listed in EXPLAINED below
 * with its reason.
 *
 * Set-up notes:
 * - pip merges every index (`--extra-index-url`), so the provider uses `unsafe-best-match`.
 * - `--only-binary :all:` ↔ `noBuild: true`: neither side builds sdists.
 * - The target is the running interpreter's own environment (packaging's default_environment
 *   and sys_tags), exactly what pip uses; no `--python-version` emulation is involved.
 * - Pre-releases: pip follows PEP 440 (only when named or the only match); Packwright's default
 *   policy (prefer stable) picks none either on these sets, so it needs no special setting.
 * - Yanked files: none on this index; both tools would skip them unless pinned (PEP 592).
 * Result on this machine: identical pins for every resolvable set (EXPLAINED is empty), and
 * both tools fail on the unresolvable one, naming the missing project.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { probeTool, skipUnless } from '../../../testing/require-tool';
import { runPythonBatch } from '../../../testing/python-oracle';
import { discoverLocalIndexes } from '../../local-index/discover';
import type { MarkerEnvironment } from '../../standards/environment';
import { parseVersion } from '../../standards/pep440';
import { makeTag } from '../../standards/tags';
import { treePackages } from '../result/failure';
import { resolve } from '../solver/solve';
import type { ResolverTarget } from '../target';
import { IndexProvider } from './index-provider';

const oracle = fileURLToPath(new URL('./pip-compare.oracle.py', import.meta.url));

/** Requirement sets; each must be resolvable from the local index. */
const SETS: Readonly<Record<string, readonly string[]>> = {
  scientific: ['numpy', 'scipy', 'pandas', 'matplotlib', 'scikit-learn', 'seaborn', 'statsmodels', 'sympy', 'networkx'],
  'scientific, numpy<2': ['numpy<2', 'scipy', 'pandas', 'matplotlib', 'scikit-learn'],
  web: ['fastapi', 'uvicorn[standard]', 'requests', 'httpx', 'flask', 'django', 'gunicorn', 'sqlalchemy', 'aiohttp', 'alembic', 'flask-sqlalchemy', 'redis', 'pydantic-settings'],
  /** Unresolvable on this index: celery needs click-didyoumean, which the index lacks. */
  'web + celery': ['flask', 'celery'],
};

/** Sets both tools must fail on, and the package the failure must name. */
const UNRESOLVABLE: Readonly<Record<string, string>> = { 'web + celery': 'click-didyoumean' };

/**
 * Differences between pip's pins and ours, by set and package, with the reason. Empty means
 * "identical pins" for every set.
 */
const EXPLAINED: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

interface PipAnswer {
  readonly pins: Record<string, string> | null;
  readonly error: string | null;
  readonly env: { markers: MarkerEnvironment; tags: [string, string, string][] };
}

const indexes = await discoverLocalIndexes();
const pip = probeTool('python3 with pip >= 22.2 (--report)', process.env.PACKWRIGHT_PYTHON ?? 'python3', ['-c', 'import pip, sys; sys.exit(0 if tuple(map(int, pip.__version__.split(".")[:2])) >= (22, 2) else 1)']);
const local = { available: indexes.length > 0, reason: "no local PEP 503 index (PACKWRIGHT_LOCAL_INDEX or pip's index-url/extra-index-url file:// folders)" };
const skip = skipUnless(local) || skipUnless(pip);

describe.skipIf(skip)('pins against pip on the local index', () => {
  const urls = indexes.map((i) => `${pathToFileURL(i.simpleDir).href}/`);
  const names = Object.keys(SETS);
  const pipRun = skip ? null : runPythonBatch<{ requirements: readonly string[]; index_urls: string[]; only_binary: boolean }, PipAnswer>(oracle, names.map((n) => ({ requirements: SETS[n] as string[], index_urls: urls, only_binary: true })));

  it.each(names)('%s', async (name) => {
    const answers = await pipRun!;
    const answer = answers[names.indexOf(name)]!;
    const { markers, tags } = answer.env;
    const target: ResolverTarget = { markers, python: parseVersion(markers.python_full_version), tags: tags.map(([i, a, p]) => makeTag(i, a, p)), label: `this interpreter (CPython ${markers.python_full_version})` };
    const provider = new IndexProvider({ indexes: urls, strategy: 'unsafe-best-match', tags: target.tags });
    const result = await resolve(provider, { requirements: SETS[name]!, target, noBuild: true });
    const missing = UNRESOLVABLE[name];
    if (missing !== undefined) {
      expect(answer.error).toMatch(new RegExp(`No matching distribution found for ${missing}`, 'i'));
      expect(result.ok).toBe(false);
      if (!result.ok) expect([...treePackages(result.failure.tree)]).toContain(missing);
      return;
    }
    expect(answer.error, `pip failed for ${name}`).toBeNull();
    if (!result.ok) throw new Error(`Packwright found ${name} unresolvable: ${JSON.stringify(result.failure.rootRequirements)}`);
    const ours = Object.fromEntries(result.pins.map((p) => [p.name, p.version]));
    const theirs = answer.pins!;
    const diffs: Record<string, string> = {};
    for (const pkg of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const a = theirs[pkg] === undefined ? null : parseVersion(theirs[pkg]!).toString();
      const b = ours[pkg] ?? null;
      if (a !== b) diffs[pkg] = `pip ${a ?? '(absent)'}, packwright ${b ?? '(absent)'}`;
    }
    const explained = EXPLAINED[name] ?? {};
    const unexplained = Object.keys(diffs).filter((p) => !(p in explained));
    expect(unexplained.map((p) => `${p}: ${diffs[p]}`)).toEqual([]);
    expect(Object.keys(ours).length).toBeGreaterThan(SETS[name]!.length);
  });
});
