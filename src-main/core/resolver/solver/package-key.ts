/**
 * Package keys: how the solver names the things it chooses versions for.
 *
 * A real project is its PEP 503-normalized name (`requests`). An extra is a virtual package
 * `name[extra]` (extra normalized per PEP 685) whose version V depends on `name==V` plus the
 * extra's requirements, as uv models extras. The root (the user's requirements) is `<root>`,
 * which no PEP 508 name can spell.
 */
import type { NormalizedName } from '../../standards/names';

/** A solver package key. */
export type PackageKey = string;

/** The root package: its single version's dependencies are the user's requirements. */
export const ROOT: PackageKey = '<root>';

/** `name` or `name[extra]`. */
export function packageKey(name: NormalizedName | string, extra?: string | null): PackageKey {
  return extra ? `${name}[${extra}]` : name;
}

/** The project a key belongs to (`a` for `a[x]`); the root key maps to itself. */
export function baseName(key: PackageKey): NormalizedName {
  const i = key.indexOf('[');
  return (i < 0 ? key : key.slice(0, i)) as NormalizedName;
}

/** The extra of a virtual package key, or null. */
export function extraOf(key: PackageKey): string | null {
  const i = key.indexOf('[');
  return i < 0 ? null : key.slice(i + 1, -1);
}

/** True for the root key. */
export function isRoot(key: PackageKey): boolean {
  return key === ROOT;
}
