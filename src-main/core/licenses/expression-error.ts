/**
 * The one error type the license-expression functions throw.
 *
 * It carries two messages: `packagingMessage`, byte-identical to what
 * `packaging.licenses.canonicalize_license_expression` raises (setuptools, hatchling and PyPI
 * show that text), and `message`, a newcomer-friendly sentence naming the token, its column and
 * near matches (e.g. "Unknown license 'MITT' at column 1 — did you mean 'MIT'?").
 */

/** Why an expression was rejected. */
export type LicenseErrorCode =
  | 'EMPTY'
  | 'SYNTAX'
  | 'TOO_DEEP'
  | 'UNKNOWN_LICENSE'
  | 'UNKNOWN_EXCEPTION'
  | 'INVALID_LICENSEREF';

/** Construction fields of a LicenseExpressionError. */
export interface LicenseErrorInit {
  readonly code: LicenseErrorCode;
  readonly message: string;
  readonly packagingMessage: string;
  /** UTF-16 offset of the problem in the raw input (input length when it is "at the end"). */
  readonly offset: number;
  readonly length: number;
  /** The offending token as typed ('' at the end of the input). */
  readonly token: string;
  readonly suggestions?: readonly string[];
  readonly hint?: string;
}

/**
 * A rejected license expression.
 *
 * `column` is 1-based and counts UTF-16 code units, like Monaco's columns.
 */
export class LicenseExpressionError extends Error {
  override readonly name = 'LicenseExpressionError';
  readonly code: LicenseErrorCode;
  readonly packagingMessage: string;
  readonly offset: number;
  readonly length: number;
  readonly token: string;
  readonly suggestions: readonly string[];
  readonly hint: string | undefined;

  constructor(init: LicenseErrorInit) {
    super(init.message);
    this.code = init.code;
    this.packagingMessage = init.packagingMessage;
    this.offset = init.offset;
    this.length = init.length;
    this.token = init.token;
    this.suggestions = init.suggestions ?? [];
    this.hint = init.hint;
  }

  /** 1-based column of the problem. */
  get column(): number {
    return this.offset + 1;
  }

  /** A plain, serialisable copy (for JSON output, RPC and diagnostics). */
  toJSON(): LicenseErrorInit & { readonly column: number } {
    return {
      code: this.code,
      message: this.message,
      packagingMessage: this.packagingMessage,
      offset: this.offset,
      length: this.length,
      column: this.column,
      token: this.token,
      suggestions: this.suggestions,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
    };
  }
}

/** Type guard for the typed error (the only thing the license functions throw). */
export function isLicenseExpressionError(err: unknown): err is LicenseExpressionError {
  return err instanceof LicenseExpressionError;
}
