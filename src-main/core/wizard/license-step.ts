/**
 * The license step: check an expression as the user types (canonical form, every error
 * explained, what the chosen backend needs), the patch that sets it, and the PEP 639 migration
 * of legacy metadata — always as a proposal the user confirms.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import {
  checkLicenseExpression,
  confirmMigration,
  getLicenseInfo,
  proposeLicenseMigration,
  familyOfLicense,
  type LicenseFamily,
  type MigrationProposal,
} from '../licenses';
import { backendChoice, licenseFeatures, minimumVersion, type BackendId } from './backends';
import { licenseFilePlan, licenseParts } from './license-files';
import type { ProjectValues, ValuesPatch } from './model';

export interface LicensePart {
  readonly id: string;
  readonly kind: 'license' | 'license-ref' | 'exception';
  readonly name: string | null;
  readonly osiApproved: boolean | null;
  readonly family: LicenseFamily | null;
}

export type LicenseCheck =
  | {
      readonly ok: true;
      readonly canonical: string;
      readonly changed: boolean;
      readonly warnings: readonly { readonly message: string; readonly offset: number; readonly length: number; readonly replacements: readonly string[] }[];
      readonly parts: readonly LicensePart[];
      /** The backend release the expression needs, when a backend is known. */
      readonly backendNote: string | null;
    }
  | {
      readonly ok: false;
      readonly message: string;
      /** The text packaging (setuptools, hatchling, PyPI) prints for the same input. */
      readonly packagingMessage: string;
      readonly offset: number;
      readonly length: number;
      readonly suggestions: readonly string[];
      readonly hint: string | null;
    };

/** Check `expression` (and, with a backend, say which release it needs). */
export function checkLicense(expression: string, backend: BackendId | null = null): LicenseCheck {
  const r = checkLicenseExpression(expression);
  if (!r.ok) {
    const e = r.error;
    return { ok: false, message: e.message, packagingMessage: e.packagingMessage, offset: e.offset, length: e.length, suggestions: [...e.suggestions], hint: e.hint ?? null };
  }
  const parts = licenseParts(r.canonical);
  const out: LicensePart[] = [
    ...(parts?.ids ?? []).map((id): LicensePart => {
      const info = getLicenseInfo(id);
      return { id, kind: 'license', name: info?.name ?? null, osiApproved: info?.osiApproved ?? null, family: familyOfLicense(id) ?? null };
    }),
    ...(parts?.refs ?? []).map((id): LicensePart => ({ id, kind: 'license-ref', name: null, osiApproved: null, family: null })),
    ...(parts?.exceptions ?? []).map((id): LicensePart => ({ id, kind: 'exception', name: null, osiApproved: null, family: null })),
  ];
  let backendNote: string | null = null;
  if (backend) {
    const min = minimumVersion(backend, licenseFeatures(r.canonical));
    if (min) backendNote = `${backendChoice(backend).label} supports this from version ${min}; the build requirement is raised to match.`;
  }
  return {
    ok: true,
    canonical: r.canonical,
    changed: r.changed,
    warnings: r.warnings.map((w) => ({ message: w.message, offset: w.offset, length: w.length, replacements: [...w.replacements] })),
    parts: out,
    backendNote,
  };
}

/**
 * The patch that sets `expression` (canonicalised). `license-files` follows the license when
 * the wizard manages it: in a new project, or when the file lists exactly the files the wizard
 * would have planned for the old license.
 */
export function licensePatch(values: ProjectValues, expression: string | null, opts: { readonly newProject: boolean }): ValuesPatch {
  if (!expression) return { license: null, ...(wizardManagedFiles(values, opts.newProject) ? { licenseFiles: [] } : {}) };
  const r = checkLicenseExpression(expression);
  const canonical = r.ok ? r.canonical : expression.trim();
  if (!r.ok || !wizardManagedFiles(values, opts.newProject)) return { license: canonical };
  return { license: canonical, licenseFiles: [...licenseFilePlan(canonical).patterns] };
}

function wizardManagedFiles(values: ProjectValues, newProject: boolean): boolean {
  const current = values.licenseFiles;
  if (current === null) return newProject;
  const planned = licenseFilePlan(values.license).patterns;
  return planned.length > 0 && current.length === planned.length && current.every((p, i) => p === planned[i]);
}

/** The migration proposal for legacy license metadata (reads a `{file = …}` license file). */
export async function licenseMigration(values: ProjectValues, legacy: { readonly table: { readonly text?: string; readonly file?: string } | null; readonly classifiers: readonly string[] }, folder: string | null): Promise<MigrationProposal> {
  let licenseFileText: string | undefined;
  const file = legacy.table?.file;
  if (file && folder) {
    const abs = resolve(folder, file);
    if (abs.startsWith(resolve(folder) + sep)) licenseFileText = await readFile(abs, 'utf8').catch(() => undefined);
  }
  return proposeLicenseMigration({
    classifiers: values.classifiers,
    ...(legacy.table ? { licenseTable: legacy.table } : {}),
    ...(licenseFileText !== undefined ? { licenseFileText } : {}),
  });
}

/**
 * The patch for a migration the user confirmed with `chosen` (PEP 639: only after "unambiguous,
 * affirmative user action"): the canonical license string replaces the table, the legacy file
 * goes to `license-files`, and every `License ::` classifier is removed.
 */
export function migrationPatch(values: ProjectValues, proposal: MigrationProposal, chosen: string): ValuesPatch {
  const confirmed = confirmMigration(proposal, chosen);
  const drop = new Set(confirmed.removeClassifiers);
  return {
    license: confirmed.license,
    ...(confirmed.licenseFiles ? { licenseFiles: [...confirmed.licenseFiles] } : {}),
    ...(drop.size ? { classifiers: values.classifiers.filter((c) => !drop.has(c)) } : {}),
  };
}
