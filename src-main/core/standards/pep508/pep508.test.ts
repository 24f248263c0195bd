/**
 * Worked examples of the PEP 508 API (they run without Python; the differential tests against
 * packaging are in requirement.corpus.test.ts and markers/marker.diff.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { MarkerEnvironment } from '../environment';
import {
  evaluateMarker,
  formatRequirement,
  InvalidMarkerError,
  InvalidRequirementError,
  type MarkerDiagnostics,
  markerToString,
  parseMarker,
  parseRequirement,
} from './index';

const linux312: MarkerEnvironment = {
  implementation_name: 'cpython',
  implementation_version: '3.12.4',
  os_name: 'posix',
  platform_machine: 'x86_64',
  platform_python_implementation: 'CPython',
  platform_release: '6.8.0-45-generic',
  platform_system: 'Linux',
  platform_version: '#1 SMP',
  python_full_version: '3.12.4',
  python_version: '3.12',
  sys_platform: 'linux',
};

function requirementError(s: string): InvalidRequirementError {
  try {
    parseRequirement(s);
  } catch (e) {
    if (e instanceof InvalidRequirementError) return e;
    throw e;
  }
  throw new Error(`${s} parsed`);
}

describe('requirements', () => {
  it('parses every form and formats like packaging', () => {
    const r = parseRequirement('Django [Bcrypt, argon2] (>=4.2, <5) ; python_version >= "3.10" and extra == "Test_Docs"');
    expect(r.name).toBe('Django');
    expect(r.extras).toEqual(['Bcrypt', 'argon2']);
    expect(r.specifier.toString()).toBe('<5,>=4.2');
    expect(r.url).toBeNull();
    expect(r.marker?.toString()).toBe('python_version >= "3.10" and extra == "test-docs"');
    expect(formatRequirement(r)).toBe('Django[Bcrypt,argon2]<5,>=4.2; python_version >= "3.10" and extra == "test-docs"');
    const u = parseRequirement('pkg@ https://example.test/pkg-1.0.whl ;os_name=="nt"');
    expect(formatRequirement(u)).toBe('pkg @ https://example.test/pkg-1.0.whl ; os_name == "nt"');
  });

  it('reports what was expected, with packaging positions', () => {
    const e = requirementError('name >= 1.0 extra');
    expect(e.reason).toBe('Expected comma (within version specifier), semicolon (after version specifier) or end');
    expect([e.spanStart, e.position]).toEqual([5, 12]);
    expect(requirementError('name (>=1').reason).toBe('Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier');
    expect(requirementError('name[a b]').position).toBe(7);
    expect(requirementError('name>=1.0.*').position).toBe(10);
    expect(requirementError('ñame').position).toBe(0);
    expect(requirementError('x; os_name == "\\x4"').reason).toMatch(/Invalid string literal/);
  });
});

describe('markers', () => {
  it('evaluates with PEP 440 comparisons, strings otherwise', () => {
    const yes = (s: string, ctx = {}) => evaluateMarker(parseMarker(s), linux312, ctx);
    expect(yes('python_version >= "3.8" and sys_platform == "linux"')).toBe(true);
    expect(yes('python_full_version < "3.12.10"')).toBe(true); // 3.12.4 < 3.12.10 as versions
    expect(yes('"3.13" > python_version')).toBe(true); // variable on the right
    expect(yes('python_version in "3.11 3.12"')).toBe(true); // substring
    expect(yes('platform_release >= "6.8"')).toBe(false); // not a PEP 440 version: string equality
    expect(yes('extra == "Test_Docs"', { extra: 'test.docs' })).toBe(true); // PEP 685
    expect(yes('"Dev" in dependency_groups', { dependencyGroups: new Set(['dev']) })).toBe(true); // PEP 751
    const local = { ...linux312, python_full_version: '3.13.0+' };
    expect(evaluateMarker(parseMarker('python_full_version >= "3.13"'), local)).toBe(true);
  });

  it('never throws: undefined comparisons are false and reported', () => {
    const d: MarkerDiagnostics = { undefinedComparisons: [] };
    expect(evaluateMarker(parseMarker('os_name ~= "posix" or python_version > "3"'), linux312, {}, d)).toBe(true);
    expect(d.undefinedComparisons).toHaveLength(1);
  });

  it('prints like packaging and rejects bad syntax with a position', () => {
    expect(markerToString(parseMarker("(os.name=='nt') or python_implementation == 'PyPy'"))).toBe(
      'os_name == "nt" or platform_python_implementation == "PyPy"',
    );
    try {
      parseMarker('os_name = "nt"');
      throw new Error('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidMarkerError);
      expect((e as InvalidMarkerError).position).toBe(8);
    }
  });

  it('caches parsed markers by text', () => {
    expect(parseMarker('os_name == "nt"')).toBe(parseMarker('os_name == "nt"'));
  });
});
