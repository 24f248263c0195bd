import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runPythonBatch } from '../../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../../testing/require-tool';
import { formatTag } from './tag';
import { PREDEFINED_TARGETS } from './predefined';
import { targetMarkerEnvironment, targetTags } from './targets';
import type { TargetEnvironment, TargetPlatform } from './targets';

const oracle = fileURLToPath(new URL('./tags.oracle.py', import.meta.url));
const { python, check } = pythonWithPackaging();

interface MachineAnswer {
  tags: string[];
  version: number[];
  implementation: string;
  machine: string;
  system: string;
  glibc: string | null;
  gil_disabled: boolean;
  markers: Record<string, string>;
}

function variety(): TargetEnvironment[] {
  const plats: TargetPlatform[] = [];
  for (const arch of ['x86_64', 'i686', 'aarch64', 'armv7l', 'armv8l', 'ppc64le', 'ppc64', 's390x', 'riscv64', 'loongarch64', 'armv6l']) {
    for (const v of [[2, 5], [2, 17], [2, 31], [2, 41]] as const) plats.push({ os: 'linux', arch, libc: { kind: 'glibc', version: v } });
    for (const v of [[1, 1], [1, 2]] as const) plats.push({ os: 'linux', arch, libc: { kind: 'musl', version: v } });
    plats.push({ os: 'linux', arch, libc: { kind: 'none' } });
  }
  plats.push({ os: 'linux', arch: 'x86_64', libc: { kind: 'glibc', version: [3, 2] } });
  for (const arch of ['x86_64', 'arm64', 'universal2', 'i386', 'ppc', 'ppc64', 'intel']) {
    for (const v of [[10, 3], [10, 4], [10, 5], [10, 9], [10, 15], [10, 16], [11, 0], [12, 3], [15, 0], [26, 0]] as const) {
      plats.push({ os: 'macos', arch, version: v });
    }
  }
  for (const arch of ['amd64', 'win32', 'arm64'] as const) plats.push({ os: 'windows', arch });
  plats.push({ os: 'ios', version: [17, 2], multiarch: 'arm64-iphoneos' }, { os: 'ios', version: [11, 0], multiarch: 'arm64_iphoneos' });
  plats.push({ os: 'android', apiLevel: 24, abi: 'arm64-v8a' }, { os: 'android', apiLevel: 16, abi: 'x86_64' });
  const out: TargetEnvironment[] = [];
  const pythons: Omit<TargetEnvironment, 'platform'>[] = [
    { implementation: 'cpython', pythonVersion: [3, 12] },
    { implementation: 'cpython', pythonVersion: [3, 13], freeThreaded: true },
    { implementation: 'cpython', pythonVersion: [3, 7] },
    { implementation: 'cpython', pythonVersion: [2, 7] },
    { implementation: 'cpython', pythonVersion: [3, 2], debug: true },
    { implementation: 'cpython', pythonVersion: [3, 14], freeThreaded: true, debug: true },
    { implementation: 'cpython', pythonVersion: [3, 12, 4], debug: true },
    { implementation: 'pypy', pythonVersion: [3, 11] },
    { implementation: 'pypy', pythonVersion: [3, 9] },
  ];
  for (const [i, platform] of plats.entries()) {
    // Every platform with two interpreters, rotating, to keep the batch small but varied.
    out.push({ ...pythons[i % pythons.length], platform } as TargetEnvironment);
    out.push({ ...pythons[(i + 4) % pythons.length], platform } as TargetEnvironment);
  }
  return out;
}

describe('target tags vs packaging.tags', () => {
  it.skipIf(skipUnless(check))('match packaging for this machine, the predefined targets and a variety', async () => {
    const targets = [...PREDEFINED_TARGETS.map((n) => n.target), ...variety()];
    const answers = await runPythonBatch<unknown, { tags: string[] } & Partial<MachineAnswer>>(oracle, [{ sys: true }, ...targets], { python });
    const here = answers[0] as MachineAnswer;

    // This machine: build the target from the interpreter's facts, compare with sys_tags().
    expect(here.system).toBe('Linux');
    const glibc = here.glibc?.split('.').map(Number);
    const machineTarget: TargetEnvironment = {
      implementation: here.implementation === 'pypy' ? 'pypy' : 'cpython',
      pythonVersion: here.version,
      freeThreaded: here.gil_disabled,
      platform: { os: 'linux', arch: here.machine, libc: glibc ? { kind: 'glibc', version: [glibc[0] ?? 0, glibc[1] ?? 0] } : { kind: 'none' } },
    };
    expect(targetTags(machineTarget).map(formatTag)).toEqual(here.tags);
    const markers = targetMarkerEnvironment(machineTarget);
    for (const [k, v] of Object.entries(markers)) {
      if (k === 'platform_release' || k === 'platform_version') continue; // machine-specific, unknown for a target
      expect([k, v]).toEqual([k, here.markers[k]]);
    }

    let total = 0;
    for (const [i, t] of targets.entries()) {
      const mine = targetTags(t).map(formatTag);
      const theirs = answers[i + 1]?.tags ?? [];
      const at = mine.findIndex((tag, j) => tag !== theirs[j]);
      const first = at >= 0 ? at : mine.length === theirs.length ? -1 : Math.min(mine.length, theirs.length);
      expect({ target: JSON.stringify(t), first, mine: mine[first], theirs: theirs[first] }).toEqual({ target: JSON.stringify(t), first: -1, mine: undefined, theirs: undefined });
      total += mine.length;
    }
    console.log(`tags: ${targets.length} targets (+ this machine, ${here.tags.length} tags) match packaging.tags; ${total} tags compared`);
  });
});
