import { describe, expect, it } from 'vitest';
import { coverage, extractMentions, versionsOf } from './explanation-compare';

const available = new Map([
  ['a', versionsOf(['1.0.0', '2.0.0', '3.0.0'])],
  ['b', versionsOf(['1.0.0', '2.0.0', '3.0.0'])],
]);

describe('explanation-compare', () => {
  it('extracts named packages with the listed versions each range covers, one per interval', () => {
    const uv = 'Because a<=1.0.0 depends on b==1.0.0 and a>=3.0.0 depends on b==3.0.0, we can conclude that all versions of a depend on one of:\n    b<=1.0.0\n    b>=3.0.0\n\nAnd because you require a!=2.0.0 and Python>=3.10, a matching tag `cp312`…';
    const m = extractMentions(uv, ['a', 'b'], available);
    expect(m.map((x) => `${x.pkg}${x.spec}:${x.covers}`)).toEqual([
      'a<=1.0.0:1.0.0',
      'b==1.0.0:1.0.0',
      'a>=3.0.0:3.0.0',
      'b==3.0.0:3.0.0',
      'a:1.0.0 2.0.0 3.0.0',
      'b<=1.0.0:1.0.0',
      'b>=3.0.0:3.0.0',
      'a!=2.0.0:1.0.0',
      'a!=2.0.0:3.0.0',
    ]);
    expect([...(coverage(m).get('a') ?? [])]).toEqual(['1.0.0', '3.0.0', '1.0.0 2.0.0 3.0.0']);
  });

  it('reads uv\'s `<=X+local` as `<=X`', () => {
    const m = extractMentions('only a<=2.0.0+local is available', ['a'], available);
    expect(m[0]?.covers).toBe('1.0.0 2.0.0');
  });
});
