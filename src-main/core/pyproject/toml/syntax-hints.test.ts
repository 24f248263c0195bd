import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse';

function err(text: string) {
  const d = parseDocument(text).syntaxError;
  if (!d) throw new Error('expected a syntax error');
  return { at: `${d.range.start.line}:${d.range.start.column}`, message: d.message, fixes: d.fixes };
}

describe('TOML syntax errors for newcomers', () => {
  it('points at an unclosed table header on its own line', () => {
    expect(err('[project\nname="x"\n')).toMatchObject({ at: '1:9', message: expect.stringContaining('missing its closing `]`') });
  });

  it('explains a key without a value', () => {
    expect(err('[project]\nname = \n')).toMatchObject({ at: '2:8', message: expect.stringContaining('no value after `=`') });
  });

  it('offers to quote an unquoted text value', () => {
    const text = '[project]\nname = "x"\nversion = 1.0.0\n';
    const e = err(text);
    expect(e.message).toContain('Text values must be in quotes');
    const edit = e.fixes[0]?.edits[0];
    expect(edit && text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).toBe('[project]\nname = "x"\nversion = "1.0.0"\n');
  });

  it('keeps the specific hints for duplicates, strings, arrays, inline tables and two values on a line', () => {
    expect(err('[project]\nname = "a"\nname = "b"\n').message).toContain('already defined');
    expect(err('[project]\nname = "open\n').message).toContain('closing quote');
    expect(err('[project]\ndependencies = [\n "a"\n "b"\n]\n').message).toContain('between items');
    expect(err('a = {b = 1,\nc = 2}\n').message).toContain('must stay on one line');
    expect(err('[project]\nname = "x" "y"\n').message).toContain('Only one `key = value` per line');
  });
});
