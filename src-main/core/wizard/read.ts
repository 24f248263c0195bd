/**
 * pyproject.toml text → the wizard's current values, so each step shows what the file says.
 *
 * Values of the wrong type (a number where a string belongs) are left out and listed in
 * `unreadable`: the step then says to fix them in the editor, where the validator explains them.
 */
import { parseDocument, type TomlTable, type TomlValue } from '../pyproject';
import { backendByModuleOrFamily, type BackendId } from './backends';
import { EMPTY_VALUES, importNameFor, type GroupItem, type Person, type ProjectValues, type StringMap } from './model';

/** The `[build-system]` as the backend step sees it. */
export interface BuildSystemInfo {
  readonly buildBackend: string | null;
  readonly requires: readonly string[];
  /** The catalogue backend the file selects, when known. */
  readonly backend: BackendId | null;
}

/** Legacy license metadata a migration could convert (PEP 639). */
export interface LegacyLicense {
  /** `license = { text = … }` or `{ file = … }`. */
  readonly table: { readonly text?: string; readonly file?: string } | null;
  /** Every `License ::` classifier. */
  readonly classifiers: readonly string[];
}

export type WizardRead =
  | {
      readonly ok: true;
      readonly values: ProjectValues;
      /** `project.dynamic` (keys the backend fills in; the wizard does not edit them). */
      readonly dynamic: readonly string[];
      readonly buildSystem: BuildSystemInfo | null;
      readonly legacyLicense: LegacyLicense;
      /** The import name the backends derive from `name` (null when not an identifier). */
      readonly importName: string | null;
      /** Keys present with a value the wizard cannot show (e.g. `dependencies = "x"`). */
      readonly unreadable: readonly string[];
    }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

const isTable = (v: unknown): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

class Reader {
  readonly unreadable: string[] = [];
  constructor(private readonly table: TomlTable, private readonly prefix: string) {}

  private bad(key: string): void {
    this.unreadable.push(`${this.prefix}${key}`);
  }

  string(key: string): string | null {
    const v = this.table[key];
    if (v === undefined) return null;
    if (typeof v === 'string') return v;
    this.bad(key);
    return null;
  }

  strings(key: string): string[] {
    const v = this.table[key];
    if (v === undefined) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    this.bad(key);
    return [];
  }

  stringMap(key: string, v: TomlValue | undefined = this.table[key]): StringMap {
    if (v === undefined) return {};
    if (isTable(v) && Object.values(v).every((x) => typeof x === 'string')) return v as StringMap;
    this.bad(key);
    return {};
  }

  people(key: string): Person[] {
    const v = this.table[key];
    if (v === undefined) return [];
    if (Array.isArray(v) && v.every(isTable)) {
      return (v as TomlTable[]).map((t) => ({
        ...(typeof t.name === 'string' ? { name: t.name } : {}),
        ...(typeof t.email === 'string' ? { email: t.email } : {}),
      }));
    }
    this.bad(key);
    return [];
  }

  listTable(key: string, v: TomlValue | undefined): Record<string, string[]> {
    if (v === undefined) return {};
    if (!isTable(v)) {
      this.bad(key);
      return {};
    }
    const out: Record<string, string[]> = {};
    for (const [k, x] of Object.entries(v)) {
      if (Array.isArray(x) && x.every((s) => typeof s === 'string')) out[k] = x as string[];
      else this.bad(`${key}.${k}`);
    }
    return out;
  }
}

function readGroups(v: TomlValue | undefined, unreadable: string[]): Record<string, GroupItem[]> {
  if (v === undefined) return {};
  if (!isTable(v)) {
    unreadable.push('dependency-groups');
    return {};
  }
  const out: Record<string, GroupItem[]> = {};
  for (const [k, items] of Object.entries(v)) {
    if (!Array.isArray(items)) {
      unreadable.push(`dependency-groups.${k}`);
      continue;
    }
    const list: GroupItem[] = [];
    for (const it of items) {
      if (typeof it === 'string') list.push(it);
      else if (isTable(it) && typeof it['include-group'] === 'string') list.push({ includeGroup: it['include-group'] });
    }
    out[k] = list;
  }
  return out;
}

/** The values of `project` (a parsed `[project]` table) for the wizard. */
export function valuesOf(project: TomlTable, groups: TomlValue | undefined): { values: ProjectValues; unreadable: string[] } {
  const r = new Reader(project, 'project.');
  const readme = project.readme;
  const readmePath = typeof readme === 'string' ? readme : isTable(readme) && typeof readme.file === 'string' ? readme.file : null;
  const entryPoints: Record<string, StringMap> = {};
  const ep = project['entry-points'];
  if (isTable(ep)) for (const [g, t] of Object.entries(ep)) entryPoints[g] = r.stringMap(`entry-points.${g}`, t);
  const values: ProjectValues = {
    ...EMPTY_VALUES,
    name: r.string('name'),
    version: r.string('version'),
    description: r.string('description'),
    readme: readmePath,
    requiresPython: r.string('requires-python'),
    license: typeof project.license === 'string' ? project.license : null,
    licenseFiles: project['license-files'] === undefined ? null : r.strings('license-files'),
    authors: r.people('authors'),
    maintainers: r.people('maintainers'),
    keywords: r.strings('keywords'),
    classifiers: r.strings('classifiers'),
    dependencies: r.strings('dependencies'),
    optionalDependencies: r.listTable('optional-dependencies', project['optional-dependencies']),
    dependencyGroups: {},
    scripts: r.stringMap('scripts'),
    guiScripts: r.stringMap('gui-scripts'),
    entryPoints,
    urls: r.stringMap('urls'),
  };
  const unreadable = [...r.unreadable];
  return { values: { ...values, dependencyGroups: readGroups(groups, unreadable) }, unreadable };
}

function buildSystemOf(v: TomlValue | undefined): BuildSystemInfo | null {
  if (!isTable(v)) return null;
  const buildBackend = typeof v['build-backend'] === 'string' ? v['build-backend'] : null;
  const requires = Array.isArray(v.requires) ? v.requires.filter((x): x is string => typeof x === 'string') : [];
  return { buildBackend, requires, backend: backendByModuleOrFamily(buildBackend)?.id ?? null };
}

/** Read the wizard's view of `text`. */
export function readWizardValues(text: string): WizardRead {
  const doc = parseDocument(text);
  if (!doc.value) {
    const e = doc.syntaxError;
    return { ok: false, message: e?.message ?? 'The file is not valid TOML.', line: e?.range.start.line ?? 1, column: e?.range.start.column ?? 1 };
  }
  const project = isTable(doc.value.project) ? doc.value.project : {};
  const { values, unreadable } = valuesOf(project, doc.value['dependency-groups']);
  const lic = project.license;
  const table = isTable(lic)
    ? { ...(typeof lic.text === 'string' ? { text: lic.text } : {}), ...(typeof lic.file === 'string' ? { file: lic.file } : {}) }
    : null;
  const dynamic = Array.isArray(project.dynamic) ? project.dynamic.filter((x): x is string => typeof x === 'string') : [];
  return {
    ok: true,
    values,
    dynamic,
    buildSystem: buildSystemOf(doc.value['build-system']),
    legacyLicense: { table, classifiers: values.classifiers.filter((c) => c.startsWith('License ::')) },
    importName: values.name ? importNameFor(values.name) : null,
    unreadable,
  };
}
