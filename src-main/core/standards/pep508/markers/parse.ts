/**
 * PEP 508 marker parser (`marker` rule of the dependency-specifier grammar).
 *
 * A recursive-descent parser over the shared Scanner, accepting exactly what pypa/packaging
 * 26.2 accepts: `and` binds tighter than `or` (applied at evaluation), parentheses nest,
 * either side of a comparison may be a variable or a quoted string, legacy dotted variable
 * names (`os.name`, `platform.version`, ...) and `python_implementation` are mapped to their
 * canonical names, and the values compared with `extra` are normalized per PEP 685 — only
 * for top-level comparisons, as packaging does. Parsed markers are cached by text.
 */
import { normalizeExtra } from '../../names';
import { codePointIndex, isWordBoundary } from '../chars';
import { InvalidMarkerError, SyntaxFault } from '../errors';
import { decodePythonString } from '../python-string';
import { Scanner } from '../scanner';
import type {
  MarkerBoolOp,
  MarkerComparison,
  MarkerItem,
  MarkerList,
  MarkerOperand,
  MarkerOperator,
  MarkerVariableName,
} from './ast';
import { Marker } from './marker';

/** Spellings accepted by packaging's VARIABLE token, with their canonical names. */
const VARIABLE_SPELLINGS: readonly (readonly [string, MarkerVariableName])[] = [
  ['python_version', 'python_version'],
  ['python_full_version', 'python_full_version'],
  ['os_name', 'os_name'],
  ['os.name', 'os_name'],
  ['sys_platform', 'sys_platform'],
  ['sys.platform', 'sys_platform'],
  ['platform_release', 'platform_release'],
  ['platform_system', 'platform_system'],
  ['platform_version', 'platform_version'],
  ['platform.version', 'platform_version'],
  ['platform_machine', 'platform_machine'],
  ['platform.machine', 'platform_machine'],
  ['platform_python_implementation', 'platform_python_implementation'],
  ['platform.python_implementation', 'platform_python_implementation'],
  ['python_implementation', 'platform_python_implementation'],
  ['implementation_name', 'implementation_name'],
  ['implementation_version', 'implementation_version'],
  ['extras', 'extras'],
  ['extra', 'extra'],
  ['dependency_groups', 'dependency_groups'],
];

const VARIABLE_OPERANDS = new Map<MarkerVariableName, MarkerOperand>(
  VARIABLE_SPELLINGS.map(([, name]) => [name, { kind: 'variable', name }]),
);

/**
 * PEP 503 / PEP 685 normalization as packaging's `canonicalize_name` applies it to marker
 * values (lower-case, runs of `-_.` become `-`, no validation); the names module's.
 */
export function canonicalizeMarkerName(name: string): string {
  return normalizeExtra(name);
}

function parseVariable(sc: Scanner): MarkerOperand | undefined {
  const s = sc.s;
  const i = sc.pos;
  const c = s[i];
  if (c !== 'p' && c !== 'o' && c !== 's' && c !== 'i' && c !== 'e' && c !== 'd') return undefined;
  if (!isWordBoundary(s, i)) return undefined;
  for (const [spelling, name] of VARIABLE_SPELLINGS) {
    if (s.startsWith(spelling, i) && isWordBoundary(s, i + spelling.length)) {
      sc.pos = i + spelling.length;
      return VARIABLE_OPERANDS.get(name);
    }
  }
  return undefined;
}

function parseOperand(sc: Scanner): MarkerOperand {
  const variable = parseVariable(sc);
  if (variable) return variable;
  const q = sc.peek();
  if (q === 0x22 || q === 0x27) {
    const close = sc.s.indexOf(q === 0x22 ? '"' : "'", sc.pos + 1);
    if (close >= 0) {
      const value = decodePythonString(sc.s, sc.pos, close, (f) => (sc.deferred ??= f));
      sc.pos = close + 1;
      return { kind: 'value', value };
    }
  }
  return sc.fail('Expected a marker variable or quoted string');
}

function parseOperator(sc: Scanner): MarkerOperator {
  if (sc.keyword('in')) return 'in';
  if (sc.keyword('not')) {
    const afterNot = sc.pos;
    sc.ws();
    if (sc.pos === afterNot) sc.fail("Expected whitespace after 'not'");
    if (!sc.keyword('in')) sc.fail("Expected 'in' after 'not'");
    return 'not in';
  }
  const c0 = sc.peek();
  const c1 = sc.peek(1);
  let op: MarkerOperator | undefined;
  if (c0 === 0x3d && c1 === 0x3d) op = sc.peek(2) === 0x3d ? '===' : '==';
  else if (c1 === 0x3d && (c0 === 0x7e || c0 === 0x21 || c0 === 0x3c || c0 === 0x3e)) {
    op = c0 === 0x7e ? '~=' : c0 === 0x21 ? '!=' : c0 === 0x3c ? '<=' : '>=';
  } else if (c0 === 0x3c) op = '<';
  else if (c0 === 0x3e) op = '>';
  if (op === undefined) {
    return sc.fail('Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in');
  }
  sc.pos += op.length;
  return op;
}

function parseComparison(sc: Scanner): MarkerComparison {
  sc.ws();
  const lhs = parseOperand(sc);
  sc.ws();
  const op = parseOperator(sc);
  sc.ws();
  const rhs = parseOperand(sc);
  sc.ws();
  return { kind: 'compare', lhs, op, rhs };
}

function parseAtom(sc: Scanner): MarkerItem {
  sc.ws();
  let item: MarkerItem;
  if (sc.peek() === 0x28) {
    const open = sc.pos;
    sc.pos++;
    sc.ws();
    item = parseMarkerList(sc);
    sc.ws();
    if (sc.peek() !== 0x29) {
      sc.fail('Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression', open);
    }
    sc.pos++;
  } else {
    item = parseComparison(sc);
  }
  sc.ws();
  return item;
}

/** `marker = marker_atom (BOOLOP marker_atom)*` at the scanner's position (no END check). */
export function parseMarkerList(sc: Scanner): MarkerList {
  const items: MarkerItem[] = [parseAtom(sc)];
  const ops: MarkerBoolOp[] = [];
  for (;;) {
    let op: MarkerBoolOp;
    if (sc.keyword('or')) op = 'or';
    else if (sc.keyword('and')) op = 'and';
    else break;
    ops.push(op);
    items.push(parseAtom(sc));
  }
  return { kind: 'list', items, ops };
}

function normalizeExtraOperand(o: MarkerOperand): MarkerOperand {
  return { kind: 'value', value: canonicalizeMarkerName(o.kind === 'value' ? o.value : o.name) };
}

/**
 * packaging's `_normalize_extra_values`: in each top-level comparison with the `extra`
 * variable, the other operand becomes a normalized value. Nested lists are left untouched.
 */
export function normalizeExtraValues(list: MarkerList): MarkerList {
  let changed = false;
  const items = list.items.map((item) => {
    if (item.kind !== 'compare') return item;
    if (item.lhs.kind === 'variable' && item.lhs.name === 'extra') {
      changed = true;
      return { ...item, rhs: normalizeExtraOperand(item.rhs) };
    }
    if (item.rhs.kind === 'variable' && item.rhs.name === 'extra') {
      changed = true;
      return { ...item, lhs: normalizeExtraOperand(item.lhs) };
    }
    return item;
  });
  return changed ? { kind: 'list', items, ops: list.ops } : list;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, Marker>();

/**
 * Parses a PEP 508 marker expression.
 *
 * Throws InvalidMarkerError (with the code-point position packaging reports) on bad syntax.
 * Results are cached by input text, so repeated markers cost a map lookup.
 */
export function parseMarker(text: string): Marker {
  const hit = cache.get(text);
  if (hit) return hit;
  const sc = new Scanner(text);
  let marker: Marker;
  try {
    const list = parseMarkerList(sc);
    if (!sc.atEnd()) sc.fail('Expected end of marker expression');
    sc.finish();
    marker = new Marker(normalizeExtraValues(list));
  } catch (e) {
    if (e instanceof SyntaxFault) throw toMarkerError(text, e);
    throw e;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, marker);
  return marker;
}

/** Converts an internal fault into the public error (UTF-16 to code-point indexes). */
export function toMarkerError(text: string, f: SyntaxFault): InvalidMarkerError {
  return new InvalidMarkerError({
    input: text,
    position: codePointIndex(text, f.end),
    spanStart: codePointIndex(text, f.spanStart),
    reason: f.reason,
  });
}
