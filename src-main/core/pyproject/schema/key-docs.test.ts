import { describe, expect, it } from 'vitest';
import { keyCompletions, keyDoc } from './key-docs';

describe('key documentation from the schemas', () => {
  it('documents [project] keys and nested values', () => {
    expect(keyDoc(['project', 'name'])?.types).toEqual(['string']);
    expect(keyDoc(['project', 'license'])?.types).toEqual(expect.arrayContaining(['object', 'string']));
    expect(keyDoc(['project', 'authors', 0, 'email'])?.types).toEqual(['string']);
    expect(keyDoc(['project', 'nope'])).toBeNull();
  });

  it('follows $refs into the tool schemas', () => {
    expect(keyDoc(['tool', 'black', 'line-length'])?.description).toBeTruthy();
    expect(keyDoc(['tool', 'ruff', 'lint', 'select'])?.types).toContain('array');
  });

  it('lists the keys a table accepts', () => {
    const keys = keyCompletions(['project']).map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(['name', 'version', 'license', 'license-files', 'dependencies', 'dynamic', 'import-names']));
    expect(keyCompletions([]).map((k) => k.key).sort()).toEqual(['build-system', 'dependency-groups', 'project', 'tool']);
    expect(keyCompletions(['tool']).map((k) => k.key)).toEqual(expect.arrayContaining(['black', 'ruff', 'setuptools', 'distutils']));
  });
});
