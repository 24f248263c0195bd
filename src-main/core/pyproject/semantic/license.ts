/**
 * PEP 639 license metadata in `[project]`
 * (https://packaging.python.org/en/latest/specifications/pyproject-toml/#license):
 * the expression is valid SPDX (packaging.licenses' rules, via core/licenses) and written in
 * canonical case; it is never combined with `License ::` classifiers; the `{text}`/`{file}`
 * tables and license classifiers are deprecated, with a migration the user confirms.
 */
import { checkLicenseExpression, proposeLicenseMigration, type MigrationProposal } from '../../licenses';
import { makeFix, replaceFix, type LazyFix } from '../diagnostic-builder';
import type { EditChange } from '../edit/changes';
import { formatBasicString } from '../edit/format-value';
import type { QuickFix } from '../types';
import { isTable, spanInString, stringItems, type CheckContext } from './context';

const RULE = 'PEP 639';

/** `License ::` classifiers with their indexes. */
export function licenseClassifiers(c: CheckContext): [number, string][] {
  return stringItems(c.project?.classifiers).filter(([, s]) => s.trim().startsWith('License ::'));
}

function removeClassifierChanges(items: readonly [number, string][]): EditChange[] {
  return [...items].sort((a, b) => b[0] - a[0]).map(([i]) => ({ kind: 'removeItem', path: ['project', 'classifiers'], index: i }));
}

export function checkLicense(c: CheckContext): void {
  const p = c.project;
  if (!p) return;
  const lic = p.license;
  const classifiers = licenseClassifiers(c);
  const dynamic = Array.isArray(p.dynamic) ? p.dynamic : [];
  if (typeof lic === 'string') {
    checkExpression(c, lic);
    if (classifiers.length) {
      const fix = makeFix(c.doc, 'Remove all License :: classifiers', removeClassifierChanges(classifiers), { isPreferred: true });
      for (const [i, s] of classifiers) {
        c.report({
          code: 'PW-LICENSE-004',
          message: `"${s}" cannot be combined with a license expression: PEP 639 deprecates License classifiers, setuptools ≥ 77 refuses to build and PyPI rejects the upload. The \`license\` key already says it.`,
          path: ['project', 'classifiers', i],
          rule: RULE,
          fixes: [fix],
        });
      }
    }
  } else if (isTable(lic)) {
    const table = { ...(typeof lic.text === 'string' ? { text: lic.text } : {}), ...(typeof lic.file === 'string' ? { file: lic.file } : {}) };
    if (!('text' in table) && !('file' in table)) return; // the schema already reports this shape
    const proposal = proposeLicenseMigration({ classifiers: classifiers.map(([, s]) => s), licenseTable: table });
    c.report({
      code: 'PW-LICENSE-005',
      severity: 'warning',
      message: `The table form \`license = { ${'text' in table ? 'text' : 'file'} = … }\` is deprecated (PEP 639): write an SPDX license expression such as \`license = "MIT"\`${'file' in table ? ' and list the file in `license-files`' : ''}.`,
      path: ['project', 'license'],
      rule: RULE,
      fixes: migrationFixes(c, proposal, classifiers),
    });
  } else if (lic === undefined && classifiers.length && !dynamic.includes('license')) {
    const proposal = proposeLicenseMigration({ classifiers: classifiers.map(([, s]) => s) });
    const fixes = migrationFixes(c, proposal, classifiers);
    for (const [i, s] of classifiers) {
      c.report({
        code: 'PW-LICENSE-006',
        severity: 'warning',
        message: `License classifiers such as "${s}" are deprecated (PEP 639): declare the license with an SPDX expression in \`license\` instead.`,
        path: ['project', 'classifiers', i],
        rule: RULE,
        fixes,
      });
    }
  }
}

function checkExpression(c: CheckContext, lic: string): void {
  const path = ['project', 'license'];
  const whole = c.doc.index.span(path, 'value');
  const r = checkLicenseExpression(lic);
  if (!r.ok) {
    const e = r.error;
    const fixes: QuickFix[] = e.suggestions.slice(0, 3).map((s, k) => {
      const fixed = e.token ? lic.slice(0, e.offset) + s + lic.slice(e.offset + e.length) : s;
      return replaceFix(c.doc, `Change to "${fixed}"`, whole[0], whole[1], formatBasicString(fixed), { isPreferred: k === 0 });
    });
    c.report({
      code: 'PW-LICENSE-001',
      message: `${e.message}.${e.hint ? ` ${e.hint[0]?.toUpperCase()}${e.hint.slice(1)}.` : ''} (packaging: ${e.packagingMessage})`,
      path,
      span: e.length > 0 ? spanInString(c, path, e.offset, e.offset + e.length) : whole,
      rule: RULE,
      fixes,
    });
    return;
  }
  if (r.changed) {
    c.report({
      code: 'PW-LICENSE-002',
      severity: 'warning',
      message: `Write the license expression in its canonical form "${r.canonical}" (PEP 639: tools case-normalize it when building, and the file should say what the metadata will say).`,
      path,
      rule: RULE,
      fixes: [replaceFix(c.doc, `Change to "${r.canonical}"`, whole[0], whole[1], formatBasicString(r.canonical), { isPreferred: true })],
    });
  }
  for (const w of r.warnings) {
    if (w.code === 'NORMALIZED') continue;
    const fixes = w.replacements.slice(0, 3).map((rep) => {
      const fixed = lic.slice(0, w.offset) + rep + lic.slice(w.offset + w.length);
      return replaceFix(c.doc, `Change to "${fixed}"`, whole[0], whole[1], formatBasicString(fixed));
    });
    c.report({
      code: w.code === 'DEPRECATED_ID' ? 'PW-LICENSE-003' : 'PW-LICENSE-008',
      severity: 'warning',
      message: `${w.message}.`,
      path,
      span: spanInString(c, path, w.offset, w.offset + w.length),
      rule: RULE,
      fixes,
    });
  }
}

/**
 * Quick fixes from a migration proposal: one fix when the proposal is settled, one per option
 * (each needing confirmation) when PEP 639 forbids choosing for the user.
 */
function migrationFixes(c: CheckContext, proposal: MigrationProposal, classifiers: readonly [number, string][]): LazyFix[] {
  const build = (expr: string): EditChange[] => {
    const changes: EditChange[] = [{ kind: 'set', path: ['project', 'license'], value: expr }];
    if (proposal.licenseFiles && c.project?.['license-files'] === undefined) changes.push({ kind: 'set', path: ['project', 'license-files'], value: [...proposal.licenseFiles] });
    return [...changes, ...removeClassifierChanges(classifiers)];
  };
  const notes = proposal.warnings.filter((w) => w.severity !== 'info').map((w) => w.message);
  if (proposal.expression !== null) {
    const confirmation = notes.length ? `${notes.join('. ')}.` : undefined;
    return [makeFix(c.doc, `Migrate to license = "${proposal.expression}"`, build(proposal.expression), { isPreferred: true, ...(confirmation ? { confirmation } : {}) })];
  }
  const reason = proposal.choices.map((ch) => ch.reason).join('; ');
  const fixes = proposal.options.slice(0, 4).map((opt) =>
    makeFix(c.doc, `Migrate to license = "${opt}" (confirm this is your license)`, build(opt), {
      confirmation: `PEP 639 forbids choosing a license for you: ${reason || 'the legacy metadata is ambiguous'}. Apply "${opt}" only if it is exactly the project's license.${notes.length ? ` ${notes.join('. ')}.` : ''}`,
    }),
  );
  if (proposal.licenseFiles && c.project?.['license-files'] === undefined) {
    // Always possible without guessing: keep the file, drop the deprecated table.
    fixes.push(makeFix(c.doc, 'Move the license file to license-files (choose the expression later)', [{ kind: 'remove', path: ['project', 'license'] }, { kind: 'set', path: ['project', 'license-files'], value: [...proposal.licenseFiles] }]));
  }
  return fixes;
}
