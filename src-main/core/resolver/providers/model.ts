/**
 * What the index client reads from a Simple Repository API project page (PEP 503 HTML,
 * PEP 691 JSON), independent of the format it came in.
 *
 * Spec: https://packaging.python.org/en/latest/specifications/simple-repository-api/
 * (PEP 503, 592 yanks, 629 api-version, 658/714 core metadata, 691 JSON, 700 size/upload-time/
 * versions, 740 provenance, 792 project status).
 */
import type { SdistFilename, WheelFilename } from '../../standards/filenames';

/** The file as a distribution: a wheel, an sdist, or something a resolver ignores (.egg, .exe…). */
export type DistInfo =
  | { readonly kind: 'wheel'; readonly wheel: WheelFilename }
  | { readonly kind: 'sdist'; readonly sdist: SdistFilename }
  | { readonly kind: 'other' };

/** PEP 592: not yanked, or yanked with an optional reason. */
export type Yanked = false | { readonly reason: string | null };

/** PEP 658/714: no metadata file, or one whose hashes (possibly none) are known. */
export type CoreMetadataRef = false | { readonly hashes: Readonly<Record<string, string>> };

/** One file listed on a project page. */
export interface IndexFileEntry {
  readonly filename: string;
  /** Absolute URL, fragment removed (relative links resolved against the page or `<base>`). */
  readonly url: string;
  /** Lower-cased hash name → lower-cased hex digest (PEP 503 `#sha256=` fragment or PEP 691 `hashes`). */
  readonly hashes: Readonly<Record<string, string>>;
  /** Requires-Python as served (HTML-unescaped), null when absent or empty. */
  readonly requiresPython: string | null;
  readonly yanked: Yanked;
  readonly coreMetadata: CoreMetadataRef;
  /** PEP 700 `size` (JSON only), null when unknown. */
  readonly size: number | null;
  /** PEP 700 `upload-time`, null when unknown. */
  readonly uploadTime: string | null;
  /** PEP 740 provenance URL, null when absent. */
  readonly provenance: string | null;
  readonly dist: DistInfo;
  /** Normalized version from the file name, null for `other` files. */
  readonly version: string | null;
}

/** PEP 792 project status (`active` when the page says nothing). */
export interface ProjectStatusInfo {
  readonly status: string;
  readonly reason: string | null;
}

/** A parsed project page. */
export interface ProjectPage {
  /** The page URL after redirects. */
  readonly url: string;
  readonly format: 'json' | 'html';
  /** PEP 629 api-version ('1.0' when the page declares none). */
  readonly apiVersion: string;
  /** The normalized project name the page was asked for. */
  readonly name: string;
  readonly files: readonly IndexFileEntry[];
  /** PEP 700 `versions` (JSON, api ≥ 1.1), null when not given. */
  readonly versions: readonly string[] | null;
  readonly status: ProjectStatusInfo;
  /** Non-fatal findings: newer minor api-version, links skipped because malformed or foreign. */
  readonly warnings: readonly string[];
}

/** Compare hex digests, case-insensitively. */
export function sameDigest(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
