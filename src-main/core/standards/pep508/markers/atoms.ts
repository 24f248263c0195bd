/**
 * Classification of marker comparisons for the decision procedure (marker algebra).
 *
 * Each comparison depends on one "dimension" of the environment. For a dimension whose
 * domain can be split into finitely many classes on which every comparison is constant,
 * we list one representative environment per class; evaluating the comparisons with the
 * real evaluator at those representatives makes decisions exact. The classes:
 *
 * - python: `python_version` and `python_full_version` together, over final releases X.Y.Z
 *   with python_version = X.Y. Truth can only change next to the release numbers written in
 *   the literals, so the representatives are triples derived from them (see `pythonTriples`).
 * - strings (`os_name`, `sys_platform`, `platform_system`, `platform_machine`,
 *   `platform_python_implementation`, `platform_version`, `implementation_name`, `extra`):
 *   the literals, their substrings (for `var in "..."`), "" and one fresh string.
 * - set membership (`"x" in extras`, `"x" in dependency_groups`): one boolean per name.
 *
 * Everything else is *opaque* — an independent free boolean: `platform_release` and
 * `implementation_version` (PEP 440 comparisons over arbitrary strings), `"lit" in var`
 * (substring of the variable), and overlong literals. Treating them as free over-approximates
 * the possible environments, so answers stay sound but may be "unknown" (conservative).
 */
import type { MarkerComparison } from './ast';

/** Which environment key a comparison reads, and its literal text (the other side's text). */
export function comparisonKey(c: MarkerComparison): { key: string; literal: string; envOnLeft: boolean } {
  if (c.lhs.kind === 'variable') {
    return { key: c.lhs.name, literal: c.rhs.kind === 'value' ? c.rhs.value : c.rhs.name, envOnLeft: true };
  }
  return { key: c.rhs.kind === 'value' ? c.rhs.value : c.rhs.name, literal: c.lhs.value, envOnLeft: false };
}

/** Where a comparison's truth comes from. */
export type AtomClass =
  | { readonly kind: 'python'; readonly literal: string; readonly substrings: boolean }
  | { readonly kind: 'string'; readonly key: string; readonly literal: string; readonly substrings: boolean }
  | { readonly kind: 'member'; readonly key: string; readonly element: string }
  | { readonly kind: 'constant' }
  | { readonly kind: 'opaque' };

const STRING_KEYS = new Set([
  'os_name',
  'sys_platform',
  'platform_system',
  'platform_machine',
  'platform_python_implementation',
  'platform_version',
  'implementation_name',
  'extra',
]);
const KNOWN_KEYS = new Set([...STRING_KEYS, 'python_version', 'python_full_version', 'platform_release', 'implementation_version']);

/** Literals longer than this are not expanded into their substrings. */
export const MAX_SUBSTRING_LITERAL = 48;

/** Classifies one comparison (see the file comment). */
export function classifyAtom(c: MarkerComparison, canonical: (s: string) => string): AtomClass {
  const { key, literal, envOnLeft } = comparisonKey(c);
  const substringOp = c.op === 'in' || c.op === 'not in';
  if (key === 'extras' || key === 'dependency_groups') {
    if (!envOnLeft && substringOp) return { kind: 'member', key, element: canonical(literal) };
    return { kind: 'constant' };
  }
  if (!KNOWN_KEYS.has(key)) return { kind: 'constant' };
  // `"lit" in var`: the variable contains the literal, an infinite non-interval set.
  if (substringOp && !envOnLeft) return { kind: 'opaque' };
  if (key === 'platform_release' || key === 'implementation_version') return { kind: 'opaque' };
  if (substringOp && literal.length > MAX_SUBSTRING_LITERAL) return { kind: 'opaque' };
  if (key === 'python_version' || key === 'python_full_version') {
    // Numbers beyond 2^53 cannot be represented exactly as candidates.
    return /\d{16}/.test(literal) ? { kind: 'opaque' } : { kind: 'python', literal, substrings: substringOp };
  }
  return { kind: 'string', key, literal, substrings: substringOp };
}

/** Every substring of `s` (including ""), for `var in "literal"`. */
export function substringsOf(s: string): string[] {
  const out = new Set<string>(['']);
  for (let i = 0; i < s.length; i++) for (let j = i + 1; j <= s.length; j++) out.add(s.slice(i, j));
  return [...out];
}

type Triple = readonly [number, number, number];

function addRelease(parts: readonly string[], out: Map<string, Triple>): void {
  const [a = 0, b = 0, c = 0] = parts.slice(0, 3).map(Number);
  for (const t of [
    [a, 0, 0],
    [a + 1, 0, 0],
    [a, b, 0],
    [a, b + 1, 0],
    [a, b, c],
    [a, b, c + 1],
  ] as const) {
    out.set(t.join('.'), t);
  }
}

/**
 * Representative Python versions for a literal: for each release number `N(.N)*` written in
 * it, the triples at which a comparison with that release can change truth — the release and
 * its successors at each of the three levels. For substring tests every digit-and-dot
 * substring counts ("3.8" in "13.80"). The caller rules out numbers of 16+ digits.
 */
export function pythonTriples(literal: string, substrings: boolean, out: Map<string, Triple>): void {
  out.set('0.0.0', [0, 0, 0]);
  if (substrings) {
    for (const sub of substringsOf(literal)) if (/^\d+(?:\.\d+)*$/.test(sub)) addRelease(sub.split('.'), out);
    return;
  }
  for (const run of literal.match(/\d+(?:\.\d+)*/g) ?? []) addRelease(run.split('.'), out);
}
