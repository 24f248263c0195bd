/**
 * The environment a resolution is for: PEP 508 marker values, the Python version that
 * Requires-Python is checked against, and the wheel tags (PEP 425) the target accepts, best
 * first. Built from the standards core's target environments (tags/targets.ts).
 */
import { release } from 'node:os';
import type { MarkerEnvironment } from '../standards/environment';
import { parseVersion, type Version } from '../standards/pep440';
import { parseTarget, targetLabel, targetMarkerEnvironment, targetTags, type Tag, type TargetEnvironment } from '../standards/tags';

/** One resolution target. `tags: null` accepts every wheel (tags unknown). */
export interface ResolverTarget {
  readonly markers: MarkerEnvironment;
  readonly python: Version;
  readonly tags: readonly Tag[] | null;
  readonly label: string;
}

/** A resolver target from a standards-core target environment (`pythonVersion` [3,12] or [3,12,4]). */
export function resolverTarget(t: TargetEnvironment): ResolverTarget {
  const markers = targetMarkerEnvironment(t);
  return { markers, python: parseVersion(markers.python_full_version), tags: targetTags(t), label: targetLabel(t) };
}

/**
 * A target environment from a Python version (`3.12`, `3.9.21`) and an optional platform, given
 * as a wheel platform tag or free text (`manylinux_2_28_x86_64`, `win_amd64`, `macos arm64`)
 * or uv's `--python-platform` spelling (`x86_64-manylinux2014`, `aarch64-apple-darwin`).
 * Default platform: manylinux_2_28 x86_64.
 */
export function targetFromStrings(python: string, platform?: string): TargetEnvironment {
  const pythonVersion = python.split('.').map((x) => Number.parseInt(x, 10));
  if (pythonVersion.length < 2 || pythonVersion.some((n) => !Number.isFinite(n))) throw new Error(`not a Python version: ${JSON.stringify(python)}`);
  const parsed = parseTarget(`cp${pythonVersion[0]}${pythonVersion[1]} ${uvPlatform(platform ?? 'manylinux_2_28_x86_64')}`);
  return { ...parsed, pythonVersion };
}

const UV_TRIPLES: Readonly<Record<string, string>> = {
  'x86_64-unknown-linux-gnu': 'manylinux_2_28_x86_64',
  'aarch64-unknown-linux-gnu': 'manylinux_2_28_aarch64',
  'x86_64-unknown-linux-musl': 'musllinux_1_2_x86_64',
  'aarch64-unknown-linux-musl': 'musllinux_1_2_aarch64',
  'x86_64-apple-darwin': 'macosx_13_0_x86_64',
  'aarch64-apple-darwin': 'macosx_14_0_arm64',
  'x86_64-pc-windows-msvc': 'win_amd64',
  'aarch64-pc-windows-msvc': 'win_arm64',
  'i686-pc-windows-msvc': 'win32',
  linux: 'manylinux_2_28_x86_64',
  macos: 'macosx_14_0_arm64',
  windows: 'win_amd64',
};

/** uv's `--python-platform` names → a platform our target parser reads. */
function uvPlatform(p: string): string {
  const known = UV_TRIPLES[p.toLowerCase()];
  if (known) return known;
  const m = /^([a-z0-9_]+)-(manylinux\w*|musllinux\w*)$/i.exec(p);
  if (m) {
    const [, arch, libc] = m as unknown as [string, string, string];
    const legacy: Record<string, string> = { manylinux1: 'manylinux_2_5', manylinux2010: 'manylinux_2_12', manylinux2014: 'manylinux_2_17' };
    return `${legacy[libc.toLowerCase()] ?? libc}_${arch}`;
  }
  return p;
}

/** A short label (`CPython 3.12, manylinux_2_28 x86_64`). */
export function describeTarget(t: TargetEnvironment): string {
  return targetLabel(t);
}

/**
 * The wheel platform tag of the machine we run on (`manylinux_2_36_x86_64`,
 * `macosx_14_0_arm64`, `win_amd64`), for "resolve for this machine" defaults.
 */
export function hostPlatformTag(): string {
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? (process.platform === 'linux' ? 'aarch64' : 'arm64') : process.arch === 'ia32' ? 'i686' : process.arch;
  if (process.platform === 'win32') return arch === 'arm64' ? 'win_arm64' : arch === 'i686' ? 'win32' : 'win_amd64';
  if (process.platform === 'darwin') {
    // Darwin 20 is macOS 11, Darwin 23 is macOS 14.
    const major = Number.parseInt(release().split('.')[0] ?? '0', 10);
    return `macosx_${Math.max(11, major - 9)}_0_${arch}`;
  }
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  const glibc = header?.glibcVersionRuntime?.split('.').map((x) => Number.parseInt(x, 10));
  if (glibc && glibc.length >= 2) return `manylinux_${glibc[0]}_${glibc[1]}_${arch}`;
  return `musllinux_1_2_${arch}`;
}

/**
 * The version of the Python on PATH (`python3`, or PACKWRIGHT_PYTHON), as `X.Y.Z`: the default
 * target, as uv resolves for the interpreter it finds. Null when there is none.
 */
export async function hostPythonVersion(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(env.PACKWRIGHT_PYTHON ?? 'python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { timeout: 5_000 }, (err, stdout) => {
      const v = String(stdout).trim();
      resolve(!err && /^\d+\.\d+\.\d+$/.test(v) ? v : null);
    });
  });
}
