/**
 * PEP 639 license expressions and license data.
 *
 * - expression: packaging.licenses-compatible canonicalisation and validation (typed errors
 *   with positions and suggestions), a structured AST, autocomplete.
 * - data: SPDX 3.27.0 ids as packaging accepts them, names/OSI/FSF flags, LICENSE texts.
 * - migrate: `License ::` classifiers and the legacy table → a proposal the user confirms.
 * - guidance: families and suggested expressions for the guided choice.
 */
export {
  canonicalizeLicenseExpression,
  checkLicenseExpression,
  type CanonicalizeOptions,
  type CanonicalLicense,
  type CanonicalToken,
  type LicenseCheckResult,
  type LicenseRules,
  type LicenseWarning,
} from './expression';
export { LicenseExpressionError, isLicenseExpressionError, type LicenseErrorCode, type LicenseErrorInit } from './expression-error';
export { formatLicenseAst, parseLicenseExpression, type LicenseNode, type ParsedLicense, type Span } from './ast';
export { completeLicenseExpression, type CompletionResult, type LicenseCompletion } from './complete';
export {
  getExceptionInfo,
  getLicenseInfo,
  listExceptions,
  listLicenses,
  searchExceptions,
  searchLicenses,
  type ExceptionInfo,
  type LicenseInfo,
  type SearchOptions,
} from './catalog';
export { SPDX_LIST_VERSION } from './spdx-data';
export { licenseText, renderLicenseFile, type CopyrightFields, type RenderedLicense } from './license-text';
export { replacementsFor } from './deprecations';
export { suggestExceptionIds, suggestLicenseIds } from './suggest';
export { identifyLicenseText, type TextIdentification } from './identify';
export {
  confirmMigration,
  proposeLicenseMigration,
  type ClassifierFinding,
  type ClassifierStatus,
  type ConfirmedMigration,
  type MigrationChoice,
  type MigrationInput,
  type MigrationProposal,
  type MigrationWarning,
} from './migrate';
export {
  LICENSE_FAMILIES,
  familyOfExpression,
  familyOfLicense,
  suggestLicenses,
  type FamilyInfo,
  type LicenseFamily,
  type LicenseSuggestion,
} from './guidance';
