/**
 * The one place the index server reaches into the standards core (PEP 440 versions, PEP 503
 * names, wheel/sdist filenames), so the rest of the server depends on a small surface.
 */
import { InvalidFilenameError, isPypiPlatformTag, parseSdistFilename as parseSdist, parseWheelFilename as parseWheel } from '../standards/filenames';
import { normalizeName as normalize } from '../standards/names';
import { canonicalizeVersion, compareVersions, SpecifierSet, tryParseVersion, type Version } from '../standards/pep440';

export { canonicalizeVersion, compareVersions, tryParseVersion, type Version };

/** PEP 503 normalization: runs of `-_.` become `-`, lower-cased. */
export function normalizeName(name: string): string {
  return normalize(name);
}

/** Requires-Python as PyPI stores it: `str(SpecifierSet(v))` (clauses sorted), or as given. */
export function normalizeRequiresPython(v: string | null | undefined): string | null {
  if (!v) return null;
  return SpecifierSet.tryParse(v)?.toString() ?? v;
}

/** A parsed distribution filename. */
export interface DistFilename {
  readonly kind: 'wheel' | 'sdist';
  /** Normalized project name. */
  readonly name: string;
  /** The name as written in the filename. */
  readonly nameAsWritten: string;
  readonly version: Version;
  readonly versionAsWritten: string;
  /** Platform tags (wheels only; compressed tag sets expanded). */
  readonly platforms: readonly string[];
}

function pyQuoted(filename: string): string {
  return filename.includes("'") && !filename.includes('"') ? `"${filename}"` : `'${filename.replace(/'/g, "\\'")}'`;
}

/** Parse a wheel filename; throws with packaging's message (as PyPI shows it) on failure. */
export function parseWheelFilename(filename: string): DistFilename {
  try {
    const w = parseWheel(filename);
    return {
      kind: 'wheel',
      name: w.name,
      nameAsWritten: w.nameAsWritten,
      version: tryParseVersion(w.version)!,
      versionAsWritten: w.versionAsWritten,
      platforms: [...new Set(w.tags.map((t) => t.platform))],
    };
  } catch (err) {
    if (!(err instanceof InvalidFilenameError)) throw err;
    const q = pyQuoted(filename);
    const why: Record<string, string> = {
      EXTENSION: `Invalid wheel filename (extension must be '.whl'): ${q}`,
      PARTS: `Invalid wheel filename (wrong number of parts): ${q}`,
      NAME: `Invalid project name: ${q}`,
      VERSION: `Invalid wheel filename (invalid version): ${q}`,
      BUILD: `Invalid build number: ${filename.slice(0, -4).split('-')[2] ?? ''} in ${q}`,
    };
    throw new Error(why[err.code] ?? err.message);
  }
}

/** Parse `name-version.tar.gz` / `.zip`; throws on failure. */
export function parseSdistFilename(filename: string): DistFilename {
  const s = parseSdist(filename);
  return { kind: 'sdist', name: s.name, nameAsWritten: s.nameAsWritten, version: tryParseVersion(s.version)!, versionAsWritten: s.versionAsWritten, platforms: [] };
}

/** Parse either kind; null when the name is neither a valid wheel nor sdist filename. */
export function tryParseDistFilename(filename: string): DistFilename | null {
  try {
    return filename.endsWith('.whl') ? parseWheelFilename(filename) : parseSdistFilename(filename);
  } catch {
    return null;
  }
}

export { isPypiPlatformTag };
