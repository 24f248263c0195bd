/**
 * The named targets offered in the UI: the CPython versions with upstream support and the
 * free-threaded builds cibuildwheel still builds, on the platforms wheels are commonly built
 * for (the default manylinux/musllinux images of builds.md §4, current macOS, Windows), plus PyPy.
 */
import { targetId, targetLabel } from './target-names';
import type { TargetEnvironment, TargetPlatform } from './targets';

/** A target with its id and label, for pickers. */
export interface NamedTarget {
  readonly id: string;
  readonly label: string;
  readonly target: TargetEnvironment;
}

const PLATFORMS: readonly TargetPlatform[] = [
  { os: 'linux', arch: 'x86_64', libc: { kind: 'glibc', version: [2, 28] } },
  { os: 'linux', arch: 'aarch64', libc: { kind: 'glibc', version: [2, 28] } },
  { os: 'linux', arch: 'x86_64', libc: { kind: 'glibc', version: [2, 17] } },
  { os: 'linux', arch: 'x86_64', libc: { kind: 'musl', version: [1, 2] } },
  { os: 'linux', arch: 'aarch64', libc: { kind: 'musl', version: [1, 2] } },
  { os: 'macos', arch: 'arm64', version: [14, 0] },
  { os: 'macos', arch: 'x86_64', version: [13, 0] },
  { os: 'windows', arch: 'amd64' },
  { os: 'windows', arch: 'arm64' },
];

const CPYTHONS: readonly (readonly [number, number, boolean])[] = [
  [3, 9, false], [3, 10, false], [3, 11, false], [3, 12, false], [3, 13, false], [3, 13, true], [3, 14, false], [3, 14, true],
];

const PYPY_PLATFORMS: readonly TargetPlatform[] = [
  { os: 'linux', arch: 'x86_64', libc: { kind: 'glibc', version: [2, 28] } },
  { os: 'macos', arch: 'arm64', version: [14, 0] },
  { os: 'windows', arch: 'amd64' },
];

function named(target: TargetEnvironment): NamedTarget {
  return { id: targetId(target), label: targetLabel(target), target };
}

function build(): NamedTarget[] {
  const out: NamedTarget[] = [];
  for (const [major, minor, ft] of CPYTHONS) {
    for (const platform of PLATFORMS) {
      if (ft && platform.os === 'windows' && platform.arch === 'arm64') continue;
      out.push(named({ implementation: 'cpython', pythonVersion: [major, minor], ...(ft ? { freeThreaded: true } : {}), platform }));
    }
  }
  for (const minor of [10, 11]) {
    for (const platform of PYPY_PLATFORMS) out.push(named({ implementation: 'pypy', pythonVersion: [3, minor], platform }));
  }
  return out;
}

/** The predefined targets, in menu order (by interpreter, then platform). */
export const PREDEFINED_TARGETS: readonly NamedTarget[] = Object.freeze(build());

/** A predefined target by id (`cp312-manylinux_2_28_x86_64`), or undefined. */
export function findPredefinedTarget(id: string): NamedTarget | undefined {
  return PREDEFINED_TARGETS.find((t) => t.id === id);
}
