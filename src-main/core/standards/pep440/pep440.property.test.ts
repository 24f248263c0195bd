/**
 * Property tests (fast-check) for the PEP 440 parsers: no input throws anything but the typed
 * error (with a position inside the input), and format → parse round-trips.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genSpecifierSet, genVersion, Rng } from './corpus.testkit';
import { compareVersions, InvalidSpecifierError, InvalidVersionError, parseVersion, Specifier, SpecifierSet, tryParseVersion, VersionSet } from './index';

const TOKENS = ['1', '0', '2', '10', '.', '-', '_', '!', '+', '*', 'v', 'a', 'b', 'c', 'rc', 'alpha', 'pre', 'post', 'r', 'dev', 'x', ' ', '\t', '\u00a0', ',', '=', '==', '!=', '~=', '<', '>', '<=', '>=', '===', 'é', '\ufeff', ';', ')'];
const tokenString = fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((xs) => xs.join(''));
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }), tokenString);
const versionText = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => genVersion(new Rng(seed)));
const setText = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => genSpecifierSet(new Rng(seed)));

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('parsers only throw their typed errors', () => {
  it('parseVersion', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, versionText), (s) => {
        const e = thrown(() => parseVersion(s));
        if (e === undefined) return;
        expect(e).toBeInstanceOf(InvalidVersionError);
        const err = e as InvalidVersionError;
        expect(err.input).toBe(s);
        expect(err.position).toBeGreaterThanOrEqual(0);
        expect(err.position).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('Specifier.parse and SpecifierSet.parse', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, setText), (s) => {
        for (const f of [() => SpecifierSet.parse(s), () => Specifier.parse(s)]) {
          const e = thrown(f);
          if (e === undefined) continue;
          expect(e).toBeInstanceOf(InvalidSpecifierError);
          const err = e as InvalidSpecifierError;
          expect(err.position).toBeGreaterThanOrEqual(0);
          expect(err.position).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('contains, filter and VersionSet never throw on parsed input', () => {
    fc.assert(
      fc.property(setText, fc.oneof(anyString, versionText), fc.constantFrom(true, false, null), (ss, v, p) => {
        const set = SpecifierSet.tryParse(ss);
        if (set === null) return;
        set.contains(v, { prereleases: p });
        set.filter([v, '1.0', '1.0a1'], { prereleases: p });
        VersionSet.fromSpecifierSet(set).toString();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('format → parse round-trips', () => {
  it('versions', () => {
    fc.assert(
      fc.property(versionText, (s) => {
        const v = tryParseVersion(s);
        if (v === null) return;
        const again = parseVersion(v.toString());
        expect(again.toString()).toBe(v.toString());
        expect(compareVersions(again, v)).toBe(0);
        expect(again.parts()).toEqual(v.parts());
      }),
      { numRuns: 3000 },
    );
  });

  it('specifier sets', () => {
    fc.assert(
      fc.property(setText, versionText, (text, cand) => {
        const ss = SpecifierSet.tryParse(text);
        if (ss === null) return;
        const again = SpecifierSet.parse(ss.toString());
        expect(again.toString()).toBe(ss.toString());
        expect(again.equals(ss)).toBe(true);
        // De-duplication can merge clauses packaging treats differently (`~=v1.0` matches
        // nothing, `~=1.0` does): compare behaviour only when nothing was merged.
        if (ss.canonicalSpecifiers().length === ss.specifiers.length) expect(again.contains(cand)).toBe(ss.contains(cand));
        for (const sp of ss.specifiers) expect(Specifier.parse(sp.toString()).toString()).toBe(sp.toString());
      }),
      { numRuns: 3000 },
    );
  });
});
