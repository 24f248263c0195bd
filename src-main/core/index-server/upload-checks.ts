/**
 * PyPI's legacy upload checks on the form fields, in warehouse's order and wording
 * (reference index-apis.md §5, §7 A–C; warehouse/forklift/legacy.py and forms.py):
 * field clean-up ("UNKNOWN" and "" are absent), protocol version, tuple fields, the upload form
 * (first error by metadata-version > name > version > alphabetical), then the core metadata
 * built from the form, validated with the standards core plus PyPI's own rules.
 */
import { parseContentType, validateCoreMetadata, type CoreMetadataFields, type MetadataProblem } from '../standards/metadata';
import { isValidName } from '../standards/names';
import { parseRequirement } from '../standards/pep508';
import { normalizeRequiresPython, tryParseVersion, type Version } from './std';
import { HELP, UploadRejection } from './store-write';
import type { ReleaseMetadata } from './store';

const CORE_METADATA_HELP = 'https://packaging.python.org/specifications/core-metadata';

/** Form fields after clean-up: values in order, "UNKNOWN" and empty values removed. */
export type FormFields = ReadonlyMap<string, readonly string[]>;

/** warehouse: drop values equal to "UNKNOWN" (distutils' placeholder); "" means absent. */
export function cleanFields(raw: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, values] of raw) {
    const kept = values.filter((v) => v.trim() !== 'UNKNOWN' && v !== '');
    if (kept.length) out.set(k, kept);
  }
  return out;
}

function one(fields: FormFields, key: string): string | undefined {
  return fields.get(key)?.[0];
}

/** Python `repr()` of a str, for messages that quote user input as PyPI does. */
export function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!).replace(q === "'" ? /'/g : /"/g, `\\${q}`);
  return `${q}${body}${q}`;
}

const NAME_RE = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
const HEX64 = /^[A-F0-9]{64}$/i;

/** A. and B.: protocol version, tuple fields and the upload form; throws UploadRejection(400). */
export function checkForm(fields: FormFields, fileFields: readonly string[]): void {
  if ((one(fields, 'protocol_version') ?? '1') !== '1') throw new UploadRejection(400, 'Unknown protocol version.');
  for (const f of fileFields) throw new UploadRejection(400, `${f}: Should not be a tuple.`);
  const errors = new Map<string, string>();
  const name = one(fields, 'name');
  if (name !== undefined && !NAME_RE.test(name)) {
    const shown = name.length > 60 ? `${name.slice(0, 30)}...${name.slice(-30)}` : name;
    errors.set(
      'name',
      `${pyRepr(shown)} is an invalid value for Name. Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'. See ${CORE_METADATA_HELP} for more information.`,
    );
  }
  const filetype = one(fields, 'filetype');
  if (!filetype || !['bdist_egg', 'bdist_wheel', 'sdist'].includes(filetype)) errors.set('filetype', 'Invalid value for filetype. Error: Use a known file type.');
  const sha = one(fields, 'sha256_digest');
  if (sha !== undefined && !HEX64.test(sha)) errors.set('sha256_digest', 'Invalid value for sha256_digest. Error: Use a valid, hex-encoded, SHA256 message digest.');
  const b2 = one(fields, 'blake2_256_digest');
  if (b2 !== undefined && !HEX64.test(b2)) errors.set('blake2_256_digest', 'Invalid value for blake2_256_digest. Error: Use a valid, hex-encoded, BLAKE2 message digest.');
  if (errors.size) {
    const key = ['metadata_version', 'name', 'version'].find((k) => errors.has(k)) ?? [...errors.keys()].sort()[0]!;
    throw new UploadRejection(400, errors.get(key)!);
  }
  // Form-level checks (wtforms full_validate) run only once every field is valid.
  const pyversion = one(fields, 'pyversion');
  if (filetype !== 'sdist' && !pyversion) throw new UploadRejection(400, 'Error: Python version is required for binary distribution uploads.');
  if (filetype === 'sdist' && pyversion && pyversion !== 'source') throw new UploadRejection(400, "Error: Use 'source' as Python version for an sdist.");
  if (!one(fields, 'md5_digest') && !sha && !b2) throw new UploadRejection(400, 'Error: Include at least one message digest.');
}

/** Form field names → core metadata keys (multi-use fields are plural on the form, except these). */
const SINGLE: Record<string, keyof CoreMetadataFields> = {
  metadata_version: 'metadataVersion',
  name: 'name',
  version: 'version',
  summary: 'summary',
  description: 'description',
  description_content_type: 'descriptionContentType',
  home_page: 'homePage',
  download_url: 'downloadUrl',
  author: 'author',
  author_email: 'authorEmail',
  maintainer: 'maintainer',
  maintainer_email: 'maintainerEmail',
  license: 'license',
  license_expression: 'licenseExpression',
  requires_python: 'requiresPython',
};
const MULTI: Record<string, keyof CoreMetadataFields> = {
  classifiers: 'classifiers',
  requires_dist: 'requiresDist',
  provides_extra: 'providesExtra',
  provides_dist: 'providesDist',
  obsoletes_dist: 'obsoletesDist',
  requires_external: 'requiresExternal',
  dynamic: 'dynamic',
  platform: 'platforms',
  supported_platform: 'supportedPlatforms',
  license_file: 'licenseFiles',
  import_name: 'importNames',
  import_namespace: 'importNamespaces',
  requires: 'requires',
  provides: 'provides',
  obsoletes: 'obsoletes',
};

/** Build core metadata from the form (warehouse's parse_form_metadata); unparsable fields noted. */
export function formToMetadata(fields: FormFields): { fields: CoreMetadataFields; unparsed: Record<string, string[]> } {
  const meta: Record<string, unknown> = {};
  const unparsed: Record<string, string[]> = {};
  for (const [k, key] of Object.entries(SINGLE)) {
    const v = fields.get(k);
    if (!v) continue;
    if (v.length > 1) unparsed[k.replace(/_/g, '-')] = [...v];
    else meta[key] = v[0];
  }
  for (const [k, key] of Object.entries(MULTI)) {
    const v = fields.get(k);
    if (v) meta[key] = [...v];
  }
  const kw = fields.get('keywords');
  if (kw) meta.keywords = kw.join(',').split(',').map((s) => s.trim());
  const urls = fields.get('project_urls');
  if (urls) {
    const map: Record<string, string> = {};
    for (const pair of urls) {
      const comma = pair.indexOf(',');
      const label = (comma < 0 ? pair : pair.slice(0, comma)).trim();
      if (Object.prototype.hasOwnProperty.call(map, label)) unparsed['project-url'] = [...urls];
      map[label] = comma < 0 ? '' : pair.slice(comma + 1).trim();
    }
    if (!unparsed['project-url']) meta.projectUrls = map;
  }
  return { fields: meta as CoreMetadataFields, unparsed };
}

/** Re-quote the standards core's JSON-style quoting the way packaging (Python repr) quotes. */
function pythonQuoting(message: string): string {
  return message.replace(/"((?:[^"\\]|\\.)*)"/g, (m, inner: string) => {
    try {
      return pyRepr(JSON.parse(`"${inner}"`) as string);
    } catch {
      return m;
    }
  });
}

function looksLikeUrl(u: string): boolean {
  try {
    const url = new URL(u);
    return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) && !/\s/.test(u);
  } catch {
    return false;
  }
}

/** warehouse/forklift/metadata.py rules on top of packaging's validation. */
function pypiProblems(m: CoreMetadataFields, version: Version | null): MetadataProblem[] {
  const p: MetadataProblem[] = [];
  const add = (field: string, message: string) => p.push({ field, code: 'INVALID_DATA', message });
  if (version?.localLabel) add('version', `The use of local versions in ${pyRepr(m.version!)} is not allowed.`);
  if (m.summary !== undefined && m.summary.length > 512) add('summary', "'summary' field must be 512 characters or less.");
  for (const [field, value] of [['author-email', m.authorEmail], ['maintainer-email', m.maintainerEmail]] as const) {
    for (const addr of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      const email = /<([^>]*)>\s*$/.exec(addr)?.[1] ?? addr;
      if (!/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>.]+$/.test(email)) add(field, `${pyRepr(email)} is not a valid email address: The email address is not valid.`);
    }
  }
  for (const [field, value] of [['home-page', m.homePage], ['download-url', m.downloadUrl]] as const) {
    if (value !== undefined && !looksLikeUrl(value)) add(field, `${pyRepr(value)} is not a valid url.`);
  }
  for (const [label, url] of Object.entries(m.projectUrls ?? {})) {
    if (!label) add('project-url', 'Must have a label');
    else if (label.length > 32) add('project-url', `${pyRepr(label)} must be 32 characters or less.`);
    else if (!url) add('project-url', 'Must have a URL');
    else if (!looksLikeUrl(url)) add('project-url', `${pyRepr(url)} is not a valid url.`);
  }
  for (const [field, reqs] of [['requires-dist', m.requiresDist], ['provides-dist', m.providesDist], ['obsoletes-dist', m.obsoletesDist]] as const) {
    for (const r of reqs ?? []) {
      try {
        if (parseRequirement(r).url) add(field, `Can't have direct dependency: ${r}`);
      } catch {
        // packaging's own validation reports unparsable requirements.
      }
    }
  }
  return p;
}

/** The validated metadata of an upload. */
export interface FormMetadata {
  readonly fields: CoreMetadataFields;
  readonly name: string;
  readonly version: Version;
}

/**
 * PyPI shows packaging's InvalidMetadata text; rebuild it from the standards core's finding
 * where the wording differs (no parser detail, Python list formatting).
 */
function pypiMessage(p: MetadataProblem, m: CoreMetadataFields): string {
  const pyList = (xs: readonly string[]) => `[${xs.map(pyRepr).join(', ')}]`;
  switch (p.code) {
    case 'INVALID_METADATA_VERSION':
      return `${m.metadataVersion === undefined ? 'None' : pyRepr(m.metadataVersion)} is not a valid metadata version`;
    case 'INVALID_REQUIREMENT':
    case 'INVALID_LICENSE_EXPRESSION': {
      const msg = pythonQuoting(p.message);
      const tail = ` is invalid for '${p.field}'`;
      const cut = msg.indexOf(tail);
      return cut < 0 ? msg : msg.slice(0, cut + tail.length);
    }
    case 'INVALID_LICENSE_FILE':
      return pythonQuoting(p.message).replace(/^(.*) is invalid, (.*) \('license-file'\)$/, "$1 is invalid for 'license-file', $2");
    case 'INVALID_CONTENT_TYPE': {
      const v = m.descriptionContentType ?? '';
      const type = parseContentType(v);
      if (!['text/plain', 'text/x-rst', 'text/markdown'].includes(type.type) || !v.toLowerCase().includes(type.type)) {
        return `'description-content-type' must be one of ${pyList(['text/plain', 'text/x-rst', 'text/markdown'])}, not ${pyRepr(v)}`;
      }
      const charset = type.params.charset ?? 'UTF-8';
      if (charset !== 'UTF-8') return `'description-content-type' can only specify the UTF-8 charset, not ${pyRepr(charset)}`;
      return `valid Markdown variants for 'description-content-type' are ${pyList(['GFM', 'CommonMark'])}, not ${pyRepr(type.params.variant ?? '')}`;
    }
    default:
      return pythonQuoting(p.message);
  }
}

/** C.: validate the metadata; throws UploadRejection(400) with the highest-priority problem. */
export function checkMetadata(fields: FormFields): FormMetadata {
  const parsed = formToMetadata(fields);
  const version = parsed.fields.version ? tryParseVersion(parsed.fields.version) : null;
  const problems = [...validateCoreMetadata(parsed), ...pypiProblems(parsed.fields, version)];
  if (problems.length) {
    const order = ['metadata-version', 'name', 'version'];
    const field = order.find((f) => problems.some((x) => x.field === f)) ?? [...new Set(problems.map((x) => x.field))].sort()[0]!;
    const msg = pypiMessage(problems.find((x) => x.field === field)!, parsed.fields);
    throw new UploadRejection(400, `${msg.endsWith('.') ? msg : `${msg}.`} See ${CORE_METADATA_HELP} for more information.`);
  }
  return { fields: parsed.fields, name: parsed.fields.name!, version: version! };
}

/** Release metadata as stored and served by the JSON API. */
export function releaseMetadataOf(m: CoreMetadataFields, version: string): ReleaseMetadata {
  return {
    metadata_version: m.metadataVersion ?? null,
    name: m.name ?? '',
    version,
    summary: m.summary ?? null,
    description: m.description ?? null,
    description_content_type: m.descriptionContentType ?? null,
    author: m.author ?? null,
    author_email: m.authorEmail ?? null,
    maintainer: m.maintainer ?? null,
    maintainer_email: m.maintainerEmail ?? null,
    license: m.license ?? null,
    license_expression: m.licenseExpression ?? null,
    license_files: m.licenseFiles ?? null,
    keywords: m.keywords?.length ? m.keywords.join(', ') : null,
    classifiers: m.classifiers ?? [],
    platform: m.platforms?.[0] ?? null,
    home_page: m.homePage ?? null,
    download_url: m.downloadUrl ?? null,
    requires_python: normalizeRequiresPython(m.requiresPython),
    requires_dist: m.requiresDist ?? [],
    provides_extra: m.providesExtra ?? [],
    project_urls: m.projectUrls ?? {},
    dynamic: m.dynamic ?? [],
  };
}

/** "The given token isn't allowed to upload to project '<p>'" (E). */
export function notAllowedMessage(project: string): string {
  return `The given token isn't allowed to upload to project '${project}'. See ${HELP}#project-name for more information.`;
}

/** E. name checks for a new project: refused when too similar to a hosted one (PyPI's rule). */
export function tooSimilar(name: string, existing: Iterable<string>): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/[._-]/g, '').replace(/[li]/g, '1').replace(/o/g, '0');
  const mine = squash(name);
  for (const e of existing) if (squash(e) === mine) return true;
  return false;
}

export { isValidName };
