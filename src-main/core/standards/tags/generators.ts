/**
 * Ordered tag generation per interpreter (PEP 425 "Use" section; PEP 384 abi3; PEP 703/803
 * free-threaded ABIs), following the order `packaging.tags` yields, best match first:
 * interpreter, then platform, then ABI.
 */
import { makeTag } from './tag';
import type { Tag } from './tag';

/** `[3, 12]` → `"312"`. */
export function versionNodot(version: readonly number[]): string {
  return version.join('');
}

/** Options for the CPython ABI tags of one interpreter build. */
export interface CpythonAbiOptions {
  /** A free-threaded (`--disable-gil`) build: ABI flag `t` (3.13+). */
  readonly freeThreaded?: boolean;
  /** A debug build (`Py_DEBUG`): ABI flag `d`. */
  readonly debug?: boolean;
  /** pymalloc (flag `m`, before 3.8); default true. */
  readonly pymalloc?: boolean;
  /** UCS-4 build (flag `u`, before 3.3); default true. */
  readonly ucs4?: boolean;
}

/** The ABI tags of a CPython build, most specific first (e.g. `["cp313t"]`, `["cp37dm"]`). */
export function cpythonAbis(version: readonly [number, number], opts: CpythonAbiOptions = {}): string[] {
  const nodot = versionNodot(version);
  const atLeast = (maj: number, min: number): boolean => version[0] > maj || (version[0] === maj && version[1] >= min);
  const threading = atLeast(3, 13) && opts.freeThreaded ? 't' : '';
  const debug = opts.debug ? 'd' : '';
  let pymalloc = '';
  let ucs4 = '';
  const abis: string[] = [];
  if (!atLeast(3, 8)) {
    if (opts.pymalloc ?? true) pymalloc = 'm';
    if (!atLeast(3, 3) && (opts.ucs4 ?? true)) ucs4 = 'u';
  } else if (debug) {
    // Debug builds also load normal extension modules.
    abis.push(`cp${nodot}${threading}`);
  }
  abis.unshift(`cp${nodot}${threading}${debug}${pymalloc}${ucs4}`);
  return abis;
}

function isThreadedCpython(abis: readonly string[]): boolean {
  const m = abis.length > 0 ? /^cp\d+(.*)/.exec(abis[0] as string) : null;
  return m !== null && (m[1] as string).includes('t');
}

/**
 * CPython tags (packaging.tags.cpython_tags): `cpXY-<abi>-<plat>` for each ABI, then
 * `abi3` (or `abi3t` for free-threaded ABIs), then `none`, then the stable ABI of every older
 * minor version down to 3.2. `abi3` and `none` in `abis` are ignored (handled explicitly).
 */
export function cpythonTags(pythonVersion: readonly number[], abis: readonly string[], platforms: readonly string[]): Tag[] {
  const out: Tag[] = [];
  let interpreter = `cp${versionNodot(pythonVersion.slice(0, 2))}`;
  const ownAbis = [...abis];
  for (const explicit of ['abi3', 'none']) {
    const i = ownAbis.indexOf(explicit);
    if (i >= 0) ownAbis.splice(i, 1);
  }
  for (const abi of ownAbis) for (const p of platforms) out.push(makeTag(interpreter, abi, p));
  const threading = isThreadedCpython(ownAbis);
  const major = pythonVersion[0] ?? 0;
  const minor = pythonVersion[1] ?? 0;
  const stable = pythonVersion.length > 1 && (major > 3 || (major === 3 && minor >= 2));
  const useAbi3 = stable && !threading;
  const useAbi3t = stable && threading;
  if (useAbi3) for (const p of platforms) out.push(makeTag(interpreter, 'abi3', p));
  if (useAbi3t) for (const p of platforms) out.push(makeTag(interpreter, 'abi3t', p));
  for (const p of platforms) out.push(makeTag(interpreter, 'none', p));
  if (useAbi3 || useAbi3t) {
    for (let m = minor - 1; m > 1; m--) {
      interpreter = `cp${major}${m}`;
      for (const p of platforms) {
        if (useAbi3) out.push(makeTag(interpreter, 'abi3', p));
        if (useAbi3t) out.push(makeTag(interpreter, 'abi3t', p));
      }
    }
  }
  return out;
}

/**
 * Tags for an interpreter without special rules (packaging.tags.generic_tags): each ABI
 * (with `none` appended when absent) times each platform.
 */
export function genericTags(interpreter: string, abis: readonly string[], platforms: readonly string[]): Tag[] {
  const all = abis.includes('none') ? [...abis] : [...abis, 'none'];
  const out: Tag[] = [];
  for (const abi of all) for (const p of platforms) out.push(makeTag(interpreter, abi, p));
  return out;
}

function pyInterpreterRange(version: readonly number[]): string[] {
  const out: string[] = [];
  const major = version[0] ?? 0;
  if (version.length > 1) out.push(`py${versionNodot(version.slice(0, 2))}`);
  out.push(`py${major}`);
  if (version.length > 1) for (let m = (version[1] ?? 0) - 1; m >= 0; m--) out.push(`py${major}${m}`);
  return out;
}

/**
 * Version-generic tags (packaging.tags.compatible_tags): `py*-none-<plat>`, then
 * `<interpreter>-none-any` when an interpreter is given, then `py*-none-any`.
 */
export function compatibleTags(pythonVersion: readonly number[], interpreter: string | null, platforms: readonly string[]): Tag[] {
  const out: Tag[] = [];
  const range = pyInterpreterRange(pythonVersion);
  for (const v of range) for (const p of platforms) out.push(makeTag(v, 'none', p));
  if (interpreter) out.push(makeTag(interpreter, 'none', 'any'));
  for (const v of range) out.push(makeTag(v, 'none', 'any'));
  return out;
}
