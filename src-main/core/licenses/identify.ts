/**
 * Guess SPDX candidates from free text: a legacy `license = {text = "..."}` value or the first
 * lines of a LICENSE file.
 *
 * Guesses are candidates for the user to pick, never a decision: PEP 639 ("Converting legacy
 * metadata") forbids filling `license` from the legacy License value without the user's
 * affirmative action, and a text such as a GPL body cannot tell `-only` from `-or-later`.
 */
import { checkLicenseExpression } from './expression';
import { listLicenses } from './catalog';
import { looseKey, popularity, suggestLicenseIds } from './suggest';

/** What free text says about the license. */
export interface TextIdentification {
  /** The canonical expression when the text already is a valid SPDX expression. */
  readonly expression: string | null;
  /** Candidate ids (or expressions), most likely first; empty when nothing was recognised. */
  readonly candidates: readonly string[];
  readonly how: 'spdx-expression' | 'short-name' | 'license-title' | 'unrecognised';
}

const TITLE_CHARS = 200;
const stripRange = (key: string): string => key.replace(/(only|orlater)$/, '');

/**
 * Identify `text`. Short one-line values are read as a name (`Apache 2.0`, `MIT License`,
 * `GPLv3`); longer texts by the license title on their first lines (`GNU GENERAL PUBLIC
 * LICENSE Version 3` → GPL-3.0-only, GPL-3.0-or-later).
 */
export function identifyLicenseText(text: string): TextIdentification {
  const trimmed = text.trim();
  if (trimmed === '') return { expression: null, candidates: [], how: 'unrecognised' };
  const asExpression = checkLicenseExpression(trimmed);
  if (asExpression.ok) return { expression: asExpression.canonical, candidates: [asExpression.canonical], how: 'spdx-expression' };
  if (!trimmed.includes('\n') && trimmed.length <= 80) {
    const key = looseKey(trimmed);
    const byName = listLicenses({ includeDeprecated: false }).filter((l) => stripRange(looseKey(l.name)) === key || looseKey(l.id) === key);
    const ids = byName.length > 0 ? byName.map((l) => l.id) : suggestLicenseIds(trimmed.replace(/\s+/g, '-'), 4);
    return { expression: null, candidates: ids, how: ids.length ? 'short-name' : 'unrecognised' };
  }
  const head = looseKey(trimmed.slice(0, TITLE_CHARS));
  const byTitle = listLicenses({ includeDeprecated: false })
    .filter((l) => {
      const k = stripRange(looseKey(l.name));
      return k.length >= 3 && head.startsWith(k);
    })
    .sort((a, b) => looseKey(b.name).length - looseKey(a.name).length || popularity(a.id) - popularity(b.id));
  // Keep only the longest title that matched (and its -only / -or-later siblings).
  const best = byTitle[0] ? stripRange(looseKey(byTitle[0].name)) : undefined;
  const ids = byTitle.filter((l) => stripRange(looseKey(l.name)) === best).map((l) => l.id);
  return { expression: null, candidates: ids, how: ids.length ? 'license-title' : 'unrecognised' };
}
