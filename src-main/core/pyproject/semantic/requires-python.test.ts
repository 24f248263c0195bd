import { describe, expect, it } from 'vitest';
import { applyFix, codes, HEAD, only } from '../testing/helpers';

describe('requires-python', () => {
  it('accepts a lower bound', () => {
    expect(codes(`${HEAD}requires-python = ">=3.10"\n`)).toEqual([]);
  });

  it('rejects an invalid specifier and fixes a bare version to a lower bound', () => {
    const text = `${HEAD}requires-python = "3.10"\n`;
    const d = only(text, 'PW-PYTHON-001');
    expect(applyFix(text, d.fixes[0])).toContain('requires-python = ">=3.10"');
  });

  it('warns when no maintained Python is admitted', () => {
    expect(codes(`${HEAD}requires-python = "<3.8"\n`)).toContain('PW-PYTHON-002');
    expect(codes(`${HEAD}requires-python = ">=3.20"\n`, { currentPythons: ['3.20'] })).not.toContain('PW-PYTHON-002');
  });

  it('warns about upper caps and removes them', () => {
    const text = `${HEAD}requires-python = ">=3.10, <3.14"\n`;
    const d = only(text, 'PW-PYTHON-003');
    expect(applyFix(text, d.fixes[0])).toContain('requires-python = ">=3.10"');
    const compat = `${HEAD}requires-python = "~=3.10"\n`;
    expect(applyFix(compat, only(compat, 'PW-PYTHON-003').fixes[0])).toContain('">=3.10"');
  });
});
