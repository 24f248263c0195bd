/**
 * Free-form target parsing: `cp312-manylinux_2_28_x86_64`, `CPython 3.13t, macOS 14 arm64`,
 * `3.12 musllinux_1_2_aarch64`, `PyPy 3.11 linux`, `python3.11 windows amd64`.
 *
 * Tokens (case-insensitive, separated by spaces, commas, semicolons or `-`): an implementation
 * (`cpython`/`cp`/`python`, `pypy`/`pp`), a Python version (`3.12`, `3.12.4`, `3.13t`, `cp312`,
 * `pypy3.11`), a platform tag (`manylinux_2_28_x86_64`, `manylinux2014_aarch64`,
 * `musllinux_1_2_x86_64`, `macosx_14_0_arm64`, `win_amd64`, `win32`, `linux_x86_64`,
 * `ios_17_0_arm64_iphoneos`, `android_24_arm64_v8a`), an OS word (`linux`, `manylinux`,
 * `musllinux`, `macos`, `windows`…) optionally followed by its version (`macOS 14`,
 * `glibc 2.31`, `musl 1.2`, `manylinux_2_28`), and an arch (`x86_64`/`amd64`, `aarch64`/`arm64`…).
 * A Linux distribution release (`ubuntu 22.04`, `debian 12`, `rhel 9`, `alpine`) stands for
 * its C library. Defaults: glibc 2.28 (the default manylinux image), musl 1.2, macOS 14, arch
 * x86_64 (arm64 on macOS).
 */
import type { Libc, LibcVersion } from './platforms';
import type { Implementation, TargetEnvironment, TargetPlatform } from './targets';

export type TargetParseErrorCode = 'EMPTY' | 'UNKNOWN_TOKEN' | 'CONFLICT' | 'NO_PYTHON_VERSION' | 'BAD_ARCH';

/** A target description that cannot be understood; `token` is the offending word. */
export class TargetParseError extends Error {
  override readonly name = 'TargetParseError';
  constructor(
    readonly code: TargetParseErrorCode,
    message: string,
    readonly token?: string,
  ) {
    super(message);
  }
}

export const DEFAULT_GLIBC: LibcVersion = [2, 28];
export const DEFAULT_MUSL: LibcVersion = [1, 2];
export const DEFAULT_MACOS: LibcVersion = [14, 0];

type Os = TargetPlatform['os'];
type Flavor = 'glibc' | 'musl' | 'none';

interface State {
  impl?: Implementation;
  version?: number[];
  freeThreaded?: boolean;
  debug?: boolean;
  os?: Os;
  flavor?: Flavor;
  osVersion?: LibcVersion;
  arch?: string;
  multiarch?: string;
  apiLevel?: number;
  abi?: string;
  /** The OS word just seen, whose version may follow. */
  expectVersionFor?: 'macos' | 'glibc' | 'musl' | 'ios' | 'android' | 'distro';
  /** The Linux distribution just named (its release gives the glibc version). */
  distro?: string;
}

/** glibc of Linux distribution releases (the manylinux level their wheels can use). */
const DISTROS: Readonly<Record<string, Readonly<Record<string, LibcVersion>>>> = {
  ubuntu: { '18.04': [2, 27], '20.04': [2, 31], '22.04': [2, 35], '24.04': [2, 39] },
  debian: { '10': [2, 28], '11': [2, 31], '12': [2, 36], '13': [2, 41] },
  rhel: { '7': [2, 17], '8': [2, 28], '9': [2, 34], '10': [2, 39] },
  amazonlinux: { '2': [2, 26], '2023': [2, 34] },
};
const DISTRO_ALIASES: Readonly<Record<string, string>> = { centos: 'rhel', alma: 'rhel', almalinux: 'rhel', rocky: 'rhel', rockylinux: 'rhel', amzn: 'amazonlinux' };
/** Words that carry no information in a target description. */
const FILLER = new Set(['on', 'for', 'with', 'the', 'and', 'abi3', 'abi3t', 'none', 'any', 'bit', 'free', 'apple']);

const IMPL_WORDS: Readonly<Record<string, Implementation>> = { cpython: 'cpython', cp: 'cpython', python: 'cpython', pypy: 'pypy', pp: 'pypy' };
const OS_WORDS: Readonly<Record<string, [Os, Flavor | undefined, State['expectVersionFor']]>> = {
  linux: ['linux', undefined, undefined],
  gnu: ['linux', 'glibc', 'glibc'],
  glibc: ['linux', 'glibc', 'glibc'],
  manylinux: ['linux', 'glibc', 'glibc'],
  musllinux: ['linux', 'musl', 'musl'],
  musl: ['linux', 'musl', 'musl'],
  alpine: ['linux', 'musl', undefined],
  macos: ['macos', undefined, 'macos'],
  macosx: ['macos', undefined, 'macos'],
  osx: ['macos', undefined, 'macos'],
  darwin: ['macos', undefined, 'macos'],
  mac: ['macos', undefined, 'macos'],
  windows: ['windows', undefined, undefined],
  win: ['windows', undefined, undefined],
  ios: ['ios', undefined, 'ios'],
  android: ['android', undefined, 'android'],
};
const ARCH_WORDS: Readonly<Record<string, string>> = {
  x86_64: 'x86_64', amd64: 'x86_64', x64: 'x86_64', aarch64: 'aarch64', arm64: 'aarch64', i686: 'i686', i386: 'i686',
  x86: 'i686', win32: 'i686', silicon: 'aarch64', intel: 'x86_64', armv7l: 'armv7l', armv7: 'armv7l', armv8l: 'armv8l', ppc64le: 'ppc64le', ppc64: 'ppc64',
  s390x: 's390x', riscv64: 'riscv64', loongarch64: 'loongarch64', universal2: 'universal2',
};
const LEGACY_GLIBC: Readonly<Record<string, LibcVersion>> = { '1': [2, 5], '2010': [2, 12], '2014': [2, 17] };

function set<K extends keyof State>(s: State, key: K, value: NonNullable<State[K]>, token: string): void {
  const old = s[key];
  if (old !== undefined && JSON.stringify(old) !== JSON.stringify(value)) {
    throw new TargetParseError('CONFLICT', `${JSON.stringify(token)} conflicts with an earlier ${key} (${JSON.stringify(old)})`, token);
  }
  s[key] = value;
}

function setPython(s: State, version: string, flags: string | undefined, token: string): void {
  set(s, 'version', version.split('.').map(Number), token);
  if (flags?.includes('t')) set(s, 'freeThreaded', true, token);
  if (flags?.includes('d')) set(s, 'debug', true, token);
}

/** Platform tags; returns false when `tok` is not one. */
function platformTag(s: State, tok: string): boolean {
  let m: RegExpExecArray | null;
  const lib = (flavor: Flavor, v: LibcVersion, arch: string): void => {
    set(s, 'os', 'linux', tok);
    set(s, 'flavor', flavor, tok);
    if (flavor !== 'none') set(s, 'osVersion', v, tok);
    set(s, 'arch', arch, tok);
  };
  if ((m = /^manylinux_(\d+)_(\d+)(?:_(\w+))?$/.exec(tok))) {
    lib('glibc', [Number(m[1]), Number(m[2])], m[3] ?? '');
    if (!m[3]) delete s.arch;
  } else if ((m = /^manylinux(1|2010|2014)(?:_(\w+))?$/.exec(tok))) {
    lib('glibc', LEGACY_GLIBC[m[1] as string] as LibcVersion, m[2] ?? '');
    if (!m[2]) delete s.arch;
  } else if ((m = /^musllinux_(\d+)_(\d+)(?:_(\w+))?$/.exec(tok))) {
    lib('musl', [Number(m[1]), Number(m[2])], m[3] ?? '');
    if (!m[3]) delete s.arch;
  } else if ((m = /^linux_(\w+)$/.exec(tok))) {
    lib('none', [0, 0], m[1] as string);
  } else if ((m = /^macosx_(\d+)_(\d+)(?:_(\w+))?$/.exec(tok))) {
    set(s, 'os', 'macos', tok);
    set(s, 'osVersion', [Number(m[1]), Number(m[2])], tok);
    if (m[3]) set(s, 'arch', m[3] === 'arm64' ? 'aarch64' : m[3], tok);
  } else if ((m = /^win_(amd64|arm64)$/.exec(tok)) || tok === 'win32') {
    set(s, 'os', 'windows', tok);
    set(s, 'arch', ARCH_WORDS[m ? (m[1] as string) : 'win32'] as string, tok);
  } else if ((m = /^ios_(\d+)_(\d+)_(\w+)$/.exec(tok))) {
    set(s, 'os', 'ios', tok);
    set(s, 'osVersion', [Number(m[1]), Number(m[2])], tok);
    set(s, 'multiarch', m[3] as string, tok);
  } else if ((m = /^android_(\d+)_(\w+)$/.exec(tok))) {
    set(s, 'os', 'android', tok);
    set(s, 'apiLevel', Number(m[1]), tok);
    set(s, 'abi', m[2] as string, tok);
  } else {
    return false;
  }
  return true;
}

/** Tell an OS version (`macOS 14`, `glibc 2.31`) from a Python version that follows an OS word. */
function plausibleOsVersion(expect: NonNullable<State['expectVersionFor']>, major: number, minor: string | undefined): boolean {
  switch (expect) {
    case 'glibc':
      return major === 2 && minor !== undefined;
    case 'musl':
      return major === 1 && minor !== undefined;
    case 'macos':
      return major >= 10;
    case 'ios':
      return major >= 12;
    case 'android':
      return minor === undefined && major >= 16;
    case 'distro':
      return false;
  }
}

function token(s: State, tok: string): void {
  const expect = s.expectVersionFor;
  s.expectVersionFor = undefined;
  let m: RegExpExecArray | null;
  if (expect && (m = /^(\d+)(?:[._](\d+))?$/.exec(tok)) && plausibleOsVersion(expect, Number(m[1]), m[2])) {
    if (expect === 'android') set(s, 'apiLevel', Number(tok), tok);
    else set(s, 'osVersion', [Number(m[1]), Number(m[2] ?? 0)], tok);
    return;
  }
  if (expect === 'distro' && s.distro && /^\d+(\.\d+)?$/.test(tok)) {
    const glibc = DISTROS[s.distro]?.[tok] ?? DISTROS[s.distro]?.[tok.replace(/\.0$/, '')];
    if (!glibc) throw new TargetParseError('UNKNOWN_TOKEN', `Unknown ${s.distro} release ${JSON.stringify(tok)} (known: ${Object.keys(DISTROS[s.distro] ?? {}).join(', ')})`, tok);
    return set(s, 'osVersion', glibc, tok);
  }
  if (FILLER.has(tok)) return;
  if (tok === 'threaded' || tok === 'freethreaded' || tok === 'nogil') return set(s, 'freeThreaded', true, tok);
  if (tok in IMPL_WORDS) return set(s, 'impl', IMPL_WORDS[tok] as Implementation, tok);
  const distro = DISTRO_ALIASES[tok] ?? (tok in DISTROS ? tok : undefined);
  if (distro) {
    set(s, 'os', 'linux', tok);
    set(s, 'flavor', 'glibc', tok);
    s.distro = distro;
    s.expectVersionFor = 'distro';
    return;
  }
  if ((m = /^pypy(\d)(\d+)_pp\d+$/.exec(tok))) {
    set(s, 'impl', 'pypy', tok);
    return setPython(s, `${m[1]}.${m[2]}`, '', tok);
  }
  if ((m = /^(?:(cpython|python|pypy)-?)?(\d+\.\d+(?:\.\d+)?)([td]*)$/.exec(tok))) {
    if (m[1]) set(s, 'impl', IMPL_WORDS[m[1]] as Implementation, tok);
    return setPython(s, m[2] as string, m[3], tok);
  }
  if ((m = /^(cp|pp|py)(\d)(\d+)([tdmu]*)$/.exec(tok))) {
    set(s, 'impl', m[1] === 'pp' ? 'pypy' : 'cpython', tok);
    return setPython(s, `${m[2]}.${m[3]}`, m[4], tok);
  }
  if (platformTag(s, tok)) return;
  const os = OS_WORDS[tok];
  if (os) {
    set(s, 'os', os[0], tok);
    if (os[1]) set(s, 'flavor', os[1], tok);
    s.expectVersionFor = os[2];
    return;
  }
  const arch = ARCH_WORDS[tok];
  if (arch) return set(s, 'arch', arch, tok);
  throw new TargetParseError('UNKNOWN_TOKEN', `Unrecognized word ${JSON.stringify(tok)} in target`, tok);
}

function platformOf(s: State): TargetPlatform {
  const os = s.os ?? (s.arch === 'universal2' ? 'macos' : 'linux');
  const arch = s.arch;
  const bad = (a: string): never => {
    throw new TargetParseError('BAD_ARCH', `Architecture ${JSON.stringify(a)} is not available on ${os}`, a);
  };
  switch (os) {
    case 'macos': {
      const macArch = arch === undefined || arch === 'aarch64' ? 'arm64' : arch === 'i686' ? 'i386' : arch;
      if (!['arm64', 'x86_64', 'universal2', 'intel', 'i386', 'ppc', 'ppc64'].includes(macArch)) bad(macArch);
      return { os, arch: macArch, version: s.osVersion ?? DEFAULT_MACOS };
    }
    case 'windows': {
      const win = ({ x86_64: 'amd64', aarch64: 'arm64', i686: 'win32' } as Record<string, 'amd64' | 'arm64' | 'win32'>)[arch ?? 'x86_64'];
      return { os, arch: win ?? bad(arch ?? '') };
    }
    case 'ios':
      return { os, version: s.osVersion ?? [17, 0], multiarch: s.multiarch ?? (arch === 'x86_64' ? 'x86_64_iphonesimulator' : 'arm64_iphoneos') };
    case 'android':
      return { os, apiLevel: s.apiLevel ?? 24, abi: s.abi ?? ({ x86_64: 'x86_64', i686: 'x86', armv7l: 'armeabi_v7a' } as Record<string, string>)[arch ?? ''] ?? 'arm64_v8a' };
    case 'linux': {
      const linuxArch = arch ?? 'x86_64';
      if (linuxArch === 'universal2') bad(linuxArch);
      const flavor = s.flavor ?? 'glibc';
      const libc: Libc = flavor === 'none' ? { kind: 'none' } : { kind: flavor, version: s.osVersion ?? (flavor === 'musl' ? DEFAULT_MUSL : DEFAULT_GLIBC) };
      return { os, arch: linuxArch, libc };
    }
  }
}

/** Parse a free-form target description; throws TargetParseError. */
export function parseTarget(text: string): TargetEnvironment {
  const tokens = text.toLowerCase().split(/[\s,;/()]+|(?<=[a-z0-9])-(?=[a-z0-9])/).filter(Boolean);
  if (tokens.length === 0) throw new TargetParseError('EMPTY', 'Empty target description');
  const s: State = {};
  for (const tok of tokens) token(s, tok);
  if (!s.version) throw new TargetParseError('NO_PYTHON_VERSION', `No Python version in target ${JSON.stringify(text)} (e.g. "3.12" or "cp312")`);
  const platform = platformOf(s);
  return {
    implementation: s.impl ?? 'cpython',
    pythonVersion: s.version,
    ...(s.freeThreaded ? { freeThreaded: true } : {}),
    ...(s.debug ? { debug: true } : {}),
    platform,
  };
}
