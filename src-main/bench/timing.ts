/** Timing helpers shared by the benchmarks (not a benchmark itself: no `.bench.ts` suffix). */

/** The middle value (upper middle for an even count); NaN for an empty list. */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
}

/** Calls of `fn` per second, after `warmup` untimed calls, over about `ms` milliseconds. */
export function callsPerSecond(fn: () => unknown, ms: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    fn();
    n++;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}
