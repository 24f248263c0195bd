/**
 * Generated and mutated distribution file names for differential and property tests.
 * Deterministic (seeded).
 */
import fc from 'fast-check';

const NAMES = ['foo', 'Foo_Bar', 'foo.bar', 'foo__bar', 'foo-bar', 'a', '', '_x', 'x_', 'Ünï', 'naïve_pkg', 'foo\n', 'foo bar', 'foo+bar', 'a.b.c', '数据', 'x1', 'ǅ'];
const VERSIONS = ['1.0', '1.0.0', 'v1.0', '1.0RC1', '1.0-1', '1.0_post1', ' 1.0', '1.0+local.1', '2!1.0', 'bad', '', '1.0.dev0', '01.02', '1.0+LOCAL', 'dev', '1.*'];
const BUILDS = ['1', '1abc', '01', 'abc', '', '1_2', '1.2', '٣', '1\nx'];
const TAGS = [
  'py3-none-any', 'py2.py3-none-any', 'py3.py2-none-any', 'cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64', 'CP312-ABI3-WIN_AMD64',
  'py3--any', '-none-any', 'py3-none-', 'cp39-abi3-macosx_11_0_arm64.macosx_10_9_x86_64', 'pp311-pypy311_pp73-linux_x86_64', 'py3-none-any.any',
];
const EXTS = ['.whl', '.whl', '.WHL', '.whl ', '.tar.gz', '.zip', '.tgz', '.tar.bz2', ''];

/** Mostly well-formed parts (so both accepting and rejecting paths are exercised), some odd ones. */
const mostly = <T>(good: readonly T[], all: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...all) });

const wheelish = fc
  .record({
    name: mostly(['foo', 'Foo_Bar', 'foo.bar', 'a', 'x1', 'naïve_pkg'], NAMES),
    version: mostly(['1.0', '1.0.0', '1.0RC1', '2!1.0', '1.0+local.1', 'v1.0'], VERSIONS),
    build: fc.option(mostly(['1', '1abc', '01'], BUILDS), { freq: 3 }),
    tags: fc.constantFrom(...TAGS),
    ext: mostly(['.whl'], EXTS),
  })
  .map((p) => `${p.name}-${p.version}${p.build === null ? '' : `-${p.build}`}-${p.tags}${p.ext}`);

const sdistish = fc
  .record({ name: fc.constantFrom(...NAMES, 'Demo.Pkg', 'demo-pkg', 'a-b-c'), version: fc.constantFrom(...VERSIONS), ext: fc.constantFrom(...EXTS) })
  .map((p) => `${p.name}-${p.version}${p.ext}`);

/** Apply one small edit chosen by `k`. */
export function mutateFilename(name: string, k: number): string {
  const i = name.length > 0 ? (k * 7919) % name.length : 0;
  const chars = ['-', '_', '.', 'A', ' ', '\u00e9', '+', '!', '0'];
  switch (k % 6) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + (chars[k % chars.length] as string) + name.slice(i);
    case 2:
      return name.toUpperCase();
    case 3:
      return name.replace('-', '--');
    case 4:
      return name.replace(/\.whl$/, '.tar.gz');
    default:
      return name.split('-').reverse().join('-');
  }
}

/** `count` generated wheel-like and sdist-like names. */
export function generatedFilenames(count: number, seed = 625): string[] {
  return fc.sample(fc.oneof({ weight: 3, arbitrary: wheelish }, { weight: 1, arbitrary: sdistish }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }), { numRuns: count, seed });
}
