/**
 * Test support: seeded generation of (marker, environment) cases for the differential tests
 * against packaging — real-world markers plus generated ones over every variable, operator,
 * quoting and grouping form, evaluated in CPython 3.8–3.14 / PyPy environments on Linux,
 * macOS and Windows with odd `platform_release` strings.
 */
import type { MarkerEnvironment } from '../../environment';
import type { Rng } from './random';

const OS = {
  linux: { os_name: 'posix', sys_platform: 'linux', platform_system: 'Linux', machines: ['x86_64', 'aarch64', 'i686', 'ppc64le', 's390x', 'armv7l'] },
  macos: { os_name: 'posix', sys_platform: 'darwin', platform_system: 'Darwin', machines: ['arm64', 'x86_64'] },
  windows: { os_name: 'nt', sys_platform: 'win32', platform_system: 'Windows', machines: ['AMD64', 'ARM64', 'x86'] },
} as const;

const RELEASES = {
  linux: ['5.15.0-1034-azure', '6.8.0-rc1', '6.1.0+', '5.10.16.3-microsoft-standard-WSL2', '4.4.0-19041-Microsoft', '6.5.0', '3.10.0-1160.el7.x86_64', ''],
  macos: ['23.1.0', '22.6.0', '24.0.0', '19.6.0'],
  windows: ['10', '11', 'NT', '2022Server', ''],
} as const;

const VERSIONS = [
  '3.8.18', '3.8.0', '3.9.19', '3.10.14', '3.11.7', '3.11.0+', '3.12.4', '3.12.0rc1', '3.13.0', '3.13.1', '3.13.0rc1', '3.14.0', '3.14.0a1', '3.14.0b2',
];

/** A realistic environment: CPython or PyPy on one of the three systems. */
export function randomEnvironment(rng: Rng): MarkerEnvironment {
  const osKey = rng.pick(['linux', 'linux', 'macos', 'windows'] as const);
  const os = OS[osKey];
  const pypy = rng.chance(0.2);
  const full = pypy ? rng.pick(['3.9.18', '3.10.14', '3.11.9']) : rng.pick(VERSIONS);
  const [major, minor] = full.split('.');
  return {
    implementation_name: pypy ? 'pypy' : 'cpython',
    implementation_version: pypy ? rng.pick(['7.3.15', '7.3.17', '7.3.12']) : full.replace(/\+$/, ''),
    os_name: os.os_name,
    platform_machine: rng.pick(os.machines),
    platform_python_implementation: pypy ? 'PyPy' : 'CPython',
    platform_release: rng.pick(RELEASES[osKey]),
    platform_system: os.platform_system,
    platform_version: rng.pick(['#1 SMP PREEMPT_DYNAMIC Fri Jan 12', '10.0.22631', 'Darwin Kernel Version 23.1.0: Mon Oct 9', '']),
    python_full_version: full,
    python_version: `${major}.${minor}`,
    sys_platform: os.sys_platform,
  };
}

const VARIABLE_SPELLINGS = [
  'python_version', 'python_full_version', 'os_name', 'os.name', 'sys_platform', 'sys.platform', 'platform_release',
  'platform_system', 'platform_version', 'platform.version', 'platform_machine', 'platform.machine',
  'platform_python_implementation', 'platform.python_implementation', 'python_implementation', 'implementation_name',
  'implementation_version', 'extra', 'extras', 'dependency_groups',
];

const PYTHON_VALUES = [
  '2.7', '3', '3.0', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14', '4', '3.8.0', '3.8.10', '3.11.7',
  '3.12.0rc1', '3.13.0a1', '3.*', '3.8.*', '2.7.*', '3.10.*', 'v3.9', '3.9.post1', '3.9.dev0', '3.9+local', '1!3.8',
  '3.8, 3.9', '3.8 3.9', 'foo', '', ' 3.8 ', '3.11.0+', '3.13t', '3.11.0+local',
];
const VALUES_BY_VARIABLE: Record<string, readonly string[]> = {
  python_version: PYTHON_VALUES,
  python_full_version: PYTHON_VALUES,
  implementation_version: ['3.11.7', '7.3.15', '7.3', '3.13.0rc1', '3.14.0a1', '3', '7.3.*'],
  platform_release: ['5.15.0', '5.15.0-1034-azure', '6.8.0-rc1', '10', 'NT', '23.1.0', '6', '6.1.0+', '5.10', ''],
  os_name: ['posix', 'nt', 'java'],
  sys_platform: ['linux', 'win32', 'darwin', 'cygwin', 'emscripten', 'linux2', 'freebsd13'],
  platform_system: ['Linux', 'Windows', 'Darwin', 'Java', 'FreeBSD', 'Emscripten'],
  platform_machine: ['x86_64', 'AMD64', 'arm64', 'aarch64', 'i686', 'ppc64le', 'x86'],
  platform_python_implementation: ['CPython', 'PyPy', 'Jython', 'GraalVM'],
  implementation_name: ['cpython', 'pypy', 'graalpy'],
  platform_version: ['#1 SMP', '10.0.22631', 'Darwin'],
  extra: ['test', 'Test_Extra', 'docs', 'foo-bar', 'FOO..bar', 'a_b', '', 'crypto', 'security'],
  extras: ['test', 'Test_Extra', 'docs', 'crypto', 'dev'],
  dependency_groups: ['dev', 'Docs', 'test', 'lint'],
};
const ODD_VALUES = ['', ' ', 'a b', 'Foo_Bar', 'linux', 'posix', '3.8', '\\t', "it's", 'x\\x41y', 'x"y', 'é'];
const OPERATORS = ['==', '!=', '<', '<=', '>', '>=', '~=', '===', 'in', 'not in'];
const OPERATOR_WEIGHTS = ['==', '==', '!=', '<', '>=', 'in', 'not in', ...OPERATORS];

function canonicalName(spelling: string): string {
  if (spelling === 'python_implementation') return 'platform_python_implementation';
  return spelling.replace('.', '_');
}

function quote(rng: Rng, value: string): string {
  if (value.includes('"')) return `'${value}'`;
  if (value.includes("'")) return `"${value}"`;
  return rng.chance(0.5) ? `"${value}"` : `'${value}'`;
}

function space(rng: Rng): string {
  return rng.pick(['', ' ', ' ', ' ', '  ', '\t']);
}

function atom(rng: Rng): string {
  const spelling = rng.pick(VARIABLE_SPELLINGS);
  const pool = VALUES_BY_VARIABLE[canonicalName(spelling)] ?? ODD_VALUES;
  const value = rng.chance(0.1) ? rng.pick(ODD_VALUES) : rng.pick(pool);
  const op = rng.pick(OPERATOR_WEIGHTS);
  const opText = op.includes(' ') || op === 'in' ? ` ${op} ` : `${space(rng)}${op}${space(rng)}`;
  const roll = rng.next();
  let lhs = spelling;
  let rhs = quote(rng, value);
  if (roll < 0.2) [lhs, rhs] = [rhs, lhs];
  else if (roll < 0.23) rhs = quote(rng, canonicalName(rng.pick(VARIABLE_SPELLINGS)));
  else if (roll < 0.25) lhs = quote(rng, rng.pick(ODD_VALUES));
  else if (roll < 0.27) rhs = rng.pick(VARIABLE_SPELLINGS);
  return `${lhs}${opText}${rhs}`;
}

/** A generated marker of one to five comparisons with random `and`/`or` and grouping. */
export function randomMarker(rng: Rng, depth = 0): string {
  const n = 1 + rng.int(depth > 1 ? 2 : 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let item = depth < 2 && rng.chance(0.2) ? randomMarker(rng, depth + 1) : atom(rng);
    if (rng.chance(0.25)) item = `(${space(rng)}${item}${space(rng)})`;
    if (rng.chance(0.03)) item = `((${item}))`;
    parts.push(item);
  }
  return parts.reduce((acc, p) => `${acc}${space(rng) || ' '}${rng.pick(['and', 'or', 'and'])}${space(rng) || ' '}${p}`);
}

/** One evaluation case. */
export interface MarkerCase {
  readonly marker: string;
  readonly env: MarkerEnvironment;
  readonly extra: string;
  readonly extras: string[];
  readonly groups: string[];
}

/** Pairs `marker` with a random environment and random requested extras / groups. */
export function markerCase(rng: Rng, marker: string): MarkerCase {
  // Literals of the marker itself make matching extras / groups likely.
  const literals = [...marker.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '');
  const subset = (pool: readonly string[]): string[] => [...pool, ...literals].filter(() => rng.chance(0.25));
  const extraPool = [...(VALUES_BY_VARIABLE.extra ?? []), ...literals, ...literals];
  return {
    marker,
    env: randomEnvironment(rng),
    extra: rng.chance(0.3) ? '' : rng.pick(extraPool),
    extras: subset(VALUES_BY_VARIABLE.extras ?? []),
    groups: subset(VALUES_BY_VARIABLE.dependency_groups ?? []),
  };
}

