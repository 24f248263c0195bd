/** Handlers for `wizard.*`: thin calls into core/wizard and core/licenses. */
import { implement } from '@orpc/server';
import { contract } from '../contract';
import {
  completeLicenseExpression,
  LICENSE_FAMILIES,
  suggestLicenses,
} from '../core/licenses';
import {
  applyPatch,
  BACKENDS_CATALOGUE,
  backendRequirement,
  checkLicense,
  checkPlannedFiles,
  checkProjectName,
  classifierTree,
  DEFAULT_REQUIRES_PYTHON,
  dependencyLicenses,
  indexAccess,
  licenseMigration,
  licensePatch,
  migrationPatch,
  planProjectFiles,
  readWizardValues,
  startProject,
  suggestVersions,
  writePlannedFiles,
  type WizardRead,
} from '../core/wizard';
import type { TextEdit } from '../core/pyproject';
import { appError } from './errors';
import { checkFolder } from './folders';
import { guard } from './guard';
import type { ApiContext } from './context';

const os = implement(contract).$context<ApiContext>();

/** Larger files are listed in the preview without their text (LICENSE texts, …). */
const PREVIEW_LIMIT = 4_000;

const edited = (r: { text: string; edits: readonly TextEdit[] }) => ({ text: r.text, edits: plain(r.edits) });

function readOk(text: string): Extract<WizardRead, { ok: true }> {
  const r = readWizardValues(text);
  if (!r.ok) throw appError('INVALID_TOML', `pyproject.toml is not valid TOML (line ${r.line}, column ${r.column}): ${r.message}`, { hint: 'Fix the syntax error in the editor first.' });
  return r;
}

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

/** A deep, mutable copy: core returns readonly data, the output schemas type plain arrays. */
const plain = <T>(x: T): Mutable<T> => structuredClone(x) as Mutable<T>;

async function plan(input: { folder: string; text: string; layout: 'src' | 'flat'; tests: boolean; holder?: string | undefined }) {
  const folder = await checkFolder(input.folder);
  const p = await planProjectFiles(input.text, { layout: input.layout, tests: input.tests, ...(input.holder ? { holder: input.holder } : {}) });
  return { folder, plan: p };
}

export const wizardRouter = {
  catalogue: os.wizard.catalogue.handler(() => ({
    backends: BACKENDS_CATALOGUE.map((b) => ({ id: b.id, label: b.label, why: b.why, buildBackend: b.buildBackend, requirement: backendRequirement(b.id), native: b.native })),
    licenseFamilies: LICENSE_FAMILIES.map((f) => ({ ...f })),
    defaultRequiresPython: DEFAULT_REQUIRES_PYTHON,
  })),
  start: os.wizard.start.handler(({ input }) =>
    guard(async () => {
      const s = await startProject(await checkFolder(input.folder));
      const { backend, layout, tests: _tests, ...values } = s.answers;
      return { text: s.text, backend, layout, values: plain(values) };
    }),
  ),
  read: os.wizard.read.handler(({ input }) =>
    guard(async () => {
      return plain(readWizardValues(input.text));
    }),
  ),
  apply: os.wizard.apply.handler(({ input }) =>
    guard(async () => {
      readOk(input.text);
      return edited(applyPatch(input.text, input.patch));
    }),
  ),
  preview: os.wizard.preview.handler(({ input }) =>
    guard(async () => {
      const { folder, plan: p } = await plan(input);
      const checks = await checkPlannedFiles(folder, p.files);
      return {
        files: checks.map((c) => ({ path: c.path, role: c.role, status: c.status, bytes: Buffer.byteLength(c.content), preview: c.content.length <= PREVIEW_LIMIT ? c.content : null })),
        warnings: [...p.warnings],
        importName: p.importName,
      };
    }),
  ),
  create: os.wizard.create.handler(({ input }) =>
    guard(async () => {
      const { folder, plan: p } = await plan(input);
      const out = await writePlannedFiles(folder, p.files, { overwrite: input.overwrite });
      return plain(out);
    }),
  ),
  classifiers: os.wizard.classifiers.handler(() => plain(classifierTree())),
  checkName: os.wizard.checkName.handler(({ input }) =>
    guard(async () => {
      return plain(await checkProjectName(input.name, await indexAccess().catch(() => null)));
    }),
  ),
  versions: os.wizard.versions.handler(({ input, signal }) =>
    guard(async () => {
      return plain(await suggestVersions(input.project, await indexAccess(), signal));
    }),
  ),
  dependencyLicenses: os.wizard.dependencyLicenses.handler(({ input, signal }) => guard(async () => dependencyLicenses(input.requirements, await indexAccess(), signal))),
  license: {
    check: os.wizard.license.check.handler(({ input }) =>
      guard(async () => {
        return plain(checkLicense(input.expression, input.backend));
      }),
    ),
    complete: os.wizard.license.complete.handler(({ input }) =>
      guard(async () => {
        return plain(completeLicenseExpression(input.text, input.cursor, 40));
      }),
    ),
    suggest: os.wizard.license.suggest.handler(({ input }) => suggestLicenses(input)),
    set: os.wizard.license.set.handler(({ input }) =>
      guard(async () => {
        const r = readOk(input.text);
        return edited(applyPatch(input.text, { ...licensePatch(r.values, input.expression, { newProject: input.newProject }), ...(input.layout ? { layout: input.layout } : {}) }));
      }),
    ),
    migration: os.wizard.license.migration.handler(({ input }) =>
      guard(async () => {
        const r = readOk(input.text);
        const folder = input.folder ? await checkFolder(input.folder) : null;
        return plain(await licenseMigration(r.values, r.legacyLicense, folder));
      }),
    ),
    migrate: os.wizard.license.migrate.handler(({ input }) =>
      guard(async () => {
        const r = readOk(input.text);
        const folder = input.folder ? await checkFolder(input.folder) : null;
        const proposal = await licenseMigration(r.values, r.legacyLicense, folder);
        return edited(applyPatch(input.text, migrationPatch(r.values, proposal, input.expression)));
      }),
    ),
  },
};
