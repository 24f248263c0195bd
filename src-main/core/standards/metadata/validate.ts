/**
 * Core metadata validation with pypa/packaging's rules (`Metadata.from_email`): unparsable
 * and unknown fields, a known Metadata-Version, the required Name and Version, fields used
 * before the Metadata-Version that introduced them (e.g. Dynamic needs 2.2, License-Expression
 * and License-File 2.4, Import-Name 2.5), and each field's own syntax — Requires-Dist as
 * PEP 508, Requires-Python as PEP 440 specifiers, Provides-Extra as names (PEP 685), Dynamic
 * (PEP 643), License-Expression (PEP 639), License-File paths, Import-Name (PEP 794),
 * Description-Content-Type.
 * https://packaging.python.org/en/latest/specifications/core-metadata/
 */
import { checkLicenseExpression } from '../../licenses/expression';
import { isValidName } from '../names';
import { SpecifierSet, tryParseVersion } from '../pep440';
import { parseRequirement } from '../pep508';
import { checkDescriptionContentType } from './content-type';
import { FIELDS, FIELD_BY_HEADER, FIELD_BY_KEY, METADATA_VERSIONS, metadataVersionIndex } from './fields';
import type { CoreMetadataFields } from './fields';
import type { ParsedCoreMetadata } from './parse';

export type MetadataProblemCode =
  | 'INVALID_DATA'
  | 'UNRECOGNIZED_FIELD'
  | 'INVALID_METADATA_VERSION'
  | 'FIELD_TOO_NEW'
  | 'REQUIRED'
  | 'INVALID_NAME'
  | 'INVALID_VERSION'
  | 'INVALID_SUMMARY'
  | 'INVALID_CONTENT_TYPE'
  | 'INVALID_DYNAMIC'
  | 'INVALID_EXTRA'
  | 'INVALID_REQUIRES_PYTHON'
  | 'INVALID_REQUIREMENT'
  | 'INVALID_LICENSE_EXPRESSION'
  | 'INVALID_LICENSE_FILE'
  | 'INVALID_IMPORT_NAME';

/** One validation finding; `field` is the lower-cased header name. */
export interface MetadataProblem {
  readonly field: string;
  readonly code: MetadataProblemCode;
  readonly message: string;
}

export interface ValidateOptions {
  /**
   * Report every problem. By default, as packaging does, unparsable or unknown fields are
   * reported alone (validation of the other fields is skipped).
   */
  readonly exhaustive?: boolean;
  /**
   * Checks an SPDX license expression; returns the problem or null. Defaults to the port of
   * `packaging.licenses` in core/licenses.
   */
  readonly checkLicenseExpression?: (expr: string) => string | null;
}

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);
const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

function checkImportName(value: string): string | null {
  const semi = value.indexOf(';');
  const name = (semi < 0 ? value : value.slice(0, semi)).replace(/\s+$/u, '');
  for (const id of name.split('.')) {
    if (!IDENTIFIER.test(id)) return `${JSON.stringify(name)} is invalid; ${JSON.stringify(id)} is not a valid identifier`;
    if (PY_KEYWORDS.has(id)) return `${JSON.stringify(name)} is invalid; ${JSON.stringify(id)} is a keyword`;
  }
  if (semi >= 0 && value.slice(semi + 1).replace(/^\s+/u, '') !== 'private') return `${JSON.stringify(value)} is invalid; the only valid option is 'private'`;
  return null;
}

function checkLicenseFile(path: string): string | null {
  if (path.includes('..')) return `${JSON.stringify(path)} is invalid, parent directory indicators are not allowed`;
  if (path.includes('*')) return `${JSON.stringify(path)} is invalid, paths must be resolved`;
  if (path.startsWith('/') || /^[A-Za-z]:[/\\]/.test(path) || /^[/\\]{2}[^/\\]+[/\\][^/\\]/.test(path)) return `${JSON.stringify(path)} is invalid, paths must be relative`;
  // pathlib.PureWindowsPath(path).as_posix() == path: `/` separators only, no empty or `.` segments.
  const segments = path.split('/');
  if (path.includes('\\') || (path !== '.' && segments.some((s) => s === '' || s === '.'))) return `${JSON.stringify(path)} is invalid, paths must use '/' delimiter`;
  return null;
}

function defaultLicenseCheck(expr: string): string | null {
  const r = checkLicenseExpression(expr);
  return r.ok ? null : r.error.message;
}

type Check = (value: never, add: (code: MetadataProblemCode, message: string) => void, opts: ValidateOptions) => void;

const CHECKS: Partial<Record<keyof CoreMetadataFields, Check>> = {
  name: (v: string | undefined, add) => {
    if (!v) add('REQUIRED', "'name' is a required field");
    else if (!isValidName(v)) add('INVALID_NAME', `${JSON.stringify(v)} is invalid for 'name'`);
  },
  version: (v: string | undefined, add) => {
    if (!v) add('REQUIRED', "'version' is a required field");
    else if (tryParseVersion(v) === null) add('INVALID_VERSION', `${JSON.stringify(v)} is invalid for 'version'`);
  },
  summary: (v: string, add) => {
    if (v.includes('\n')) add('INVALID_SUMMARY', "'summary' must be a single line");
  },
  descriptionContentType: (v: string, add) => {
    const problem = checkDescriptionContentType(v);
    if (problem) add('INVALID_CONTENT_TYPE', problem);
  },
  dynamic: (v: string[], add) => {
    for (const field of v.map((d) => d.toLowerCase())) {
      if (field === 'name' || field === 'version' || field === 'metadata-version') add('INVALID_DYNAMIC', `${JSON.stringify(field)} is not allowed as a dynamic field`);
      else if (!FIELD_BY_HEADER.has(field)) add('INVALID_DYNAMIC', `${JSON.stringify(field)} is not a valid dynamic field`);
    }
  },
  providesExtra: (v: string[], add) => {
    const bad = v.find((e) => !isValidName(e));
    if (bad !== undefined) add('INVALID_EXTRA', `${JSON.stringify(bad)} is invalid for 'provides-extra'`);
  },
  requiresPython: (v: string, add) => {
    if (SpecifierSet.tryParse(v) === null) add('INVALID_REQUIRES_PYTHON', `${JSON.stringify(v)} is invalid for 'requires-python'`);
  },
  requiresDist: (v: string[], add) => {
    for (const req of v) {
      try {
        parseRequirement(req);
      } catch (e) {
        add('INVALID_REQUIREMENT', `${JSON.stringify(req)} is invalid for 'requires-dist': ${(e as Error).message}`);
        return; // packaging stops at the first bad requirement
      }
    }
  },
  licenseExpression: (v: string, add, opts) => {
    const problem = (opts.checkLicenseExpression ?? defaultLicenseCheck)(v);
    if (problem) add('INVALID_LICENSE_EXPRESSION', `${JSON.stringify(v)} is invalid for 'license-expression': ${problem}`);
  },
  licenseFiles: (v: string[], add) => {
    for (const path of v) {
      const problem = checkLicenseFile(path);
      if (problem) return add('INVALID_LICENSE_FILE', `${problem} ('license-file')`);
    }
  },
  importNames: (v: string[], add) => {
    for (const name of v) {
      const problem = checkImportName(name);
      if (problem) return add('INVALID_IMPORT_NAME', `${problem} ('import-name')`);
    }
  },
  importNamespaces: (v: string[], add) => {
    for (const name of v) {
      const problem = checkImportName(name);
      if (problem) return add('INVALID_IMPORT_NAME', `${problem} ('import-namespace')`);
    }
  },
};

/**
 * Validate parsed core metadata. Returns every problem found (empty when valid); the
 * verdict matches `packaging.metadata.Metadata.from_email(..., validate=True)`.
 */
export function validateCoreMetadata(parsed: ParsedCoreMetadata | { fields: CoreMetadataFields; unparsed?: Readonly<Record<string, string[]>> }, opts: ValidateOptions = {}): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const key of Object.keys(parsed.unparsed ?? {})) {
    if (FIELD_BY_HEADER.has(key)) problems.push({ field: key, code: 'INVALID_DATA', message: `${JSON.stringify(key)} has invalid data` });
    else problems.push({ field: key, code: 'UNRECOGNIZED_FIELD', message: `unrecognized field: ${JSON.stringify(key)}` });
  }
  if (problems.length > 0 && !opts.exhaustive) return problems;
  const fields = parsed.fields;
  const mv = fields.metadataVersion;
  const age = metadataVersionIndex(mv);
  if (age < 0) {
    problems.push({ field: 'metadata-version', code: 'INVALID_METADATA_VERSION', message: `${mv === undefined ? 'None' : JSON.stringify(mv)} is not a valid metadata version (one of ${METADATA_VERSIONS.join(', ')})` });
  }
  for (const spec of FIELDS) {
    if (spec.key === 'metadataVersion') continue;
    const value = fields[spec.key];
    if (value === undefined && spec.key !== 'name' && spec.key !== 'version') continue;
    const field = spec.header.toLowerCase();
    if (age >= 0 && metadataVersionIndex(spec.added) > age) {
      problems.push({ field, code: 'FIELD_TOO_NEW', message: `${field} introduced in metadata version ${spec.added}, not ${mv}` });
      continue;
    }
    const check = CHECKS[spec.key];
    if (check) (check as (v: unknown, add: (c: MetadataProblemCode, m: string) => void, o: ValidateOptions) => void)(value, (code, message) => problems.push({ field, code, message }), opts);
  }
  return problems;
}

/** The header name of a CoreMetadataFields key (`requiresDist` → `Requires-Dist`). */
export function headerOf(key: keyof CoreMetadataFields): string {
  return FIELD_BY_KEY.get(key)?.header ?? key;
}
