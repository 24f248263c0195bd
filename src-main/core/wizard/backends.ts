/**
 * The build backends the wizard offers (PEP 517 `build-backend`, PEP 518 `requires`), each with a
 * one-line reason to pick it and the requirement pinned to the first release that supports what
 * the generated file uses.
 *
 * Minimum versions come from the pyproject module's capability table (core/pyproject/backends,
 * every floor cited from the backend's changelog), so the wizard and the validator agree: a file
 * the wizard writes never triggers PW-BACKEND-001/002.
 */
import { floorFor, type BackendFeature } from '../pyproject';
import { compareVersions } from '../standards/pep440';

/** Backends the wizard can write. */
export const BACKEND_IDS = ['hatchling', 'setuptools', 'flit-core', 'pdm-backend', 'poetry-core', 'maturin', 'scikit-build-core', 'meson-python'] as const;
export type BackendId = (typeof BACKEND_IDS)[number];

/** One entry of the catalogue. */
export interface BackendChoice {
  readonly id: BackendId;
  readonly label: string;
  /** The distribution to require, as its project spells it on PyPI. */
  readonly requirementName: string;
  /** The family in core/pyproject's BACKENDS table (the normalized distribution name). */
  readonly family: string;
  readonly buildBackend: string;
  readonly why: string;
  /** True when the backend compiles extension code (the project needs a compiler toolchain). */
  readonly native: boolean;
  /** Where the Python package lives for each layout (relative folder; `<pkg>` is the import name). */
  readonly packageDir: Readonly<Record<Layout, string>>;
}

export type Layout = 'src' | 'flat';

const PURE = { src: 'src/<pkg>', flat: '<pkg>' } as const;

export const BACKENDS_CATALOGUE: readonly BackendChoice[] = [
  { id: 'hatchling', label: 'Hatchling', requirementName: 'hatchling', family: 'hatchling', buildBackend: 'hatchling.build', native: false, packageDir: PURE, why: 'Modern, fast and configurable pure-Python builds; the default of the packaging tutorial and `hatch new`.' },
  { id: 'setuptools', label: 'setuptools', requirementName: 'setuptools', family: 'setuptools', buildBackend: 'setuptools.build_meta', native: false, packageDir: PURE, why: 'The long-standing default; choose it for C extensions through setup.py or when your tools expect it.' },
  { id: 'flit-core', label: 'Flit', requirementName: 'flit_core', family: 'flit-core', buildBackend: 'flit_core.buildapi', native: false, packageDir: PURE, why: 'Minimal and dependency-free for simple pure-Python packages with one top-level module or package.' },
  { id: 'pdm-backend', label: 'PDM backend', requirementName: 'pdm-backend', family: 'pdm-backend', buildBackend: 'pdm.backend', native: false, packageDir: PURE, why: 'PDM\'s standards-based backend; a natural fit when you manage the project with PDM.' },
  { id: 'poetry-core', label: 'Poetry core', requirementName: 'poetry-core', family: 'poetry-core', buildBackend: 'poetry.core.masonry.api', native: false, packageDir: PURE, why: 'Poetry\'s backend; choose it when you manage the project with Poetry 2.' },
  { id: 'maturin', label: 'maturin', requirementName: 'maturin', family: 'maturin', buildBackend: 'maturin', native: true, packageDir: { src: 'python/<pkg>', flat: 'python/<pkg>' }, why: 'Rust extensions with PyO3; builds wheels with compiled Rust code (needs a Rust toolchain).' },
  { id: 'scikit-build-core', label: 'scikit-build-core', requirementName: 'scikit-build-core', family: 'scikit-build-core', buildBackend: 'scikit_build_core.build', native: true, packageDir: PURE, why: 'C/C++/Fortran extensions built with CMake (needs CMake and a compiler).' },
  { id: 'meson-python', label: 'meson-python', requirementName: 'meson-python', family: 'meson-python', buildBackend: 'mesonpy', native: true, packageDir: PURE, why: 'Compiled extensions built with Meson, as NumPy and SciPy do (needs Meson, Ninja and a compiler).' },
];

/** The default backend of a new project (matches core/pyproject's DEFAULT_BUILD_SYSTEM). */
export const DEFAULT_BACKEND: BackendId = 'hatchling';

/** The catalogue entry of an id. */
export function backendChoice(id: BackendId): BackendChoice {
  const b = BACKENDS_CATALOGUE.find((x) => x.id === id);
  if (!b) throw new Error(`unknown backend ${id}`);
  return b;
}

/** The catalogue entry for a `build-backend` value or a family name, if any. */
export function backendByModuleOrFamily(value: string | null | undefined): BackendChoice | undefined {
  if (!value) return undefined;
  const v = value.trim();
  return BACKENDS_CATALOGUE.find((b) => b.buildBackend === v || b.family === v);
}

/**
 * Features the wizard always plans for: a PEP 639 license expression and `license-files`.
 * Pinning for them even before a license is chosen means adding one later needs no new floor.
 */
const BASELINE: readonly BackendFeature[] = ['project-table', 'license-expression', 'license-files'];

/** The features a license expression uses (AND/OR, WITH), as core/pyproject counts them. */
export function licenseFeatures(expression: string | null): BackendFeature[] {
  if (!expression) return [];
  const words = new Set(expression.split(/[\s()]+/).map((t) => t.toUpperCase()));
  const out: BackendFeature[] = ['license-expression'];
  if (words.has('AND') || words.has('OR')) out.push('license-expression-compound');
  if (words.has('WITH')) out.push('license-expression-with');
  return out;
}

/** The lowest release of `id` that supports every feature (undefined: no floor known). */
export function minimumVersion(id: BackendId, features: readonly BackendFeature[]): string | undefined {
  const family = backendChoice(id).family;
  let min: string | undefined;
  for (const f of new Set([...BASELINE, ...features])) {
    const floor = floorFor(family, f)?.min;
    if (floor && (min === undefined || compareVersions(floor, min) > 0)) min = floor;
  }
  return min;
}

/** Drop trailing `.0` release segments for a shorter pin (`77.0.0` → `77`), keeping at least two. */
function shortVersion(v: string): string {
  const parts = v.split('.');
  while (parts.length > 2 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

/** The `[build-system] requires` entry for `id`, e.g. `hatchling>=1.27`. */
export function backendRequirement(id: BackendId, features: readonly BackendFeature[] = []): string {
  const b = backendChoice(id);
  const min = minimumVersion(id, features);
  return min ? `${b.requirementName}>=${shortVersion(min)}` : b.requirementName;
}

/** The `[build-system]` table for `id` and a license expression. */
export function buildSystemFor(id: BackendId, license: string | null): { requires: string[]; 'build-backend': string } {
  return { requires: [backendRequirement(id, licenseFeatures(license))], 'build-backend': backendChoice(id).buildBackend };
}
