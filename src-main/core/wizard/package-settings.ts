/**
 * Backend settings a new project needs so the backend finds its package folder:
 * - setuptools, flat layout: automatic discovery treats every top-level folder with an
 *   identifier name (LICENSES/, docs/ …) as a package and stops with "Multiple top-level packages
 *   discovered in a flat-layout" (pypa/setuptools#3197; setuptools docs, "Package Discovery").
 *   `[tool.setuptools.packages.find] include` names the package.
 * - flit-core: the module is the project name with `-` replaced by `_`, case kept (flit docs,
 *   "The pyproject.toml config file": `[tool.flit.module] name` otherwise), so `Spam_Eggs` or
 *   `spam.eggs` need the folder's name spelled out.
 * Other backends find `src/<pkg>` and `<pkg>` by the normalized name.
 */
import { deepEqual } from './array-diff';
import type { BackendId, Layout } from './backends';
import { importNameFor } from './model';
import type { DataPath, EditChange, TomlTable, TomlValue } from './pyproject-adapter';

export interface PackageSetting {
  readonly path: DataPath;
  readonly value: TomlTable;
  readonly comment?: string;
}

const FIND: DataPath = ['tool', 'setuptools', 'packages', 'find'];
const FLIT: DataPath = ['tool', 'flit', 'module'];

/** The settings `backend` needs for `layout` and project `name` (empty when none). */
export function packageSettings(backend: BackendId | null, layout: Layout, name: string): PackageSetting[] {
  const pkg = importNameFor(name);
  if (!pkg) return [];
  if (backend === 'setuptools' && layout === 'flat') return [{ path: FIND, value: { include: [`${pkg}*`] }, comment: 'Flat layout: build only the package, not the other top-level folders.' }];
  if (backend === 'flit-core' && name.replace(/-/g, '_') !== pkg) return [{ path: FLIT, value: { name: pkg } }];
  return [];
}

const at = (data: TomlTable, path: DataPath): TomlValue | undefined => {
  let v: TomlValue | undefined = data;
  for (const k of path) v = typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) ? (v as TomlTable)[k as string] : undefined;
  return v;
};

/**
 * Changes that make the file's package settings fit the new backend, layout and name. Only tables
 * the wizard would have written for some backend/layout/name (`before`) are changed or removed:
 * the user's own settings stay.
 */
export function packageSettingChanges(data: TomlTable, before: readonly PackageSetting[], after: readonly PackageSetting[]): EditChange[] {
  const out: EditChange[] = [];
  for (const path of [FIND, FLIT]) {
    const current = at(data, path);
    const was = before.find((s) => s.path === path);
    const want = after.find((s) => s.path === path);
    const managed = current === undefined || (was !== undefined && deepEqual(current, was.value)) || (want !== undefined && deepEqual(current, want.value));
    if (!managed) continue;
    if (!want) {
      if (current !== undefined) out.push({ kind: 'remove', path });
    } else if (current === undefined || !deepEqual(current, want.value)) {
      out.push({ kind: 'set', path, value: want.value });
    }
  }
  return out;
}
