/**
 * Typed errors and non-fatal problems for distribution file names (wheel: PEP 427/491;
 * sdist: PEP 625).
 */

export type FilenameErrorCode =
  /** Wrong extension (`.whl`; `.tar.gz` or `.zip` for sdists). */
  | 'EXTENSION'
  /** Not 5 or 6 `-`-separated wheel parts; no `-` between sdist name and version. */
  | 'PARTS'
  /** The name part has characters a wheel name cannot have (or `__`). */
  | 'NAME'
  /** The version part is not PEP 440. */
  | 'VERSION'
  /** The build tag does not start with a digit. */
  | 'BUILD'
  /** A compressed tag component is not sorted (only when order is validated). */
  | 'UNSORTED_TAGS';

/** A distribution file name that cannot be parsed; `code` names the problem. */
export class InvalidFilenameError extends Error {
  override readonly name: string = 'InvalidFilenameError';
  constructor(
    readonly code: FilenameErrorCode,
    readonly filename: string,
    message: string,
  ) {
    super(message);
  }
}

/** A wheel file name that does not follow the binary distribution format. */
export class InvalidWheelFilenameError extends InvalidFilenameError {
  override readonly name = 'InvalidWheelFilenameError';
}

/** An sdist file name that does not follow the source distribution format. */
export class InvalidSdistFilenameError extends InvalidFilenameError {
  override readonly name = 'InvalidSdistFilenameError';
}

export type FilenameProblemCode =
  /** The name is not the normalized, `_`-escaped project name (PyPI rejects it). */
  | 'NAME_NOT_NORMALIZED'
  /** The version is not written in normalized form. */
  | 'VERSION_NOT_NORMALIZED'
  /** The name is not a valid project name at all. */
  | 'INVALID_NAME'
  /** Empty interpreter, ABI or platform tag. */
  | 'EMPTY_TAG'
  /** A platform tag PyPI refuses (e.g. plain `linux_x86_64`). */
  | 'UNSUPPORTED_PLATFORM_TAG'
  /** Control characters, `/` or `\` in the name (PyPI refuses the upload). */
  | 'BAD_CHARACTERS'
  /** An sdist that is not `{name}-{version}.tar.gz` (PEP 625), e.g. `.zip` or a legacy archive. */
  | 'NOT_PEP625';

/** A non-fatal finding: the name parses but is not what the specs or PyPI require. */
export interface FilenameProblem {
  readonly code: FilenameProblemCode;
  readonly message: string;
}
