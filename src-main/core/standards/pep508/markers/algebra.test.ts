/**
 * Marker algebra: worked examples, and properties checked by brute force — every decision
 * is compared with evaluation over a grid of environments that covers every class of the
 * literals used (Python X.Y.Z for X in 2..4, Y in 0..13, Z in 0..3; every string literal
 * plus "" and an unrelated value; every subset of the extras pool).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarkerContext, MarkerEnvironment } from '../../environment';
import { areEquivalent, combineMarkers, implies, isAlwaysFalse, isAlwaysTrue, isDisjoint, type MarkerExpr } from './algebra';
import { evaluateMarker } from './evaluate';
import { markerAnd, markerOr, normalizeMarker } from './normalize';
import { parseMarker } from './parse';

const m = parseMarker;
const str = (e: MarkerExpr): string => String(e);

describe('marker algebra: examples', () => {
  it('decides python_version / python_full_version ranges exactly', () => {
    expect(isDisjoint(m('python_version < "3.8"'), m('python_full_version >= "3.8.0"'))).toBe(true);
    expect(isDisjoint(m('python_version <= "3.8"'), m('python_full_version >= "3.8.5"'))).toBe(false);
    expect(isAlwaysTrue(m('python_version < "3.10" or python_version >= "3.10"'))).toBe(true);
    expect(isAlwaysFalse(m('python_version == "3.8.*" and python_version >= "3.9"'))).toBe(true);
    expect(implies(m('python_version >= "3.9"'), m('python_version > "3.8"'))).toBe(true);
    expect(implies(m('python_full_version >= "3.8.1"'), m('python_version >= "3.8"'))).toBe(true);
    expect(areEquivalent(m('python_version >= "3.8"'), m('python_full_version >= "3.8"'))).toBe(true);
    expect(isAlwaysFalse(m('"3.8" > python_version and python_version > "3.8"'))).toBe(true);
  });

  it('decides string variables and sets exactly', () => {
    expect(isDisjoint(m('sys_platform == "win32"'), m('sys_platform != "win32"'))).toBe(true);
    expect(isDisjoint(m('sys_platform == "win32"'), m('platform_system == "Linux"'))).toBe(false);
    expect(isAlwaysTrue(m('os_name == "nt" or os_name != "nt"'))).toBe(true);
    expect(isAlwaysFalse(m('extra == "a" and extra == "b"'))).toBe(true);
    expect(isAlwaysFalse(m('(extra == "A")'))).toBe(true); // never normalized, never matches
    expect(isAlwaysFalse(m('os_name ~= "nt"'))).toBe(true); // undefined comparison: false
    expect(isAlwaysTrue(m('"dev" in dependency_groups or "Dev" not in dependency_groups'))).toBe(true);
    expect(implies(m('sys_platform in "linux"'), m('sys_platform != "darwin"'))).toBe(true);
  });

  it('is conservative where it cannot decide', () => {
    expect(isAlwaysTrue(m('platform_release >= "5" or platform_release < "5"'))).toBe(false);
    expect(isDisjoint(m('"linux" in sys_platform'), m('sys_platform == "linux"'))).toBe(false);
  });

  it('normalizes: flattens, dedupes, drops redundancy, folds constants, sorts', () => {
    expect(str(normalizeMarker(m('(python_version >= "3.8" and python_version >= "3.9") and os_name == "nt"')))).toBe(
      'os_name == "nt" and python_version >= "3.9"',
    );
    expect(normalizeMarker(m('sys_platform == "win32" or sys_platform != "win32"'))).toBe(true);
    expect(normalizeMarker(m('sys_platform == "win32" and sys_platform == "linux"'))).toBe(false);
    expect(str(normalizeMarker(m('os_name == "nt" or os_name == "nt" or (os_name == "nt" and python_version < "3")')))).toBe('os_name == "nt"');
    expect(str(markerAnd(m('python_version >= "3.8" and sys_platform == "win32"'), m('python_version >= "3.9"')))).toBe(
      'python_version >= "3.9" and sys_platform == "win32"',
    );
    expect(str(markerOr(m('extra == "b"'), m('extra == "a"')))).toBe('extra == "a" or extra == "b"');
    expect(str(markerAnd(m('os_name == "nt" or os_name == "posix"'), m('python_version < "3.9"')))).toBe(
      '(os_name == "nt" or os_name == "posix") and python_version < "3.9"',
    );
    expect(str(markerAnd(true, m('os_name == "nt"')))).toBe('os_name == "nt"');
    expect(markerOr(false, false)).toBe(false);
  });

  it('combines like packaging & and |', () => {
    expect(str(combineMarkers('and', m('os_name == "1" or os_name == "x"'), m('python_version < "3"')))).toBe(
      '(os_name == "1" or os_name == "x") and python_version < "3"',
    );
    expect(str(combineMarkers('or', m('os_name == "a"'), m('os_name == "b"')))).toBe('os_name == "a" or os_name == "b"');
    expect(combineMarkers('and', false, m('os_name == "a"'))).toBe(false);
  });
});

// ---- brute-force properties ----------------------------------------------------------------

const PY = ['2.7', '3', '3.7', '3.8', '3.8.1', '3.10', '3.10.0', '3.12', '3.8.*', '3.*', '3.11.2', '3.12.0rc1'];
const STRING_LITERALS = ['linux', 'nt', 'Te_st', 'x'];
const SET_POOL = ['dev', 'test'];
const OPS = ['==', '!=', '<', '<=', '>', '>=', '~=', '==='];

/** Markers over python_version / python_full_version and the given (at most two) other variables. */
function markerArb(vars: readonly string[]): fc.Arbitrary<string> {
  const strings = vars.filter((v) => !v.includes('s'));
  const sets = vars.filter((v) => v === 'extras' || v === 'dependency_groups');
  const atoms: fc.Arbitrary<[string, string, string, boolean]>[] = [
    fc.tuple(fc.constantFrom('python_version', 'python_full_version'), fc.constantFrom(...OPS), fc.constantFrom(...PY), fc.boolean()),
  ];
  if (strings.length) atoms.push(fc.tuple(fc.constantFrom(...strings), fc.constantFrom('==', '!=', '==', '<=', '~='), fc.constantFrom(...STRING_LITERALS), fc.boolean()));
  if (sets.length) atoms.push(fc.tuple(fc.constantFrom(...sets), fc.constantFrom('in', 'not in'), fc.constantFrom(...SET_POOL, 'Dev'), fc.constant(true)));
  const atom = fc.oneof(...atoms).map(([v, op, lit, swap]) => (swap ? `"${lit}" ${op} ${v}` : `${v} ${op} "${lit}"`));
  return fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('node'), fc.constantFrom(' and ', ' or '), tie('node')).map(([a, op, b]) => `(${a}${op}${b})`),
    ),
  })).node;
}

const VAR_CHOICES = [['sys_platform'], ['extra', 'os_name'], ['extras'], ['sys_platform', 'dependency_groups'], ['os_name', 'extras']];
const markers = (n: number): fc.Arbitrary<string[]> =>
  fc.constantFrom(...VAR_CHOICES).chain((vars) => fc.tuple(...Array.from({ length: n }, () => markerArb(vars))));

const BASE: MarkerEnvironment = {
  implementation_name: 'cpython',
  implementation_version: '3.12.0',
  os_name: 'posix',
  platform_machine: 'x86_64',
  platform_python_implementation: 'CPython',
  platform_release: '',
  platform_system: 'Linux',
  platform_version: '',
  python_full_version: '3.12.0',
  python_version: '3.12',
  sys_platform: 'linux',
};

function* grid(text: string): Generator<[MarkerEnvironment, MarkerContext]> {
  const usesPython = text.includes('python_');
  const pys: [string, string][] = [];
  for (let x = 2; x <= 4; x++) for (let y = 0; y <= 13; y++) for (let z = 0; z <= (usesPython ? 3 : 0); z++) pys.push([`${x}.${y}.${z}`, `${x}.${y}`]);
  const values = (key: string): readonly string[] => (new RegExp(`\\b${key}\\b`).test(text) ? ['', 'other', ...STRING_LITERALS] : ['']);
  const sets = [[], ['dev'], ['test'], ['dev', 'test']];
  for (const [full, short] of usesPython ? pys : [['3.12.0', '3.12']]) {
    for (const sys of values('sys_platform')) for (const os of values('os_name')) for (const extra of values('extra')) {
      for (const s of /extras/.test(text) ? sets : [[]]) for (const g of /dependency_groups/.test(text) ? sets : [[]]) {
        yield [
          { ...BASE, python_full_version: full as string, python_version: short as string, sys_platform: sys, os_name: os },
          { extra, extras: new Set(s), dependencyGroups: new Set(g) },
        ];
      }
    }
  }
}

function truth(e: MarkerExpr, env: MarkerEnvironment, ctx: MarkerContext): boolean {
  return typeof e === 'boolean' ? e : evaluateMarker(e, env, ctx);
}

describe('marker algebra: decisions agree with brute-force evaluation', () => {
  it('isAlwaysTrue / isAlwaysFalse are exact, normalize preserves meaning', () => {
    fc.assert(
      fc.property(markers(1), ([text = '']) => {
        const marker = parseMarker(text);
        const normal = normalizeMarker(marker);
        let anyTrue = false;
        let allTrue = true;
        for (const [env, ctx] of grid(text)) {
          const v = evaluateMarker(marker, env, ctx);
          anyTrue ||= v;
          allTrue &&= v;
          if (truth(normal, env, ctx) !== v) throw new Error(`normalize changed meaning: ${text} -> ${String(normal)} at ${JSON.stringify(env)} ${JSON.stringify(ctx.extra)}`);
        }
        expect(isAlwaysTrue(marker)).toBe(allTrue);
        expect(isAlwaysFalse(marker)).toBe(!anyTrue);
      }),
      { numRuns: Number(process.env.PEP508_ALGEBRA_RUNS ?? 400) },
    );
  });

  it('isDisjoint and implies are exact', () => {
    fc.assert(
      fc.property(markers(2), ([ta = '', tb = '']) => {
        const a = parseMarker(ta);
        const b = parseMarker(tb);
        let overlap = false;
        let aImpliesB = true;
        for (const [env, ctx] of grid(`${ta} ${tb}`)) {
          const va = evaluateMarker(a, env, ctx);
          const vb = evaluateMarker(b, env, ctx);
          overlap ||= va && vb;
          aImpliesB &&= !va || vb;
        }
        expect(isDisjoint(a, b)).toBe(!overlap);
        expect(implies(a, b)).toBe(aImpliesB);
      }),
      { numRuns: Number(process.env.PEP508_ALGEBRA_RUNS ?? 300) },
    );
  });
});
