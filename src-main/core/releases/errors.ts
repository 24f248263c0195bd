/**
 * Errors of the Releases capability, carrying a contract error code.
 *
 * Core stays transport-free: the API layer (`api/errors.ts`) turns the `code` into the typed
 * envelope. The hint travels in `hint` for front ends that show it (the CLI, the app).
 */
import type { AppErrorCode } from '../../contract/errors';

/** An error with an application error code and an optional hint for the user. */
export class ReleasesError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ReleasesError';
  }
}

/** The local index must be running for this action. */
export function notRunning(): ReleasesError {
  return new ReleasesError('BAD_REQUEST', 'The local index is not running.', 'Start it in the Releases workspace first.');
}
