import { describe, expect, it } from 'vitest';
import { compareVersions, InvalidVersionError, normalizeVersion, parseVersion, tryParseVersion } from './index';

describe('parseVersion', () => {
  it.each([
    ['1.0a.', '1.0a0'],
    ['1.0post-dev', '1.0.post0.dev0'],
    ['v1!1.0', '1!1.0'],
    ['1.0+ABC-0_1', '1.0+abc.0.1'],
    ['\u00a01.0rc1\u3000', '1.0rc1'],
    ['1.0-1', '1.0.post1'],
    ['1.0.Preview_2', '1.0rc2'],
    ['12345678901234567890.1', '12345678901234567890.1'],
  ])('normalizes %j to %j', (input, out) => {
    expect(normalizeVersion(input)).toBe(out);
  });

  it('reports the failing position', () => {
    const err = (() => {
      try {
        parseVersion('1.0x');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(InvalidVersionError);
    expect((err as InvalidVersionError).position).toBe(3);
    expect((err as InvalidVersionError).input).toBe('1.0x');
  });

  it('rejects what packaging rejects', () => {
    for (const s of ['', '1.', '1..0', '1!v1.0', '1.0+', '1.0a1b1', '1.0\ufeff', '1.0-']) expect(tryParseVersion(s)).toBeNull();
  });

  it('orders per PEP 440', () => {
    const order = ['1.0.dev0', '1.0a1.dev1', '1.0a1', '1.0a1.post1', '1.0b1', '1.0rc1', '1.0', '1.0+abc', '1.0+1', '1.0.post1.dev1', '1.0.post1', '1.0.1', '1!0.1'];
    for (let i = 0; i + 1 < order.length; i++) expect(compareVersions(order[i] as string, order[i + 1] as string)).toBeLessThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('99999999999999999999', '99999999999999999998')).toBeGreaterThan(0);
  });

  it('exposes the parts', () => {
    const v = parseVersion('2!1.2.3rc4.post5.dev6+ubuntu.1');
    expect([v.epoch, v.release, v.pre, v.post, v.dev, v.local]).toEqual([2, [1, 2, 3], ['rc', 4], 5, 6, ['ubuntu', 1]]);
    expect([v.isPrerelease, v.isPostrelease, v.isDevrelease, v.public, v.baseVersion]).toEqual([true, true, true, '2!1.2.3rc4.post5.dev6', '2!1.2.3']);
  });
});
