/**
 * The root requirements of a project, read from its pyproject.toml text: `[project]
 * dependencies` and `optional-dependencies` (PEP 621) and `[dependency-groups]` (PEP 735).
 *
 * Each requirement keeps where it came from (its TOML data path), so a fix found by the
 * resolver can be written back to the same array item by the format-preserving editor.
 *
 * Expansion rules:
 * - PEP 735 `{include-group = "name"}` items are replaced by the included group's items
 *   (recursively; a cycle is reported and broken, as the spec requires tools to fail on it).
 * - A requirement on the project itself with extras (`myproj[test]` inside an extra or group,
 *   the usual way to compose extras) is expanded to those extras' requirements, as pip and uv
 *   do, instead of being looked up on an index. Its marker, if any, is combined with each
 *   expanded requirement's (`(a) and (b)`); such combined items are not written back.
 */
import type { RootRequirement } from '../../contract';
import { parseDocument, type TomlTable, type TomlValue } from '../pyproject';
import { normalizeName } from '../standards/names';
import { parseRequirement } from '../standards/pep508';

export type { RootRequirement };

/** A data path inside pyproject.toml (keys and array indices). */
export type DataPath = (string | number)[];

/** One requirement string as written, with its location. */
export interface ProjectRequirement {
  readonly text: string;
  readonly path: DataPath;
}

/** What the project declares. */
export interface ProjectRequirements {
  readonly name: string | null;
  readonly requiresPython: string | null;
  readonly dependencies: readonly ProjectRequirement[];
  readonly extras: readonly { readonly name: string; readonly items: readonly ProjectRequirement[] }[];
  readonly groups: readonly { readonly name: string; readonly items: readonly ProjectRequirement[]; readonly includes: readonly string[] }[];
  /** Values that could not be read (wrong types, invalid TOML). */
  readonly problems: readonly string[];
}

const isTable = (v: unknown): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function stringItems(value: TomlValue | undefined, path: DataPath, problems: string[]): ProjectRequirement[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${path.join('.')} is not an array`);
    return [];
  }
  const out: ProjectRequirement[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string') out.push({ text: v, path: [...path, i] });
    else if (!isTable(v)) problems.push(`${path.join('.')}[${i}] is not a requirement string`);
  });
  return out;
}

/** Read the requirements a pyproject.toml declares. Never throws. */
export function readProjectRequirements(text: string): ProjectRequirements {
  const doc = parseDocument(text);
  const problems: string[] = [];
  if (!doc.value) {
    return { name: null, requiresPython: null, dependencies: [], extras: [], groups: [], problems: [doc.syntaxError?.message ?? 'not valid TOML'] };
  }
  const project = isTable(doc.value.project) ? doc.value.project : {};
  const name = typeof project.name === 'string' ? project.name : null;
  const requiresPython = typeof project['requires-python'] === 'string' ? project['requires-python'] : null;
  const dependencies = stringItems(project.dependencies, ['project', 'dependencies'], problems);
  const optional = project['optional-dependencies'];
  const extras = isTable(optional)
    ? Object.entries(optional).map(([extra, v]) => ({ name: extra, items: stringItems(v, ['project', 'optional-dependencies', extra], problems) }))
    : [];
  const groupsTable = doc.value['dependency-groups'];
  const groups = isTable(groupsTable)
    ? Object.entries(groupsTable).map(([group, v]) => {
        const includes = Array.isArray(v) ? v.filter(isTable).map((t) => t['include-group']).filter((g): g is string => typeof g === 'string') : [];
        return { name: group, items: stringItems(v, ['dependency-groups', group], problems), includes };
      })
    : [];
  return { name, requiresPython, dependencies, extras, groups, problems };
}

/** Which parts of the project to resolve. */
export interface ProjectSelection {
  /** Include `[project] dependencies` (default true). */
  readonly dependencies?: boolean;
  readonly extras?: readonly string[];
  readonly groups?: readonly string[];
}

/** Normalized names for extras and groups (PEP 685, PEP 735 both normalize like project names). */
const norm = (s: string): string => normalizeName(s);

function combineMarker(text: string, outer: string | null): string {
  if (!outer) return text;
  const r = parseRequirement(text);
  const own = r.marker ? r.marker.toString() : null;
  const base = own !== null ? text.slice(0, text.lastIndexOf(';')).trimEnd() : text;
  // A URL requirement needs a space before `;` so the marker is not read as part of the URL.
  return `${base} ; ${own ? `(${own}) and (${outer})` : outer}`;
}

/** The root requirements for a selection, in file order, duplicates (same text) removed. */
export function selectRequirements(info: ProjectRequirements, sel: ProjectSelection): { requirements: RootRequirement[]; problems: string[] } {
  const problems: string[] = [];
  const self = info.name ? norm(info.name) : null;
  const extras = new Map(info.extras.map((e) => [norm(e.name), e]));
  const groups = new Map(info.groups.map((g) => [norm(g.name), g]));
  const out: RootRequirement[] = [];
  const seen = new Set<string>();
  const visitingExtras = new Set<string>();

  const add = (item: ProjectRequirement, from: string, outerMarker: string | null): void => {
    let req;
    try {
      req = parseRequirement(item.text);
    } catch {
      // Let the resolver report the syntax error with the requirement's text.
      push(item.text, item, from);
      return;
    }
    if (self !== null && norm(req.name) === self && req.url === null) {
      const marker = req.marker ? req.marker.toString() : null;
      const combined = outerMarker && marker ? `(${outerMarker}) and (${marker})` : (outerMarker ?? marker);
      for (const e of req.extras) addExtra(e, combined);
      return;
    }
    push(combineMarker(item.text, outerMarker), item, from);
  };
  const push = (text: string, item: ProjectRequirement, from: string): void => {
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ text, origin: { kind: 'pyproject', path: item.path, text: item.text, from, ...(text !== item.text ? { derived: true } : {}) } });
  };
  const addExtra = (name: string, marker: string | null): void => {
    const key = norm(name);
    const extra = extras.get(key);
    if (!extra) {
      problems.push(`the project has no extra named "${name}"`);
      return;
    }
    if (visitingExtras.has(key)) return;
    visitingExtras.add(key);
    for (const item of extra.items) add(item, `extra ${extra.name}`, marker);
    visitingExtras.delete(key);
  };
  const addGroup = (name: string, stack: string[]): void => {
    const key = norm(name);
    const group = groups.get(key);
    if (!group) {
      problems.push(`there is no dependency group named "${name}"`);
      return;
    }
    if (stack.includes(key)) {
      problems.push(`dependency group "${name}" includes itself (${[...stack, key].join(' → ')}) (PEP 735)`);
      return;
    }
    for (const item of group.items) add(item, `group ${group.name}`, null);
    for (const inc of group.includes) addGroup(inc, [...stack, key]);
  };

  if (sel.dependencies ?? true) for (const item of info.dependencies) add(item, 'dependencies', null);
  for (const e of sel.extras ?? []) addExtra(e, null);
  for (const g of sel.groups ?? []) addGroup(g, []);
  return { requirements: out, problems };
}
