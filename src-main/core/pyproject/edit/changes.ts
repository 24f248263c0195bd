/**
 * The changes `applyEdits` understands, and its typed error.
 */
import type { DataPath } from '../toml/locate';
import type { TomlValue } from '../toml/parse';

/** One change to the data of a pyproject.toml, addressed by data path. */
export type EditChange =
  /** Set a key (or array item) to a value; missing keys and tables are created. */
  | { readonly kind: 'set'; readonly path: DataPath; readonly value: TomlValue }
  /** Remove a key, a table (with its sub-tables) or an array item (last segment a number). */
  | { readonly kind: 'remove'; readonly path: DataPath }
  /** Insert an item into the array at `path` (appended without `index`); creates the array. */
  | { readonly kind: 'insertItem'; readonly path: DataPath; readonly value: TomlValue; readonly index?: number }
  /** Remove the item at `index` of the array at `path`. */
  | { readonly kind: 'removeItem'; readonly path: DataPath; readonly index: number }
  /** Rename the key at `path` (its value and position stay). */
  | { readonly kind: 'rename'; readonly path: DataPath; readonly newKey: string };

export type EditErrorKind = 'invalid-toml' | 'not-a-table' | 'not-an-array' | 'not-found' | 'conflict';

/** A change that cannot be applied to this text. */
export class EditError extends Error {
  readonly kind: EditErrorKind;
  constructor(kind: EditErrorKind, message: string) {
    super(message);
    this.name = 'EditError';
    this.kind = kind;
  }
}
