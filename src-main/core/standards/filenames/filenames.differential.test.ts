import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runPythonBatch } from '../../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../../testing/require-tool';
import { listLocalIndexFiles } from '../dist/local-wheels';
import { formatTag } from '../tags';
import { InvalidFilenameError } from './errors';
import type { FilenameErrorCode } from './errors';
import { generatedFilenames, mutateFilename } from './filename-corpus';
import { parseSdistFilename } from './sdist';
import { parseWheelFilename } from './wheel';

const oracle = fileURLToPath(new URL('./filenames.oracle.py', import.meta.url));
const { python, check } = pythonWithPackaging();

interface Item {
  kind: 'wheel' | 'sdist';
  name: string;
  validateOrder: boolean;
}
type Answer = { ok: true; name: string; version: string; build?: string[]; tags?: string[] } | { ok: false; error: string; code?: FilenameErrorCode };

/** packaging's message → our error code. */
function codeOf(message: string): FilenameErrorCode {
  if (/extension must be/.test(message)) return 'EXTENSION';
  if (/wrong number of parts/.test(message)) return 'PARTS';
  if (/Invalid project name/.test(message)) return 'NAME';
  if (/invalid version/.test(message)) return 'VERSION';
  if (/Invalid build number/.test(message)) return 'BUILD';
  if (/sorted order/.test(message)) return 'UNSORTED_TAGS';
  return 'PARTS';
}

function mine(item: Item): Answer {
  try {
    if (item.kind === 'sdist') {
      const s = parseSdistFilename(item.name);
      return { ok: true, name: s.name, version: s.version };
    }
    const w = parseWheelFilename(item.name, { validateOrder: item.validateOrder });
    return {
      ok: true,
      name: w.name,
      version: w.version,
      build: w.build ? [String(w.build.number), w.build.suffix] : [],
      tags: w.tags.map(formatTag).sort(),
    };
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidFilenameError);
    return { ok: false, error: '', code: (e as InvalidFilenameError).code };
  }
}

describe('file names vs packaging.utils', () => {
  it.skipIf(skipUnless(check))('parse_wheel_filename / parse_sdist_filename agree on real, generated and mutated names', async () => {
    const real = (await listLocalIndexFiles()).map((f) => f.filename);
    if (real.length === 0 && (process.env.CI === 'true' || process.env.CI === '1')) throw new Error('CI=true but no local package index was found');
    const names = [...real, ...real.flatMap((n, k) => [mutateFilename(n, k), mutateFilename(n, k + 3), mutateFilename(mutateFilename(n, k + 1), k + 4)]), ...generatedFilenames(16_000)];
    const items: Item[] = names.flatMap((name, k) => [
      { kind: 'wheel' as const, name, validateOrder: k % 3 === 0 },
      ...(k % 2 === 0 || !name.endsWith('.whl') ? [{ kind: 'sdist' as const, name, validateOrder: false }] : []),
    ]);
    const answers = await runPythonBatch<Item, Answer>(oracle, items, { python });
    let ok = 0;
    for (const [i, item] of items.entries()) {
      const theirs = answers[i] as Answer;
      const expected = theirs.ok ? theirs : { ok: false, error: '', code: codeOf(theirs.error) };
      expect({ item, answer: mine(item) }).toEqual({ item, answer: expected });
      if (theirs.ok) ok++;
    }
    console.log(`filenames: ${items.length} parses identical to packaging (${real.length} local index files; ${ok} accepted, ${items.length - ok} rejected with the same error)`);
  });
});
