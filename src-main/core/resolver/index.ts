/**
 * The resolver (issue 6): PubGrub over PEP 440 version sets for one target environment, with
 * extras, markers, Requires-Python, yanked versions (PEP 592) and a documented pre-release
 * policy (policy.ts); failures as derivation trees explained in words (uv's style), as a
 * graph for the UI, and with verified suggestions; a multi-environment check.
 *
 * Package sources implement `MetadataProvider` (provider.ts); the index and file-tree clients
 * are in providers/.
 */
export type { CandidateVersion, DistributionFile, MetadataProvider, ProjectListing, ProviderCallOptions, VersionMetadata } from './provider';
export { MetadataUnavailableError } from './provider';
export { MemoryProvider, type MemoryIndex, type MemoryVersion } from './memory-provider';
export { CachingProvider } from './caching-provider';
export { resolve, ResolutionLimitError } from './solver/solve';
export { BadRequirementError } from './solver/dependencies';
export { parsePrereleasePolicy, type PrereleasePolicy, type ResolutionStrategy } from './policy';
export { resolverTarget, targetFromStrings, type ResolverTarget } from './target';
export type { Pin, PinParent, ResolutionFailure, ResolutionSuccess, ResolveOptions, ResolveRequest, ResolveResult, ResolveStats } from './types';
export { treeToJson, type DerivationTree, type FailureReport, type TreeJson, type TreeNode, type TreeTerm } from './result/failure';
export { explainFailure, type Explanation, type ExplanationLine } from './result/explain';
export type { Hint } from './result/hints';
export { conflictGraph, resolutionGraph, type ConflictGraph, type GraphEdge, type GraphNode } from './result/graph';
export { suggestFixes, type Suggestion, type SuggestOptions } from './result/suggestions';
export { checkTargets, defaultTargetMatrix, type MultiEnvironmentReport, type NamedTargetInput, type TargetOutcome } from './multi-env';
