/**
 * PEP 440 specifier sets (`>=1.0, !=1.3.*, <2`) with packaging 26.2's pre-release policy.
 *
 * Spec: PEP 440 "Version specifiers" and "Handling of pre-releases"
 * (https://packaging.python.org/en/latest/specifications/version-specifiers/#handling-of-pre-releases);
 * reference implementation: pypa/packaging 26.2 `SpecifierSet.contains` / `SpecifierSet.filter`.
 *
 * Pre-release policy (decided per call; `prereleases` option ∈ {true, false, null}):
 * 1. An explicit `true` admits pre-releases and `false` rejects them (an unparseable `===`
 *    candidate is never a pre-release). `installed: true` turns the flag on for a pre-release
 *    that is already installed (PEP 440: "…unless they are already present on the system").
 * 2. Otherwise, when the set itself names a pre-release (some clause other than `!=` / `==X.*`
 *    has a pre-release or dev version, e.g. `>=1.0a1`), pre-releases are admitted.
 * 3. Otherwise (`null`), `filter` keeps the final releases that match and drops matching
 *    pre-releases — unless no final release matches, in which case it returns the matching
 *    pre-releases ("…if it is the only version available"). `contains` sees a single candidate,
 *    so by rule 3 a matching pre-release is admitted: only an explicit `false` rejects it.
 * The resolver applies its own policy on top of this (see the resolver module).
 */
import { compareCodePoints, pyStrip } from './python-text';
import { InvalidSpecifierError, parseSpecifierAt, Specifier, type SpecifierParseFailure, type VersionLike } from './single-specifier';
import type { Version} from './version';
import { tryParseVersion } from './version';

export { InvalidSpecifierError, Specifier, type SpecifierOperator, type VersionLike } from './single-specifier';

/** Options for `contains`. */
export interface ContainsOptions {
  readonly prereleases?: boolean | null;
  /** The candidate is already installed: a pre-release is then admitted (PEP 440). */
  readonly installed?: boolean;
}

/** Options for `filter`. */
export interface FilterOptions<T> {
  readonly prereleases?: boolean | null;
  /** Extract the version (or version string) from each item. */
  readonly key?: (item: T) => VersionLike;
}

const CACHE_LIMIT = 50_000;
let cache = new Map<string, Version | null>();

/** Parse a candidate string, memoized (versions are immutable, so sharing is safe). */
export function coerceVersion(item: VersionLike): Version | null {
  if (typeof item !== 'string') return item;
  let v = cache.get(item);
  if (v === undefined) {
    v = tryParseVersion(item);
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(item, v);
  }
  return v;
}

/**
 * A comma-separated AND of specifier clauses; the empty set admits every version.
 *
 * `toString()` equals packaging's `str(SpecifierSet)` (clauses sorted as text, equivalent
 * clauses de-duplicated).
 */
export class SpecifierSet {
  private constructor(
    readonly specifiers: readonly Specifier[],
    private readonly override: boolean | null,
  ) {}

  /** Parse `s` (commas separate clauses; blanks are ignored); throws `InvalidSpecifierError`. */
  static parse(s: string, opts: { prereleases?: boolean | null } = {}): SpecifierSet {
    const r = parseSpecifierSetAt(s, 0, s.length);
    if ('error' in r) throw new InvalidSpecifierError(s, r.position, r.error);
    return new SpecifierSet(r, opts.prereleases ?? null);
  }

  /** Parse, or return null when invalid. */
  static tryParse(s: string): SpecifierSet | null {
    const r = parseSpecifierSetAt(s, 0, s.length);
    return Array.isArray(r) ? new SpecifierSet(r, null) : null;
  }

  /** Build from clauses. */
  static of(specifiers: readonly Specifier[], prereleases: boolean | null = null): SpecifierSet {
    return new SpecifierSet([...specifiers], prereleases);
  }

  /** True when there are no clauses (matches everything). */
  get isEmpty(): boolean {
    return this.specifiers.length === 0;
  }

  /**
   * Set-level pre-release flag (packaging's `SpecifierSet.prereleases`): the explicit override,
   * else true when a clause names a pre-release, else null.
   */
  get prereleases(): boolean | null {
    if (this.override !== null) return this.override;
    if (this.specifiers.length === 0) return null;
    return this.specifiers.some((s) => s.prereleases === true) ? true : null;
  }

  /** The clauses in packaging's canonical order (sorted as text, equivalents removed). */
  canonicalSpecifiers(): readonly Specifier[] {
    if (this.specifiers.length <= 1) return this.specifiers;
    const sorted = [...this.specifiers].sort((a, b) => compareCodePoints(a.toString(), b.toString()));
    const seen = new Set<string>();
    return sorted.filter((s) => {
      const k = s._canonicalKey;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  /** packaging's `str(SpecifierSet)`. */
  toString(): string {
    return this.canonicalSpecifiers().join(',');
  }

  /** Same clauses up to packaging's equivalence (`SpecifierSet.__eq__`). */
  equals(other: SpecifierSet): boolean {
    const a = this.canonicalSpecifiers().map((s) => s._canonicalKey);
    const b = other.canonicalSpecifiers().map((s) => s._canonicalKey);
    return a.length === b.length && a.every((k, i) => k === b[i]);
  }

  /** Conjunction (packaging's `&`); throws when the two have opposite explicit overrides. */
  and(other: SpecifierSet): SpecifierSet {
    let pre: boolean | null;
    if (this.override === null || this.override === other.override) pre = other.override;
    else if (other.override === null) pre = this.override;
    else throw new Error('Cannot combine SpecifierSets with True and False prerelease overrides.');
    return new SpecifierSet([...this.specifiers, ...other.specifiers], pre);
  }

  /** Every clause admits `p` (pre-release policy not applied). */
  private matchAll(p: Version, raw: string | undefined): boolean {
    for (const s of this.specifiers) if (!s.matches(p, raw)) return false;
    return true;
  }

  /** A non-version string passes only when every clause is a matching `===`. */
  private matchRaw(raw: string): boolean {
    for (const s of this.specifiers) if (!s.matchesRaw(raw)) return false;
    return true;
  }

  /** Is the candidate admitted? (packaging's `SpecifierSet.contains`; policy in the file header). */
  contains(item: VersionLike, opts: ContainsOptions = {}): boolean {
    const p = coerceVersion(item);
    let pre = opts.prereleases ?? null;
    if (p !== null && opts.installed === true && p.isPrerelease) pre = true;
    if (pre === null) pre = this.prereleases;
    if (p === null) return this.specifiers.length === 0 || this.matchRaw(item as string);
    if (pre === false && p.isPrerelease) return false;
    return this.matchAll(p, typeof item === 'string' ? item : undefined);
  }

  /** Keep the admitted items, in order (packaging's `SpecifierSet.filter`). */
  filter<T extends VersionLike>(items: Iterable<T>, opts?: FilterOptions<T>): T[];
  filter<T>(items: Iterable<T>, opts: FilterOptions<T> & { key: (item: T) => VersionLike }): T[];
  filter<T>(items: Iterable<T>, opts: FilterOptions<T> = {}): T[] {
    const key = opts.key ?? ((x: T) => x as unknown as VersionLike);
    let pre = opts.prereleases ?? null;
    if (pre === null) pre = this.prereleases;
    const out: T[] = [];
    if (this.specifiers.length === 0) {
      if (pre === null) return pep440FilterPrereleases(items, key);
      for (const item of items) {
        const p = coerceVersion(key(item));
        if (pre || p === null || !p.isPrerelease) out.push(item);
      }
      return out;
    }
    for (const item of items) {
      const k = key(item);
      const p = coerceVersion(k);
      if (p === null) {
        if (this.matchRaw(k as string)) out.push(item);
      } else if (!(pre === false && p.isPrerelease) && this.matchAll(p, typeof k === 'string' ? k : undefined)) {
        out.push(item);
      }
    }
    return pre === null ? pep440FilterPrereleases(out, key) : out;
  }
}

/**
 * PEP 440 default: drop pre-releases when any final release is present (non-version strings
 * that passed a `===` are kept), otherwise keep everything.
 */
function pep440FilterPrereleases<T>(items: Iterable<T>, key: (item: T) => VersionLike): T[] {
  const out: T[] = [];
  const nonFinal: T[] = [];
  const arbitrary: T[] = [];
  let foundFinal = false;
  for (const item of items) {
    const p = coerceVersion(key(item));
    if (p === null) {
      if (foundFinal) out.push(item);
      else {
        arbitrary.push(item);
        nonFinal.push(item);
      }
    } else if (!p.isPrerelease) {
      if (!foundFinal) {
        out.push(...arbitrary);
        foundFinal = true;
      }
      out.push(item);
    } else if (!foundFinal) {
      nonFinal.push(item);
    }
  }
  return foundFinal ? out : nonFinal;
}

/**
 * Parse a specifier set in `s[start, end)`: split on commas, skip blank pieces.
 *
 * Returns the clauses or a failure positioned in `s` (used by the PEP 508 parser too).
 */
export function parseSpecifierSetAt(s: string, start: number, end: number): Specifier[] | SpecifierParseFailure {
  const out: Specifier[] = [];
  let a = start;
  while (a <= end) {
    let b = s.indexOf(',', a);
    if (b < 0 || b > end) b = end;
    if (pyStrip(s.slice(a, b)) !== '') {
      const r = parseSpecifierAt(s, a, b);
      if (!(r instanceof Specifier)) return r;
      out.push(r);
    }
    a = b + 1;
  }
  return out;
}
