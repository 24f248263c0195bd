import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPythonBatch } from '../../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../../testing/require-tool';
import { filenameName, filenameVersion, InvalidNameError, isNormalizedName, isValidName, normalizeExtra, normalizeName, validateName } from './index';

const script = fileURLToPath(new URL('./names.oracle.py', import.meta.url));
const { python, check } = pythonWithPackaging();

const nameChars = fc.constantFrom('a', 'B', 'z', '0', '9', '-', '_', '.', '--', ' ', 'é', 'İ', '+');
const nameArb = fc.oneof(fc.array(nameChars, { maxLength: 10 }).map((xs) => xs.join('')), fc.string({ maxLength: 12 }));

describe('names', () => {
  it('normalizes per PEP 503 / PEP 685', () => {
    expect(normalizeName('Oslo.Concurrency__x')).toBe('oslo-concurrency-x');
    expect(normalizeExtra('Foo_Bar')).toBe('foo-bar');
    expect(filenameName('Foo.Bar-baz')).toBe('foo_bar_baz');
    expect(filenameVersion('1.0.0-RC1')).toBe('1.0.0rc1');
    expect(filenameVersion('1.0.0', { stripTrailingZero: true })).toBe('1');
    expect([isValidName('a'), isValidName('a-'), isValidName('a.b_c-d'), isValidName('')]).toEqual([true, false, true, false]);
    expect(() => validateName('a b')).toThrow(InvalidNameError);
  });

  it('normalization is idempotent and yields normalized names', () => {
    fc.assert(
      fc.property(nameArb, (n) => {
        const once = normalizeName(n);
        expect(normalizeName(once)).toBe(once);
        if (isValidName(n)) expect(isNormalizedName(once)).toBe(true);
      }),
    );
  });

  it('validateName only throws InvalidNameError, with a position inside the name', () => {
    fc.assert(
      fc.property(nameArb, (n) => {
        try {
          validateName(n);
          expect(isValidName(n)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidNameError);
          expect((e as InvalidNameError).position).toBeLessThanOrEqual(n.length);
        }
      }),
    );
  });

  it.skipIf(skipUnless(check))('agrees with packaging.utils on 5,000 generated names', async () => {
    const names = fc.sample(nameArb, { numRuns: 5000, seed: 685 });
    const theirs = await runPythonBatch<string, [string, boolean, boolean]>(script, names, { python });
    const bad = names.filter((n, i) => JSON.stringify([normalizeName(n), isNormalizedName(n), isValidName(n)]) !== JSON.stringify(theirs[i]));
    console.log(`names differential: ${names.length} names, ${bad.length} mismatches`);
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
