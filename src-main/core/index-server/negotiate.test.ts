import { describe, expect, it } from 'vitest';
import { HTML_V1, JSON_V1, TEXT_HTML, isLegacyMetadataPip, negotiate } from './negotiate';

const PIP_ACCEPT = 'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01';

describe('PEP 691 content negotiation', () => {
  it('serves HTML when Accept is missing (as PyPI) and for a bare wildcard', () => {
    expect(negotiate(undefined, null)).toEqual({ format: 'html', contentType: TEXT_HTML });
    expect(negotiate('*/*', null)?.contentType).toBe(TEXT_HTML);
  });

  it("follows pip's q-values", () => {
    expect(negotiate(PIP_ACCEPT, null, 'pip/23.2.1 {}')).toEqual({ format: 'json', contentType: JSON_V1 });
    expect(negotiate('text/html;q=0.5, application/vnd.pypi.simple.v1+json;q=0.4', null)?.contentType).toBe(TEXT_HTML);
  });

  it('maps latest to v1 and prefers JSON among equal explicit ranges', () => {
    expect(negotiate('application/vnd.pypi.simple.latest+json', null)?.contentType).toBe(JSON_V1);
    expect(negotiate('application/vnd.pypi.simple.latest+html', null)?.contentType).toBe(HTML_V1);
    expect(negotiate(`${HTML_V1}, ${JSON_V1}`, null)?.contentType).toBe(JSON_V1);
  });

  it('answers 406 (null) when nothing is acceptable, including q=0', () => {
    expect(negotiate('application/json', null)).toBeNull();
    expect(negotiate(`${JSON_V1};q=0, text/html;q=0`, null)).toBeNull();
    expect(negotiate('application/vnd.pypi.simple.v2+json', null)).toBeNull();
  });

  it('lets ?format= override Accept', () => {
    expect(negotiate(PIP_ACCEPT, 'html')?.format).toBe('html');
    expect(negotiate('text/html', JSON_V1)?.format).toBe('json');
    expect(negotiate(undefined, 'xml')).toBeNull();
  });

  it('gives HTML to pip 22.2-23.1, which read PEP 658 only from data-dist-info-metadata', () => {
    expect(isLegacyMetadataPip('pip/23.0.1 {"installer":{"name":"pip"}}')).toBe(true);
    expect(isLegacyMetadataPip('pip/22.1 {}')).toBe(false);
    expect(isLegacyMetadataPip('pip/23.2.1 {}')).toBe(false);
    expect(isLegacyMetadataPip('pip/24.0 {}')).toBe(false);
    expect(negotiate(PIP_ACCEPT, null, 'pip/23.0.1 {}')).toEqual({ format: 'html', contentType: HTML_V1 });
    expect(negotiate(JSON_V1, null, 'pip/23.0.1 {}')?.format).toBe('json');
  });
});
