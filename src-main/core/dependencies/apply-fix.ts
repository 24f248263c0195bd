/**
 * Write a fix back to pyproject.toml: replace or remove requirement items (PEP 621 arrays,
 * PEP 735 groups) with the format-preserving editor, on the text the user is editing.
 *
 * Each change names the item's data path and the text it expects there. When the item moved
 * (the user edited the array since the resolution), the same text is looked up in that array;
 * when it is gone, the change is refused rather than applied to the wrong item.
 */
import { applyEdits, parseDocument, type EditChange, type EditResult, type TomlValue } from '../pyproject';
import { JobInputError } from './errors';
import type { DataPath } from './project-requirements';

/** One requirement change: `to` null removes the item. */
export interface RequirementChange {
  readonly path: DataPath;
  readonly from: string;
  readonly to: string | null;
}

function at(root: TomlValue, path: DataPath): TomlValue | undefined {
  let v: TomlValue | undefined = root;
  for (const k of path) {
    if (v === undefined || v === null || typeof v !== 'object' || v instanceof Date) return undefined;
    v = Array.isArray(v) ? (typeof k === 'number' ? v[k] : undefined) : (v as Record<string, TomlValue>)[String(k)];
  }
  return v;
}

/** Apply `changes` to `text`; returns the new text and the edits (relative to `text`). */
export function applyRequirementChanges(text: string, changes: readonly RequirementChange[]): EditResult {
  const doc = parseDocument(text);
  if (!doc.value) throw new JobInputError('BAD_REQUEST', 'pyproject.toml is not valid TOML; fix it before applying a change.', doc.syntaxError?.message);
  const sets: EditChange[] = [];
  const removals: { array: DataPath; index: number }[] = [];
  const used = new Set<string>();
  for (const c of changes) {
    const array = c.path.slice(0, -1);
    const list = at(doc.value, array);
    if (!Array.isArray(list)) throw new JobInputError('NOT_FOUND', `There is no array at ${array.join('.')} any more.`, 'Resolve again to refresh where the requirements are.');
    const wanted = typeof c.path[c.path.length - 1] === 'number' ? (c.path[c.path.length - 1] as number) : -1;
    const index = list[wanted] === c.from ? wanted : list.findIndex((v, i) => v === c.from && !used.has(`${array.join('\0')}\0${i}`));
    if (index < 0) {
      throw new JobInputError('NOT_FOUND', `\`${c.from}\` is no longer in ${array.join('.')}.`, 'The file changed since the resolution; resolve again.');
    }
    const key = `${array.join('\0')}\0${index}`;
    if (used.has(key)) continue;
    used.add(key);
    if (c.to === null) removals.push({ array, index });
    else if (c.to !== c.from) sets.push({ kind: 'set', path: [...array, index], value: c.to });
  }
  // Sets keep indices; removals then run from the highest index down so none shifts another.
  removals.sort((a, b) => (a.array.join('\0') === b.array.join('\0') ? b.index - a.index : a.array.join('\0').localeCompare(b.array.join('\0'))));
  const all: EditChange[] = [...sets, ...removals.map((r): EditChange => ({ kind: 'removeItem', path: r.array, index: r.index }))];
  return applyEdits(text, all);
}
