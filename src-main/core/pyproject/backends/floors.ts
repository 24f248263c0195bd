/**
 * Build backends and the first release of each that supports a pyproject.toml feature.
 *
 * Every floor cites the backend's own changelog entry (looked up for this table; see the
 * `source` strings). A `[build-system] requires` entry that admits an older release lets a
 * build pick a backend that rejects or silently drops the feature (reference digest
 * shared/reference/pyproject-license.md §8: Debian bookworm's setuptools 66 rejects
 * `license = "MIT"` with "must be valid exactly by one definition").
 */

/** A feature of the file that needs a minimum backend release. */
export type BackendFeature =
  /** `[project]` metadata (PEP 621) at all. */
  | 'project-table'
  /** `project.license` as a string: an SPDX expression (PEP 639). */
  | 'license-expression'
  /** A license expression with AND/OR. */
  | 'license-expression-compound'
  /** A license expression with WITH (a license exception). */
  | 'license-expression-with'
  /** `project.license-files` as a list of globs (PEP 639). */
  | 'license-files';

export const FEATURE_WORDS: Readonly<Record<BackendFeature, string>> = {
  'project-table': 'the [project] table (PEP 621)',
  'license-expression': 'a license expression (`license = "…"`, PEP 639)',
  'license-expression-compound': 'a license expression with AND/OR',
  'license-expression-with': 'a license expression with WITH',
  'license-files': '`license-files` (PEP 639)',
};

export interface Floor {
  readonly feature: BackendFeature;
  /** First release with the feature (PEP 440). */
  readonly min: string;
  /** Changelog entry that says so. */
  readonly source: string;
}

export interface BackendInfo {
  /** Family name, also the normalized distribution name to require. */
  readonly family: string;
  /** `build-backend` values (exact, or a prefix ending in `.`/`:`) that select this backend. */
  readonly modules: readonly string[];
  readonly floors: readonly Floor[];
}

export const BACKENDS: readonly BackendInfo[] = [
  {
    family: 'setuptools',
    modules: ['setuptools.build_meta', 'setuptools.build_meta:__legacy__'],
    floors: [
      { feature: 'project-table', min: '61.0.0', source: 'pypa/setuptools NEWS.rst v61.0.0: support for PEP 621 project metadata in pyproject.toml ("Setuptools will attempt to validate the pyproject.toml file according to PEP 621")' },
      { feature: 'license-expression', min: '77.0.0', source: 'pypa/setuptools NEWS.rst v77.0.0: "Added initial support for license expression (PEP 639)" (#4706)' },
      { feature: 'license-files', min: '77.0.0', source: 'pypa/setuptools NEWS.rst v77.0.0: "Deprecated tools.setuptools.license-files in favor of project.license-files" (#4837), glob support (#4728)' },
    ],
  },
  {
    family: 'hatchling',
    modules: ['hatchling.build', 'hatchling.ouroboros'],
    floors: [
      { feature: 'license-expression', min: '1.27.0', source: 'pypa/hatch docs/history/hatchling.md 1.27.0 (2024-11-26): "Update the default version of core metadata to 2.4" (1.26.0 added 2.4 support and back-filled License-Expression)' },
      { feature: 'license-files', min: '1.27.0', source: 'pypa/hatch docs/history/hatchling.md 1.26.0: "license-files ... updated to the latest spec and is now just an array of glob patterns"; 1.27.0 writes metadata 2.4 by default' },
    ],
  },
  {
    family: 'flit-core',
    modules: ['flit_core.buildapi', 'flit.buildapi'],
    floors: [
      { feature: 'project-table', min: '3.2', source: 'pypa/flit doc/history.rst Version 3.2: "support for specifying metadata in a [project] table" (3.3: fully supported)' },
      { feature: 'license-expression', min: '3.11', source: 'pypa/flit doc/history.rst Version 3.11: "Support for SPDX license expressions and multiple license files, as detailed in PEP 639" (single identifiers only)' },
      { feature: 'license-files', min: '3.11', source: 'pypa/flit doc/history.rst Version 3.11: license-files = ["LICENSE"] (PEP 639)' },
      { feature: 'license-expression-compound', min: '3.12', source: 'pypa/flit doc/history.rst Version 3.12: "Support for license expressions using the AND and OR operators" (#731)' },
      { feature: 'license-expression-with', min: '4.1', source: 'pypa/flit#809 (closes #735): WITH expressions; the maintainer asks to document that "license expressions using WITH require flit_core >=4.1"' },
    ],
  },
  {
    family: 'pdm-backend',
    modules: ['pdm.backend', 'pdm.backend.intree'],
    floors: [
      { feature: 'license-expression', min: '2.4.0', source: 'pdm-project/pdm-backend 2.4.0: "update pyproject-metadata to support latest version of PEP 639" (#259)' },
      { feature: 'license-files', min: '2.4.0', source: 'pdm-project/pdm-backend 2.4.0 (#259): PEP 639 license-files via pyproject-metadata 0.9' },
    ],
  },
  {
    family: 'poetry-core',
    modules: ['poetry.core.masonry.api'],
    floors: [
      { feature: 'project-table', min: '2.0.0', source: 'python-poetry/poetry-core CHANGELOG.md 2.0.0 (2025-01-05): support for the [project] section (PEP 621)' },
      { feature: 'license-expression', min: '2.2.0', source: 'python-poetry/poetry-core CHANGELOG.md 2.2.0 (2025-09-14): "add support for PEP 639 License Clarity" (#870): metadata 2.4, License-Expression' },
      { feature: 'license-files', min: '2.2.0', source: 'python-poetry/poetry-core CHANGELOG.md 2.2.0 (#870): [project].license-files glob patterns' },
    ],
  },
  {
    family: 'maturin',
    modules: ['maturin'],
    floors: [
      { feature: 'license-expression', min: '1.9.2', source: 'PyO3/maturin Changelog.md 1.9.2: "Fix PEP 639 implementation, use License-Expression over License" (1.9.0 #2647 still wrote the old field)' },
      { feature: 'license-files', min: '1.9.3', source: 'PyO3/maturin Changelog.md 1.9.3: "Fix adding project.license-files to source distributions" (1.9.0 #2647 added the key)' },
    ],
  },
  {
    family: 'scikit-build-core',
    modules: ['scikit_build_core.build', 'scikit_build_core.setuptools.build_meta'],
    floors: [
      { feature: 'license-expression', min: '0.11.0', source: 'scikit-build/scikit-build-core changelog Version 0.11.0: "adds support for PEP 639 (license expressions)"' },
      { feature: 'license-files', min: '0.11.0', source: 'scikit-build/scikit-build-core changelog Version 0.11.0: PEP 639 support' },
    ],
  },
  {
    family: 'meson-python',
    modules: ['mesonpy'],
    floors: [
      { feature: 'license-expression', min: '0.18.0', source: 'mesonbuild/meson-python CHANGELOG.rst 0.18.0: "Add support for PEP 639 metadata fields"' },
      { feature: 'license-files', min: '0.18.0', source: 'mesonbuild/meson-python CHANGELOG.rst 0.18.0: "Add support for PEP 639 metadata fields"' },
    ],
  },
  {
    family: 'uv-build',
    modules: ['uv_build'],
    floors: [
      { feature: 'license-expression', min: '0.7.19', source: 'astral-sh/uv 0.7.19 release notes: "The uv build backend is now stable" (PEP 639 metadata; the packaging guide lists uv_build >= 0.7.19)' },
      { feature: 'license-files', min: '0.7.19', source: 'astral-sh/uv 0.7.19 release notes: stable uv build backend with PEP 639 license-files' },
    ],
  },
];

/** The backend selected by a `build-backend` value, if known. */
export function backendFor(buildBackend: string): BackendInfo | undefined {
  const v = buildBackend.trim();
  return BACKENDS.find((b) => b.modules.includes(v));
}

/** The minimum version of `family` for `feature`, if the family needs one. */
export function floorFor(family: string, feature: BackendFeature): Floor | undefined {
  return BACKENDS.find((b) => b.family === family)?.floors.find((f) => f.feature === feature);
}
