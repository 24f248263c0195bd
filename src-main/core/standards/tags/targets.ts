/**
 * Target environments: an interpreter on a platform, with the PEP 508 marker values it
 * presents and the ordered list of wheel tags it accepts (PEP 425, as `packaging.tags.sys_tags`
 * would compute them on that system).
 *
 * Marker values that depend on the concrete machine (`platform_release`, `platform_version`)
 * are unknown for a target and left empty, as uv does for `--python-platform`.
 */
import type { MarkerEnvironment } from '../environment';
import { compatibleTags, cpythonAbis, cpythonTags, genericTags, versionNodot } from './generators';
import { androidPlatforms, iosPlatforms, linuxPlatforms, macPlatforms } from './platforms';
import type { Libc, LibcVersion } from './platforms';
import type { Tag } from './tag';

export type Implementation = 'cpython' | 'pypy';

/** The platform part of a target. Arch names are those of the platform tags. */
export type TargetPlatform =
  | { readonly os: 'linux'; readonly arch: string; readonly libc: Libc }
  | { readonly os: 'macos'; readonly arch: string; readonly version: LibcVersion }
  | { readonly os: 'windows'; readonly arch: 'amd64' | 'win32' | 'arm64' }
  | { readonly os: 'ios'; readonly version: LibcVersion; readonly multiarch: string }
  | { readonly os: 'android'; readonly apiLevel: number; readonly abi: string };

/** An interpreter on a platform. */
export interface TargetEnvironment {
  readonly implementation: Implementation;
  /** `[3, 12]` or `[3, 12, 4]`; a missing micro counts as 0 for markers. */
  readonly pythonVersion: readonly number[];
  /** Free-threaded CPython build (`3.13t`). */
  readonly freeThreaded?: boolean;
  /** Debug CPython build (`d` ABI flag). */
  readonly debug?: boolean;
  /** PyPy's own version (its `implementation_version`); a recent one by Python version when absent. */
  readonly implementationVersion?: string;
  readonly platform: TargetPlatform;
}

/** PyPy release per Python version, used as implementation_version when none is given. */
const PYPY_VERSIONS: Readonly<Record<string, string>> = { '3.9': '7.3.16', '3.10': '7.3.19', '3.11': '7.3.20' };

function pyMajorMinor(t: TargetEnvironment): [number, number] {
  return [t.pythonVersion[0] ?? 3, t.pythonVersion[1] ?? 0];
}

/** The ordered platform tags of a target platform. */
export function targetPlatformTags(p: TargetPlatform): string[] {
  switch (p.os) {
    case 'linux':
      return linuxPlatforms(p.arch, p.libc);
    case 'macos':
      return macPlatforms(p.version, p.arch);
    case 'windows':
      return [p.arch === 'win32' ? 'win32' : `win_${p.arch}`];
    case 'ios':
      return iosPlatforms(p.version, p.multiarch);
    case 'android':
      return androidPlatforms(p.apiLevel, p.abi);
  }
}

/** The ABI tags of the target's interpreter, most specific first. */
export function targetAbis(t: TargetEnvironment): string[] {
  const mm = pyMajorMinor(t);
  if (t.implementation === 'pypy') return [`pypy${versionNodot(mm)}_pp73`];
  return cpythonAbis(mm, { freeThreaded: t.freeThreaded ?? false, debug: t.debug ?? false });
}

/** The interpreter tag: `cp312`, `pp311` (free-threading is in the ABI, not here). */
export function interpreterTag(t: TargetEnvironment): string {
  return `${t.implementation === 'pypy' ? 'pp' : 'cp'}${versionNodot(pyMajorMinor(t))}`;
}

/**
 * Every wheel tag the target accepts, best first (packaging.tags.sys_tags order):
 * CPython → cpython_tags + compatible_tags(interpreter="cpXY");
 * PyPy → generic_tags("ppXY", ["pypyXY_pp73"]) + compatible_tags(interpreter="pp3").
 */
export function targetTags(t: TargetEnvironment): Tag[] {
  const mm = pyMajorMinor(t);
  const platforms = targetPlatformTags(t.platform);
  const abis = targetAbis(t);
  if (t.implementation === 'pypy') {
    return [...genericTags(interpreterTag(t), abis, platforms), ...compatibleTags(mm, 'pp3', platforms)];
  }
  return [...cpythonTags(mm, abis, platforms), ...compatibleTags(mm, interpreterTag(t), platforms)];
}

function machine(p: TargetPlatform): string {
  switch (p.os) {
    case 'windows':
      return { amd64: 'AMD64', win32: 'x86', arm64: 'ARM64' }[p.arch];
    case 'ios':
      return p.multiarch.split(/[_-]/)[0] ?? '';
    case 'android':
      return ({ arm64_v8a: 'aarch64', armeabi_v7a: 'armv7l', x86_64: 'x86_64', x86: 'i686' } as Record<string, string>)[p.abi] ?? p.abi;
    default:
      return p.arch;
  }
}

const SYSTEMS: Readonly<Record<TargetPlatform['os'], readonly [sysPlatform: string, system: string, osName: string]>> = {
  linux: ['linux', 'Linux', 'posix'],
  macos: ['darwin', 'Darwin', 'posix'],
  windows: ['win32', 'Windows', 'nt'],
  ios: ['ios', 'iOS', 'posix'],
  android: ['android', 'Android', 'posix'],
};

/** The PEP 508 marker values of a target (machine-specific release/version strings empty). */
export function targetMarkerEnvironment(t: TargetEnvironment): MarkerEnvironment {
  const [major, minor] = pyMajorMinor(t);
  const full = `${major}.${minor}.${t.pythonVersion[2] ?? 0}`;
  const [sysPlatform, system, osName] = SYSTEMS[t.platform.os];
  const pypy = t.implementation === 'pypy';
  return {
    implementation_name: pypy ? 'pypy' : 'cpython',
    implementation_version: pypy ? (t.implementationVersion ?? PYPY_VERSIONS[`${major}.${minor}`] ?? '7.3.20') : full,
    os_name: osName,
    platform_machine: machine(t.platform),
    platform_python_implementation: pypy ? 'PyPy' : 'CPython',
    platform_release: '',
    platform_system: system,
    platform_version: '',
    python_full_version: full,
    python_version: `${major}.${minor}`,
    sys_platform: sysPlatform,
  };
}
