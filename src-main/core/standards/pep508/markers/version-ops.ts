/**
 * PEP 440 comparisons inside markers, with caches.
 *
 * packaging evaluates a version-valued marker comparison as
 * `Specifier(op + rhs).contains(lhs, prereleases=True)` when `op + rhs` is a valid PEP 440
 * specifier (PEP 508 §Environment Markers: "compare with PEP 440 when both sides parse as
 * versions"). Markers repeat the same few clauses and environment values, so parsed
 * specifiers and versions are cached by text.
 */
import { parseSpecifierAt, type Specifier, tryParseVersion, type Version } from '../../pep440';

const CACHE_LIMIT = 10_000;
const specifiers = new Map<string, Specifier | null>();
const versions = new Map<string, Version | null>();

function cachedSpecifier(text: string): Specifier | null {
  let spec = specifiers.get(text);
  if (spec === undefined) {
    const r = parseSpecifierAt(text, 0, text.length);
    spec = 'error' in r ? null : r;
    if (specifiers.size >= CACHE_LIMIT) specifiers.clear();
    specifiers.set(text, spec);
  }
  return spec;
}

function cachedVersion(text: string): Version | null {
  let v = versions.get(text);
  if (v === undefined) {
    v = tryParseVersion(text);
    if (versions.size >= CACHE_LIMIT) versions.clear();
    versions.set(text, v);
  }
  return v;
}

/**
 * `Specifier(op + specText).contains(candidate, prereleases=True)`, or null when
 * `op + specText` is not a valid specifier (the caller then compares strings).
 */
export function specifierContains(op: string, specText: string, candidate: string): boolean | null {
  const spec = cachedSpecifier(op + specText);
  if (spec === null) return null;
  const v = cachedVersion(candidate);
  return v === null ? spec.matchesRaw(candidate) : spec.matches(v, candidate);
}
