/**
 * Property test: random edit sequences on real fixtures parse to the expected data, and every
 * line of a key the sequence did not touch stays byte-identical, in order.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { parseTOML, type AST } from 'toml-eslint-parser';
import { pyprojectFixtures } from '../testing/fixtures';
import { segmentName, type DataPath } from '../toml/locate';
import { toPlain, type TomlValue } from '../toml/parse';
import { applyEdits } from './apply-edits';
import type { EditChange } from './changes';
import { lineStartAt, nextLineStart } from './text-scan';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Apply a change to plain data the way applyEdits must; false when it does not apply. */
function model(data: Obj, ch: EditChange): boolean {
  const parentPath = ch.path.slice(0, -1);
  const last = ch.path[ch.path.length - 1] as string | number;
  let cur: unknown = data;
  for (const seg of parentPath) {
    if (!isObj(cur)) return false;
    if (cur[seg] === undefined) {
      if (ch.kind !== 'set' && ch.kind !== 'insertItem') return true;
      cur[seg] = {};
    }
    cur = cur[seg];
  }
  if (!isObj(cur)) return false;
  const existing = cur[last];
  switch (ch.kind) {
    case 'set':
      cur[last] = structuredClone(ch.value);
      return true;
    case 'remove':
      delete cur[last];
      return true;
    case 'insertItem':
      if (existing === undefined) cur[last] = [structuredClone(ch.value)];
      else if (Array.isArray(existing)) existing.splice(ch.index ?? existing.length, 0, structuredClone(ch.value));
      else return false;
      return true;
    case 'removeItem':
      if (!Array.isArray(existing) || ch.index >= existing.length) return false;
      existing.splice(ch.index, 1);
      return true;
    default:
      return false;
  }
}

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('a"b', "it's", 'back\\slash', 'tab\tx', 'line\nbreak', 'é😀', ''));
const strArray = fc.array(text, { maxLength: 4 });
const label = fc.constantFrom('Homepage', 'Source Code', 'docs', 'a.b');

const change: fc.Arbitrary<EditChange> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom<DataPath>(['project', 'description'], ['project', 'license'], ['tool', 'pw-test', 'opt']), value: text }),
  fc.record({ kind: fc.constant('set' as const), path: label.map((l): DataPath => ['project', 'urls', l]), value: text }),
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom<DataPath>(['project', 'keywords'], ['dependency-groups', 'pw-dev'], ['project', 'optional-dependencies', 'pw-x']), value: strArray }),
  fc.record({ kind: fc.constant('insertItem' as const), path: fc.constantFrom<DataPath>(['project', 'keywords'], ['project', 'classifiers'], ['project', 'dependencies']), value: text, index: fc.option(fc.nat(5), { nil: undefined }) }),
  fc.record({ kind: fc.constant('removeItem' as const), path: fc.constantFrom<DataPath>(['project', 'keywords'], ['project', 'classifiers'], ['project', 'dependencies']), index: fc.nat(6) }),
  fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom<DataPath>(['project', 'description'], ['project', 'urls'], ['project', 'keywords'], ['tool'], ['project', 'readme'], ['build-system']) }),
);

/** Lines of every key/value whose path is unrelated to all changed paths. */
function untouchedLines(src: string, changed: readonly DataPath[]): string[] {
  const ast = parseTOML(src, { tomlVersion: '1.0' });
  const related = (p: DataPath) => changed.some((c) => c.every((x, i) => i >= p.length || p[i] === x) || p.every((x, i) => i >= c.length || c[i] === x));
  const out: [number, string][] = [];
  const visit = (base: (string | number)[], kv: AST.TOMLKeyValue) => {
    const path = [...base, ...kv.key.keys.map(segmentName)];
    if (related(path)) return;
    const start = lineStartAt(src, kv.range[0]);
    out.push([start, src.slice(start, nextLineStart(src, kv.range[1]))]);
  };
  for (const item of ast.body[0]?.body ?? []) {
    if (item.type === 'TOMLKeyValue') visit([], item);
    else for (const kv of item.body) visit(item.resolvedKey, kv);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}

function isSubsequence(needles: readonly string[], hay: string): boolean {
  let from = 0;
  for (const n of needles) {
    const at = hay.indexOf(n, from);
    if (at === -1) return false;
    from = at + n.length;
  }
  return true;
}

describe('applyEdits properties', () => {
  const sources = pyprojectFixtures()
    .map((f) => readFileSync(f.path, 'utf8'))
    .filter((t) => /^\[project\]/m.test(t));

  it('random edit sequences give the expected data and keep untouched lines', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(change, { minLength: 1, maxLength: 4 }), (src, changes) => {
        const expected = toPlain(parse(src)) as Obj;
        const applicable = changes.filter((ch) => model(expected, ch));
        fc.pre(applicable.length > 0);
        const result = applyEdits(src, applicable);
        expect(toPlain(parse(result.text))).toEqual(expected);
        expect(isSubsequence(untouchedLines(src, applicable.map((c) => c.path)), result.text)).toBe(true);
      }),
      { numRuns: 300, seed: 20260807 },
    );
  });

  it('no change round-trips every source byte for byte', () => {
    for (const src of sources) expect(applyEdits(src, []).text).toBe(src);
  });
});

export type { TomlValue };
