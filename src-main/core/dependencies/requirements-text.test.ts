import { describe, expect, it } from 'vitest';
import { parseRequirementsText } from './requirements-text';

describe('parseRequirementsText', () => {
  it('keeps requirements with their line numbers; drops comments and blank lines; joins continuations', () => {
    const text = '# top\nrequests>=2  # http\n\nnumpy \\\n  <2\nurl-pkg @ https://example.com/x.whl#sha256=abc\n';
    expect(parseRequirementsText(text)).toEqual({
      requirements: [
        { text: 'requests>=2', line: 2 },
        { text: 'numpy   <2', line: 4 },
        { text: 'url-pkg @ https://example.com/x.whl#sha256=abc', line: 6 },
      ],
      ignored: [],
    });
  });

  it('reports option lines it does not follow', () => {
    const r = parseRequirementsText('-r other.txt\n--index-url https://x/simple\n-e .\nattrs\n');
    expect(r.requirements).toEqual([{ text: 'attrs', line: 4 }]);
    expect(r.ignored).toHaveLength(3);
    expect(r.ignored[0]).toMatch(/^line 1: option `-r other.txt`/);
  });
});
