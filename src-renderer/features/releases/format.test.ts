import { describe, expect, it } from 'vitest';
import { formatSize, pypircSnippet, shellQuote } from './format';

describe('releases format helpers', () => {
  it('formats sizes in binary units', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1024)).toBe('1.0 KiB');
    expect(formatSize(5 * 1024 ** 2 + 1)).toBe('5.0 MiB');
    expect(formatSize(3 * 1024 ** 4)).toBe('3072.0 GiB');
  });

  it('writes a ~/.pypirc section with the upload URL and no password', () => {
    const text = pypircSnippet('http://127.0.0.1:8080/legacy/');
    expect(text).toContain('index-servers =\n    packwright-local');
    expect(text).toContain('[packwright-local]\nrepository = http://127.0.0.1:8080/legacy/\nusername = __token__\n');
    expect(text).not.toMatch(/^password\s*=/m);
  });

  it('quotes shell words only when needed', () => {
    expect(shellQuote('demo-pkg==1.0')).toBe('demo-pkg==1.0');
    expect(shellQuote('demo[extra]>=1')).toBe("'demo[extra]>=1'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});
