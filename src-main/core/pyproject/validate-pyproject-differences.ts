/**
 * Every fixture where Packwright's valid/invalid verdict differs from validate-pyproject 0.12.2
 * (Debian bookworm's python3-validate-pyproject), each with the rule that decides it.
 *
 * validate-pyproject 0.12.2 (2022) predates PEP 639, 735, 794 and 808 and validates only two
 * `[tool.*]` tables; the current specs say otherwise in the cases below. The differential test
 * (validate-pyproject.differential.test.ts) checks this list exactly: a difference not listed
 * here fails it, and so does an entry that is no longer a difference.
 */

export type Verdict = 'valid' | 'invalid';

export interface VerdictDifference {
  /** Fixture path relative to the shared folder. */
  readonly file: string;
  /** Packwright's verdict; validate-pyproject 0.12.2 says the opposite. */
  readonly packwright: Verdict;
  /** The rule of the current spec that decides. */
  readonly rule: string;
  /** True when Packwright also disagrees with the fixture's own valid/invalid folder. */
  readonly againstFixtureFolder?: boolean;
}

const TOOL_SCHEMAS =
  "SchemaStore's [tool.*] schemas (shared/schemas/schemastore): Packwright validates every tool table they cover; validate-pyproject 0.12.2 checks only tool.setuptools and tool.distutils.";
const PEP639 =
  'PEP 639 (2024): `license` is an SPDX expression string and `license-files` a list of globs; validate-pyproject 0.12.2 predates PEP 639 and accepts only the table forms.';
const PEP735 = 'PEP 735 (2024): [dependency-groups] is a standard top-level table; validate-pyproject 0.12.2 rejects it as an unknown key.';
const PEP794 = 'PEP 794 (2025): `import-names` and `import-namespaces` are standard [project] keys; validate-pyproject 0.12.2 rejects them as unknown keys.';
const PEP808 =
  'PEP 808 (2026): list and table keys may be static AND listed in `dynamic` (the backend only appends); Packwright warns (PW-DYNAMIC-004) where validate-pyproject 0.12.2 keeps PEP 621\'s "never both" error.';
const PEP808_794 = 'PEP 808 (2026) and PEP 794 (2025): `import-names`/`import-namespaces` may be listed in `dynamic`, and list keys may be static and dynamic; validate-pyproject 0.12.2 knows neither.';
const AUTHOR =
  'pyproject.toml spec, authors: each entry has a `name`, an `email` or both, so `{}` is invalid (the fixture says so; newer validate-pyproject: "cannot be validated by any definition"); 0.12.2\'s schema lets an empty table through.';
const CLASSIFIER =
  'PyPI rejects classifiers that are not in trove-classifiers (2026.1.14.14): "License :: OSI Approved :: MIT" is not one. validate-pyproject 0.12.2 skips the check when trove-classifiers is not installed and there is no network.';
const EXT_MODULES = 'setuptools ≥ 74.1 accepts [tool.setuptools] ext-modules (NEWS v74.1.0; SchemaStore partial-setuptools.json); validate-pyproject 0.12.2\'s setuptools schema predates it.';

const SS = 'schemas/schemastore/tests/pyproject';
const VP = 'data/validate-pyproject-fixtures';

const tool = (name: string): VerdictDifference => ({ file: `${SS}/invalid/${name}.toml`, packwright: 'invalid', rule: TOOL_SCHEMAS });

export const VALIDATE_PYPROJECT_DIFFERENCES: readonly VerdictDifference[] = [
  { file: `${VP}/invalid/pep621/dynamic/static_entry_points_listed_as_dynamic.toml`, packwright: 'valid', rule: PEP808, againstFixtureFolder: true },
  { file: `${VP}/invalid/pep621/missing-fields/empty-author.toml`, packwright: 'invalid', rule: AUTHOR },
  { file: `${VP}/valid/pdm/pyproject.toml`, packwright: 'valid', rule: PEP794 },
  { file: `${VP}/valid/simple/depgroups.toml`, packwright: 'valid', rule: PEP735 },
  { file: `${VP}/valid/simple/import_names.toml`, packwright: 'valid', rule: PEP794 },
  { file: `${VP}/valid/simple/pep639.toml`, packwright: 'valid', rule: PEP639 },
  { file: `${VP}/valid/trampolim/pyproject.toml`, packwright: 'valid', rule: PEP794 },
  ...[
    'black-invalid', 'black-target', 'cibuildwheel-bad-inherit', 'cibuildwheel-bad-override', 'cibuildwheel-unreco',
    'mypy-emptymodule', 'mypy-extra', 'mypy-nomodule', 'pdm-path-required', 'pdm-script-method-exclusive', 'pdm-source-no-name',
    'poetry-bad-multiline', 'poetry-plugin-dotenv-example-1', 'poetry-source-1', 'poetry-source-2', 'poetry-source-3', 'poetry-source-4',
    'repo-review-extra-field', 'repo-review-invalid-code', 'ruff-bad-line-length', 'scheduled-invalid-cadence', 'scheduled-missing-entrypoint',
    'scikit-build-no-template', 'scikit-build-unknown', 'setuptools-scm-unknown-git-option', 'tox-invalid-legacy', 'ty-invalid-severity', 'uv-bad-index-url',
  ].map(tool),
  { file: `${SS}/valid/10-setuptools-ext-modules.toml`, packwright: 'valid', rule: EXT_MODULES },
  { file: `${SS}/valid/dependency-groups-1.toml`, packwright: 'valid', rule: PEP735 },
  { file: `${SS}/valid/dependency-groups-2.toml`, packwright: 'valid', rule: PEP735 },
  { file: `${SS}/valid/dependency-groups-3.toml`, packwright: 'valid', rule: PEP735 },
  { file: `${SS}/valid/hatch.toml`, packwright: 'valid', rule: PEP639 },
  { file: `${SS}/valid/pep639.toml`, packwright: 'valid', rule: PEP639 },
  { file: `${SS}/valid/pep794.toml`, packwright: 'valid', rule: PEP794 },
  { file: `${SS}/valid/pep808.toml`, packwright: 'valid', rule: PEP808_794 },
  { file: `${SS}/valid/simple.toml`, packwright: 'invalid', rule: CLASSIFIER, againstFixtureFolder: true },
];
