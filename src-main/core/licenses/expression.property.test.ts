/**
 * Properties of the canonicaliser, for any input: it returns or throws LicenseExpressionError
 * (nothing else), canonicalisation is idempotent, and the AST formats back to the canonical text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLicenseAst, parseLicenseExpression } from './ast';
import { deepExpressions, mutatedExpressions, validExpressions } from './expression-corpus';
import { canonicalizeLicenseExpression, type LicenseRules } from './expression';
import { LicenseExpressionError } from './expression-error';

const RULES: readonly LicenseRules[] = ['strict', 'packaging-26.2'];

// Pieces that make parser-shaped strings: real ids in odd case, operators, parentheses,
// LicenseRef- forms, junk, and whitespace Python does and does not split on.
const piece = fc.oneof(
  fc.constantFrom('MIT', 'mit', 'Apache-2.0', 'GPL-2.0+', 'gpl-3.0-or-later', 'BSD-3-Clause', 'Classpath-exception-2.0', 'LLVM-exception', 'MITT', 'Foo'),
  fc.constantFrom('AND', 'and', 'OR', 'Or', 'WITH', 'with', '(', ')', '()', '+'),
  fc.constantFrom('LicenseRef-', 'LicenseRef-x', 'licenseref-X.1', 'LicenseRef-a_b', 'LicenseRef-x+', 'DocumentRef-a:LicenseRef-b'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const sep = fc.constantFrom(' ', '', '  ', '\t', '\n', '\u00a0', '\u2003', '\x1c', '\x85', '\u200b', '\ufeff');
const shaped = fc.array(fc.tuple(piece, sep), { maxLength: 12 }).map((xs) => xs.map(([p, s]) => p + s).join(''));
const anyInput = fc.oneof(shaped, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

function attempt(raw: string, rules: LicenseRules): string | LicenseExpressionError {
  try {
    return canonicalizeLicenseExpression(raw, { rules }).canonical;
  } catch (err) {
    if (err instanceof LicenseExpressionError) return err;
    throw err;
  }
}

describe('canonicalizeLicenseExpression properties', () => {
  it('throws only LicenseExpressionError, and the error points inside the input', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...RULES), (raw, rules) => {
        const r = attempt(raw, rules);
        if (r instanceof LicenseExpressionError) {
          expect(r.offset).toBeGreaterThanOrEqual(0);
          expect(r.offset + r.length).toBeLessThanOrEqual(raw.length);
          expect(r.packagingMessage.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: canonical(canonical(x)) === canonical(x)', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...RULES), (raw, rules) => {
        const r = attempt(raw, rules);
        if (typeof r === 'string') expect(canonicalizeLicenseExpression(r, { rules }).canonical).toBe(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('formats the AST back to the canonical text', () => {
    fc.assert(
      fc.property(shaped, fc.constantFrom(...RULES), (raw, rules) => {
        const r = attempt(raw, rules);
        if (typeof r === 'string') expect(formatLicenseAst(parseLicenseExpression(raw, { rules }).ast)).toBe(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('formats the AST back to the canonical text on the generated corpus', () => {
    const corpus = [...validExpressions(639, 2500), ...mutatedExpressions(2024, 3500), ...deepExpressions(7, 60)];
    let valid = 0;
    for (const raw of corpus) {
      for (const rules of RULES) {
        const r = attempt(raw, rules);
        if (typeof r !== 'string') continue;
        valid += 1;
        expect(formatLicenseAst(parseLicenseExpression(raw, { rules }).ast)).toBe(r);
        expect(canonicalizeLicenseExpression(r, { rules }).canonical).toBe(r);
      }
    }
    expect(valid).toBeGreaterThan(5000);
  });
});
