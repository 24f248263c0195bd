/**
 * A wizard step's new values → format-preserving edits of the file (core/pyproject applyEdits).
 *
 * Only what differs is touched: equal scalars produce nothing, arrays change item by item
 * (array-diff.ts), tables key by key. Emptying a list or table removes the key; emptying a
 * scalar removes it too (an empty `description = ""` helps no one).
 */
import { applyEdits, knownBackendFamilies, minimalEdits, parseDocument, raiseFloorText, type DataPath, type EditChange, type EditResult, type TomlTable, type TomlValue } from './pyproject-adapter';
import { arrayChanges, deepEqual } from './array-diff';
import { backendByModuleOrFamily, backendChoice, backendRequirement, licenseFeatures, minimumVersion, type Layout } from './backends';
import { generatePyproject } from './generate';
import { readWizardValues } from './read';
import type { GroupItem, Person, ValuesPatch } from './model';
import { packageSettingChanges, packageSettings } from './package-settings';
import { normalizeName } from '../standards/names';

const isTable = (v: unknown): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

const personValue = (p: Person): TomlTable => ({ ...(p.name?.trim() ? { name: p.name.trim() } : {}), ...(p.email?.trim() ? { email: p.email.trim() } : {}) });
const groupValue = (g: GroupItem): TomlValue => (typeof g === 'string' ? g : { 'include-group': g.includeGroup });

function scalar(out: EditChange[], path: DataPath, current: TomlValue | undefined, next: string | null | undefined): void {
  if (next === undefined) return;
  const v = next === null ? '' : next;
  if (v === '') {
    if (current !== undefined) out.push({ kind: 'remove', path });
  } else if (current !== v) out.push({ kind: 'set', path, value: v });
}

function list(out: EditChange[], path: DataPath, current: TomlValue | undefined, next: readonly TomlValue[] | undefined): void {
  if (next === undefined) return;
  if (next.length === 0) {
    if (current !== undefined) out.push({ kind: 'remove', path });
    return;
  }
  if (Array.isArray(current)) out.push(...arrayChanges(path, current, next));
  else out.push({ kind: 'set', path, value: [...next] });
}

/** Item changes of an array that stays even when empty (an extra or a group with no items yet). */
function items(out: EditChange[], path: DataPath, current: TomlValue | undefined, next: readonly TomlValue[]): void {
  if (Array.isArray(current)) out.push(...arrayChanges(path, current, next));
  else out.push({ kind: 'set', path, value: [...next] });
}

/** Key-by-key changes of a table whose values are compared with `apply` for each key. */
function table<V>(
  out: EditChange[],
  path: DataPath,
  current: TomlValue | undefined,
  next: Readonly<Record<string, V>> | undefined,
  toValue: (v: V) => TomlValue,
  nested?: (path: DataPath, cur: TomlValue | undefined, v: V) => void,
): void {
  if (next === undefined) return;
  const keys = Object.keys(next);
  if (keys.length === 0) {
    if (current !== undefined) out.push({ kind: 'remove', path });
    return;
  }
  if (current === undefined) {
    // Key by key: a new table gets its own `[header]` section rather than an inline table.
    for (const k of keys) out.push({ kind: 'set', path: [...path, k], value: toValue(next[k] as V) });
    return;
  }
  if (!isTable(current)) {
    out.push({ kind: 'set', path, value: Object.fromEntries(keys.map((k) => [k, toValue(next[k] as V)])) });
    return;
  }
  for (const k of Object.keys(current)) if (!Object.hasOwn(next, k)) out.push({ kind: 'remove', path: [...path, k] });
  for (const k of keys) {
    const v = next[k] as V;
    if (nested && current[k] !== undefined) nested([...path, k], current[k], v);
    else if (!deepEqual(current[k], toValue(v))) out.push({ kind: 'set', path: [...path, k], value: toValue(v) });
  }
}

function readmeChange(out: EditChange[], current: TomlValue | undefined, next: string | null | undefined): void {
  if (next === undefined) return;
  // The table form keeps its content-type: only its `file` changes.
  if (isTable(current) && next) {
    if (current.file !== next) out.push({ kind: 'set', path: ['project', 'readme', 'file'], value: next });
    return;
  }
  scalar(out, ['project', 'readme'], current, next);
}

/** Replace the backend: `build-backend`, and its requirement in place of the old backend's. */
function backendChanges(out: EditChange[], bs: TomlValue | undefined, id: NonNullable<ValuesPatch['backend']>, license: string | null): void {
  const choice = backendChoice(id);
  const requirement = backendRequirement(id, licenseFeatures(license));
  if (!isTable(bs)) {
    out.push({ kind: 'set', path: ['build-system'], value: { requires: [requirement], 'build-backend': choice.buildBackend } });
    return;
  }
  if (bs['build-backend'] !== choice.buildBackend) out.push({ kind: 'set', path: ['build-system', 'build-backend'], value: choice.buildBackend });
  const requires = Array.isArray(bs.requires) ? bs.requires : null;
  if (!requires) {
    out.push({ kind: 'set', path: ['build-system', 'requires'], value: [requirement] });
    return;
  }
  const oldFamily = backendFamilyIndex(requires, (f) => f !== null && f !== choice.family && isBackendFamily(f));
  const sameFamily = backendFamilyIndex(requires, (f) => f === choice.family);
  if (sameFamily >= 0) {
    if (oldFamily >= 0) out.push({ kind: 'removeItem', path: ['build-system', 'requires'], index: oldFamily });
    return;
  }
  if (oldFamily >= 0) out.push({ kind: 'set', path: ['build-system', 'requires', oldFamily], value: requirement });
  else out.push({ kind: 'insertItem', path: ['build-system', 'requires'], value: requirement, index: 0 });
}

const FAMILIES: ReadonlySet<string> = new Set(knownBackendFamilies());
const isBackendFamily = (f: string): boolean => FAMILIES.has(f);

function familyOf(requirement: TomlValue): string | null {
  if (typeof requirement !== 'string') return null;
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return m?.[1] ? normalizeName(m[1]) : null;
}

function backendFamilyIndex(requires: readonly TomlValue[], pred: (family: string | null) => boolean): number {
  return requires.findIndex((r) => pred(familyOf(r)));
}

/**
 * With a license expression, the backend requirement must admit only releases that support it
 * (core/pyproject's floors): raise its lower bound, keeping other specifiers.
 */
function floorChanges(out: EditChange[], bs: TomlValue | undefined, license: string | null, backendId: ValuesPatch['backend']): void {
  if (!license || !isTable(bs) || !Array.isArray(bs.requires)) return;
  const id = backendId ?? (typeof bs['build-backend'] === 'string' ? backendByModuleOrFamily(bs['build-backend'])?.id : undefined);
  if (!id) return;
  const min = minimumVersion(id, licenseFeatures(license));
  if (!min) return;
  const index = backendFamilyIndex(bs.requires, (f) => f === backendChoice(id).family);
  const current = bs.requires[index];
  if (index < 0 || typeof current !== 'string') return;
  const raised = raiseFloorText(current, min);
  if (raised !== null && raised !== current) out.push({ kind: 'set', path: ['build-system', 'requires', index], value: raised });
}

/** The edit changes for `patch` against the parsed document `data`. */
export function patchChanges(data: TomlTable, patch: ValuesPatch): EditChange[] {
  const out: EditChange[] = [];
  const p = isTable(data.project) ? data.project : {};
  const P = (k: string): DataPath => ['project', k];
  scalar(out, P('name'), p.name, patch.name);
  scalar(out, P('version'), p.version, patch.version);
  scalar(out, P('description'), p.description, patch.description);
  readmeChange(out, p.readme, patch.readme);
  scalar(out, P('requires-python'), p['requires-python'], patch.requiresPython);
  if (patch.license !== undefined) {
    // A string replaces a legacy table as a whole (PEP 639: the table form is deprecated).
    if (isTable(p.license) && patch.license) out.push({ kind: 'set', path: P('license'), value: patch.license });
    else scalar(out, P('license'), p.license, patch.license);
  }
  if (patch.licenseFiles !== undefined) list(out, P('license-files'), p['license-files'], patch.licenseFiles ?? []);
  list(out, P('authors'), p.authors, patch.authors?.map(personValue).filter((x) => Object.keys(x).length > 0));
  list(out, P('maintainers'), p.maintainers, patch.maintainers?.map(personValue).filter((x) => Object.keys(x).length > 0));
  list(out, P('keywords'), p.keywords, patch.keywords);
  list(out, P('classifiers'), p.classifiers, patch.classifiers);
  list(out, P('dependencies'), p.dependencies, patch.dependencies);
  table(out, P('optional-dependencies'), p['optional-dependencies'], patch.optionalDependencies, (v) => [...v], (path, cur, v) => items(out, path, cur, v));
  table(out, ['dependency-groups'], data['dependency-groups'], patch.dependencyGroups, (v) => v.map(groupValue), (path, cur, v) => items(out, path, cur, v.map(groupValue)));
  table(out, P('scripts'), p.scripts, patch.scripts, (v) => v);
  table(out, P('gui-scripts'), p['gui-scripts'], patch.guiScripts, (v) => v);
  table(out, P('entry-points'), p['entry-points'], patch.entryPoints, (v) => ({ ...v }), (path, cur, v) => table(out, path, cur, v, (x) => x));
  table(out, P('urls'), p.urls, patch.urls, (v) => v);
  const license = patch.license !== undefined ? patch.license : typeof p.license === 'string' ? p.license : null;
  // The floor first: its index refers to the requirements as they are now, before a backend
  // switch removes or replaces an item.
  if (license && (patch.license || patch.backend)) floorChanges(out, data['build-system'], license, patch.backend);
  if (patch.backend) backendChanges(out, data['build-system'], patch.backend, license);
  if (patch.layout) {
    // New projects: keep the backend's package settings in step with backend, layout and name.
    const bs = data['build-system'];
    const oldBackend = isTable(bs) && typeof bs['build-backend'] === 'string' ? (backendByModuleOrFamily(bs['build-backend'])?.id ?? null) : null;
    const oldName = typeof p.name === 'string' ? p.name : '';
    const before = (['src', 'flat'] as const).flatMap((l) => packageSettings(oldBackend, l, oldName));
    out.push(...packageSettingChanges(data, before, packageSettings(patch.backend ?? oldBackend, patch.layout, patch.name ?? oldName)));
  }
  return out;
}

/**
 * A new project's text regenerated with the patch, when the text is still exactly what the
 * generator writes for its own values (nobody edited it by hand): keys then stay in the
 * specification's order and lists one item per line. Null otherwise.
 */
function regenerate(text: string, patch: ValuesPatch & { readonly layout: Layout }): string | null {
  const read = readWizardValues(text);
  const backend = read.ok ? read.buildSystem?.backend : null;
  if (!read.ok || !backend || read.unreadable.length || read.dynamic.length) return null;
  const base = { ...read.values, backend, tests: false };
  if (!(['src', 'flat'] as const).some((layout) => generatePyproject({ ...base, layout }) === text)) return null;
  return generatePyproject({ ...base, ...patch, backend: patch.backend ?? backend });
}

/**
 * Apply `patch` to `text`: the new text and the minimal edits of the original. A patch with a
 * `layout` comes from the new-project wizard: a file still as generated is regenerated.
 */
export function applyPatch(text: string, patch: ValuesPatch): EditResult {
  const doc = parseDocument(text);
  if (!doc.value) throw Object.assign(new Error('pyproject.toml is not valid TOML; fix the syntax error in the editor first.'), { code: 'INVALID_TOML' });
  if (patch.layout) {
    const layout = patch.layout;
    const regenerated = regenerate(text, { ...patch, layout });
    if (regenerated !== null) return { text: regenerated, edits: minimalEdits(text, regenerated) };
  }
  return applyEdits(text, patchChanges(doc.value, patch), doc.ast ? { ast: doc.ast } : {});
}
