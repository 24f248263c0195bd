/**
 * Can a listed version be used on the target, before reading its metadata?
 *
 * - PEP 592: a yanked version is used only when the root requirements pin it with `==`/`===`
 *   (uv's and packse's rule: a transitive pin is not enough; a root pin also serves transitive
 *   needs).
 * - Requires-Python (PEP 345, as listed by PEP 503/691 indexes) must admit the target Python.
 * - Distributions: a version is usable when it has a source distribution (and building is
 *   allowed for it) or a wheel whose PEP 425 tags the target accepts (and binaries are allowed).
 *   A version whose listing names no files at all is assumed usable.
 */
import { parseWheelFilename } from '../../standards/filenames';
import type { NormalizedName } from '../../standards/names';
import { SpecifierSet, type Version, type VersionSet } from '../../standards/pep440';
import { tagKey, type Tag } from '../../standards/tags';
import type { ResolverTarget } from '../target';
import type { UnavailableReason } from './incompatibility';
import type { VersionEntry } from './package-data';

/** Which packages may not use wheels / may not be built from source (`true` = all). */
export interface BuildOptions {
  readonly noBinary: ReadonlySet<string> | true;
  readonly noBuild: ReadonlySet<string> | true;
}

const specCache = new Map<string, SpecifierSet | null>();

/** A Requires-Python specifier set, or null when absent or unparsable (then ignored, as pip does). */
export function requiresPythonSet(text: string | null | undefined): SpecifierSet | null {
  if (!text || !text.trim()) return null;
  let s = specCache.get(text);
  if (s === undefined) {
    s = SpecifierSet.tryParse(text.trim());
    specCache.set(text, s);
  }
  return s;
}

/** The requires-python reason when `python` is outside `text`, else null. */
export function checkRequiresPython(text: string | null | undefined, python: Version): UnavailableReason | null {
  const set = requiresPythonSet(text);
  if (!set || set.contains(python, { prereleases: true })) return null;
  return { type: 'requires-python', specifier: set.toString(), python: python.toString() };
}

interface TargetTagIndex {
  readonly all: ReadonlySet<string>;
  readonly interpreters: ReadonlySet<string>;
  readonly abis: ReadonlySet<string>;
  readonly best: Tag | undefined;
}

const tagIndexes = new WeakMap<readonly Tag[], TargetTagIndex>();

function tagIndex(tags: readonly Tag[]): TargetTagIndex {
  let idx = tagIndexes.get(tags);
  if (!idx) {
    idx = {
      all: new Set(tags.map(tagKey)),
      interpreters: new Set(tags.map((t) => t.interpreter)),
      abis: new Set(tags.map((t) => t.abi)),
      best: tags[0],
    };
    tagIndexes.set(tags, idx);
  }
  return idx;
}

function has(set: ReadonlySet<string> | true, name: string): boolean {
  return set === true || set.has(name);
}

/** Why the files of `entry` give the target nothing to install, or null. */
function checkFiles(name: NormalizedName, entry: VersionEntry, target: ResolverTarget, build: BuildOptions): UnavailableReason | null {
  const files = entry.info.files;
  if (files.length === 0) return null;
  const noBinary = has(build.noBinary, name);
  const noBuild = has(build.noBuild, name);
  const hasSdist = files.some((f) => f.kind === 'sdist');
  if (hasSdist && !noBuild) return null;
  const wheels = files.filter((f) => f.kind === 'wheel');
  if (noBinary) return hasSdist ? { type: 'no-wheels-no-build' } : { type: 'no-sdist-no-binary' };
  if (wheels.length === 0) return hasSdist ? { type: 'no-wheels-no-build' } : { type: 'no-wheels-no-build' };
  if (target.tags === null) return null;
  const idx = tagIndex(target.tags);
  let mismatch: 'python' | 'abi' | 'platform' = 'python';
  const found = { python: new Set<string>(), abi: new Set<string>(), platform: new Set<string>() };
  for (const f of wheels) {
    let tags: readonly Tag[];
    try {
      tags = parseWheelFilename(f.filename).tags;
    } catch {
      continue;
    }
    for (const t of tags) {
      if (idx.all.has(tagKey(t))) return null;
      if (!idx.interpreters.has(t.interpreter)) found.python.add(t.interpreter);
      else if (!idx.abis.has(t.abi)) {
        found.abi.add(t.abi);
        if (mismatch === 'python') mismatch = 'abi';
      } else {
        found.platform.add(t.platform);
        mismatch = 'platform';
      }
    }
  }
  const best = idx.best;
  const example = mismatch === 'platform' ? (best?.platform ?? '') : mismatch === 'abi' ? (best?.abi ?? '') : (best?.interpreter ?? '');
  return { type: 'no-matching-wheel', mismatch, found: [...found[mismatch]].sort(), example };
}

/**
 * The reason `entry` cannot be used, or null. `allowYanked` holds the versions the root
 * requirements pin exactly.
 */
export function checkUsable(
  name: NormalizedName,
  entry: VersionEntry,
  target: ResolverTarget,
  build: BuildOptions,
  allowYanked: VersionSet | undefined,
): UnavailableReason | null {
  const y = entry.info.yanked;
  if (y !== false && !(allowYanked?.contains(entry.version) ?? false)) {
    return { type: 'yanked', reason: typeof y === 'string' && y !== '' ? y : null };
  }
  return checkRequiresPython(entry.info.requiresPython, target.python) ?? checkFiles(name, entry, target, build);
}
