import { describe, expect, it } from 'vitest';
import { InvalidSpecifierError, parseVersion, Specifier, SpecifierSet } from './index';

describe('SpecifierSet', () => {
  it('applies the exclusive-comparison rules (PEP 440; packse post/local scenarios)', () => {
    const gt = SpecifierSet.parse('>1.2.3');
    expect(['1.2.3.post1', '1.2.3+foo', '1.2.4'].map((v) => gt.contains(v))).toEqual([false, false, true]);
    expect(SpecifierSet.parse('>1.2.3.post1').contains('1.2.3.post2')).toBe(true);
    const lt = SpecifierSet.parse('<0.2.0');
    expect(lt.filter(['0.1.0a1', '0.2.0a1'])).toEqual(['0.1.0a1']);
    expect(SpecifierSet.parse('<0.2.0a2').contains('0.2.0a1')).toBe(true);
  });

  it('follows the pre-release policy', () => {
    const s = SpecifierSet.parse('>=1.2.3');
    expect(s.filter(['1.2', '1.3', '1.5a1'])).toEqual(['1.3']);
    expect(s.filter(['1.2', '1.5a1'])).toEqual(['1.5a1']);
    expect(s.filter(['1.3', '1.5a1'], { prereleases: true })).toEqual(['1.3', '1.5a1']);
    expect(s.contains('1.5a1')).toBe(true);
    expect(s.contains('1.5a1', { prereleases: false })).toBe(false);
    expect(s.contains('1.5a1', { prereleases: false, installed: true })).toBe(true);
    expect(SpecifierSet.parse('>=1.0a1').prereleases).toBe(true);
    expect(SpecifierSet.parse('>=1.0a1').filter(['1.0', '1.1a1'])).toEqual(['1.0', '1.1a1']);
    expect(SpecifierSet.parse('!=1.0a1').prereleases).toBe(null);
    expect(SpecifierSet.parse('').filter(['1.3', '1.5a1'])).toEqual(['1.3']);
    expect(SpecifierSet.parse('', { prereleases: true }).filter(['1.3', '1.5a1'])).toEqual(['1.3', '1.5a1']);
  });

  it('handles ===, wildcards, ~= and local versions', () => {
    expect(SpecifierSet.parse('===foobar').contains('foobar')).toBe(true);
    expect(SpecifierSet.parse('===1.0').contains('1.0.0')).toBe(false);
    expect(SpecifierSet.parse('==1.*').contains('1.9.post1')).toBe(true);
    expect(SpecifierSet.parse('!=1.*').contains('1.0a1', { prereleases: true })).toBe(false);
    expect(SpecifierSet.parse('~=2.2').contains('2.9')).toBe(true);
    expect(SpecifierSet.parse('~=2.2').contains('3.0')).toBe(false);
    expect(SpecifierSet.parse('==1.0').contains('1.0+cpu')).toBe(true);
    expect(SpecifierSet.parse('==1.0+cpu').contains('1.0')).toBe(false);
    expect(SpecifierSet.parse('<=1.0').contains(parseVersion('1.0+x'))).toBe(true);
  });

  it('prints like str(SpecifierSet)', () => {
    expect(SpecifierSet.parse('>=1.0.0, >=1.0,>=V1.0ALPHA').toString()).toBe('>=1.0,>=V1.0ALPHA');
    expect(SpecifierSet.parse(' <2 , >=1.0 ,, ').toString()).toBe('<2,>=1.0');
    expect(SpecifierSet.parse('').toString()).toBe('');
  });

  it('reports the position of the bad clause', () => {
    const e = (() => {
      try {
        SpecifierSet.parse('>=1.0, <2.x');
      } catch (err) {
        return err as InvalidSpecifierError;
      }
      throw new Error('expected failure');
    })();
    expect(e).toBeInstanceOf(InvalidSpecifierError);
    expect(e.position).toBe(9); // the "." that cannot start a valid suffix
    expect(() => Specifier.parse('~=1')).toThrow(/two release segments/);
    expect(() => Specifier.parse('>=1.0+local')).toThrow(/local version/);
  });
});
