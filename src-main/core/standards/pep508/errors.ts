/**
 * Typed errors of the PEP 508 parsers.
 *
 * Positions are 0-based code-point indexes into the input, the unit pypa/packaging uses for
 * its error caret (`ParserSyntaxError.span`): `position` is where the caret points (the
 * place the parser expected something else), `spanStart` where the offending construct
 * began (equal to `position` when the error is about a single place).
 */

/** Fields shared by requirement and marker syntax errors. */
export interface Pep508ErrorDetails {
  /** The whole input that failed to parse. */
  readonly input: string;
  /** Code-point index the error points at (packaging's caret column). */
  readonly position: number;
  /** Code-point index where the offending construct starts (packaging's `~~~` start). */
  readonly spanStart: number;
  /** What was expected there, e.g. `Expected end of dependency specifier`. */
  readonly reason: string;
}

function render(reason: string, input: string, spanStart: number, position: number): string {
  const pointer = ' '.repeat(spanStart) + '~'.repeat(Math.max(0, position - spanStart)) + '^';
  return `${reason} at position ${position}\n    ${input}\n    ${pointer}`;
}

/** What both PEP 508 errors carry; `message` holds the reason, the position and a caret line like packaging's. */
abstract class Pep508SyntaxError extends Error implements Pep508ErrorDetails {
  readonly input: string;
  readonly position: number;
  readonly spanStart: number;
  readonly reason: string;

  constructor(details: Pep508ErrorDetails) {
    super(render(details.reason, details.input, details.spanStart, details.position));
    this.input = details.input;
    this.position = details.position;
    this.spanStart = details.spanStart;
    this.reason = details.reason;
  }
}

/**
 * A requirement string is not a valid PEP 508 dependency specifier.
 *
 * `message` holds the reason, the position and a caret line like packaging's.
 */
export class InvalidRequirementError extends Pep508SyntaxError {
  override readonly name = 'InvalidRequirementError';
}

/**
 * A marker expression is not valid PEP 508 marker syntax.
 *
 * `message` holds the reason, the position and a caret line like packaging's.
 */
export class InvalidMarkerError extends Pep508SyntaxError {
  override readonly name = 'InvalidMarkerError';
}

/**
 * Internal: a syntax error raised by the shared scanner, before the caller decides whether
 * it is a requirement or a marker error. Indexes here are UTF-16 indexes.
 */
export class SyntaxFault {
  constructor(
    readonly reason: string,
    readonly spanStart: number,
    readonly end: number,
  ) {}
}
