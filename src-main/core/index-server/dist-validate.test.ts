import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPythonBatch } from '../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../testing/require-tool';
import { validateDist } from './dist-validate';
import { tryParseVersion } from './std';
import { UploadRejection } from './store-write';
import { tempDir } from './test-support/harness';

const script = fileURLToPath(new URL('./test-support/dist-cases.py', import.meta.url));
const { python, check } = pythonWithPackaging();
const ARCHIVES = 'See https://docs.pypi.org/archives for more information';

/** Expected outcome per crafted case: null = accepted, else PyPI's message. */
const CASES: Record<string, string | null> = {
  'good-wheel': null,
  'good-sdist': null,
  'not-a-zip': 'Invalid distribution file. File is not a zipfile',
  'data-descriptor': `Invalid distribution file. ZIP archive not accepted: ZIP contains a data descriptor. ${ARCHIVES}`,
  'trailing-data': `Invalid distribution file. ZIP archive not accepted: Trailing data. ${ARCHIVES}`,
  'prepended-data': `Invalid distribution file. ZIP archive not accepted: Unknown record signature. ${ARCHIVES}`,
  'cd-comment': `Invalid distribution file. ZIP archive not accepted: Comment in central directory. ${ARCHIVES}`,
  bzip2: 'Invalid distribution file. File does not use a supported compression type',
  // Python's zipfile keeps the last central-directory record per name, so the first local
  // header disagrees with it on size (warehouse reports the same).
  'duplicate-entry': `Invalid distribution file. ZIP archive not accepted: Mis-matched data size. ${ARCHIVES}`,
  'no-wheel-file': 'Invalid distribution file. WHEEL not found at demo_pkg-1.0.dist-info/WHEEL',
  'no-record': "Wheel 'demo_pkg-1.0-py3-none-any.whl' does not contain the required RECORD file: demo_pkg-1.0.dist-info/RECORD",
  'no-metadata': "Wheel 'demo_pkg-1.0-py3-none-any.whl' does not contain the required METADATA file: demo_pkg-1.0.dist-info/METADATA",
  'unnormalized-wheel': "Filename 'Demo.Pkg-1.0-py3-none-any.whl' should contain the normalized project name 'demo_pkg', not 'Demo.Pkg'.",
  'version-mismatch': "Version in filename should be '1.0' not '1.1'.",
  'linux-platform': "Binary wheel 'demo_pkg-1.0-cp311-cp311-linux_x86_64.whl' has an unsupported platform tag 'linux_x86_64'.",
  'bad-wheel-name': "Invalid wheel filename (wrong number of parts): 'demo_pkg-1.0-py3-none.whl'",
  'sdist-two-tops': 'Invalid distribution file. Incorrect number of top-level directories in sdist',
  'sdist-no-pkg-info': 'Invalid distribution file. PKG-INFO not found at demo_pkg-1.0/PKG-INFO',
  'sdist-plain-tar': 'Invalid distribution file. None',
  'sdist-not-tar': 'Invalid distribution file. File is not a tarfile',
  'sdist-corrupt-gzip': 'Invalid distribution file. None',
  'sdist-unnormalized': "Filename 'Demo.Pkg-1.0.tar.gz' is invalid, should be 'demo_pkg-1.0.tar.gz'.",
  'sdist-zip': "Filename 'demo_pkg-1.0.zip' is invalid, should be 'demo_pkg-1.0.tar.gz'.",
};

describe.skipIf(skipUnless(check))('archive checks on uploads (PyPI G9–G11)', () => {
  const tmp = tempDir('pw-distval-');
  let built: Record<string, { path: string; filename: string }> = {};
  beforeAll(async () => {
    const names = Object.keys(CASES);
    const out = await runPythonBatch<{ case: string; out_dir: string }, { path: string; filename: string }>(
      script,
      names.map((c) => ({ case: c, out_dir: tmp.dir })),
      { python },
    );
    built = Object.fromEntries(names.map((n, i) => [n, out[i]!]));
  });
  afterAll(() => tmp.cleanup());

  it.each(Object.entries(CASES))('%s', async (name, expected) => {
    const { path, filename } = built[name]!;
    const filetype = filename.endsWith('.whl') ? 'bdist_wheel' : 'sdist';
    const run = validateDist(
      { path, filename, filetype, projectName: 'demo-pkg', metaName: 'demo-pkg', metaVersion: tryParseVersion('1.0')!, licenseFiles: [] },
      statSync(path).size,
    );
    if (expected === null) {
      const r = await run;
      expect(r.metadata?.toString()).toContain('Name: demo-pkg');
    } else {
      const err = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UploadRejection);
      expect((err as UploadRejection).message).toBe(expected);
    }
  });
});
