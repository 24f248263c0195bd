import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProjectRequirements, readRequirementsFile } from './inputs';

const dir = mkdtempSync(join(tmpdir(), 'packwright-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('requirement inputs', () => {
  it('reads pip requirements files with comments, continuations, nesting and options', async () => {
    writeFileSync(join(dir, 'base.txt'), 'six>=1.0  # comment\n# whole line\n');
    writeFileSync(join(dir, 'cons.txt'), 'six<2\n');
    writeFileSync(
      join(dir, 'req.txt'),
      '-r base.txt\n-c cons.txt\n--index-url file:///idx/simple\n--extra-index-url https://x.invalid/simple\n-f ./wheels\n--pre\nrequests[socks] \\\n  >=2 ; python_version >= "3"\n-e .\n--no-deps\nurl#frag\n',
    );
    const r = await readRequirementsFile(join(dir, 'req.txt'));
    expect(r.requirements).toEqual(['six>=1.0', 'requests[socks]   >=2 ; python_version >= "3"', 'url#frag']);
    expect(r.constraints).toEqual(['six<2']);
    expect(r.indexUrls).toEqual(['file:///idx/simple', 'https://x.invalid/simple']);
    expect(r.findLinks).toEqual([join(dir, 'wheels')]);
    expect(r.prerelease).toBe(true);
    expect(r.warnings).toHaveLength(2);
  });

  it('reads a project: dependencies, extras and dependency groups', async () => {
    const p = join(dir, 'pyproject.toml');
    writeFileSync(
      p,
      '[project]\nname = "x"\ndependencies = ["a>=1"]\n[project.optional-dependencies]\nFast_IO = ["b"]\n[dependency-groups]\ntest = ["c", {include-group = "lint"}]\nlint = ["d"]\n',
    );
    expect(await readProjectRequirements(p)).toEqual(['a>=1']);
    expect(await readProjectRequirements(p, ['fast-io'], ['test'])).toEqual(['a>=1', 'b', 'c', 'd']);
    await expect(readProjectRequirements(p, ['nope'])).rejects.toThrow(/no optional-dependencies extra/);
  });
});
