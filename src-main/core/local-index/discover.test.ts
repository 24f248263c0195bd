import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { discoverLocalIndexes, parsePipConfigList } from './discover';

describe('local index discovery', () => {
  it('reads index urls from pip config list output', () => {
    const text = "global.cert='/etc/ssl/x.crt'\nglobal.extra-index-url='file:///a/simple file:///b/simple'\n:env:.index-url='https://x/simple'\n";
    expect(parsePipConfigList(text)).toEqual(['file:///a/simple', 'file:///b/simple', 'https://x/simple']);
  });

  it('prefers PACKWRIGHT_LOCAL_INDEX and keeps only existing folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-idx-'));
    const found = await discoverLocalIndexes({ PACKWRIGHT_LOCAL_INDEX: `${pathToFileURL(dir).href} /no/such/dir` });
    expect(found).toEqual([{ simpleDir: dir, source: 'env' }]);
  });
});
