import { describe, expect, it } from 'vitest';
import { applyFix, codes, covered, HEAD, only } from '../testing/helpers';
import { caretToPep440 } from './requirements';

describe('PEP 508 requirement strings', () => {
  it('accepts valid specifiers everywhere', () => {
    const text = `${HEAD}dependencies = ["requests>=2.31", "tomli; python_version < '3.11'"]\n[project.optional-dependencies]\ncli = ["click[extra]~=8.1"]\n[dependency-groups]\ndev = ["pytest"]\n`;
    expect(codes(text)).toEqual([]);
  });

  it('points at the offending character of an invalid requirement', () => {
    const text = `${HEAD}dependencies = ["requests >= 2.0 bad"]\n`;
    const d = only(text, 'PW-PEP508-001');
    expect(d.severity).toBe('error');
    expect(d.path).toEqual(['project', 'dependencies', 0]);
    expect(d.message).toContain('requests >= 2.0 bad');
    expect(covered(text, d).length).toBeGreaterThan(0);
    expect(text.indexOf('"requests') < d.range.start.offset).toBe(true);
  });

  it('checks optional dependencies, dependency groups and build requirements', () => {
    const text = `[build-system]\nrequires = ["hatchling>=1.27", "==1"]\nbuild-backend = "hatchling.build"\n[project]\nname = "d"\nversion = "1"\n[project.optional-dependencies]\nx = ["a b"]\n[dependency-groups]\ndev = ["pytest>="]\n`;
    const paths = codes(text).filter((c) => c === 'PW-PEP508-001');
    expect(paths).toHaveLength(3);
  });

  it('explains Poetry carets and offers the PEP 440 range', () => {
    const text = `${HEAD}dependencies = ["requests^2.31"]\n`;
    const d = only(text, 'PW-PEP508-001');
    expect(d.message).toContain('Poetry');
    expect(applyFix(text, d.fixes[0])).toContain('"requests>=2.31,<3.0"');
    expect(caretToPep440('0.2.3')).toBe('>=0.2.3,<0.3.0');
    expect(caretToPep440('0.0.3')).toBe('>=0.0.3,<0.0.4');
  });

  it('warns about direct URL references in published dependencies', () => {
    expect(only(`${HEAD}dependencies = ["pkg @ https://example.org/pkg-1.0.tar.gz"]\n`, 'PW-PEP508-002').severity).toBe('warning');
    expect(codes(`${HEAD}[dependency-groups]\ndev = ["pkg @ https://example.org/pkg.tar.gz"]\n`)).toEqual([]);
  });

  it('reports extras that are equal after PEP 685 normalization', () => {
    const d = only(`${HEAD}[project.optional-dependencies]\nFoo_Bar = ["a"]\nfoo-bar = ["b"]\n`, 'PW-EXTRA-001');
    expect(d.message).toContain('foo-bar');
  });

  it('rejects invalid extra names (SchemaStore lets them through)', () => {
    expect(codes(`${HEAD}[project.optional-dependencies]\n"with space" = ["a"]\n`)).toEqual(['PW-EXTRA-002']);
  });
});
