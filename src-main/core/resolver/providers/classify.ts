/**
 * Turn a listed file name into a distribution (wheel or sdist) of the page's project.
 *
 * Wheels follow PEP 427's file name; sdists follow PEP 625 but older ones may have a dashed
 * name (`isort-metadata-4.3.4.tar.gz`) or a dashed version, so, as pip does, the project name
 * decides where the name ends. Files of another project (a misfiled link) are not this
 * project's and are reported, not used.
 */
import { parseSdistFilename, parseWheelFilename } from '../../standards/filenames';
import type { SdistFilename } from '../../standards/filenames';
import { normalizeName } from '../../standards/names';
import { tryParseVersion } from '../../standards/pep440';
import type { DistInfo } from './model';

const SDIST_EXTENSIONS = ['.tar.gz', '.zip', '.tar.bz2', '.tar.xz', '.tgz', '.tar'];

function sdistFor(filename: string, project: string): SdistFilename | 'invalid' | null {
  const ext = SDIST_EXTENSIONS.find((e) => filename.toLowerCase().endsWith(e));
  if (ext === undefined) return null;
  const stem = filename.slice(0, -ext.length);
  // Try every dash: the name is the prefix that normalizes to the project (pip's rule).
  for (let i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
    if (normalizeName(stem.slice(0, i)) !== project) continue;
    const version = tryParseVersion(stem.slice(i + 1));
    if (version === null) return 'invalid';
    try {
      const parsed = parseSdistFilename(`${stem.slice(0, i).replace(/-/g, '_')}-${stem.slice(i + 1).replace(/-/g, '_')}${ext}`, { allowLegacy: true });
      return { ...parsed, filename, nameAsWritten: stem.slice(0, i), versionAsWritten: stem.slice(i + 1) };
    } catch {
      return null;
    }
  }
  return null;
}

/** Classify a file for `project` (normalized); `reason` says why a file was not usable. */
export function classifyFile(filename: string, project: string): { dist: DistInfo; version: string | null; reason: string | null } {
  if (filename.endsWith('.whl')) {
    try {
      const wheel = parseWheelFilename(filename);
      if (wheel.name !== project) return { dist: { kind: 'other' }, version: null, reason: `wheel ${filename} is not a distribution of ${project}` };
      return { dist: { kind: 'wheel', wheel }, version: wheel.version, reason: null };
    } catch (e) {
      return { dist: { kind: 'other' }, version: null, reason: (e as Error).message };
    }
  }
  const sdist = sdistFor(filename, project);
  if (sdist === 'invalid') return { dist: { kind: 'other' }, version: null, reason: `sdist ${filename} has no valid PEP 440 version` };
  if (sdist) return { dist: { kind: 'sdist', sdist }, version: sdist.version, reason: null };
  return { dist: { kind: 'other' }, version: null, reason: null };
}
