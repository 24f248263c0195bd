import { describe, expect, it } from 'vitest';
import { codes, only } from '../testing/helpers';

const G = '[dependency-groups]\n';

describe('PEP 735 dependency groups', () => {
  it('accepts includes of existing groups (names compared normalized)', () => {
    expect(codes(`${G}test = ["pytest"]\nall = [{include-group = "Test"}, "ruff"]\n`)).toEqual([]);
  });

  it('reports includes of unknown groups', () => {
    const d = only(`${G}all = [{include-group = "docs"}]\n`, 'PW-PEP735-002');
    expect(d.path).toEqual(['dependency-groups', 'all', 0, 'include-group']);
  });

  it('reports include cycles with the cycle', () => {
    const d = only(`${G}a = [{include-group = "b"}]\nb = [{include-group = "c"}]\nc = [{include-group = "a"}]\n`, 'PW-PEP735-003');
    expect(d.message).toContain('a → b → c → a');
  });

  it('reports a group including itself', () => {
    expect(only(`${G}a = ["x", {include-group = "a"}]\n`, 'PW-PEP735-003').path).toEqual(['dependency-groups', 'a', 1]);
  });

  it('reports group names equal after normalization', () => {
    expect(codes(`${G}Dev = ["a"]\ndev = ["b"]\n`)).toContain('PW-PEP735-001');
  });

  it('reports an empty include table', () => {
    expect(codes(`${G}dev = [{}]\n`)).toContain('PW-PEP735-004');
  });

  it('notes a group named like an extra', () => {
    const text = `[project]\nname = "d"\nversion = "1"\n[project.optional-dependencies]\ntest = ["a"]\n${G}test = ["b"]\n`;
    expect(codes(text)).toContain('PW-PEP735-005');
  });
});
