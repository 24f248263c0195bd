/**
 * Marker algebra for the resolver and the lockfile inspector: combine, normalize, decide.
 *
 * A marker expression here is `MarkerExpr = Marker | boolean` (`true` = no restriction,
 * `false` = never applies), since PEP 508 has no literal for either.
 *
 * Exactness (see atoms.ts): decisions are exact for comparisons on `python_version` /
 * `python_full_version` (over final releases X.Y.Z with python_version = X.Y), on the string
 * variables (`os_name`, `sys_platform`, `platform_system`, `platform_machine`,
 * `platform_python_implementation`, `platform_version`, `implementation_name`, `extra`), and
 * on PEP 751 set membership. `platform_release`, `implementation_version` and `"x" in var`
 * tests are treated as independent unknowns, so answers involving them are conservative:
 * `isAlwaysTrue`, `isAlwaysFalse`, `isDisjoint` and `implies` return false unless provable.
 */
import type { MarkerComparison, MarkerItem, MarkerList } from './ast';
import { decide, type Formula } from './decide';
import { Marker } from './marker';

/** A marker, or a constant: `true` (always applies) / `false` (never applies). */
export type MarkerExpr = Marker | boolean;

/** Interns comparisons so that equal comparisons share one atom id. */
export class AtomTable {
  readonly atoms: MarkerComparison[] = [];
  private readonly ids = new Map<string, number>();

  id(c: MarkerComparison): number {
    const key = JSON.stringify([c.lhs.kind, c.lhs.kind === 'value' ? c.lhs.value : c.lhs.name, c.op, c.rhs.kind, c.rhs.kind === 'value' ? c.rhs.value : c.rhs.name]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.atoms.length;
      this.atoms.push(c);
      this.ids.set(key, id);
    }
    return id;
  }
}

function listToFormula(list: MarkerList, table: AtomTable): Formula {
  const ors: Formula[] = [];
  let ands: Formula[] = [];
  list.items.forEach((item, i) => {
    if (i > 0 && list.ops[i - 1] === 'or') {
      ors.push(ands.length === 1 ? (ands[0] as Formula) : { t: 'and', kids: ands });
      ands = [];
    }
    ands.push(itemToFormula(item, table));
  });
  ors.push(ands.length === 1 ? (ands[0] as Formula) : { t: 'and', kids: ands });
  return ors.length === 1 ? (ors[0] as Formula) : { t: 'or', kids: ors };
}

function itemToFormula(item: MarkerItem, table: AtomTable): Formula {
  return item.kind === 'compare' ? { t: 'atom', id: table.id(item) } : listToFormula(item, table);
}

/** Converts a marker expression into a formula over `table`'s atoms. */
export function toFormula(e: MarkerExpr, table: AtomTable): Formula {
  return typeof e === 'boolean' ? { t: 'const', v: e } : listToFormula(e.tree, table);
}

/** Decides with a fresh atom table; undefined when undecidable within budget. */
function decideExprs(build: (t: AtomTable) => Formula, mode: 'exists' | 'forall'): boolean | undefined {
  const table = new AtomTable();
  const f = build(table);
  return decide(f, table.atoms, mode);
}

/** True when the marker holds in every environment (exact for the variables listed above). */
export function isAlwaysTrue(e: MarkerExpr): boolean {
  if (typeof e === 'boolean') return e;
  return decideExprs((t) => toFormula(e, t), 'forall') === true;
}

/** True when no environment satisfies the marker. */
export function isAlwaysFalse(e: MarkerExpr): boolean {
  if (typeof e === 'boolean') return !e;
  return decideExprs((t) => toFormula(e, t), 'exists') === false;
}

/** True when no environment satisfies both markers. */
export function isDisjoint(a: MarkerExpr, b: MarkerExpr): boolean {
  return decideExprs((t) => ({ t: 'and', kids: [toFormula(a, t), toFormula(b, t)] }), 'exists') === false;
}

/** True when every environment satisfying `a` satisfies `b`. */
export function implies(a: MarkerExpr, b: MarkerExpr): boolean {
  return decideExprs((t) => ({ t: 'or', kids: [{ t: 'not', f: toFormula(a, t) }, toFormula(b, t)] }), 'forall') === true;
}

/** True when both markers hold in exactly the same environments. */
export function areEquivalent(a: MarkerExpr, b: MarkerExpr): boolean {
  return implies(a, b) && implies(b, a);
}

/**
 * packaging's `Marker.__and__` / `__or__`: the two trees joined without simplification
 * (constants are folded). `str()` of the result matches packaging's.
 */
export function combineMarkers(op: 'and' | 'or', a: MarkerExpr, b: MarkerExpr): MarkerExpr {
  if (typeof a === 'boolean') return op === 'and' ? (a ? b : false) : a ? true : b;
  if (typeof b === 'boolean') return op === 'and' ? (b ? a : false) : b ? true : a;
  return new Marker({ kind: 'list', items: [a.tree, b.tree], ops: [op] });
}
