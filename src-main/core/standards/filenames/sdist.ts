/**
 * Source distribution file names: `{name}-{version}.tar.gz` with the normalized, `_`-escaped
 * name and the normalized version (PEP 625;
 * https://packaging.python.org/en/latest/specifications/source-distribution-format/#source-distribution-file-name).
 *
 * Parsing follows `packaging.utils.parse_sdist_filename` (`.tar.gz` or `.zip`, split at the
 * last `-`); with `allowLegacy`, older archive extensions are read too. Anything not
 * PEP 625-compliant is flagged (`compliant: false` and a NOT_PEP625 problem), as PyPI refuses it.
 */
import { filenameName, isValidName, normalizeName } from '../names';
import type { NormalizedName } from '../names';
import { tryParseVersion } from '../pep440';
import { InvalidSdistFilenameError } from './errors';
import type { FilenameProblem } from './errors';

/** A parsed sdist file name. */
export interface SdistFilename {
  readonly filename: string;
  readonly name: NormalizedName;
  readonly nameAsWritten: string;
  readonly version: string;
  readonly versionAsWritten: string;
  /** `.tar.gz`, `.zip`, or a legacy extension. */
  readonly extension: string;
  /** Exactly `{normalized_name}-{normalized version}.tar.gz` (PEP 625). */
  readonly compliant: boolean;
  readonly problems: readonly FilenameProblem[];
}

const STANDARD_EXTENSIONS = ['.tar.gz', '.zip'];
/** Archive formats older tools produced (distutils `sdist --formats`). */
const LEGACY_EXTENSIONS = ['.tar.bz2', '.tar.xz', '.tar.lzma', '.tar.lz', '.tar.Z', '.tgz', '.tbz', '.tbz2', '.txz', '.tlz', '.tar'];

/**
 * Parse an sdist file name. Throws InvalidSdistFilenameError (EXTENSION, PARTS, VERSION).
 * `allowLegacy` also accepts `.tar.bz2`, `.tgz`, `.tar.xz`… (never PEP 625-compliant).
 */
export function parseSdistFilename(filename: string, opts: { allowLegacy?: boolean } = {}): SdistFilename {
  const extensions = opts.allowLegacy ? [...STANDARD_EXTENSIONS, ...LEGACY_EXTENSIONS] : STANDARD_EXTENSIONS;
  const extension = extensions.find((e) => filename.endsWith(e));
  if (extension === undefined) {
    throw new InvalidSdistFilenameError('EXTENSION', filename, `Invalid sdist filename (extension must be '.tar.gz' or '.zip'): ${JSON.stringify(filename)}`);
  }
  const stem = filename.slice(0, -extension.length);
  const dash = stem.lastIndexOf('-');
  if (dash < 0) throw new InvalidSdistFilenameError('PARTS', filename, `Invalid sdist filename: ${JSON.stringify(filename)}`);
  const nameAsWritten = stem.slice(0, dash);
  const versionAsWritten = stem.slice(dash + 1);
  const version = tryParseVersion(versionAsWritten);
  if (version === null) throw new InvalidSdistFilenameError('VERSION', filename, `Invalid sdist filename (invalid version): ${JSON.stringify(filename)}`);
  const normalizedVersion = String(version);
  const problems: FilenameProblem[] = [];
  if (!isValidName(nameAsWritten)) problems.push({ code: 'INVALID_NAME', message: `${JSON.stringify(nameAsWritten)} is not a valid project name` });
  const expected = isValidName(nameAsWritten) ? `${filenameName(nameAsWritten)}-${normalizedVersion}.tar.gz` : null;
  if (expected !== filename) {
    problems.push({ code: 'NOT_PEP625', message: `Filename ${JSON.stringify(filename)} is invalid, should be ${JSON.stringify(expected ?? `{name}-${normalizedVersion}.tar.gz`)}.` });
  }
  return {
    filename,
    name: normalizeName(nameAsWritten),
    nameAsWritten,
    version: normalizedVersion,
    versionAsWritten,
    extension,
    compliant: problems.length === 0,
    problems,
  };
}

/** `{normalized_name}-{normalized version}.tar.gz` (PEP 625). Throws on an invalid name or version. */
export function formatSdistFilename(name: string, version: string): string {
  if (!isValidName(name)) throw new InvalidSdistFilenameError('PARTS', name, `Invalid project name ${JSON.stringify(name)}`);
  const v = tryParseVersion(version);
  if (v === null) throw new InvalidSdistFilenameError('VERSION', version, `Invalid version ${JSON.stringify(version)}`);
  return `${filenameName(name)}-${String(v)}.tar.gz`;
}
