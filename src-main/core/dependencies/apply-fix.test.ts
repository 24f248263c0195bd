import { describe, expect, it } from 'vitest';
import { applyRequirementChanges } from './apply-fix';

const TEXT = `[project]
name = "demo"
dependencies = [
    "a<2",   # keep: pinned for the old API
    'b>=1',
    "c",
]

[project.optional-dependencies]
test = ["pytest"]

[dependency-groups]
dev = ["ruff", { include-group = "test" }]
`;

describe('applyRequirementChanges', () => {
  it('replaces an item in place, keeping comments, quotes and layout', () => {
    const r = applyRequirementChanges(TEXT, [{ path: ['project', 'dependencies', 0], from: 'a<2', to: 'a<=2.3' }]);
    expect(r.text).toBe(TEXT.replace('"a<2",', '"a<=2.3",'));
    expect(r.edits).toHaveLength(1);
  });

  it('removes several items of one array and changes others in the same call', () => {
    const r = applyRequirementChanges(TEXT, [
      { path: ['project', 'dependencies', 1], from: 'b>=1', to: null },
      { path: ['project', 'dependencies', 2], from: 'c', to: null },
      { path: ['project', 'dependencies', 0], from: 'a<2', to: 'a' },
      { path: ['dependency-groups', 'dev', 0], from: 'ruff', to: 'ruff>=0.5' },
    ]);
    expect(r.text).toContain('"a",   # keep: pinned for the old API');
    expect(r.text).not.toContain('b>=1');
    expect(r.text).not.toContain('"c"');
    expect(r.text).toContain('dev = ["ruff>=0.5", { include-group = "test" }]');
  });

  it('finds an item that moved, and refuses one that is gone', () => {
    const moved = TEXT.replace('"a<2",   # keep: pinned for the old API\n', '"z",\n    "a<2",\n');
    expect(applyRequirementChanges(moved, [{ path: ['project', 'dependencies', 0], from: 'a<2', to: 'a<3' }]).text).toContain('"z",\n    "a<3",');
    expect(() => applyRequirementChanges(TEXT, [{ path: ['project', 'dependencies', 0], from: 'zzz', to: 'y' }])).toThrow(/no longer in project\.dependencies/);
    expect(() => applyRequirementChanges(TEXT, [{ path: ['project', 'nope', 0], from: 'a', to: 'b' }])).toThrow(/no array at project\.nope/);
    expect(() => applyRequirementChanges('[project\n', [{ path: ['project', 'dependencies', 0], from: 'a', to: 'b' }])).toThrow(/not valid TOML/);
  });
});
