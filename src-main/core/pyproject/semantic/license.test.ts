import { describe, expect, it } from 'vitest';
import { applyFix, codes, covered, only } from '../testing/helpers';

const B = '[build-system]\nrequires = ["hatchling>=1.27"]\nbuild-backend = "hatchling.build"\n[project]\nname = "d"\nversion = "1"\n';

describe('PEP 639 license', () => {
  it('accepts a canonical expression', () => {
    expect(codes(`${B}license = "MIT OR Apache-2.0"\n`)).toEqual([]);
  });

  it('rejects an invalid expression, pointing at the token, with suggestions', () => {
    const text = `${B}license = "MIT OR Apach-2.0"\n`;
    const d = only(text, 'PW-LICENSE-001');
    expect(covered(text, d)).toBe('Apach-2.0');
    expect(d.message).toContain("packaging: Unknown license: 'apach-2.0'");
    expect(applyFix(text, d.fixes[0])).toContain('license = "MIT OR Apache-2.0"');
  });

  it('offers the canonical case', () => {
    const text = `${B}license = "mit or apache-2.0"\n`;
    const d = only(text, 'PW-LICENSE-002');
    expect(d.severity).toBe('warning');
    expect(applyFix(text, d.fixes[0])).toContain('license = "MIT OR Apache-2.0"');
  });

  it('warns about deprecated ids with their replacements', () => {
    const text = `${B}license = "GPL-2.0"\n`;
    const d = only(text, 'PW-LICENSE-003');
    expect(d.fixes.map((f) => applyFix(text, f))).toContainEqual(expect.stringContaining('license = "GPL-2.0-only"'));
  });

  it('rejects License classifiers beside a license expression and removes them', () => {
    const text = `${B}license = "MIT"\nclassifiers = ["Typing :: Typed", "License :: OSI Approved :: MIT License"]\n`;
    const d = only(text, 'PW-LICENSE-004');
    expect(applyFix(text, d.fixes[0])).toContain('classifiers = ["Typing :: Typed"]');
  });

  it('migrates the deprecated table when the text is an SPDX id', () => {
    const text = `${B}license = { text = "MIT" }\nclassifiers = ["License :: OSI Approved :: MIT License"]\n`;
    const d = only(text, 'PW-LICENSE-005');
    const fixed = applyFix(text, d.fixes[0]);
    expect(fixed).toContain('license = "MIT"');
    expect(fixed).toContain('classifiers = []');
    expect(d.fixes[0]?.confirmation).toBeUndefined();
  });

  it('asks for confirmation when the legacy metadata is ambiguous (PEP 639)', () => {
    const text = `${B}classifiers = ["License :: OSI Approved :: Apache Software License"]\n`;
    const d = codes(text).filter((c) => c === 'PW-LICENSE-006');
    expect(d).toHaveLength(1);
    const diag = only(text, 'PW-LICENSE-006');
    expect(diag.fixes.length).toBeGreaterThan(1);
    for (const f of diag.fixes) expect(f.confirmation).toMatch(/PEP 639/);
    expect(applyFix(text, diag.fixes[0])).toContain('license = "Apache-2.0"');
  });

  it('moves {file} to license-files without guessing the expression', () => {
    const text = `${B}license = { file = "LICENSE.txt" }\n`;
    const d = only(text, 'PW-LICENSE-005');
    const moved = d.fixes.find((f) => f.title.startsWith('Move'));
    const fixed = applyFix(text, moved);
    expect(fixed).toContain('license-files = ["LICENSE.txt"]');
    expect(fixed).not.toContain('license = {');
  });

  it('requires a string license when license-files is present (schema)', () => {
    expect(codes(`${B}license = { text = "MIT" }\nlicense-files = ["LICENSE"]\n`)).toContain('PW-SCHEMA-003');
  });

  it('checks license-files glob syntax', () => {
    const bad = codes(`${B}license = "MIT"\nlicense-files = ["../LICENSE", "/LICENSE", "LICENSES\\\\x", "lic{a,b}", "a[b"]\n`);
    expect(bad.filter((c) => c === 'PW-LICENSE-007')).toHaveLength(5);
    expect(codes(`${B}license = "MIT"\nlicense-files = ["LICEN[CS]E*", "licenses/**/*.txt", "AUTHORS file"]\n`)).toEqual([]);
  });
});
