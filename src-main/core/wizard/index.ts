/**
 * The new-project and existing-project wizard: answers → pyproject.toml and the files it refers
 * to; each step of an existing file as a format-preserving edit (core/pyproject applyEdits);
 * look-ups on the configured index; the license step (PEP 639) and the classifier tree.
 *
 * Specs: pyproject.toml specification (PEP 621/639/735), PEP 517/518 (build system), PEP 503
 * (names), trove classifiers. Reference digest: shared/reference/pyproject-license.md §10–11.
 */
export { BACKEND_IDS, BACKENDS_CATALOGUE, DEFAULT_BACKEND, backendChoice, backendRequirement, buildSystemFor, licenseFeatures, minimumVersion, type BackendChoice, type BackendId, type Layout } from './backends';
export { EMPTY_VALUES, DEFAULT_REQUIRES_PYTHON, defaultAnswers, importNameFor, importNameProblem, type GroupItem, type Person, type ProjectValues, type StringMap, type ValuesPatch, type WizardAnswers } from './model';
export { generatePyproject } from './generate';
export { licenseFilePlan, licenseParts, type LicenseFilePlan } from './license-files';
export { readWizardValues, type BuildSystemInfo, type LegacyLicense, type WizardRead } from './read';
export { applyPatch, patchChanges } from './changes';
export { arrayChanges } from './array-diff';
export { planProjectFiles, type PlannedFile, type ProjectFileOptions, type ProjectPlan } from './files';
export { checkPlannedFiles, writePlannedFiles, type CreateOutcome, type FileCheck, type FileStatus } from './create';
export { classifierTree, type ClassifierNode, type ClassifierTree } from './classifier-tree';
export { configuredIndexes, indexAccess, IndexAccess, type IndexConfig } from './index-access';
export { checkProjectName, dependencyLicenses, suggestVersions, type DependencyLicense, type NameCheck, type VersionSuggestions } from './lookups';
export { checkLicense, licenseMigration, licensePatch, migrationPatch, type LicenseCheck, type LicensePart } from './license-step';
export { gitAuthor, startProject } from './start';
