import { describe, expect, it } from 'vitest';
import { readProjectRequirements, selectRequirements } from './project-requirements';

const TEXT = `[project]
name = "My.App"
requires-python = ">=3.10"
dependencies = ["requests>=2", "attrs"]

[project.optional-dependencies]
test = ["pytest>=8", "attrs"]
docs = ["sphinx ; python_version >= '3.11'"]
all = ["my-app[test,docs] ; sys_platform != 'win32'", "my_app[docs]"]

[dependency-groups]
dev = ["ruff", { include-group = "typing" }]
typing = ["mypy"]
loop-a = [{ include-group = "loop-b" }]
loop-b = ["x", { include-group = "loop-a" }]
`;

describe('readProjectRequirements', () => {
  it('reads dependencies, extras and groups with their data paths', () => {
    const info = readProjectRequirements(TEXT);
    expect(info.name).toBe('My.App');
    expect(info.requiresPython).toBe('>=3.10');
    expect(info.dependencies).toEqual([
      { text: 'requests>=2', path: ['project', 'dependencies', 0] },
      { text: 'attrs', path: ['project', 'dependencies', 1] },
    ]);
    expect(info.extras.map((e) => e.name)).toEqual(['test', 'docs', 'all']);
    expect(info.groups.find((g) => g.name === 'dev')).toEqual({ name: 'dev', items: [{ text: 'ruff', path: ['dependency-groups', 'dev', 0] }], includes: ['typing'] });
    expect(info.problems).toEqual([]);
  });

  it('reports wrong types and invalid TOML instead of throwing', () => {
    expect(readProjectRequirements('[project]\ndependencies = "x"\n').problems).toEqual(['project.dependencies is not an array']);
    expect(readProjectRequirements('[project\n').problems).toHaveLength(1);
  });
});

describe('selectRequirements', () => {
  const info = readProjectRequirements(TEXT);
  const texts = (sel: Parameters<typeof selectRequirements>[1]) => selectRequirements(info, sel).requirements.map((r) => r.text);

  it('takes the dependencies, then the selected extras and groups, without duplicates', () => {
    expect(texts({ extras: ['test'], groups: ['dev'] })).toEqual(['requests>=2', 'attrs', 'pytest>=8', 'ruff', 'mypy']);
  });

  it('expands the project\'s own extras (normalized names) and combines their markers', () => {
    const r = selectRequirements(info, { dependencies: false, extras: ['ALL'] });
    // Extras in the order PEP 508 parsing gives them (sorted); markers as normalized by the parser.
    expect(r.requirements.map((x) => x.text)).toEqual([
      'sphinx ; (python_version >= "3.11") and (sys_platform != "win32")',
      'pytest>=8 ; sys_platform != "win32"',
      'attrs ; sys_platform != "win32"',
      "sphinx ; python_version >= '3.11'",
    ]);
    expect(r.requirements[1]?.origin).toEqual({ kind: 'pyproject', path: ['project', 'optional-dependencies', 'test', 0], text: 'pytest>=8', from: 'extra test', derived: true });
    expect(r.requirements[3]?.origin).toMatchObject({ text: "sphinx ; python_version >= '3.11'", from: 'extra docs' });
    expect(r.requirements[3]?.origin).not.toHaveProperty('derived');
  });

  it('reports unknown extras and groups, and include-group cycles (PEP 735)', () => {
    const r = selectRequirements(info, { dependencies: false, extras: ['nope'], groups: ['missing', 'loop-a'] });
    expect(r.requirements.map((x) => x.text)).toEqual(['x']);
    expect(r.problems).toEqual([
      'the project has no extra named "nope"',
      'there is no dependency group named "missing"',
      'dependency group "loop-a" includes itself (loop-a → loop-b → loop-a) (PEP 735)',
    ]);
  });
});
