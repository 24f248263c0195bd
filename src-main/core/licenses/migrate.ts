/**
 * Migrate legacy license metadata (`License ::` classifiers, `license = {text|file}`) to a
 * PEP 639 license expression — as a proposal the user must confirm.
 *
 * PEP 639 "Converting legacy metadata": tools MUST NOT fill `license` from classifiers or the
 * legacy License value "without informing the user and requiring unambiguous, affirmative user
 * action". Its appendix ("Mapping License Classifiers to SPDX Identifiers") lists 14 ambiguous
 * classifiers that MUST NOT be inferred; `Public Domain` MAY map to LicenseRef-Public-Domain (with
 * a note), the "Free for …"/"Freeware"/"Other/Proprietary" ones MAY map to LicenseRef-Proprietary
 * with a prominent warning, `OSI Approved`/`DFSG approved` are ignored, and with several license
 * classifiers nothing is inferred unless one is the parent of another. The per-classifier data
 * is data/classifier-to-spdx.json (statuses explained there).
 */
import mapping from './data/classifier-to-spdx.json' with { type: 'json' };
import { canonicalizeLicenseExpression, type CanonicalizeOptions } from './expression';
import { identifyLicenseText } from './identify';

/** Status of one classifier (data file statuses, plus `unknown` for invented classifiers). */
export type ClassifierStatus = 'exact' | 'ambiguous-pep639' | 'version-unspecified' | 'generic-proprietary' | 'public-domain' | 'no-mapping' | 'unknown';

/** What one `License ::` classifier maps to. */
export interface ClassifierFinding {
  readonly classifier: string;
  readonly status: ClassifierStatus;
  /** The single SPDX id for `exact` (and the permitted LicenseRef- for proprietary/public domain). */
  readonly spdx: string | null;
  readonly candidates: readonly string[];
  /** True when the user must pick (never inferred: PEP 639 appendix). */
  readonly needsChoice: boolean;
  /** True when the classifier contributes nothing (generic, invented, or a parent of another). */
  readonly ignored: boolean;
  readonly deprecatedClassifier: boolean;
  readonly note?: string;
}

/** A decision only the user can make. */
export type MigrationChoice =
  | { readonly kind: 'pick'; readonly subject: string; readonly candidates: readonly string[]; readonly reason: string }
  | { readonly kind: 'combine'; readonly parts: readonly string[]; readonly reason: string };

/** Something the UI must show; `prominent` is PEP 639's "prominent warning". */
export interface MigrationWarning {
  readonly severity: 'info' | 'warning' | 'prominent';
  readonly message: string;
  readonly subject?: string;
}

/** The proposal. Nothing is ever applied without confirmMigration(). */
export interface MigrationProposal {
  readonly status: 'proposed' | 'needs-choice' | 'nothing-to-migrate';
  /** A single proposed expression, or null when the user must choose. */
  readonly expression: string | null;
  /** Expressions to offer, most likely first. */
  readonly options: readonly string[];
  /** Always true: PEP 639 requires affirmative user action before `license` is written. */
  readonly requiresConfirmation: true;
  readonly choices: readonly MigrationChoice[];
  readonly findings: readonly ClassifierFinding[];
  readonly warnings: readonly MigrationWarning[];
  /** Every `License ::` classifier: remove them once `license` is set (PEP 639; setuptools ≥ 77 errors otherwise). */
  readonly removeClassifiers: readonly string[];
  /** For `license = {file = …}`: the `license-files` value to write. */
  readonly licenseFiles: readonly string[] | null;
}

/** Legacy inputs, as read from pyproject.toml. */
export interface MigrationInput {
  readonly classifiers?: readonly string[];
  readonly licenseTable?: { readonly text?: string; readonly file?: string };
  /** Contents of the `{file = …}` file, when the caller could read it. */
  readonly licenseFileText?: string;
}

interface MappingEntry {
  readonly status: Exclude<ClassifierStatus, 'unknown'>;
  readonly spdx?: string;
  readonly candidates?: readonly string[];
  readonly note?: string;
  readonly deprecated_classifier: boolean;
}

const MAPPING = new Map(Object.entries(mapping.mapping as Record<string, MappingEntry>));
const GENERIC = new Set(['License :: OSI Approved', 'License :: DFSG approved']);

function finding(classifier: string, all: readonly string[]): ClassifierFinding {
  const isParent = all.some((other) => other !== classifier && other.startsWith(`${classifier} :: `));
  const m = MAPPING.get(classifier);
  if (!m) return { classifier, status: 'unknown', spdx: null, candidates: [], needsChoice: false, ignored: true, deprecatedClassifier: false, note: 'not a trove classifier: PyPI rejects it' };
  const candidates = m.candidates ?? (m.spdx ? [m.spdx] : []);
  const spdx = m.status === 'exact' ? (m.spdx ?? null) : m.status === 'generic-proprietary' || m.status === 'public-domain' ? (candidates[0] ?? null) : null;
  const ignored = isParent || GENERIC.has(classifier);
  const needsChoice = !ignored && (m.status === 'ambiguous-pep639' || m.status === 'version-unspecified' || m.status === 'no-mapping');
  return { classifier, status: m.status, spdx, candidates, needsChoice, ignored, deprecatedClassifier: m.deprecated_classifier, ...(m.note ? { note: m.note } : {}) };
}

function classifierWarnings(f: ClassifierFinding, all: readonly string[]): MigrationWarning[] {
  const w: MigrationWarning[] = [];
  const subject = f.classifier;
  if (f.status === 'unknown') w.push({ severity: 'warning', subject, message: `'${subject}' is not a trove classifier (PyPI rejects it); it is ignored` });
  else if (all.some((o) => o !== subject && o.startsWith(`${subject} :: `))) w.push({ severity: 'info', subject, message: `'${subject}' is the parent of a more specific classifier; it is dropped` });
  else if (GENERIC.has(subject)) w.push({ severity: 'info', subject, message: `'${subject}' names no license; it is ignored (PEP 639 appendix)` });
  else if (f.status === 'generic-proprietary' && !f.ignored) w.push({ severity: 'prominent', subject, message: `'${subject}' does not name a license: it maps only to 'LicenseRef-Proprietary', which tells users nothing about their rights. Prefer a real license, or ship the terms in a file listed in license-files.` });
  else if (f.status === 'public-domain' && !f.ignored) w.push({ severity: 'info', subject, message: "'Public Domain' maps to 'LicenseRef-Public-Domain'; public-domain dedications do not work the same in every country, so consider 'CC0-1.0' or 'Unlicense' (or a permissive license such as 'MIT')." });
  if (f.deprecatedClassifier) w.push({ severity: 'warning', subject, message: `'${subject}' is a deprecated classifier (PyPI rejects it)` });
  return w;
}

/**
 * Propose a license expression from legacy metadata. Never applies anything: the UI shows the
 * proposal, the user picks or confirms, then confirmMigration() produces the edits.
 */
export function proposeLicenseMigration(input: MigrationInput): MigrationProposal {
  const licenseClassifiers = [...new Set((input.classifiers ?? []).map((c) => c.trim()).filter((c) => c.startsWith('License ::')))];
  const findings = licenseClassifiers.map((c) => finding(c, licenseClassifiers));
  const warnings = findings.flatMap((f) => classifierWarnings(f, licenseClassifiers));
  const active = findings.filter((f) => !f.ignored);
  const choices: MigrationChoice[] = active.filter((f) => f.needsChoice).map((f) => ({
    kind: 'pick', subject: f.classifier, candidates: f.candidates,
    reason: f.status === 'ambiguous-pep639' ? 'PEP 639 lists this classifier as ambiguous: it is never converted without your choice'
      : f.status === 'version-unspecified' ? 'the classifier names no version'
      : 'no SPDX id exists for this license: pick a LicenseRef- name (letters, digits, . and -) or another license',
  }));
  // Classifier side: one settled classifier gives an expression; several never do (PEP 639 appendix).
  let expression: string | null = null;
  let options: string[] = [];
  const only = active.length === 1 ? active[0] : undefined;
  if (only) {
    expression = only.needsChoice ? null : only.spdx;
    options = only.needsChoice ? [...only.candidates] : only.spdx ? [only.spdx] : [];
  } else if (active.length > 1) {
    const ids = active.map((f) => (f.needsChoice ? null : f.spdx));
    if (ids.every((x): x is string => x !== null)) options = [ids.join(' OR '), ids.join(' AND ')];
    choices.push({ kind: 'combine', parts: active.map((f) => f.spdx ?? f.classifier), reason: 'several license classifiers: choose AND (all apply) or OR (users may pick one); PEP 639 forbids guessing' });
  }
  // Table side: a valid SPDX text is the project's own statement; anything else is a guess.
  const table = tableCandidates(input, warnings);
  if (table.expression !== null) {
    const t = table.expression;
    if (active.length === 0 || expression === t || (only?.needsChoice && only.candidates.includes(t))) {
      expression = t;
      options = [t, ...options.filter((o) => o !== t)];
      if (only?.needsChoice) choices.splice(0, choices.length);
    } else {
      warnings.push({ severity: 'warning', message: `the license table says '${t}' but the classifiers say ${options.map((o) => `'${o}'`).join(' or ') || 'something else'}` });
      expression = null;
      options = [t, ...options.filter((o) => o !== t)];
      choices.push({ kind: 'pick', subject: 'license', candidates: options, reason: 'the license table and the classifiers disagree' });
    }
  } else if (table.choice) {
    expression = null;
    const agree = options.filter((o) => table.candidates.includes(o));
    options = [...new Set([...agree, ...table.candidates, ...options])];
    choices.push(table.choice);
  }
  const status = expression !== null ? 'proposed' : options.length > 0 || choices.length > 0 ? 'needs-choice' : 'nothing-to-migrate';
  return {
    status, expression, options, requiresConfirmation: true, choices, findings, warnings,
    removeClassifiers: licenseClassifiers,
    licenseFiles: input.licenseTable?.file !== undefined ? [input.licenseTable.file] : null,
  };
}

function tableCandidates(input: MigrationInput, warnings: MigrationWarning[]): { expression: string | null; candidates: readonly string[]; choice?: MigrationChoice } {
  const t = input.licenseTable;
  if (!t) return { expression: null, candidates: [] };
  warnings.push({ severity: 'info', message: 'the license table form is deprecated (PEP 639): write an SPDX expression string instead' });
  const text = t.text ?? input.licenseFileText;
  const subject = t.text !== undefined ? 'license.text' : `license.file (${t.file ?? ''})`;
  if (text === undefined) {
    return { expression: null, candidates: [], choice: { kind: 'pick', subject, candidates: [], reason: 'open the license file and pick the license it contains' } };
  }
  const id = identifyLicenseText(text);
  if (id.expression !== null) return { expression: id.expression, candidates: [id.expression] };
  const reason = id.candidates.length ? `'${text.trim().split('\n')[0]?.slice(0, 60)}' is not an SPDX expression; these are guesses` : 'the license text was not recognised';
  return { expression: null, candidates: id.candidates, choice: { kind: 'pick', subject, candidates: id.candidates, reason } };
}

/** The edits to make once the user has confirmed an expression. */
export interface ConfirmedMigration {
  readonly license: string;
  readonly licenseFiles: readonly string[] | null;
  readonly removeClassifiers: readonly string[];
}

/**
 * Turn the user's explicit choice into edits (canonical `license`, `license-files`, classifiers to
 * drop). Throws LicenseExpressionError when the chosen expression is invalid.
 */
export function confirmMigration(proposal: MigrationProposal, chosenExpression: string, options: CanonicalizeOptions = {}): ConfirmedMigration {
  const { canonical } = canonicalizeLicenseExpression(chosenExpression.trim(), options);
  return { license: canonical, licenseFiles: proposal.licenseFiles, removeClassifiers: proposal.removeClassifiers };
}
