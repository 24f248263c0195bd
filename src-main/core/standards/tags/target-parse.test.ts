import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PREDEFINED_TARGETS, findPredefinedTarget } from './predefined';
import { targetId, targetLabel } from './target-names';
import { TargetParseError, parseTarget } from './target-parse';
import { targetMarkerEnvironment, targetTags } from './targets';
import type { TargetEnvironment, TargetPlatform } from './targets';
import { formatTag } from './tag';

describe('target environments', () => {
  it('parses the named forms of the issue', () => {
    expect(targetId(parseTarget('CPython 3.12, manylinux x86_64'))).toBe('cp312-manylinux_2_28_x86_64');
    expect(targetId(parseTarget('CPython 3.13t, macOS 14 arm64'))).toBe('cp313t-macosx_14_0_arm64');
    expect(targetId(parseTarget('CPython 3.11, Windows amd64'))).toBe('cp311-win_amd64');
    expect(targetId(parseTarget('PyPy 3.11 linux'))).toBe('pp311-manylinux_2_28_x86_64');
    expect(targetId(parseTarget('3.12 musllinux_1_2_aarch64'))).toBe('cp312-musllinux_1_2_aarch64');
    expect(targetId(parseTarget('python3.10 macosx_10_15_x86_64'))).toBe('cp310-macosx_10_15_x86_64');
    expect(targetId(parseTarget('cp39-manylinux2014_aarch64'))).toBe('cp39-manylinux_2_17_aarch64');
    expect(targetId(parseTarget('3.12 linux aarch64 glibc 2.31'))).toBe('cp312-manylinux_2_31_aarch64');
    expect(targetId(parseTarget('3.12 alpine arm64'))).toBe('cp312-musllinux_1_2_aarch64');
    expect(targetId(parseTarget('3.12 linux_armv7l'))).toBe('cp312-linux_armv7l');
    expect(targetId(parseTarget('3.13 win32'))).toBe('cp313-win32');
    expect(parseTarget('cpython 3.12.4 windows arm64').pythonVersion).toEqual([3, 12, 4]);
    expect(targetId(parseTarget('Python 3.12 on Ubuntu 22.04 (arm64)'))).toBe('cp312-manylinux_2_35_aarch64');
    expect(targetId(parseTarget('3.11 rocky 8'))).toBe('cp311-manylinux_2_28_x86_64');
    expect(targetId(parseTarget('cp313-cp313t-manylinux_2_17_x86_64'))).toBe('cp313t-manylinux_2_17_x86_64');
    expect(targetId(parseTarget('pp310-pypy310_pp73-linux/amd64'))).toBe('pp310-manylinux_2_28_x86_64');
    expect(targetId(parseTarget('CPython 3.14 free-threaded, macOS 15 Apple Silicon'))).toBe('cp314t-macosx_15_0_arm64');
    expect(targetId(parseTarget('3.12 macosx_10_9_universal2'))).toBe('cp312-macosx_10_9_universal2');
    expect(() => parseTarget('3.12 ubuntu 21.10')).toThrow(expect.objectContaining({ code: 'UNKNOWN_TOKEN' }));
  });

  it('reports typed errors', () => {
    expect(() => parseTarget('')).toThrow(TargetParseError);
    expect(() => parseTarget('linux x86_64')).toThrow(expect.objectContaining({ code: 'NO_PYTHON_VERSION' }));
    expect(() => parseTarget('3.12 3.11')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => parseTarget('3.12 solaris')).toThrow(expect.objectContaining({ code: 'UNKNOWN_TOKEN', token: 'solaris' }));
    expect(() => parseTarget('3.12 windows s390x')).toThrow(expect.objectContaining({ code: 'BAD_ARCH' }));
  });

  it('predefined targets have unique ids, and ids and labels parse back', () => {
    expect(new Set(PREDEFINED_TARGETS.map((t) => t.id)).size).toBe(PREDEFINED_TARGETS.length);
    for (const named of PREDEFINED_TARGETS) {
      expect(parseTarget(named.id)).toEqual(named.target);
      expect(parseTarget(named.label)).toEqual(named.target);
    }
    expect(findPredefinedTarget('cp313t-macosx_14_0_arm64')?.label).toBe('CPython 3.13t, macOS 14 arm64');
  });

  it('gives marker values and tags for a Windows target', () => {
    const t = parseTarget('CPython 3.11, Windows amd64');
    expect(targetMarkerEnvironment(t)).toMatchObject({ sys_platform: 'win32', os_name: 'nt', platform_machine: 'AMD64', python_full_version: '3.11.0' });
    expect(targetTags(t).slice(0, 3).map(formatTag)).toEqual(['cp311-cp311-win_amd64', 'cp311-abi3-win_amd64', 'cp311-none-win_amd64']);
  });

  it('ids and labels parse back (property)', () => {
    const arch = fc.constantFrom('x86_64', 'aarch64', 'i686', 'armv7l', 'ppc64le', 's390x', 'riscv64');
    const platform: fc.Arbitrary<TargetPlatform> = fc.oneof(
      fc.record({ os: fc.constant('linux' as const), arch, libc: fc.tuple(fc.integer({ min: 5, max: 45 })).map(([m]) => ({ kind: 'glibc' as const, version: [2, m] as const })) }),
      fc.record({ os: fc.constant('linux' as const), arch, libc: fc.constantFrom({ kind: 'musl' as const, version: [1, 1] as const }, { kind: 'musl' as const, version: [1, 2] as const }, { kind: 'none' as const }) }),
      fc.record({ os: fc.constant('macos' as const), arch: fc.constantFrom('arm64', 'x86_64', 'universal2'), version: fc.oneof(fc.tuple(fc.constant(10), fc.integer({ min: 4, max: 16 })), fc.tuple(fc.integer({ min: 11, max: 26 }), fc.constant(0))) }),
      fc.record({ os: fc.constant('windows' as const), arch: fc.constantFrom('amd64' as const, 'win32' as const, 'arm64' as const) }),
    );
    const target = fc.record({
      implementation: fc.constantFrom('cpython' as const, 'pypy' as const),
      pythonVersion: fc.tuple(fc.constant(3), fc.integer({ min: 6, max: 15 }), fc.option(fc.nat(20))).map(([a, b, c]) => (c === null ? [a, b] : [a, b, c])),
      platform,
    }).chain((t) => (t.implementation === 'cpython' ? fc.boolean().map((ft) => (ft ? { ...t, freeThreaded: true } : t)) : fc.constant(t)));
    fc.assert(
      fc.property(target, (t: TargetEnvironment) => {
        expect(parseTarget(targetLabel(t))).toEqual(t);
        expect(parseTarget(targetId(t))).toEqual({ ...t, pythonVersion: t.pythonVersion.slice(0, 2) });
      }),
    );
  });

  it('throws only TargetParseError (property)', () => {
    const words = fc.constantFrom('3.12', 'cp313t', 'pypy', 'linux', 'macos', '14', 'arm64', 'win_amd64', 'musl', '1.2', 'x', 'glibc', '2.31', 'manylinux_2_17', ',', '-');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(words).map((w) => w.join(' '))), (s) => {
        try {
          const t = parseTarget(s);
          expect(targetTags(t).length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(TargetParseError);
        }
      }),
    );
  });
});
