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
 * Like LicenseErrorInit, but `message` and `suggestions` may be computed on first use: "did you
 * mean" ranks every SPDX id, which batch validation never needs.
 */
export interface LazyLicenseErrorInit extends Omit<LicenseErrorInit, 'message' | 'suggestions'> {
  readonly message: string | (() => string);
  readonly suggestions?: readonly string[] | (() => readonly string[]);
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
  readonly hint: string | undefined;
  #suggestions: readonly string[] | (() => readonly string[]);

  constructor(init: LazyLicenseErrorInit) {
    super(typeof init.message === 'string' ? init.message : '');
    const lazy = init.message;
    if (typeof lazy === 'function') {
      let text: string | undefined;
      Object.defineProperty(this, 'message', { get: () => (text ??= lazy()), enumerable: false, configurable: true });
    }
    this.code = init.code;
    this.packagingMessage = init.packagingMessage;
    this.offset = init.offset;
    this.length = init.length;
    this.token = init.token;
    this.#suggestions = init.suggestions ?? [];
    this.hint = init.hint;
  }

  /** Near matches ("did you mean"), best first; may be empty. */
  get suggestions(): readonly string[] {
    if (typeof this.#suggestions === 'function') this.#suggestions = this.#suggestions();
    return this.#suggestions;
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
