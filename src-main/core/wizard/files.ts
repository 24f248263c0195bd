/**
 * The files a new project needs besides pyproject.toml, derived from the file's text (so edits
 * made in the editor count): the package folder with `__init__.py` (and the modules its
 * `[project.scripts]` point at), the readme, the license texts listed in `license-files`, an
 * optional tests folder, and the build files a native backend cannot work without.
 *
 * Layouts (packaging guide, "src layout vs flat layout"): `src/<pkg>` keeps the package from
 * being imported from the working folder by accident; flat puts `<pkg>` at the top. Every pure
 * backend in the catalogue finds either layout by itself when the folder is named after the
 * normalized project name, so no `[tool.*]` package settings are needed.
 */
import { renderLicenseFile } from '../licenses';
import { backendByModuleOrFamily, backendChoice, DEFAULT_BACKEND, type BackendId, type Layout } from './backends';
import { licenseFilePlan } from './license-files';
import { importNameFor } from './model';
import { readWizardValues } from './read';
import { nativeBuildFiles } from './native-files';

export interface PlannedFile {
  /** `/`-separated path relative to the project folder. */
  readonly path: string;
  readonly content: string;
  readonly role: 'pyproject' | 'package' | 'readme' | 'license' | 'tests' | 'build';
}

export interface ProjectFileOptions {
  readonly layout: Layout;
  readonly tests: boolean;
  /** Copyright holder for LICENSE texts (default: the authors' names). */
  readonly holder?: string;
  /** Copyright year (default: the current year). */
  readonly year?: string;
}

export interface ProjectPlan {
  readonly files: readonly PlannedFile[];
  /** Things the user must know or do (a LicenseRef- without text, an unimportable name …). */
  readonly warnings: readonly string[];
  readonly importName: string;
  readonly backend: BackendId;
}

/** A usable folder name even when the project name is not an identifier (warned about). */
function packageName(name: string): string {
  const n = importNameFor(name);
  if (n) return n;
  const fallback = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(fallback) ? fallback : `pkg_${fallback || 'package'}`;
}

function readmeText(path: string, name: string, description: string | null): string {
  const summary = description ? `${description}\n` : '';
  if (/\.rst$/i.test(path)) {
    return `${name}\n${'='.repeat(Math.max(name.length, 1))}\n\n${summary}${summary ? '\n' : ''}Installation\n------------\n\n.. code-block:: console\n\n   pip install ${name}\n`;
  }
  if (/\.md$/i.test(path)) return `# ${name}\n\n${summary}${summary ? '\n' : ''}## Installation\n\n\`\`\`console\npip install ${name}\n\`\`\`\n`;
  return `${name}\n\n${summary}`;
}

/** Modules and functions the scripts point at, inside the package (`pkg.cli:main` → cli.py). */
function scriptModules(targets: readonly string[], pkg: string): Map<string, Set<string>> {
  const modules = new Map<string, Set<string>>();
  for (const t of targets) {
    const m = /^\s*([A-Za-z_][\w.]*)\s*(?::\s*([A-Za-z_]\w*)\s*)?$/.exec(t);
    if (!m?.[1] || (m[1] !== pkg && !m[1].startsWith(`${pkg}.`))) continue;
    const rel = m[1] === pkg ? '__init__' : m[1].slice(pkg.length + 1).replace(/\./g, '/');
    const fns = modules.get(rel) ?? new Set<string>();
    if (m[2]) fns.add(m[2]);
    modules.set(rel, fns);
  }
  return modules;
}

const functionText = (fn: string, name: string): string => `def ${fn}() -> None:\n    print("Hello from ${name.replace(/["\\]/g, '')}!")\n`;

/** Plan every file of a new project whose pyproject.toml is `text`. */
export async function planProjectFiles(text: string, opts: ProjectFileOptions): Promise<ProjectPlan> {
  const read = readWizardValues(text);
  if (!read.ok) throw Object.assign(new Error(`pyproject.toml is not valid TOML (line ${read.line}): ${read.message}`), { code: 'INVALID_TOML' });
  const v = read.values;
  const name = v.name ?? 'project';
  const warnings: string[] = [];
  const pkg = packageName(name);
  if (!importNameFor(name)) warnings.push(`"${name}" gives no valid Python import name; the package folder is named "${pkg}" instead — backends will not find it without extra settings.`);
  const backend = read.buildSystem?.backend ?? backendByModuleOrFamily(read.buildSystem?.buildBackend)?.id ?? DEFAULT_BACKEND;
  const choice = backendChoice(backend);
  const pkgDir = choice.packageDir[opts.layout].replace('<pkg>', pkg);
  const files: PlannedFile[] = [{ path: 'pyproject.toml', content: text, role: 'pyproject' }];
  if (backend === 'setuptools' && opts.layout === 'flat' && !/^\s*\[tool\.setuptools\.packages/m.test(text) && !/^\s*packages\s*=/m.test(text)) {
    warnings.push('setuptools finds more than one top-level folder in a flat layout (LICENSES/, tests/ …) and stops; name the package in [tool.setuptools.packages.find] or use the src layout.');
  }

  const modules = scriptModules([...Object.values(v.scripts), ...Object.values(v.guiScripts)], pkg);
  const init = [`"""${(v.description ?? name).replace(/"""/g, "'''").replace(/\\/g, '\\\\')}"""\n`];
  for (const fn of modules.get('__init__') ?? []) init.push(`\n\n${functionText(fn, name)}`);
  files.push({ path: `${pkgDir}/__init__.py`, content: init.join(''), role: 'package' });
  for (const [rel, fns] of modules) {
    if (rel === '__init__') continue;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) files.push({ path: `${pkgDir}/${parts.slice(0, i).join('/')}/__init__.py`, content: '', role: 'package' });
    const body = [...fns].map((fn) => functionText(fn, name)).join('\n\n');
    files.push({ path: `${pkgDir}/${rel}.py`, content: body || '', role: 'package' });
  }

  if (v.readme) files.push({ path: v.readme, content: readmeText(v.readme, name, v.description), role: 'readme' });

  if (v.license) {
    const plan = licenseFilePlan(v.license);
    const wanted = new Set(v.licenseFiles ?? plan.patterns);
    const holder = opts.holder?.trim() || v.authors.map((a) => a.name).filter(Boolean).join(', ') || `the ${name} authors`;
    const year = opts.year ?? String(new Date().getFullYear());
    for (const f of plan.files) {
      if (!wanted.has(f.path)) continue;
      const rendered = await renderLicenseFile(f.id, { year, holder });
      if (rendered) files.push({ path: f.path, content: rendered.text, role: 'license' });
      else warnings.push(`No text of ${f.id} is available: add it as ${f.path} yourself.`);
    }
    for (const ref of plan.customRefs) warnings.push(`${ref} is your own license: put its terms in a file and list that file in license-files (PEP 639).`);
    for (const ex of plan.exceptions) warnings.push(`The text of the exception ${ex} is not included: add it to the license file yourself.`);
  }

  if (opts.tests) {
    files.push({ path: 'tests/__init__.py', content: '', role: 'tests' });
    files.push({ path: `tests/test_${pkg}.py`, content: `import ${pkg}\n\n\ndef test_import() -> None:\n    assert ${pkg}.__name__ == "${pkg}"\n`, role: 'tests' });
  }
  files.push(...nativeBuildFiles(backend, { name, version: v.version ?? '0.1.0', pkg, pkgDir, sources: files.filter((f) => f.role === 'package').map((f) => f.path) }));
  return { files: dedupe(files), warnings, importName: pkg, backend };
}

function dedupe(files: readonly PlannedFile[]): PlannedFile[] {
  const seen = new Map<string, PlannedFile>();
  for (const f of files) if (!seen.has(f.path)) seen.set(f.path, f);
  return [...seen.values()];
}
