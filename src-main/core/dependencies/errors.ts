/** Errors of the Dependencies workspace that the user can act on. */

/** Bad input or a limit reached: reported with this code and hint, not as a crash. */
export class JobInputError extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'UNSUPPORTED' | 'NOT_FOUND',
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  /** The contract's error data (read by the API's error mapping). */
  get data(): { hint?: string } {
    return this.hint ? { hint: this.hint } : {};
  }
}
