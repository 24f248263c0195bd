/**
 * Prefix matching for `==X.*`, `!=X.*` and the prefix half of `~=` (PEP 440 "Version matching"
 * and "Compatible release").
 *
 * packaging 26.2 does this on strings: it splits the normalized candidate into
 * `[epoch, release..., suffix pieces]`, zero-pads the release and compares a prefix. For `~=` it
 * derives the prefix from the specifier text as written (`_version_split` of the raw string,
 * dropping suffix pieces that start with `dev`/`a`/`b`/`rc`/`post`). That text-based derivation
 * has quirks (`~=v1.0` matches nothing; `~=1.0.preview1` means `==1.0.*`; `~=1.0C.1` keeps a
 * pre-release in the prefix); we reproduce them so `contains` agrees with packaging, and list them
 * in known-differences.md for the interval model (`VersionSet`).
 */
import { canonicalizeVersion, normNum, tryParseVersion, type Version, type VersionNumber } from './version';

const PREFIX_RE = /^([0-9]+)((?:a|b|c|rc)[0-9]+)$/;
const DIGITS_RE = /^[0-9]+$/;

/** packaging's `_version_split`: `[epoch, pieces...]`, splitting `0rc1` into `0`, `rc1`. */
export function versionSplit(version: string): string[] {
  const bang = version.lastIndexOf('!');
  const epoch = bang < 0 ? '' : version.slice(0, bang);
  const out = [epoch || '0'];
  for (const item of version.slice(bang + 1).split('.')) {
    const m = PREFIX_RE.exec(item);
    if (m) out.push(m[1] as string, m[2] as string);
    else out.push(item);
  }
  return out;
}

function isSuffixPiece(piece: string): boolean {
  return piece.startsWith('dev') || piece.startsWith('a') || piece.startsWith('b') || piece.startsWith('rc') || piece.startsWith('post');
}

function numericPrefixLen(split: readonly string[]): number {
  let n = 0;
  while (n < split.length && DIGITS_RE.test(split[n] as string)) n++;
  return n;
}

/**
 * A compiled prefix pattern.
 *
 * `exact` is set when the pattern is a plain `[epoch, release...]` prefix (every `==X.*` and
 * nearly every `~=`): matching is then a numeric comparison with no allocation.
 */
export interface PrefixPattern {
  readonly split: readonly string[];
  readonly numericLen: number;
  readonly exact: { readonly epoch: VersionNumber; readonly release: readonly VersionNumber[] } | null;
  /** True when canonicalization of the prefix text failed (packaging then matches nothing). */
  readonly unparsable: boolean;
}

function toNum(piece: string): VersionNumber {
  return piece.length <= 15 ? Number(piece) : normNum(BigInt(piece));
}

/** Compile the prefix text (without `.*`) as packaging's `_get_wildcard_split` does. */
export function compilePrefix(prefixText: string): PrefixPattern {
  const normalized = canonicalizeVersion(prefixText, { stripTrailingZero: false });
  const split = versionSplit(normalized);
  const numericLen = numericPrefixLen(split);
  const canonical = split.every((p) => p === '0' || (DIGITS_RE.test(p) && !p.startsWith('0')));
  const exact = numericLen === split.length && canonical ? { epoch: toNum(split[0] as string), release: split.slice(1).map(toNum) } : null;
  return { split, numericLen, exact, unparsable: tryParseVersion(prefixText) === null };
}

/** The prefix text packaging derives for `~=V` from the specifier's version text. */
export function compatiblePrefixText(specVersion: string): string {
  const kept: string[] = [];
  for (const piece of versionSplit(specVersion)) {
    if (isSuffixPiece(piece)) break;
    kept.push(piece);
  }
  kept.pop();
  return `${kept[0] as string}!${kept.slice(1).join('.')}`;
}

/** Does the candidate's public version start with the prefix? */
export function matchesPrefix(p: Version, pattern: PrefixPattern): boolean {
  const ex = pattern.exact;
  if (ex !== null) {
    if (p._e !== ex.epoch) return false;
    const rel = ex.release;
    const r = p._r;
    for (let i = 0; i < rel.length; i++) {
      if ((i < r.length ? r[i] : 0) !== rel[i]) return false;
    }
    return true;
  }
  const split = versionSplit(p.public);
  const have = numericPrefixLen(split);
  const padded = have >= pattern.numericLen ? split : [...split.slice(0, have), ...Array<string>(pattern.numericLen - have).fill('0'), ...split.slice(have)];
  const want = pattern.split;
  if (padded.length < want.length) return false;
  for (let i = 0; i < want.length; i++) if (padded[i] !== want[i]) return false;
  return true;
}
