import { describe, expect, it } from 'vitest';
import { applyFix, codes, HEAD, only } from '../testing/helpers';
import { activeClassifiers, classifierReplacements, classifyClassifier } from './classifiers';

const withClassifiers = (...cs: string[]): string => `${HEAD}classifiers = [${cs.map((c) => JSON.stringify(c)).join(', ')}]\n`;

describe('trove classifiers', () => {
  it('holds the 887 active classifiers of trove-classifiers 2026.1.14.14', () => {
    expect(activeClassifiers()).toHaveLength(887);
    expect(classifyClassifier('Programming Language :: Python :: 3')).toBe('active');
  });

  it('accepts active classifiers', () => {
    expect(codes(withClassifiers('Development Status :: 4 - Beta', 'Programming Language :: Python :: 3'))).toEqual([]);
  });

  it('rejects unknown classifiers with a did-you-mean fix', () => {
    const text = withClassifiers('Programming Language :: Python :: 3 ');
    const d = only(text, 'PW-CLASSIFIER-001');
    expect(applyFix(text, d.fixes[0])).toContain('"Programming Language :: Python :: 3"]');
    expect(only(withClassifiers('License-Expression :: MIT'), 'PW-CLASSIFIER-001').message).toContain('license = ');
  });

  it('rejects deprecated classifiers and offers the replacement', () => {
    const old = 'Framework :: Django CMS :: 4.2';
    expect(classifierReplacements(old)).toEqual(['Framework :: Django CMS :: 5.0']);
    const text = withClassifiers(old);
    const d = only(text, 'PW-CLASSIFIER-002');
    expect(applyFix(text, d.fixes[0])).toContain('"Framework :: Django CMS :: 5.0"');
  });

  it('notes that Private :: classifiers block uploads (any case)', () => {
    expect(only(withClassifiers('private :: do not upload'), 'PW-CLASSIFIER-003').severity).toBe('info');
  });

  it('flags duplicates through the schema, with a fix removing one', () => {
    const text = withClassifiers('Typing :: Typed', 'Typing :: Typed');
    const d = only(text, 'PW-SCHEMA-007');
    expect(applyFix(text, d.fixes[0])).toContain('classifiers = ["Typing :: Typed"]');
  });
});
