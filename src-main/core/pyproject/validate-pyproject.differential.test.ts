/**
 * Differential test: Packwright's valid/invalid verdict against validate-pyproject 0.12.2
 * (Debian's python3-validate-pyproject, run as `/usr/bin/python3`, batched in one process:
 * validate-pyproject.oracle.py) over validate-pyproject's fixtures and SchemaStore's pyproject
 * tests. Every difference must be listed, with its rule, in validate-pyproject-differences.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPythonBatch } from '../../testing/python-oracle';
import { probeTool, skipUnless } from '../../testing/require-tool';
import { pyprojectFixtures } from './testing/fixtures';
import { isValidVerdict, validatePyprojectSync } from './validate';
import { VALIDATE_PYPROJECT_DIFFERENCES, type Verdict } from './validate-pyproject-differences';

const python = process.env.PACKWRIGHT_VALIDATE_PYPROJECT_PYTHON ?? '/usr/bin/python3';
const oracle = probeTool('validate-pyproject (Debian python3-validate-pyproject)', python, ['-c', 'import validate_pyproject.api']);
const script = fileURLToPath(new URL('./validate-pyproject.oracle.py', import.meta.url));

describe('verdicts against validate-pyproject 0.12.2', () => {
  const fixtures = pyprojectFixtures();
  const ours = new Map<string, Verdict>(fixtures.map((f) => [f.rel, isValidVerdict(validatePyprojectSync(readFileSync(f.path, 'utf8'))) ? 'valid' : 'invalid']));

  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(100);
  });

  it.skipIf(skipUnless(oracle))('differs only where validate-pyproject-differences.ts says, with the listed verdict', async () => {
    const theirs = await runPythonBatch<string, { valid: boolean; error: string }>(script, fixtures.map((f) => f.path), { python });
    const actual = new Map<string, Verdict>();
    fixtures.forEach((f, i) => {
      const v: Verdict = theirs[i]?.valid ? 'valid' : 'invalid';
      if (v !== ours.get(f.rel)) actual.set(f.rel, ours.get(f.rel) as Verdict);
    });
    const listed = new Map(VALIDATE_PYPROJECT_DIFFERENCES.map((d) => [d.file, d.packwright]));
    const same = fixtures.length - actual.size;
    const byRule = new Map<string, number>();
    for (const d of VALIDATE_PYPROJECT_DIFFERENCES) byRule.set(d.rule.split(':')[0] ?? d.rule, (byRule.get(d.rule.split(':')[0] ?? d.rule) ?? 0) + 1);
    console.log(`validate-pyproject differential: ${fixtures.length} files, ${same} same verdict, ${actual.size} listed differences`);
    for (const [rule, n] of byRule) console.log(`  ${n} × ${rule}`);
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...listed].sort()));
  });

  it("agrees with each fixture's own valid/invalid folder, except the listed cases", () => {
    const against = new Set(VALIDATE_PYPROJECT_DIFFERENCES.filter((d) => d.againstFixtureFolder).map((d) => d.file));
    const mismatches = fixtures.filter((f) => ours.get(f.rel) !== f.expected).map((f) => f.rel).sort();
    expect(mismatches).toEqual([...against].sort());
  });

  it('lists every difference once, each with a rule', () => {
    const files = VALIDATE_PYPROJECT_DIFFERENCES.map((d) => d.file);
    expect(new Set(files).size).toBe(files.length);
    for (const d of VALIDATE_PYPROJECT_DIFFERENCES) expect(d.rule.length).toBeGreaterThan(20);
  });
});
