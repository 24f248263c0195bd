import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TagError, compressTags, formatTag, formatTagSet, parseTag, parseTagSet } from './tag';

describe('tags (PEP 425)', () => {
  it('expands compressed tag sets', () => {
    expect(parseTag('py2.py3-none-any').map(formatTag)).toEqual(['py2-none-any', 'py3-none-any']);
    expect(parseTag('CP312-Abi3-manylinux_2_17_x86_64.manylinux2014_x86_64').map(formatTag)).toEqual([
      'cp312-abi3-manylinux_2_17_x86_64',
      'cp312-abi3-manylinux2014_x86_64',
    ]);
    expect(parseTag('py3--any').map(formatTag)).toEqual(['py3--any']);
  });

  it('rejects wrong part counts and, when asked, unsorted components', () => {
    expect(() => parseTag('py3-none')).toThrow(TagError);
    expect(() => parseTag('py3.py2-none-any', { validateOrder: true })).toThrow(/sorted/);
    expect(parseTag('py3.py2-none-any')).toHaveLength(2);
  });

  it('compresses a cartesian product into one set', () => {
    expect(compressTags(parseTag('py2.py3-none-any'))).toEqual(['py2.py3-none-any']);
    expect(compressTags([...parseTag('py3-none-any'), ...parseTag('cp312-abi3-win_amd64')])).toEqual(['cp312-abi3-win_amd64', 'py3-none-any']);
  });

  const part = fc.stringMatching(/^[a-z0-9_]{1,8}$/);
  const component = fc.uniqueArray(part, { minLength: 1, maxLength: 3 });

  it('format → parse round-trips (property)', () => {
    fc.assert(
      fc.property(component, component, component, (i, a, p) => {
        const text = formatTagSet({ interpreters: i, abis: a, platforms: p });
        const set = parseTagSet(text, { validateOrder: true });
        expect(set).toEqual({ interpreters: [...i].sort(), abis: [...a].sort(), platforms: [...p].sort() });
        expect(parseTag(text)).toHaveLength(i.length * a.length * p.length);
      }),
    );
  });

  it('throws only TagError on any input (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (s, validateOrder) => {
        try {
          parseTag(s, { validateOrder });
        } catch (e) {
          expect(e).toBeInstanceOf(TagError);
        }
      }),
    );
  });
});
