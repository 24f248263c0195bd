/**
 * PEP 629 repository API versioning: `major.minor`, missing means 1.0. A client MUST refuse
 * a major version it does not understand and SHOULD warn on a newer minor version.
 */
import { IndexError } from './errors';

/** The newest Simple API version this client understands (1.4: PEP 792 project status). */
export const SUPPORTED_API_VERSION = { major: 1, minor: 4 } as const;

/**
 * Check a page's api-version. Returns a warning for a newer minor version, null when fine;
 * throws UNSUPPORTED_API_VERSION for a newer (or unparsable) major version.
 */
export function checkApiVersion(version: string | null | undefined, url: string): string | null {
  if (version === null || version === undefined || version.trim() === '') return null;
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(version);
  if (!m) throw new IndexError('UNSUPPORTED_API_VERSION', url, `Unparsable repository api-version ${JSON.stringify(version)}`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major !== SUPPORTED_API_VERSION.major) {
    throw new IndexError('UNSUPPORTED_API_VERSION', url, `Repository api-version ${version} is not supported (this client understands ${SUPPORTED_API_VERSION.major}.x)`);
  }
  if (minor > SUPPORTED_API_VERSION.minor) {
    return `Repository api-version ${version} is newer than ${SUPPORTED_API_VERSION.major}.${SUPPORTED_API_VERSION.minor}; unknown features are ignored`;
  }
  return null;
}
