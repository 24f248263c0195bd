/**
 * The Dependencies workspace's core (issue 6): root requirements from a project or pasted text,
 * resolution and multi-environment jobs run on a resolver thread, their results as the
 * contract's plain data, and fixes written back to pyproject.toml.
 */
export { applyRequirementChanges, type RequirementChange } from './apply-fix';
export { JobInputError } from './errors';
export type { CheckJob, DependenciesJob, JobSink, JobSummary, ResolveJob } from './job';
export { DEFAULT_INDEX_URL, localIndexes, localIndexUrl, prepareIndex, prepareSource, readPyproject, type PreparedSource } from './prepare';
export { readProjectRequirements, selectRequirements, type DataPath, type ProjectRequirement, type ProjectRequirements, type ProjectSelection, type RootRequirement } from './project-requirements';
export { ProviderPool, type IndexSetup } from './provider-pool';
export { parseRequirementsText, type PastedRequirement } from './requirements-text';
export { locateWorker, ResolverHost, type ResolverHostOptions } from './resolver-host';
export { progressTitle, runJob } from './run-job';
export { chooseTarget, chooseTargets, defaultTargetId, matrixTargetIds, targetChoices, TargetInputError, type ChosenTarget } from './targets';
