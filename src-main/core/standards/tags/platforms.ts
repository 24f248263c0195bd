/**
 * Ordered platform tags for a target system, most specific first, as `packaging.tags`
 * computes them for the running system — here from explicit parameters:
 * - manylinux: PEP 600 (`manylinux_{glibc major}_{minor}_{arch}`) with the legacy aliases of
 *   PEP 513/571/599 (manylinux1 = 2_5, manylinux2010 = 2_12, manylinux2014 = 2_17);
 * - musllinux: PEP 656 (`musllinux_{musl major}_{minor}_{arch}`);
 * - macOS: the version ladder and the binary formats (intel, fat*, universal, universal2);
 * - iOS (PEP 730) and Android (PEP 738).
 */

/** Arches for which packaging emits manylinux tags (besides i686 and armv7l, which need a 32-bit/armhf interpreter). */
const MANYLINUX_ARCHS = new Set(['x86_64', 'aarch64', 'ppc64', 'ppc64le', 's390x', 'loongarch64', 'riscv64']);

const LEGACY_MANYLINUX: ReadonlyMap<string, string> = new Map([
  ['2_17', 'manylinux2014'],
  ['2_12', 'manylinux2010'],
  ['2_5', 'manylinux1'],
]);

/** glibc/musl versions have a major and a minor part. */
export type LibcVersion = readonly [number, number];

/**
 * The last minor of each past glibc major, for the (so far hypothetical) step to glibc 3;
 * packaging assumes 50.
 */
const LAST_GLIBC_MINOR = 50;

/**
 * manylinux tags (packaging._manylinux.platform_tags) for a glibc version and the compatible
 * arches, newest first, each followed by its legacy alias. The oldest glibc considered is
 * 2.5 on x86_64/i686 and 2.17 elsewhere; i686 and armv7l assume a matching 32-bit interpreter.
 */
export function manylinuxPlatforms(archs: readonly string[], glibc: LibcVersion): string[] {
  const compatibleAbi = archs.includes('armv7l') || archs.includes('i686') || archs.some((a) => MANYLINUX_ARCHS.has(a));
  if (!compatibleAbi) return [];
  const tooOld: LibcVersion = archs.some((a) => a === 'x86_64' || a === 'i686') ? [2, 4] : [2, 16];
  const maxList: LibcVersion[] = [glibc];
  for (let major = glibc[0] - 1; major > 1; major--) maxList.push([major, LAST_GLIBC_MINOR]);
  const out: string[] = [];
  for (const arch of archs) {
    for (const [major, maxMinor] of maxList) {
      const minMinor = major === tooOld[0] ? tooOld[1] : -1;
      for (let minor = maxMinor; minor > minMinor; minor--) {
        out.push(`manylinux_${major}_${minor}_${arch}`);
        const legacy = LEGACY_MANYLINUX.get(`${major}_${minor}`);
        if (legacy) out.push(`${legacy}_${arch}`);
      }
    }
  }
  return out;
}

/** musllinux tags (PEP 656; packaging._musllinux.platform_tags): same major, minors down to 0. */
export function musllinuxPlatforms(archs: readonly string[], musl: LibcVersion): string[] {
  const out: string[] = [];
  for (const arch of archs) for (let minor = musl[1]; minor >= 0; minor--) out.push(`musllinux_${musl[0]}_${minor}_${arch}`);
  return out;
}

/** Which C library a Linux target uses, with its version; `none` gives only `linux_<arch>`. */
export type Libc = { readonly kind: 'glibc'; readonly version: LibcVersion } | { readonly kind: 'musl'; readonly version: LibcVersion } | { readonly kind: 'none' };

/**
 * All platform tags of a Linux target (packaging.tags._linux_platforms): manylinux, then
 * musllinux, then `linux_<arch>`. A 32-bit ARM interpreter on a 64-bit kernel (`armv8l`)
 * also accepts armv7l wheels.
 */
export function linuxPlatforms(arch: string, libc: Libc): string[] {
  const archs = arch === 'armv8l' ? ['armv8l', 'armv7l'] : [arch];
  const out: string[] = [];
  if (libc.kind === 'glibc') out.push(...manylinuxPlatforms(archs, libc.version));
  if (libc.kind === 'musl') out.push(...musllinuxPlatforms(archs, libc.version));
  for (const a of archs) out.push(`linux_${a}`);
  return out;
}

function cmp(a: LibcVersion, b: LibcVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Binary formats a macOS binary of `cpuArch` may carry at a given macOS version. */
function macBinaryFormats(version: LibcVersion, cpuArch: string): string[] {
  const formats = [cpuArch];
  if (cpuArch === 'x86_64') {
    if (cmp(version, [10, 4]) < 0) return [];
    formats.push('intel', 'fat64', 'fat32');
  } else if (cpuArch === 'i386') {
    if (cmp(version, [10, 4]) < 0) return [];
    formats.push('intel', 'fat32', 'fat');
  } else if (cpuArch === 'ppc64') {
    if (cmp(version, [10, 5]) > 0 || cmp(version, [10, 4]) < 0) return [];
    formats.push('fat64');
  } else if (cpuArch === 'ppc') {
    if (cmp(version, [10, 6]) > 0) return [];
    formats.push('fat32', 'fat');
  }
  if (cpuArch === 'arm64' || cpuArch === 'x86_64') formats.push('universal2');
  if (['x86_64', 'i386', 'ppc64', 'ppc', 'intel'].includes(cpuArch)) formats.push('universal');
  return formats;
}

/**
 * macOS platform tags (packaging.tags.mac_platforms) for a macOS version and CPU arch.
 *
 * Before macOS 11 each release bumped the minor (10.x); from 11 each bumps the major and the
 * minor is the mid-year update, so only `X_0` tags are generated. On 11+, x86_64 also accepts
 * every 10.x binary and arm64 accepts 10.x `universal2` binaries.
 */
export function macPlatforms(version: LibcVersion, arch: string): string[] {
  const out: string[] = [];
  const emit = (major: number, minor: number, formats: readonly string[]): void => {
    for (const f of formats) out.push(`macosx_${major}_${minor}_${f}`);
  };
  if (cmp(version, [10, 0]) >= 0 && cmp(version, [11, 0]) < 0) {
    for (let minor = version[1]; minor >= 0; minor--) emit(10, minor, macBinaryFormats([10, minor], arch));
  }
  if (cmp(version, [11, 0]) >= 0) {
    for (let major = version[0]; major > 10; major--) emit(major, 0, macBinaryFormats([major, 0], arch));
    for (let minor = 16; minor > 3; minor--) {
      emit(10, minor, arch === 'x86_64' ? macBinaryFormats([10, minor], arch) : ['universal2']);
    }
  }
  return out;
}

/**
 * iOS platform tags (PEP 730; packaging.tags.ios_platforms): the requested `X.Y`, then every
 * lower minor of X, then `.9` down to `.0` of each major down to 12.
 */
export function iosPlatforms(version: LibcVersion, multiarch: string): string[] {
  const ma = multiarch.replace(/-/g, '_');
  if (version[0] < 12) return [];
  const out = [`ios_${version[0]}_${version[1]}_${ma}`];
  for (let minor = version[1] - 1; minor >= 0; minor--) out.push(`ios_${version[0]}_${minor}_${ma}`);
  for (let major = version[0] - 1; major > 11; major--) for (let minor = 9; minor >= 0; minor--) out.push(`ios_${major}_${minor}_${ma}`);
  return out;
}

/** Android platform tags (PEP 738; packaging.tags.android_platforms): API level down to 16. */
export function androidPlatforms(apiLevel: number, abi: string): string[] {
  const normalized = abi.replace(/[.\- ]/g, '_');
  const out: string[] = [];
  for (let level = apiLevel; level >= 16; level--) out.push(`android_${level}_${normalized}`);
  return out;
}
