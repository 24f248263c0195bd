/**
 * The wizard's data: the `[project]` values it edits (PEP 621 keys in camelCase), plus the
 * choices that shape the generated files (backend, layout, tests).
 *
 * Spec: https://packaging.python.org/en/latest/specifications/pyproject-toml/ (the `[project]`
 * table), PEP 735 (`[dependency-groups]`).
 */
import { normalizeName } from '../standards/names';
import type { BackendId, Layout } from './backends';

/** An author or maintainer (`{ name, email }`, at least one of the two). */
export interface Person {
  readonly name?: string;
  readonly email?: string;
}

/** A dependency-group item: a PEP 508 string or an include (PEP 735 `{include-group = …}`). */
export type GroupItem = string | { readonly includeGroup: string };

export type StringMap = Readonly<Record<string, string>>;

/** The `[project]` and `[dependency-groups]` values the wizard's steps edit. */
export interface ProjectValues {
  readonly name: string | null;
  readonly version: string | null;
  readonly description: string | null;
  /** A readme file path (the string form, or `file` of the table form). */
  readonly readme: string | null;
  readonly requiresPython: string | null;
  /** A PEP 639 license expression (null when absent or a legacy table). */
  readonly license: string | null;
  readonly licenseFiles: readonly string[] | null;
  readonly authors: readonly Person[];
  readonly maintainers: readonly Person[];
  readonly keywords: readonly string[];
  readonly classifiers: readonly string[];
  readonly dependencies: readonly string[];
  readonly optionalDependencies: Readonly<Record<string, readonly string[]>>;
  readonly dependencyGroups: Readonly<Record<string, readonly GroupItem[]>>;
  readonly scripts: StringMap;
  readonly guiScripts: StringMap;
  readonly entryPoints: Readonly<Record<string, StringMap>>;
  readonly urls: StringMap;
}

/** Everything a new project needs: the values plus the generator's choices. */
export interface WizardAnswers extends ProjectValues {
  readonly backend: BackendId;
  readonly layout: Layout;
  /** Write a `tests/` folder with a first test. */
  readonly tests: boolean;
}

/**
 * A change of some values (absent keys stay as they are); `backend` rewrites [build-system];
 * `layout` adds or removes the package settings a backend needs for it (setuptools' flat layout).
 */
export type ValuesPatch = Partial<ProjectValues> & { readonly backend?: BackendId; readonly layout?: Layout };

export const EMPTY_VALUES: ProjectValues = {
  name: null,
  version: null,
  description: null,
  readme: null,
  requiresPython: null,
  license: null,
  licenseFiles: null,
  authors: [],
  maintainers: [],
  keywords: [],
  classifiers: [],
  dependencies: [],
  optionalDependencies: {},
  dependencyGroups: {},
  scripts: {},
  guiScripts: {},
  entryPoints: {},
  urls: {},
};

/**
 * The lowest Python a new project should support: the oldest CPython feature release still
 * receiving security fixes (python.org "Status of Python versions"; 3.10 until October 2026).
 */
export const DEFAULT_REQUIRES_PYTHON = '>=3.10';

/** Defaults of a new project named `name`. */
export function defaultAnswers(name: string, people: { author?: Person } = {}): WizardAnswers {
  return {
    ...EMPTY_VALUES,
    name,
    version: '0.1.0',
    readme: 'README.md',
    requiresPython: DEFAULT_REQUIRES_PYTHON,
    authors: people.author && (people.author.name || people.author.email) ? [people.author] : [],
    backend: 'hatchling',
    layout: 'src',
    tests: false,
  };
}

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

/**
 * The import name backends derive from a project name: the PEP 503 normalized name with `-`
 * replaced by `_` (what hatchling, flit, pdm-backend and poetry-core look for by default).
 * Null when that is not a Python identifier (starts with a digit, a keyword, empty).
 */
export function importNameFor(projectName: string): string | null {
  if (!projectName) return null;
  const candidate = normalizeName(projectName).replace(/-/g, '_');
  if (!/^[a-z_][a-z0-9_]*$/.test(candidate) || KEYWORDS.has(candidate)) return null;
  return candidate;
}

/** Why a project name gives no usable import name (for the name step), or null. */
export function importNameProblem(projectName: string): string | null {
  if (!projectName || importNameFor(projectName) !== null) return null;
  const candidate = normalizeName(projectName).replace(/-/g, '_');
  if (/^[0-9]/.test(candidate)) return `The package folder would be "${candidate}", which Python cannot import because it starts with a digit. Choose a name starting with a letter.`;
  if (KEYWORDS.has(candidate)) return `"${candidate}" is a Python keyword, so \`import ${candidate}\` fails. Choose another name.`;
  return `"${candidate}" is not a Python identifier.`;
}
