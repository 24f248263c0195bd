/**
 * Names for target environments: a compact id in the style of cibuildwheel build identifiers
 * and wheel tags (`cp312-manylinux_2_28_x86_64`, `cp313t-macosx_14_0_arm64`, `pp311-win_amd64`)
 * and a human label (`CPython 3.13t, macOS 14 arm64`). Both parse back with parseTarget.
 */
import type { TargetEnvironment, TargetPlatform } from './targets';

/** The platform tag that names a target platform (its most specific one). */
export function primaryPlatformTag(p: TargetPlatform): string {
  switch (p.os) {
    case 'linux':
      if (p.libc.kind === 'none') return `linux_${p.arch}`;
      return `${p.libc.kind === 'glibc' ? 'manylinux' : 'musllinux'}_${p.libc.version[0]}_${p.libc.version[1]}_${p.arch}`;
    case 'macos':
      return `macosx_${p.version[0]}_${p.version[1]}_${p.arch}`;
    case 'windows':
      return p.arch === 'win32' ? 'win32' : `win_${p.arch}`;
    case 'ios':
      return `ios_${p.version[0]}_${p.version[1]}_${p.multiarch}`;
    case 'android':
      return `android_${p.apiLevel}_${p.abi}`;
  }
}

function pyFlags(t: TargetEnvironment): string {
  return `${t.freeThreaded ? 't' : ''}${t.debug ? 'd' : ''}`;
}

/** `cp312-manylinux_2_28_x86_64` (the micro version and PyPy's own version are not part of it). */
export function targetId(t: TargetEnvironment): string {
  const impl = t.implementation === 'pypy' ? 'pp' : 'cp';
  return `${impl}${t.pythonVersion[0] ?? 3}${t.pythonVersion[1] ?? 0}${pyFlags(t)}-${primaryPlatformTag(t.platform)}`;
}

function platformLabel(p: TargetPlatform): string {
  switch (p.os) {
    case 'linux':
      if (p.libc.kind === 'none') return `linux_${p.arch}`;
      return `${p.libc.kind === 'glibc' ? 'manylinux' : 'musllinux'}_${p.libc.version[0]}_${p.libc.version[1]} ${p.arch}`;
    case 'macos':
      return `macOS ${p.version[0] >= 11 && p.version[1] === 0 ? p.version[0] : p.version.join('.')} ${p.arch}`;
    case 'windows':
      return `Windows ${p.arch}`;
    case 'ios':
      return `iOS ${p.version.join('.')} ${p.multiarch}`;
    case 'android':
      return `Android ${p.apiLevel} ${p.abi}`;
  }
}

/** `CPython 3.13t, macOS 14 arm64`, `PyPy 3.11, manylinux_2_28 x86_64`. */
export function targetLabel(t: TargetEnvironment): string {
  const impl = t.implementation === 'pypy' ? 'PyPy' : 'CPython';
  return `${impl} ${t.pythonVersion.join('.')}${pyFlags(t)}, ${platformLabel(t.platform)}`;
}
