/**
 * Answers → pyproject.toml text for a new project.
 *
 * Layout follows the packaging guide ("Writing your pyproject.toml"): `[build-system]` first
 * (always present: without it pip falls back to legacy setuptools and uv skips `[project.scripts]`,
 * reference digest §2 and §11), then `[project]` keys in the specification's order, its
 * sub-tables, `[dependency-groups]` (PEP 735) and the backend's `[tool.*]` settings. The license
 * is only ever written as a PEP 639 expression plus `license-files` — never the deprecated table
 * or `License ::` classifiers.
 */
import { canonicalizeLicenseExpression } from '../licenses';
import { backendChoice, buildSystemFor } from './backends';
import { packageSettings } from './package-settings';
import { licenseFilePlan } from './license-files';
import { importNameFor, type GroupItem, type Person, type WizardAnswers } from './model';
import { blockArray, formatKey, inlineArray, inlineTable, str, stringTableLines } from './toml-text';

const personLine = (p: Person): string => inlineTable({ name: p.name?.trim(), email: p.email?.trim() });
const groupItem = (g: GroupItem): string => (typeof g === 'string' ? str(g) : inlineTable({ 'include-group': g.includeGroup }));
const isPerson = (p: Person): boolean => Boolean(p.name?.trim() || p.email?.trim());

/** The canonical form of a valid expression; other text unchanged (the validator explains it). */
function canonicalOrSame(expression: string): string {
  try {
    return canonicalizeLicenseExpression(expression).canonical;
  } catch {
    return expression;
  }
}

function projectLines(a: WizardAnswers): string[] {
  const out: string[] = ['[project]'];
  const kv = (k: string, v: string) => out.push(`${k} = ${v}`);
  kv('name', str(a.name ?? ''));
  if (a.version) kv('version', str(a.version));
  if (a.description) kv('description', str(a.description.replace(/\s*\n\s*/g, ' ').trim()));
  if (a.readme) kv('readme', str(a.readme));
  if (a.requiresPython) kv('requires-python', str(a.requiresPython));
  if (a.license) {
    const license = canonicalOrSame(a.license.trim());
    kv('license', str(license));
    const files = a.licenseFiles ?? licenseFilePlan(license).patterns;
    if (files.length) kv('license-files', inlineArray(files));
  }
  const authors = a.authors.filter(isPerson);
  if (authors.length) kv('authors', blockArray(authors.map(personLine)));
  const maintainers = a.maintainers.filter(isPerson);
  if (maintainers.length) kv('maintainers', blockArray(maintainers.map(personLine)));
  if (a.keywords.length) kv('keywords', inlineArray(a.keywords));
  // PEP 639: License classifiers are deprecated and forbidden beside a license expression.
  const classifiers = a.classifiers.filter((c) => !c.startsWith('License ::'));
  if (classifiers.length) kv('classifiers', blockArray(classifiers.map(str)));
  kv('dependencies', blockArray(a.dependencies.map(str)));
  return out;
}

function section(header: string, lines: readonly string[]): string[] {
  return lines.length ? ['', `[${header}]`, ...lines] : [];
}

/** The pyproject.toml text for `answers` (LF line endings, final newline). */
export function generatePyproject(answers: WizardAnswers): string {
  const bs = buildSystemFor(answers.backend, answers.license);
  const lines: string[] = [
    '[build-system]',
    `requires = ${inlineArray(bs.requires)}`,
    `build-backend = ${str(bs['build-backend'])}`,
    '',
    ...projectLines(answers),
  ];
  const extras = Object.entries(answers.optionalDependencies).map(([k, v]) => `${formatKey(k)} = ${blockArray(v.map(str))}`);
  lines.push(...section('project.optional-dependencies', extras));
  lines.push(...section('project.scripts', stringTableLines(answers.scripts)));
  lines.push(...section('project.gui-scripts', stringTableLines(answers.guiScripts)));
  for (const [group, entries] of Object.entries(answers.entryPoints)) {
    lines.push(...section(`project.entry-points.${formatKey(group)}`, stringTableLines(entries)));
  }
  lines.push(...section('project.urls', stringTableLines(answers.urls)));
  const groups = Object.entries(answers.dependencyGroups).map(([k, v]) => `${formatKey(k)} = ${blockArray(v.map(groupItem))}`);
  lines.push(...section('dependency-groups', groups));
  lines.push(...backendToolLines(answers));
  return `${lines.join('\n')}\n`;
}

/** Backend settings the generated layout needs (only where the backend's defaults do not fit). */
function backendToolLines(a: WizardAnswers): string[] {
  const pkg = importNameFor(a.name ?? '') ?? 'package';
  const settings = packageSettings(a.backend, a.layout, a.name ?? '').flatMap((s) => [
    '',
    `[${s.path.map((k) => formatKey(String(k))).join('.')}]`,
    ...(s.comment ? [`# ${s.comment}`] : []),
    ...Object.entries(s.value).map(([k, v]) => `${formatKey(k)} = ${Array.isArray(v) ? inlineArray(v as string[]) : str(String(v))}`),
  ]);
  switch (backendChoice(a.backend).id) {
    case 'maturin':
      // maturin's mixed Rust/Python layout: Python sources under python/, the extension as
      // <pkg>._core (PyO3 user guide, "Mixed Rust/Python projects").
      return section('tool.maturin', [`python-source = ${str('python')}`, `module-name = ${str(`${pkg}._core`)}`, `features = ${inlineArray(['pyo3/extension-module'])}`]);
    default:
      return settings;
  }
}
