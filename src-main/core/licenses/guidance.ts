/**
 * Data for the wizard's guided license choice: a few well-known licenses per family, with a
 * factual one-line description and whether the text grants patent rights expressly.
 *
 * Sources (facts, not advice):
 * - choosealicense.com (github/choosealicense.com `_licenses/*.txt`): permissions/conditions,
 *   incl. the `patent-use` permission ("express grant of patent rights from contributors") and
 *   the `patent-use` limitation of CC0-1.0 and BSD-3-Clause-Clear.
 * - The license texts themselves (spdx-license-list): Apache-2.0 §3, MPL-2.0 §2.1, GPL-3.0 §11,
 *   LGPL-3.0 (incorporates GPL-3.0), AGPL-3.0 §11 and §13, EPL-2.0 §2(b), CC0-1.0 §4(a).
 * - GNU "Various Licenses and Comments about Them" for the GPL/LGPL/AGPL family scope.
 * OSI and FSF flags are read from the catalogue, not restated here.
 */
import { getLicenseInfo } from './catalog';
import { parseLicenseExpression, type LicenseNode } from './ast';

/** The families the wizard offers. */
export type LicenseFamily = 'public-domain-like' | 'permissive' | 'weak-copyleft' | 'strong-copyleft';

/** One family, for the first question of the guided choice. */
export interface FamilyInfo {
  readonly family: LicenseFamily;
  readonly title: string;
  readonly summary: string;
}

/** The families, least to most restrictive. */
export const LICENSE_FAMILIES: readonly FamilyInfo[] = [
  { family: 'public-domain-like', title: 'Public-domain-like', summary: 'Anyone may do anything with the code; not even attribution is required.' },
  { family: 'permissive', title: 'Permissive', summary: 'Anyone may use, change and redistribute, also in closed-source products, if they keep the copyright and license notice.' },
  { family: 'weak-copyleft', title: 'Weak copyleft', summary: 'Changes to your files (or library) must stay under the same license; larger works that use it may use any license.' },
  { family: 'strong-copyleft', title: 'Strong copyleft', summary: 'Anyone who distributes the program or a work based on it must release the whole under the same license.' },
];

/** A suggested expression with its facts. */
export interface LicenseSuggestion {
  readonly expression: string;
  readonly family: LicenseFamily;
  /** True when the license text grants patent rights expressly. */
  readonly patentGrant: boolean;
  readonly explanation: string;
  readonly osiApproved: boolean;
  readonly fsfLibre: boolean | null;
}

type Entry = Omit<LicenseSuggestion, 'osiApproved' | 'fsfLibre'>;

const ENTRIES: readonly Entry[] = [
  { expression: 'CC0-1.0', family: 'public-domain-like', patentGrant: false, explanation: 'Waives copyright where possible, with a permissive fallback license; states that no patent rights are granted (§4a).' },
  { expression: 'Unlicense', family: 'public-domain-like', patentGrant: false, explanation: 'Dedicates the work to the public domain, with a permissive fallback; says nothing about patents.' },
  { expression: '0BSD', family: 'public-domain-like', patentGrant: false, explanation: 'Zero-clause BSD: a permissive license with no conditions at all, not even keeping the notice.' },
  { expression: 'MIT-0', family: 'public-domain-like', patentGrant: false, explanation: 'The MIT license without the requirement to keep the notice.' },
  { expression: 'MIT', family: 'permissive', patentGrant: false, explanation: 'Short and widely used: keep the copyright and license notice; no express patent grant.' },
  { expression: 'BSD-3-Clause', family: 'permissive', patentGrant: false, explanation: 'Like MIT, plus: the names of the authors may not be used to endorse derived products.' },
  { expression: 'BSD-2-Clause', family: 'permissive', patentGrant: false, explanation: 'Like MIT in effect: keep the notice in source and binary distributions.' },
  { expression: 'ISC', family: 'permissive', patentGrant: false, explanation: 'Functionally like MIT and BSD-2-Clause, in simpler wording.' },
  { expression: 'Apache-2.0', family: 'permissive', patentGrant: true, explanation: 'Permissive with an express patent license from contributors, ended for anyone who sues over patents in the work; changed files must say so.' },
  { expression: 'MIT OR Apache-2.0', family: 'permissive', patentGrant: true, explanation: 'Dual license: users pick MIT or Apache-2.0 (the Apache option carries the patent grant).' },
  { expression: 'MPL-2.0', family: 'weak-copyleft', patentGrant: true, explanation: 'File-level copyleft: modified MPL files stay MPL, other files may use any license; express patent grant; GPL-compatible by default.' },
  { expression: 'LGPL-3.0-or-later', family: 'weak-copyleft', patentGrant: true, explanation: 'Library copyleft: changes to the library stay LGPL, programs that use it may use any license; GPL-3.0 patent terms apply.' },
  { expression: 'LGPL-2.1-or-later', family: 'weak-copyleft', patentGrant: false, explanation: 'The older LGPL: library copyleft without an express patent grant; users may choose later versions.' },
  { expression: 'EPL-2.0', family: 'weak-copyleft', patentGrant: true, explanation: 'Module-level copyleft with an express patent grant; GPL compatibility only if the Secondary License option is used.' },
  { expression: 'GPL-3.0-or-later', family: 'strong-copyleft', patentGrant: true, explanation: 'Distributed works based on it must be GPL too; express patent license (§11); users may choose later GPL versions.' },
  { expression: 'GPL-3.0-only', family: 'strong-copyleft', patentGrant: true, explanation: 'As GPL-3.0-or-later, but fixed to version 3.' },
  { expression: 'GPL-2.0-or-later', family: 'strong-copyleft', patentGrant: false, explanation: 'GPL version 2 or any later version; version 2 has no express patent grant.' },
  { expression: 'AGPL-3.0-or-later', family: 'strong-copyleft', patentGrant: true, explanation: 'GPL-3.0 plus: users who interact with a modified version over a network must be offered its source (§13).' },
];

/** Aggregate OSI/FSF flags: for `A OR B` one approved option suffices, for AND all must be. */
function flags(expression: string): { osiApproved: boolean; fsfLibre: boolean | null } {
  const ids = expression.split(/ (?:OR|AND) /);
  const infos = ids.map((id) => getLicenseInfo(id));
  const either = expression.includes(' OR ');
  const osi = infos.map((i) => i?.osiApproved ?? false);
  const fsf = infos.map((i) => i?.fsfLibre ?? null);
  return {
    osiApproved: either ? osi.some(Boolean) : osi.every(Boolean),
    fsfLibre: either ? (fsf.includes(true) ? true : fsf.includes(null) ? null : false) : fsf.includes(false) ? false : fsf.includes(null) ? null : true,
  };
}

/** Every suggestion, filtered by family and/or patent grant, in the order above. */
export function suggestLicenses(filter: { family?: LicenseFamily; patentGrant?: boolean } = {}): LicenseSuggestion[] {
  return ENTRIES.filter((e) => (filter.family === undefined || e.family === filter.family) && (filter.patentGrant === undefined || e.patentGrant === filter.patentGrant)).map((e) => ({ ...e, ...flags(e.expression) }));
}

const ORDER: readonly LicenseFamily[] = ['public-domain-like', 'permissive', 'weak-copyleft', 'strong-copyleft'];
const STRONG = /^(A?GPL-\d\.\d(-only|-or-later|\+)?|OSL-\d\.\d|Sleepycat)$/;
const WEAK = /^(LGPL-\d\.\d(-only|-or-later|\+)?|MPL-\d\.\d(-no-copyleft-exception)?|EPL-\d\.\d|CDDL-1\.[01]|CPL-1\.0|MS-RL)$/;

/**
 * The family of one SPDX id, where known (the suggestion table, then the GNU, MPL, EPL, CDDL
 * and other well-known copyleft ids); undefined otherwise.
 */
export function familyOfLicense(id: string): LicenseFamily | undefined {
  const known = ENTRIES.find((e) => e.expression.toLowerCase() === id.toLowerCase());
  if (known) return known.family;
  const canonical = getLicenseInfo(id.replace(/\+$/, ''))?.id;
  if (!canonical) return undefined;
  if (STRONG.test(canonical)) return 'strong-copyleft';
  if (WEAK.test(canonical)) return 'weak-copyleft';
  if (['Zlib', 'BSL-1.0', 'PSF-2.0', 'Python-2.0', 'UPL-1.0', 'BSD-2-Clause-Patent', 'X11', 'Artistic-2.0'].includes(canonical)) return 'permissive';
  return undefined;
}

/**
 * The family a dependency's expression obliges its users to, for the wizard's hints: the least
 * restrictive option of an OR, the most restrictive part of an AND (WITH exceptions are ignored).
 * Undefined when the expression is invalid or any needed id has no known family.
 */
export function familyOfExpression(expression: string): LicenseFamily | undefined {
  let ast: LicenseNode;
  try {
    ast = parseLicenseExpression(expression).ast;
  } catch {
    return undefined;
  }
  const walk = (n: LicenseNode): number | undefined => {
    switch (n.kind) {
      case 'license': {
        const f = familyOfLicense(n.id);
        return f === undefined ? undefined : ORDER.indexOf(f);
      }
      case 'group': return walk(n.body);
      case 'with': return walk(n.license);
      case 'and':
      case 'or': {
        const parts = n.operands.map(walk);
        if (n.kind === 'or') {
          const known = parts.filter((p): p is number => p !== undefined);
          return known.length ? Math.min(...known) : undefined;
        }
        return parts.includes(undefined) ? undefined : Math.max(...(parts as number[]));
      }
      default: return undefined;
    }
  };
  const rank = walk(ast);
  return rank === undefined ? undefined : ORDER[rank];
}
