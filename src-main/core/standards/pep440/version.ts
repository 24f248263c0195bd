/**
 * PEP 440 versions: the `Version` value, parsing entry points and normalization.
 *
 * Spec: PEP 440 "Version Identification and Dependency Specification"
 * (https://packaging.python.org/en/latest/specifications/version-specifiers/), checked against
 * pypa/packaging 26.2 (`packaging.version`). `toString()` is exactly `str(Version(s))`.
 *
 * Numbers: PEP 440 puts no bound on numeric components and Python ints are unbounded. Components
 * that fit in 2^53 are stored as `number`; larger ones are kept exactly as `bigint` internally
 * (the public getters then return the nearest `number`). Comparison and formatting always use
 * the exact values.
 */
import { parseVersionParts } from './version-parse';

/** Normalized pre-release label (PEP 440 "Pre-releases"). */
export type PreLabel = 'a' | 'b' | 'rc';

/** A numeric component: `number` when it is a safe integer, otherwise an exact `bigint`. */
export type VersionNumber = number | bigint;

/** The components of a version, as produced by the parser (numbers exact). */
export interface VersionParts {
  readonly epoch: VersionNumber;
  readonly release: readonly VersionNumber[];
  readonly pre: readonly [PreLabel, VersionNumber] | null;
  readonly post: VersionNumber | null;
  readonly dev: VersionNumber | null;
  readonly local: readonly (string | VersionNumber)[] | null;
}

/**
 * A version string is not valid PEP 440.
 *
 * `position` is the 0-based index in `input` where parsing stopped.
 */
export class InvalidVersionError extends Error {
  override readonly name = 'InvalidVersionError';
  constructor(
    readonly input: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`Invalid version ${JSON.stringify(input)}: ${reason} at position ${position}`);
  }
}

const PRE_RANK: Readonly<Record<PreLabel, number>> = { a: 0, b: 1, rc: 2 };

/** Turn an exact integer into the canonical representation (number when safe). */
export function normNum(n: VersionNumber): VersionNumber {
  return typeof n === 'bigint' && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function hasBig(p: VersionParts): boolean {
  if (typeof p.epoch === 'bigint' || typeof p.post === 'bigint' || typeof p.dev === 'bigint') return true;
  if (p.pre && typeof p.pre[1] === 'bigint') return true;
  for (const r of p.release) if (typeof r === 'bigint') return true;
  if (p.local) for (const l of p.local) if (typeof l === 'bigint') return true;
  return false;
}

function toNumber(n: VersionNumber): number {
  return typeof n === 'bigint' ? Number(n) : n;
}

/**
 * A parsed PEP 440 version (immutable).
 *
 * Ordering (PEP 440 "Summary of permitted suffixes and relative ordering"): epoch, release
 * (zero-padded), then `.devN` < `aN` < `bN` < `rcN` < final < `.postN`, a `.devN` sorting just
 * before the release it belongs to, then the local label. Use `compareVersions` to order.
 */
export class Version {
  /** @internal exact components (compare with `compareVersions`, not these). */
  readonly _e: VersionNumber;
  /** @internal */ readonly _r: readonly VersionNumber[];
  /** @internal release length without trailing zeros (PEP 440: 1.0 == 1.0.0). */
  readonly _rlen: number;
  /** @internal -1 dev-only, 0 a, 1 b, 2 rc, 3 no pre-release (packaging's `_cmpkey`). */
  readonly _preRank: number;
  /** @internal */ readonly _pre: readonly [PreLabel, VersionNumber] | null;
  /** @internal */ readonly _post: VersionNumber | null;
  /** @internal */ readonly _dev: VersionNumber | null;
  /** @internal */ readonly _local: readonly (string | VersionNumber)[] | null;
  /** @internal true when some component is a bigint. */
  readonly _big: boolean;
  private _str: string | undefined;

  /** Build a version from its parts (pre labels must already be normalized). */
  constructor(parts: VersionParts, big?: boolean) {
    this._e = parts.epoch;
    this._r = parts.release;
    let n = parts.release.length;
    while (n > 0 && parts.release[n - 1] === 0) n--;
    this._rlen = n;
    this._pre = parts.pre;
    this._post = parts.post;
    this._dev = parts.dev;
    this._local = parts.local;
    this._preRank = parts.pre ? PRE_RANK[parts.pre[0]] : parts.post === null && parts.dev !== null ? -1 : 3;
    this._big = big ?? hasBig(parts);
  }

  /** Epoch (`N!`), 0 when absent. */
  get epoch(): number {
    return toNumber(this._e);
  }
  /** Release segment as written (trailing zeros kept). */
  get release(): readonly number[] {
    return this._big ? this._r.map(toNumber) : (this._r as readonly number[]);
  }
  /** Pre-release `[label, n]` or null. */
  get pre(): readonly [PreLabel, number] | null {
    return this._pre && typeof this._pre[1] === 'bigint' ? [this._pre[0], Number(this._pre[1])] : (this._pre as readonly [PreLabel, number] | null);
  }
  /** Post-release number or null. */
  get post(): number | null {
    return this._post === null ? null : toNumber(this._post);
  }
  /** Development release number or null. */
  get dev(): number | null {
    return this._dev === null ? null : toNumber(this._dev);
  }
  /** Local label segments (lower-cased strings and numbers) or null. */
  get local(): readonly (string | number)[] | null {
    return this._local && this._big ? this._local.map((x) => (typeof x === 'string' ? x : toNumber(x))) : (this._local as readonly (string | number)[] | null);
  }
  /** Local label as a normalized string (`abc.1`), or null. */
  get localLabel(): string | null {
    return this._local ? this._local.join('.') : null;
  }
  /** True for `.devN` or `a`/`b`/`rc` versions (packaging's `is_prerelease`). */
  get isPrerelease(): boolean {
    return this._dev !== null || this._pre !== null;
  }
  /** True for `.postN` versions. */
  get isPostrelease(): boolean {
    return this._post !== null;
  }
  /** True for `.devN` versions. */
  get isDevrelease(): boolean {
    return this._dev !== null;
  }
  /** The normalized version without its local label. */
  get public(): string {
    const s = this.toString();
    const plus = s.indexOf('+');
    return plus < 0 ? s : s.slice(0, plus);
  }
  /** `[N!]N(.N)*`: epoch and release only. */
  get baseVersion(): string {
    const rel = this._r.join('.');
    return this._e === 0 ? rel : `${this._e}!${rel}`;
  }
  /** First release component. */
  get major(): number {
    return toNumber(this._r[0] ?? 0);
  }
  /** Second release component, 0 when absent. */
  get minor(): number {
    return toNumber(this._r[1] ?? 0);
  }
  /** Third release component, 0 when absent. */
  get micro(): number {
    return toNumber(this._r[2] ?? 0);
  }

  /** The normalized form, identical to packaging's `str(Version)`. */
  toString(): string {
    if (this._str !== undefined) return this._str;
    let s = this._r.join('.');
    if (this._e !== 0) s = `${this._e}!${s}`;
    if (this._pre) s += `${this._pre[0]}${this._pre[1]}`;
    if (this._post !== null) s += `.post${this._post}`;
    if (this._dev !== null) s += `.dev${this._dev}`;
    if (this._local) s += `+${this._local.join('.')}`;
    this._str = s;
    return s;
  }

  /** Exact parts (for derived versions). */
  parts(): VersionParts {
    return { epoch: this._e, release: this._r, pre: this._pre, post: this._post, dev: this._dev, local: this._local };
  }

  /** A copy with some parts replaced (like packaging's `Version.__replace__`). */
  with(changes: Partial<VersionParts>): Version {
    const p = { ...this.parts(), ...changes };
    return new Version(
      {
        epoch: normNum(p.epoch),
        release: p.release.map(normNum),
        pre: p.pre ? [p.pre[0], normNum(p.pre[1])] : null,
        post: p.post === null ? null : normNum(p.post),
        dev: p.dev === null ? null : normNum(p.dev),
        local: p.local ? p.local.map((x) => (typeof x === 'string' ? x : normNum(x))) : null,
      },
    );
  }
}

/**
 * Parse a PEP 440 version string.
 *
 * Accepts every spelling packaging accepts (case, leading `v`, `-_.` separators, alternative
 * pre/post spellings, implicit numbers, surrounding whitespace) and throws `InvalidVersionError`
 * otherwise.
 */
export function parseVersion(s: string): Version {
  const r = parseVersionParts(s);
  if ('error' in r) throw new InvalidVersionError(s, r.position, r.error);
  return new Version(r.parts, r.big);
}

/** Parse a version, or return null when it is not valid PEP 440. */
export function tryParseVersion(s: string): Version | null {
  const r = parseVersionParts(s);
  return 'error' in r ? null : new Version(r.parts, r.big);
}

/** Normalize a version string (`str(Version(s))`); throws `InvalidVersionError` when invalid. */
export function normalizeVersion(s: string): string {
  return parseVersion(s).toString();
}

/**
 * Canonical version for comparisons and file names (packaging's `canonicalize_version`).
 *
 * Strips trailing zeros from the release by default (PEP 625 allows either form). Invalid
 * strings are returned unchanged, as packaging does.
 */
export function canonicalizeVersion(v: Version | string, opts: { stripTrailingZero?: boolean } = {}): string {
  const ver = typeof v === 'string' ? tryParseVersion(v) : v;
  if (ver === null) return v as string;
  if (opts.stripTrailingZero === false || ver._rlen === ver._r.length) return ver.toString();
  return ver.with({ release: ver._r.slice(0, Math.max(1, ver._rlen)) }).toString();
}
