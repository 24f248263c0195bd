/**
 * pyproject.toml: layered validation, format-preserving editing and safe saving.
 *
 * Specs: pyproject.toml (PEP 517/518/621/639/735/794/808, packaging.python.org
 * "pyproject.toml specification"), TOML v1.0.0, SchemaStore's pyproject.json. Reference digest:
 * shared/reference/pyproject-license.md.
 */
export type {
  Diagnostic,
  DiagnosticLayer,
  NameLookup,
  NameLookupResult,
  ProjectFs,
  QuickFix,
  Severity,
  SourcePosition,
  SourceRange,
  TextEdit,
  ValidationContext,
} from './types';
export { validatePyproject, validatePyprojectSync, isValidVerdict } from './validate';
export { DIAGNOSTIC_CODES, type DiagnosticCodeInfo } from './codes';
export { parseDocument, type ParsedDocument, type TomlTable, type TomlValue } from './toml/parse';
export { SourceText } from './toml/source-text';
export type { DataPath } from './toml/locate';
export { warmUpSchemas, knownToolNames } from './schema/compile';
export { keyDoc, keyCompletions, type KeyDoc, type KeyCompletion } from './schema/key-docs';
export { nameLookupFromNames, localIndexNameLookup, ultranormalizeName, nodeProjectFs } from './environment';
export { activeClassifiers, classifyClassifier, classifierReplacements, TROVE_VERSION } from './semantic/classifiers';
export { BACKENDS, backendFor, floorFor, FEATURE_WORDS, type BackendFeature, type BackendInfo, type Floor } from './backends/floors';
export { DEFAULT_BUILD_SYSTEM, knownBackendFamilies, raiseFloor, usedFeatures } from './backends/check-backend';
export { applyEdits, type EditResult } from './edit/apply-edits';
export { EditError, type EditChange, type EditErrorKind } from './edit/changes';
export { minimalEdits, applyTextEdits, diffLines, splitLines, type Hunk } from './edit/line-diff';
export { saveFile, loadFile, contentHash, type LoadedFile, type SaveOptions, type SaveResult } from './save/save-file';
export { merge3, type MergeConflict, type MergeLabels, type MergeResult } from './save/merge3';
export { UndoHistory, UndoHistories, type HistoryEntry, type RecordOptions } from './save/undo-history';
