/**
 * The license picker's catalogue: every id packaging accepts, with its name and flags.
 *
 * Validity and deprecation come from packaging's SPDX 3.27.0 table (spdx-data.ts). Names, URLs and
 * the OSI-approved flag come from the spdx-license-list npm package (a newer SPDX list that covers
 * every packaging id); FSF Free/Libre flags from SPDX's own data (data/fsf-libre.json, list 3.18:
 * `null` where SPDX recorded none). PEP 639 requires SPDX ids; these flags are informational.
 */
import spdxNames from 'spdx-license-list/spdx.json' with { type: 'json' };
import fsf from './data/fsf-libre.json' with { type: 'json' };
import { allExceptionEntries, allLicenseEntries, exceptionByLowerId, licenseByLowerId } from './spdx-data';
import { looseKey, popularity } from './suggest';

/** One license id as the picker shows it. */
export interface LicenseInfo {
  readonly id: string;
  readonly name: string;
  readonly url: string | null;
  readonly osiApproved: boolean;
  /** FSF Free/Libre per SPDX; null when SPDX has no record (e.g. ids added after list 3.18). */
  readonly fsfLibre: boolean | null;
  readonly deprecated: boolean;
}

/** One license exception id (used after WITH). */
export interface ExceptionInfo {
  readonly id: string;
  readonly deprecated: boolean;
}

interface NameEntry {
  readonly name: string;
  readonly url: string | null;
  readonly osiApproved: boolean;
}

const NAMES = new Map(Object.entries(spdxNames as unknown as Record<string, NameEntry>));
const FSF_LIBRE = new Set(fsf.libre);
const FSF_NOT_LIBRE = new Set(fsf.notLibre);

function info(id: string, deprecated: boolean): LicenseInfo {
  const n = NAMES.get(id);
  return {
    id,
    name: n?.name ?? id,
    url: n?.url || null,
    osiApproved: n?.osiApproved ?? false,
    fsfLibre: FSF_LIBRE.has(id) ? true : FSF_NOT_LIBRE.has(id) ? false : null,
    deprecated,
  };
}

const ALL: readonly LicenseInfo[] = allLicenseEntries().map((e) => info(e.id, e.deprecated));

/** Every license id packaging accepts (deprecated ones too unless excluded). */
export function listLicenses(options: { includeDeprecated?: boolean } = {}): readonly LicenseInfo[] {
  return options.includeDeprecated === false ? ALL.filter((l) => !l.deprecated) : ALL;
}

/** Details of one id, looked up case-insensitively; undefined when packaging does not accept it. */
export function getLicenseInfo(id: string): LicenseInfo | undefined {
  const entry = licenseByLowerId(id.toLowerCase());
  return entry ? info(entry.id, entry.deprecated) : undefined;
}

/** Every license exception packaging accepts. */
export function listExceptions(): readonly ExceptionInfo[] {
  return allExceptionEntries();
}

/** Details of one exception id, case-insensitively. */
export function getExceptionInfo(id: string): ExceptionInfo | undefined {
  return exceptionByLowerId(id.toLowerCase());
}

/** Options for the autocomplete searches. */
export interface SearchOptions {
  readonly limit?: number;
  readonly includeDeprecated?: boolean;
  readonly osiApprovedOnly?: boolean;
}

function score(query: string, id: string, name: string): number | undefined {
  const q = query.toLowerCase();
  const lid = id.toLowerCase();
  if (lid === q) return 0;
  if (lid.startsWith(q)) return 1;
  const key = looseKey(query);
  if (key !== '' && looseKey(id).startsWith(key)) return 2;
  if (lid.includes(q)) return 3;
  const lname = name.toLowerCase();
  if (q.split(/\s+/).every((w) => lname.includes(w))) return 4;
  return undefined;
}

/**
 * Licenses matching `query` for autocomplete: exact id, id prefix, loose id prefix
 * (`apache2` → Apache-2.0), id substring, then every word in the name. Deprecated ids are
 * left out unless asked for (PEP 639: they SHOULD draw a warning).
 */
export function searchLicenses(query: string, options: SearchOptions = {}): LicenseInfo[] {
  const q = query.trim();
  const pool = ALL.filter((l) => (options.includeDeprecated || !l.deprecated) && (!options.osiApprovedOnly || l.osiApproved));
  // Nothing typed yet: the common choices first.
  if (q === '') return [...pool].sort((a, b) => popularity(a.id) - popularity(b.id)).slice(0, options.limit ?? 20);
  return pool
    .map((l) => ({ l, s: score(q, l.id, l.name) }))
    .filter((x): x is { l: LicenseInfo; s: number } => x.s !== undefined)
    .sort((a, b) => a.s - b.s || popularity(a.l.id) - popularity(b.l.id) || a.l.id.length - b.l.id.length || a.l.id.localeCompare(b.l.id))
    .slice(0, options.limit ?? 20)
    .map((x) => x.l);
}

/** Exceptions matching `query` (id prefix first, then substring). */
export function searchExceptions(query: string, options: { limit?: number; includeDeprecated?: boolean } = {}): ExceptionInfo[] {
  const q = query.trim().toLowerCase();
  return allExceptionEntries()
    .filter((e) => options.includeDeprecated || !e.deprecated)
    .map((e) => ({ e, s: e.id.toLowerCase().startsWith(q) ? 0 : e.id.toLowerCase().includes(q) ? 1 : undefined }))
    .filter((x): x is { e: ExceptionInfo; s: number } => x.s !== undefined)
    .sort((a, b) => a.s - b.s || a.e.id.localeCompare(b.e.id))
    .slice(0, options.limit ?? 20)
    .map((x) => x.e);
}
