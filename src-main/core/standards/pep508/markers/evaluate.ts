/**
 * Marker evaluation with pypa/packaging 26.2's semantics (PEP 508 §Environment Markers,
 * PEP 685 for `extra`, PEP 751 for the `extras` / `dependency_groups` sets).
 *
 * For each comparison the variable side is looked up; when the comparison's *left* side is
 * a quoted string, the *right* side's text names the variable (so `"3.8" < python_version`
 * works, and so does packaging's quirk `"x" == "os_name"`). For `python_version`,
 * `python_full_version`, `implementation_version` and `platform_release`, the operator and
 * right-hand text form a PEP 440 specifier when they can, and the left-hand text is tested
 * against it with pre-releases allowed; otherwise the comparison is on strings (`<`, `>`
 * false; `<=`, `>=`, `==` equality; `in` substring or set membership).
 *
 * Where packaging raises (`~=` / `===` on strings, a set variable on the left, a variable
 * name that is not in the environment) the comparison is *undefined*: it evaluates to false
 * and is reported through the optional diagnostics. `evaluateMarker` never throws.
 */
import { MARKER_VARIABLES, type MarkerContext, type MarkerEnvironment } from '../../environment';
import type { MarkerComparison, MarkerItem, MarkerList, MarkerOperator } from './ast';
import type { Marker } from './marker';
import { canonicalizeMarkerName } from './parse';
import { specifierContains } from './version-ops';

/** Collects comparisons that packaging would reject at evaluation time. */
export interface MarkerDiagnostics {
  /** One line per undefined comparison, e.g. `undefined '~=' on 'posix' and 'nt'`. */
  readonly undefinedComparisons: string[];
}

const VERSION_KEYS = new Set(['implementation_version', 'platform_release', 'python_full_version', 'python_version']);
const ENV_KEYS = new Set<string>([
  ...MARKER_VARIABLES,
  'extra',
  'extras',
  'dependency_groups',
]);

type Value = string | ReadonlySet<string> | undefined;

/** The evaluation environment after packaging's adjustments (extra normalized, `+` repaired). */
interface Resolved {
  readonly env: MarkerEnvironment;
  readonly extra: string;
  readonly extras: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly fullVersion: string;
}

const EMPTY: ReadonlySet<string> = new Set();
const normalizedSets = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

function normalizedSet(s: ReadonlySet<string> | undefined): ReadonlySet<string> {
  if (!s || s.size === 0) return EMPTY;
  let n = normalizedSets.get(s);
  if (!n) {
    n = new Set([...s].map(canonicalizeMarkerName));
    normalizedSets.set(s, n);
  }
  return n;
}

function lookup(r: Resolved, key: string): Value {
  switch (key) {
    case 'extra':
      return r.extra;
    case 'extras':
      return r.extras;
    case 'dependency_groups':
      return r.groups;
    case 'python_full_version':
      return r.fullVersion;
    default:
      return ENV_KEYS.has(key) ? (r.env as unknown as Record<string, string>)[key] : undefined;
  }
}

function undefinedComparison(d: MarkerDiagnostics | undefined, why: string): false {
  d?.undefinedComparisons.push(why);
  return false;
}

/** packaging's `_operators` table on plain strings (or a string and a set). */
function stringOp(op: MarkerOperator, lhs: string, rhs: string | ReadonlySet<string>, d?: MarkerDiagnostics): boolean {
  switch (op) {
    case 'in':
      return typeof rhs === 'string' ? rhs.includes(lhs) : rhs.has(lhs);
    case 'not in':
      return typeof rhs === 'string' ? !rhs.includes(lhs) : !rhs.has(lhs);
    case '<':
    case '>':
      return false;
    case '<=':
    case '>=':
    case '==':
      return lhs === rhs;
    case '!=':
      return lhs !== rhs;
    default:
      return undefinedComparison(d, `undefined '${op}' on '${lhs}' and '${typeof rhs === 'string' ? rhs : '{set}'}'`);
  }
}

/** Evaluates one comparison exactly as packaging's `_evaluate_markers` does for a tuple. */
export function evaluateComparison(c: MarkerComparison, r: Resolved, d?: MarkerDiagnostics): boolean {
  let key: string;
  let lhs: Value;
  let rhs: Value;
  if (c.lhs.kind === 'variable') {
    key = c.lhs.name;
    lhs = lookup(r, key);
    rhs = c.rhs.kind === 'value' ? c.rhs.value : c.rhs.name;
  } else {
    lhs = c.lhs.value;
    key = c.rhs.kind === 'value' ? c.rhs.value : c.rhs.name;
    rhs = lookup(r, key);
  }
  if (lhs === undefined || rhs === undefined) return undefinedComparison(d, `'${key}' is not a marker variable`);
  if (typeof lhs !== 'string') return undefinedComparison(d, `set variable '${key}' on the left of '${c.op}'`);
  if (typeof rhs !== 'string') {
    // PEP 751 set variables: names on both sides are compared normalized.
    return stringOp(c.op, canonicalizeMarkerName(lhs), rhs, d);
  }
  if (VERSION_KEYS.has(key)) {
    const v = specifierContains(c.op, rhs, lhs);
    if (v !== null) return v;
  }
  return stringOp(c.op, lhs, rhs, d);
}

function evaluateList(list: MarkerList, r: Resolved, d?: MarkerDiagnostics): boolean {
  // `and` binds tighter than `or`: the list is a disjunction of `and`-runs. Every item is
  // evaluated, as packaging does, so diagnostics see all undefined comparisons.
  let any = false;
  let all = evaluateItem(list.items[0] as MarkerItem, r, d);
  for (let i = 0; i < list.ops.length; i++) {
    const v = evaluateItem(list.items[i + 1] as MarkerItem, r, d);
    if (list.ops[i] === 'or') {
      any ||= all;
      all = v;
    } else {
      all &&= v;
    }
  }
  return any || all;
}

function evaluateItem(item: MarkerItem, r: Resolved, d?: MarkerDiagnostics): boolean {
  return item.kind === 'compare' ? evaluateComparison(item, r, d) : evaluateList(item, r, d);
}

/** Applies packaging's environment adjustments: `extra` normalized, a trailing `+` completed. */
export function resolveEnvironment(env: MarkerEnvironment, ctx?: MarkerContext): Resolved {
  const full = env.python_full_version;
  return {
    env,
    extra: ctx?.extra ? canonicalizeMarkerName(ctx.extra) : '',
    extras: normalizedSet(ctx?.extras),
    groups: normalizedSet(ctx?.dependencyGroups),
    fullVersion: full.endsWith('+') ? `${full}local` : full,
  };
}

/**
 * Evaluates a marker against an environment.
 *
 * `ctx.extra` is the requested extra ("" when absent, like packaging's metadata context);
 * `ctx.extras` / `ctx.dependencyGroups` are the PEP 751 sets (empty when absent). Never throws.
 */
export function evaluateMarker(
  m: Marker,
  env: MarkerEnvironment,
  ctx?: MarkerContext,
  diagnostics?: MarkerDiagnostics,
): boolean {
  return evaluateList(m.tree, resolveEnvironment(env, ctx), diagnostics);
}

/** The adjusted environment a comparison is evaluated in (used by the decision procedure). */
export type { Resolved as ResolvedEnvironment };
