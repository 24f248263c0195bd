import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import mapping from './data/classifier-to-spdx.json' with { type: 'json' };
import { getLicenseInfo } from './catalog';
import { checkLicenseExpression } from './expression';
import { LicenseExpressionError } from './expression-error';
import { confirmMigration, proposeLicenseMigration } from './migrate';
import { sharedPath } from '../../testing/shared-dir';

type Entry = { status: string; spdx?: string; candidates?: string[] };
const entries = Object.entries(mapping.mapping as Record<string, Entry>);

// The 14 classifiers PEP 639's appendix says tools MUST NOT map without the user's choice.
const PEP639_AMBIGUOUS = [
  'License :: OSI Approved :: Academic Free License (AFL)',
  'License :: OSI Approved :: Apache Software License',
  'License :: OSI Approved :: Apple Public Source License',
  'License :: OSI Approved :: Artistic License',
  'License :: OSI Approved :: BSD License',
  'License :: OSI Approved :: GNU Affero General Public License v3',
  'License :: OSI Approved :: GNU Free Documentation License (FDL)',
  'License :: OSI Approved :: GNU General Public License (GPL)',
  'License :: OSI Approved :: GNU General Public License v2 (GPLv2)',
  'License :: OSI Approved :: GNU General Public License v3 (GPLv3)',
  'License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)',
  'License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)',
  'License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)',
  'License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)',
];

describe('classifier data', () => {
  it('covers every License :: classifier of the trove list, ids valid in packaging', () => {
    const active = readFileSync(sharedPath('data/classifiers.txt'), 'utf8').split('\n').filter((c) => c.startsWith('License ::'));
    for (const c of active) expect(mapping.mapping, c).toHaveProperty([c]);
    for (const [, e] of entries) {
      for (const id of [e.spdx, ...(e.candidates ?? [])].filter((x): x is string => x !== undefined)) {
        expect(checkLicenseExpression(id).ok, id).toBe(true);
        if (!id.startsWith('LicenseRef-')) expect(getLicenseInfo(id)?.deprecated, id).toBe(false);
      }
    }
  });
});

describe('proposeLicenseMigration: ambiguous classifiers are never auto-converted', () => {
  it.each(PEP639_AMBIGUOUS)('%s', (classifier) => {
    const p = proposeLicenseMigration({ classifiers: [classifier] });
    expect(p.status).toBe('needs-choice');
    expect(p.expression).toBeNull();
    expect(p.findings[0]).toMatchObject({ status: 'ambiguous-pep639', needsChoice: true, spdx: null });
    expect(p.choices).toEqual([expect.objectContaining({ kind: 'pick', subject: classifier })]);
    expect(p.options.length).toBeGreaterThan(1);
  });

  it('version-unspecified classifiers also need a choice', () => {
    for (const [c, e] of entries.filter(([, e]) => e.status === 'version-unspecified')) {
      const p = proposeLicenseMigration({ classifiers: [c] });
      expect([p.status, p.expression, p.options]).toEqual(['needs-choice', null, e.candidates]);
    }
  });

  it('no ambiguous classifier yields an expression, alone or beside others', () => {
    for (const c of PEP639_AMBIGUOUS) {
      expect(proposeLicenseMigration({ classifiers: [c, 'License :: OSI Approved', 'Programming Language :: Python'] }).expression).toBeNull();
      expect(proposeLicenseMigration({ classifiers: [c, 'License :: OSI Approved :: MIT License'] }).expression).toBeNull();
    }
  });
});

describe('proposeLicenseMigration: other statuses', () => {
  it('every exact classifier proposes its id, still requiring confirmation', () => {
    for (const [c, e] of entries.filter(([, e]) => e.status === 'exact')) {
      const p = proposeLicenseMigration({ classifiers: [c] });
      expect([p.status, p.expression, p.requiresConfirmation], c).toEqual(['proposed', e.spdx, true]);
      expect(p.removeClassifiers).toEqual([c]);
    }
  });

  it('drops a parent classifier with a note', () => {
    const p = proposeLicenseMigration({ classifiers: ['License :: OSI Approved', 'License :: OSI Approved :: MIT License'] });
    expect(p.expression).toBe('MIT');
    expect(p.findings.find((f) => f.classifier === 'License :: OSI Approved')?.ignored).toBe(true);
    expect(p.removeClassifiers).toHaveLength(2);
  });

  it('several license classifiers: the user chooses AND or OR', () => {
    const p = proposeLicenseMigration({ classifiers: ['License :: OSI Approved :: MIT License', 'License :: OSI Approved :: ISC License (ISCL)'] });
    expect(p.expression).toBeNull();
    expect(p.options).toEqual(['MIT OR ISC', 'MIT AND ISC']);
    expect(p.choices.map((c) => c.kind)).toEqual(['combine']);
  });

  it('proprietary classifiers map to LicenseRef-Proprietary with a prominent warning', () => {
    for (const [c] of entries.filter(([, e]) => e.status === 'generic-proprietary')) {
      const p = proposeLicenseMigration({ classifiers: [c] });
      expect(p.expression).toBe('LicenseRef-Proprietary');
      expect(p.warnings.some((w) => w.severity === 'prominent')).toBe(true);
    }
  });

  it('Public Domain maps to LicenseRef-Public-Domain with a note suggesting CC0-1.0 or Unlicense', () => {
    const p = proposeLicenseMigration({ classifiers: ['License :: Public Domain'] });
    expect(p.expression).toBe('LicenseRef-Public-Domain');
    expect(p.warnings[0]?.message).toMatch(/CC0-1\.0.*Unlicense/);
  });

  it('OSI Approved / DFSG approved alone: nothing to migrate; invented classifiers are flagged', () => {
    expect(proposeLicenseMigration({ classifiers: ['License :: OSI Approved'] }).status).toBe('nothing-to-migrate');
    expect(proposeLicenseMigration({ classifiers: ['License :: DFSG approved'] }).status).toBe('nothing-to-migrate');
    const p = proposeLicenseMigration({ classifiers: ['License :: OSI Approved :: MIT'] });
    expect(p.status).toBe('nothing-to-migrate');
    expect(p.warnings[0]?.message).toMatch(/not a trove classifier/);
  });

  it('no-mapping classifiers ask for a LicenseRef- (GUST) or offer the suggested one', () => {
    expect(proposeLicenseMigration({ classifiers: ['License :: GUST Font License 1.0'] }).choices[0]?.kind).toBe('pick');
    expect(proposeLicenseMigration({ classifiers: ['License :: Repoze Public License'] }).options).toEqual(['LicenseRef-Repoze']);
  });
});

describe('proposeLicenseMigration: the legacy table', () => {
  it('{text} holding a valid expression is proposed in canonical form', () => {
    const p = proposeLicenseMigration({ licenseTable: { text: 'bsd-3-clause' } });
    expect([p.status, p.expression]).toEqual(['proposed', 'BSD-3-Clause']);
    expect(p.warnings[0]?.message).toMatch(/deprecated/);
  });

  it('{text} that is a name, not an id, gives candidates only', () => {
    const p = proposeLicenseMigration({ licenseTable: { text: 'Apache 2.0' } });
    expect([p.status, p.expression, p.options[0]]).toEqual(['needs-choice', null, 'Apache-2.0']);
    expect(proposeLicenseMigration({ licenseTable: { text: 'GPLv3' } }).options).toEqual(['GPL-3.0-or-later', 'GPL-3.0-only']);
  });

  it('{file} becomes license-files; the text is identified by its title but never decided', () => {
    const p = proposeLicenseMigration({ licenseTable: { file: 'LICENSE' }, licenseFileText: 'GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n' });
    expect(p.licenseFiles).toEqual(['LICENSE']);
    expect(p.expression).toBeNull();
    expect([...p.options].sort()).toEqual(['GPL-3.0-only', 'GPL-3.0-or-later']);
    expect(proposeLicenseMigration({ licenseTable: { file: 'COPYING' } }).choices[0]?.kind).toBe('pick');
  });

  it('a table naming one of an ambiguous classifier\'s candidates settles it; a disagreement does not', () => {
    const ok = proposeLicenseMigration({ licenseTable: { text: 'BSD-3-Clause' }, classifiers: ['License :: OSI Approved :: BSD License'] });
    expect([ok.status, ok.expression]).toEqual(['proposed', 'BSD-3-Clause']);
    const clash = proposeLicenseMigration({ licenseTable: { text: 'MIT' }, classifiers: ['License :: OSI Approved :: Apache Software License'] });
    expect(clash.expression).toBeNull();
    expect(clash.warnings.some((w) => /disagree|says/.test(w.message))).toBe(true);
  });
});

describe('confirmMigration', () => {
  it('canonicalises the chosen expression and returns the edits', () => {
    const p = proposeLicenseMigration({ classifiers: ['License :: OSI Approved :: BSD License'], licenseTable: { file: 'LICENSE.txt' } });
    expect(confirmMigration(p, 'bsd-3-clause')).toEqual({ license: 'BSD-3-Clause', licenseFiles: ['LICENSE.txt'], removeClassifiers: ['License :: OSI Approved :: BSD License'] });
  });
  it('refuses an invalid choice', () => {
    const p = proposeLicenseMigration({ classifiers: ['License :: OSI Approved :: BSD License'] });
    expect(() => confirmMigration(p, 'BSD')).toThrow(LicenseExpressionError);
  });
});
