/**
 * The catalogue of diagnostic codes: stable identifiers (never reused), a short title each and
 * the rule they enforce. A test checks that every code the validators emit is listed here.
 */
import type { DiagnosticLayer, Severity } from './types';

export interface DiagnosticCodeInfo {
  readonly title: string;
  readonly layer: DiagnosticLayer;
  readonly severity: Severity;
  readonly rule: string;
}

const c = (title: string, layer: DiagnosticLayer, severity: Severity, rule: string): DiagnosticCodeInfo => ({ title, layer, severity, rule });

export const DIAGNOSTIC_CODES: Readonly<Record<string, DiagnosticCodeInfo>> = {
  'PW-TOML-001': c('Not valid TOML', 'toml', 'error', 'TOML v1.0.0'),
  'PW-TOML-002': c('Key or table defined twice', 'toml', 'error', 'TOML v1.0.0'),
  'PW-SCHEMA-001': c('Unknown key', 'schema', 'error', 'SchemaStore'),
  'PW-SCHEMA-002': c('Missing required key', 'schema', 'error', 'SchemaStore'),
  'PW-SCHEMA-003': c('Wrong type', 'schema', 'error', 'SchemaStore'),
  'PW-SCHEMA-004': c('Wrong format', 'schema', 'error', 'SchemaStore'),
  'PW-SCHEMA-005': c('None (or more than one) of the allowed forms', 'schema', 'error', 'SchemaStore'),
  'PW-SCHEMA-006': c('Not one of the allowed values', 'schema', 'error', 'SchemaStore'),
  'PW-SCHEMA-007': c('Duplicate array item', 'schema', 'error', 'SchemaStore'),
  'PW-SCHEMA-008': c('Other schema constraint', 'schema', 'error', 'SchemaStore'),
  'PW-SCHEMA-009': c('Key name not allowed', 'schema', 'error', 'SchemaStore'),
  'PW-NAME-001': c('Invalid project name', 'semantic', 'error', 'PEP 508'),
  'PW-NAME-002': c('Name differs from its normalized form', 'semantic', 'info', 'PEP 503'),
  'PW-NAME-003': c('Name already on the index', 'environment', 'info', 'PEP 503'),
  'PW-NAME-004': c('Name too similar to an existing project', 'environment', 'warning', 'PyPI'),
  'PW-VERSION-001': c('Invalid version', 'semantic', 'error', 'PEP 440'),
  'PW-VERSION-002': c('Version not in normal form', 'semantic', 'info', 'PEP 440'),
  'PW-DYNAMIC-001': c('name listed as dynamic', 'semantic', 'error', 'PEP 621'),
  'PW-DYNAMIC-002': c('version neither static nor dynamic', 'semantic', 'error', 'PEP 621'),
  'PW-DYNAMIC-003': c('Scalar field both static and dynamic', 'semantic', 'error', 'PEP 621 / PEP 808'),
  'PW-DYNAMIC-004': c('List/table field both static and dynamic', 'semantic', 'warning', 'PEP 808'),
  'PW-PEP508-001': c('Invalid dependency specifier', 'semantic', 'error', 'PEP 508'),
  'PW-PEP508-002': c('Direct URL dependency', 'semantic', 'warning', 'PyPI'),
  'PW-EXTRA-001': c('Extras equal after normalization', 'semantic', 'error', 'PEP 685'),
  'PW-EXTRA-002': c('Invalid extra name', 'semantic', 'error', 'PEP 685'),
  'PW-PEP735-001': c('Dependency groups equal after normalization', 'semantic', 'error', 'PEP 735'),
  'PW-PEP735-002': c('Include of an unknown group', 'semantic', 'error', 'PEP 735'),
  'PW-PEP735-003': c('Include cycle', 'semantic', 'error', 'PEP 735'),
  'PW-PEP735-004': c('Empty include table', 'semantic', 'error', 'PEP 735'),
  'PW-PEP735-005': c('Group named like an extra', 'semantic', 'info', 'PEP 735'),
  'PW-PYTHON-001': c('Invalid requires-python', 'semantic', 'error', 'PEP 440'),
  'PW-PYTHON-002': c('requires-python excludes every maintained Python', 'semantic', 'warning', 'PEP 621'),
  'PW-PYTHON-003': c('Upper bound on requires-python', 'semantic', 'warning', 'PEP 621'),
  'PW-CLASSIFIER-001': c('Unknown classifier', 'semantic', 'error', 'trove-classifiers'),
  'PW-CLASSIFIER-002': c('Deprecated classifier', 'semantic', 'error', 'trove-classifiers'),
  'PW-CLASSIFIER-003': c('Private classifier', 'semantic', 'info', 'trove-classifiers'),
  'PW-LICENSE-001': c('Invalid license expression', 'semantic', 'error', 'PEP 639'),
  'PW-LICENSE-002': c('License expression not canonical', 'semantic', 'warning', 'PEP 639'),
  'PW-LICENSE-003': c('Deprecated SPDX id', 'semantic', 'warning', 'PEP 639'),
  'PW-LICENSE-004': c('License classifier beside a license expression', 'semantic', 'error', 'PEP 639'),
  'PW-LICENSE-005': c('Deprecated license table', 'semantic', 'warning', 'PEP 639'),
  'PW-LICENSE-006': c('Deprecated license classifier', 'semantic', 'warning', 'PEP 639'),
  'PW-LICENSE-007': c('Invalid license-files pattern', 'semantic', 'error', 'PEP 639'),
  'PW-LICENSE-008': c('`+` suffix on a license id', 'semantic', 'warning', 'PEP 639'),
  'PW-LICENSE-009': c('license-files pattern matches no file', 'environment', 'error', 'PEP 639'),
  'PW-LICENSE-010': c('License file missing', 'environment', 'error', 'PEP 621'),
  'PW-IMPORT-001': c('Import name is a keyword', 'semantic', 'error', 'PEP 794'),
  'PW-IMPORT-002': c('Import name listed twice', 'semantic', 'error', 'PEP 794'),
  'PW-IMPORT-003': c('Import name parent not listed', 'semantic', 'error', 'PEP 794'),
  'PW-README-001': c('Readme suffix without content type', 'semantic', 'warning', 'PEP 621'),
  'PW-README-002': c('Readme table without content-type', 'semantic', 'error', 'PEP 621'),
  'PW-README-003': c('Readme table without file or text', 'semantic', 'error', 'PEP 621'),
  'PW-README-004': c('Readme content type PyPI rejects', 'semantic', 'warning', 'core metadata'),
  'PW-README-005': c('Readme file missing', 'environment', 'error', 'PEP 621'),
  'PW-ENTRY-001': c('Invalid entry point reference', 'semantic', 'error', 'Entry points specification'),
  'PW-ENTRY-002': c('Invalid entry point name', 'semantic', 'error', 'Entry points specification'),
  'PW-AUTHOR-001': c('Comma in an author name', 'semantic', 'error', 'PEP 621'),
  'PW-DESCRIPTION-001': c('Multi-line description', 'semantic', 'warning', 'core metadata'),
  'PW-URL-001': c('URL label longer than 32 characters', 'semantic', 'error', 'PEP 753'),
  'PW-URL-002': c('URL without a scheme', 'semantic', 'warning', 'pyproject.toml spec'),
  'PW-URL-003': c('Invalid URL', 'semantic', 'error', 'pyproject.toml spec'),
  'PW-BUILD-001': c('No [build-system] table', 'backend', 'warning', 'PEP 517/518'),
  'PW-BUILD-002': c('Backend not in build requirements', 'backend', 'warning', 'PEP 518'),
  'PW-BUILD-003': c('No build-backend', 'backend', 'warning', 'PEP 517'),
  'PW-BUILD-004': c('Invalid build-backend reference', 'backend', 'error', 'PEP 517'),
  'PW-BACKEND-001': c('Backend requirement allows releases without a feature the file uses', 'backend', 'error', 'Backend changelogs'),
  'PW-BACKEND-002': c('Unpinned backend for a recent feature', 'backend', 'warning', 'Backend changelogs'),
};
