/**
 * Project and extra names: validation and normalization.
 *
 * - PEP 508 "Names" (https://packaging.python.org/en/latest/specifications/dependency-specifiers/#names):
 *   `^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$`, case-insensitive, ASCII only.
 * - PEP 503 "Normalized Names" (https://peps.python.org/pep-0503/#normalized-names): lower-case
 *   and collapse every run of `-`, `_`, `.` into one `-`.
 * - PEP 685 (https://peps.python.org/pep-0685/): extras are normalized exactly like names.
 * - Binary distribution format, "Escaping and Unicode"
 *   (https://packaging.python.org/en/latest/specifications/binary-distribution-format/#escaping-and-unicode):
 *   in file names the normalized name has `-` replaced by `_`.
 * Matches packaging 26.2's `canonicalize_name`, `is_normalized_name` and `canonicalize_name(validate=True)`.
 */
import { canonicalizeVersion, type Version } from '../pep440/version';

/** A name in PEP 503 normalized form. */
export type NormalizedName = string & { readonly __normalizedName: unique symbol };

/** The name is not a valid PEP 508 name. */
export class InvalidNameError extends Error {
  override readonly name = 'InvalidNameError';
  constructor(
    readonly input: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`Invalid name ${JSON.stringify(input)}: ${reason} at position ${position}`);
  }
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isSep(c: number): boolean {
  return c === 45 || c === 46 || c === 95;
}

/** Position of the first character that makes `name` invalid per PEP 508, or -1 when valid. */
export function findInvalidNamePosition(name: string): number {
  if (name.length === 0) return 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const edge = i === 0 || i === name.length - 1;
    if (!(isAlnum(c) || (!edge && isSep(c)))) return i;
  }
  return -1;
}

/** True when `name` is a valid PEP 508 distribution (or extra) name. */
export function isValidName(name: string): boolean {
  return findInvalidNamePosition(name) < 0;
}

/** Throw `InvalidNameError` unless the name is valid PEP 508. */
export function validateName(name: string): void {
  const at = findInvalidNamePosition(name);
  if (at >= 0) {
    throw new InvalidNameError(name, at, name.length === 0 ? 'empty name' : 'names are ASCII letters, digits, and . _ - between them');
  }
}

/** PEP 503 normalization: lower-case, runs of `-_.` become one `-` (packaging's `canonicalize_name`). */
export function normalizeName(name: string): NormalizedName {
  let out = '';
  let inRun = false;
  const lower = name.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isSep(c)) {
      if (!inRun) out += '-';
      inRun = true;
    } else {
      out += lower[i];
      inRun = false;
    }
  }
  return out as NormalizedName;
}

/** PEP 685 extra normalization (identical to PEP 503 name normalization). */
export function normalizeExtra(extra: string): NormalizedName {
  return normalizeName(extra);
}

/**
 * True when `name` is already normalized (packaging's `is_normalized_name`, whose regex
 * `[a-z0-9]|[a-z0-9]([a-z0-9-](?!--))*[a-z0-9]` we follow exactly, including that it accepts
 * `a--b`: the look-ahead is not applied after the first character).
 */
export function isNormalizedName(name: string): boolean {
  const n = name.length;
  const lowerAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
  if (n === 0 || !lowerAlnum(name.charCodeAt(0)) || !lowerAlnum(name.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = name.charCodeAt(i);
    if (!(lowerAlnum(c) || c === 45) || name.startsWith('--', i + 1)) return false;
  }
  return true;
}

/** Names compare equal after PEP 503 normalization. */
export function namesEqual(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** The name as it appears in wheel and sdist file names: normalized, `-` → `_`. */
export function filenameName(name: string): string {
  return normalizeName(name).replace(/-/g, '_');
}

/**
 * The version as PyPI expects it in a distribution file name: PEP 440 normalized
 * (`str(Version)`). Trailing zeros are kept unless `stripTrailingZero` (PEP 625 treats both
 * spellings as the same version; packaging's `canonicalize_version`).
 */
export function filenameVersion(version: Version | string, opts: { stripTrailingZero?: boolean } = {}): string {
  return canonicalizeVersion(version, { stripTrailingZero: opts.stripTrailingZero ?? false });
}
