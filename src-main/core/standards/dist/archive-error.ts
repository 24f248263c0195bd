/**
 * Typed failures for reading distribution archives (wheels are zip files, PEP 427; sdists are
 * gzipped tar files, PEP 625 / the source distribution format spec). Hostile or broken
 * archives must end in one of these, never in a crash or a hang.
 */

export type ArchiveErrorCode =
  /** Not a zip (no end-of-central-directory record and no zip signature) / not a gzip+tar. */
  | 'NOT_A_ZIP'
  | 'NOT_A_TAR'
  /** The file ends early (cut-off download, missing central directory, short gzip stream). */
  | 'TRUNCATED'
  /** A structural inconsistency (bad signatures, trailing data, inflate errors). */
  | 'CORRUPT'
  /** An absolute path, a drive letter or a `..` segment that would escape the target folder. */
  | 'ZIP_SLIP'
  /** A name that is empty, has backslashes, control characters, `.`/empty segments or bad UTF-8. */
  | 'BAD_PATH'
  /** Declared or actual decompressed size over the limits, or an impossible compression ratio. */
  | 'ZIP_BOMB'
  /** The same name twice. */
  | 'DUPLICATE_ENTRY'
  /** Entries whose data overlap (the trick behind non-recursive zip bombs). */
  | 'OVERLAPPING_ENTRIES'
  | 'TOO_MANY_ENTRIES'
  /** Compression other than stored/deflate (PyPI accepts only those two). */
  | 'UNSUPPORTED_COMPRESSION'
  | 'ENCRYPTED'
  /** Local header disagrees with the central directory (name, method or sizes). */
  | 'HEADER_MISMATCH'
  | 'CRC_MISMATCH'
  /** Fewer bytes than declared. */
  | 'SIZE_MISMATCH'
  /** A symbolic or hard link in a tar (refused: it could point outside the extraction folder). */
  | 'SYMLINK'
  /** A device, fifo or sparse member in a tar. */
  | 'SPECIAL_FILE'
  /** A member asked for in memory is larger than allowed. */
  | 'ENTRY_TOO_LARGE'
  /** The file could not be read at all (missing, permissions). */
  | 'IO';

/** A typed archive failure; `entry` names the member concerned, when there is one. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    readonly entry?: string,
  ) {
    super(entry === undefined ? message : `${message} (entry ${JSON.stringify(entry)})`);
  }
}

/** Bounds applied while reading archives. All sizes in bytes. */
export interface ArchiveLimits {
  /** Most members in one archive. */
  readonly maxEntries: number;
  /** Most bytes all members may decompress to, declared or actual. */
  readonly maxTotalUncompressed: number;
  /** Most bytes one member may decompress to. */
  readonly maxEntryUncompressed: number;
  /**
   * Whole-archive ratio (decompressed / file size) refused above `ratioThreshold` decompressed
   * bytes: PyPI's rule ("File exceeds compression ratio of 50", above 64 MiB).
   */
  readonly maxRatio: number;
  readonly ratioThreshold: number;
  /** Largest member read into memory (METADATA, RECORD, WHEEL, PKG-INFO). */
  readonly maxInMemory: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = Object.freeze({
  maxEntries: 200_000,
  maxTotalUncompressed: 8 * 1024 ** 3,
  maxEntryUncompressed: 4 * 1024 ** 3,
  maxRatio: 50,
  ratioThreshold: 64 * 1024 ** 2,
  maxInMemory: 64 * 1024 ** 2,
});

/** Fill unspecified limits with the defaults. */
export function resolveLimits(limits?: Partial<ArchiveLimits>): ArchiveLimits {
  return { ...DEFAULT_ARCHIVE_LIMITS, ...limits };
}

/**
 * Check a member path for extraction safety. Returns null when safe, or the error.
 *
 * Refuses what would escape the target folder (absolute paths, drive letters, `..`), and
 * names that mean different things to different tools (backslashes, control characters,
 * `.` or empty segments). A trailing `/` (directory member) is allowed.
 */
export function checkMemberPath(name: string): ArchiveError | null {
  if (name === '' || name === '/') return new ArchiveError('BAD_PATH', 'Empty member name', name);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return new ArchiveError('ZIP_SLIP', 'Absolute member path', name);
  if (name.includes('\\')) return new ArchiveError('BAD_PATH', 'Backslash in member path', name);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return new ArchiveError('BAD_PATH', 'Control character in member path', name);
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return new ArchiveError('ZIP_SLIP', 'Parent-directory segment in member path', name);
  if (segments.some((s) => s === '' || s === '.')) return new ArchiveError('BAD_PATH', 'Empty or "." segment in member path', name);
  return null;
}
