import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPythonBatch } from '../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../testing/require-tool';
import { UploadRejection } from './store-write';
import { checkForm, checkMetadata, cleanFields, pyRepr, tooSimilar } from './upload-checks';

type Form = Record<string, string[]>;
const HELP = 'See https://packaging.python.org/specifications/core-metadata for more information.';
const base: Form = {
  ':action': ['file_upload'],
  protocol_version: ['1'],
  metadata_version: ['2.1'],
  name: ['demo-pkg'],
  version: ['1.0'],
  filetype: ['bdist_wheel'],
  pyversion: ['py3'],
  sha256_digest: ['a'.repeat(64)],
};

function formError(form: Form, fileFields: string[] = []): string | null {
  try {
    checkForm(cleanFields(new Map(Object.entries(form))), fileFields);
    return null;
  } catch (e) {
    if (e instanceof UploadRejection) return e.message;
    throw e;
  }
}

function metadataError(form: Form): string | null {
  try {
    checkMetadata(cleanFields(new Map(Object.entries(form))));
    return null;
  } catch (e) {
    if (e instanceof UploadRejection) return e.message;
    throw e;
  }
}

describe('legacy upload form checks (warehouse order and messages)', () => {
  it('accepts a twine-like form', () => {
    expect(formError(base)).toBeNull();
    expect(formError({ ...base, filetype: ['sdist'], pyversion: ['source'] })).toBeNull();
    expect(formError({ ...base, filetype: ['sdist'], pyversion: [''] })).toBeNull();
  });

  it.each([
    [{ protocol_version: ['2'] }, [], 'Unknown protocol version.'],
    [{}, ['summary'], 'summary: Should not be a tuple.'],
    [
      { name: ['-bad-'] },
      [],
      `'-bad-' is an invalid value for Name. Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'. ${HELP}`,
    ],
    [{ filetype: ['bdist_rpm'] }, [], 'Invalid value for filetype. Error: Use a known file type.'],
    [{ filetype: [] }, [], 'Invalid value for filetype. Error: Use a known file type.'],
    [{ sha256_digest: ['xyz'] }, [], 'Invalid value for sha256_digest. Error: Use a valid, hex-encoded, SHA256 message digest.'],
    [{ blake2_256_digest: ['0'.repeat(63)] }, [], 'Invalid value for blake2_256_digest. Error: Use a valid, hex-encoded, BLAKE2 message digest.'],
    [{ pyversion: [] }, [], 'Error: Python version is required for binary distribution uploads.'],
    [{ filetype: ['sdist'], pyversion: ['py3'] }, [], "Error: Use 'source' as Python version for an sdist."],
    [{ sha256_digest: [] }, [], 'Error: Include at least one message digest.'],
  ] as [Form, string[], string][])('%j %j → %s', (patch, fileFields, message) => {
    expect(formError({ ...base, ...patch }, fileFields)).toBe(message);
  });

  it('reports the highest-priority field first: name, then alphabetical', () => {
    expect(formError({ ...base, name: ['-x'], filetype: ['nope'], sha256_digest: ['z'] })).toMatch(/^'-x' is an invalid value for Name/);
    expect(formError({ ...base, filetype: ['nope'], sha256_digest: ['z'], blake2_256_digest: ['z'] })).toMatch(/^Invalid value for blake2_256_digest/);
  });

  it('shortens long names in the message as warehouse does', () => {
    const long = `${'a'.repeat(40)}-${'b'.repeat(40)}-`;
    expect(formError({ ...base, name: [long] })).toBe(
      `'${long.slice(0, 30)}...${long.slice(-30)}' is an invalid value for Name. Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'. ${HELP}`,
    );
  });

  it('drops UNKNOWN and empty values (distutils placeholders)', () => {
    expect([...cleanFields(new Map([['summary', ['UNKNOWN']], ['author', ['']], ['name', ['x']]])).keys()]).toEqual(['name']);
  });

  it('quotes like Python repr and detects too-similar names', () => {
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr('a\nb')).toBe("'a\\nb'");
    expect(tooSimilar('Dj4ngo', ['django'])).toBe(false);
    expect(tooSimilar('req.uests', ['requests'])).toBe(true);
    expect(tooSimilar('fIask', ['flask'])).toBe(true);
  });
});

const oracle = fileURLToPath(new URL('./upload-checks.oracle.py', import.meta.url));
const { python, check } = pythonWithPackaging();

describe('legacy upload metadata checks against packaging 26.2 (warehouse selection)', () => {
  const m: Form = { metadata_version: ['2.1'], name: ['demo-pkg'], version: ['1.0'] };
  const cases: Form[] = [
    m,
    { ...m, metadata_version: ['2.6'] },
    { ...m, metadata_version: ['2.0'] },
    { ...m, metadata_version: [] },
    { ...m, name: [] },
    { ...m, version: ['1.0.x'] },
    { ...m, version: [] },
    { ...m, summary: ['two\nlines'] },
    { ...m, description_content_type: ['text/foo'] },
    { ...m, description_content_type: ['text/markdown; variant=Foo'] },
    { ...m, description_content_type: ['text/markdown; charset=latin-1'] },
    { ...m, dynamic: ['Requires-Dist'] },
    { ...m, metadata_version: ['2.2'], dynamic: ['Name'] },
    { ...m, metadata_version: ['2.2'], dynamic: ['Nonsense'] },
    { ...m, license_expression: ['MIT'] },
    { ...m, metadata_version: ['2.4'], license_expression: ['MIT OR'] },
    { ...m, metadata_version: ['2.4'], license_file: ['../LICENSE'] },
    { ...m, requires_dist: ['requests>=2', 'bad>='] },
    { ...m, requires_python: ['>=3.8,<4'] },
    { ...m, requires_python: ['>=three'] },
    { ...m, provides_extra: ['a b'] },
    { ...m, version: ['1.0.x'], summary: ['a\nb'], provides_extra: ['a b'] },
    { ...m, name: ['-x'], version: ['?'] },
    { ...m, keywords: ['a, b,c'], classifiers: ['License :: OSI Approved :: MIT License'], project_urls: ['Home, https://example.com'] },
  ];

  it.skipIf(skipUnless(check))('gives the same message as PyPI would (packaging verdict, warehouse ordering)', async () => {
    const expected = await runPythonBatch<Form, string | null>(oracle, cases, { python });
    const got = cases.map(metadataError);
    // packaging formats a *set* of content types (order varies with Python's hash seed).
    const norm = (s: string | null | undefined) => s?.replace(/\[([^\]]*)\]/g, (_m, inner: string) => `[${inner.split(', ').sort().join(', ')}]`) ?? null;
    const diffs = cases.map((c, i) => ({ c, want: norm(expected[i]), got: norm(got[i]) })).filter((x) => x.want !== x.got);
    expect(diffs).toEqual([]);
  });

  it('applies PyPI-only rules on top of packaging', () => {
    expect(metadataError({ ...m, version: ['1.0+local'] })).toBe(`The use of local versions in '1.0+local' is not allowed. ${HELP}`);
    expect(metadataError({ ...m, summary: ['x'.repeat(513)] })).toBe(`'summary' field must be 512 characters or less. ${HELP}`);
    expect(metadataError({ ...m, requires_dist: ['foo @ https://example.com/foo.whl'] })).toBe(`Can't have direct dependency: foo @ https://example.com/foo.whl. ${HELP}`);
    expect(metadataError({ ...m, project_urls: [`${'L'.repeat(33)}, https://example.com`] })).toBe(`'${'L'.repeat(33)}' must be 32 characters or less. ${HELP}`);
    expect(metadataError({ ...m, home_page: ['not a url'] })).toBe(`'not a url' is not a valid url. ${HELP}`);
  });
});
