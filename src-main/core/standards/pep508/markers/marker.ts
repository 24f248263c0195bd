/**
 * The parsed marker value type and its canonical string form.
 *
 * `toString()` reproduces pypa/packaging 26.2's `str(Marker)`: operands are separated by
 * single spaces, values are written in double quotes (without escaping, as packaging does),
 * nested lists are parenthesised, and a list holding a single item prints that item bare.
 * That last rule drops the parentheses of a doubly-parenthesised group (`a and ((b or c))`
 * prints as `a and b or c`); packaging does the same and the text is kept identical.
 */
import type { MarkerItem, MarkerList, MarkerOperand } from './ast';

function formatOperand(o: MarkerOperand): string {
  return o.kind === 'variable' ? o.name : `"${o.value}"`;
}

function formatItem(item: MarkerItem, first: boolean): string {
  if (item.kind === 'compare') return `${formatOperand(item.lhs)} ${item.op} ${formatOperand(item.rhs)}`;
  if (item.items.length === 1 && item.ops.length === 0) return formatItem(item.items[0] as MarkerItem, true);
  let out = formatItem(item.items[0] as MarkerItem, false);
  for (let i = 0; i < item.ops.length; i++) {
    out += ` ${item.ops[i] as string} ${formatItem(item.items[i + 1] as MarkerItem, false)}`;
  }
  return first ? out : `(${out})`;
}

/** Formats a marker tree the way packaging's `_format_marker` does. */
export function formatMarkerTree(tree: MarkerList): string {
  return formatItem(tree, true);
}

/**
 * A parsed PEP 508 marker expression.
 *
 * Immutable; instances from `parseMarker` are shared through a cache, so never mutate `tree`.
 */
export class Marker {
  private text: string | undefined;

  constructor(readonly tree: MarkerList) {}

  /** Canonical text, identical to packaging's `str(Marker)`. */
  toString(): string {
    return (this.text ??= formatMarkerTree(this.tree));
  }
}

/** Canonical text of a marker (packaging's `str(Marker)`). */
export function markerToString(m: Marker): string {
  return m.toString();
}
