/**
 * PEP 508 dependency specifiers ("requirements"): parse and format.
 *
 * Accepts exactly what pypa/packaging 26.2's `Requirement` accepts (grammar in
 * requirement-syntax.ts), including the legacy parenthesised form `name (>=1,<2)` that
 * dominates old metadata, and formats exactly as its `str(Requirement)`: the name as written,
 * extras sorted, the specifier set in canonical order, ` @ url`, `; marker`.
 * Spec: https://packaging.python.org/en/latest/specifications/dependency-specifiers/.
 */
import { InvalidSpecifierError, SpecifierSet } from '../pep440';
import { codePointIndex } from './chars';
import { InvalidRequirementError, SyntaxFault } from './errors';
import { Marker } from './markers/marker';
import { parseRawRequirement, type RawRequirement, specifierSourceIndex } from './requirement-syntax';

/** A parsed requirement. Instances may be shared (parse results are cached): do not mutate. */
export interface Requirement {
  /** The project name as written (compare names with `normalizeName`). */
  readonly name: string;
  /** Extras as written, de-duplicated and sorted (packaging keeps a set). */
  readonly extras: readonly string[];
  /** The version specifier set; empty when none was given. */
  readonly specifier: SpecifierSet;
  /** The direct reference after `@`, or null. */
  readonly url: string | null;
  /** The environment marker after `;`, or null. */
  readonly marker: Marker | null;
}

const CACHE_LIMIT = 100_000;
const cache = new Map<string, Requirement>();

function fail(text: string, reason: string, spanStart: number, end: number): never {
  throw new InvalidRequirementError({
    input: text,
    position: codePointIndex(text, end),
    spanStart: codePointIndex(text, spanStart),
    reason,
  });
}

function build(text: string): Requirement {
  let raw: RawRequirement;
  try {
    raw = parseRawRequirement(text);
  } catch (e) {
    if (e instanceof SyntaxFault) fail(text, e.reason, e.spanStart, e.end);
    throw e;
  }
  let specifier: SpecifierSet;
  try {
    specifier = SpecifierSet.parse(raw.specifier);
  } catch (e) {
    // Only `===` clauses can get here: their text may contain a comma (`===1,x`), and the
    // piece after it is then not a specifier. packaging raises InvalidSpecifier here.
    if (!(e instanceof InvalidSpecifierError)) throw e;
    const at = specifierSourceIndex(raw, e.position);
    fail(text, `Invalid version specifier (${e.reason})`, at, at);
  }
  const extras = raw.extras.length > 1 ? [...new Set(raw.extras)].sort() : raw.extras;
  return {
    name: raw.name,
    extras,
    specifier,
    url: raw.url || null,
    marker: raw.marker ? new Marker(raw.marker) : null,
  };
}

/**
 * Parses a PEP 508 requirement string.
 *
 * Throws InvalidRequirementError naming what was expected and where (the code-point position
 * packaging's error caret points at). Results are cached by input text.
 */
export function parseRequirement(text: string): Requirement {
  let r = cache.get(text);
  if (r === undefined) {
    r = build(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, r);
  }
  return r;
}

/** Parses without the shared cache (for callers that parse each string once). */
export function parseRequirementUncached(text: string): Requirement {
  return build(text);
}

/** packaging's `str(Requirement)`: `name[extras]specifier @ url ; marker` in canonical form. */
export function formatRequirement(r: Requirement): string {
  let out = r.name;
  if (r.extras.length > 0) out += `[${[...new Set(r.extras)].sort().join(',')}]`;
  out += r.specifier.toString();
  if (r.url) {
    out += ` @ ${r.url}`;
    if (r.marker) out += ' ';
  }
  if (r.marker) out += `; ${r.marker.toString()}`;
  return out;
}
