/**
 * The PEP 508 requirement grammar, as pypa/packaging 26.2's `_parse_requirement` accepts it.
 *
 *   requirement = WS? IDENTIFIER WS? extras? WS? (AT WS? URL (WS marker?)? | specifier WS? marker?) END
 *   specifier   = "(" WS? version_many WS? ")" | WS? version_many WS?
 *
 * Produces the raw parts (name and extras as written, the specifier text as the
 * concatenation of its clauses, the URL text, the marker tree); `requirement.ts` builds the
 * public value from them. Error reasons and positions follow packaging's messages.
 * See https://packaging.python.org/en/latest/specifications/dependency-specifiers/#grammar.
 */
import { isAsciiAlnum, isWordBoundary } from './chars';
import type { MarkerList } from './markers/ast';
import { normalizeExtraValues, parseMarkerList } from './markers/parse';
import { Scanner } from './scanner';
import { scanLocalLabel, scanSpecifierToken } from './specifier-token';

/** The parts of a requirement before semantic processing. */
export interface RawRequirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** Clauses and commas as written, whitespace between tokens removed (e.g. `>=1,<2`). */
  readonly specifier: string;
  /** Pairs (offset in `specifier`, UTF-16 index in the input) for each clause and comma. */
  readonly pieces: readonly number[];
  readonly url: string;
  readonly marker: MarkerList | null;
}

function isIdentChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x2e || c === 0x5f || c === 0x2d;
}

/**
 * IDENTIFIER: `\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b`. The greedy run backs off until a word
 * boundary follows, so a trailing `-` or `.` is left out, and a name directly followed by a
 * non-ASCII letter does not match at all.
 */
function identifier(sc: Scanner): string | undefined {
  const s = sc.s;
  const start = sc.pos;
  if (!isAsciiAlnum(s.charCodeAt(start)) || !isWordBoundary(s, start)) return undefined;
  let end = start + 1;
  while (end < s.length && isIdentChar(s.charCodeAt(end))) end++;
  for (; end > start; end--) {
    if (isWordBoundary(s, end)) {
      sc.pos = end;
      return s.slice(start, end);
    }
  }
  return undefined;
}

function parseExtras(sc: Scanner): string[] {
  if (sc.peek() !== 0x5b) return [];
  const open = sc.pos;
  sc.pos++;
  sc.ws();
  const extras: string[] = [];
  const first = identifier(sc);
  if (first !== undefined) {
    extras.push(first);
    for (;;) {
      sc.ws();
      const here = sc.pos;
      if (identifier(sc) !== undefined) {
        sc.pos = here;
        sc.fail('Expected comma between extra names');
      }
      if (sc.peek() !== 0x2c) break;
      sc.pos++;
      sc.ws();
      extras.push(identifier(sc) ?? sc.fail('Expected extra name after comma'));
    }
  }
  sc.ws();
  if (sc.peek() !== 0x5d) sc.fail('Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras', open);
  sc.pos++;
  return extras;
}

/** `version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)?`, with packaging's trailing-text checks. */
function parseVersionMany(sc: Scanner, pieces: number[]): string {
  let out = '';
  const s = sc.s;
  for (;;) {
    const start = sc.pos;
    const end = scanSpecifierToken(s, start);
    if (end < 0) break;
    pieces.push(out.length, start);
    out += s.slice(start, end);
    sc.pos = end;
    if (s.charCodeAt(end) === 0x2e && s.charCodeAt(end + 1) === 0x2a) {
      sc.fail('.* suffix can only be used with `==` or `!=` operators', start, end + 1);
    }
    if (scanLocalLabel(s, end, true) >= 0) {
      sc.fail('Local version label can only be used with `==` or `!=` operators', start, end);
    }
    sc.ws();
    if (sc.peek() !== 0x2c) break;
    pieces.push(out.length, sc.pos);
    out += ',';
    sc.pos++;
    sc.ws();
  }
  return out;
}

function parseSpecifier(sc: Scanner, pieces: number[]): string {
  let open = -1;
  if (sc.peek() === 0x28) {
    open = sc.pos;
    sc.pos++;
  }
  sc.ws();
  const spec = parseVersionMany(sc, pieces);
  sc.ws();
  if (open >= 0) {
    if (sc.peek() !== 0x29) {
      sc.fail('Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier', open);
    }
    sc.pos++;
  }
  return spec;
}

function parseRequirementMarker(sc: Scanner, spanStart: number, expected: string): MarkerList {
  if (sc.peek() !== 0x3b) sc.fail(`Expected ${expected} or end`, spanStart);
  sc.pos++;
  const marker = parseMarkerList(sc);
  sc.ws();
  return normalizeExtraValues(marker);
}

/** Parses the raw parts of a requirement; throws SyntaxFault (UTF-16 indexes) on bad syntax. */
export function parseRawRequirement(text: string): RawRequirement {
  const sc = new Scanner(text);
  sc.ws();
  const name = identifier(sc) ?? sc.fail('Expected package name at the start of dependency specifier');
  sc.ws();
  const extras = parseExtras(sc);
  sc.ws();
  let url = '';
  let specifier = '';
  const pieces: number[] = [];
  let marker: MarkerList | null = null;
  if (sc.peek() === 0x40) {
    sc.pos++;
    sc.ws();
    const urlStart = sc.pos;
    while (sc.pos < text.length && sc.peek() !== 0x20 && sc.peek() !== 0x09) sc.pos++;
    if (sc.pos === urlStart) sc.fail('Expected URL after @');
    url = text.slice(urlStart, sc.pos);
    if (!sc.atEnd()) {
      // The URL stops only at a space or tab, so the WS token always matches here.
      sc.ws();
      if (!sc.atEnd()) marker = parseRequirementMarker(sc, urlStart, 'semicolon (after URL and whitespace)');
    }
  } else {
    const specifierStart = sc.pos;
    specifier = parseSpecifier(sc, pieces);
    sc.ws();
    if (!sc.atEnd()) {
      const expected = specifier
        ? 'comma (within version specifier), semicolon (after version specifier)'
        : 'semicolon (after name with no version specifier)';
      marker = parseRequirementMarker(sc, specifierStart, expected);
    }
  }
  if (!sc.atEnd()) sc.fail('Expected end of dependency specifier');
  sc.finish();
  return { name, extras, specifier, pieces, url, marker };
}

/** Maps an offset in `raw.specifier` back to a UTF-16 index in the requirement text. */
export function specifierSourceIndex(raw: RawRequirement, offset: number): number {
  let src = 0;
  for (let i = 0; i < raw.pieces.length; i += 2) {
    const at = raw.pieces[i] as number;
    if (at > offset) break;
    src = (raw.pieces[i + 1] as number) + (offset - at);
  }
  return src;
}
