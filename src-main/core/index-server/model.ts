/**
 * What the read APIs render: projects and their files, independent of where they are stored
 * (hosted uploads, a publishing session's stage, or a read-only PEP 503 tree).
 */

/** PEP 691 api-version served (1.1 PEP 700, 1.3 PEP 740 `provenance`, 1.4 PEP 792 status). */
export const SIMPLE_API_VERSION = '1.4';

/** PEP 792 project status. */
export interface ProjectStatus {
  readonly status: 'active' | 'archived' | 'quarantined' | 'deprecated';
  readonly reason?: string;
}

/** One distribution file as listed on a Simple API project page. */
export interface IndexFile {
  readonly filename: string;
  /** URL relative to the project page (`../../files/...`), or absolute. */
  readonly url: string;
  /** Hex digests by hashlib name; at least sha256 when known (PEP 503 `#sha256=` fragment). */
  readonly hashes: Readonly<Record<string, string>>;
  readonly requiresPython: string | null;
  readonly size: number;
  /** PEP 700 `upload-time` (ISO 8601 UTC), null when unknown. */
  readonly uploadTime: string | null;
  /** PEP 592: false, or the reason ('' when yanked without one). */
  readonly yanked: false | string;
  /** PEP 658/714: sha256 of the served `<file>.metadata`, or null when none is served. */
  readonly metadataSha256: string | null;
  /** The version parsed from the filename (PEP 700 `versions`), null when unparsable. */
  readonly version: string | null;
}

/** A Simple API project page. */
export interface ProjectPage {
  /** Normalized name (PEP 503). */
  readonly name: string;
  readonly displayName: string;
  /** PEP 700 `versions`: every version with files or a release, in ascending order. */
  readonly versions: readonly string[];
  readonly files: readonly IndexFile[];
  readonly status: ProjectStatus;
  readonly lastSerial: number;
}

/** A row of the project list. */
export interface ProjectListEntry {
  readonly name: string;
  readonly displayName: string;
  readonly lastSerial: number;
}
