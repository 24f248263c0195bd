import { describe, expect, it } from 'vitest';
import { applyFix, codes, only } from '../testing/helpers';

const B = '[build-system]\nrequires = ["hatchling>=1.27"]\nbuild-backend = "hatchling.build"\n';

describe('dynamic (PEP 621 / PEP 808)', () => {
  it('requires a version, static or dynamic, and offers both fixes', () => {
    const text = `${B}[project]\nname = "d"\n`;
    const d = only(text, 'PW-DYNAMIC-002');
    expect(d.fixes).toHaveLength(2);
    expect(applyFix(text, d.fixes[0])).toContain('version = "0.1.0"');
    expect(applyFix(text, d.fixes[1])).toContain('dynamic = ["version"]');
    expect(codes(`${B}[project]\nname = "d"\ndynamic = ["version"]\n`)).toEqual([]);
  });

  it('never lets name be dynamic', () => {
    const text = `${B}[project]\nname = "d"\nversion = "1"\ndynamic = ["name"]\n`;
    const d = only(text, 'PW-DYNAMIC-001');
    expect(codes(text)).not.toContain('PW-SCHEMA-006');
    expect(applyFix(text, d.fixes[0])).toContain('dynamic = []');
  });

  it('rejects a scalar field that is both static and dynamic', () => {
    const text = `${B}[project]\nname = "d"\nversion = "1"\ndynamic = ["version"]\n`;
    const d = only(text, 'PW-DYNAMIC-003');
    expect(d.severity).toBe('error');
    expect(codes(text)).not.toContain('PW-SCHEMA-005');
  });

  it('only warns for list/table keys, which PEP 808 lets the backend append to', () => {
    const text = `${B}[project]\nname = "d"\nversion = "1"\ndependencies = ["a"]\ndynamic = ["dependencies"]\n`;
    expect(only(text, 'PW-DYNAMIC-004').severity).toBe('warning');
  });
});
