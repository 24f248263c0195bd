/**
 * Differential test: (marker, environment) pairs against pypa/packaging 26.2's
 * `Marker.evaluate` and `str(Marker)` — real markers harvested from the corpora and seeded
 * generated ones, plus mutated markers for the error positions. One batched Python call.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPythonBatch } from '../../../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../../../testing/require-tool';
import { InvalidMarkerError } from '../errors';
import { lockfileMarkers, resolvelibRequirementStrings } from '../testing/corpus';
import { markerCase, type MarkerCase, randomMarker } from '../testing/marker-cases';
import { mutate, Rng } from '../testing/random';
import { evaluateMarker, type MarkerDiagnostics } from './evaluate';
import { parseMarker } from './parse';

const oracle = fileURLToPath(new URL('./marker.oracle.py', import.meta.url));
const { python, check } = pythonWithPackaging();

type Answer =
  | { ok: true; str: string; result: boolean | string }
  | { ok: false; kind: string; start?: number; end?: number; message: string };

function ours(c: MarkerCase): Answer {
  let m;
  try {
    m = parseMarker(c.marker);
  } catch (e) {
    if (!(e instanceof InvalidMarkerError)) throw e;
    return { ok: false, kind: 'syntax', start: e.spanStart, end: e.position, message: e.reason };
  }
  const diagnostics: MarkerDiagnostics = { undefinedComparisons: [] };
  const result = evaluateMarker(m, c.env, { extra: c.extra, extras: new Set(c.extras), dependencyGroups: new Set(c.groups) }, diagnostics);
  // packaging raises on any undefined comparison; we answer false and report it.
  return { ok: true, str: m.toString(), result: diagnostics.undefinedComparisons.length > 0 ? `undefined:${result ? 'True' : 'False'}` : result };
}

function realMarkers(): string[] {
  const fromRequirements = resolvelibRequirementStrings()
    .filter((s) => s.includes(';'))
    .map((s) => s.slice(s.indexOf(';') + 1));
  return [...new Set([...fromRequirements, ...lockfileMarkers()])];
}

describe.skipIf(skipUnless(check))('markers vs packaging 26.2', () => {
  it('evaluates and prints (marker, environment) pairs identically', async () => {
    const rng = new Rng(0x508);
    const real = realMarkers();
    const cases: MarkerCase[] = [];
    for (const m of real) for (let k = 0; k < 4; k++) cases.push(markerCase(rng, m));
    for (let i = 0; i < 9000; i++) cases.push(markerCase(rng, randomMarker(rng)));
    const seeds = cases.map((c) => c.marker);
    for (let i = 0; i < 3000; i++) cases.push(markerCase(rng, mutate(rng.pick(seeds), rng)));

    const expected = await runPythonBatch<MarkerCase, Answer>(oracle, cases, { python });
    const mismatches: string[] = [];
    const tally = { valid: 0, true: 0, false: 0, raised: 0, syntax: 0, other: 0 };
    cases.forEach((c, i) => {
      const want = expected[i] as Answer;
      const got = ours(c);
      if (want.ok) {
        tally.valid++;
        if (want.result === true) tally.true++;
        else if (want.result === false) tally.false++;
        else tally.raised++;
      } else if (want.kind === 'syntax') tally.syntax++;
      else tally.other++;
      let same: boolean;
      if (!want.ok && want.kind !== 'syntax') same = !got.ok;
      else if (want.ok && typeof want.result === 'string') {
        // packaging raised (UndefinedComparison, KeyError, AssertionError): we must report an
        // undefined comparison and answer as if that comparison were false.
        same = got.ok && got.str === want.str && got.result === `undefined:${want.result.split(':')[1] ?? ''}`;
      }
      else same = JSON.stringify(got) === JSON.stringify(want);
      if (!same && mismatches.length < 20) {
        mismatches.push(`${JSON.stringify(c)}\n  packaging: ${JSON.stringify(want)}\n  ours:      ${JSON.stringify(got)}`);
      }
    });
    console.log(
      `markers: ${cases.length} pairs (${real.length} real markers x4, 9000 generated, 3000 mutated): ` +
        `${tally.valid} valid (${tally.true} true, ${tally.false} false, ${tally.raised} raised in packaging = diagnostic here, that comparison false), ` +
        `${tally.syntax} syntax errors (position compared), ${tally.other} other packaging exceptions`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(10_000);
    expect(mismatches).toEqual([]);
  });
});
