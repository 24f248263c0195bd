/**
 * "Did you mean" suggestions for unknown license and exception ids.
 *
 * Suggestions are only ever shown, never applied: PEP 639 ("Converting legacy metadata")
 * forbids filling `license` from a guess without the user's affirmative action, and common
 * spellings such as `GPLv3` or `BSD` are ambiguous (PEP 639 appendix on classifiers).
 */
import { allExceptionEntries, allLicenseEntries, type SpdxEntry } from './spdx-data';

/**
 * A loose key for comparing spellings: lower-case, `v3`→`3`, `2.0`→`2`, words "license" and
 * "version" dropped, then letters and digits only. `Apache 2.0`, `apache-2` and `Apache-2.0` share `apache2`.
 */
export function looseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/licen[cs]e|version/g, '')
    .replace(/(\d)\.0(?!\d)/g, '$1')
    .replace(/v(?=\d)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

// Two reusable DP rows: suggestions run on every rejected keystroke, so avoid allocations.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length] as number;
}

// Suffixes a loose prefix match may add: `gpl3` → `gpl3only`, `gpl3orlater`.
const VERSION_SUFFIXES = new Set(['', 'only', 'orlater']);

// Widely used ids, preferred when a loose prefix matches many (`bsd` → BSD-3-Clause first).
// Common choices (choosealicense.com's list plus the GNU -only/-or-later family), most common first.
const POPULAR = [
  'MIT', 'Apache-2.0', 'BSD-3-Clause', 'BSD-2-Clause', 'GPL-3.0-or-later', 'GPL-3.0-only',
  'LGPL-3.0-or-later', 'MPL-2.0', 'GPL-2.0-or-later', 'GPL-2.0-only', 'LGPL-2.1-or-later',
  'AGPL-3.0-or-later', 'ISC', 'Unlicense', 'CC0-1.0', 'PSF-2.0', '0BSD', 'Zlib', 'EPL-2.0',
];
/** Rank of an id among common choices (lower is more common; unknown ids share the last rank). */
export const popularity = (id: string): number => {
  const i = POPULAR.indexOf(id);
  return i < 0 ? POPULAR.length : i;
};

interface Keyed {
  readonly entry: SpdxEntry;
  readonly lower: string;
  readonly key: string;
}
const keyed = (entries: readonly SpdxEntry[]): readonly Keyed[] => entries.map((entry) => ({ entry, lower: entry.id.toLowerCase(), key: looseKey(entry.id) }));
let licenseKeys: readonly Keyed[] | undefined;
let exceptionKeys: readonly Keyed[] | undefined;

function rank(query: string, entries: readonly Keyed[], limit: number): string[] {
  const lower = query.toLowerCase();
  const key = looseKey(query);
  const maxDistance = lower.length <= 4 ? 1 : 2;
  const scored: { id: string; score: number }[] = [];
  for (const { entry: e, lower: idLower, key: idKey } of entries) {
    let score: number | undefined;
    if (key !== '' && idKey === key) score = 0;
    else if (key.length >= 3 && idKey.startsWith(key) && VERSION_SUFFIXES.has(idKey.slice(key.length))) score = 1;
    else if (key.length >= 3 && idKey.startsWith(key) && popularity(e.id) < POPULAR.length) score = 2;
    else {
      const d = editDistance(lower, idLower, maxDistance);
      if (d <= maxDistance) score = 1 + d;
    }
    // Deprecated ids are still valid but never what we want to recommend first.
    if (score !== undefined) scored.push({ id: e.id, score: score + (e.deprecated ? 10 : 0) });
  }
  scored.sort((x, y) => x.score - y.score || popularity(x.id) - popularity(y.id) || x.id.length - y.id.length || x.id.localeCompare(y.id));
  // Offer deprecated ids only when nothing current is close.
  const current = scored.filter((s) => s.score < 10);
  return (current.length > 0 ? current : scored).slice(0, limit).map((s) => s.id);
}

/** Up to `limit` license ids close to `token` (a trailing `+` is ignored). */
export function suggestLicenseIds(token: string, limit = 3): string[] {
  licenseKeys ??= keyed(allLicenseEntries());
  return rank(token.endsWith('+') ? token.slice(0, -1) : token, licenseKeys, limit);
}

/** Up to `limit` exception ids close to `token`. */
export function suggestExceptionIds(token: string, limit = 3): string[] {
  exceptionKeys ??= keyed(allExceptionEntries());
  return rank(token, exceptionKeys, limit);
}

/**
 * Replace characters a LicenseRef- idstring may not hold (SPDX: letters, digits, `.`, `-`).
 *
 * Returns undefined when nothing usable remains.
 */
export function repairLicenseRef(token: string): string | undefined {
  const body = token.slice('LicenseRef-'.length).replace(/\+$/, '').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  return body === '' ? undefined : `LicenseRef-${body}`;
}
