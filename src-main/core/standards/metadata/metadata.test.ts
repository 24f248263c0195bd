import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELDS } from './fields';
import type { CoreMetadataFields } from './fields';
import { generatedMetadataDocs } from './metadata-corpus';
import { parseCoreMetadata, unfoldDescription } from './parse';
import { serializeCoreMetadata } from './serialize';
import { validateCoreMetadata } from './validate';

describe('core metadata', () => {
  it('reads multi-use fields, keywords, project URLs and the body', () => {
    const md = parseCoreMetadata(
      'Metadata-Version: 2.4\nName: demo\nVersion: 1.0\nClassifier: A\nClassifier: B\nKeywords: a, b ,c\n' +
        'Project-URL: Home, https://h\nLicense-Expression: MIT\nLicense-File: LICENSE\n\nHello\n',
    );
    expect(md.fields).toMatchObject({ classifiers: ['A', 'B'], keywords: ['a', 'b', 'c'], projectUrls: { Home: 'https://h' }, description: 'Hello\n' });
    expect(validateCoreMetadata(md)).toEqual([]);
  });

  it('checks field validity by Metadata-Version', () => {
    const codes = (text: string): string[] => validateCoreMetadata(parseCoreMetadata(text)).map((p) => `${p.field}:${p.code}`);
    expect(codes('Metadata-Version: 2.1\nName: a\nVersion: 1\nDynamic: license\nLicense-Expression: MIT\nLicense-File: L\nImport-Name: a\n')).toEqual([
      'dynamic:FIELD_TOO_NEW',
      'license-expression:FIELD_TOO_NEW',
      'license-file:FIELD_TOO_NEW',
      'import-name:FIELD_TOO_NEW',
    ]);
    expect(codes('Metadata-Version: 2.5\nName: a\nVersion: 1\nImport-Name: a.b; private\nImport-Name: class\n')).toEqual(['import-name:INVALID_IMPORT_NAME']);
    expect(codes('Metadata-Version: 2.0\nName: -a\nVersion: x\nRequires-Dist: foo>>1\n')).toEqual([
      'metadata-version:INVALID_METADATA_VERSION',
      'name:INVALID_NAME',
      'version:INVALID_VERSION',
      'requires-dist:INVALID_REQUIREMENT',
    ]);
    expect(codes('Metadata-Version: 2.2\nVersion: 1\nDynamic: Name\n')).toEqual(['name:REQUIRED', 'dynamic:INVALID_DYNAMIC']);
  });

  it('reports unparsable fields alone unless exhaustive (as packaging)', () => {
    const md = parseCoreMetadata('Metadata-Version: 2.1\nName: a\nName: b\nX-Foo: 1\nVersion: bad\n');
    expect(validateCoreMetadata(md).map((p) => p.code)).toEqual(['INVALID_DATA', 'UNRECOGNIZED_FIELD']);
    expect(validateCoreMetadata(md, { exhaustive: true }).map((p) => p.code)).toEqual(['INVALID_DATA', 'UNRECOGNIZED_FIELD', 'REQUIRED', 'INVALID_VERSION']);
  });

  it('never throws on any input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array().map((a) => Buffer.from(a))), (input) => {
        const md = parseCoreMetadata(input);
        validateCoreMetadata(md, { exhaustive: true });
      }),
      { numRuns: 500 },
    );
    for (const doc of generatedMetadataDocs(500, 7)) validateCoreMetadata(parseCoreMetadata(doc), { exhaustive: true });
  });

  const singleLine = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[\r\n]/.test(s) && !/^[ \t]/.test(s));
  const token = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,10}[A-Za-z0-9]$/);
  const fields: fc.Arbitrary<CoreMetadataFields> = fc.record(
    {
      metadataVersion: fc.constantFrom('1.0', '2.1', '2.4', '2.5'),
      name: token,
      version: fc.constantFrom('1.0', '2.0rc1'),
      summary: singleLine,
      license: singleLine,
      classifiers: fc.array(singleLine, { minLength: 1, maxLength: 3 }),
      requiresDist: fc.array(singleLine, { minLength: 1, maxLength: 3 }),
      keywords: fc.array(token, { minLength: 1, maxLength: 3 }),
      projectUrls: fc.dictionary(token, token, { minKeys: 1, maxKeys: 3 }),
      importNames: fc.array(token, { maxLength: 2 }),
      description: fc.string({ minLength: 1 }),
    },
    { requiredKeys: ['metadataVersion', 'name'] },
  );

  it('serialize → parse round-trips (property)', () => {
    fc.assert(
      fc.property(fields, (f) => {
        expect(parseCoreMetadata(serializeCoreMetadata(f)).fields).toEqual(f);
        expect(parseCoreMetadata(Buffer.from(serializeCoreMetadata(f))).fields).toEqual(f);
      }),
    );
  });

  it('unfolds a header Description', () => {
    expect(unfoldDescription('Title\n       |\n       |  indented\n       |end')).toBe('Title\n\n  indented\nend');
    expect(unfoldDescription('Title\n        line2')).toBe('Title\nline2');
    expect(unfoldDescription('a\n b')).toBe('a\n b');
  });

  it('folds multi-line values so they cannot start new headers', () => {
    const text = serializeCoreMetadata({ metadataVersion: '2.1', name: 'a', license: 'line1\nName: evil\r\nline3' });
    const md = parseCoreMetadata(text);
    expect(md.fields.name).toBe('a');
    expect(md.fields.license).toBe('line1\n         Name: evil\n         line3');
    expect(FIELDS.filter((f) => f.kind === 'urls').map((f) => f.header)).toEqual(['Project-URL']);
  });
});
