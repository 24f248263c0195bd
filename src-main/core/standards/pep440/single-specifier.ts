/**
 * One PEP 440 version specifier clause (`>=1.0`, `~=2.2`, `==1.*`, `===foo`).
 *
 * Spec: PEP 440 "Version specifiers" (https://packaging.python.org/en/latest/specifications/version-specifiers/#version-specifiers),
 * with pypa/packaging 26.2 (`packaging.specifiers.Specifier`) as the reference for every
 * operator, including the exclusive-comparison rules:
 * - `<V` excludes pre-releases of V (anything pre-release in `[V.dev0, V)`) unless V is one;
 * - `>V` excludes post-releases of V unless V is one, and every local version of V;
 * - `<=`, `>=` and `==V` (V without a local label) compare the public version;
 * - `===` is case-insensitive string equality with the candidate as written.
 */
import { comparePublic, compareVersions, compareEpochRelease } from './compare';
import { pyStrip, skipSpace, trimEnd, isPythonSpace } from './python-text';
import { parseVersionParts } from './version-parse';
import type { Version} from './version';
import { tryParseVersion, canonicalizeVersion } from './version';
import { compatiblePrefixText, compilePrefix, matchesPrefix, type PrefixPattern } from './wildcard';

/** The eight PEP 440 comparison operators. */
export type SpecifierOperator = '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>' | '===';

/**
 * A specifier (or specifier set) string is not valid PEP 440.
 *
 * `position` is the 0-based index in `input` where parsing failed.
 */
export class InvalidSpecifierError extends Error {
  override readonly name = 'InvalidSpecifierError';
  constructor(
    readonly input: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`Invalid specifier ${JSON.stringify(input)}: ${reason} at position ${position}`);
  }
}

/** Parse failure inside a larger string. */
export interface SpecifierParseFailure {
  readonly error: string;
  readonly position: number;
}

const OPERATORS: readonly SpecifierOperator[] = ['===', '~=', '==', '!=', '<=', '>=', '<', '>'];

/** Version or string to test: strings that are not PEP 440 only match `===`. */
export type VersionLike = Version | string;

/**
 * One parsed specifier clause.
 *
 * `version` keeps the text as written (after trimming), as packaging's `Specifier.version` does;
 * `toString()` is `operator + version`.
 */
export class Specifier {
  /** Parsed version (null only for `===` with a non-PEP 440 string). */
  readonly spec: Version | null;
  /** True for `==X.*` / `!=X.*`. */
  readonly wildcard: boolean;
  /** @internal compiled prefix for wildcard and `~=`. */
  readonly _prefix: PrefixPattern | null;
  /** @internal `V.dev0` for `<V` when V is not a pre-release. */
  readonly _earliestPre: Version | null;
  private readonly lowerVersion: string;

  private constructor(
    readonly operator: SpecifierOperator,
    readonly version: string,
  ) {
    this.wildcard = (operator === '==' || operator === '!=') && version.endsWith('.*');
    this.lowerVersion = version.toLowerCase();
    this.spec = tryParseVersion(this.wildcard ? version.slice(0, -2) : version);
    this._prefix = this.wildcard ? compilePrefix(version.slice(0, -2)) : operator === '~=' ? compilePrefix(compatiblePrefixText(version)) : null;
    this._earliestPre = operator === '<' && this.spec && !this.spec.isPrerelease ? this.spec.with({ dev: 0, local: null }) : null;
  }

  /** Parse one clause; throws `InvalidSpecifierError`. */
  static parse(s: string): Specifier {
    const r = parseSpecifierAt(s, 0, s.length);
    if ('error' in r) throw new InvalidSpecifierError(s, r.position, r.error);
    return r;
  }

  /** @internal build from a validated operator and version text. */
  static _make(operator: SpecifierOperator, version: string): Specifier {
    return new Specifier(operator, version);
  }

  /**
   * Whether this clause implies pre-releases (packaging's `Specifier.prereleases`).
   *
   * `!=` and `==X.*` never do; `===` with a non-version string is unknown (null); otherwise true
   * when the clause's version is a pre-release or dev release.
   */
  get prereleases(): boolean | null {
    if (this.operator === '!=' || this.wildcard) return false;
    if (this.spec === null) return null;
    return this.spec.isPrerelease;
  }

  /**
   * Operator semantics only (no pre-release policy).
   *
   * `raw` is the candidate's text for `===` (packaging compares the string as given, or
   * `str(Version)` for a Version).
   */
  matches(p: Version, raw?: string): boolean {
    const s = this.spec as Version;
    switch (this.operator) {
      case '>=':
        return comparePublic(p, s) >= 0;
      case '<=':
        return comparePublic(p, s) <= 0;
      case '==':
        return this.wildcard ? matchesPrefix(p, this._prefix as PrefixPattern) : equalsSpec(p, s);
      case '!=':
        return this.wildcard ? !matchesPrefix(p, this._prefix as PrefixPattern) : !equalsSpec(p, s);
      case '<': {
        if (compareVersions(p, s) >= 0) return false;
        const e = this._earliestPre;
        return !(e !== null && p.isPrerelease && compareVersions(p, e) >= 0);
      }
      case '>': {
        if (compareVersions(p, s) <= 0) return false;
        // PEP 440: `>V` must not match a post-release of V (unless V is one) ...
        if (s._post === null && p._post !== null && s._dev === null && isSamePre(p, s) && compareEpochRelease(p, s) === 0) return false;
        // ... nor a local version of V.
        return !(p._local !== null && comparePublic(p, s) === 0);
      }
      case '~=':
        return comparePublic(p, s) >= 0 && matchesPrefix(p, this._prefix as PrefixPattern);
      case '===':
        return (raw ?? p.toString()).toLowerCase() === this.lowerVersion;
    }
  }

  /** `===` test for a candidate that is not a valid version. */
  matchesRaw(raw: string): boolean {
    return this.operator === '===' && raw.toLowerCase() === this.lowerVersion;
  }

  /**
   * Does this clause admit the candidate (packaging's `Specifier.contains`)?
   *
   * Only an explicit `prereleases: false` rejects a matching pre-release: with `null`, a single
   * candidate is "the only version available" and PEP 440 admits it.
   */
  contains(item: VersionLike, opts: { prereleases?: boolean | null } = {}): boolean {
    const p = typeof item === 'string' ? tryParseVersion(item) : item;
    if (p === null) return this.matchesRaw(item as string);
    if (!this.matches(p, typeof item === 'string' ? item : undefined)) return false;
    return !(opts.prereleases === false && p.isPrerelease);
  }

  /** `operator + version`, as packaging's `str(Specifier)`. */
  toString(): string {
    return this.operator + this.version;
  }

  /** @internal key packaging uses for equality and de-duplication (`_canonical_spec`). */
  get _canonicalKey(): string {
    if (this.operator === '===' || this.version.endsWith('.*')) return `${this.operator}\u0000${this.version}`;
    return `${this.operator}\u0000${canonicalizeVersion(this.spec as Version, { stripTrailingZero: this.operator !== '~=' })}`;
  }
}

function equalsSpec(p: Version, s: Version): boolean {
  return s._local !== null ? compareVersions(p, s) === 0 : comparePublic(p, s) === 0;
}

function isSamePre(a: Version, b: Version): boolean {
  if (a._pre === null || b._pre === null) return a._pre === b._pre;
  return a._pre[0] === b._pre[0] && a._pre[1] === b._pre[1];
}

function hasSpace(s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isPythonSpace(s.charCodeAt(i))) return i;
  return -1;
}

/**
 * Parse the clause in `s[start, end)` (the grammar of packaging's `Specifier._regex`).
 *
 * Returns the specifier or a failure with a position in `s`.
 */
export function parseSpecifierAt(s: string, start: number, end: number): Specifier | SpecifierParseFailure {
  const a = skipSpace(s, start, end);
  const b = trimEnd(s, a, end);
  if (a === b) return { error: 'expected a version specifier', position: a };
  const op = OPERATORS.find((o) => s.startsWith(o, a));
  if (op === undefined) return { error: 'expected an operator (~=, ==, !=, <=, >=, <, >, ===)', position: a };
  const v = skipSpace(s, a + op.length, b);
  const text = s.slice(v, b);
  if (op === '===') {
    for (let i = v; i < b; i++) {
      const c = s.charCodeAt(i);
      if (isPythonSpace(c) || c === 59 || c === 41) return { error: `unexpected ${JSON.stringify(s[i])} in arbitrary version`, position: i };
    }
    return Specifier._make(op, pyStrip(text));
  }
  if (v === b) return { error: `expected a version after '${op}'`, position: v };
  const space = hasSpace(s, v, b);
  if (space >= 0) return { error: 'unexpected whitespace in version', position: space };
  const wildcard = (op === '==' || op === '!=') && text.endsWith('.*');
  const r = parseVersionParts(wildcard ? text.slice(0, -2) : text);
  if ('error' in r) return { error: r.error, position: v + r.position };
  const p = r.parts;
  if (wildcard && (p.pre !== null || p.post !== null || p.dev !== null || p.local !== null)) {
    return { error: "a '.*' prefix match allows only an epoch and a release", position: b - 2 };
  }
  if (p.local !== null && op !== '==' && op !== '!=') {
    return { error: `a local version label is not allowed with '${op}'`, position: s.indexOf('+', v) };
  }
  if (op === '~=' && p.release.length < 2) return { error: "'~=' needs at least two release segments", position: v };
  return Specifier._make(op, text);
}
