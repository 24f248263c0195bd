import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProjectPage } from './model';
import { renderIndexJson, renderProjectHtml, renderProjectJson } from './simple-render';

const fixtures = new URL('../../../../shared/fixtures/index-api/', import.meta.url);

const page: ProjectPage = {
  name: 'demo-pkg',
  displayName: 'Demo.Pkg',
  versions: ['0.1.0', '0.2.0'],
  status: { status: 'active' },
  lastSerial: 7,
  files: [
    {
      filename: 'demo_pkg-0.1.0-py3-none-any.whl',
      url: '../../files/aa/bb/cc/demo_pkg-0.1.0-py3-none-any.whl',
      hashes: { sha256: 'a'.repeat(64) },
      requiresPython: '>=3.8,<4',
      size: 1234,
      uploadTime: '2026-01-02T03:04:05.678000Z',
      yanked: 'broken "build" <b>',
      metadataSha256: 'b'.repeat(64),
      version: '0.1.0',
    },
    {
      filename: 'demo_pkg-0.2.0.tar.gz',
      url: '../../files/dd/ee/ff/demo_pkg-0.2.0.tar.gz',
      hashes: { sha256: 'c'.repeat(64) },
      requiresPython: null,
      size: 99,
      uploadTime: null,
      yanked: false,
      metadataSha256: null,
      version: '0.2.0',
    },
  ],
};

describe('Simple API rendering', () => {
  it('renders PEP 503 HTML with escaped attributes and both metadata attribute names', () => {
    const html = renderProjectHtml(page);
    expect(html).toContain('<meta name="pypi:repository-version" content="1.4">');
    expect(html).toContain('<meta name="pypi:project-status" content="active">');
    expect(html).toContain(`href="../../files/aa/bb/cc/demo_pkg-0.1.0-py3-none-any.whl#sha256=${'a'.repeat(64)}"`);
    expect(html).toContain('data-requires-python="&gt;=3.8,&lt;4"');
    expect(html).toContain('data-yanked="broken &quot;build&quot; &lt;b&gt;"');
    expect(html).toContain(`data-dist-info-metadata="sha256=${'b'.repeat(64)}" data-core-metadata="sha256=${'b'.repeat(64)}"`);
    expect(html).toMatch(/<a href="[^"]+tar\.gz#sha256=c+">demo_pkg-0\.2\.0\.tar\.gz<\/a><br \/>/);
    expect(html.trimEnd().endsWith('<!--SERIAL 7-->')).toBe(true);
  });

  it('renders PEP 691 JSON with the key set of PyPI pages, minus dist-info-metadata', () => {
    const doc = JSON.parse(renderProjectJson(page)) as Record<string, unknown> & { files: Record<string, unknown>[] };
    const pypi = JSON.parse(readFileSync(new URL('simple-json.wheel.json', fixtures), 'utf8')) as { files: Record<string, unknown>[] };
    const pypiKeys = new Set(Object.keys(pypi.files[0]!));
    pypiKeys.delete('data-dist-info-metadata');
    expect(new Set(Object.keys(doc.files[0]!))).toEqual(pypiKeys);
    expect(doc.meta).toEqual({ 'api-version': '1.4', '_last-serial': 7 });
    expect(doc.versions).toEqual(['0.1.0', '0.2.0']);
    expect(doc['project-status']).toEqual({ status: 'active' });
    expect(doc.files[0]!['core-metadata']).toEqual({ sha256: 'b'.repeat(64) });
    expect(doc.files[0]!.yanked).toBe('broken "build" <b>');
    expect(doc.files[1]!['core-metadata']).toBe(false);
    expect(doc.files[1]!['requires-python']).toBeNull();
    expect(JSON.stringify(doc)).not.toContain('dist-info-metadata');
  });

  it('renders the JSON project list', () => {
    expect(JSON.parse(renderIndexJson([{ name: 'demo-pkg', displayName: 'Demo.Pkg', lastSerial: 3 }], 9))).toEqual({
      meta: { 'api-version': '1.4', '_last-serial': 9 },
      projects: [{ name: 'Demo.Pkg', '_last-serial': 3 }],
    });
  });
});
