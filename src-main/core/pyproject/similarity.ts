/**
 * "Did you mean …?" helpers: bounded edit distance and nearest candidates.
 */

/** Levenshtein distance of `a` and `b`, or `max + 1` as soon as it exceeds `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Candidates closest to `word` (case-insensitive), best first: exact case-insensitive matches,
 * candidates starting with the word, then those within a distance that grows with its length.
 */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const w = word.toLowerCase();
  const max = Math.max(1, Math.min(4, Math.floor(w.length / 4)));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    // A candidate that extends the word (`MIT` → `MIT License`) ranks just after exact matches.
    const d = lc === w ? 0 : w.length >= 3 && lc.startsWith(w) ? 0.5 : boundedDistance(w, lc, max);
    if (d <= max) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, limit).map(([c]) => c);
}
