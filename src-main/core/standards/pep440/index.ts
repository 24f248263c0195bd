/**
 * PEP 440 versions, specifiers and version sets (public API of this module).
 *
 * Spec: https://packaging.python.org/en/latest/specifications/version-specifiers/ — behaviour
 * matches pypa/packaging 26.2; remaining differences are listed in ../known-differences.md.
 */
export {
  Version,
  InvalidVersionError,
  parseVersion,
  tryParseVersion,
  normalizeVersion,
  canonicalizeVersion,
  type PreLabel,
  type VersionParts,
  type VersionNumber,
} from './version';
export { compareVersions, comparePublic, versionsEqual, sortVersions } from './compare';
export {
  Specifier,
  SpecifierSet,
  InvalidSpecifierError,
  coerceVersion,
  parseSpecifierSetAt,
  type SpecifierOperator,
  type VersionLike,
  type ContainsOptions,
  type FilterOptions,
} from './specifier';
export { parseSpecifierAt, type SpecifierParseFailure } from './single-specifier';
export { VersionSet, isExactlyRepresentable, type Interval } from './version-set';
export { type Cut, CutKind, before, after, releaseEnd, MIN_VERSION } from './cuts';
