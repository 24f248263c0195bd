import { describe, expect, it } from 'vitest';
import { fromLines, groupFromLines, keywordsFromText, toLines } from './lines';
import { diagnosticsFor, stepOf } from './steps';
import { applyTextEdits } from './text-edits';

describe('wizard renderer helpers', () => {
  it('applies non-overlapping edits in any order', () => {
    expect(applyTextEdits('abcdef', [{ start: 1, end: 2, newText: 'B' }, { start: 4, end: 6, newText: '' }, { start: 0, end: 0, newText: '>' }])).toBe('>aBcd');
    expect(() => applyTextEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }])).toThrow();
  });

  it('maps diagnostics to the step that edits their path', () => {
    expect(stepOf({ path: ['project', 'classifiers', 2] })).toBe('classifiers');
    expect(stepOf({ path: ['project', 'optional-dependencies', 'cli', 0] })).toBe('dependencies');
    expect(stepOf({ path: ['build-system', 'requires', 0] })).toBe('build');
    expect(stepOf({ path: [] })).toBeNull();
    const d = (severity: 'error' | 'warning' | 'info', path: (string | number)[]) => ({ code: 'X', severity, message: '', path, layer: 'semantic' as const, fixes: [], range: { start: { line: 1, column: 1, offset: 0, byte: 0 }, end: { line: 1, column: 1, offset: 0, byte: 0 } } });
    expect(diagnosticsFor('license', [d('info', ['project', 'license']), d('error', ['project', 'license-files', 0]), d('error', ['project', 'name'])]).map((x) => x.severity)).toEqual(['error', 'info']);
  });

  it('round-trips list and group lines', () => {
    expect(groupFromLines(toLines(['pytest>=8', { includeGroup: 'lint' }]))).toEqual(['pytest>=8', { includeGroup: 'lint' }]);
    expect(fromLines(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(keywordsFromText('spam, eggs ,,')).toEqual(['spam', 'eggs']);
  });
});

describe('license builder operators', () => {
  it('inserts operators with SPDX spacing', async () => {
    const { insertAt } = await import('../components/license-builder-insert');
    expect(insertAt('MIT', 3, 'OR')).toEqual({ text: 'MIT OR ', cursor: 7 });
    expect(insertAt('MIT OR ', 7, '(')).toEqual({ text: 'MIT OR (', cursor: 8 });
    expect(insertAt('(MIT OR Apache-2.0', 18, ')')).toEqual({ text: '(MIT OR Apache-2.0)', cursor: 19 });
    expect(insertAt('MIT OR ', 7, 'LicenseRef-')).toEqual({ text: 'MIT OR LicenseRef-', cursor: 18 });
    expect(insertAt('MIT Apache-2.0', 3, 'AND')).toEqual({ text: 'MIT AND Apache-2.0', cursor: 8 });
  });
});
