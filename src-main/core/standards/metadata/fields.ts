/**
 * The core metadata fields, versions 1.0–2.5
 * (https://packaging.python.org/en/latest/specifications/core-metadata/): header name, the
 * key used here, the key pypa/packaging's RawMetadata uses, how values are held, and the
 * Metadata-Version that introduced the field (PEP 241 1.0, PEP 314 1.1, PEP 345 1.2,
 * PEP 566 2.1, PEP 643 2.2, PEP 685 2.3, PEP 639 2.4, PEP 794 2.5).
 */

/** The Metadata-Version values the spec defines (2.0 was never standardized). */
export const METADATA_VERSIONS = ['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5'] as const;
export type MetadataVersion = (typeof METADATA_VERSIONS)[number];

/**
 * How a field's values are held: `string` (single use), `list` (multiple use), `keywords`
 * (one comma-separated header, held as a list), `urls` (multiple `Label, URL` headers, held
 * as a label → URL map).
 */
export type FieldKind = 'string' | 'list' | 'keywords' | 'urls';

export interface FieldSpec {
  /** Header name as the spec writes it. */
  readonly header: string;
  /** Key in CoreMetadataFields. */
  readonly key: keyof CoreMetadataFields;
  /** Key in pypa/packaging's RawMetadata. */
  readonly rawKey: string;
  readonly kind: FieldKind;
  readonly added: MetadataVersion;
}

/** Parsed fields; every field optional. Multi-use fields are arrays in written order. */
export interface CoreMetadataFields {
  metadataVersion?: string;
  name?: string;
  version?: string;
  dynamic?: string[];
  platforms?: string[];
  supportedPlatforms?: string[];
  summary?: string;
  description?: string;
  descriptionContentType?: string;
  keywords?: string[];
  homePage?: string;
  downloadUrl?: string;
  author?: string;
  authorEmail?: string;
  maintainer?: string;
  maintainerEmail?: string;
  license?: string;
  licenseExpression?: string;
  licenseFiles?: string[];
  classifiers?: string[];
  requiresDist?: string[];
  requiresPython?: string;
  requiresExternal?: string[];
  projectUrls?: Record<string, string>;
  providesExtra?: string[];
  providesDist?: string[];
  obsoletesDist?: string[];
  importNames?: string[];
  importNamespaces?: string[];
  /** Deprecated 1.1 fields (PEP 314), superseded by the `-Dist` forms. */
  requires?: string[];
  provides?: string[];
  obsoletes?: string[];
}

const f = (header: string, key: keyof CoreMetadataFields, rawKey: string, kind: FieldKind, added: MetadataVersion): FieldSpec => ({ header, key, rawKey, kind, added });

/** All fields, in the order packaging writes them (Description goes in the body). */
export const FIELDS: readonly FieldSpec[] = [
  f('Metadata-Version', 'metadataVersion', 'metadata_version', 'string', '1.0'),
  f('Name', 'name', 'name', 'string', '1.0'),
  f('Version', 'version', 'version', 'string', '1.0'),
  f('Dynamic', 'dynamic', 'dynamic', 'list', '2.2'),
  f('Platform', 'platforms', 'platforms', 'list', '1.0'),
  f('Supported-Platform', 'supportedPlatforms', 'supported_platforms', 'list', '1.1'),
  f('Summary', 'summary', 'summary', 'string', '1.0'),
  f('Description', 'description', 'description', 'string', '1.0'),
  f('Description-Content-Type', 'descriptionContentType', 'description_content_type', 'string', '2.1'),
  f('Keywords', 'keywords', 'keywords', 'keywords', '1.0'),
  f('Home-Page', 'homePage', 'home_page', 'string', '1.0'),
  f('Download-URL', 'downloadUrl', 'download_url', 'string', '1.1'),
  f('Author', 'author', 'author', 'string', '1.0'),
  f('Author-Email', 'authorEmail', 'author_email', 'string', '1.0'),
  f('Maintainer', 'maintainer', 'maintainer', 'string', '1.2'),
  f('Maintainer-Email', 'maintainerEmail', 'maintainer_email', 'string', '1.2'),
  f('License', 'license', 'license', 'string', '1.0'),
  f('License-Expression', 'licenseExpression', 'license_expression', 'string', '2.4'),
  f('License-File', 'licenseFiles', 'license_files', 'list', '2.4'),
  f('Classifier', 'classifiers', 'classifiers', 'list', '1.1'),
  f('Requires-Dist', 'requiresDist', 'requires_dist', 'list', '1.2'),
  f('Requires-Python', 'requiresPython', 'requires_python', 'string', '1.2'),
  f('Requires-External', 'requiresExternal', 'requires_external', 'list', '1.2'),
  f('Project-URL', 'projectUrls', 'project_urls', 'urls', '1.2'),
  f('Provides-Extra', 'providesExtra', 'provides_extra', 'list', '2.1'),
  f('Provides-Dist', 'providesDist', 'provides_dist', 'list', '1.2'),
  f('Obsoletes-Dist', 'obsoletesDist', 'obsoletes_dist', 'list', '1.2'),
  f('Import-Name', 'importNames', 'import_names', 'list', '2.5'),
  f('Import-Namespace', 'importNamespaces', 'import_namespaces', 'list', '2.5'),
  f('Requires', 'requires', 'requires', 'list', '1.1'),
  f('Provides', 'provides', 'provides', 'list', '1.1'),
  f('Obsoletes', 'obsoletes', 'obsoletes', 'list', '1.1'),
];

/** Field by lower-cased header name. */
export const FIELD_BY_HEADER: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((s) => [s.header.toLowerCase(), s]));

/** Field by CoreMetadataFields key. */
export const FIELD_BY_KEY: ReadonlyMap<keyof CoreMetadataFields, FieldSpec> = new Map(FIELDS.map((s) => [s.key, s]));

/** Position of a Metadata-Version in the spec's history, or -1 when it is not one. */
export function metadataVersionIndex(v: string | undefined): number {
  return v === undefined ? -1 : (METADATA_VERSIONS as readonly string[]).indexOf(v);
}
