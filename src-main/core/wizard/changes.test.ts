import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, applyTextEdits, diffLines, splitLines } from '../pyproject';
import { arrayChanges } from './array-diff';
import { applyPatch } from './changes';
import { generatePyproject } from './generate';
import { defaultAnswers } from './model';
import { readWizardValues } from './read';

/** A hand-written file with comments, odd spacing and literal strings: everything must survive. */
const EXISTING = `# Spam: the canned-meat toolkit.
[build-system]
requires = ["setuptools >= 61", "wheel"]  # pinned by ops
build-backend = "setuptools.build_meta"

[project]
name    = "spam"   # do not rename: PyPI name
version = '1.2.3'
description = "Spam"
readme = { file = "README.rst", content-type = "text/x-rst" }
license = { text = "MIT" }
authors = [
  { name = "Ann" },   # founder
  { name = "Bob", email = "bob@example.org" },
]
classifiers = [
  "Programming Language :: Python :: 3",
  "License :: OSI Approved :: MIT License",  # legacy
]
dependencies = [
  'requests >= 2',   # http
  "attrs",
  # "numpy",  disabled for now
  "rich",
]

[project.scripts]
spam = "spam.cli:main"

[tool.ruff]
line-length = 100   # wide screens
`;

/** Line numbers (1-based, of the original) the edit touched, and lines it added. */
function touched(before: string, after: string): { removed: number[]; added: string[] } {
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks = diffLines(a, b);
  return {
    removed: hunks.flatMap((h) => Array.from({ length: h.aEnd - h.aStart }, (_, i) => h.aStart + i + 1)),
    added: hunks.flatMap((h) => b.slice(h.bStart, h.bEnd).map((l) => l.replace(/\n$/, ''))),
  };
}

function values(text: string) {
  const r = readWizardValues(text);
  if (!r.ok) throw new Error(r.message);
  return r.values;
}

describe('applyPatch in a new project (patches carry the layout)', () => {
  const NEW = generatePyproject(defaultAnswers('hello'));

  it('a file still as generated is regenerated: keys in order, lists one item per line', () => {
    const r = applyPatch(NEW, { description: 'Hi.', dependencies: ['requests>=2.32', 'rich'], layout: 'src' });
    expect(r.text).toBe(generatePyproject({ ...defaultAnswers('hello'), description: 'Hi.', dependencies: ['requests>=2.32', 'rich'] }));
    expect(r.text).toContain('version = "0.1.0"\ndescription = "Hi."\n');
    expect(r.text).toContain('dependencies = [\n    "requests>=2.32",\n    "rich",\n]\n');
    expect(applyTextEdits(NEW, r.edits)).toBe(r.text);
  });

  it('once edited by hand, the same patch edits in place and keeps the hand edit', () => {
    const hand = NEW.replace('[project]\n', '[project]\n# mine\n');
    const r = applyPatch(hand, { description: 'Hi.', layout: 'src' });
    expect(r.text).toContain('# mine\n');
    expect(touched(hand, r.text)).toEqual({ removed: [], added: ['description = "Hi."'] });
  });
});

describe('applyPatch on an existing, commented file', () => {
  it('changes nothing for an empty patch or for the values the file already has', () => {
    expect(applyPatch(EXISTING, {}).text).toBe(EXISTING);
    const v = values(EXISTING);
    const same = { ...v, license: undefined, licenseFiles: undefined, readme: v.readme };
    expect(applyPatch(EXISTING, same).text).toBe(EXISTING);
  });

  it('a scalar edit touches only its own line', () => {
    const r = applyPatch(EXISTING, { version: '1.3.0' });
    expect(touched(EXISTING, r.text)).toEqual({ removed: [8], added: ["version = '1.3.0'"] });
    expect(applyTextEdits(EXISTING, r.edits)).toBe(r.text);
  });

  it('adding a dependency in the middle keeps the other items, their comments and the commented-out line', () => {
    const r = applyPatch(EXISTING, { dependencies: ["requests >= 2", 'attrs', 'click>=8', 'rich'] });
    expect(touched(EXISTING, r.text).removed).toEqual([]);
    expect(touched(EXISTING, r.text).added).toEqual(['  "click>=8",']);
    expect(r.text).toContain("'requests >= 2',   # http");
    expect(r.text).toContain('# "numpy",  disabled for now');
  });

  it('changing one item in place rewrites only that item', () => {
    const r = applyPatch(EXISTING, { dependencies: ["requests >= 2", 'attrs>=23', 'rich'] });
    const t = touched(EXISTING, r.text);
    expect(t.removed).toEqual([22]);
    expect(t.added[0]).toContain('attrs>=23');
  });

  it('removing an item removes its line only', () => {
    const r = applyPatch(EXISTING, { authors: [{ name: 'Bob', email: 'bob@example.org' }] });
    expect(touched(EXISTING, r.text)).toEqual({ removed: [13], added: [] });
  });

  it('a readme table keeps its content-type: only `file` changes', () => {
    const r = applyPatch(EXISTING, { readme: 'docs/README.rst' });
    expect(r.text).toContain('readme = { file = "docs/README.rst", content-type = "text/x-rst" }');
    expect(touched(EXISTING, r.text).removed).toEqual([10]);
  });

  it('tables change key by key; emptying a table removes it', () => {
    const added = applyPatch(EXISTING, { scripts: { spam: 'spam.cli:main', 'spam-admin': 'spam.admin:run' } });
    expect(touched(EXISTING, added.text)).toEqual({ removed: [], added: ['spam-admin = "spam.admin:run"'] });
    const removed = applyPatch(EXISTING, { scripts: {} });
    expect(removed.text).not.toContain('[project.scripts]');
    expect(removed.text).toContain('[tool.ruff]\nline-length = 100   # wide screens\n');
  });

  it('a license replaces the legacy table and raises the backend floor (PEP 639, setuptools 77)', () => {
    const r = applyPatch(EXISTING, { license: 'MIT' });
    expect(r.text).toContain('license = "MIT"\n');
    expect(r.text).toContain('requires = ["setuptools >=77.0.0", "wheel"]  # pinned by ops');
    expect(touched(EXISTING, r.text).removed).toEqual([3, 11]);
  });

  it('switching the backend replaces its requirement in place and keeps the rest', () => {
    const r = applyPatch(EXISTING, { backend: 'hatchling' });
    expect(r.text).toContain('requires = ["hatchling>=1.27", "wheel"]  # pinned by ops\nbuild-backend = "hatchling.build"\n');
    expect(touched(EXISTING, r.text).removed).toEqual([3, 4]);
  });

  it('adds missing tables at the end of their parents without touching other lines', () => {
    const r = applyPatch(EXISTING, { urls: { Homepage: 'https://spam.example' }, dependencyGroups: { test: ['pytest'] } });
    expect(touched(EXISTING, r.text).removed).toEqual([]);
    expect(values(r.text).urls).toEqual({ Homepage: 'https://spam.example' });
    expect(values(r.text).dependencyGroups).toEqual({ test: ['pytest'] });
  });

  it('layout: setuptools flat gets its find table, which follows renames and goes away for src or another backend', () => {
    const flat = applyPatch(EXISTING, { layout: 'flat' }).text;
    expect(flat).toContain('[tool.setuptools.packages.find]\ninclude = ["spam*"]\n');
    const renamed = applyPatch(flat, { name: 'ham', layout: 'flat' }).text;
    expect(renamed).toContain('include = ["ham*"]');
    expect(applyPatch(renamed, { layout: 'src' }).text).toBe(applyPatch(EXISTING, { name: 'ham' }).text);
    expect(applyPatch(flat, { backend: 'hatchling', layout: 'flat' }).text).not.toContain('tool.setuptools');
    const own = EXISTING.replace('[tool.ruff]', '[tool.setuptools.packages.find]\nwhere = ["lib"]\n\n[tool.ruff]');
    expect(applyPatch(own, { layout: 'src' }).text).toBe(own);
  });

  it('flit-core: the module setting follows a rename in a new project', () => {
    const text = generatePyproject({ ...defaultAnswers('spam-eggs'), backend: 'flit-core' });
    const upper = applyPatch(text, { name: 'Spam_Eggs', layout: 'src' }).text;
    expect(upper).toContain('[tool.flit.module]\nname = "spam_eggs"\n');
    expect(applyPatch(upper, { name: 'spam-eggs', layout: 'src' }).text).toBe(text);
  });

  it('an extra or group emptied keeps its key (it is being filled in)', () => {
    const withExtra = applyPatch(EXISTING, { optionalDependencies: { cli: ['click'] } }).text;
    expect(values(applyPatch(withExtra, { optionalDependencies: { cli: [] } }).text).optionalDependencies).toEqual({ cli: [] });
    expect(values(applyPatch(withExtra, { optionalDependencies: {} }).text).optionalDependencies).toEqual({});
  });

  it('refuses text that is not TOML', () => {
    expect(() => applyPatch('[project\nname = "x"\n', { name: 'y' })).toThrow(/not valid TOML/);
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1] as number);
      diag = up;
    }
  }
  return row[b.length] as number;
}

describe('arrayChanges', () => {
  const asToml = (items: readonly string[]) => `a = [\n${items.map((s) => `    "${s}",  # ${s}\n`).join('')}]\n`;

  it('turns any list into any other, leaving shared items (and their comments) in place', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 7 }), fc.array(word, { maxLength: 7 }), (before, after) => {
        const text = asToml(before);
        const result = applyEdits(text, arrayChanges(['a'], before, after)).text;
        const read = /a = \[([\s\S]*)\]/.exec(result)?.[1] ?? '';
        expect([...read.matchAll(/"(\w)"/g)].map((m) => m[1])).toEqual(after);
        // Every item of a longest common subsequence kept its own line (value and comment).
        const kept = [...read.matchAll(/"(\w)",\s*# (\w)/g)].filter((m) => m[1] === m[2]).length;
        expect(kept).toBeGreaterThanOrEqual(lcsLength(before, after));
      }),
      { numRuns: 200 },
    );
  });
});
