import { describe, expect, it } from 'vitest';
import { applyFix, codes, covered, only } from '../testing/helpers';
import { repairName } from './name-version';

const B = '[build-system]\nrequires = ["hatchling>=1.27"]\nbuild-backend = "hatchling.build"\n[project]\n';

describe('project name and version', () => {
  it('reports an invalid name at the bad character, with a repaired name', () => {
    const text = `${B}name = "my project"\nversion = "1"\n`;
    const d = only(text, 'PW-NAME-001');
    expect(covered(text, d)).toBe(' ');
    expect(codes(text)).not.toContain('PW-SCHEMA-004');
    expect(applyFix(text, d.fixes[0])).toContain('name = "my-project"');
    expect(repairName('-x y!')).toBe('x-y');
  });

  it('shows the normalized name as information', () => {
    const d = only(`${B}name = "My_Project"\nversion = "1"\n`, 'PW-NAME-002');
    expect(d.severity).toBe('info');
    expect(d.message).toContain('"my-project"');
  });

  it('rejects a version that is not PEP 440', () => {
    const text = `${B}name = "d"\nversion = "1.0-beta.x"\n`;
    expect(only(text, 'PW-VERSION-001').severity).toBe('error');
    expect(codes(text)).not.toContain('PW-SCHEMA-004');
  });

  it('offers the normal form of a valid version', () => {
    const text = `${B}name = "d"\nversion = "v1.0-RC1"\n`;
    const d = only(text, 'PW-VERSION-002');
    expect(applyFix(text, d.fixes[0])).toContain('version = "1.0rc1"');
  });
});
