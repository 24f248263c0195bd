import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse';
import { SourceText, utf8Length } from './source-text';

describe('TOML layer', () => {
  it('reports syntax errors with exact positions', () => {
    const doc = parseDocument('[project]\nname = "x\n');
    expect(doc.value).toBeNull();
    expect(doc.syntaxError?.code).toBe('PW-TOML-001');
    expect(doc.syntaxError?.range.start.line).toBe(2);
  });

  it('reports duplicate keys as PW-TOML-002 at the second key', () => {
    const doc = parseDocument('[project]\nname = "a"\nname = "b"\n');
    expect(doc.syntaxError?.code).toBe('PW-TOML-002');
    expect(doc.syntaxError?.range.start).toMatchObject({ line: 3, column: 1 });
  });

  it('returns plain-object values', () => {
    const doc = parseDocument('a = { b = [1, 2] }\n[t]\nd = 1979-05-27\n');
    expect(Object.getPrototypeOf(doc.value)).toBe(Object.prototype);
    expect(doc.value?.a).toEqual({ b: [1, 2] });
  });

  it('locates keys and values of every TOML form', () => {
    const text = '[project]\nname = "x"\nurls.home = "h"\nauthors = [{ name = "n" }]\n[[tool.x]]\ny = 1\n';
    const doc = parseDocument(text);
    const at = (p: (string | number)[], part: 'key' | 'value') => {
      const [s, e] = doc.index?.span(p, part) ?? [0, 0];
      return text.slice(s, e);
    };
    expect(at(['project', 'name'], 'value')).toBe('"x"');
    expect(at(['project', 'urls', 'home'], 'key')).toBe('home');
    expect(at(['project', 'urls'], 'key')).toBe('urls');
    expect(at(['project', 'authors', 0, 'name'], 'value')).toBe('"n"');
    expect(at(['tool', 'x', 0, 'y'], 'value')).toBe('1');
    expect(at(['project', 'missing', 'deep'], 'key')).toBe('project');
  });

  it('computes line, column and UTF-8 byte offsets', () => {
    const src = new SourceText('é = 1\r\n"😀" = 2\n');
    const p = src.position(src.text.indexOf('2'));
    expect(p).toMatchObject({ line: 2, column: 8 });
    expect(p.byte).toBe(utf8Length(src.text.slice(0, p.offset)));
    expect(p.byte).toBe(Buffer.byteLength(src.text.slice(0, p.offset)));
    expect(src.lineEnd(1)).toBe(5);
  });
});
