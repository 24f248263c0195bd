import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { runPythonBatch } from '../../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../../testing/require-tool';
import { formatRecord, parseCsv, parseRecord, recordHash } from './record';
import { parseWheelFile } from './wheel-file';

const { python, check } = pythonWithPackaging();

describe('RECORD', () => {
  it('parses rows, hashes and sizes, and flags bad rows', () => {
    const { rows, problems } = parseRecord('a.py,sha256=abc,3\r\n"b,c.py",sha256=def==,\n\nd/RECORD,,\nbad\n');
    expect(rows.map((r) => [r.path, r.algorithm, r.digest, r.size, r.line])).toEqual([
      ['a.py', 'sha256', 'abc', 3, 1],
      ['b,c.py', 'sha256', 'def', null, 2],
      ['d/RECORD', null, null, null, 4],
      ['bad', null, null, null, 5],
    ]);
    expect(problems.map((p) => p.code)).toEqual(['BAD_ROW']);
    expect(recordHash(Buffer.from('x = 1\n'))).toBe('sha256=nia_NpkRxFwkPGhBR7I_yeHc_PJX0pmhxjIBam_NM_Q');
  });

  it('format → parse round-trips (property)', () => {
    const path = fc.string({ minLength: 1 }).filter((s) => s.trim() === s && !s.includes('\r'));
    const row = fc.record({ path, algorithm: fc.constantFrom('sha256', null), digest: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), size: fc.option(fc.nat()) });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.path, maxLength: 8 }), (rows) => {
        const norm = rows.map((r) => ({ ...r, digest: r.algorithm ? r.digest : null }));
        const parsed = parseRecord(formatRecord(norm));
        expect(parsed.problems).toEqual([]);
        expect(parsed.rows.map(({ path: p, algorithm, digest, size }) => ({ path: p, algorithm, digest, size }))).toEqual(norm);
      }),
    );
  });

  it('never throws (property), nor does the WHEEL parser', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseRecord(s);
        parseWheelFile(s);
        parseWheelFile(Buffer.from(s, 'latin1'));
      }),
    );
  });

  it.skipIf(skipUnless(check))("splits CSV exactly like Python's csv.reader", async () => {
    const pieces = fc.constantFrom('a', 'b c', ',', '"', '""', '\n', '\r\n', '\r', 'é', ' ', 'x"y', '"q,"', '');
    const texts = fc.sample(fc.array(pieces, { maxLength: 14 }).map((p) => p.join('')), { numRuns: 3000, seed: 376 });
    const theirs = await runPythonBatch<string, string[][]>(fileURLToPath(new URL('./record.oracle.py', import.meta.url)), texts, { python });
    for (const [i, t] of texts.entries()) expect({ t, rows: parseCsv(t).map((r) => r.fields) }).toEqual({ t, rows: theirs[i] });
  });
});

describe('WHEEL', () => {
  it('parses the standard fields', () => {
    const w = parseWheelFile('Wheel-Version: 1.0\nGenerator: bdist_wheel (0.42)\nRoot-Is-Purelib: false\nTag: cp312-cp312-manylinux_2_17_x86_64\nTag: cp312-cp312-manylinux2014_x86_64\nBuild: 1\n');
    expect([w.wheelVersion, w.rootIsPurelib, w.tags.length, w.build, w.problems]).toEqual([[1, 0], false, 2, '1', []]);
    expect(parseWheelFile('Generator: x\n').problems).toEqual(['Wheel-Version is missing', 'Root-Is-Purelib is missing', 'No Tag lines']);
  });
});
