/**
 * Marker environment: the values PEP 508 markers are evaluated against.
 *
 * Shared by marker evaluation (pep508/), target environments (tags/), the resolver and the
 * lockfile inspector. Field names are the marker variable names of PEP 508
 * (https://packaging.python.org/en/latest/specifications/dependency-specifiers/#environment-markers).
 */
export interface MarkerEnvironment {
  readonly implementation_name: string;
  readonly implementation_version: string;
  readonly os_name: string;
  readonly platform_machine: string;
  readonly platform_python_implementation: string;
  readonly platform_release: string;
  readonly platform_system: string;
  readonly platform_version: string;
  readonly python_full_version: string;
  readonly python_version: string;
  readonly sys_platform: string;
}

/**
 * Extra context for evaluation: `extra` (PEP 508/685) for one requested extra, and the
 * PEP 751 `extras` / `dependency_groups` sets used by pylock.toml markers.
 */
export interface MarkerContext {
  readonly extra?: string;
  readonly extras?: ReadonlySet<string>;
  readonly dependencyGroups?: ReadonlySet<string>;
}

export const MARKER_VARIABLES = [
  'implementation_name',
  'implementation_version',
  'os_name',
  'platform_machine',
  'platform_python_implementation',
  'platform_release',
  'platform_system',
  'platform_version',
  'python_full_version',
  'python_version',
  'sys_platform',
] as const satisfies readonly (keyof MarkerEnvironment)[];
