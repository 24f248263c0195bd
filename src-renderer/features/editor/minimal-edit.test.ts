import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalEdit } from './minimal-edit';

function apply(text: string, e: ReturnType<typeof minimalEdit>): string {
  return e ? text.slice(0, e.start) + e.text + text.slice(e.end) : text;
}

describe('minimalEdit', () => {
  it('touches only the changed span', () => {
    expect(minimalEdit('name = "a"\nversion = "1"\n', 'name = "a"\nversion = "2"\n')).toEqual({ start: 22, end: 23, text: '2' });
    expect(minimalEdit('same', 'same')).toBeNull();
  });

  it('always reproduces the target, and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const e = minimalEdit(a, b);
        expect(apply(a, e)).toBe(b);
        if (e) {
          expect(/[\uDC00-\uDFFF]/.test(a[e.start] ?? '') && e.start > 0).toBe(false);
        }
      }),
    );
  });
});
