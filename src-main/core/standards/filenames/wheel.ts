/**
 * Wheel file names: `{distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl`
 * (PEP 427, PEP 491; https://packaging.python.org/en/latest/specifications/binary-distribution-format/#file-name-convention).
 *
 * `parseWheelFilename` accepts exactly what `packaging.utils.parse_wheel_filename` accepts and
 * normalizes the same way; `checkWheelFilename` adds what the spec and PyPI require beyond
 * that (normalized name and version, sorted tag sets, platform tags PyPI takes).
 */
import { filenameName, isValidName, normalizeName } from '../names';
import type { NormalizedName } from '../names';
import { tryParseVersion } from '../pep440';
import { TagError, expandTagSet, formatTagSet, parseTagSet } from '../tags';
import type { Tag, TagSet } from '../tags';
import { InvalidWheelFilenameError } from './errors';
import type { FilenameProblem } from './errors';

/** A PEP 427 build tag: leading digits (compared as a number), then the rest (compared as text). */
export interface BuildTag {
  readonly number: bigint;
  readonly suffix: string;
  /** As written. */
  readonly text: string;
}

/** A parsed wheel file name. */
export interface WheelFilename {
  readonly filename: string;
  /** PEP 503-normalized project name. */
  readonly name: NormalizedName;
  readonly nameAsWritten: string;
  /** PEP 440-normalized version. */
  readonly version: string;
  readonly versionAsWritten: string;
  readonly build: BuildTag | null;
  /** The compressed tag set as written. */
  readonly tagSet: TagSet;
  /** Its distinct tags (lower-cased). */
  readonly tags: readonly Tag[];
}

/** Python's `\w` (letters and numbers of any script, `_`) plus `.`; `$` also matches before a final newline. */
const NAME_PART = /^[\p{L}\p{N}_.]*\n?$/u;

/**
 * Parse a wheel file name. Throws InvalidWheelFilenameError with code EXTENSION, PARTS, NAME,
 * VERSION, BUILD or UNSORTED_TAGS (the last only with `validateOrder`).
 */
export function parseWheelFilename(filename: string, opts: { validateOrder?: boolean } = {}): WheelFilename {
  const fail = (code: InvalidWheelFilenameError['code'], why: string): never => {
    throw new InvalidWheelFilenameError(code, filename, `Invalid wheel filename (${why}): ${JSON.stringify(filename)}`);
  };
  if (!filename.endsWith('.whl')) fail('EXTENSION', "extension must be '.whl'");
  const stem = filename.slice(0, -4);
  const pieces = stem.split('-');
  const dashes = pieces.length - 1;
  if (dashes !== 4 && dashes !== 5) fail('PARTS', `expected 5 or 6 '-'-separated parts, found ${dashes + 1}`);
  const [namePart, versionPart] = pieces as [string, string];
  const tagText = pieces.slice(-3).join('-');
  if (namePart.includes('__') || !NAME_PART.test(namePart)) fail('NAME', 'invalid project name');
  const version = tryParseVersion(versionPart);
  if (version === null) fail('VERSION', 'invalid version');
  let build: BuildTag | null = null;
  if (dashes === 5) {
    const buildPart = pieces[2] as string;
    const m = /^([0-9]+)([^\n]*)/.exec(buildPart);
    if (!m) fail('BUILD', `build tag ${JSON.stringify(buildPart)} must start with a digit`);
    else build = { number: BigInt(m[1] as string), suffix: m[2] as string, text: buildPart };
  }
  let tagSet: TagSet;
  try {
    tagSet = parseTagSet(tagText, { validateOrder: opts.validateOrder ?? false });
  } catch (e) {
    if (e instanceof TagError && e.code === 'UNSORTED') fail('UNSORTED_TAGS', 'compressed tag set components must be in sorted order per PEP 425');
    throw e;
  }
  return {
    filename,
    name: normalizeName(namePart),
    nameAsWritten: namePart,
    version: String(version),
    versionAsWritten: versionPart,
    build,
    tagSet,
    tags: expandTagSet(tagSet),
  };
}

/** Platform tags PyPI accepts on upload (index-apis.md §7, warehouse's list). */
const PYPI_PLATFORM = [
  /^(any|win32|win_amd64|win_arm64|win_ia64|linux_armv6l|linux_armv7l)$/,
  /^manylinux(1|2010)_(x86_64|i686)$/,
  /^manylinux2014_(x86_64|i686|aarch64|armv7l|ppc64|ppc64le|s390x)$/,
  /^manylinux_\d+_\d+_(x86_64|i686|aarch64|armv7l|ppc64le|s390x|riscv64|ppc64)$/,
  /^musllinux_\d+_\d+_(x86_64|i686|aarch64|armv7l|ppc64le|s390x|riscv64)$/,
  /^macosx_10_\d+_(ppc|ppc64|i386|x86_64|arm64|intel|fat|fat3|fat32|fat64|universal|universal2)$/,
  /^macosx_(1[1-5]|26)_0_(x86_64|arm64|universal2)$/,
  /^ios_\d+_\d+_(arm64|x86_64)_(iphoneos|iphonesimulator)$/,
  /^android_\d+_(arm64_v8a|armeabi_v7a|x86|x86_64)$/,
  /^pyemscripten_\d+_\d+_wasm32$/,
];

/** True when PyPI accepts this platform tag on a wheel. */
export function isPypiPlatformTag(platform: string): boolean {
  return PYPI_PLATFORM.some((re) => re.test(platform));
}

/** Findings beyond parsing: what the binary distribution format and PyPI require. */
export function checkWheelFilename(w: WheelFilename): FilenameProblem[] {
  const problems: FilenameProblem[] = [];
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f/\\]/.test(w.filename)) problems.push({ code: 'BAD_CHARACTERS', message: "Cannot upload a file with non-printable characters, '/' or '\\' in the name." });
  if (!isValidName(w.nameAsWritten)) problems.push({ code: 'INVALID_NAME', message: `${JSON.stringify(w.nameAsWritten)} is not a valid project name` });
  else if (w.nameAsWritten !== filenameName(w.nameAsWritten)) {
    problems.push({ code: 'NAME_NOT_NORMALIZED', message: `Filename ${JSON.stringify(w.filename)} should contain the normalized project name ${JSON.stringify(filenameName(w.nameAsWritten))}, not ${JSON.stringify(w.nameAsWritten)}.` });
  }
  if (w.versionAsWritten !== w.version) problems.push({ code: 'VERSION_NOT_NORMALIZED', message: `Version in filename should be ${JSON.stringify(w.version)} not ${JSON.stringify(w.versionAsWritten)}.` });
  const parts = [w.tagSet.interpreters, w.tagSet.abis, w.tagSet.platforms];
  if (parts.some((p) => p.some((t) => t === ''))) problems.push({ code: 'EMPTY_TAG', message: 'A tag component is empty' });
  // Unsorted components are not flagged: auditwheel writes `manylinux_2_17_x86_64.manylinux2014_x86_64`
  // (priority order) and PyPI accepts it; `parseWheelFilename(..., { validateOrder })` checks order.
  for (const platform of new Set(w.tagSet.platforms.map((p) => p.toLowerCase()))) {
    if (!isPypiPlatformTag(platform)) problems.push({ code: 'UNSUPPORTED_PLATFORM_TAG', message: `Binary wheel ${JSON.stringify(w.filename)} has an unsupported platform tag ${JSON.stringify(platform)}.` });
  }
  return problems;
}

/** The parts of a wheel file name to format. */
export interface WheelFilenameParts {
  readonly name: string;
  readonly version: string;
  readonly build?: string | null;
  readonly tagSet: TagSet;
}

/**
 * Format a wheel file name the way the spec asks: normalized `_`-escaped name, normalized
 * version, and sorted, de-duplicated tag components. Throws on an invalid name or version.
 */
export function formatWheelFilename(parts: WheelFilenameParts): string {
  if (!isValidName(parts.name)) throw new InvalidWheelFilenameError('NAME', parts.name, `Invalid project name ${JSON.stringify(parts.name)}`);
  const version = tryParseVersion(parts.version);
  if (version === null) throw new InvalidWheelFilenameError('VERSION', parts.version, `Invalid version ${JSON.stringify(parts.version)}`);
  if (parts.build != null && !/^[0-9][A-Za-z0-9_.]*$/.test(parts.build)) {
    throw new InvalidWheelFilenameError('BUILD', parts.build, `Invalid build tag ${JSON.stringify(parts.build)}`);
  }
  const build = parts.build != null ? `-${parts.build}` : '';
  return `${filenameName(parts.name)}-${String(version).replace(/-/g, '_')}${build}-${formatTagSet(parts.tagSet)}.whl`;
}
