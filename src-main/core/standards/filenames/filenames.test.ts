import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidFilenameError } from './errors';
import { formatSdistFilename, parseSdistFilename } from './sdist';
import { checkWheelFilename, formatWheelFilename, isPypiPlatformTag, parseWheelFilename } from './wheel';

describe('wheel file names', () => {
  it('parses and normalizes like packaging', () => {
    const w = parseWheelFilename('Foo.Bar-1.0RC1-1abc-py2.py3-none-any.whl');
    expect([w.name, w.version, w.build?.number, w.build?.suffix, w.tags.length]).toEqual(['foo-bar', '1.0rc1', 1n, 'abc', 2]);
    expect(() => parseWheelFilename('foo-1.0.tar.gz')).toThrow(expect.objectContaining({ code: 'EXTENSION' }));
    expect(() => parseWheelFilename('foo-1.0-py3-none.whl')).toThrow(expect.objectContaining({ code: 'PARTS' }));
    expect(() => parseWheelFilename('foo__bar-1.0-py3-none-any.whl')).toThrow(expect.objectContaining({ code: 'NAME' }));
    expect(() => parseWheelFilename('foo-bad-py3-none-any.whl')).toThrow(expect.objectContaining({ code: 'VERSION' }));
    expect(() => parseWheelFilename('foo-1.0-x1-py3-none-any.whl')).toThrow(expect.objectContaining({ code: 'BUILD' }));
    expect(() => parseWheelFilename('foo-1.0-py3.py2-none-any.whl', { validateOrder: true })).toThrow(expect.objectContaining({ code: 'UNSORTED_TAGS' }));
  });

  it('flags what PyPI refuses', () => {
    const codes = (f: string): string[] => checkWheelFilename(parseWheelFilename(f)).map((p) => p.code);
    expect(codes('foo_bar-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl')).toEqual([]);
    expect(codes('Foo.Bar-1.0.0RC1-py3-none-linux_x86_64.whl')).toEqual(['NAME_NOT_NORMALIZED', 'VERSION_NOT_NORMALIZED', 'UNSUPPORTED_PLATFORM_TAG']);
    expect(codes('foo-1.0-py3.py2--any.whl')).toEqual(['EMPTY_TAG']);
    expect(isPypiPlatformTag('macosx_14_0_arm64')).toBe(true);
    expect(isPypiPlatformTag('musllinux_1_2_ppc64')).toBe(false);
  });

  const name = fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,12}[A-Za-z0-9])?$/);
  const version = fc.tuple(fc.nat(20), fc.nat(20), fc.constantFrom('', 'rc1', '.post2', '.dev3', '+local.7')).map(([a, b, s]) => `${a}.${b}${s}`);
  const component = fc.uniqueArray(fc.stringMatching(/^[a-z0-9_]{1,10}$/), { minLength: 1, maxLength: 3 });

  it('format → parse round-trips (property)', () => {
    fc.assert(
      fc.property(name, version, fc.option(fc.stringMatching(/^[0-9][a-z0-9]{0,4}$/)), component, component, component, (n, v, build, i, a, p) => {
        const filename = formatWheelFilename({ name: n, version: v, build, tagSet: { interpreters: i, abis: a, platforms: p } });
        const w = parseWheelFilename(filename, { validateOrder: true });
        expect(w.nameAsWritten).toBe(w.name.replace(/-/g, '_'));
        expect(w.versionAsWritten).toBe(w.version);
        expect(w.build?.text ?? null).toBe(build);
        expect(w.tags).toHaveLength(i.length * a.length * p.length);
        expect(checkWheelFilename(w).filter((x) => x.code !== 'UNSUPPORTED_PLATFORM_TAG')).toEqual([]);
      }),
    );
  });

  it('throws only InvalidFilenameError (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (s, validateOrder) => {
        for (const f of [s, `${s}.whl`, `${s}.tar.gz`]) {
          for (const parse of [() => parseWheelFilename(f, { validateOrder }), () => parseSdistFilename(f, { allowLegacy: validateOrder })]) {
            try {
              parse();
            } catch (e) {
              expect(e).toBeInstanceOf(InvalidFilenameError);
            }
          }
        }
      }),
    );
  });
});

describe('sdist file names (PEP 625)', () => {
  it('parses, and flags non-compliant names', () => {
    expect(parseSdistFilename('demo_pkg-0.1.0.tar.gz')).toMatchObject({ name: 'demo-pkg', version: '0.1.0', compliant: true });
    expect(parseSdistFilename('Demo.Pkg-0.1.0.tar.gz')).toMatchObject({ compliant: false, problems: [{ code: 'NOT_PEP625' }] });
    expect(parseSdistFilename('demo-pkg-1.0.zip')).toMatchObject({ name: 'demo-pkg', extension: '.zip', compliant: false });
    expect(() => parseSdistFilename('demo-1.0.tar.bz2')).toThrow(expect.objectContaining({ code: 'EXTENSION' }));
    expect(parseSdistFilename('demo-1.0.tar.bz2', { allowLegacy: true })).toMatchObject({ extension: '.tar.bz2', compliant: false });
    expect(() => parseSdistFilename('demo.tar.gz')).toThrow(expect.objectContaining({ code: 'PARTS' }));
  });

  it('format → parse round-trips (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,12}[A-Za-z0-9])?$/), fc.tuple(fc.nat(99), fc.nat(99)), (n, [a, b]) => {
        const s = parseSdistFilename(formatSdistFilename(n, `${a}.${b}`));
        expect(s.compliant).toBe(true);
        expect(s.version).toBe(`${a}.${b}`);
      }),
    );
  });
});
