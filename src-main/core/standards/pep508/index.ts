/**
 * PEP 508 dependency specifiers and environment markers.
 *
 * Requirements (`parseRequirement`, `formatRequirement`), markers (`parseMarker`,
 * `evaluateMarker`, `markerToString`) and the marker algebra used by the resolver and the
 * lockfile inspector. Behaviour follows pypa/packaging 26.2; deliberate differences are
 * listed in ../known-differences.md.
 */
export { InvalidMarkerError, InvalidRequirementError, type Pep508ErrorDetails } from './errors';
export { formatRequirement, parseRequirement, parseRequirementUncached, type Requirement } from './requirement';
export type {
  MarkerBoolOp,
  MarkerComparison,
  MarkerItem,
  MarkerList,
  MarkerOperand,
  MarkerOperator,
  MarkerValue,
  MarkerVariable,
  MarkerVariableName,
} from './markers/ast';
export { Marker, markerToString } from './markers/marker';
export { parseMarker } from './markers/parse';
export { evaluateMarker, type MarkerDiagnostics } from './markers/evaluate';
export {
  areEquivalent,
  combineMarkers,
  implies,
  isAlwaysFalse,
  isAlwaysTrue,
  isDisjoint,
  type MarkerExpr,
} from './markers/algebra';
export { markerAnd, markerOr, normalizeMarker } from './markers/normalize';
