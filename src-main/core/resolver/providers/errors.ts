/**
 * Typed failures of the index client and metadata providers.
 *
 * Every failure names the URL it concerns, so a resolver message can say which index or
 * file misbehaved (hostile or broken responses must end here, never in a crash or a hang).
 */

export type IndexErrorCode =
  /** The server answered with a status other than 2xx/304 (404 has its own code). */
  | 'HTTP_STATUS'
  | 'NOT_FOUND'
  /** A body larger than the limit, or larger than its declared Content-Length. */
  | 'TOO_LARGE'
  | 'TIMEOUT'
  /** Connection refused, reset, or cut mid-response. */
  | 'NETWORK'
  | 'ABORTED'
  | 'MALFORMED_JSON'
  | 'MALFORMED_HTML'
  /** PEP 629: a major api-version this client does not understand. */
  | 'UNSUPPORTED_API_VERSION'
  /** A content type we did not ask for (e.g. a captive portal's HTML for a JSON request). */
  | 'CONTENT_TYPE'
  /** A downloaded file or PEP 658 metadata file does not match the advertised hash. */
  | 'HASH_MISMATCH'
  /** Fewer or more bytes than the server declared. */
  | 'SIZE_MISMATCH'
  /** Offline mode and nothing cached for this URL. */
  | 'OFFLINE_MISS'
  /** A wheel whose METADATA could not be read (see the cause). */
  | 'BAD_DISTRIBUTION'
  /** Metadata that contradicts the file it came from (name or version). */
  | 'METADATA_MISMATCH'
  /** Only an sdist whose metadata is dynamic (or pre-2.2): a build would be needed. */
  | 'NEEDS_BUILD'
  /** No file of that version offers metadata (no wheel, no usable sdist). */
  | 'NO_METADATA'
  /** A URL scheme other than http, https or file. */
  | 'UNSUPPORTED_URL';

/** A URL with any password replaced by `***` (index URLs may carry credentials). */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:***@');
}

/** A typed index/provider failure; `url` (credentials redacted) is what was being fetched. */
export class IndexError extends Error {
  override readonly name = 'IndexError';
  readonly url: string;
  constructor(
    readonly code: IndexErrorCode,
    url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${message} (${redactUrl(url)})`, options);
    this.url = redactUrl(url);
  }
}

/** True when `err` is an IndexError with one of the codes. */
export function isIndexError(err: unknown, ...codes: IndexErrorCode[]): err is IndexError {
  return err instanceof IndexError && (codes.length === 0 || codes.includes(err.code));
}
