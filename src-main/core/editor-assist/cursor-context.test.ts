import { describe, expect, it } from 'vitest';
import { cursorContext, splitDottedKey } from './cursor-context';

/** `|` marks the cursor. */
function at(src: string) {
  const offset = src.indexOf('|');
  return cursorContext(src.replace('|', ''), offset);
}

describe('cursorContext', () => {
  it('splits dotted keys with quotes', () => {
    expect(splitDottedKey('a."b.c" . d')).toEqual(['a', 'b.c', 'd']);
    expect(splitDottedKey("tool.'x y'")).toEqual(['tool', 'x y']);
  });

  it('knows key position in a table', () => {
    expect(at('[project]\nname = "x"\nver|')).toMatchObject({ table: ['project'], slot: 'key', key: ['ver'], word: { text: 'ver' } });
    expect(at('[project]\n|')).toMatchObject({ table: ['project'], slot: 'key', key: [] });
    expect(at('[tool.ruff.lint]\nsel|')).toMatchObject({ table: ['tool', 'ruff', 'lint'], slot: 'key' });
  });

  it('knows a header being typed', () => {
    expect(at('[project]\n[bui|')).toMatchObject({ slot: 'header', word: { text: 'bui' } });
  });

  it('knows value position and the string typed so far', () => {
    expect(at('[project]\nlicense = "MIT OR Ap|"')).toMatchObject({ table: ['project'], key: ['license'], slot: 'value', string: { prefix: 'MIT OR Ap' } });
    expect(at('[build-system]\nbuild-backend = "hat|')).toMatchObject({ table: ['build-system'], key: ['build-backend'], slot: 'value', string: { prefix: 'hat' } });
  });

  it('follows multi-line arrays', () => {
    const ctx = at('[project]\nname = "x"\nclassifiers = [\n  "Development Status :: 4 - Beta",\n  "Programming Lan|",\n]\n');
    expect(ctx).toMatchObject({ table: ['project'], key: ['classifiers'], slot: 'value', inArray: true, string: { prefix: 'Programming Lan' } });
  });

  it('does not confuse brackets and equals inside strings or comments', () => {
    expect(at('[project]\ndescription = "a = [b" # c = [\nna|')).toMatchObject({ table: ['project'], slot: 'key', key: ['na'] });
    expect(at('[project]\ndependencies = ["a[x]>=1", "b|')).toMatchObject({ key: ['dependencies'], inArray: true, string: { prefix: 'b' } });
  });

  it('handles inline tables and dotted keys', () => {
    expect(at('[project]\nreadme = { file = "README.md", content-ty|')).toMatchObject({ table: ['project', 'readme'], slot: 'key', key: ['content-ty'] });
    expect(at('[project]\nurls.Home|')).toMatchObject({ table: ['project'], slot: 'key', key: ['urls', 'Home'] });
    expect(at('[project]\nauthors = [{ name = "A", email = "|" }]')).toMatchObject({ table: ['project', 'authors'], key: ['email'], slot: 'value', string: { prefix: '' } });
  });

  it('starts over after an array closes', () => {
    expect(at('[project]\ndependencies = [\n  "a",\n]\nreq|')).toMatchObject({ table: ['project'], slot: 'key', key: ['req'] });
  });
});
