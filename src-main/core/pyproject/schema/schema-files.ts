/**
 * The bundled SchemaStore schemas (data/, Apache-2.0, see data/SOURCES.md), by file name.
 *
 * Static JSON imports so every front end (Electron main, CLI, server) bundles them the same way.
 */
import hatch from './data/hatch.json' with { type: 'json' };
import maturin from './data/maturin.json' with { type: 'json' };
import partialBlack from './data/partial-black.json' with { type: 'json' };
import partialCibuildwheel from './data/partial-cibuildwheel.json' with { type: 'json' };
import partialDfc from './data/partial-dfc.json' with { type: 'json' };
import partialFastapi from './data/partial-fastapi.json' with { type: 'json' };
import partialMypy from './data/partial-mypy.json' with { type: 'json' };
import partialPdmDockerize from './data/partial-pdm-dockerize.json' with { type: 'json' };
import partialPdm from './data/partial-pdm.json' with { type: 'json' };
import partialPixi from './data/partial-pixi.json' with { type: 'json' };
import partialPoe from './data/partial-poe.json' with { type: 'json' };
import partialPoetry from './data/partial-poetry.json' with { type: 'json' };
import partialPyright from './data/partial-pyright.json' with { type: 'json' };
import partialPytest from './data/partial-pytest.json' with { type: 'json' };
import partialRepoReview from './data/partial-repo-review.json' with { type: 'json' };
import partialScheduled from './data/partial-scheduled.json' with { type: 'json' };
import partialScikitBuild from './data/partial-scikit-build.json' with { type: 'json' };
import partialSetuptoolsScm from './data/partial-setuptools-scm.json' with { type: 'json' };
import partialSetuptools from './data/partial-setuptools.json' with { type: 'json' };
import partialTaskipy from './data/partial-taskipy.json' with { type: 'json' };
import partialTox from './data/partial-tox.json' with { type: 'json' };
import pyproject from './data/pyproject.json' with { type: 'json' };
import quikrun from './data/quikrun.json' with { type: 'json' };
import ruff from './data/ruff.json' with { type: 'json' };
import tombi from './data/tombi.json' with { type: 'json' };
import tox from './data/tox.json' with { type: 'json' };
import ty from './data/ty.json' with { type: 'json' };
import uv from './data/uv.json' with { type: 'json' };
import distutils from './data/validate-pyproject/distutils.schema.json' with { type: 'json' };

/** File name → parsed schema. */
export const SCHEMA_FILES: Readonly<Record<string, object>> = {
  'hatch.json': hatch,
  'maturin.json': maturin,
  'partial-black.json': partialBlack,
  'partial-cibuildwheel.json': partialCibuildwheel,
  'partial-dfc.json': partialDfc,
  'partial-fastapi.json': partialFastapi,
  'partial-mypy.json': partialMypy,
  'partial-pdm-dockerize.json': partialPdmDockerize,
  'partial-pdm.json': partialPdm,
  'partial-pixi.json': partialPixi,
  'partial-poe.json': partialPoe,
  'partial-poetry.json': partialPoetry,
  'partial-pyright.json': partialPyright,
  'partial-pytest.json': partialPytest,
  'partial-repo-review.json': partialRepoReview,
  'partial-scheduled.json': partialScheduled,
  'partial-scikit-build.json': partialScikitBuild,
  'partial-setuptools-scm.json': partialSetuptoolsScm,
  'partial-setuptools.json': partialSetuptools,
  'partial-taskipy.json': partialTaskipy,
  'partial-tox.json': partialTox,
  'pyproject.json': pyproject,
  'quikrun.json': quikrun,
  'ruff.json': ruff,
  'tombi.json': tombi,
  'tox.json': tox,
  'ty.json': ty,
  'uv.json': uv,
};

/** Extra `[tool.*]` schemas SchemaStore lacks: tool name → schema (validate-pyproject's plugins). */
export const EXTRA_TOOL_SCHEMAS: Readonly<Record<string, object>> = {
  distutils: distutils,
};
