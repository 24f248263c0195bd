import { describe, expect, it } from 'vitest';
import { applyFix, codes, covered, HEAD, only } from '../testing/helpers';

describe('schema layer', () => {
  it('points an unknown key at the key, with a rename fix', () => {
    const text = `${HEAD}author = [{ name = "x" }]\n`;
    const d = only(text, 'PW-SCHEMA-001');
    expect(covered(text, d)).toBe('author');
    expect(d.message).toContain('Did you mean `authors`?');
    expect(applyFix(text, d.fixes[0])).toContain('authors = [{ name = "x" }]');
  });

  it('computes quick fixes on first read, and serializes them (JSON, structured clone)', () => {
    const d = only(`${HEAD}author = [{ name = "x" }]\n`, 'PW-SCHEMA-001');
    expect(JSON.parse(JSON.stringify(d)).fixes[0].title).toBe('Rename to `authors`');
    expect(structuredClone(d).fixes[0]?.edits).toHaveLength(1);
  });

  it('explains unknown top-level tables', () => {
    expect(only(`${HEAD}[custom]\nx = 1\n`, 'PW-SCHEMA-001').message).toContain('[tool.NAME]');
  });

  it('merges the anyOf/oneOf noise into one message', () => {
    const authors = `${HEAD}authors = [{}]\n`;
    expect(codes(authors)).toEqual(['PW-SCHEMA-005']);
    const license = `${HEAD}license = {}\n`;
    expect(codes(license).filter((c) => c.startsWith('PW-SCHEMA'))).toEqual(['PW-SCHEMA-005']);
    expect(only(license, 'PW-SCHEMA-005').message).toContain('SPDX');
  });

  it('reports the branch error when the value fits one branch only', () => {
    const text = '[dependency-groups]\ndev = [{ include = "x" }]\n';
    const d = only(text, 'PW-SCHEMA-001');
    expect(covered(text, d)).toBe('include');
  });

  it('names types in TOML words', () => {
    const text = `${HEAD}keywords = "a, b"\n`;
    const d = only(text, 'PW-SCHEMA-003');
    expect(d.message).toBe('`project.keywords` must be an array, not a string.');
    expect(covered(text, d)).toBe('"a, b"');
  });

  it('validates [tool.*] tables with their SchemaStore schema, lazily', () => {
    const d = only('[tool.black]\nline-length = "long"\n', 'PW-SCHEMA-003');
    expect(d.rule).toBe('SchemaStore schema of [tool.black]');
    expect(codes('[tool.unknown-tool]\nanything = 1\n')).toEqual([]);
    expect(codes('[tool]\nnot-a-table = 1\n')).toContain('PW-SCHEMA-003');
  });

  it('offers the closest allowed value for enums', () => {
    const text = '[tool.black]\ntarget-version = ["py3l2"]\n';
    const d = only(text, 'PW-SCHEMA-006');
    expect(applyFix(text, d.fixes[0])).toContain('"py312"');
  });

  it('validates [tool.distutils] with validate-pyproject\'s schema (SchemaStore has none)', () => {
    expect(codes('[tool.distutils.build_ext]\ninplace = true\n')).toEqual([]);
    expect(codes('[tool.distutils]\nbuild_ext = 1\n')).toContain('PW-SCHEMA-003');
  });
});
