import { describe, expect, it } from 'vitest';
import { completeAt, hoverAt } from './assist';

function split(src: string): [string, number] {
  const i = src.indexOf('|');
  return [src.replace('|', ''), i];
}

describe('hover', () => {
  it('documents project keys from the schema', () => {
    const [t, o] = split('[project]\nrequires-py|thon = ">=3.9"\n');
    const h = hoverAt(t, o);
    expect(h?.markdown).toContain('project.requires-python');
    expect(h?.markdown).toContain('Python version');
    expect(t.slice(h?.from, h?.to)).toBe('requires-python');
  });

  it('documents table headers and tool tables', () => {
    const [t, o] = split('[build-sys|tem]\n');
    expect(hoverAt(t, o)?.markdown).toContain('build-system');
    const [t2, o2] = split('[tool.ruff]\nline-len|gth = 88\n');
    expect(hoverAt(t2, o2)?.markdown).toMatch(/line-length/);
  });

  it('explains classifiers and license ids', () => {
    const [t, o] = split('[project]\nclassifiers = ["Programming Language :: Pyt|hn"]\n');
    expect(hoverAt(t, o)?.markdown).toContain('not a trove classifier');
    const [t2, o2] = split('[project]\nlicense = "MIT OR Apa|che-2.0"\n');
    expect(hoverAt(t2, o2)?.markdown).toContain('Apache License 2.0');
  });
});

describe('completion', () => {
  it('offers project keys', () => {
    const [t, o] = split('[project]\nname = "x"\nreq|');
    const labels = completeAt(t, o).map((c) => c.label);
    expect(labels).toContain('requires-python');
    expect(labels).not.toContain('name = ');
  });

  it('offers tables in a header', () => {
    const [t, o] = split('[project]\n[bu|');
    expect(completeAt(t, o).map((c) => c.label)).toContain('build-system');
  });

  it('offers classifiers, SPDX ids, backends and enums', () => {
    const [t1, o1] = split('[project]\nclassifiers = [\n  "python 3.1|",\n]');
    expect(completeAt(t1, o1).map((c) => c.label)).toContain('Programming Language :: Python :: 3.12');
    const [t2, o2] = split('[project]\nlicense = "MIT OR Apache-2|"');
    const lic = completeAt(t2, o2);
    expect(lic.map((c) => c.label)).toContain('Apache-2.0');
    expect(t2.slice(0, lic[0]?.from)).toBe('[project]\nlicense = "MIT OR ');
    const [t3, o3] = split('[build-system]\nbuild-backend = "|"');
    expect(completeAt(t3, o3).map((c) => c.label)).toContain('hatchling.build');
    const [t4, o4] = split('[build-system]\nrequires = ["|"]');
    expect(completeAt(t4, o4).map((c) => c.label)).toContain('hatchling>=1.27.0');
    const [t5, o5] = split('[project]\ndynamic = ["ver|"]');
    expect(completeAt(t5, o5).map((c) => c.label)).toContain('version');
  });
});
