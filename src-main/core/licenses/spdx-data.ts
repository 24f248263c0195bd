/**
 * The SPDX license and exception ids that packaging.licenses accepts (SPDX License List 3.27.0).
 *
 * Validity comes ONLY from `data/spdx-packaging-3.27.0.json`, a copy of packaging's
 * `src/packaging/licenses/_spdx.py` (identical in packaging 26.0–26.3), because setuptools,
 * hatchling and PyPI all validate with packaging (PEP 639 "License-Expression"). Newer SPDX lists
 * (e.g. the one in spdx-license-list) hold ids packaging rejects, so they never decide validity.
 */
import spdxPackaging from './data/spdx-packaging-3.27.0.json' with { type: 'json' };

/** One entry of packaging's table: the reference spelling and SPDX's deprecation flag. */
export interface SpdxEntry {
  readonly id: string;
  readonly deprecated: boolean;
}

/** SPDX License List version packaging 26.x ships. */
export const SPDX_LIST_VERSION: string = spdxPackaging.spdx_license_list_version;

function toMap(table: Record<string, SpdxEntry>): ReadonlyMap<string, SpdxEntry> {
  // A Map, not an object: tokens such as `constructor` or `__proto__` must not hit prototypes.
  return new Map(Object.entries(table).map(([key, v]) => [key, { id: v.id, deprecated: v.deprecated }]));
}

const LICENSES = toMap(spdxPackaging.licenses);
const EXCEPTIONS = toMap(spdxPackaging.exceptions);

/**
 * Look up a license id by its lower-cased spelling.
 *
 * Keys are lower-case ids exactly as packaging stores them (`gpl-2.0+` is itself an id).
 */
export function licenseByLowerId(lower: string): SpdxEntry | undefined {
  return LICENSES.get(lower);
}

/** Look up a license exception id by its lower-cased spelling. */
export function exceptionByLowerId(lower: string): SpdxEntry | undefined {
  return EXCEPTIONS.get(lower);
}

/** Every license entry packaging accepts, in packaging's (alphabetical, lower-case) order. */
export function allLicenseEntries(): readonly SpdxEntry[] {
  return [...LICENSES.values()];
}

/** Every exception entry packaging accepts. */
export function allExceptionEntries(): readonly SpdxEntry[] {
  return [...EXCEPTIONS.values()];
}
