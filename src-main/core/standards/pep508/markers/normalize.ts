/**
 * Marker normalization: a canonical, simplified form for the resolver's forks and for
 * lock-file comparison (in the spirit of uv's marker simplification; PEP 508 defines none).
 *
 * Steps: flatten nested `and`/`or`, drop duplicate operands, fold comparisons that are
 * constant (e.g. `os_name ~= "x"`, which never holds), drop operands made redundant by
 * another (`python_version >= "3.8" and python_version >= "3.9"` keeps the second), decide
 * the whole expression (→ `true` / `false`), and sort operands by their text so that equal
 * inputs print equally. Redundancy uses the exact-or-conservative decisions of algebra.ts,
 * so a normalized marker always holds in exactly the same environments as its input.
 */
import type { MarkerItem, MarkerList } from './ast';
import { AtomTable, combineMarkers, type MarkerExpr, toFormula } from './algebra';
import { decide, type Formula } from './decide';
import { formatMarkerTree, Marker } from './marker';

/** Operand count above which pairwise redundancy checks are skipped (they are quadratic). */
const MAX_REDUNDANCY_KIDS = 24;

function key(f: Formula): string {
  switch (f.t) {
    case 'const':
      return String(f.v);
    case 'atom':
      return `a${f.id}`;
    case 'not':
      return `!${key(f.f)}`;
    default:
      return `${f.t}(${f.kids.map(key).join(',')})`;
  }
}

class Simplifier {
  constructor(private readonly table: AtomTable) {}

  private holds(f: Formula, mode: 'exists' | 'forall'): boolean | undefined {
    return decide(f, this.table.atoms, mode);
  }

  private implies(a: Formula, b: Formula): boolean {
    return this.holds({ t: 'or', kids: [{ t: 'not', f: a }, b] }, 'forall') === true;
  }

  simplify(f: Formula): Formula {
    if (f.t === 'atom') {
      if (this.holds(f, 'forall') === true) return { t: 'const', v: true };
      if (this.holds(f, 'exists') === false) return { t: 'const', v: false };
      return f;
    }
    if (f.t !== 'and' && f.t !== 'or') return f;
    const absorbing = f.t === 'or';
    const kids: Formula[] = [];
    const seen = new Set<string>();
    const push = (k: Formula): boolean => {
      if (k.t === 'const') return k.v === absorbing;
      if (k.t === f.t) {
        for (const kk of k.kids) if (push(kk)) return true;
        return false;
      }
      const id = key(k);
      if (!seen.has(id)) {
        seen.add(id);
        kids.push(k);
      }
      return false;
    };
    for (const k of f.kids) if (push(this.simplify(k))) return { t: 'const', v: absorbing };
    if (kids.length > 1 && kids.length <= MAX_REDUNDANCY_KIDS) {
      // In `and`, an operand implied by another adds nothing; in `or`, one implying another.
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i] as Formula;
        const redundant = kids.some((o, j) => j !== i && (absorbing ? this.implies(k, o) : this.implies(o, k)));
        if (redundant) kids.splice(i, 1);
      }
    }
    if (kids.length === 0) return { t: 'const', v: !absorbing };
    return kids.length === 1 ? (kids[0] as Formula) : { t: f.t, kids };
  }
}

function toItem(f: Formula, table: AtomTable): MarkerItem {
  if (f.t === 'atom') return table.atoms[f.id] as MarkerItem;
  return toList(f, table);
}

/** Rebuilds a marker tree: `or` of `and`-runs written flat (`a and b or c`), `or` inside `and` nested. */
function toList(f: Formula, table: AtomTable): MarkerList {
  if (f.t !== 'and' && f.t !== 'or') throw new TypeError(`cannot print ${f.t}`);
  const items: MarkerItem[] = [];
  const ops: ('and' | 'or')[] = [];
  const parts = f.kids.map((k) => {
    if (f.t === 'or' && k.t === 'and') return k.kids.map((kk) => toItem(kk, table));
    return [toItem(k, table)];
  });
  const text = parts.map((p) => p.map((i) => formatMarkerTree({ kind: 'list', items: [i], ops: [] })).join(' and '));
  const order = parts.map((_, i) => i).sort((a, b) => ((text[a] as string) < (text[b] as string) ? -1 : 1));
  order.forEach((idx, n) => {
    (parts[idx] as MarkerItem[]).forEach((item, m) => {
      if (n > 0 || m > 0) ops.push(m > 0 ? 'and' : f.t === 'or' ? 'or' : 'and');
      items.push(item);
    });
  });
  return { kind: 'list', items, ops };
}

/**
 * Normalizes a marker expression (see the file comment). Returns `true` or `false` when the
 * expression is decided, otherwise a new Marker.
 */
export function normalizeMarker(e: MarkerExpr): MarkerExpr {
  if (typeof e === 'boolean') return e;
  const table = new AtomTable();
  const f = new Simplifier(table).simplify(toFormula(e, table));
  if (f.t === 'const') return f.v;
  if (decide(f, table.atoms, 'forall') === true) return true;
  if (decide(f, table.atoms, 'exists') === false) return false;
  return new Marker(f.t === 'atom' ? { kind: 'list', items: [toItem(f, table)], ops: [] } : toList(f, table));
}

/** `a and b`, normalized. */
export function markerAnd(a: MarkerExpr, b: MarkerExpr): MarkerExpr {
  return normalizeMarker(combineMarkers('and', a, b));
}

/** `a or b`, normalized. */
export function markerOr(a: MarkerExpr, b: MarkerExpr): MarkerExpr {
  return normalizeMarker(combineMarkers('or', a, b));
}
