/**
 * The syntax tree of a PEP 508 marker expression.
 *
 * The shape follows pypa/packaging's parse result so that formatting can reproduce its
 * `str(Marker)` exactly: a list is a sequence of items joined by `and` / `or` in source
 * order (precedence is applied at evaluation), and a parenthesised group is a nested list.
 * See https://packaging.python.org/en/latest/specifications/dependency-specifiers/#grammar.
 */

/** Marker comparison operators (PEP 508 `marker_op`: version_cmp, `in`, `not in`). */
export type MarkerOperator = '<' | '<=' | '==' | '!=' | '>=' | '>' | '~=' | '===' | 'in' | 'not in';

/**
 * Canonical marker variable names: the PEP 508 variables (dotted legacy spellings mapped to
 * underscores, `python_implementation` to `platform_python_implementation`), `extra`, and the
 * PEP 751 set variables `extras` and `dependency_groups`.
 */
export type MarkerVariableName =
  | 'implementation_name'
  | 'implementation_version'
  | 'os_name'
  | 'platform_machine'
  | 'platform_python_implementation'
  | 'platform_release'
  | 'platform_system'
  | 'platform_version'
  | 'python_full_version'
  | 'python_version'
  | 'sys_platform'
  | 'extra'
  | 'extras'
  | 'dependency_groups';

/** A marker variable operand. */
export interface MarkerVariable {
  readonly kind: 'variable';
  readonly name: MarkerVariableName;
}

/** A quoted-string operand, decoded (Python escapes applied) and, for `extra`, normalized. */
export interface MarkerValue {
  readonly kind: 'value';
  readonly value: string;
}

/** Either side of a comparison. */
export type MarkerOperand = MarkerVariable | MarkerValue;

/** One `marker_expr`: `lhs op rhs`; either side (or both, or neither) may be a variable. */
export interface MarkerComparison {
  readonly kind: 'compare';
  readonly lhs: MarkerOperand;
  readonly op: MarkerOperator;
  readonly rhs: MarkerOperand;
}

/** Boolean connectives. */
export type MarkerBoolOp = 'and' | 'or';

/** A sequence `items[0] ops[0] items[1] ...`; `ops.length === items.length - 1`. */
export interface MarkerList {
  readonly kind: 'list';
  readonly items: readonly MarkerItem[];
  readonly ops: readonly MarkerBoolOp[];
}

/** A comparison or a parenthesised (nested) list. */
export type MarkerItem = MarkerComparison | MarkerList;
