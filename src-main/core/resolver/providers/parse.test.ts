import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/shared-dir';
import { IndexError } from './errors';
import { parseHtmlProjectPage } from './parse-html';
import { parseJsonProjectPage } from './parse-json';

const fixture = (name: string): Buffer => readFileSync(sharedPath('fixtures', 'index-api', name));

describe('PEP 503 HTML pages', () => {
  it('reads hashes, HTML-unescaped requires-python and yank reasons (black)', () => {
    const page = parseHtmlProjectPage(fixture('simple-html.black.yanked.html'), 'https://pypi.org/simple/black/', 'black');
    expect(page.apiVersion).toBe('1.0');
    expect(page.files).toHaveLength(4);
    const [whl, sdist, yankedWhl] = page.files;
    expect(whl?.dist.kind).toBe('wheel');
    expect(whl?.hashes).toEqual({ sha256: '13001c5b7dbc81137164b43137320a1785e95ce84e4db849279786877ac6d7f6' });
    expect(whl?.url).not.toContain('#');
    expect(sdist?.requiresPython).toBe('>=3.6');
    expect(sdist?.dist.kind).toBe('sdist');
    expect(sdist?.version).toBe('19.10b0');
    expect(yankedWhl?.yanked).toEqual({ reason: 'Broken regex dependency. Use 21.11b1 instead.' });
    expect(yankedWhl?.requiresPython).toBe('>=3.6.2');
  });

  it('reads repository-version, project status and PEP 714 core metadata (beautifulsoup4)', () => {
    const page = parseHtmlProjectPage(fixture('simple-html.beautifulsoup4.docs-example.html'), 'https://pypi.org/simple/beautifulsoup4/', 'beautifulsoup4');
    expect(page.apiVersion).toBe('1.4');
    expect(page.status).toEqual({ status: 'active', reason: null });
    const wheel = page.files.find((f) => f.filename.endsWith('.whl'));
    expect(wheel?.coreMetadata).toEqual({ hashes: { sha256: 'd0aa787c2b55e5b0b3aff66f137cf33341c5e781cb87b4dc184cbb25c7ac0ab5' } });
    expect(wheel?.requiresPython).toBe('>=3.6.0');
    expect(page.files.filter((f) => f.coreMetadata === false)).toHaveLength(3);
  });

  it('resolves relative links against <base href> and the page URL', () => {
    const html = `<html><head><base href="https://files.example/root/"></head><body>
      <a href="pkg-1.0.tar.gz#md5=AB12">pkg-1.0.tar.gz</a>
      <a href='../x/pkg-2.0-py3-none-any.whl' data-core-metadata="true" data-dist-info-metadata="sha256=00">pkg-2.0-py3-none-any.whl</a>
      <a HREF=pkg-3.0.zip DATA-YANKED>pkg-3.0.zip</a></body></html>`;
    const page = parseHtmlProjectPage(html, 'https://index.example/simple/pkg/', 'pkg');
    expect(page.files.map((f) => f.url)).toEqual(['https://files.example/root/pkg-1.0.tar.gz', 'https://files.example/x/pkg-2.0-py3-none-any.whl', 'https://files.example/root/pkg-3.0.zip']);
    expect(page.files[0]?.hashes).toEqual({ md5: 'ab12' });
    // PEP 714: data-core-metadata wins over data-dist-info-metadata.
    expect(page.files[1]?.coreMetadata).toEqual({ hashes: {} });
    expect(page.files[2]?.yanked).toEqual({ reason: null });
  });

  it('decodes entities, skips foreign and malformed links, and reads dashed sdist names', () => {
    const html = `<!-- a comment with <a href="x"> inside -->
      <a href="/f/isort-metadata-4.3.4.tar.gz" data-requires-python="&gt;=2.7,&#33;=3.0.*,&#x21;=3.1.*">isort-metadata-4.3.4.tar.gz</a>
      <a href="/f/other-1.0-py3-none-any.whl">other-1.0-py3-none-any.whl</a>
      <a href="/f/isort_metadata-bad-py3-none-any.whl">bad</a>
      <a href="/f/isort-metadata-1.0.exe">installer</a>`;
    const page = parseHtmlProjectPage(html, 'https://i.example/simple/isort-metadata/', 'isort-metadata');
    expect(page.files.map((f) => [f.filename, f.dist.kind])).toEqual([
      ['isort-metadata-4.3.4.tar.gz', 'sdist'],
      ['isort-metadata-1.0.exe', 'other'],
    ]);
    expect(page.files[0]?.requiresPython).toBe('>=2.7,!=3.0.*,!=3.1.*');
    expect(page.files[0]?.version).toBe('4.3.4');
    expect(page.warnings.length).toBe(2);
  });

  it('refuses a newer major api-version and warns on a newer minor (PEP 629)', () => {
    const meta = (v: string): string => `<meta name="pypi:repository-version" content="${v}"><a href="p-1.0.tar.gz">p-1.0.tar.gz</a>`;
    expect(() => parseHtmlProjectPage(meta('2.0'), 'https://i/simple/p/', 'p')).toThrow(IndexError);
    const page = parseHtmlProjectPage(meta('1.99'), 'https://i/simple/p/', 'p');
    expect(page.warnings[0]).toMatch(/newer than 1\.4/);
    expect(page.files).toHaveLength(1);
  });

  it('gives typed errors naming the URL for unreadable pages', () => {
    const url = 'https://i.example/simple/p/';
    const err = (body: string | Buffer): IndexError => {
      try {
        parseHtmlProjectPage(body, url, 'p');
      } catch (e) {
        return e as IndexError;
      }
      throw new Error('no error');
    };
    expect(err('<a href="p-1.0.tar.gz').code).toBe('MALFORMED_HTML');
    expect(err('<!-- never closed').code).toBe('MALFORMED_HTML');
    expect(err(Buffer.from([0x3c, 0x61, 0xff, 0xfe])).code).toBe('MALFORMED_HTML');
    expect(err('<a href="x').message).toContain(url);
  });
});

describe('PEP 691 JSON pages', () => {
  it('reads every field of a PyPI page (wheel)', () => {
    const page = parseJsonProjectPage(fixture('simple-json.wheel.json'), 'https://pypi.org/simple/wheel/', 'wheel');
    expect(page.apiVersion).toBe('1.4');
    expect(page.versions).toContain('0.40.0');
    const whl = page.files.find((f) => f.filename === 'wheel-0.40.0-py3-none-any.whl');
    expect(whl).toMatchObject({
      requiresPython: '>=3.7',
      size: 64545,
      uploadTime: '2023-03-14T15:10:00.828550Z',
      yanked: false,
      coreMetadata: { hashes: { sha256: 'bf7a632f73a2d57bb54d06bbb2a46c162e6dfbe7565b0746e588ce6f080e49f7' } },
    });
    expect(whl?.hashes.sha256).toBe('d236b20e7cb522daf2390fa84c55eea81c5c30190f90f29ae2ca1ad8355bf247');
    const sdist = page.files.find((f) => f.filename === 'wheel-0.40.0.tar.gz');
    expect(sdist?.coreMetadata).toBe(false);
  });

  it('reads yank reasons, provenance and api 1.0 boolean core-metadata', () => {
    const black = parseJsonProjectPage(fixture('simple-json.black.yanked.json'), 'https://pypi.org/simple/black/', 'black');
    expect(black.files.some((f) => f.yanked !== false && f.yanked.reason === 'Broken regex dependency. Use 21.11b1 instead.')).toBe(true);
    const core = parseJsonProjectPage(fixture('simple-json.poetry-core.provenance.json'), 'https://pypi.org/simple/poetry-core/', 'poetry-core');
    expect(core.files.some((f) => f.provenance?.startsWith('https://pypi.org/integrity/'))).toBe(true);
    const isort = parseJsonProjectPage(fixture('simple-json.isort-metadata.api-1.0.json'), 'https://pypi.org/simple/isort-metadata/', 'isort-metadata');
    expect(isort.apiVersion).toBe('1.0');
    expect(isort.files.filter((f) => f.dist.kind === 'wheel').every((f) => f.coreMetadata !== false && Object.keys(f.coreMetadata.hashes).length === 0)).toBe(true);
    expect(isort.files.every((f) => f.size === null)).toBe(true);
  });

  it('resolves relative file URLs and ignores unknown keys', () => {
    const body = JSON.stringify({ meta: { 'api-version': '1.1' }, name: 'p', files: [{ filename: 'p-1.0-py3-none-any.whl', url: '../../files/p-1.0-py3-none-any.whl', hashes: {}, 'future-key': 1, yanked: '' }], versions: ['1.0'] });
    const page = parseJsonProjectPage(body, 'http://127.0.0.1:9/simple/p/', 'p');
    expect(page.files[0]?.url).toBe('http://127.0.0.1:9/files/p-1.0-py3-none-any.whl');
    expect(page.files[0]?.yanked).toEqual({ reason: null });
  });

  it('gives typed errors for broken pages and unsupported versions', () => {
    const code = (body: string): string => {
      try {
        parseJsonProjectPage(body, 'https://i/simple/p/', 'p');
        return 'none';
      } catch (e) {
        return (e as IndexError).code;
      }
    };
    expect(code('{"files": [')).toBe('MALFORMED_JSON');
    expect(code('[]')).toBe('MALFORMED_JSON');
    expect(code('{"meta": {"api-version": "1.0"}}')).toBe('MALFORMED_JSON');
    expect(code('{"meta": {"api-version": "2.0"}, "files": []}')).toBe('UNSUPPORTED_API_VERSION');
    expect(code('{"meta": {"api-version": "1.0"}, "files": [1, {"filename": 3}]}')).toBe('none');
  });
});

describe("Poetry's PyPI JSON corpus (corpus/poetry-pypi-json)", () => {
  const root = sharedPath('corpus', 'poetry-pypi-json', 'json');
  const pages = [...readdirSync(root).filter((f) => f.endsWith('.json')).map((f) => join(root, f)), ...readdirSync(join(root, 'mocked')).filter((f) => f.endsWith('.json')).map((f) => join(root, 'mocked', f))];

  it('parses every page, skipping unusable file names with a warning', () => {
    let files = 0;
    for (const path of pages) {
      const project = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
      const page = parseJsonProjectPage(readFileSync(path), `https://pypi.org/simple/${project}/`, project);
      files += page.files.length;
      for (const f of page.files) {
        expect(f.url).toMatch(/^https:\/\//);
        if (f.dist.kind !== 'other') expect(f.version).not.toBeNull();
      }
    }
    expect(pages.length).toBeGreaterThanOrEqual(38);
    // 118 files listed in all; 5 are skipped (foreign or invalid versions), each with a warning.
    expect(files).toBe(113);
  });

  it('reads yank reasons, PEP 714 metadata forms and invalid versions as pip would', () => {
    const parse = (rel: string, project: string) => parseJsonProjectPage(readFileSync(join(root, rel)), `https://pypi.org/simple/${project}/`, project);
    const isodate = parse('isodate.json', 'isodate');
    expect(isodate.files.filter((f) => f.yanked !== false).every((f) => f.yanked !== false && f.version !== null)).toBe(true);
    expect(isodate.files.some((f) => f.yanked !== false && typeof f.yanked.reason === 'string')).toBe(true);
    const invalid = parse('mocked/invalid-version-package.json', 'invalid-version-package');
    expect(invalid.files.map((f) => f.filename)).toEqual(['invalid_version_package-3.13-cp27-cp27m-win32.whl']);
    expect(invalid.warnings.some((w) => w.includes('invalid_version_package-.9'))).toBe(true);
    const six = parse('mocked/six-unknown-version.json', 'six-unknown-version');
    expect(six.files.filter((f) => f.dist.kind === 'sdist').map((f) => f.version)).toEqual(['1.11.0']);
  });
});
