import { describe, expect, it } from 'vitest';
import { getExceptionInfo, getLicenseInfo, listExceptions, listLicenses, searchExceptions, searchLicenses } from './catalog';
import { replacementsFor } from './deprecations';
import { checkLicenseExpression } from './expression';
import { familyOfExpression, familyOfLicense, LICENSE_FAMILIES, suggestLicenses } from './guidance';
import { identifyLicenseText } from './identify';
import { licenseText, renderLicenseFile } from './license-text';

describe('catalog', () => {
  it('lists exactly packaging\'s ids: 699 licenses (32 deprecated), 79 exceptions, each with a name', () => {
    expect(listLicenses()).toHaveLength(699);
    expect(listLicenses().filter((l) => l.deprecated)).toHaveLength(32);
    expect(listExceptions()).toHaveLength(79);
    // Names come from spdx-license-list; only one SPDX name is spelled like its id.
    expect(listLicenses().filter((l) => l.name === l.id).map((l) => l.id)).toEqual(['BSD-Inferno-Nettverk']);
  });

  it('has names, OSI and FSF flags', () => {
    expect(getLicenseInfo('mit')).toMatchObject({ id: 'MIT', name: 'MIT License', osiApproved: true, fsfLibre: true, deprecated: false });
    expect(getLicenseInfo('GPL-2.0')?.deprecated).toBe(true);
    expect(getLicenseInfo('Aladdin')?.fsfLibre).toBe(false);
    expect(getLicenseInfo('BOLA-1.1')).toBeUndefined(); // newer than SPDX 3.27.0: packaging rejects it
    expect(getExceptionInfo('llvm-exception')?.id).toBe('LLVM-exception');
  });

  it('searches for autocomplete', () => {
    expect(searchLicenses('apache')[0]?.id).toBe('Apache-2.0');
    expect(searchLicenses('apache2')[0]?.id).toBe('Apache-2.0');
    expect(searchLicenses('gpl-3').map((l) => l.id)).toEqual(expect.arrayContaining(['GPL-3.0-only', 'GPL-3.0-or-later']));
    expect(searchLicenses('gpl-3').some((l) => l.deprecated)).toBe(false);
    expect(searchLicenses('mozilla public')[0]?.id).toMatch(/^MPL-/);
    expect(searchExceptions('class')[0]?.id).toBe('Classpath-exception-2.0');
  });

  it('every deprecated id has valid, non-deprecated replacements (or none)', () => {
    for (const l of listLicenses().filter((x) => x.deprecated)) {
      for (const r of replacementsFor(l.id)) {
        const check = checkLicenseExpression(r);
        expect(check.ok && check.warnings.length === 0, `${l.id} → ${r}`).toBe(true);
      }
    }
  });
});

describe('license texts', () => {
  it('fills the copyright line of MIT and BSD-3-Clause, leaves Apache-2.0 verbatim', async () => {
    const mit = await renderLicenseFile('mit', { year: '2026', holder: 'Jane Doe' });
    expect(mit?.text).toContain('Copyright (c) 2026 Jane Doe\n');
    expect(mit?.filled).toBe(true);
    expect((await renderLicenseFile('BSD-3-Clause', { year: '2026', holder: 'Jane Doe' }))?.text.startsWith('Copyright (c) 2026 Jane Doe.')).toBe(true);
    const apache = await renderLicenseFile('Apache-2.0', { year: '2026', holder: 'Jane Doe' });
    expect(apache?.filled).toBe(false);
    expect(apache?.text).toContain('[yyyy]');
  });
  it('has a text for the suggested licenses, none for unknown ids', async () => {
    for (const s of suggestLicenses()) {
      for (const id of s.expression.split(' OR ')) expect((await licenseText(id))?.length, id).toBeGreaterThan(100);
    }
    expect(await licenseText('Not-A-License')).toBeUndefined();
  });
});

describe('guidance', () => {
  it('every suggestion is canonical and valid, each family has one', () => {
    for (const s of suggestLicenses()) expect(checkLicenseExpression(s.expression)).toMatchObject({ ok: true, canonical: s.expression, warnings: [] });
    for (const f of LICENSE_FAMILIES) expect(suggestLicenses({ family: f.family }).length).toBeGreaterThan(0);
  });
  it('filters by patent grant', () => {
    const ids = suggestLicenses({ family: 'permissive', patentGrant: true }).map((s) => s.expression);
    expect(ids).toEqual(['Apache-2.0', 'MIT OR Apache-2.0']);
    expect(suggestLicenses({ family: 'public-domain-like', patentGrant: true })).toEqual([]);
  });
  it('classifies dependency licenses', () => {
    expect(familyOfLicense('GPL-3.0-only')).toBe('strong-copyleft');
    expect(familyOfLicense('LGPL-2.1-or-later')).toBe('weak-copyleft');
    expect(familyOfExpression('MIT OR GPL-3.0-or-later')).toBe('permissive');
    expect(familyOfExpression('MIT AND GPL-3.0-or-later')).toBe('strong-copyleft');
    expect(familyOfExpression('GPL-2.0-only WITH Classpath-exception-2.0')).toBe('strong-copyleft');
    expect(familyOfExpression('not an expression')).toBeUndefined();
  });
});

describe('identifyLicenseText', () => {
  it.each([
    ['MIT License', ['MIT']],
    ['Apache License 2.0', ['Apache-2.0']],
    ['Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n\nTERMS AND CONDITIONS', ['Apache-2.0']],
    ['mit or apache-2.0', ['MIT OR Apache-2.0']],
  ])('%j', (text, candidates) => {
    expect(identifyLicenseText(text).candidates).toEqual(candidates);
  });
});
