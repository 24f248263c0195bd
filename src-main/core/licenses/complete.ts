/**
 * Autocomplete for the license expression builder and the `license` value in the editor.
 *
 * Given the text and a cursor, says what may come next (SPDX 2.2 Annex D grammar as packaging
 * accepts it): a license id, `LicenseRef-` or `(` where an operand is expected; an exception
 * right after WITH; AND / OR / WITH / `)` after an operand.
 */
import { getLicenseInfo, searchExceptions, searchLicenses } from './catalog';
import { isPyWhitespace } from './py-text';
import { tokenize } from './tokens';

/** One completion item. */
export interface LicenseCompletion {
  readonly label: string;
  readonly insertText: string;
  readonly kind: 'license' | 'license-ref' | 'exception' | 'operator' | 'paren';
  readonly detail?: string;
  readonly osiApproved?: boolean;
  readonly deprecated?: boolean;
}

/** What to replace (`from`..`to`, UTF-16 offsets) and the candidates. */
export interface CompletionResult {
  readonly from: number;
  readonly to: number;
  readonly expecting: 'license' | 'exception' | 'operator';
  readonly items: readonly LicenseCompletion[];
}

const isWordChar = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return i >= 0 && i < text.length && !isPyWhitespace(c) && c !== 0x28 && c !== 0x29;
};

/** Completions at `cursor` (defaults to the end of the text). */
export function completeLicenseExpression(text: string, cursor: number = text.length, limit = 30): CompletionResult {
  let from = Math.max(0, Math.min(cursor, text.length));
  while (isWordChar(text, from - 1)) from -= 1;
  let to = from;
  while (isWordChar(text, to)) to += 1;
  const prefix = text.slice(from, Math.max(from, cursor));
  const before = tokenize(text.slice(0, from));
  let expectOperand = true;
  let depth = 0;
  for (const t of before) {
    if (t.kind === 'lparen') depth += 1;
    else if (t.kind === 'rparen') depth -= 1;
    expectOperand = t.kind === 'and' || t.kind === 'or' || t.kind === 'with' || t.kind === 'lparen';
  }
  const last = before[before.length - 1];
  if (last?.kind === 'with') {
    const items = searchExceptions(prefix, { limit }).map((e): LicenseCompletion => ({ label: e.id, insertText: e.id, kind: 'exception', deprecated: e.deprecated }));
    return { from, to, expecting: 'exception', items };
  }
  if (expectOperand) {
    const items: LicenseCompletion[] = searchLicenses(prefix, { limit }).map((l) => ({
      label: l.id, insertText: l.id, kind: 'license', detail: l.name, osiApproved: l.osiApproved, deprecated: l.deprecated,
    }));
    if ('licenseref-'.startsWith(prefix.toLowerCase()) || prefix.toLowerCase().startsWith('licenseref-')) {
      items.push({ label: 'LicenseRef-…', insertText: prefix.toLowerCase().startsWith('licenseref-') ? `LicenseRef-${prefix.slice(11)}` : 'LicenseRef-', kind: 'license-ref', detail: 'a license not on the SPDX list (letters, digits, . and -)' });
    }
    if (prefix === '') items.push({ label: '(', insertText: '(', kind: 'paren' });
    return { from, to, expecting: 'license', items };
  }
  const ops = ['AND', 'OR'];
  // WITH follows a single license (strict rules), never a group or an exception.
  const lastLicense = last?.kind === 'operand' && before[before.length - 2]?.kind !== 'with';
  if (lastLicense && (getLicenseInfo(last.text.replace(/\+$/, '')) || /^licenseref-/i.test(last.text))) ops.push('WITH');
  const items: LicenseCompletion[] = ops.filter((op) => op.startsWith(prefix.toUpperCase())).map((op) => ({ label: op, insertText: op, kind: 'operator' }));
  if (depth > 0 && prefix === '') items.push({ label: ')', insertText: ')', kind: 'paren' });
  return { from, to, expecting: 'operator', items };
}
