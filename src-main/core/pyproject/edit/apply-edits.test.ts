import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { pyprojectFixtures } from '../testing/fixtures';
import { toPlain } from '../toml/parse';
import { applyEdits } from './apply-edits';
import { EditError } from './changes';
import { applyTextEdits } from './line-diff';

const SAMPLE = `# Project file
[build-system]
requires = ["hatchling"]  # backend
build-backend = "hatchling.build"

[project]
name = 'demo'   # the name
version = "0.1.0"
classifiers = [
    "A",  # first
    "B",
]
keywords = ["x", "y"]
authors = [{ name = "Me", email = "me@x.org" }]
readme = { file = "README.md" }

# tools
[tool.black]
line-length = 88
`;

const run = (text: string, ...changes: Parameters<typeof applyEdits>[1]) => applyEdits(text, changes);

describe('applyEdits', () => {
  it('round-trips every fixture byte for byte when nothing changes', () => {
    const fixtures = pyprojectFixtures();
    expect(fixtures.length).toBeGreaterThan(100);
    for (const f of fixtures) {
      const text = readFileSync(f.path, 'utf8');
      const r = applyEdits(text, []);
      expect(r.text).toBe(text);
      expect(r.edits).toEqual([]);
    }
  });

  it('setting every top-level value of every fixture to itself changes nothing', () => {
    for (const f of pyprojectFixtures()) {
      const text = readFileSync(f.path, 'utf8');
      const value = toPlain(parse(text)) as Record<string, Record<string, never>>;
      const changes = Object.entries(value).flatMap(([table, v]) => Object.entries(v).map(([k, x]) => ({ kind: 'set' as const, path: [table, k], value: x })));
      expect(applyEdits(text, changes).text, f.rel).toBe(text);
    }
  });

  it('replaces a value in place, keeping its quote style and the comment after it', () => {
    const r = run(SAMPLE, { kind: 'set', path: ['project', 'name'], value: 'demo2' });
    expect(r.text).toBe(SAMPLE.replace("name = 'demo'", "name = 'demo2'"));
    expect(r.edits).toHaveLength(1);
    expect(r.edits[0]).toMatchObject({ newText: '2' });
    expect(applyTextEdits(SAMPLE, r.edits)).toBe(r.text);
  });

  it('inserts a key at the end of its table', () => {
    const r = run(SAMPLE, { kind: 'set', path: ['project', 'license'], value: 'MIT' });
    expect(r.text).toBe(SAMPLE.replace('readme = { file = "README.md" }\n', 'readme = { file = "README.md" }\nlicense = "MIT"\n'));
  });

  it('keeps multi-line arrays one item per line with their trailing commas and comments', () => {
    expect(run(SAMPLE, { kind: 'insertItem', path: ['project', 'classifiers'], value: 'C' }).text).toContain('    "B",\n    "C",\n]');
    expect(run(SAMPLE, { kind: 'insertItem', path: ['project', 'classifiers'], value: 'Z', index: 0 }).text).toContain('[\n    "Z",\n    "A",  # first');
    expect(run(SAMPLE, { kind: 'removeItem', path: ['project', 'classifiers'], index: 0 }).text).toContain('classifiers = [\n    "B",\n]');
    const noTrailing = 'a = [\n  "x",\n  "y"\n]\n';
    expect(run(noTrailing, { kind: 'insertItem', path: ['a'], value: 'z' }).text).toBe('a = [\n  "x",\n  "y",\n  "z"\n]\n');
  });

  it('keeps one-line arrays and inline tables on one line', () => {
    expect(run(SAMPLE, { kind: 'insertItem', path: ['project', 'keywords'], value: 'z' }).text).toContain('keywords = ["x", "y", "z"]');
    expect(run(SAMPLE, { kind: 'removeItem', path: ['project', 'keywords'], index: 0 }).text).toContain('keywords = ["y"]');
    expect(run(SAMPLE, { kind: 'set', path: ['project', 'readme', 'content-type'], value: 'text/markdown' }).text).toContain('readme = { file = "README.md", content-type = "text/markdown" }');
    expect(run(SAMPLE, { kind: 'remove', path: ['project', 'authors', 0, 'email'] }).text).toContain('authors = [{ name = "Me" }]');
    expect(run('a = [1,2]\n', { kind: 'insertItem', path: ['a'], value: 3 }).text).toBe('a = [1,2,3]\n');
    expect(run('a = []\n', { kind: 'insertItem', path: ['a'], value: 'x' }).text).toBe('a = ["x"]\n');
  });

  it('creates tables in a sensible place', () => {
    expect(run(SAMPLE, { kind: 'set', path: ['project', 'urls', 'Homepage'], value: 'https://x.org' }).text).toContain('readme = { file = "README.md" }\n\n[project.urls]\nHomepage = "https://x.org"\n\n# tools\n[tool.black]');
    expect(run(SAMPLE, { kind: 'set', path: ['dependency-groups', 'dev'], value: ['pytest'] }).text).toContain('\n[dependency-groups]\ndev = ["pytest"]\n\n# tools');
    expect(run(SAMPLE, { kind: 'set', path: ['tool', 'ruff', 'line-length'], value: 100 }).text.endsWith('line-length = 88\n\n[tool.ruff]\nline-length = 100\n')).toBe(true);
    const noBuild = '[project]\nname = "x"\n';
    expect(run(noBuild, { kind: 'set', path: ['build-system'], value: { requires: ['hatchling'], 'build-backend': 'hatchling.build' } }).text).toBe(
      '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "x"\n',
    );
  });

  it('removes keys and tables with their own lines only', () => {
    expect(run(SAMPLE, { kind: 'remove', path: ['project', 'name'] }).text).toBe(SAMPLE.replace("name = 'demo'   # the name\n", ''));
    expect(run(SAMPLE, { kind: 'remove', path: ['tool', 'black'] }).text).toBe(SAMPLE.slice(0, SAMPLE.indexOf('\n\n# tools') + 1));
    expect(run(SAMPLE, { kind: 'remove', path: ['build-system'] }).text.startsWith('# Project file\n\n[project]\n')).toBe(true);
    expect(run(SAMPLE, { kind: 'remove', path: ['project', 'missing'] }).text).toBe(SAMPLE);
  });

  it('syncs arrays item by item, keeping comments on kept items', () => {
    const r = run(SAMPLE, { kind: 'set', path: ['project', 'classifiers'], value: ['A', 'C'] });
    expect(r.text).toContain('classifiers = [\n    "A",  # first\n    "C",\n]');
  });

  it('edits arrays of tables section by section', () => {
    const aot = '[[tool.x]]\na = 1\n\n[[tool.x]]\na = 2\n';
    expect(run(aot, { kind: 'set', path: ['tool', 'x'], value: [{ a: 1 }, { a: 3 }, { a: 4 }] }).text).toBe('[[tool.x]]\na = 1\n\n[[tool.x]]\na = 3\n\n[[tool.x]]\na = 4\n');
    expect(run(aot, { kind: 'set', path: ['tool', 'x'], value: [{ a: 1 }] }).text).toBe('[[tool.x]]\na = 1\n');
  });

  it('renames keys and table headers', () => {
    expect(run(SAMPLE, { kind: 'rename', path: ['project', 'keywords'], newKey: 'key words' }).text).toContain('"key words" = ["x", "y"]');
    expect(run(SAMPLE, { kind: 'rename', path: ['tool', 'black'], newKey: 'ruff' }).text).toContain('[tool.ruff]');
  });

  it('keeps CRLF line endings and escapes strings', () => {
    const crlf = '[project]\r\nname = "x"\r\n';
    expect(run(crlf, { kind: 'set', path: ['project', 'description'], value: 'a "quoted"\nline' }).text).toBe('[project]\r\nname = "x"\r\ndescription = "a \\"quoted\\"\\nline"\r\n');
  });

  it('returns edits relative to the original for several changes', () => {
    const r = run(SAMPLE, { kind: 'set', path: ['project', 'version'], value: '0.2.0' }, { kind: 'insertItem', path: ['project', 'keywords'], value: 'z' }, { kind: 'remove', path: ['tool', 'black'] });
    expect(applyTextEdits(SAMPLE, r.edits)).toBe(r.text);
    for (let i = 1; i < r.edits.length; i++) expect((r.edits[i]?.start ?? 0) >= (r.edits[i - 1]?.end ?? 0)).toBe(true);
  });

  it('refuses changes that do not fit the document', () => {
    expect(() => run('[project\n', { kind: 'set', path: ['a'], value: 1 })).toThrow(EditError);
    expect(() => run('[project]\nname = "x"\n', { kind: 'set', path: ['project', 'name', 'sub'], value: 1 })).toThrow(EditError);
    expect(() => run('[project]\nname = "x"\n', { kind: 'insertItem', path: ['project', 'name'], value: 1 })).toThrow(/not an array/);
  });
});
